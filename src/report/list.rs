//! The rows of `medtrio list`: one struct per kind, serialized as the stable JSON contract.

use serde::Serialize;

use super::TextTable;
use crate::lang::Lang;
use crate::model::{ActivityKind, Audience, Catalog, FindingKind, Level, Origin, Status, When};
use crate::query::{Kind, Query};

#[derive(Clone, Debug, Serialize)]
pub struct MeetingRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub forum: &'a str,
    pub forum_name: &'a str,
    pub level: Option<Level>,
    pub status: Status,
    /// The exact day, ISO `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// The date as precise as it is known (`2026-Q1`, `2025-11`, `2026-03-03`), or null.
    pub period: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<&'a str>,
    pub themes: Vec<&'a str>,
    pub audiences: Vec<Audience>,
    #[serde(skip)]
    pub when: When,
}

#[derive(Clone, Debug, Serialize)]
pub struct ActivityRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub forum: &'a str,
    pub forum_name: &'a str,
    pub level: Option<Level>,
    pub kind: ActivityKind,
    pub status: Status,
    pub period: Option<String>,
    /// Every quarter the activity touches, e.g. `["2026-Q3", "2026-Q4"]`.
    pub quarters: Vec<String>,
    pub themes: Vec<&'a str>,
    #[serde(skip)]
    pub when: When,
}

#[derive(Clone, Debug, Serialize)]
pub struct FindingRow<'a> {
    pub id: &'a str,
    pub section: &'a str,
    pub section_title: &'a str,
    pub kind: FindingKind,
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub themes: Vec<&'a str>,
    pub audiences: Vec<Audience>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PromptRow<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub text_en: Option<&'a str>,
    pub origin: Origin,
    /// The ids of the findings (or programme texts) the prompt comes from.
    pub sources: Vec<&'a str>,
    pub themes: Vec<&'a str>,
    pub audiences: Vec<Audience>,
    pub levels: Vec<Level>,
    /// Where each source stands and what it says.
    pub source_texts: Vec<SourceText<'a>>,
}

/// A prompt's source as shown beside it: the section's title and the finding's text.
#[derive(Clone, Debug, Serialize)]
pub struct SourceText<'a> {
    pub id: &'a str,
    pub section: &'a str,
    pub text: &'a str,
}

/// The rows of one kind.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ListReport<'a> {
    Meetings(Vec<MeetingRow<'a>>),
    Roadmap(Vec<ActivityRow<'a>>),
    Findings(Vec<FindingRow<'a>>),
    Prompts(Vec<PromptRow<'a>>),
}

fn known(when: When) -> Option<String> {
    when.is_known().then(|| when.to_string())
}

pub fn meetings<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<MeetingRow<'a>> {
    let mut rows: Vec<MeetingRow<'a>> = catalog
        .data
        .programme
        .meetings
        .iter()
        .filter(|m| query.matches_meeting(catalog, m))
        .map(|m| MeetingRow {
            id: &m.id,
            title: &m.title,
            forum: m.forum_id().unwrap_or(""),
            forum_name: m.forum_id().map_or("", |f| catalog.forum_name(f)),
            level: m.forum_id().and_then(|f| catalog.forum_level(f)),
            status: m.status,
            date: m.date.day().map(|d| d.format("%Y-%m-%d").to_string()),
            period: known(*m.date),
            start: m.start.as_ref().map(|t| t.to_string()),
            end: m.end.as_ref().map(|t| t.to_string()),
            place: m.place.as_deref(),
            themes: m.themes.iter().map(|t| t.as_str()).collect(),
            audiences: m.audiences.clone(),
            when: *m.date,
        })
        .collect();
    // Stable: by date (unknown last), then start time; equal keys keep the file's order.
    rows.sort_by(|a, b| (a.when.sort_key(), &a.start).cmp(&(b.when.sort_key(), &b.start)));
    rows
}

pub fn activities<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<ActivityRow<'a>> {
    let mut rows: Vec<ActivityRow<'a>> = catalog
        .data
        .roadmap
        .activities
        .iter()
        .filter(|a| query.matches_activity(catalog, a))
        .map(|a| ActivityRow {
            id: &a.id,
            title: &a.title,
            forum: a.forum_id().unwrap_or(""),
            forum_name: a.forum_id().map_or("", |f| catalog.forum_name(f)),
            level: a.forum_id().and_then(|f| catalog.forum_level(f)),
            kind: a.kind,
            status: a.status,
            period: known(*a.date),
            quarters: a.date.quarters().iter().map(ToString::to_string).collect(),
            themes: a.themes.iter().map(|t| t.as_str()).collect(),
            when: *a.date,
        })
        .collect();
    rows.sort_by_key(|r| r.when.sort_key());
    rows
}

pub fn findings<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<FindingRow<'a>> {
    catalog
        .data
        .findings
        .findings
        .iter()
        .filter(|f| query.matches_finding(catalog, f))
        .map(|f| FindingRow {
            id: &f.id,
            section: &f.section,
            section_title: catalog.section(&f.section).map_or("", |s| s.title.as_str()),
            kind: f.kind,
            title: f.title.as_deref(),
            text: &f.text,
            themes: catalog.finding_themes(f),
            audiences: f.audiences.clone(),
        })
        .collect()
}

