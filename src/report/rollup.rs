//! The rollup (`medtrio rollup ROOT`): the report that goes up from the LMUs and OMUs to HU.
//! Per roadmap activity and per theme, which committees met on it, when, and which have
//! not; the decisions and action points, grouped by OMU, then LMU; the good stories; the
//! prompts used; and the figures HU asks for.
//!
//! It is built from the committees' loaded folders, each with its own catalog; nothing here
//! reads the disk. Every list is in a fixed order (the tree's, then dates and ids), so two
//! runs give the same bytes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::actions::{ActionFilter, ActionLine, actions};
use super::decisions::{DecisionKind, decisions};
use super::doc::{Block, Doc, Entry, Fact, Printable, Style, Text};
use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{ActionStatus, Catalog, Level, Meeting, RoadmapActivity, Status, When};
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
    pub state: Option<String>,
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

/// The committees in the tree's order, each with its depth: the tops (whose parent is not
/// in the tree) by level and id, then each committee's children by id, depth first.
fn tree_order(committees: &[Committee<'_>]) -> Vec<(usize, usize)> {
    let ids: HashMap<&str, usize> = committees
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let mut children: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut tops = Vec::new();
    for (i, c) in committees.iter().enumerate() {
        match c.parent.as_deref().filter(|p| ids.contains_key(p)) {
            Some(p) => children.entry(p).or_default().push(i),
            None => tops.push(i),
        }
    }
    let rank = |i: &usize| {
        let c = &committees[*i];
        let level = c.catalog.forum_level(&c.id);
        (
            match level {
                Some(Level::Hu) => 0,
                Some(Level::Omu) => 1,
                Some(Level::Lmu) => 2,
                _ => 3,
            },
            c.id.clone(),
            c.folder.clone(),
        )
    };
    tops.sort_by_key(rank);
    for list in children.values_mut() {
        list.sort_by_key(rank);
    }
    let mut order = Vec::new();
    let mut stack: Vec<(usize, usize)> = tops.into_iter().rev().map(|i| (i, 0)).collect();
    let mut seen = vec![false; committees.len()];
    while let Some((i, depth)) = stack.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        order.push((i, depth));
        if let Some(list) = children.get(committees[i].id.as_str()) {
            stack.extend(list.iter().rev().map(|c| (*c, depth + 1)));
        }
    }
    order
}

