//! The rollup (`medtrio rollup ROOT`): the report that goes up from the LMUs and OMUs to HU.
//! Per roadmap activity and per theme, which committees met on it, when, and which have
//! not; the decisions and action points, grouped by OMU, then LMU; the good stories; the
//! prompts used; and the figures HU asks for.
//!
//! It is built from the committees' loaded folders, each with its own catalog; nothing here
//! reads the disk. Every list is in a fixed order (the tree's, then dates and ids), so two
//! runs give the same bytes.

mod coverage;
mod doc;
mod groups;
mod order;

use std::collections::HashMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use self::coverage::{Gathered, Reported};
use self::groups::PromptUses;
use super::actions::ActionLine;
use super::decisions::DecisionKind;
use super::state::State;
use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{ActionStatus, Catalog, Level, When};
use crate::query::{Filters, Query};

/// One committee's folder, loaded and checked.
pub struct Committee<'a> {
    /// The folder, relative to the tree's root (`.` for the root itself).
    pub folder: String,
    pub id: String,
    pub parent: Option<String>,
    pub catalog: Catalog<'a>,
}

/// A folder left out because its data has errors.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct BrokenFolder {
    /// The folder, relative to the tree's root.
    pub folder: String,
    /// How many errors it has (printed on stderr).
    pub errors: usize,
}

/// What the rollup covers: the shared filters, and `--under`.
pub struct Scope<'f> {
    pub filters: &'f Filters,
    /// Only this committee and those below it.
    pub under: Option<&'f str>,
    pub today: NaiveDate,
    pub lang: Lang,
    /// The filters as the user wrote them, for the report's head (the command line's words,
    /// given by the command).
    pub written: Vec<String>,
}

/// The rollup, as the JSON contract (`schemas/rollup.schema.json`) gives it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Rollup {
    /// The language of the texts, as a BCP 47 tag: `da-DK` or `en-GB`.
    pub lang: &'static str,
    /// "Opsamling" / "Roll-up".
    pub kind: String,
    pub title: String,
    /// The committee at the top of what is reported (an id).
    pub top: Option<String>,
    pub top_name: String,
    /// The day the figures are taken on, `YYYY-MM-DD`.
    pub today: String,
    pub today_text: String,
    /// The filters given, as written on the command line.
    pub filters: Vec<String>,
    /// The same filters in words, for the report's head: "temaet »Styrket aktørskab«".
    pub limits: Vec<String>,
    pub counts: Counts,
    /// Every committee reported, in the tree's order: each above those below it.
    pub committees: Vec<CommitteeRow>,
    /// The roadmap's activities (of the top committee's roadmap) that match the filters.
    pub activities: Vec<Coverage>,
    /// The themes that match the filters.
    pub themes: Vec<Coverage>,
    /// Decisions and action points, one group per committee in the tree's order (HU, each
    /// OMU followed by its LMUs).
    pub groups: Vec<Group>,
    pub stories: Vec<Story>,
    /// The prompts the agendas use, most used first.
    pub prompts: Vec<PromptUse>,
    /// Folders left out because their data has errors.
    pub broken: Vec<BrokenFolder>,
    /// The words of the printed document, in the output language.
    #[serde(skip)]
    #[schemars(skip)]
    language: Lang,
}

/// The figures HU asks for.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Counts {
    /// Committees reported.
    pub committees: usize,
    /// Committees that held at least one meeting that matches the filters.
    pub committees_reached: usize,
    /// Meetings held (with minutes, or recorded `held`) that match the filters.
    pub meetings_held: usize,
    pub actions_open: usize,
    pub actions_done: usize,
    /// Open, and due before today.
    pub actions_overdue: usize,
}

/// One committee, with its figures: the rows of `--format csv`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CommitteeRow {
    pub id: String,
    pub name: String,
    pub level: Option<Level>,
    /// The committee above (an id), or null for the top.
    pub parent: Option<String>,
    /// Its folder, relative to the tree's root.
    pub folder: String,
    /// How many committees lie above it in the report (0 for the top).
    pub depth: usize,
    /// Meetings that match the filters, and of them those held.
    pub meetings: usize,
    pub meetings_held: usize,
    pub decisions: usize,
    pub actions_open: usize,
    pub actions_done: usize,
    pub actions_overdue: usize,
    pub stories: usize,
    /// The roadmap activities it held a meeting on (ids).
    pub activities_held: Vec<String>,
    /// Its site's page, in an export of the tree (not in JSON or CSV).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(skip)]
    pub page: Option<String>,
}

