//! The programme file: a committee's theme meetings, its reasons and its agenda templates.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::located::Located;
use super::vocab::{Audience, ItemRole, ItemType, Level, MeetingFormat, Status, TemplateKind};
use super::when::{ClockTime, When};
use super::{Id, Theme};

/// `programme.yaml`.
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
pub struct Programme {
    pub version: u32,
    pub id: Located<String>,
    pub title: Located<String>,
    /// The forum that owns and announces the programme (a forum id). It is not the forum of
    /// the programme's meetings: a temamøde for MED-trios is held by no committee.
    pub owner: Located<String>,
    /// The committee whose data this folder is (a forum id), in a tree of committees' folders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee: Option<Located<Id>>,
    /// The committee above this one (a forum id: its OMU or HU). A folder without
    /// `roadmap.yaml` or `findings.yaml` uses the nearest one of the committees above it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Located<Id>>,
    /// The years it runs, as written (`2026-2027`).
    #[serde(default)]
    pub period: Option<String>,
    pub status: Status,
    #[serde(default)]
    pub intro: Option<String>,
    /// Why the programme matters, one text per heading.
    #[serde(default)]
    pub why: Vec<Located<WhyText>>,
    /// The heading over the description of the meetings, as the source writes it
    /// ("Temamøder 2026-2027").
    #[serde(default)]
    pub meetings_heading: Option<String>,
    /// The programme's own description of its meetings.
    #[serde(default)]
    pub description: Option<String>,
    /// A caveat printed with every agenda (e.g. that the programme may change).
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub announcement: Option<Announcement>,
    #[serde(default)]
    pub themes: Vec<Located<Theme>>,
    #[serde(default)]
    pub meetings: Vec<Located<Meeting>>,
    #[serde(default)]
    pub templates: Vec<Located<Template>>,
}

/// Where dates and sign-up links are announced.
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
pub struct Announcement {
    pub channel: String,
    #[serde(default)]
    pub url: Option<Located<String>>,
}

/// One "why" text of the programme, under its heading.
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
pub struct WhyText {
    pub id: Located<Id>,
    pub title: Located<String>,
    pub text: String,
    #[serde(default)]
    pub themes: Vec<Located<Id>>,
}

/// A meeting: a temamøde of the programme, or a committee's own meeting.
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
pub struct Meeting {
    pub id: Located<Id>,
    pub title: Located<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The forum that holds the meeting (a forum id). Left out when no committee holds it,
    /// such as a cross-cutting temamøde for MED-trios, or when the source does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forum: Option<Located<Id>>,
    pub status: Status,
    /// The roadmap activity the meeting carries out (an activity id), such as "Tage det ud i
    /// de enkelte LMU'er" for an LMU's meeting on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Located<Id>>,
    #[serde(default)]
    pub date: Located<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Located<ClockTime>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Located<ClockTime>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Located<Id>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audiences: Vec<Audience>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub formats: Vec<MeetingFormat>,
    /// Whether the details (date, place, programme) have been announced yet.
    #[serde(default = "yes")]
    pub details_announced: bool,
    /// Whether participants sign up. The link is `signup_url`; while it is not known, it is
    /// announced where the programme's `announcement` says. A committee meeting has no sign-up.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub signup: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signup_url: Option<Located<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub apologies: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minute_taker: Option<String>,
    /// The template the agenda comes from when the meeting has no items of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<Located<Id>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Located<AgendaItem>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Why the meeting was cancelled (`medtrio cancel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
    /// The agenda as it was sent (`medtrio agenda ID --issue`, or the first minutes): from
    /// then on `items` are the agenda's, numbered as they stand, and what the follow-up
    /// listed is kept here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Issued>,
    /// The calendar invitation last written by `medtrio mail invitation`: so that the
    /// invitation of a changed meeting carries a higher SEQUENCE, and calendars update the
    /// event rather than add a second one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited: Option<Invited>,
}

/// What the last invitation of a meeting was: its SEQUENCE, and a fingerprint of what it
/// said (time, place, title, status, attendees), to tell a changed meeting.
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
pub struct Invited {
    /// The SEQUENCE of the last invitation, from 0.
    pub sequence: u32,
    /// A fingerprint of what it said; medtrio writes it, and compares the next with it.
    pub fingerprint: String,
}

/// The day a meeting's agenda was issued, and what its follow-up said that day.
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
pub struct Issued {
    /// The day it was issued.
    pub date: Located<When>,
    /// The meeting whose minutes "Godkendelse af referat" put up for approval, and the day
    /// that meeting was held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approves: Option<IssuedApproval>,
    /// The action points "Opfølgning på beslutninger og handlingspunkter" listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<IssuedAction>,
}

