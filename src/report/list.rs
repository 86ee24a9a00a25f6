//! The rows of `medtrio list`: one struct per kind, serialized as the stable JSON contract.

use chrono::NaiveTime;
use schemars::JsonSchema;
use serde::Serialize;

use super::TextTable;
use super::actions::{self, ActionRow};
use super::choices::{self, ForumRow, TemplateRow, ThemeRow};
use super::decisions::{self, DecisionRow};
use super::prompts::{PromptRow, prompt_row};
use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{ActivityKind, Audience, Catalog, FindingKind, Kind, Level, Status, When};
use crate::query::{Query, QueryError};
use crate::report::state::State;

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MeetingRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The forum's id; null for a meeting that no committee holds.
    pub forum: Option<&'a str>,
    pub forum_name: Option<&'a str>,
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
    /// The day items must be proposed by, ISO `YYYY-MM-DD`, from the forum's rule; or null.
    pub items_due: Option<String>,
    /// The day the agenda goes out, ISO, from the forum's rule; or null.
    pub agenda_out: Option<String>,
    #[serde(skip)]
    pub title_en: Option<&'a str>,
    #[serde(skip)]
    pub when: When,
    #[serde(skip)]
    pub times: (Option<NaiveTime>, Option<NaiveTime>),
    #[serde(skip)]
    pub deadlines: crate::model::Deadlines,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ActivityRow<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The forum's id; null when the source names none.
    pub forum: Option<&'a str>,
    pub forum_name: Option<&'a str>,
    pub level: Option<Level>,
    pub kind: ActivityKind,
    pub status: Status,
    pub period: Option<String>,
    /// The date as the source writes it ("3.-4 kvartal 2026"), or null.
    pub source_label: Option<&'a str>,
    /// Every quarter the activity touches, e.g. `["2026-Q3", "2026-Q4"]`.
    pub quarters: Vec<String>,
    pub themes: Vec<&'a str>,
    /// Where it stands against --today: `held`, `cancelled`, `postponed`, `past` (over, with
    /// nothing recorded), `overdue` (over, though a status was promised), `now` or `coming`.
    pub state: Option<State>,
    /// What was recorded of how it went (`outcome.note`).
    pub outcome: Option<&'a str>,
    #[serde(skip)]
    pub when: When,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
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

