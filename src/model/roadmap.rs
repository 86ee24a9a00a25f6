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
    pub forum: Located<Id>,
    pub kind: ActivityKind,
    pub status: Status,
    #[serde(default)]
    pub date: Located<When>,
    #[serde(default)]
    pub themes: Vec<Located<Id>>,
    /// The agenda template for an activity that is a meeting.
    #[serde(default)]
    pub template: Option<Located<Id>>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl RoadmapActivity {
    /// Whether the activity is a meeting that can have an agenda.
    pub fn is_meeting(&self) -> bool {
        self.kind == ActivityKind::Dialogmoede || self.template.is_some()
    }
}