pub fn prompts<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<PromptRow<'a>> {
    catalog
        .data
        .findings
        .prompts
        .iter()
        .filter(|p| query.matches_prompt(catalog, p))
        .map(|p| prompt_row(catalog, p))
        .collect()
}

pub fn prompt_row<'a>(catalog: &Catalog<'a>, p: &'a crate::model::Prompt) -> PromptRow<'a> {
    PromptRow {
        id: &p.id,
        text: &p.text,
        text_en: p.text_en.as_deref(),
        origin: p.origin,
        sources: p.sources.iter().map(|s| s.as_str()).collect(),
        themes: catalog.prompt_themes(p),
        audiences: p.audiences.clone(),
        levels: p.levels.clone(),
        source_texts: p
            .sources
            .iter()
            .filter_map(|s| source_text(catalog, s))
            .collect(),
    }
}

/// A finding's or why-text's section title and text.
pub fn source_text<'a>(catalog: &Catalog<'a>, id: &'a str) -> Option<SourceText<'a>> {
    if let Some(f) = catalog.finding(id) {
        let section = catalog.section(&f.section).map_or("", |s| s.title.as_str());
        return Some(SourceText {
            id,
            section,
            text: &f.text,
        });
    }
    let why = catalog.why(id)?;
    Some(SourceText {
        id,
        section: &catalog.data.programme.title,
        text: &why.title,
    })
}

/// Builds the rows of one kind, after checking that the query's flags apply to it.
pub fn list<'a>(
    catalog: &Catalog<'a>,
    query: &Query,
    kind: Kind,
) -> Result<ListReport<'a>, crate::error::Failure> {
    query.check_applies_to(kind)?;
    Ok(match kind {
        Kind::Meetings => ListReport::Meetings(meetings(catalog, query)),
        Kind::Roadmap => ListReport::Roadmap(activities(catalog, query)),
        Kind::Findings => ListReport::Findings(findings(catalog, query)),
        Kind::Prompts => ListReport::Prompts(prompts(catalog, query)),
    })
}

