//! A meeting's minutes (referat): who was there, what was decided under each item, and the
//! action points that the next meeting follows up. One file a meeting, `minutes/ID.yaml`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::located::Located;
use super::when::{ClockTime, When};
use super::{AgendaItem, Id, ItemRole, ItemType, vocab::ActionStatus, vocab::MinutesStatus};

/// `minutes/<meeting-id>.yaml`.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    pub version: u32,
    /// The meeting the minutes are of (a meeting id).
    pub meeting: Located<Id>,
    /// `draft` until the next meeting approves them, then `approved`.
    #[serde(default = "draft")]
    pub status: Located<MinutesStatus>,
    /// When the meeting was actually held, where that differs from the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<Held>,
    /// Who was there (til stede).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<Located<String>>,
    /// Who sent apologies (afbud).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apologies: Vec<Located<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute_taker: Option<String>,
    /// For approved minutes: when, and at which meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved: Option<Approval>,
    /// What each agenda item came to, by its number. (Not `Located`: the item's number and
    /// fields carry their own positions, and a span costs parsing time in every file.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemMinutes>,
    /// The action points (handlingspunkter).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
}

fn draft() -> Located<MinutesStatus> {
    Located::new(MinutesStatus::Draft)
}

/// When a meeting was actually held.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Held {
    pub date: Located<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Located<ClockTime>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Located<ClockTime>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// Who approved the minutes, and when.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub date: Located<When>,
    /// The meeting that approved them (a meeting id), a later one of the same forum; left
    /// out for minutes approved in writing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Located<Id>>,
    /// Approved in writing (by mail, after the deadline for objections), not at a meeting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub in_writing: bool,
}

/// What one agenda item came to.
#[derive(
    Clone,
    Debug,
    Default,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct ItemMinutes {
    /// The item's number on the agenda, from 1.
    pub item: Located<u32>,
    /// The item's title, to read the file by; `validate` checks it against the agenda.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Located<String>>,
    /// For a B item: the decision (Beslutning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// For a D item: the conclusion (Konklusion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// For an O item: taken note of (taget til efterretning).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub noted: bool,
    /// A note on the item, of any type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Postponed (udsat) to this later meeting (a meeting id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postponed_to: Option<Located<Id>>,
    /// A good story of aktørskab that the item brought out, to tell further up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
    /// Protokoltilførsler: statements entered in the referat at a member's request, each
    /// with who asked for it. Public unless the item is confidential.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

/// A protokoltilførsel: a member's statement, entered in the referat as they asked.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Who asked for it to be entered (a name or a role: "TR", "AMR for køkkenet").
    pub by: String,
    /// The statement, as they gave it.
    pub text: String,
}

/// An action point: what, who, by when.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub id: Located<Id>,
    pub text: Located<String>,
    /// Who does it.
    pub owner: Located<String>,
    /// By when: a day, a month or a quarter.
    #[serde(default)]
    pub due: Located<When>,
    #[serde(default = "open")]
    pub status: ActionStatus,
    /// The day it was done, for a done action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Located<When>>,
    /// Why it was dropped, for a dropped action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The agenda item it came from, by number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<Located<u32>>,
    /// A good story of aktørskab that the action became, to tell further up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<String>,
}

fn open() -> ActionStatus {
    ActionStatus::Open
}

impl Action {
    /// Whether the action point is open on `day`: open, or done after it; never when it was
    /// dropped. Without a day, only an open one is.
    pub fn open_on(&self, day: Option<chrono::NaiveDate>) -> bool {
        match self.status {
            ActionStatus::Open => true,
            ActionStatus::Dropped => false,
            ActionStatus::Done => match (self.done.as_ref().and_then(|d| d.day()), day) {
                (Some(done), Some(day)) => done > day,
                _ => false,
            },
        }
    }

    /// Whether the action point is overdue on `day`: open on it, and the last day of its
    /// due date (a day, a month, a quarter) is before it.
    pub fn overdue_on(&self, day: chrono::NaiveDate) -> bool {
        self.open_on(Some(day)) && self.due.days().is_some_and(|(_, last)| last < day)
    }
}

impl Minutes {
    /// Whether these are minutes prepared before the meeting, which record nothing yet.
    pub fn is_prepared(&self) -> bool {
        *self.status == MinutesStatus::Prepared
    }

    /// Whether anything is written in them: who came, what an item came to, an action point.
    pub fn is_filled_in(&self) -> bool {
        let said = |t: &Option<String>| t.as_ref().is_some_and(|t| !t.trim().is_empty());
        !self.present.is_empty()
            || !self.actions.is_empty()
            || self
                .items
                .iter()
                .any(|i| said(&i.decision) || said(&i.conclusion) || said(&i.note))
    }

    /// The action points that came from item `number`, or from no item (`None`).
    pub fn actions_of(&self, number: Option<u32>) -> impl Iterator<Item = &Action> {
        self.actions
            .iter()
            .filter(move |a| a.item.as_ref().map(|i| i.value) == number)
    }

    /// The minutes of item `number`, if they say anything of it.
    pub fn item(&self, number: u32) -> Option<&ItemMinutes> {
        self.items.iter().find(|i| i.item.value == number)
    }
}

/// Where the follow-up on earlier minutes stands on an agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FollowUpSlot {
    /// The agenda has its own item "Opfølgning på beslutninger …", at this index.
    Existing(usize),
    /// It has none: one is inserted at this index, right after "Godkendelse af referat"
    /// (else after "Godkendelse af dagsorden", else first).
    Insert(usize),
}

