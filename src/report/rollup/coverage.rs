//! Coverage of the roadmap's activities and the themes: which committees met on each, when,
//! which plan to, and which have not, gathered committee by committee in the tree's order.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Committee, CommitteeRow, Coverage, MeetingRef};
use crate::lang::Lang;
use crate::model::{Catalog, Meeting, Period, RoadmapActivity, Status, When};
use crate::query::Query;
use crate::report::state::State;

/// Meetings held and meetings planned, on one activity or theme.
type HeldAndPlanned = (Vec<MeetingRef>, Vec<MeetingRef>);

/// What the committees' meetings covered, as they are gathered.
#[derive(Default)]
pub(super) struct Gathered {
    on_activity: BTreeMap<String, HeldAndPlanned>,
    on_theme: BTreeMap<String, HeldAndPlanned>,
    /// The committees that held a meeting.
    reached: BTreeSet<String>,
}

/// The committee's own meetings that match `query` and are not cancelled: those its forum
/// holds, and those of no forum.
pub(super) fn own_meetings<'c>(
    c: &'c Committee<'_>,
    query: &'c Query,
) -> impl Iterator<Item = &'c Meeting> + 'c {
    let catalog = &c.catalog;
    catalog
        .data
        .programme
        .meetings
        .iter()
        .map(|m| &m.value)
        .filter(move |m| m.forum_id().is_none_or(|f| f == c.id))
        .filter(move |m| query.matches_meeting(catalog, m))
        .filter(move |m| catalog.meeting_status(m) != Status::Cancelled)
}

impl Gathered {
    /// Gathers what committee `c`'s meetings that match `query` covered, and counts them in
    /// its `row`.
    pub(super) fn add(
        &mut self,
        c: &Committee<'_>,
        query: &Query,
        row: &mut CommitteeRow,
        lang: Lang,
    ) {
        let catalog = &c.catalog;
        for m in own_meetings(c, query) {
            row.meetings += 1;
            let held = is_held(catalog, m);
            if held {
                row.meetings_held += 1;
                self.reached.insert(c.id.clone());
            }
            let r = meeting_ref(c, m, lang);
            if let Some(a) = &m.activity {
                let entry = self.on_activity.entry(a.value.clone()).or_default();
                if held {
                    entry.0.push(r.clone());
                    row.activities_held.push(a.value.clone());
                } else {
                    entry.1.push(r.clone());
                }
            }
            for t in &m.themes {
                let entry = self.on_theme.entry(t.value.clone()).or_default();
                if held {
                    entry.0.push(r.clone());
                } else {
                    entry.1.push(r.clone());
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
                let when = day.map_or(When::Unknown, |d| When::At(Period::Day(d)));
                self.on_activity
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
                self.reached.insert(c.id.clone());
            }
        }
    }

    /// How many committees held a meeting.
    pub(super) fn reached(&self) -> usize {
        self.reached.len()
    }

    /// The activities of the top committee's roadmap (which the folders below inherit) that
    /// match `query`, by period. With `under`, only those that concern `committees`: their
    /// own activities and what their meetings carried out.
    pub(super) fn activities(
        &mut self,
        top: &Committee<'_>,
        query: Option<&Query>,
        committees: &Reported<'_>,
        under: bool,
        today: NaiveDate,
        lang: Lang,
    ) -> Vec<Coverage> {
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
        let mut activities = Vec::new();
        for a in list {
            let (mut held, mut planned) =
                self.on_activity.remove(a.id.as_str()).unwrap_or_default();
            let concerns = a.forum_id().is_some_and(|f| committees.ids.contains(&f))
                || !held.is_empty()
                || !planned.is_empty();
            if under && !concerns {
                continue;
            }
            sort_refs(&mut held);
            sort_refs(&mut planned);
            let expected: Option<Vec<&str>> = a
                .forum_id()
                .filter(|f| committees.ids.contains(f))
                .map(|f| vec![f]);
            let not_yet = expected.map(|e| {
                e.into_iter()
                    .filter(|id| !held.iter().chain(&planned).any(|r| r.committee == *id))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            });
            let state = State::of_activity(&top.catalog, a, today);
            let when = a.current_date();
            // "intet registreret" would deny the meetings held on it, listed beside it.
            let state_text = match (state, held.is_empty()) {
                (State::Now, false) => lang.words().now_period.to_owned(),
                (State::Past, false) => lang.words().past.to_owned(),
                _ => state.text(when, lang),
            };
            activities.push(Coverage {
                id: a.id.value.clone(),
                title: a.title.value.clone(),
                period: when.is_known().then(|| when.to_string()),
                period_text: lang.when(when),
                state: Some(state),
                state_text,
                outcome_note: a.outcome.as_ref().and_then(|o| o.note.clone()),
                held,
                planned,
                not_yet_names: not_yet
                    .iter()
                    .flatten()
                    .map(|id| committees.name_of(id))
                    .collect(),
                not_yet,
            });
        }
        activities
    }

    /// The themes met on, by id: `theme` alone when given (met on or not), else every theme
    /// of the top committee's catalog that a meeting was held or planned on.
    pub(super) fn themes(
        &mut self,
        top: &Committee<'_>,
        theme: Option<&str>,
        committees: &Reported<'_>,
        lang: Lang,
    ) -> Vec<Coverage> {
        let mut ids: Vec<&str> = match theme {
            Some(t) => vec![t],
            None => top.catalog.theme_ids(),
        };
        ids.sort_unstable();
        ids.dedup();
        let mut themes = Vec::new();
        for id in ids {
            let (mut held, mut planned) = self.on_theme.remove(id).unwrap_or_default();
            if held.is_empty() && planned.is_empty() && theme.is_none() {
                continue;
            }
            sort_refs(&mut held);
            sort_refs(&mut planned);
            let not_yet: Vec<String> = committees
                .ids
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
                not_yet_names: not_yet.iter().map(|id| committees.name_of(id)).collect(),
                not_yet: Some(not_yet),
            });
        }
        themes
    }
}

/// The committees reported, by id in the tree's order, with their names.
pub(super) struct Reported<'c> {
    pub ids: Vec<&'c str>,
    pub all: &'c [Committee<'c>],
}

impl Reported<'_> {
    /// The name of committee `id`, as its own folder gives it.
    fn name_of(&self, id: &str) -> String {
        self.all
            .iter()
            .find(|c| c.id == id)
            .map_or(id.to_owned(), |c| c.catalog.forum_name(id).to_owned())
    }
}

/// Meetings by day (the undated last), then committee and id.
fn sort_refs(v: &mut [MeetingRef]) {
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
        Some(day) => When::At(Period::Day(day)),
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
