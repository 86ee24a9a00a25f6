//! Plain serde types for the three data files. No printing and no I/O.

mod catalog;
mod findings;
mod located;
mod programme;
mod roadmap;
pub mod vocab;
pub mod when;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use catalog::Catalog;
pub use findings::{Finding, Findings, Prompt, Section};
pub use located::{Located, Pos};
pub use programme::{
    AgendaItem, Announcement, LocalFile, MAX_ITEM_MINUTES, Meeting, Programme, Template, WhyText,
    total_minutes,
};
pub use roadmap::{Forum, Roadmap, RoadmapActivity};
pub use vocab::{
    ActivityKind, Audience, FindingKind, ItemType, Level, MeetingFormat, Origin, SectionRole,
    Status,
};
pub use when::{ClockTime, Period, Quarter, When};

/// An identifier, unique across all three files.
pub type Id = String;

/// A theme that links meetings, activities, findings and prompts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: Located<Id>,
    pub title: Located<String>,
    #[serde(default)]
    pub title_en: Option<String>,
    /// A longer text, verbatim from the source, where the source gives one.
    #[serde(default)]
    pub description: Option<String>,
}

/// The three files as loaded, before any check.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub programme: Programme,
    pub roadmap: Roadmap,
    pub findings: Findings,
}
