//! The checks of `members.yaml` (each seat whole: a name, a known role, a side that agrees
//! with it, an e-mail address that is one, a period that runs forwards, no one seated twice at
//! once) and of the minutes' attendance against it (every name under "til stede" and "afbud"
//! a member of the meeting's forum on its day, and no one named twice).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::Checker;
use crate::diagnostic::{backticked, did_you_mean, nearest};
use crate::load::FileKind;
use crate::model::when::iso;
use crate::model::{Catalog, Kind, Located, Member, Minutes, When, same_name};

const FILE: FileKind = FileKind::Members;

/// Whether `email` is an e-mail address a mail can be sent to: `name@domain`, as RFC 5322
/// allows it, without a display name (`Lone <lone@example.org>`), and with a dot in the
/// domain.
pub fn is_email(email: &str) -> bool {
    use std::str::FromStr;
    email_address::EmailAddress::from_str(email)
        .is_ok_and(|e| e.email() == email && e.domain().contains('.'))
}

impl Checker<'_> {
    pub(super) fn check_members(&mut self) {
        let d = &self.loaded.dataset;
        let Some(members) = &d.members else {
            return;
        };
        if let Some(forum) = &members.forum {
            self.reference(FILE, forum, &[Kind::Forum]);
        }
        let catalog = Catalog::new(d);
        // Each forum's seats so far, by name, to find a person seated twice at once.
        let mut seated: HashMap<(&str, String), Vec<&Located<Member>>> = HashMap::new();
        for member in &members.members {
            self.title(FILE, &member.name, "member name");
            if let Some(forum) = &member.forum {
                self.reference(FILE, forum, &[Kind::Forum]);
            }
            self.member_roles(member);
            self.member_email(member);
            let from = self.seat_day(member.from.as_ref(), "from");
            let to = self.seat_day(member.to.as_ref(), "to");
            if let (Some(from), Some(to), Some(to_at)) = (from, to, member.to.as_ref())
                && to < from
            {
                self.error(
                    FILE,
                    to_at.pos,
                    format!(
                        "the seat of `{}` ends on {} before it begins on {}",
                        member.name.value,
                        iso(to),
                        iso(from)
                    ),
                    Some("`to:` is the last day of the seat; check the two dates".into()),
                );
            }
            for course in &member.training {
                self.seat_day(Some(&course.on), "on");
                if let Some(days) = &course.days
                    && !(days.value > 0.0 && days.value <= 30.0)
                {
                    self.error(
                        FILE,
                        days.pos,
                        format!("`{}` is not a course's length in days", days.value),
                        Some("give the days, e.g. `days: 3` or `days: 1.5`".into()),
                    );
                }
            }
            let key = (
                catalog.member_forum(member),
                member
                    .name
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
            );
            let earlier = seated.entry(key).or_default();
            if let Some(other) = earlier.iter().find(|o| overlap(o, member)) {
                self.error(
                    FILE,
                    member.name.pos,
                    format!(
                        "`{}` is in members.yaml twice: the seat at line {} overlaps this one",
                        member.name.value, other.name.pos.line
                    ),
                    Some(
                        "give a member one entry with all their roles (`roles: [leder, formand]`), or end the first seat (`to:`) before the second begins"
                            .into(),
                    ),
                );
            }
            earlier.push(member);
        }
    }

    fn member_roles(&mut self, member: &Located<Member>) {
        if member.roles.is_empty() {
            self.error(
                FILE,
                member.name.pos,
                format!("`{}` has no role", member.name.value),
                Some(format!(
                    "give `roles:`, one or more of {}",
                    crate::diagnostic::backticked(crate::model::Role::names())
                )),
            );
        }
        let (Some(side), Some(written)) = (member.side(), member.side.as_ref()) else {
            return;
        };
        if let Some(role) = member
            .roles
            .iter()
            .find(|r| r.value.side().is_some_and(|s| s != side))
        {
            self.error(
                FILE,
                written.pos,
                format!(
                    "`{}` is on `{side}`, but the role `{}` sits on `{}`",
                    member.name.value,
                    role.value,
                    role.value.side().map_or("", |s| s.as_str())
                ),
                Some(
                    "correct the side or the role; or leave `side:` out, and the role says it"
                        .into(),
                ),
            );
        }
    }

    fn member_email(&mut self, member: &Located<Member>) {
        let Some(email) = &member.email else {
            return;
        };
        if !is_email(email.trim()) {
            self.error(
                FILE,
                email.pos,
                format!("`{}` is not an e-mail address", email.value),
                Some("write the address alone, e.g. `email: lone.kjaer@example.org`".into()),
            );
        } else if email.value != email.trim() {
            self.error(
                FILE,
                email.pos,
                format!("`{}` has spaces around the address", email.value),
                Some("write the address without spaces".into()),
            );
        }
    }

    /// A seat's or a course's date, which must be a day: `2026-03-01`.
    fn seat_day(&mut self, when: Option<&Located<When>>, field: &str) -> Option<NaiveDate> {
        let when = when?;
        let day = when.day();
        if day.is_none() {
            self.error(
                FILE,
                when.pos,
                format!("`{field}:` must be a day"),
                Some(format!("write the day, e.g. `{field}: \"2026-03-01\"`")),
            );
        }
        day
    }

    /// Every name under "til stede" and "afbud" is a member of the meeting's forum on its day,
    /// and no one is named twice. Only with a members file that has seats in the forum.
    pub(super) fn minutes_attendance(
        &mut self,
        catalog: &Catalog<'_>,
        minutes: &Minutes,
        file: FileKind,
    ) {
        let Some(expected) = catalog.members_at(minutes) else {
            return;
        };
        let forum = catalog.forum_of(&minutes.meeting).unwrap_or_default();
        let day = catalog.held_day(minutes);
        let mut named: Vec<&Located<String>> = Vec::new();
        let lists = [
            ("present", &minutes.present),
            ("apologies", &minutes.apologies),
        ];
        for (field, names) in lists {
            for name in names {
                if let Some(first) = named.iter().find(|n| same_name(n, name)) {
                    let whereabouts = if minutes.present.iter().any(|p| std::ptr::eq(p, *first)) {
                        "under `present`"
                    } else {
                        "under `apologies`"
                    };
                    self.error(
                        file,
                        name.pos,
                        format!(
                            "`{}` is named twice: also {whereabouts} at line {}",
                            name.value, first.pos.line
                        ),
                        Some("name each person once: under `present` or under `apologies`".into()),
                    );
                    continue;
                }
                named.push(name);
                if expected.iter().any(|m| same_name(&m.name, name)) {
                    continue;
                }
                let message = match catalog.members_of(forum).find(|m| same_name(&m.name, name)) {
                    Some(former) => format!(
                        "`{}` under `{field}` held no seat in `{forum}` on {}{}",
                        name.value,
                        day.map(iso).unwrap_or_default(),
                        seat_span(former)
                    ),
                    None => format!(
                        "`{}` under `{field}` is not a member of `{forum}`",
                        name.value
                    ),
                };
                let names = expected.iter().map(|m| m.name.as_str());
                let help = match did_you_mean(nearest(name, names.clone())) {
                    Some(mean) => format!("{mean} Or add them to members.yaml"),
                    None if !expected.is_empty() && expected.len() <= 12 => format!(
                        "the members that day are {}; correct the name, or add them to members.yaml",
                        backticked(names)
                    ),
                    None => {
                        "correct the name as members.yaml writes it, or add them to members.yaml"
                            .into()
                    }
                };
                self.error(file, name.pos, message, Some(help));
            }
        }
    }
}

/// ` (the seat runs from … to …)`, for a member named outside their seat.
fn seat_span(member: &Member) -> String {
    match (member.from_day(), member.to_day()) {
        (Some(from), Some(to)) => format!(" (the seat runs from {} to {})", iso(from), iso(to)),
        (Some(from), None) => format!(" (the seat begins on {})", iso(from)),
        (None, Some(to)) => format!(" (the seat ended on {})", iso(to)),
        (None, None) => String::new(),
    }
}

/// Whether two seats' periods share a day.
fn overlap(a: &Member, b: &Member) -> bool {
    let starts_before_end = |x: &Member, y: &Member| match (x.from_day(), y.to_day()) {
        (Some(from), Some(to)) => from <= to,
        _ => true,
    };
    starts_before_end(a, b) && starts_before_end(b, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_address_is_name_at_domain() {
        assert!(is_email("lone.kjaer@example.org"));
        assert!(is_email("a+b@sub.example.org"));
        for bad in [
            "lone.kjaer",
            "lone@",
            "@example.org",
            "Lone <lone@example.org>",
            "lone@localhost",
            "lone kjaer@example.org",
            "",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
