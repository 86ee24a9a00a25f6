//! The export's index page: the roadmap timeline, the agendas, and links to every file.

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Status, When};
use crate::report::agenda::Agenda;
use crate::report::timeline::{self, Timeline};

#[derive(Clone, Debug, Serialize)]
pub struct IndexPage {
    pub lang: Lang,
    pub title: String,
    pub owner: String,
    pub roadmap_title: String,
    pub today_text: String,
    pub provisional_note: Option<String>,
    pub timeline: Timeline,
    pub agendas: Vec<AgendaLink>,
    pub files: Vec<FileLink>,
}

impl AgendaLink {
    /// What the index needs of an agenda, so that the agenda itself can be dropped. A past
    /// meeting says whether it was held (it has minutes) or that nothing is recorded; it is
    /// never "planned" once its day is over.
    pub fn of(a: &Agenda, today: NaiveDate) -> Self {
        let w = a.lang.words();
        let days = a
            .period
            .as_deref()
            .and_then(|p| p.parse::<When>().ok())
            .and_then(|w| w.days());
        let past = days.is_some_and(|(_, last)| last < today);
        let status_text = match a.status {
            Status::Cancelled | Status::Held => a.status_text.clone(),
            _ if past => w.not_registered.to_owned(),
            _ => a.status_text.clone(),
        };
        AgendaLink {
            title: a.title.clone(),
            forum: a
                .forum
                .clone()
                .or_else(|| a.organiser.clone())
                .unwrap_or_else(|| w.no_forum.to_owned()),
            date_text: a.date_text.clone(),
            status_text,
            cancelled: a.cancelled,
            html: format!("agendas/{}.html", a.id),
            md: format!("agendas/{}.md", a.id),
            first_day: days.map(|(first, _)| first),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AgendaLink {
    pub title: String,
    pub forum: String,
    pub date_text: String,
    pub status_text: String,
    pub cancelled: bool,
    pub html: String,
    pub md: String,
    /// For the order of the table: by date, the undated last.
    #[serde(skip)]
    pub first_day: Option<NaiveDate>,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileLink {
    pub label: String,
    pub href: String,
}

pub fn index_page(
    catalog: &Catalog<'_>,
    mut agendas: Vec<AgendaLink>,
    files: Vec<FileLink>,
    today: NaiveDate,
    lang: Lang,
) -> IndexPage {
    let d = catalog.data;
    // Stable: equal days keep the order of the data.
    agendas.sort_by_key(|a| (a.first_day.is_none(), a.first_day));
    IndexPage {
        lang,
        title: d.programme.title.value.clone(),
        owner: catalog.forum_name(&d.programme.owner).to_owned(),
        roadmap_title: d.roadmap.title.value.clone(),
        today_text: lang.long_date(today),
        provisional_note: lang
            .danish_only(d.programme.note.as_deref())
            .filter(|_| d.programme.status == Status::Provisional)
            .map(str::to_owned),
        timeline: timeline::timeline(catalog, today, lang),
        agendas,
        files,
    }
}
