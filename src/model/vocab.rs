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
    /// How settled a meeting or activity is. `not-recorded` is for a roadmap activity whose
    /// source gives no status: it is what an activity without `status:` has, it is never
    /// overdue, and a meeting cannot have it.
    Status {
        Provisional = "provisional",
        Planned = "planned",
        Confirmed = "confirmed",
        Cancelled = "cancelled",
        Held = "held",
        NotRecorded = "not-recorded",
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

impl Audience {
    /// Whether something meant for `audiences` speaks to `wanted`. No audience means
    /// everyone. The MED-trio is the leader, the TR and the AMR together, so a trio prompt
    /// speaks to each of them, and one meant for all three speaks to the trio.
    pub fn reaches(audiences: &[Audience], wanted: Audience) -> bool {
        use Audience::{Amr, Leder, Tr, Trio};
        audiences.is_empty()
            || audiences.contains(&wanted)
            || (matches!(wanted, Leder | Tr | Amr) && audiences.contains(&Trio))
            || (wanted == Trio && [Leder, Tr, Amr].iter().all(|a| audiences.contains(a)))
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
    /// What an agenda item is for, where medtrio treats it apart from the others (`role:`):
    /// the follow-up goes after `approve-minutes` (else `approve-agenda`), an issued
    /// agenda's approval is told on `approve-minutes`, a `break` takes no number, the
    /// referat fills in `next-meeting` and an empty `any-other-business`, and `plan` puts the
    /// annual cycle's items before the closing ones (`next-meeting`, `evaluation`,
    /// `any-other-business`). Data without roles is read by its Danish titles.
    ItemRole {
        ApproveAgenda = "approve-agenda",
        ApproveMinutes = "approve-minutes",
        FollowUp = "follow-up",
        NextMeeting = "next-meeting",
        Evaluation = "evaluation",
        AnyOtherBusiness = "any-other-business",
        Break = "break",
    }
}

impl ItemRole {
    /// The role that an item's title names, for data written without `role:`: the
    /// standard Danish titles ("Godkendelse af referat", "Opfølgning på beslutninger …",
    /// "Pause", "Kaffepause" …), and the English of the two closing items.
    pub fn of_title(title: &str) -> Option<ItemRole> {
        let t = title.trim().to_lowercase();
        let role = if t == "pause" || t.ends_with("pause") && !t.contains(' ') {
            ItemRole::Break
        } else if t.starts_with("godkendelse af referat") {
            ItemRole::ApproveMinutes
        } else if t.starts_with("godkendelse af dagsorden") {
            ItemRole::ApproveAgenda
        } else if t.starts_with("opfølgning på beslutninger") {
            ItemRole::FollowUp
        } else if t.starts_with("næste møde") || t.starts_with("next meeting") {
            ItemRole::NextMeeting
        } else if t.starts_with("evaluering") {
            ItemRole::Evaluation
        } else if t.starts_with("eventuelt") || t.starts_with("any other business") {
            ItemRole::AnyOtherBusiness
        } else {
            return None;
        };
        Some(role)
    }

    /// Whether an item of this role closes a meeting, so that new items go before it.
    pub fn is_closing(self) -> bool {
        matches!(
            self,
            ItemRole::NextMeeting | ItemRole::Evaluation | ItemRole::AnyOtherBusiness
        )
    }
}

vocabulary! {
    /// What an agenda template is for: a committee's meeting (items such as godkendelse af
    /// dagsorden and eventuelt), or the programme of a cross-cutting temamøde (velkomst,
    /// oplæg, workshops, opsamling), which no committee holds.
    TemplateKind {
        Committee = "committee",
        Programme = "programme",
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

vocabulary! {
    /// Whether minutes are prepared before the meeting, still a draft, or approved.
    MinutesStatus {
        Prepared = "prepared",
        Draft = "draft",
        Approved = "approved",
    }
}

vocabulary! {
    /// Where an action point stands.
    ActionStatus {
        Open = "open",
        Done = "done",
        Dropped = "dropped",
    }
}

vocabulary! {
    /// A member's role in the committee. A member may hold two (a leader who chairs it is
    /// `leder` and `formand`).
    Role {
        Formand = "formand",
        Naestformand = "næstformand",
        Leder = "leder",
        Tr = "tr",
        Amr = "amr",
        Medarbejderrepraesentant = "medarbejderrepræsentant",
        Suppleant = "suppleant",
        Sekretaer = "sekretær",
    }
}

impl Role {
    /// The side of the table the role puts its holder on, where the role alone says it: a
    /// leader sits on the management side; a TR, an AMR and an employee representative on the
    /// employees' side. A chair, a deputy, a substitute and a secretary could be either.
    pub fn side(self) -> Option<Side> {
        match self {
            Role::Leder => Some(Side::Ledelsessiden),
            Role::Tr | Role::Amr | Role::Medarbejderrepraesentant => Some(Side::Medarbejdersiden),
            Role::Formand | Role::Naestformand | Role::Suppleant | Role::Sekretaer => None,
        }
    }
}

vocabulary! {
    /// The two sides of a MED committee.
    Side {
        Ledelsessiden = "ledelsessiden",
        Medarbejdersiden = "medarbejdersiden",
    }
}

vocabulary! {
    /// The AMR's courses: the obligatory working-environment training (arbejdsmiljøuddannelse,
    /// 3 days within 3 months of taking up the seat) and the supplementary training offered
    /// each year of the seat.
    Course {
        Obligatorisk = "obligatorisk",
        Supplerende = "supplerende",
    }
}

#[cfg(test)]
mod tests {
    use super::Audience::{self, *};

    #[test]
    fn the_trio_is_leader_tr_and_amr_together() {
        assert!(Audience::reaches(&[Trio], Tr));
        assert!(Audience::reaches(&[Trio], Leder));
        assert!(Audience::reaches(&[Trio], Amr));
        assert!(!Audience::reaches(&[Trio], Medarbejder));
        assert!(Audience::reaches(&[Leder, Tr, Amr], Trio));
        assert!(!Audience::reaches(&[Leder, Tr], Trio));
        assert!(!Audience::reaches(&[Leder], Tr));
        assert!(Audience::reaches(&[], Tr));
    }
}
