//! The next agenda follows up by itself. For a meeting of a forum with earlier minutes,
//! "Godkendelse af referat" names the meeting whose minutes it approves, and the item
//! "Opfølgning på beslutninger og handlingspunkter" (the agenda's own, or one inserted after
//! "Godkendelse af referat") lists the forum's action points that are still open, each with
//! owner and due date, and marks those that are overdue.
//!
//! What is open is read as of the meeting's day, or today when that comes first: the agenda
//! of a past meeting shows what was open then, and a future one what is open now.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::when::iso;
use crate::model::{
    Action, ActionStatus, AgendaItem, Catalog, FollowUpSlot, Issued, IssuedAction, IssuedApproval,
    ItemRole, Located, Minutes, follow_up_slot, with_follow_up,
};
use crate::report::actions::ActionLine;
use crate::report::doc::{Block, Style};

/// What an item of the agenda says of the minutes before it.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUp {
    /// On "Godkendelse af referat": the minutes it approves.
    Approval {
        /// The meeting whose minutes these are.
        meeting: String,
        /// The day it was held, `YYYY-MM-DD`.
        date: String,
        /// "Referat fra mødet tirsdag den 24. marts 2026"
        text: String,
    },
    /// On "Opfølgning på beslutninger …": the forum's action points still open.
    Actions {
        /// The day they are read as of, `YYYY-MM-DD`, or null when neither the meeting's
        /// day nor today is known (then none is overdue).
        as_of: Option<String>,
        actions: Vec<ActionLine>,
    },
}

/// The follow-up of one agenda: where it goes, and the items with it inserted.
pub struct Plan<'a> {
    items: Cow<'a, [Located<AgendaItem>]>,
    /// The index of the follow-up item, when the forum has earlier minutes.
    follow_up: Option<usize>,
    id: String,
    lang: Lang,
    /// The agenda as it was issued: its follow-up is what it said that day.
    issued: Option<&'a Issued>,
}

impl<'a> Plan<'a> {
    /// Plans the follow-up of the meeting `id`, whose agenda has `items`.
    pub fn new(
        catalog: &Catalog<'a>,
        id: &str,
        items: &'a [Located<AgendaItem>],
        lang: Lang,
    ) -> Self {
        let mut plan = Plan {
            items: Cow::Borrowed(items),
            follow_up: None,
            id: id.to_owned(),
            lang,
            issued: catalog.issued(id),
        };
        if plan.issued.is_some() {
            plan.follow_up = match follow_up_slot(items.iter().map(|i| i.role())) {
                FollowUpSlot::Existing(at) => Some(at),
                FollowUpSlot::Insert(_) => None,
            };
            return plan;
        }
        if !catalog.follows_up(id) {
            return plan;
        }
        let (items, at) = with_follow_up(items, lang.words().follow_up);
        plan.items = items;
        plan.follow_up = Some(at);
        plan
    }

    /// The agenda's items, with the follow-up item where it was inserted.
    pub fn items(&self) -> &[Located<AgendaItem>] {
        &self.items
    }

    /// What the agenda's items say of the minutes before them, as of `today` when given:
    /// each as the index of its item in `items()` and what it says. The agenda places them.
    pub fn follow_ups(
        &self,
        catalog: &Catalog<'_>,
        today: Option<NaiveDate>,
    ) -> Vec<(usize, FollowUp)> {
        if let Some(issued) = self.issued {
            return self.issued_follow_ups(catalog, issued);
        }
        let Some(at) = self.follow_up else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Some(approval) = approved_here(catalog, &self.id)
            && let Some(item) = self.approval_item()
            && let Some(day) = catalog.held_day(approval)
        {
            out.push((
                item,
                FollowUp::Approval {
                    meeting: approval.meeting.value.clone(),
                    date: iso(day),
                    text: self.lang.minutes_of_meeting(&self.lang.long_date(day)),
                },
            ));
        }
        let as_of = as_of(catalog, &self.id, today);
        out.push((
            at,
            FollowUp::Actions {
                as_of: as_of.map(iso),
                actions: open_actions(catalog, &self.id, as_of, self.lang),
            },
        ));
        out
    }

