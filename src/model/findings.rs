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
    /// A line that leads into the points after the intro ("For at lykkes kræver det:").
    #[serde(default)]
    pub lead_in: Option<String>,
    /// The theme the whole section is about, for the four theme sections.
    #[serde(default)]
    pub theme: Option<Located<Id>>,
    /// What the section says: `meaning`, `questions`, `attention`, `success`, `summary`,
    /// `theme`, `barriers` or `next` (the way forward).
    #[serde(default)]
    pub role: Option<SectionRole>,
    /// An editor's note on how the section is read from the source, e.g. that a heading's
    /// placement is uncertain. Not a text from the source.
    #[serde(default)]
    pub note: Option<String>,
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
    /// An editor's note on what the source does not say (e.g. which forum a name means).
    /// Not a text from the source.
    #[serde(default)]
    pub note: Option<String>,
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
    /// The question as it is read aloud or printed on a card: complete, self-contained,
    /// ending in "?".
    pub text: Located<String>,
    #[serde(default)]
    pub text_en: Option<String>,
    pub origin: Origin,
    /// For a seed prompt whose `text` is not the source's words as they stand (a question
    /// cut from a bullet, made whole): the source's words, verbatim. A seed prompt without a
    /// quote has the source's words as its text; an authored prompt has no quote.
    #[serde(default)]
    pub quote: Option<Located<String>>,
    /// The findings (or programme why-texts) the prompt comes from.
    pub sources: Vec<Located<Id>>,
    #[serde(default)]
    pub themes: Vec<Located<Id>>,
    pub audiences: Vec<Audience>,
    pub levels: Vec<Level>,
}

impl Prompt {
    /// The words the prompt takes from its source: the quote, or, for a seed prompt without
    /// one, its text. `None` for an authored prompt.
    pub fn source_words(&self) -> Option<&str> {
        match (self.origin, &self.quote) {
            (_, Some(quote)) => Some(quote.as_str()),
            (Origin::Seed, None) => Some(self.text.as_str()),
            (Origin::Authored, None) => None,
        }
    }
}