/// Where the follow-up goes on an agenda whose items have these roles
/// ([`AgendaItem::role`]). The one rule, so that the agenda, the skeleton of the minutes and
/// `validate` number the items alike.
pub fn follow_up_slot(roles: impl IntoIterator<Item = Option<ItemRole>>) -> FollowUpSlot {
    let roles: Vec<Option<ItemRole>> = roles.into_iter().collect();
    let at = |role: ItemRole| roles.iter().position(|r| *r == Some(role));
    if let Some(i) = at(ItemRole::FollowUp) {
        return FollowUpSlot::Existing(i);
    }
    let after = at(ItemRole::ApproveMinutes).or_else(|| at(ItemRole::ApproveAgenda));
    FollowUpSlot::Insert(after.map_or(0, |i| i + 1))
}

/// The minutes the inserted follow-up item takes, as in the committee templates.
pub const FOLLOW_UP_MINUTES: i64 = 5;

/// An agenda's items with the follow-up on earlier minutes in its place: the agenda's own
/// item "Opfølgning på beslutninger …", or one of [`FOLLOW_UP_MINUTES`] titled `title`
/// inserted by [`follow_up_slot`]. With the index of the follow-up item. The one rule for
/// the agenda and for `validate`, so that data that validates fits its time with it.
pub fn with_follow_up<'a>(
    items: &'a [Located<AgendaItem>],
    title: &str,
) -> (std::borrow::Cow<'a, [Located<AgendaItem>]>, usize) {
    match follow_up_slot(items.iter().map(|i| i.role())) {
        FollowUpSlot::Existing(at) => (std::borrow::Cow::Borrowed(items), at),
        FollowUpSlot::Insert(at) => {
            let mut all = items.to_vec();
            all.insert(
                at,
                Located::new(AgendaItem {
                    title: Located::new(title.to_owned()),
                    title_en: None,
                    lead_en: None,
                    recommendation_en: None,
                    kind: Some(ItemType::Orientering),
                    minutes: Located::new(FOLLOW_UP_MINUTES),
                    lead: None,
                    recommendation: None,
                    notes: None,
                    prompts: Vec::new(),
                    fixed: true,
                    ..AgendaItem::default()
                }),
            );
            (std::borrow::Cow::Owned(all), at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_follow_up_goes_after_the_approval_of_the_minutes() {
        let slot = |titles: &[&str]| follow_up_slot(titles.iter().map(|t| ItemRole::of_title(t)));
        assert_eq!(
            slot(&["Godkendelse af dagsorden", "Godkendelse af referat", "APV"]),
            FollowUpSlot::Insert(2)
        );
        assert_eq!(
            slot(&[
                "Godkendelse af dagsorden",
                "Opfølgning på beslutninger",
                "APV"
            ]),
            FollowUpSlot::Existing(1)
        );
        assert_eq!(
            slot(&["Godkendelse af dagsorden", "Hvad er aktørskab for os?"]),
            FollowUpSlot::Insert(1)
        );
        assert_eq!(slot(&["Velkomst"]), FollowUpSlot::Insert(0));
        assert_eq!(
            ItemRole::of_title("OPFØLGNING på beslutninger og handlingspunkter"),
            Some(ItemRole::FollowUp)
        );
    }

    fn item(yaml: &str) -> Located<AgendaItem> {
        Located::new(crate::load::parse::<AgendaItem>("item.yaml", yaml).unwrap())
    }

    #[test]
    fn a_role_places_the_follow_up_whatever_the_titles_say() {
        let items = [
            item("title: Approval of the agenda\nminutes: 5\nrole: approve-agenda\n"),
            item("title: Minutes of the last meeting\nminutes: 5\nrole: approve-minutes\n"),
            item("title: Kaffe\nminutes: 10\nrole: break\n"),
            item("title: Godkendelse af referat\nminutes: 5\n"),
        ];
        assert_eq!(items[2].role(), Some(ItemRole::Break));
        assert!(items[2].is_break());
        // The title is only the fallback: "Godkendelse af referat" with no role is the
        // approval, but the role given first wins the slot.
        assert_eq!(items[3].role(), Some(ItemRole::ApproveMinutes));
        assert_eq!(
            follow_up_slot(items.iter().map(|i| i.role())),
            FollowUpSlot::Insert(2)
        );
        let (all, at) = with_follow_up(&items, "Follow-up");
        assert_eq!((at, all[at].title.as_str()), (2, "Follow-up"));
    }

    fn action(yaml: &str) -> Action {
        crate::load::parse::<Action>("action.yaml", yaml).unwrap()
    }

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_action_is_overdue_after_the_last_day_it_is_due_while_it_is_open() {
        let open = action("id: a\ntext: t\nowner: o\ndue: 2026-05\n");
        assert!(!open.overdue_on(day("2026-05-31")));
        assert!(open.overdue_on(day("2026-06-01")));
        // Done on 10 June: still open, and overdue, on the 5th; neither on the 11th.
        let done =
            action("id: a\ntext: t\nowner: o\ndue: 2026-05\nstatus: done\ndone: 2026-06-10\n");
        assert!(done.open_on(Some(day("2026-06-05"))));
        assert!(done.overdue_on(day("2026-06-05")));
        assert!(!done.open_on(Some(day("2026-06-11"))));
        assert!(!done.open_on(None));
        let dropped = action("id: a\ntext: t\nowner: o\ndue: 2026-05\nstatus: dropped\n");
        assert!(!dropped.overdue_on(day("2026-07-01")));
        // No due date: never overdue.
        assert!(!action("id: a\ntext: t\nowner: o\n").overdue_on(day("2030-01-01")));
    }
}