/// The committee ids at and below `top`.
fn below(committees: &[Committee<'_>], top: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::from([top.to_owned()]);
    loop {
        let before = set.len();
        for c in committees {
            if c.parent.as_ref().is_some_and(|p| set.contains(p)) {
                set.insert(c.id.clone());
            }
        }
        if set.len() == before {
            return set;
        }
    }
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

/// Whether a meeting is held: it has minutes, or its status says so.
fn is_held(catalog: &Catalog<'_>, m: &Meeting) -> bool {
    catalog.meeting_status(m) == Status::Held
}

/// The day a meeting was held, or its planned date.
fn meeting_when(catalog: &Catalog<'_>, m: &Meeting) -> When {
    match catalog
        .minutes_of(&m.id)
        .and_then(|mi| catalog.held_day(mi))
    {
        Some(day) => When::At(crate::model::Period::Day(day)),
        None => *m.date,
    }
}

fn meeting_ref(c: &Committee<'_>, m: &Meeting, lang: Lang) -> MeetingRef {
    let when = meeting_when(&c.catalog, m);
    MeetingRef {
        committee: c.id.clone(),
        committee_name: c.catalog.forum_name(&c.id).to_owned(),
        meeting: m.id.value.clone(),
        title: m.title.value.clone(),
        date: when.is_known().then(|| when.to_string()),
        date_text: lang.when(when),
    }
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
    let in_scope: Option<BTreeSet<String>> = scope.under.map(|u| below(committees, u));
    let order: Vec<(usize, usize)> = tree_order(committees)
        .into_iter()
        .filter(|(i, _)| {
            in_scope
                .as_ref()
                .is_none_or(|s| s.contains(&committees[*i].id))
        })
        .collect();
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
    let area_of = |i: usize| -> Option<String> {
        let mut c = &committees[i];
        for _ in 0..crate::load::tree::MAX_DEPTH {
            if c.catalog.forum_level(&c.id) == Some(Level::Omu) {
                return Some(c.id.clone());
            }
            let parent = c.parent.as_deref()?;
            c = committees.iter().find(|x| x.id == parent)?;
        }
        None
    };

    let mut counts = Counts {
        committees: order.len(),
        ..Counts::default()
    };
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    let mut stories = Vec::new();
    let mut prompt_uses: BTreeMap<String, (String, usize, BTreeSet<String>)> = BTreeMap::new();
    // Per activity and per theme: meetings held and planned.
    let mut on_activity: BTreeMap<String, (Vec<MeetingRef>, Vec<MeetingRef>)> = BTreeMap::new();
    let mut on_theme: BTreeMap<String, (Vec<MeetingRef>, Vec<MeetingRef>)> = BTreeMap::new();
    let mut reached = BTreeSet::new();

    for (i, depth) in &order {
        let c = &committees[*i];
        let catalog = &c.catalog;
        let query = queries.get(i).and_then(Option::as_ref);
        let mut row = CommitteeRow {
            id: c.id.clone(),
            name: catalog.forum_name(&c.id).to_owned(),
            level: catalog.forum_level(&c.id),
            parent: c.parent.clone(),
            folder: c.folder.clone(),
            depth: depth - depth_base,
            meetings: 0,
            meetings_held: 0,
            decisions: 0,
            actions_open: 0,
            actions_done: 0,
            actions_overdue: 0,
            stories: 0,
            activities_held: Vec::new(),
            page: None,
        };
        let mut group = Group {
            committee: c.id.clone(),
            name: row.name.clone(),
            level: row.level,
            area: area_of(*i),
            depth: row.depth,
            decisions: Vec::new(),
            actions: Vec::new(),
        };
        let Some(query) = query else {
            rows.push(row);
            continue;
        };
        // The committee's own meetings: those its forum holds, and those of no forum.
        let own = |m: &Meeting| m.forum_id().is_none_or(|f| f == c.id);
        for m in catalog.data.programme.meetings.iter().map(|m| &m.value) {
            if !own(m) || !query.matches_meeting(catalog, m) {
                continue;
            }
            let status = catalog.meeting_status(m);
            if status == Status::Cancelled {
                continue;
            }
            row.meetings += 1;
            let held = is_held(catalog, m);
            if held {
                row.meetings_held += 1;
                reached.insert(c.id.clone());
            }
            let r = meeting_ref(c, m, lang);
            if let Some(a) = &m.activity {
                let entry = on_activity.entry(a.value.clone()).or_default();
                if held {
                    entry.0.push(r.clone());
                    row.activities_held.push(a.value.clone());
                } else {
                    entry.1.push(r.clone());
                }
            }
            for t in &m.themes {
                let entry = on_theme.entry(t.value.clone()).or_default();
                if held {
                    entry.0.push(r.clone());
                } else {
                    entry.1.push(r.clone());
                }
            }
            if let Some(items) = catalog.agenda_items(&m.id) {
                for item in items {
                    for p in &item.prompts {
                        let text = catalog
                            .prompt(p)
                            .map(|p| lang.prefer(&p.text, p.text_en.as_deref()).to_owned())
                            .unwrap_or_default();
                        let e = prompt_uses
                            .entry(p.value.clone())
                            .or_insert_with(|| (text, 0, BTreeSet::new()));
                        e.1 += 1;
                        e.2.insert(c.id.clone());
                    }
                }
            }
        }
        // A roadmap activity that is a meeting can have minutes of its own in the folder of
        // the committee that held it.
        for a in catalog.data.roadmap.activities.iter().map(|a| &a.value) {
            if a.is_meeting()
                && catalog.minutes_of(&a.id).is_some()
                && query.matches_activity(catalog, a)
            {
                let day = catalog
                    .minutes_of(&a.id)
                    .and_then(|mi| catalog.held_day(mi));
                let when = day.map_or(When::Unknown, |d| When::At(crate::model::Period::Day(d)));
                on_activity
                    .entry(a.id.value.clone())
                    .or_default()
                    .0
                    .push(MeetingRef {
                        committee: c.id.clone(),
                        committee_name: row.name.clone(),
                        meeting: a.id.value.clone(),
                        title: a.title.value.clone(),
                        date: when.is_known().then(|| when.to_string()),
                        date_text: lang.when(when),
                    });
                row.meetings += 1;
                row.meetings_held += 1;
                row.activities_held.push(a.id.value.clone());
                reached.insert(c.id.clone());
            }
        }
        let own_minutes = |meeting: &str| catalog.forum_of(meeting).is_none_or(|f| f == c.id);
        if let Ok(found) = decisions(catalog, query) {
            // The meetings' procedure (the agenda and the last referat approved) is no news
            // for the committee above.
            for d in found
                .into_iter()
                .filter(|d| own_minutes(d.meeting) && !d.is_procedural())
            {
                group.decisions.push(DecisionLine {
                    date_text: lang.long_date(d.day),
                    date: d.date,
                    meeting: d.meeting.to_owned(),
                    meeting_title: d.meeting_title.to_owned(),
                    item: d.item,
                    item_title: d.item_title,
                    kind: d.kind,
                    text: d.text,
                });
            }
        }
        if let Ok(found) = actions(catalog, query, &ActionFilter::default(), today) {
            for a in found.into_iter().filter(|a| own_minutes(a.meeting)) {
                match a.status {
                    ActionStatus::Open => row.actions_open += 1,
                    ActionStatus::Done => row.actions_done += 1,
                    ActionStatus::Dropped => {}
                }
                if a.overdue {
                    row.actions_overdue += 1;
                }
                group.actions.push(ActionLine::of_row(&a, lang));
            }
        }
        for minutes in &catalog.data.minutes {
            let meeting = minutes.meeting.as_str();
            if !own_minutes(meeting) {
                continue;
            }
            let matches = match catalog.meeting(meeting) {
                Some(m) => query.matches_meeting(catalog, m),
                None => catalog
                    .activity(meeting)
                    .is_some_and(|a| query.matches_activity(catalog, a)),
            };
            if !matches {
                continue;
            }
            let day = catalog.held_day(minutes);
            let told = minutes
                .items
                .iter()
                .filter_map(|i| i.story.as_deref())
                .chain(minutes.actions.iter().filter_map(|a| a.story.as_deref()));
            for text in told.filter(|t| !t.trim().is_empty()) {
                row.stories += 1;
                stories.push(Story {
                    committee: c.id.clone(),
                    committee_name: row.name.clone(),
                    meeting: meeting.to_owned(),
                    meeting_title: catalog.title_of(meeting).to_owned(),
                    date: day.map(crate::model::when::iso),
                    date_text: day.map_or_else(|| lang.when(When::Unknown), |d| lang.long_date(d)),
                    text: text.to_owned(),
                });
            }
        }
        row.decisions = group.decisions.len();
        row.activities_held.sort();
        row.activities_held.dedup();
        counts.meetings_held += row.meetings_held;
        counts.actions_open += row.actions_open;
        counts.actions_done += row.actions_done;
        counts.actions_overdue += row.actions_overdue;
        rows.push(row);
        groups.push(group);
    }
    counts.committees_reached = reached.len();
    let sort_refs = |v: &mut Vec<MeetingRef>| {
        v.sort_by(|a, b| {
            let key = |r: &MeetingRef| {
                (
                    r.date
                        .as_deref()
                        .and_then(|d| d.parse::<When>().ok())
                        .unwrap_or(When::Unknown)
                        .sort_key(),
                    r.committee.clone(),
                    r.meeting.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
    };
    let committee_ids: Vec<&str> = order
        .iter()
        .map(|(i, _)| committees[*i].id.as_str())
        .collect();
    let name_of = |id: &str| {
        committees
            .iter()
            .find(|c| c.id == id)
            .map_or(id.to_owned(), |c| c.catalog.forum_name(id).to_owned())
    };

    // The activities of the top committee's roadmap, which the folders below inherit.
    let mut activities = Vec::new();
    if let Some(top) = top {
        let query = queries.get(&order[0].0).and_then(Option::as_ref);
        let mut list: Vec<&RoadmapActivity> = top
            .catalog
            .data
            .roadmap
            .activities
            .iter()
            .map(|a| &a.value)
            .filter(|a| query.is_some_and(|q| q.matches_activity(&top.catalog, a)))
            .collect();
        list.sort_by_key(|a| a.current_date().sort_key());
        for a in list {
            let (mut held, mut planned) = on_activity.remove(a.id.as_str()).unwrap_or_default();
            // Under one committee, only what concerns it: its committees' own activities and
            // what their meetings carried out.
            let concerns = a.forum_id().is_some_and(|f| committee_ids.contains(&f))
                || !held.is_empty()
                || !planned.is_empty();
            if scope.under.is_some() && !concerns {
                continue;
            }
            sort_refs(&mut held);
            sort_refs(&mut planned);
            let expected: Option<Vec<&str>> = a
                .forum_id()
                .filter(|f| committee_ids.contains(f))
                .map(|f| vec![f]);
            let not_yet = expected.map(|e| {
                e.into_iter()
                    .filter(|id| !held.iter().chain(&planned).any(|r| r.committee == *id))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            });
            let state = activity_state(&top.catalog, a, today);
            let when = a.current_date();
            // "intet registreret" would deny the meetings held on it, listed beside it.
            let state_text = match (state, held.is_empty()) {
                ("now", false) => lang.words().now_period.to_owned(),
                ("past", false) => lang.words().past.to_owned(),
                _ => state_text(state, when, lang),
            };
            activities.push(Coverage {
                id: a.id.value.clone(),
                title: a.title.value.clone(),
                period: when.is_known().then(|| when.to_string()),
                period_text: lang.when(when),
                state: Some(state.to_owned()),
                state_text,
                outcome_note: a.outcome.as_ref().and_then(|o| o.note.clone()),
                held,
                planned,
                not_yet_names: not_yet.iter().flatten().map(|id| name_of(id)).collect(),
                not_yet,
            });
        }
    }

    let mut themes = Vec::new();
    if let Some(top) = top {
        let ids: Vec<&str> = match &scope.filters.theme {
            Some(t) => vec![t.as_str()],
            None => top.catalog.theme_ids(),
        };
        let mut ids: Vec<&str> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        for id in ids {
            let (mut held, mut planned) = on_theme.remove(id).unwrap_or_default();
            if held.is_empty() && planned.is_empty() && scope.filters.theme.is_none() {
                continue;
            }
            sort_refs(&mut held);
            sort_refs(&mut planned);
            let not_yet: Vec<String> = committee_ids
                .iter()
                .filter(|c| !held.iter().chain(&planned).any(|r| r.committee == **c))
                .map(|c| (*c).to_owned())
                .collect();
            themes.push(Coverage {
                id: id.to_owned(),
                title: top.catalog.theme_title(id, lang).to_owned(),
                period: None,
                period_text: String::new(),
                state: None,
                state_text: String::new(),
                outcome_note: None,
                held,
                planned,
                not_yet_names: not_yet.iter().map(|id| name_of(id)).collect(),
                not_yet: Some(not_yet),
            });
        }
    }

    stories.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.committee, &a.meeting).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.committee,
            &b.meeting,
        ))
    });
    let mut prompts: Vec<PromptUse> = prompt_uses
        .into_iter()
        .map(|(id, (text, count, committees))| PromptUse {
            id,
            text,
            count,
            committees: committees.into_iter().collect(),
        })
        .collect();
    prompts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
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
        prompts,
        broken,
        lang: lang.tag(),
        language: lang,
    }
}