impl ListReport<'_> {
    pub fn len(&self) -> usize {
        match self {
            ListReport::Meetings(r) => r.len(),
            ListReport::Roadmap(r) => r.len(),
            ListReport::Findings(r) => r.len(),
            ListReport::Prompts(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Display strings in `lang`, for people: tables and Markdown.
    pub fn display_table(&self, lang: Lang) -> TextTable {
        let h = |cols: &[(&str, &str)]| {
            cols.iter()
                .map(|(da, en)| lang.pick(da, en).to_owned())
                .collect()
        };
        match self {
            ListReport::Meetings(rows) => TextTable {
                headers: h(&[
                    ("Id", "Id"),
                    ("Møde", "Meeting"),
                    ("Forum", "Forum"),
                    ("Dato", "Date"),
                    ("Tid", "Time"),
                    ("Status", "Status"),
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        let time = match (&r.start, &r.end) {
                            (Some(s), Some(e)) => format!("{s}–{e}"),
                            (Some(s), None) => s.clone(),
                            _ => String::new(),
                        };
                        vec![
                            r.id.to_owned(),
                            r.title.to_owned(),
                            r.forum_name.to_owned(),
                            lang.when_with_week(r.when),
                            time,
                            lang.status(r.status).to_owned(),
                        ]
                    })
                    .collect(),
            },
            ListReport::Roadmap(rows) => TextTable {
                headers: h(&[
                    ("Id", "Id"),
                    ("Aktivitet", "Activity"),
                    ("Forum", "Forum"),
                    ("Periode", "When"),
                    ("Status", "Status"),
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.title.to_owned(),
                            r.forum_name.to_owned(),
                            lang.when_with_week(r.when),
                            lang.status(r.status).to_owned(),
                        ]
                    })
                    .collect(),
            },
            ListReport::Findings(rows) => TextTable {
                headers: h(&[("Id", "Id"), ("Afsnit", "Section"), ("Fund", "Finding")]),
                rows: rows
                    .iter()
                    .map(|r| {
                        let text = match r.title {
                            Some(title) => format!("{title}: {}", r.text),
                            None => r.text.to_owned(),
                        };
                        vec![r.id.to_owned(), r.section_title.to_owned(), text]
                    })
                    .collect(),
            },
            ListReport::Prompts(rows) => TextTable {
                headers: h(&[
                    ("Id", "Id"),
                    ("Spørgsmål", "Question"),
                    ("Kilde", "Source"),
                    ("Målgruppe", "Audience"),
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        let text = match (lang, r.text_en) {
                            (Lang::En, Some(en)) => en,
                            _ => r.text,
                        };
                        let sources = r
                            .source_texts
                            .iter()
                            .map(|s| format!("{} – {}", s.section, s.text))
                            .collect::<Vec<_>>()
                            .join("; ");
                        let audiences: Vec<&str> =
                            r.audiences.iter().map(|a| lang.audience(*a)).collect();
                        vec![
                            r.id.to_owned(),
                            text.to_owned(),
                            sources,
                            audiences.join(", "),
                        ]
                    })
                    .collect(),
            },
        }
    }

    /// Stable field names and ISO values, for CSV: the JSON contract, flattened.
    pub fn data_table(&self) -> TextTable {
        let s = |v: &[&str]| v.join(", ");
        let names = |v: &[String]| v.join(", ");
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let list = |v: Vec<&str>| v.join(", ");
        let headers = |cols: &[&str]| cols.iter().map(|c| (*c).to_owned()).collect();
        match self {
            ListReport::Meetings(rows) => TextTable {
                headers: headers(&[
                    "id",
                    "title",
                    "forum",
                    "level",
                    "status",
                    "date",
                    "period",
                    "start",
                    "end",
                    "place",
                    "themes",
                    "audiences",
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.title.to_owned(),
                            r.forum.to_owned(),
                            r.level.map(|l| l.to_string()).unwrap_or_default(),
                            r.status.to_string(),
                            opt(&r.date),
                            opt(&r.period),
                            opt(&r.start),
                            opt(&r.end),
                            r.place.unwrap_or_default().to_owned(),
                            s(&r.themes),
                            list(r.audiences.iter().map(|a| a.as_str()).collect()),
                        ]
                    })
                    .collect(),
            },
            ListReport::Roadmap(rows) => TextTable {
                headers: headers(&[
                    "id", "title", "forum", "level", "kind", "status", "period", "quarters",
                    "themes",
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.title.to_owned(),
                            r.forum.to_owned(),
                            r.level.map(|l| l.to_string()).unwrap_or_default(),
                            r.kind.to_string(),
                            r.status.to_string(),
                            opt(&r.period),
                            names(&r.quarters),
                            s(&r.themes),
                        ]
                    })
                    .collect(),
            },
            ListReport::Findings(rows) => TextTable {
                headers: headers(&[
                    "id",
                    "section",
                    "kind",
                    "title",
                    "text",
                    "themes",
                    "audiences",
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.section.to_owned(),
                            r.kind.to_string(),
                            r.title.unwrap_or_default().to_owned(),
                            r.text.to_owned(),
                            s(&r.themes),
                            list(r.audiences.iter().map(|a| a.as_str()).collect()),
                        ]
                    })
                    .collect(),
            },
            ListReport::Prompts(rows) => TextTable {
                headers: headers(&[
                    "id",
                    "text",
                    "origin",
                    "sources",
                    "themes",
                    "audiences",
                    "levels",
                    "source_texts",
                ]),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.text.to_owned(),
                            r.origin.to_string(),
                            s(&r.sources),
                            s(&r.themes),
                            list(r.audiences.iter().map(|a| a.as_str()).collect()),
                            list(r.levels.iter().map(|l| l.as_str()).collect()),
                            r.source_texts
                                .iter()
                                .map(|t| t.text)
                                .collect::<Vec<_>>()
                                .join(" | "),
                        ]
                    })
                    .collect(),
            },
        }
    }
}