/// Who met on an activity or a theme, and who has not.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Coverage {
    pub id: String,
    pub title: String,
    /// For an activity: its period as precise as known (`2026-Q1`), or null.
    pub period: Option<String>,
    pub period_text: String,
    /// For an activity: `held`, `cancelled`, `postponed`, `past` (nothing recorded),
    /// `overdue` (planned, and over), `now` or `coming`; null for a theme.
    pub state: Option<State>,
    pub state_text: String,
    /// What was recorded of how it went.
    pub outcome_note: Option<String>,
    /// Meetings held on it, by date.
    pub held: Vec<MeetingRef>,
    /// Meetings planned on it, not held yet.
    pub planned: Vec<MeetingRef>,
    /// The committees expected to meet on it that have neither (ids). Null when the roadmap
    /// names no committee of the tree for the activity.
    pub not_yet: Option<Vec<String>>,
    pub not_yet_names: Vec<String>,
}

/// A meeting of one committee.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct MeetingRef {
    pub committee: String,
    pub committee_name: String,
    pub meeting: String,
    pub title: String,
    /// The day it was (or is to be) held, as precise as known, or null.
    pub date: Option<String>,
    pub date_text: String,
}

/// One committee's decisions and action points.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Group {
    pub committee: String,
    pub name: String,
    pub level: Option<Level>,
    /// The OMU the committee belongs to (an id), itself for an OMU; null for HU.
    pub area: Option<String>,
    pub depth: usize,
    pub decisions: Vec<DecisionLine>,
    pub actions: Vec<ActionLine>,
}

#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct DecisionLine {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub date_text: String,
    pub meeting: String,
    pub meeting_title: String,
    pub item: u32,
    pub item_title: Option<String>,
    pub kind: DecisionKind,
    pub text: String,
}

/// A good story, from a minutes item or an action point.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Story {
    pub committee: String,
    pub committee_name: String,
    pub meeting: String,
    pub meeting_title: String,
    /// The day of the meeting, `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    pub date_text: String,
    pub text: String,
}

/// How often a prompt is used in the agendas.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct PromptUse {
    pub id: String,
    pub text: String,
    /// Agenda items that use it.
    pub count: usize,
    /// The committees whose agendas use it (ids).
    pub committees: Vec<String>,
}

/// The filters in the words of a report for HU: no command-line flag in a document.
fn limits_in_words(scope: &Scope<'_>, catalog: Option<&Catalog<'_>>) -> Vec<String> {
    use crate::lang::Limit;
    let (f, lang) = (scope.filters, scope.lang);
    let when = |s: &str| {
        s.parse::<When>()
            .map_or_else(|_| s.to_owned(), |w| lang.when(w))
    };
    let mut out = Vec::new();
    if let Some(t) = &f.theme {
        let title = catalog.map_or(t.as_str(), |c| c.theme_title(t, lang));
        out.push(lang.limited_to(Limit::Theme(title)));
    }
    if let Some(s) = &f.from {
        out.push(lang.limited_to(Limit::From(&when(s))));
    }
    if let Some(s) = &f.to {
        out.push(lang.limited_to(Limit::To(&when(s))));
    }
    if let Some(s) = &f.quarter {
        out.push(lang.limited_to(Limit::Quarter(&when(s))));
    }
    if let Some(u) = scope.under {
        let name = catalog.map_or(u, |c| c.forum_name(u));
        out.push(lang.limited_to(Limit::Under(name)));
    }
    out
}

