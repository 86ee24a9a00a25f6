//! Where a roadmap activity or a meeting stands against today: the one set of states the
//! timeline draws, the rollup's coverage reports and `list activities` prints, with their
//! words. Past is only past: a thing is held only when the data records it so.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Catalog, OutcomeStatus, RoadmapActivity, Status, When};

/// Where a thing stands, as its JSON and the pages' CSS classes spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Recorded as held.
    Held,
    /// Recorded as cancelled.
    Cancelled,
    /// An activity postponed to a period not over yet.
    Postponed,
    /// Over, with nothing recorded.
    Past,
    /// Over, though a status was promised.
    Overdue,
    /// Its period has begun and is not over.
    Now,
    /// Its period lies ahead, or it has none.
    Coming,
}

impl State {
    /// Where something of `status` and `date` stands against `today`: `held`, `cancelled`,
    /// `past` (over, with nothing recorded), `now` or `coming`. The timeline's rule.
    pub fn of(status: Status, date: When, today: NaiveDate) -> State {
        match (status, date.days()) {
            (Status::Cancelled, _) => State::Cancelled,
            (Status::Held, _) => State::Held,
            (_, Some((_, end))) if end < today => State::Past,
            (_, Some((start, _))) if start <= today => State::Now,
            _ => State::Coming,
        }
    }

    /// Where a roadmap activity stands: what was recorded, else where its period lies
    /// against today: also `postponed` (to a period not over yet) and `overdue` (over, though
    /// a status was promised). Past with nothing recorded is past, not overdue.
    pub fn of_activity(catalog: &Catalog<'_>, a: &RoadmapActivity, today: NaiveDate) -> State {
        let when = a.current_date();
        if a.outcome
            .as_ref()
            .is_some_and(|o| o.status == OutcomeStatus::Postponed)
            && when.days().is_none_or(|(_, last)| last >= today)
        {
            return State::Postponed;
        }
        let status = catalog.activity_status(a);
        match (State::of(status, when, today), status) {
            (State::Past, Status::NotRecorded) => State::Past,
            (State::Past, _) => State::Overdue,
            (state, _) => state,
        }
    }

    /// The state in a word: "afholdt", "forbi, intet registreret" … (for a postponed one,
    /// only "udsat til"; [`State::text`] adds the period).
    pub fn word(self, lang: Lang) -> &'static str {
        let w = lang.words();
        match self {
            State::Held => w.held,
            State::Cancelled => lang.status(Status::Cancelled),
            State::Postponed => w.postponed_to_period,
            State::Past => w.past_unrecorded,
            State::Overdue => w.overdue,
            State::Now => w.now,
            State::Coming => w.coming,
        }
    }

    /// The state in words; `when` is the thing's current period, which a postponed one
    /// names: "udsat til 4. kvartal 2026".
    pub fn text(self, when: When, lang: Lang) -> String {
        match self {
            State::Postponed => format!("{} {}", self.word(lang), lang.when(when)),
            state => state.word(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Period, Quarter};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_record_wins_over_the_calendar_and_an_unrecorded_past_is_past() {
        let q3 = When::At(Period::Quarter(Quarter {
            year: 2026,
            number: 3,
        }));
        let today = day(2026, 11, 23);
        assert_eq!(State::of(Status::Held, q3, today), State::Held);
        assert_eq!(State::of(Status::Cancelled, q3, today), State::Cancelled);
        assert_eq!(State::of(Status::Planned, q3, today), State::Past);
        assert_eq!(State::of(Status::Planned, q3, day(2026, 8, 1)), State::Now);
        assert_eq!(
            State::of(Status::Planned, q3, day(2026, 1, 1)),
            State::Coming
        );
        assert_eq!(
            State::of(Status::Planned, When::Unknown, today),
            State::Coming
        );
    }

    #[test]
    fn a_postponed_state_names_its_period_and_serializes_as_its_key() {
        let q4 = When::At(Period::Quarter(Quarter {
            year: 2026,
            number: 4,
        }));
        assert_eq!(
            State::Postponed.text(q4, Lang::Da),
            "udsat til 4. kvartal 2026"
        );
        assert_eq!(State::Past.text(q4, Lang::Da), "forbi, intet registreret");
        let keys = [State::Held, State::Postponed, State::Overdue, State::Coming]
            .map(|s| serde_json::to_value(s).unwrap());
        assert_eq!(
            keys,
            ["held", "postponed", "overdue", "coming"].map(serde_json::Value::from)
        );
    }
}
