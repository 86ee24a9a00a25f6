//! What kind of thing an id names. Ids are unique across all files, so one id is one kind.

use std::fmt;

use serde::Serialize;

/// The kinds of things the data defines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Meeting,
    Activity,
    Finding,
    Prompt,
    Theme,
    Forum,
    Section,
    Template,
    /// One of the programme's "why" texts.
    Text,
    /// An action point of a meeting's minutes.
    Action,
    /// A task of the annual cycle (`cycle.yaml`).
    Task,
    /// What an agenda item came to in a referat (its decision, conclusion or note), named
    /// `MEETING#ITEM`; not an id of the data.
    Decision,
}

impl Kind {
    /// The kinds `medtrio list` lists, in the order of its help.
    pub const LISTED: [Kind; 7] = [
        Kind::Meeting,
        Kind::Activity,
        Kind::Finding,
        Kind::Prompt,
        Kind::Template,
        Kind::Forum,
        Kind::Theme,
    ];

    /// The name in JSON (`show`, `diff`): `meeting`, `activity`, `text`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meeting => "meeting",
            Kind::Activity => "activity",
            Kind::Finding => "finding",
            Kind::Prompt => "prompt",
            Kind::Theme => "theme",
            Kind::Forum => "forum",
            Kind::Section => "section",
            Kind::Template => "template",
            Kind::Text => "text",
            Kind::Action => "action",
            Kind::Task => "task",
            Kind::Decision => "decision",
        }
    }

    /// The noun in messages: "roadmap activity", "programme text", …
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Activity => "roadmap activity",
            Kind::Text => "programme text",
            Kind::Action => "action point",
            Kind::Task => "cycle task",
            other => other.as_str(),
        }
    }

    /// The noun with its article, in messages: "a meeting", "an activity".
    pub fn with_article(self) -> String {
        let noun = self.noun();
        let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {noun}")
    }

    /// The plural noun in messages: "meetings", "roadmap activities", …
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Meeting => "meetings",
            Kind::Activity => "roadmap activities",
            Kind::Finding => "findings",
            Kind::Prompt => "prompts",
            Kind::Theme => "themes",
            Kind::Forum => "forums",
            Kind::Section => "sections",
            Kind::Template => "templates",
            Kind::Text => "programme texts",
            Kind::Action => "action points",
            Kind::Task => "cycle tasks",
            Kind::Decision => "decisions",
        }
    }

    /// The word `medtrio list` takes for it: `meetings`, `roadmap`, `findings`, `prompts`.
    pub fn list_name(self) -> Option<&'static str> {
        match self {
            Kind::Meeting => Some("meetings"),
            Kind::Activity => Some("roadmap"),
            Kind::Finding => Some("findings"),
            Kind::Prompt => Some("prompts"),
            Kind::Template => Some("templates"),
            Kind::Forum => Some("forums"),
            Kind::Theme => Some("themes"),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