    /// The index of the item that approves the minutes before (by its role: the item
    /// printed may be in English).
    fn approval_item(&self) -> Option<usize> {
        self.items
            .iter()
            .position(|i| i.role() == Some(ItemRole::ApproveMinutes))
    }

    /// The follow-up of an issued agenda: what it said the day it was issued.
    fn issued_follow_ups(&self, catalog: &Catalog<'_>, issued: &Issued) -> Vec<(usize, FollowUp)> {
        let mut out = Vec::new();
        if let Some(approves) = &issued.approves
            && let Some(day) = approves.date.day()
            && let Some(item) = self.approval_item()
        {
            out.push((
                item,
                FollowUp::Approval {
                    meeting: approves.meeting.value.clone(),
                    date: iso(day),
                    text: self.lang.minutes_of_meeting(&self.lang.long_date(day)),
                },
            ));
        }
        let Some(at) = self.follow_up else {
            return out;
        };
        let as_of = issued_as_of(catalog, &self.id, issued);
        let w = self.lang.words();
        let actions = issued
            .actions
            .iter()
            .map(|a| {
                let done = a.done.is_some();
                let overdue = match (a.due.days(), as_of) {
                    (Some((_, last)), Some(as_of)) => !done && last < as_of,
                    _ => false,
                };
                ActionLine {
                    id: a.id.value.clone(),
                    text: a.text.clone(),
                    owner: a.owner.clone(),
                    due: a.due.is_known().then(|| a.due.to_string()),
                    due_text: self.lang.when(*a.due),
                    status: if done {
                        ActionStatus::Done
                    } else {
                        ActionStatus::Open
                    },
                    overdue,
                    status_text: if done {
                        w.done_since.to_owned()
                    } else if overdue {
                        w.overdue.to_owned()
                    } else {
                        self.lang.action_status(ActionStatus::Open).to_owned()
                    },
                    meeting: a.meeting.value.clone(),
                    done: a.done.as_ref().map(|d| d.to_string()),
                }
            })
            .collect();
        out.push((
            at,
            FollowUp::Actions {
                as_of: as_of.map(iso),
                actions,
            },
        ));
        out
    }
}

/// The day an issued agenda's follow-up was read as of: the meeting's day, or the day it
/// was issued when that came first.
fn issued_as_of(catalog: &Catalog<'_>, id: &str, issued: &Issued) -> Option<NaiveDate> {
    let own = catalog.date_of(id).days().map(|(first, _)| first);
    match (own, issued.date.day()) {
        (Some(own), Some(on)) => Some(own.min(on)),
        (own, on) => own.or(on),
    }
}

/// What an agenda's follow-up says today, to freeze into the meeting when the agenda is
/// issued: the minutes "Godkendelse af referat" approves, and the open action points.
pub fn snapshot(
    catalog: &Catalog<'_>,
    id: &str,
    today: Option<NaiveDate>,
) -> (Option<IssuedApproval>, Vec<IssuedAction>) {
    if !catalog.follows_up(id) {
        return (None, Vec::new());
    }
    let approves = approved_here(catalog, id).and_then(|m| {
        Some(IssuedApproval {
            meeting: m.meeting.clone(),
            date: Located::new(crate::model::When::At(crate::model::Period::Day(
                catalog.held_day(m)?,
            ))),
        })
    });
    let actions = open_actions(catalog, id, as_of(catalog, id, today), Lang::Da)
        .into_iter()
        .filter_map(|a| {
            let (_, action) = catalog.action(&a.id)?;
            Some(IssuedAction {
                id: action.id.clone(),
                text: action.text.value.clone(),
                owner: action.owner.value.clone(),
                due: action.due.clone(),
                meeting: Located::new(a.meeting),
                done: a.done.as_ref().and_then(|_| action.done.clone()),
            })
        })
        .collect();
    (approves, actions)
}