/// Where a roadmap activity stands: what was recorded, else where its period lies against
/// today: `held`, `cancelled`, `postponed` (to a period not over yet), `past` (over, with
/// nothing recorded), `overdue` (over, though a status was promised), `now` or `coming`.
/// Past with nothing recorded is past, not overdue.
pub fn activity_state(
    catalog: &Catalog<'_>,
    a: &RoadmapActivity,
    today: NaiveDate,
) -> &'static str {
    use crate::model::OutcomeStatus;
    let when = a.current_date();
    if a.outcome
        .as_ref()
        .is_some_and(|o| o.status == OutcomeStatus::Postponed)
        && when.days().is_none_or(|(_, last)| last >= today)
    {
        return "postponed";
    }
    let status = catalog.activity_status(a);
    let (state, _) = super::timeline::state_of(status, when, today, Lang::Da);
    match (state, status) {
        ("past", Status::NotRecorded) => "past",
        ("past", _) => "overdue",
        (state, _) => state,
    }
}

/// An activity's state (see [`activity_state`]) in words; `when` is its current period.
pub fn state_text(state: &str, when: When, lang: Lang) -> String {
    let w = lang.words();
    match state {
        "postponed" => format!("{} {}", w.postponed_to_period, lang.when(when)),
        "held" => w.held.to_owned(),
        "cancelled" => lang.status(Status::Cancelled).to_owned(),
        "past" => w.past_unrecorded.to_owned(),
        "overdue" => w.overdue.to_owned(),
        "now" => w.now.to_owned(),
        _ => w.coming.to_owned(),
    }
}

