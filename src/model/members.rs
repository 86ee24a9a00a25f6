//! Who sits at the table: a committee's members, their roles, side and seat, and the AMR's
//! courses. `members.yaml`, optional; without it no attendance is checked.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use super::located::Located;
use super::vocab::{Course, Role, Side};
use super::when::When;

/// `members.yaml`.
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
pub struct Members {
    pub version: u32,
    /// The forum the members sit in when a member does not name one (a forum id); left out,
    /// the folder's committee (`committee:` in programme.yaml), else the programme's `owner:`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forum: Option<Located<Id>>,
    #[serde(default)]
    pub members: Vec<Located<Member>>,
}

/// One seat in a committee, held by one person for a period.
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
pub struct Member {
    /// The name as the minutes write it under "til stede" and "afbud".
    pub name: Located<String>,
    /// One or two roles: `leder`, `tr`, `amr`, `medarbejderrepræsentant`, `formand`,
    /// `næstformand`, `suppleant`, `sekretær`.
    pub roles: Vec<Located<Role>>,
    /// `ledelsessiden` or `medarbejdersiden`; left out, the side the roles say (a leader sits
    /// on the management side; a TR, an AMR or an employee representative on the employees').
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Located<Side>>,
    /// The union, association or unit the member comes from, where given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Where the invitation and the referat go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Located<String>>,
    /// The forum of the seat (a forum id), where it is not the file's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forum: Option<Located<Id>>,
    /// The first day of the seat (elected or appointed); left out, the member has sat from
    /// before the data begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Located<When>>,
    /// The last day of the seat; left out, the seat has no end yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Located<When>>,
    /// The courses taken (for an AMR: the obligatory training and the supplementary ones).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<Located<Training>>,
}

/// One course a member has taken.
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
pub struct Training {
    /// `obligatorisk` (the 3-day working-environment training) or `supplerende`.
    pub course: Located<Course>,
    /// The day it was taken (the last day, for a course of several).
    pub on: Located<When>,
    /// Its length in days, where given (`1.5` for a day and a half).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Located<f64>>,
}

impl Member {
    /// The side of the table: as written, else as the roles say.
    pub fn side(&self) -> Option<Side> {
        self.side
            .as_ref()
            .map(|s| s.value)
            .or_else(|| self.roles.iter().find_map(|r| r.value.side()))
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.value == role)
    }

    /// The first day of the seat, when it is given as a day.
    pub fn from_day(&self) -> Option<NaiveDate> {
        self.from.as_ref().and_then(|w| w.value.day())
    }

    /// The last day of the seat, when it is given as a day.
    pub fn to_day(&self) -> Option<NaiveDate> {
        self.to.as_ref().and_then(|w| w.value.day())
    }

    /// Whether the member holds the seat on `day`.
    pub fn sits_on(&self, day: NaiveDate) -> bool {
        self.from_day().is_none_or(|from| from <= day) && self.to_day().is_none_or(|to| day <= to)
    }

    /// Whether the member holds the seat at some time in `year`.
    pub fn sits_in_year(&self, year: i32) -> bool {
        self.from_day().is_none_or(|from| from.year() <= year)
            && self.to_day().is_none_or(|to| to.year() >= year)
    }

    /// The member's e-mail address, when one is given.
    pub fn email(&self) -> Option<&str> {
        self.email.as_ref().map(|e| e.value.as_str())
    }

    /// The day of the member's first course of `course`, if one is recorded.
    pub fn took(&self, course: Course) -> Option<NaiveDate> {
        self.training
            .iter()
            .filter(|t| t.course.value == course)
            .filter_map(|t| t.on.value.day())
            .min()
    }
}

/// Whether two names are the same person's: the same letters, whatever the case and spacing.
pub fn same_name(a: &str, b: &str) -> bool {
    let mut a = a.split_whitespace();
    let mut b = b.split_whitespace();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.to_lowercase() == y.to_lowercase() => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whatever_the_case_and_spacing() {
        assert!(same_name("Lone  Kjær", "lone kjær"));
        assert!(same_name(" Lone Kjær ", "LONE KJÆR"));
        assert!(!same_name("Lone Kjær", "Lone Kjærsgaard"));
        assert!(!same_name("Lone Kjær", "Lone"));
    }
}