/// Builds the rollup of `committees`. `committees` are the folders that loaded; `broken`
/// those left out.
pub fn rollup(
    committees: &[Committee<'_>],
    broken: Vec<BrokenFolder>,
    scope: &Scope<'_>,
) -> Rollup {
    let lang = scope.lang;
    let w = lang.words();
    let today = scope.today;
    let order = order::in_scope(committees, scope.under);
    let depth_base = order.iter().map(|(_, d)| *d).min().unwrap_or(0);
    let top = order.first().map(|(i, _)| &committees[*i]);
    // Each committee's query; a folder that does not know the theme has nothing of it.
    let queries: HashMap<usize, Option<Query>> = order
        .iter()
        .map(|(i, _)| {
            let c = &committees[*i];
            (*i, Query::parse(scope.filters, &c.catalog, today).ok())
        })
        .collect();

    let mut counts = Counts {
        committees: order.len(),
        ..Counts::default()
    };
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    let mut stories = Vec::new();
    let mut prompts = PromptUses::default();
    let mut covered = Gathered::default();
    for (i, depth) in &order {
        let c = &committees[*i];
        let mut row = CommitteeRow::new(c, depth - depth_base);
        let Some(query) = queries.get(i).and_then(Option::as_ref) else {
            rows.push(row);
            continue;
        };
        covered.add(c, query, &mut row, lang);
        prompts.add(c, query, lang);
        let group = Group {
            committee: c.id.clone(),
            name: row.name.clone(),
            level: row.level,
            area: order::area_of(committees, *i),
            depth: row.depth,
            decisions: groups::decisions_of(c, query, lang),
            actions: groups::actions_of(c, query, today, lang),
        };
        let told = groups::stories_of(c, query, lang);
        row.count(&group, told.len());
        counts.meetings_held += row.meetings_held;
        counts.actions_open += row.actions_open;
        counts.actions_done += row.actions_done;
        counts.actions_overdue += row.actions_overdue;
        stories.extend(told);
        rows.push(row);
        groups.push(group);
    }
    counts.committees_reached = covered.reached();
    groups::sort_stories(&mut stories);

    let reported = Reported {
        ids: order
            .iter()
            .map(|(i, _)| committees[*i].id.as_str())
            .collect(),
        all: committees,
    };
    let (activities, themes) = match top {
        Some(top) => (
            covered.activities(
                top,
                queries.get(&order[0].0).and_then(Option::as_ref),
                &reported,
                scope.under.is_some(),
                today,
                lang,
            ),
            covered.themes(top, scope.filters.theme.as_deref(), &reported, lang),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let title = match top {
        Some(c) => format!("{}: {}", w.rollup_title, c.catalog.forum_name(&c.id)),
        None => w.rollup_title.to_owned(),
    };
    Rollup {
        kind: w.rollup_kind.to_owned(),
        title,
        top: top.map(|c| c.id.clone()),
        top_name: top.map_or_else(String::new, |c| c.catalog.forum_name(&c.id).to_owned()),
        today: iso(today),
        today_text: lang.long_date(today),
        filters: scope.written.clone(),
        limits: limits_in_words(scope, top.map(|c| &c.catalog)),
        counts,
        committees: rows,
        activities,
        themes,
        groups,
        stories,
        prompts: prompts.into_list(),
        broken,
        lang: lang.tag(),
        language: lang,
    }
}

impl CommitteeRow {
    /// Committee `c`'s row, at `depth` below the top, with nothing counted yet.
    fn new(c: &Committee<'_>, depth: usize) -> Self {
        CommitteeRow {
            id: c.id.clone(),
            name: c.catalog.forum_name(&c.id).to_owned(),
            level: c.catalog.forum_level(&c.id),
            parent: c.parent.clone(),
            folder: c.folder.clone(),
            depth,
            meetings: 0,
            meetings_held: 0,
            decisions: 0,
            actions_open: 0,
            actions_done: 0,
            actions_overdue: 0,
            stories: 0,
            activities_held: Vec::new(),
            page: None,
        }
    }

    /// Counts the committee's decisions and action points (its `group`) and its `stories`.
    fn count(&mut self, group: &Group, stories: usize) {
        self.decisions = group.decisions.len();
        for a in &group.actions {
            match a.status {
                ActionStatus::Open => self.actions_open += 1,
                ActionStatus::Done => self.actions_done += 1,
                ActionStatus::Dropped => {}
            }
            if a.overdue {
                self.actions_overdue += 1;
            }
        }
        self.stories = stories;
        self.activities_held.sort();
        self.activities_held.dedup();
    }
}

impl Rollup {
    /// The names of the CSV columns: the fields of a committee's row.
    pub fn field_names() -> Vec<String> {
        let schema = schemars::schema_for!(CommitteeRow);
        schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    }
}
