//! The AMR's training as tasks of the annual cycle (report/cycle.rs): the obligatory
//! working-environment training within three months of taking up the seat, and the
//! supplementary training offered in each year of the seat (two days in the first, a day and
//! a half in each after). A recorded course (`training:` in members.yaml) covers a task.
//!
//! The rule: Bekendtgørelse om systematisk arbejdsmiljøarbejde, with Arbejdstilsynet's
//! AT-vejledning "Systematisk arbejdsmiljøarbejde, herunder samarbejde om arbejdsmiljø" (in
//! force from 15 December 2025), which replaced bek. nr. 1181 af 15. oktober 2010; see
//! docs/data-format.md for the sources.

use chrono::{Datelike, Months, NaiveDate};

use crate::lang::Lang;
use crate::model::{Catalog, Course, Member, Role};
use crate::query::Query;

/// Months from taking up the seat by which the obligatory training must be completed.
pub const OBLIGATORY_WITHIN_MONTHS: u32 = 3;

/// The ids the training tasks have in the cycle, beside the rules of cycle.yaml.
pub const OBLIGATORY_TASK: &str = "amr-obligatorisk";
pub const SUPPLEMENTARY_TASK: &str = "amr-supplerende";

/// Where one training task of a member stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainingState {
    /// A course is recorded.
    Taken(NaiveDate),
    /// The deadline has passed, and no course is recorded.
    Overdue,
    /// The deadline is still ahead.
    Open,
}

/// One training task of one member, due in the year asked for.
#[derive(Clone, Debug)]
pub struct TrainingTask<'a> {
    pub member: &'a Member,
    pub forum: &'a str,
    pub course: Course,
    /// The seat's year (funktionsår) the task belongs to, from 1; the obligatory training's is 1.
    pub seat_year: u32,
    /// How many days the course is.
    pub days: f64,
    pub due: NaiveDate,
    pub state: TrainingState,
}

/// Every AMR's training tasks whose deadline falls in `year`, in the fora the query keeps, in
/// the order of members.yaml. An AMR without a `from:` day has no deadlines.
pub fn tasks<'a>(
    catalog: &Catalog<'a>,
    query: &Query,
    year: i32,
    today: NaiveDate,
) -> Vec<TrainingTask<'a>> {
    let mut out = Vec::new();
    for member in catalog.members().filter(|m| m.has_role(Role::Amr)) {
        let forum = catalog.member_forum(member);
        if !query.matches_forum(catalog, forum) {
            continue;
        }
        let Some(from) = member.from_day() else {
            continue;
        };
        let state = |course: Course, start: NaiveDate, due: NaiveDate| {
            let taken = member
                .training
                .iter()
                .filter(|t| t.course.value == course)
                .filter_map(|t| t.on.day())
                // The obligatory course counts whenever it was taken (before a re-election
                // too); a supplementary one in the year of the seat it belongs to.
                .find(|on| course == Course::Obligatorisk || (start <= *on && *on <= due));
            match taken {
                Some(on) => TrainingState::Taken(on),
                None if due < today => TrainingState::Overdue,
                None => TrainingState::Open,
            }
        };
        if let Some(due) = from
            .checked_add_months(Months::new(OBLIGATORY_WITHIN_MONTHS))
            .and_then(|d| d.pred_opt())
            .filter(|d| d.year() == year)
        {
            out.push(TrainingTask {
                member,
                forum,
                course: Course::Obligatorisk,
                seat_year: 1,
                days: 3.0,
                due,
                state: state(Course::Obligatorisk, from, due),
            });
        }
        // Each year of the seat that ends in `year` and in which the member holds it.
        for seat_year in 1..=60u32 {
            let Some(start) = from.checked_add_months(Months::new(12 * (seat_year - 1))) else {
                break;
            };
            let Some(due) = from
                .checked_add_months(Months::new(12 * seat_year))
                .and_then(|d| d.pred_opt())
            else {
                break;
            };
            if start.year() > year || member.to_day().is_some_and(|to| to < start) {
                break;
            }
            if due.year() != year {
                continue;
            }
            out.push(TrainingTask {
                member,
                forum,
                course: Course::Supplerende,
                seat_year,
                days: if seat_year == 1 { 2.0 } else { 1.5 },
                due,
                state: state(Course::Supplerende, start, due),
            });
        }
    }
    out
}

impl TrainingTask<'_> {
    /// "Obligatorisk arbejdsmiljøuddannelse (3 dage): Sara Holm".
    pub fn title(&self, lang: Lang) -> String {
        lang.training_title(self.course, self.days, &self.member.name)
    }
}
