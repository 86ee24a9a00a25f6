//! The export's index page: the roadmap timeline, the agendas, and links to every file.

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Status};
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
    /// What the index needs of an agenda, so that the agenda itself can be dropped.
    pub fn of(a: &Agenda) -> Self {
        AgendaLink {
            title: a.title.clone(),
            forum: a.forum.clone(),
            date_text: a.date_text.clone(),
            status_text: a.status_text.clone(),
            html: format!("agendas/{}.html", a.id),
            md: format!("agendas/{}.md", a.id),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct AgendaLink {
    pub title: String,
    pub forum: String,
    pub date_text: String,
    pub status_text: String,
    pub html: String,
    pub md: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct FileLink {
    pub label: String,
    pub href: String,
}

pub fn index_page(
    catalog: &Catalog<'_>,
    agendas: Vec<AgendaLink>,
    files: Vec<FileLink>,
    today: NaiveDate,
    lang: Lang,
) -> IndexPage {
    let d = catalog.data;
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
