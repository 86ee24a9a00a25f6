//! The findings file: what a workshop concluded, and the dialogue prompts drawn from it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::located::Located;
use super::vocab::{Audience, FindingKind, Level, Origin, SectionRole};
use super::{Id, Theme};

/// `findings.yaml`.
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
pub struct Findings {
    pub version: u32,
    pub id: Located<String>,
    pub title: Located<String>,
    #[serde(default)]
    pub themes: Vec<Located<Theme>>,
    #[serde(default)]
    pub sections: Vec<Located<Section>>,
    #[serde(default)]
    pub findings: Vec<Located<Finding>>,
    #[serde(default)]
    pub prompts: Vec<Located<Prompt>>,
}

/// A heading of the summary, under which findings stand.
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
pub struct Section {
    pub id: Located<Id>,
    pub title: Located<String>,
    /// The page heading the section stands under, where it has one.
    #[serde(default)]
    pub heading: Option<String>,
    /// The lead-in text above the points.
    #[serde(default)]
    pub intro: Option<String>,
    /// The theme the whole section is about, for the four theme sections.
    #[serde(default)]
    pub theme: Option<Located<Id>>,
    /// What the section says: `meaning`, `questions`, `attention`, `success`, `summary`,
    /// `theme`, `barriers` or `next` (the way forward).
    #[serde(default)]
    pub role: Option<SectionRole>,
}

/// One point of the summary, verbatim.
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
pub struct Finding {
    pub id: Located<Id>,
    pub section: Located<Id>,
    #[serde(default = "point")]
    pub kind: FindingKind,
    /// The title of a barrier.
    #[serde(default)]
    pub title: Option<String>,
    pub text: Located<String>,
    #[serde(default)]
    pub themes: Vec<Located<Id>>,
    #[serde(default)]
    pub audiences: Vec<Audience>,
}

fn point() -> FindingKind {
    FindingKind::Point
}

/// A dialogue prompt: a question to put to a committee, traced to its findings.
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
pub struct Prompt {
    pub id: Located<Id>,
    pub text: Located<String>,
    #[serde(default)]
    pub text_en: Option<String>,
    pub origin: Origin,
    /// The findings (or programme why-texts) the prompt comes from.
    pub sources: Vec<Located<Id>>,
    #[serde(default)]
    pub themes: Vec<Located<Id>>,
    pub audiences: Vec<Audience>,
    pub levels: Vec<Level>,
}
