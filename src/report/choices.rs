//! What a user can choose from in their data: the templates, forums and themes
//! (`medtrio list templates|forums|themes`), as rows of the stable JSON contract.

use schemars::JsonSchema;
use serde::Serialize;

use super::TextTable;
use crate::lang::Lang;
use crate::model::{Catalog, Level, TemplateKind};
use crate::query::Query;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct TemplateRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// `committee`: a committee's agenda; `programme`: the programme of a cross-cutting
    /// temamøde.
    pub kind: TemplateKind,
    /// The level it is made for; null when it fits any.
    pub level: Option<Level>,
    /// How many agenda items it has.
    pub items: usize,
    /// The items' minutes added up.
    pub minutes: i64,
    /// Whether its items and times are suggestions ("forslag").
    pub suggestion: bool,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ForumRow<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub full_name: Option<&'a str>,
    pub level: Level,
    /// Days before a meeting by which items must be proposed; null when not set.
    pub items_due_days: Option<u32>,
    /// Days before a meeting on which the agenda goes out; null when not set.
    pub agenda_out_days: Option<u32>,
    /// How many of the programme's meetings the forum holds.
    pub meetings: usize,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ThemeRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// How many meetings take up the theme.
    pub meetings: usize,
    /// How many dialogue prompts are about it.
    pub prompts: usize,
}

/// The templates, in the order of the data, filtered by `--level` and `--search`.
pub fn templates<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<TemplateRow<'a>> {
    catalog
        .data
        .programme
        .templates
        .iter()
        .map(|t| &t.value)
        .filter(|t| {
            query.keeps_choice(t.level, &[&t.title, t.description.as_deref().unwrap_or("")])
        })
        .map(|t| TemplateRow {
            id: &t.id,
            title: &t.title,
            kind: t.kind,
            level: t.level,
            items: t.items.len(),
            minutes: t.items.iter().map(|i| i.minutes.value).sum(),
            suggestion: t.suggestion,
        })
        .collect()
}

/// The forums, in the order of the data, filtered by `--level` and `--search`.
pub fn forums<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<ForumRow<'a>> {
    let meetings = &catalog.data.programme.meetings;
    catalog
        .data
        .roadmap
        .forums
        .iter()
        .map(|f| &f.value)
        .filter(|f| {
            query.keeps_choice(
                Some(f.level),
                &[&f.name, f.full_name.as_deref().unwrap_or("")],
            )
        })
        .map(|f| ForumRow {
            id: &f.id,
            name: &f.name,
            full_name: f.full_name.as_deref(),
            level: f.level,
            items_due_days: f.items_due_days.as_ref().map(|d| d.value),
            agenda_out_days: f.agenda_out_days.as_ref().map(|d| d.value),
            meetings: meetings
                .iter()
                .filter(|m| {
                    m.forum
                        .as_ref()
                        .is_some_and(|id| id.as_str() == f.id.as_str())
                })
                .count(),
        })
        .collect()
}

/// The themes of the programme and the findings, filtered by `--search`.
pub fn themes<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<ThemeRow<'a>> {
    let data = catalog.data;
    let mut seen = std::collections::HashSet::new();
    data.programme
        .themes
        .iter()
        .chain(&data.findings.themes)
        .map(|t| &t.value)
        .filter(|t| seen.insert(t.id.as_str()))
        .filter(|t| query.keeps_choice(None, &[&t.title, t.title_en.as_deref().unwrap_or("")]))
        .map(|t| ThemeRow {
            id: &t.id,
            title: &t.title,
            meetings: data
                .programme
                .meetings
                .iter()
                .filter(|m| m.themes.iter().any(|id| id.as_str() == t.id.as_str()))
                .count(),
            prompts: data
                .findings
                .prompts
                .iter()
                .filter(|p| p.themes.iter().any(|id| id.as_str() == t.id.as_str()))
                .count(),
        })
        .collect()
}

pub fn templates_table(rows: &[TemplateRow<'_>], lang: Lang) -> TextTable {
    let w = lang.words();
    TextTable {
        headers: [w.id, w.template, w.level, w.items, w.length]
            .map(str::to_owned)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.id.to_owned(),
                    r.title.to_owned(),
                    r.level
                        .map(|l| lang.level(l).to_owned())
                        .unwrap_or_default(),
                    r.items.to_string(),
                    format!("{} {}", r.minutes, w.minutes),
                ]
            })
            .collect(),
    }
}

pub fn forums_table(rows: &[ForumRow<'_>], lang: Lang) -> TextTable {
    let w = lang.words();
    TextTable {
        headers: [w.id, w.forum, w.level, w.deadlines, w.meetings]
            .map(str::to_owned)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.id.to_owned(),
                    r.name.to_owned(),
                    lang.level(r.level).to_owned(),
                    lang.deadline_days(r.items_due_days, r.agenda_out_days),
                    r.meetings.to_string(),
                ]
            })
            .collect(),
    }
}

pub fn themes_table(rows: &[ThemeRow<'_>], lang: Lang) -> TextTable {
    let w = lang.words();
    TextTable {
        headers: [w.id, w.theme, w.meetings, w.prompts]
            .map(str::to_owned)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.id.to_owned(),
                    r.title.to_owned(),
                    r.meetings.to_string(),
                    r.prompts.to_string(),
                ]
            })
            .collect(),
    }
}
