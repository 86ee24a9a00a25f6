//! The closed vocabularies of MED work: status, level, audience, item type, origin, kinds.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: a serde enum whose YAML/JSON spelling, list of names and
/// `FromStr` come from one table, so the CLI, the loader and the JSON agree.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, schemars::JsonSchema, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order of the table.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in YAML, JSON and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Every spelling, for error messages and `--help`.
            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
                    .ok_or(())
            }
        }
    };
}

vocabulary! {
    /// How settled a meeting or activity is.
    Status {
        Provisional = "provisional",
        Planned = "planned",
        Confirmed = "confirmed",
        Cancelled = "cancelled",
        Held = "held",
    }
}

vocabulary! {
    /// The level of a forum in the MED system. `other` covers fora such as DIR and KCL.
    Level {
        Hu = "hu",
        Omu = "omu",
        Lmu = "lmu",
        Other = "other",
    }
}

vocabulary! {
    /// Who a prompt or finding speaks to.
    Audience {
        Leder = "leder",
        Tr = "tr",
        Amr = "amr",
        Medarbejder = "medarbejder",
        Trio = "trio",
    }
}

vocabulary! {
    /// The type of an agenda item: beslutning, drøftelse, orientering.
    ItemType {
        Beslutning = "B",
        Droeftelse = "D",
        Orientering = "O",
    }
}

vocabulary! {
    /// Whether a prompt is a question the seed itself asks, or one written from the findings.
    Origin {
        Seed = "seed",
        Authored = "authored",
    }
}

vocabulary! {
    /// What a roadmap activity is.
    ActivityKind {
        Tema = "tema",
        Dialogmoede = "dialogmøde",
        Materialer = "materialer",
        Opfoelgning = "opfølgning",
        Kobling = "kobling",
    }
}

vocabulary! {
    /// The working forms a meeting is made of.
    MeetingFormat {
        Workshop = "workshop",
        Stormoede = "stormøde",
        Oplaeg = "oplæg",
        Dialog = "dialog",
    }
}

vocabulary! {
    /// The role of a finding within its section.
    FindingKind {
        Point = "point",
        Requirement = "requirement",
        Barrier = "barrier",
        Summary = "summary",
        Note = "note",
    }
}

vocabulary! {
    /// What a section of findings says, so that prep sheets can find it in any data set.
    SectionRole {
        Meaning = "meaning",
        Questions = "questions",
        Attention = "attention",
        Success = "success",
        Summary = "summary",
        Theme = "theme",
        Barriers = "barriers",
        Next = "next",
    }
}