/// The rows of one kind: what `list` lists, and the action points and decisions of the
/// minutes (`medtrio actions`, `medtrio decisions`).
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
pub enum ListReport<'a> {
    Meetings(MeetingRows<'a>),
    Roadmap(Vec<ActivityRow<'a>>),
    Findings(Vec<FindingRow<'a>>),
    Prompts(Vec<PromptRow<'a>>),
    Actions(Vec<ActionRow<'a>>),
    Decisions(Vec<DecisionRow<'a>>),
    Templates(Vec<TemplateRow<'a>>),
    Forums(Vec<ForumRow<'a>>),
    Themes(Vec<ThemeRow<'a>>),
    Attendance(Vec<super::attendance::AttendanceRow<'a>>),
}

fn known(when: When) -> Option<String> {
    when.is_known().then(|| when.to_string())
}

/// The meetings of a list, in order. A row is made when it is reached, so that a list of
/// every meeting (export's) is never held as rows beside the model: what is kept per meeting
/// is what needs the catalog.
#[derive(Clone, Debug)]
pub struct MeetingRows<'a> {
    entries: Vec<MeetingEntry<'a>>,
}

#[derive(Clone, Copy, Debug)]
struct MeetingEntry<'a> {
    meeting: &'a crate::model::Meeting,
    forum_name: Option<&'a str>,
    level: Option<Level>,
    status: Status,
    deadlines: crate::model::Deadlines,
}

impl<'a> MeetingRows<'a> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The rows, each made as it is reached.
    pub fn iter(&self) -> impl Iterator<Item = MeetingRow<'a>> + '_ {
        self.entries.iter().map(|e| {
            let m = e.meeting;
            MeetingRow {
                id: &m.id,
                title: &m.title,
                forum: m.forum_id(),
                forum_name: e.forum_name,
                level: e.level,
                status: e.status,
                date: m.date.day().map(iso),
                period: known(*m.date),
                start: m.start.as_ref().map(|t| t.to_string()),
                end: m.end.as_ref().map(|t| t.to_string()),
                place: m.place.as_deref(),
                themes: m.themes.iter().map(|t| t.as_str()).collect(),
                audiences: m.audiences.clone(),
                items_due: e.deadlines.items_due.map(|d| d.to_string()),
                agenda_out: e.deadlines.agenda_out.map(|d| d.to_string()),
                title_en: m.title_en.as_deref(),
                when: *m.date,
                times: (m.start.as_ref().map(|t| t.0), m.end.as_ref().map(|t| t.0)),
                deadlines: e.deadlines,
            }
        })
    }
}

impl Serialize for MeetingRows<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

pub fn meetings<'a>(catalog: &Catalog<'a>, query: &Query) -> MeetingRows<'a> {
    let mut entries: Vec<MeetingEntry<'a>> = catalog
        .data
        .programme
        .meetings
        .iter()
        .filter(|m| query.matches_meeting(catalog, m))
        .map(|m| MeetingEntry {
            meeting: m,
            forum_name: m.forum_id().map(|f| catalog.forum_name(f)),
            level: m.forum_id().and_then(|f| catalog.forum_level(f)),
            status: catalog.meeting_status(m),
            deadlines: catalog.deadlines_of(m),
        })
        .collect();
    // Stable: by date (unknown last), then start time; equal keys keep the file's order.
    entries.sort_by_key(|e| {
        (
            e.meeting.date.sort_key(),
            e.meeting.start.as_ref().map(|t| t.0),
        )
    });
    MeetingRows { entries }
}

pub fn activities<'a>(catalog: &Catalog<'a>, query: &Query) -> Vec<ActivityRow<'a>> {
    let state = |a: &crate::model::RoadmapActivity| {
        query
            .today()
            .map(|today| State::of_activity(catalog, a, today))
    };
    let mut rows: Vec<ActivityRow<'a>> = catalog
        .data
        .roadmap
        .activities
        .iter()
        .filter(|a| query.matches_activity(catalog, a))
        .map(|a| ActivityRow {
            id: &a.id,
            title: &a.title,
            forum: a.forum_id(),
            forum_name: a.forum_id().map(|f| catalog.forum_name(f)),
            level: a.forum_id().and_then(|f| catalog.forum_level(f)),
            kind: a.kind,
            status: catalog.activity_status(a),
            period: known(a.current_date()),
            source_label: a.source_label.as_deref(),
            quarters: a
                .current_date()
                .quarters()
                .iter()
                .map(ToString::to_string)
                .collect(),
            themes: a.themes.iter().map(|t| t.as_str()).collect(),
            state: state(a),
            outcome: a.outcome.as_ref().and_then(|o| o.note.as_deref()),
            when: a.current_date(),
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

/// Builds the rows of one kind, after checking that the query's flags apply to it.
pub fn list<'a>(
    catalog: &Catalog<'a>,
    query: &Query,
    kind: Kind,
) -> Result<ListReport<'a>, QueryError> {
    query.check_applies_to(kind)?;
    Ok(match kind {
        Kind::Activity => ListReport::Roadmap(activities(catalog, query)),
        Kind::Finding => ListReport::Findings(findings(catalog, query)),
        Kind::Prompt => ListReport::Prompts(prompts(catalog, query)),
        Kind::Template => ListReport::Templates(choices::templates(catalog, query)),
        Kind::Forum => ListReport::Forums(choices::forums(catalog, query)),
        Kind::Theme => ListReport::Themes(choices::themes(catalog, query)),
        _ => ListReport::Meetings(meetings(catalog, query)),
    })
}

impl ListReport<'_> {
    pub fn len(&self) -> usize {
        match self {
            ListReport::Meetings(r) => r.len(),
            ListReport::Roadmap(r) => r.len(),
            ListReport::Findings(r) => r.len(),
            ListReport::Prompts(r) => r.len(),
            ListReport::Actions(r) => r.len(),
            ListReport::Decisions(r) => r.len(),
            ListReport::Templates(r) => r.len(),
            ListReport::Forums(r) => r.len(),
            ListReport::Themes(r) => r.len(),
            ListReport::Attendance(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows' field names in order, as JSON names them: the columns of CSV.
    pub fn field_names(&self) -> Vec<String> {
        let schema = match self {
            ListReport::Meetings(_) => schemars::schema_for!(MeetingRow<'static>),
            ListReport::Roadmap(_) => schemars::schema_for!(ActivityRow<'static>),
            ListReport::Findings(_) => schemars::schema_for!(FindingRow<'static>),
            ListReport::Prompts(_) => schemars::schema_for!(PromptRow<'static>),
            ListReport::Actions(_) => schemars::schema_for!(ActionRow<'static>),
            ListReport::Decisions(_) => schemars::schema_for!(DecisionRow<'static>),
            ListReport::Templates(_) => schemars::schema_for!(TemplateRow<'static>),
            ListReport::Forums(_) => schemars::schema_for!(ForumRow<'static>),
            ListReport::Themes(_) => schemars::schema_for!(ThemeRow<'static>),
            ListReport::Attendance(_) => {
                schemars::schema_for!(super::attendance::AttendanceRow<'static>)
            }
        };
        schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Display strings in `lang`, for people: tables and Markdown.
    pub fn display_table(&self, lang: Lang) -> TextTable {
        let w = lang.words();
        let h = |cols: &[&str]| cols.iter().map(|c| (*c).to_owned()).collect();
        match self {
            ListReport::Meetings(rows) => {
                // The deadlines get a column only where a forum sets them.
                let deadlines = rows
                    .iter()
                    .any(|r| r.deadlines.items_due.is_some() || r.deadlines.agenda_out.is_some());
                let mut headers = vec![w.id, w.meeting, w.forum, w.date, w.time, w.status];
                if deadlines {
                    headers.push(w.deadlines);
                }
                let mut table = TextTable {
                    headers: h(&headers),
                    rows: rows
                        .iter()
                        .map(|r| {
                            let time = match r.times {
                                (Some(s), Some(e)) => lang.time_span(s, e),
                                (Some(s), None) => lang.clock(s),
                                _ => String::new(),
                            };
                            vec![
                                r.id.to_owned(),
                                lang.prefer(r.title, r.title_en).to_owned(),
                                r.forum_name.unwrap_or(w.no_forum).to_owned(),
                                lang.when_with_week(r.when),
                                time,
                                lang.status(r.status).to_owned(),
                            ]
                        })
                        .collect(),
                };
                if deadlines {
                    for (row, r) in table.rows.iter_mut().zip(rows.iter()) {
                        row.push(lang.deadlines(r.deadlines.items_due, r.deadlines.agenda_out));
                    }
                }
                table
            }
            ListReport::Roadmap(rows) => TextTable {
                headers: h(&[w.id, w.activity, w.forum, w.period, w.progress]),
                rows: rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_owned(),
                            r.title.to_owned(),
                            r.forum_name.unwrap_or(w.no_forum).to_owned(),
                            lang.when_with_week(r.when),
                            // Where it stands, from its status and today; the status alone
                            // when the query has no today.
                            r.state.map_or_else(
                                || lang.status(r.status).to_owned(),
                                |s| s.text(r.when, lang),
                            ),
                        ]
                    })
                    .collect(),
            },
            ListReport::Findings(rows) => TextTable {
                headers: h(&[w.id, w.section, w.finding]),
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
                headers: h(&[w.id, w.question, w.source, w.audience]),
                rows: rows
                    .iter()
                    .map(|r| {
                        let text = r.text_in(lang);
                        let sources = r
                            .source_texts
                            .iter()
                            .map(|s| s.citation())
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
            ListReport::Actions(rows) => actions::display_table(rows, lang),
            ListReport::Decisions(rows) => decisions::display_table(rows, lang),
            ListReport::Templates(rows) => choices::templates_table(rows, lang),
            ListReport::Forums(rows) => choices::forums_table(rows, lang),
            ListReport::Themes(rows) => choices::themes_table(rows, lang),
            ListReport::Attendance(rows) => super::attendance::display_table(rows, lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::example;

    #[test]
    fn meetings_are_in_date_order_and_a_quarter_sorts_by_its_first_day() {
        let data = example();
        let catalog = Catalog::new(&data);
        let ids: Vec<&str> = meetings(&catalog, &Query::all())
            .iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(
            ids,
            [
                "lmu-marts",
                "lmu-april",
                "personalemoede",
                "lmu-oktober",
                "lmu-december"
            ]
        );
    }

    #[test]
    fn the_table_speaks_the_language_asked_for() {
        let data = example();
        let catalog = Catalog::new(&data);
        let report = list(&catalog, &Query::all(), Kind::Meeting).unwrap();
        let da = report.display_table(Lang::Da);
        // The forum sets deadlines, so they get a column; a cancelled meeting has none.
        assert_eq!(
            da.headers,
            ["Id", "Møde", "Forum", "Dato", "Tid", "Status", "Frister"]
        );
        assert_eq!(da.rows[4][6], "punkter 17. nov. · udsendes 24. nov.");
        assert_eq!(da.rows[3][6], "");
        assert_eq!(da.rows[0][3], "tirsdag den 24. marts 2026 (uge 13)");
        assert_eq!(da.rows[3][5], "aflyst");
        assert_eq!(da.rows[0][5], "afholdt", "a meeting with minutes is held");
        let en = report.display_table(Lang::En);
        assert_eq!(en.rows[0][3], "Tuesday 24 March 2026 (week 13)");
    }

    #[test]
    fn the_csv_columns_are_the_json_fields_in_order() {
        let data = example();
        let catalog = Catalog::new(&data);
        for kind in Kind::LISTED {
            let report = list(&catalog, &Query::all(), kind).unwrap();
            let json = serde_json::to_value(&report).unwrap();
            let Some(first) = json.as_array().and_then(|rows| rows.first()) else {
                continue;
            };
            let fields: Vec<String> = first.as_object().unwrap().keys().cloned().collect();
            assert_eq!(report.field_names(), fields, "{kind}");
        }
    }
}
