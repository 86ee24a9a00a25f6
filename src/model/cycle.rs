//! The committee's annual cycle (årshjul) as rules: the recurring tasks that the
//! working-environment rules and the local MED agreement put on its table, each in the months
//! when it falls. `cycle.yaml`, optional.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use super::located::Located;
use super::programme::AgendaItem;
use super::vocab::Level;

/// `cycle.yaml`.
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
pub struct Cycle {
    pub version: u32,
    #[serde(default)]
    pub rules: Vec<Located<Rule>>,
}

/// One recurring task of the year.
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
pub struct Rule {
    pub id: Located<Id>,
    pub title: Located<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The levels it applies to (`hu`, `omu`, `lmu`); left out together with `forums`, it
    /// applies to every forum of the data.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<Level>,
    /// The fora it applies to, by id, beside its levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forums: Vec<Located<Id>>,
    /// When it falls.
    pub when: Located<Recurrence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<Located<Id>>,
    /// The agenda item it brings to the meeting that covers it.
    pub item: Located<AgendaItem>,
    /// What it rests on, as text: a law, a rule or the local MED agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Whether the rule is an example to adapt, not a requirement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
}

/// When a rule falls: in some months, in a quarter, and perhaps only every N years.
#[derive(
    Clone,
    Debug,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    JsonSchema,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    /// Months, 1 to 12.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<Located<u32>>,
    /// A quarter, 1 to 4, when the rule falls in a quarter rather than in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<Located<u32>>,
    /// Every N years (the APV: at least every third year); left out, every year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub every_years: Option<Located<u32>>,
    /// The first year of an every-N-years rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<Located<i32>>,
}

impl Recurrence {
    /// Whether the rule falls in `year` at all.
    pub fn falls_in_year(&self, year: i32) -> bool {
        match (&self.every_years, &self.from_year) {
            (Some(every), Some(from)) if every.value > 0 => {
                let every = i32::try_from(every.value).unwrap_or(i32::MAX);
                year >= from.value && (year - from.value) % every == 0
            }
            _ => true,
        }
    }

    /// The months of the year in which it falls: its months, or its quarter's three.
    pub fn months(&self) -> Vec<u32> {
        if !self.months.is_empty() {
            let mut months: Vec<u32> = self.months.iter().map(|m| m.value).collect();
            months.sort_unstable();
            months.dedup();
            return months;
        }
        match &self.quarter {
            Some(q) if (1..=4).contains(&q.value) => {
                let first = q.value * 3 - 2;
                vec![first, first + 1, first + 2]
            }
            _ => Vec::new(),
        }
    }
}
