//! The roadmap file: activities by quarter and forum, and the fora themselves.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use super::located::Located;
use super::vocab::{ActivityKind, Level, Status};
use super::when::When;

/// `roadmap.yaml`.
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
pub struct Roadmap {
    pub version: u32,
    pub id: Located<String>,
    pub title: Located<String>,
    #[serde(default)]
    pub forums: Vec<Located<Forum>>,
    #[serde(default)]
    pub activities: Vec<Located<RoadmapActivity>>,
}

/// A committee or other forum: HU, an OMU, an LMU, DIR, KCL.
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
pub struct Forum {
    pub id: Located<Id>,
    pub name: Located<String>,
    pub level: Level,
    /// The longer name, e.g. "Hovedudvalget" or "Direktionen".
    #[serde(default)]
    pub full_name: Option<String>,
    /// An editor's note on what the sources do and do not say about the forum (e.g. that
    /// two names may or may not be one body). Not a text from the source.
    #[serde(default)]
    pub note: Option<String>,
    /// Days before a meeting by which items must be proposed (frist for punkter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items_due_days: Option<Located<u32>>,
    /// Days before a meeting on which the agenda goes out (udsendelse).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agenda_out_days: Option<Located<u32>>,
    /// Working days (Monday to Friday) after a meeting by which the members comment on the
    /// draft referat (bemærkninger til referatet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments_working_days: Option<Located<u32>>,
}

/// One activity of the roadmap.
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
pub struct RoadmapActivity {
    pub id: Located<Id>,
    pub title: Located<String>,
    /// The forum the activity belongs to; left out when the source names none.
    #[serde(default)]
    pub forum: Option<Located<Id>>,
    pub kind: ActivityKind,
    /// Left out (`not-recorded`) when the source gives no status.
    #[serde(default = "not_recorded")]
    pub status: Status,
    /// The date, normalised: a month, a quarter or a span.
    #[serde(default)]
    pub date: Located<When>,
    /// The date exactly as the source writes it ("3.-4 kvartal 2026"), beside the normalised
    /// `date`, so that the source can be quoted word for word.
    #[serde(default)]
    pub source_label: Option<String>,
    #[serde(default)]
    pub themes: Vec<Located<Id>>,
    /// The agenda template for an activity that is a meeting.
    #[serde(default)]
    pub template: Option<Located<Id>>,
    #[serde(default)]
    pub notes: Option<String>,
    /// What came of the activity, once someone records it: held, postponed or cancelled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Located<Outcome>>,
}

/// What came of a roadmap activity, as recorded.
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
pub struct Outcome {
    pub status: OutcomeStatus,
    /// Held: the day (or month) it was held. Postponed: the new period.
    #[serde(default)]
    pub date: Located<When>,
    /// The meetings that carried it out (meeting ids), in this folder or in the committees'
    /// folders below it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Located<Id>>,
    /// What came of it, in a few words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `held`, `postponed` or `cancelled`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeStatus {
    Held,
    Postponed,
    Cancelled,
}

fn not_recorded() -> Status {
    Status::NotRecorded
}

impl RoadmapActivity {
    /// The id of the activity's forum, when the source names one.
    pub fn forum_id(&self) -> Option<&str> {
        self.forum.as_ref().map(|f| f.value.as_str())
    }

    /// When the activity happens as things stand: a postponed one's new period, else its date.
    pub fn current_date(&self) -> When {
        match &self.outcome {
            Some(o) if o.status == OutcomeStatus::Postponed && o.date.is_known() => *o.date,
            _ => *self.date,
        }
    }

    /// Whether the activity is a meeting that can have an agenda.
    pub fn is_meeting(&self) -> bool {
        self.kind == ActivityKind::Dialogmoede || self.template.is_some()
    }
}