impl Rollup {
    /// The name of the OMU a committee below it belongs to.
    fn area_name(&self, g: &Group) -> Option<String> {
        let area = g.area.as_deref().filter(|a| *a != g.committee)?;
        self.committees
            .iter()
            .find(|c| c.id == area)
            .map(|c| c.name.clone())
    }

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

fn refs_text(refs: &[MeetingRef]) -> String {
    refs.iter()
        .map(|r| format!("{} ({})", r.committee_name, r.date_text))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Printable for Rollup {
    fn doc(&self) -> Doc {
        let lang = self.language;
        let w = lang.words();
        let mut doc = Doc::new(lang);
        doc.kind = w.rollup_title.to_owned();
        doc.title = self.top_name.clone();
        doc.running = Some(self.title.clone());
        let mut facts = vec![Fact {
            label: w.as_of.to_owned(),
            value: self
                .today
                .parse::<NaiveDate>()
                .map_or_else(|_| self.today.clone(), |d| lang.long_date(d)),
        }];
        if !self.limits.is_empty() {
            facts.push(Fact {
                label: w.filters.to_owned(),
                value: self.limits.join(", "),
            });
        }
        doc.blocks.push(Block::Facts { facts });
        let c = &self.counts;
        doc.blocks.push(Block::heading(w.rollup_counts));
        doc.blocks.push(Block::Table {
            headers: vec![String::new(), String::new()],
            rows: [
                (w.committees, c.committees),
                (w.committees_reached, c.committees_reached),
                (w.meetings_held, c.meetings_held),
                (w.open_actions, c.actions_open),
                (w.actions_done_count, c.actions_done),
                (w.actions_overdue_count, c.actions_overdue),
            ]
            .iter()
            .map(|(label, n)| vec![(*label).to_owned(), n.to_string()])
            .collect(),
        });
        let coverage_table = |list: &[Coverage], first: &str, with_state: bool| {
            let mut headers = vec![first.to_owned()];
            if with_state {
                headers.extend([w.period.to_owned(), w.progress.to_owned()]);
            }
            headers.extend([
                w.met_on_it.to_owned(),
                w.planned_on_it.to_owned(),
                w.not_yet.to_owned(),
            ]);
            Block::Table {
                headers,
                rows: list
                    .iter()
                    .map(|a| {
                        let mut row = vec![a.title.clone()];
                        if with_state {
                            let mut state = a.state_text.clone();
                            if let Some(note) = &a.outcome_note {
                                state = format!("{state}: {note}");
                            }
                            row.extend([a.period_text.clone(), state]);
                        }
                        let not_yet = match &a.not_yet {
                            None => w.no_committee_named.to_owned(),
                            Some(_) => a.not_yet_names.join(", "),
                        };
                        row.extend([refs_text(&a.held), refs_text(&a.planned), not_yet]);
                        row
                    })
                    .collect(),
            }
        };
        doc.blocks.push(Block::heading(w.roadmap_activities));
        if self.activities.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks
                .push(coverage_table(&self.activities, w.activity, true));
        }
        doc.blocks.push(Block::heading(w.themes));
        if self.themes.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks
                .push(coverage_table(&self.themes, w.theme, false));
        }
        doc.blocks.push(Block::heading(w.decisions_and_actions));
        let mut any = false;
        for g in &self.groups {
            if g.decisions.is_empty() && g.actions.is_empty() {
                continue;
            }
            any = true;
            let mut body = Vec::new();
            if !g.decisions.is_empty() {
                body.push(Block::List {
                    numbered: false,
                    entries: g
                        .decisions
                        .iter()
                        .map(|d| {
                            let label = match d.kind {
                                DecisionKind::Decision => w.decision,
                                DecisionKind::Conclusion => w.conclusion,
                                DecisionKind::Postponed => w.postponed,
                            };
                            let mut e = Entry::new(format!("{label}: {}", d.text));
                            e.notes.push(Text::new(
                                Style::Small,
                                format!("{} · {}", d.meeting_title, d.date_text),
                            ));
                            e
                        })
                        .collect(),
                });
            }
            if !g.actions.is_empty() {
                body.push(ActionLine::table(&g.actions, lang));
            }
            let mut meta: Vec<String> = g.level.iter().map(|l| lang.level(*l).to_owned()).collect();
            if let Some(area) = self.area_name(g) {
                meta.push(area);
            }
            doc.blocks.push(Block::Item {
                number: String::new(),
                title: g.name.clone(),
                meta: (!meta.is_empty()).then(|| meta.join(" · ")),
                body,
            });
        }
        if !any {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        }
        doc.blocks.push(Block::heading(w.good_stories));
        if self.stories.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks.push(Block::List {
                numbered: false,
                entries: self
                    .stories
                    .iter()
                    .map(|s| {
                        let mut e = Entry::new(s.text.clone());
                        e.notes.push(Text::new(
                            Style::Small,
                            format!(
                                "{} · {} · {}",
                                s.committee_name, s.meeting_title, s.date_text
                            ),
                        ));
                        e
                    })
                    .collect(),
            });
        }
        doc.blocks.push(Block::heading(w.prompts_used));
        if self.prompts.is_empty() {
            doc.blocks
                .push(Block::paragraph(Style::Plain, w.nothing_to_show));
        } else {
            doc.blocks.push(Block::Table {
                headers: [w.prompts, w.times, w.committees]
                    .map(str::to_owned)
                    .to_vec(),
                rows: self
                    .prompts
                    .iter()
                    .map(|p| {
                        vec![
                            p.text.clone(),
                            p.count.to_string(),
                            p.committees.len().to_string(),
                        ]
                    })
                    .collect(),
            });
        }
        doc.blocks.push(Block::heading(w.committees));
        doc.blocks.push(Block::Table {
            headers: [w.committee, w.level, w.meetings, w.meetings_held]
                .map(str::to_owned)
                .to_vec(),
            rows: self
                .committees
                .iter()
                .map(|c| {
                    vec![
                        format!("{}{}", "– ".repeat(c.depth), c.name),
                        c.level.map_or("", |l| lang.level(l)).to_owned(),
                        c.meetings.to_string(),
                        c.meetings_held.to_string(),
                    ]
                })
                .collect(),
        });
        if !self.broken.is_empty() {
            doc.blocks.push(Block::heading(w.broken_folders));
            doc.blocks.push(Block::List {
                numbered: false,
                entries: self
                    .broken
                    .iter()
                    .map(|b| {
                        let mut e = Entry::new(b.folder.clone());
                        e.tail = format!(" ({} {})", b.errors, w.errors_word);
                        e
                    })
                    .collect(),
            });
        }
        doc
    }
}