/// The minutes an issued agenda put up for approval.
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
pub struct IssuedApproval {
    pub meeting: Located<Id>,
    pub date: Located<When>,
}

/// An action point as an issued agenda's follow-up listed it.
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
pub struct IssuedAction {
    pub id: Located<Id>,
    pub text: String,
    pub owner: String,
    #[serde(default)]
    pub due: Located<When>,
    /// The meeting whose minutes it came from.
    pub meeting: Located<Id>,
    /// The day it was done, for one listed as done since the forum's last meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<Located<When>>,
}

fn yes() -> bool {
    true
}

impl Meeting {
    /// The id of the forum that holds the meeting, when one does.
    pub fn forum_id(&self) -> Option<&str> {
        self.forum.as_ref().map(|f| f.value.as_str())
    }

    /// Whether participants sign up: `signup: true`, or a sign-up link.
    pub fn has_signup(&self) -> bool {
        self.signup || self.signup_url.is_some()
    }
}

/// A named agenda for a kind of meeting, used when a meeting has no items of its own.
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
pub struct Template {
    pub id: Located<Id>,
    pub title: Located<String>,
    /// `committee` (the default): a committee's agenda; `programme`: the programme of a
    /// cross-cutting temamøde, printed as a programme rather than a dagsorden.
    #[serde(default = "committee", skip_serializing_if = "is_committee")]
    pub kind: TemplateKind,
    /// The forum level the template is made for (`omu`, `lmu`, …); left out when it fits any.
    /// `validate` warns when a meeting of another level uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Whether the items, their leads and their times are suggestions written for the
    /// facilitator, not facts from a source, so that every format can mark them "forslag".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suggestion: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Start time when the meeting gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Located<ClockTime>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Located<Id>>,
    pub items: Vec<Located<AgendaItem>>,
}

fn committee() -> TemplateKind {
    TemplateKind::Committee
}

fn is_committee(kind: &TemplateKind) -> bool {
    *kind == TemplateKind::Committee
}

/// The longest an agenda item may be: a day. `validate` refuses more.
pub const MAX_ITEM_MINUTES: i64 = 24 * 60;

/// The minutes of several items added up. The sum saturates rather than overflows, so that
/// a file with absurd minutes gets a clear error rather than a wrapped total.
pub fn total_minutes(minutes: impl IntoIterator<Item = i64>) -> i64 {
    minutes.into_iter().fold(0, i64::saturating_add)
}

/// One numbered point of an agenda.
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
pub struct AgendaItem {
    pub title: Located<String>,
    /// The title in English, for `--lang en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<ItemType>,
    pub minutes: Located<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The lead in English, for `--lang en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_en: Option<String>,
    /// "Det indstilles, at …"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<String>,
    /// The recommendation in English ("It is recommended that …"), for `--lang en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Dialogue prompts used under this item (prompt ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompts: Vec<Located<Id>>,
    /// Whether the item stays at its length when a template is scaled (opening and closing items).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fixed: bool,
    /// The rule of the annual cycle (`cycle.yaml`) that this item covers, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<Located<Id>>,
    /// The item's attachments (bilag): files in the data folder, numbered under the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Located<super::attachment::Attachment>>,
    /// A confidential item (fortroligt punkt, lukket punkt): the committee's own documents
    /// show it marked "Fortroligt"; the public version (`--public`, `export`) shows only
    /// "Fortroligt punkt" in its place. Its minutes, decisions, action points, prompts and
    /// protokoltilførsler are confidential with it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
    /// Why the item is confidential ("personsag", "ikke offentliggjort omstrukturering"),
    /// shown in the members' version only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidential_reason: Option<String>,
    /// Whether this is the placeholder of the public version, which stands where a
    /// confidential item was (never read from a file).
    #[serde(skip)]
    #[schemars(skip)]
    pub withheld: bool,
    /// What the item is for, where medtrio treats it apart (see [`ItemRole`]); without it,
    /// the item's title says (read with [`ItemRole::of_title`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ItemRole>,
}

impl AgendaItem {
    /// What the item is for: its `role:`, else what its (Danish) title names.
    pub fn role(&self) -> Option<ItemRole> {
        self.role.or_else(|| ItemRole::of_title(&self.title))
    }

    /// Whether the item is a break ("Pause", `role: break`), which the agenda does not
    /// number, and the minutes do not either.
    pub fn is_break(&self) -> bool {
        self.role() == Some(ItemRole::Break)
    }
}

/// A file in a data folder's `local/` folder: a committee's own meetings, templates and fora,
/// added to the three main files. `medtrio plan` writes these.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalFile {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forums: Vec<Located<crate::model::Forum>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<Located<Template>>,
    #[serde(default)]
    pub meetings: Vec<Located<Meeting>>,
}