/// The minutes that the meeting `id` approves: those that name it as their approving
/// meeting, else the latest earlier minutes of its forum not approved elsewhere.
fn approved_here<'a>(catalog: &Catalog<'a>, id: &str) -> Option<&'a Minutes> {
    let earlier = catalog.earlier_minutes(id);
    let named = earlier.iter().rev().find(|(_, m)| {
        m.approved
            .as_ref()
            .is_some_and(|a| a.meeting.as_ref().is_some_and(|m| m.as_str() == id))
    });
    named
        .or_else(|| earlier.last().filter(|(_, m)| m.approved.is_none()))
        .map(|(_, m)| *m)
}

/// The day the follow-up is read as of: the meeting's day (its first, for a month or a
/// quarter), or today when that comes first.
fn as_of(catalog: &Catalog<'_>, id: &str, today: Option<NaiveDate>) -> Option<NaiveDate> {
    let own = catalog
        .minutes_of(id)
        .and_then(|m| catalog.held_day(m))
        .or_else(|| catalog.date_of(id).days().map(|(first, _)| first));
    match (own, today) {
        (Some(own), Some(today)) => Some(own.min(today)),
        (own, today) => own.or(today),
    }
}

/// The follow-up of the meeting `id` for a sheet of its own (the prep sheet): the forum's
/// action points still open as of the meeting, or today when that comes first; `None` when
/// the forum has no earlier minutes.
pub fn open_actions_of(
    catalog: &Catalog<'_>,
    id: &str,
    today: Option<NaiveDate>,
    lang: Lang,
) -> Option<Vec<ActionLine>> {
    if !catalog.follows_up(id) {
        return None;
    }
    Some(open_actions(catalog, id, as_of(catalog, id, today), lang))
}

/// The action points of the earlier minutes of `id`'s forum that were open on `as_of`, by
/// due date (the undated last).
fn open_actions(
    catalog: &Catalog<'_>,
    id: &str,
    as_of: Option<NaiveDate>,
    lang: Lang,
) -> Vec<ActionLine> {
    let w = lang.words();
    // What was done since the forum's last meeting is reported too, as "udført".
    let since = catalog.earlier_minutes(id).last().map(|(day, _)| *day);
    let done_since = |a: &Action| {
        a.status == ActionStatus::Done
            && match (a.done.as_ref().and_then(|d| d.day()), since) {
                (Some(done), Some(since)) => done > since && as_of.is_none_or(|on| done <= on),
                _ => false,
            }
    };
    let mut out: Vec<(crate::model::When, ActionLine)> = catalog
        .earlier_minutes(id)
        .iter()
        .flat_map(|(_, m)| m.actions.iter().map(move |a| (*m, a)))
        .filter(|(_, a)| a.open_on(as_of) || done_since(a))
        .map(|(m, a)| {
            let mut action = ActionLine::of(a, &m.meeting, as_of, lang);
            if a.open_on(as_of) {
                // Open on the day read, though it may have been done since.
                action.status = ActionStatus::Open;
                action.done = None;
                if !action.overdue {
                    action.status_text = lang.action_status(ActionStatus::Open).to_owned();
                }
            } else {
                action.status_text = w.done_since.to_owned();
            }
            (*a.due, action)
        })
        .collect();
    out.sort_by_key(|(due, _)| due.sort_key());
    out.into_iter().map(|(_, a)| a).collect()
}

impl FollowUp {
    /// The follow-up as blocks under its item.
    pub fn blocks(&self, lang: Lang) -> Vec<Block> {
        match self {
            FollowUp::Approval { text, .. } => vec![Block::paragraph(Style::Plain, text)],
            FollowUp::Actions { actions, .. } => actions_blocks(actions, lang),
        }
    }
}

/// The open action points as a table (what, who, by when, status), or that there are none.
pub fn actions_blocks(actions: &[ActionLine], lang: Lang) -> Vec<Block> {
    let w = lang.words();
    if actions.is_empty() {
        return vec![Block::paragraph(Style::Plain, w.no_open_actions)];
    }
    vec![
        Block::paragraph(Style::Strong, format!("{}:", w.actions)),
        ActionLine::table(actions, lang),
    ]
}
