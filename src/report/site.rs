//! The export's index page: the roadmap timeline, the agendas, and links to every file.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, Status, When};
use crate::report::actions::{ActionLine, ActionRow};
use crate::report::agenda::Agenda;
use crate::report::timeline::{self, Timeline};

/// The page's long lists (an agenda link for every meeting, the open action points) are
/// shared, not serialized with the rest: the HTML renderer hands them to the template one row
/// at a time, so the page is written without holding all of it twice.
#[derive(Clone, Debug, Serialize)]
pub struct IndexPage {
    pub lang: Lang,
    pub title: String,
    /// The programme's owner, who organises its meetings. Not the owner of the roadmap.
    pub owner: String,
    pub roadmap_title: String,
    /// Where the roadmap comes from (the findings' title), since the data names no owner.
    pub roadmap_source: Option<String>,
    /// Whether any agenda is of a meeting that no committee holds, which its organiser runs.
    pub organised_meetings: bool,
    pub today_text: String,
    pub provisional_note: Option<String>,
    pub timeline: Timeline,
    #[serde(skip)]
    pub agendas: Arc<Vec<AgendaLink>>,
    pub files: Vec<FileLink>,
    /// The action points still open across the referater, overdue first.
    #[serde(skip)]
    pub open_actions: Arc<Vec<OpenActionLink>>,
    /// The annual cycle's wheel for the year, when the data has a cycle.
    pub cycle: Option<FileLink>,
}

/// An open action point on the index page, linked to the referat it stands in.
#[derive(Clone, Debug, Serialize)]
pub struct OpenActionLink {
    #[serde(flatten)]
    pub action: ActionLine,
    pub meeting_title: String,
    pub forum: String,
    pub minutes: String,
}

/// The open action points of `rows`, overdue first, then by due date.
pub fn open_actions(rows: &[ActionRow<'_>], lang: Lang) -> Arc<Vec<OpenActionLink>> {
    let mut open: Vec<&ActionRow<'_>> = rows
        .iter()
        .filter(|r| r.status == crate::model::ActionStatus::Open)
        .collect();
    // Stable: within each group the rows keep their order by due date.
    open.sort_by_key(|r| !r.overdue);
    open.into_iter()
        .map(|r| OpenActionLink {
            action: ActionLine::of_row(r, lang),
            meeting_title: r.meeting_title.to_owned(),
            forum: r.forum_name.to_owned(),
            minutes: format!("minutes/{}.html", r.meeting),
        })
        .collect::<Vec<_>>()
        .into()
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
            Status::Cancelled | Status::Held => a.lang.status(a.status),
            _ if past => w.not_registered,
            _ => a.lang.status(a.status),
        };
        AgendaLink {
            id: a.id.clone(),
            minutes: false,
            title: a.title.clone(),
            forum: Arc::from(
                a.forum
                    .as_deref()
                    .or(a.organiser.as_deref())
                    .unwrap_or(w.no_forum),
            ),
            date_text: a.date_text.clone(),
            status_text,
            cancelled: a.cancelled,
            first_day: days.map(|(first, _)| first),
            organised: a.forum.is_none() && a.organiser.is_some(),
            attachments: Vec::new(),
        }
    }
}

impl AgendaLink {
    /// Shares the forum's name with the other agendas of `names`' forums.
    pub fn share_forum(&mut self, names: &mut std::collections::HashSet<Arc<str>>) {
        match names.get(&self.forum) {
            Some(shared) => self.forum = Arc::clone(shared),
            None => {
                names.insert(Arc::clone(&self.forum));
            }
        }
    }
}

/// An agenda on the index page. One is kept for every meeting until the page is written, so
/// it holds only what the page cannot compute: the links are made from the id when the page
/// reads them.
#[derive(Clone, Debug)]
pub struct AgendaLink {
    pub id: String,
    pub title: String,
    /// Whether the meeting has minutes, and so a referat's page.
    pub minutes: bool,
    /// The forum's name, shared by its agendas (see [`AgendaLink::share_forum`]).
    pub forum: Arc<str>,
    pub date_text: String,
    pub status_text: &'static str,
    pub cancelled: bool,
    /// For the order of the table: by date, the undated last.
    pub first_day: Option<NaiveDate>,
    /// Whether no committee holds the meeting, and `forum` is its organiser (a temamøde).
    pub organised: bool,
    /// The agenda's attachments as copied beside it.
    pub attachments: Vec<FileLink>,
}

impl Serialize for AgendaLink {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Link<'a> {
            id: &'a str,
            title: &'a str,
            /// The referat's page, once the meeting has minutes.
            minutes: Option<String>,
            forum: &'a str,
            date_text: &'a str,
            status_text: &'a str,
            cancelled: bool,
            organised: bool,
            html: String,
            md: String,
            attachments: &'a [FileLink],
        }
        Link {
            id: &self.id,
            title: &self.title,
            minutes: self.minutes.then(|| format!("minutes/{}.html", self.id)),
            forum: &self.forum,
            date_text: &self.date_text,
            status_text: self.status_text,
            cancelled: self.cancelled,
            organised: self.organised,
            html: format!("agendas/{}.html", self.id),
            md: format!("agendas/{}.md", self.id),
            attachments: &self.attachments,
        }
        .serialize(s)
    }
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
    let source = d.findings.title.value.clone();
    IndexPage {
        lang,
        title: d.programme.title.value.clone(),
        owner: catalog.forum_name(&d.programme.owner).to_owned(),
        roadmap_title: d.roadmap.title.value.clone(),
        roadmap_source: (!source.trim().is_empty()).then_some(source),
        organised_meetings: agendas.iter().any(|a| a.organised),
        today_text: lang.long_date(today),
        provisional_note: lang
            .danish_only(d.programme.note.as_deref())
            .filter(|_| d.programme.status == Status::Provisional)
            .map(str::to_owned),
        timeline: timeline::timeline(catalog, today, lang),
        agendas: Arc::new(agendas),
        files,
        open_actions: Arc::default(),
        cycle: None,
    }
}
