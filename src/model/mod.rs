//! Plain serde types for the three data files. No printing and no I/O.

pub mod attachment;
mod catalog;
mod confidential;
mod cycle;
mod findings;
mod kind;
mod located;
mod members;
mod minutes;
mod programme;
mod roadmap;
pub mod timing;
pub mod vocab;
pub mod when;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use attachment::{Attachment, Found};
pub use catalog::{Catalog, Deadlines};
pub use confidential::Withheld;
pub use cycle::{Cycle, Recurrence, Rule};
pub use findings::{Finding, Findings, Prompt, Section};
pub use kind::Kind;
pub use located::{Located, Pos};
pub use members::{Member, Members, Training, same_name};
pub use minutes::{
    Action, Approval, FOLLOW_UP_MINUTES, FollowUpSlot, Held, ItemMinutes, Minutes, Statement,
    follow_up_slot, with_follow_up,
};
pub use programme::{
    AgendaItem, Announcement, Invited, Issued, IssuedAction, IssuedApproval, LocalFile,
    MAX_ITEM_MINUTES, Meeting, Programme, Template, WhyText, total_minutes,
};
pub use roadmap::{Forum, Outcome, OutcomeStatus, Roadmap, RoadmapActivity};
pub use vocab::{
    ActionStatus, ActivityKind, Audience, Course, FindingKind, ItemRole, ItemType, Level,
    MeetingFormat, MinutesStatus, Origin, Role, SectionRole, Side, Status, TemplateKind,
};
pub use when::{ClockTime, Period, Quarter, When};

/// The version of the data format this medtrio reads and writes (`version:` in every file).
pub const FORMAT_VERSION: u32 = 1;

/// An identifier, unique across all three files.
pub type Id = String;

/// The one rule for ids, as a JSON Schema pattern. Ids become file names (`agendas/ID.html`),
/// URLs and calendar UIDs, so they are slugs: nothing that could leave a folder or need escaping.
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,63}$";

/// The longest id, in bytes (all of them ASCII).
pub const MAX_ID_LEN: usize = 64;

/// Whether `id` follows [`ID_PATTERN`]: 1 to 64 lower-case ASCII letters, digits and hyphens,
/// the first not a hyphen.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= MAX_ID_LEN
        && bytes[0] != b'-'
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// The slug nearest to what was written, to suggest in an error: `Møde 1` → `moede-1`.
/// Danish letters are spelt out (æ → ae, ø → oe, å → aa), other letters lose their accents
/// where they are Latin, and every run of anything else becomes one hyphen. `None` when nothing
/// of what was written can make a slug.
pub fn suggest_id(written: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::new();
    let mut hyphen = false;
    for c in written.chars().flat_map(char::to_lowercase) {
        let spelt: &str = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            _ => "",
        };
        let mut push = |s: &str| {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            out.push_str(s);
        };
        if !spelt.is_empty() {
            push(spelt);
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() {
            push(c.encode_utf8(&mut [0; 4]));
        } else if let Some(base) = c
            .nfd()
            .next()
            .filter(|b| b.is_ascii_lowercase() && c.is_alphabetic())
        {
            push(base.encode_utf8(&mut [0; 4]));
        } else {
            hyphen = true;
        }
    }
    let mut cut = out.len().min(MAX_ID_LEN);
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    let trimmed = out.trim_end_matches('-');
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// A theme that links meetings, activities, findings and prompts.
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
pub struct Theme {
    pub id: Located<Id>,
    pub title: Located<String>,
    #[serde(default)]
    pub title_en: Option<String>,
    /// A longer text, verbatim from the source, where the source gives one.
    #[serde(default)]
    pub description: Option<String>,
}

/// The data files as loaded, before any check.
#[derive(Clone, Debug, PartialEq, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Dataset {
    pub programme: Programme,
    pub roadmap: Roadmap,
    pub findings: Findings,
    /// The minutes of meetings, one file each, in the order of their file names.
    pub minutes: Vec<Located<Minutes>>,
    /// The annual cycle, when the data folder has one.
    pub cycle: Option<Cycle>,
    /// The committee's members, when the data folder has a `members.yaml`.
    pub members: Option<Members>,
}

impl Dataset {
    /// Minutes prepared before their meeting become a draft once the meeting's day has come
    /// and something is written in them: the meeting is held then, and not before.
    pub fn settle_prepared(&mut self, today: chrono::NaiveDate) {
        let days: Vec<Option<chrono::NaiveDate>> = {
            let catalog = Catalog::new(self);
            self.minutes.iter().map(|m| catalog.held_day(m)).collect()
        };
        for (m, day) in self.minutes.iter_mut().zip(days) {
            if m.is_prepared() && day.is_some_and(|d| d <= today) && m.is_filled_in() {
                m.value.status.value = MinutesStatus::Draft;
            }
        }
    }

    /// Gives back the room that lists keep after parsing: a list grows by doubling as it is
    /// read, so a meeting's five items hold room for eight. At 50 000 meetings that is tens
    /// of MiB that every command would carry.
    pub fn fit(&mut self) {
        let p = &mut self.programme;
        p.meetings.shrink_to_fit();
        for m in &mut p.meetings {
            let m = &mut m.value;
            m.themes.shrink_to_fit();
            m.audiences.shrink_to_fit();
            m.formats.shrink_to_fit();
            m.participants.shrink_to_fit();
            m.apologies.shrink_to_fit();
            m.items.shrink_to_fit();
            for item in &mut m.items {
                item.value.prompts.shrink_to_fit();
            }
        }
        if let Some(members) = &mut self.members {
            members.members.shrink_to_fit();
        }
        self.minutes.shrink_to_fit();
        for m in &mut self.minutes {
            let m = &mut m.value;
            m.present.shrink_to_fit();
            m.apologies.shrink_to_fit();
            m.items.shrink_to_fit();
            m.actions.shrink_to_fit();
        }
    }
}

#[cfg(test)]
mod id_tests {
    use super::*;

    #[test]
    fn ids_are_slugs() {
        for ok in [
            "temamoede-1",
            "p-hvorfor-dialog",
            "2026",
            "a",
            &"a".repeat(64),
        ] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "-a",
            "Møde",
            "møde",
            "a b",
            "a_b",
            "a.b",
            "../../x",
            "/etc/passwd",
            "a\nb",
            "A",
            &"a".repeat(65),
        ] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_suggestion_is_a_slug_near_what_was_written() {
        let s = |w: &str| suggest_id(w).unwrap_or_default();
        assert_eq!(s("Møde 1"), "moede-1");
        assert_eq!(s("Årshjul: APV"), "aarshjul-apv");
        assert_eq!(s("../../victim"), "victim");
        assert_eq!(s("Café_Ændring"), "cafe-aendring");
        assert_eq!(suggest_id("!!!"), None);
        assert!(is_valid_id(&s(&"ø".repeat(100))));
        assert!(is_valid_id(&s("x\n/abs/path")));
    }
}
