//! Attendance (fremmøde): who is expected at a meeting, a name given for it checked against
//! them, and the year's overview per member (`medtrio attendance`), as list rows.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;

use super::TextTable;
use crate::diagnostic::{backticked, did_you_mean, nearest};
use crate::lang::Lang;
use crate::model::{Catalog, Member, Minutes, Role, Side, same_name};
use crate::query::Query;

/// The members expected at one meeting: its forum's members on its day.
pub struct Roll<'a> {
    pub forum: &'a str,
    pub day: NaiveDate,
    pub members: Vec<&'a Member>,
}

/// A name that is not on the roll, and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub message: String,
    pub help: String,
}

impl<'a> Roll<'a> {
    /// The roll of the meeting `id` held on `day`; `None` when names cannot be checked: no
    /// members file, no seat in the meeting's forum, or no forum or day.
    pub fn of(catalog: &Catalog<'a>, id: &str, day: Option<NaiveDate>) -> Option<Roll<'a>> {
        let forum = catalog.forum_of(id)?;
        let day = day?;
        let members = catalog.members_expected(forum, day)?;
        Some(Roll {
            forum,
            day,
            members,
        })
    }

    /// The member named `name`, whatever its case and spacing.
    pub fn find(&self, name: &str) -> Option<&'a Member> {
        self.members
            .iter()
            .copied()
            .find(|m| same_name(&m.name, name))
    }

    /// The member named `name`; else what is wrong, with the nearest member.
    pub fn check(&self, name: &str) -> Result<&'a Member, UnknownName> {
        if let Some(member) = self.find(name) {
            return Ok(member);
        }
        let names = self.members.iter().map(|m| m.name.as_str());
        let help = match did_you_mean(nearest(name, names.clone())) {
            Some(mean) => format!("{mean} Or add them to members.yaml"),
            None if !self.members.is_empty() && self.members.len() <= 12 => format!(
                "the members that day are {}; correct the name, or add them to members.yaml",
                backticked(names)
            ),
            None => {
                "correct the name as members.yaml writes it, or add them to members.yaml".into()
            }
        };
        Err(UnknownName {
            message: format!("`{name}` is not a member of `{}`", self.forum),
            help,
        })
    }
}

/// How a member's year went, as the JSON contract and the CSV columns give it.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct AttendanceRow<'a> {
    pub name: &'a str,
    pub roles: Vec<Role>,
    pub side: Option<Side>,
    /// The forum of the seat (an id).
    pub forum: &'a str,
    pub forum_name: &'a str,
    /// The meetings of the year with minutes at which the member held the seat.
    pub meetings: u32,
    pub present: u32,
    /// Sent apologies (afbud).
    pub excused: u32,
    /// Neither present nor excused (fraværende).
    pub absent: u32,
}

/// Every seat held in `year` in a forum the query keeps, in the order of members.yaml, with
/// the meetings of the year that have minutes (prepared ones record nothing yet).
pub fn attendance<'a>(catalog: &Catalog<'a>, query: &Query, year: i32) -> Vec<AttendanceRow<'a>> {
    let held: Vec<(&'a Minutes, &'a str, NaiveDate)> = catalog
        .data
        .minutes
        .iter()
        .filter(|m| !m.is_prepared())
        .filter_map(|m| {
            let forum = catalog.forum_of(&m.meeting)?;
            let day = catalog.held_day(m)?;
            (day.year() == year).then_some((&m.value, forum, day))
        })
        .collect();
    catalog
        .members()
        .filter(|m| m.sits_in_year(year))
        .filter(|m| query.matches_forum(catalog, catalog.member_forum(m)))
        .map(|member| {
            let forum = catalog.member_forum(member);
            let mut row = AttendanceRow {
                name: member.name.as_str(),
                roles: member.roles.iter().map(|r| r.value).collect(),
                side: member.side(),
                forum,
                forum_name: catalog.forum_name(forum),
                meetings: 0,
                present: 0,
                excused: 0,
                absent: 0,
            };
            let at = held
                .iter()
                .filter(|(_, f, day)| *f == forum && member.sits_on(*day));
            for (minutes, ..) in at {
                let named = |list: &[crate::model::Located<String>]| {
                    list.iter().any(|n| same_name(n, &member.name))
                };
                row.meetings += 1;
                if named(&minutes.present) {
                    row.present += 1;
                } else if named(&minutes.apologies) {
                    row.excused += 1;
                } else {
                    row.absent += 1;
                }
            }
            row
        })
        .collect()
}

/// The rows as a table for people: the member, the roles, the forum (when there are
/// several), and the counts.
pub fn display_table(rows: &[AttendanceRow<'_>], lang: Lang) -> TextTable {
    let w = lang.words();
    let several_fora = rows.iter().any(|r| r.forum != rows[0].forum);
    let mut headers = vec![w.member, w.role];
    if several_fora {
        headers.push(w.forum);
    }
    headers.extend([w.meetings, w.present, w.apologies, w.absent]);
    TextTable {
        headers: headers.into_iter().map(str::to_owned).collect(),
        rows: rows
            .iter()
            .map(|r| {
                let roles: Vec<&str> = r.roles.iter().map(|role| lang.role(*role)).collect();
                let mut row = vec![r.name.to_owned(), roles.join(", ")];
                if several_fora {
                    row.push(r.forum_name.to_owned());
                }
                row.extend([r.meetings, r.present, r.excused, r.absent].map(|n| n.to_string()));
                row
            })
            .collect(),
    }
}
