//! The output language: labels, and dates written the Danish or the English way.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::{
    ActivityKind, Audience, FindingKind, ItemType, Level, Origin, Period, Quarter, Status, When,
};

/// The language of rendered documents and table labels. Data and JSON stay as they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Danish
    #[default]
    Da,
    /// English
    En,
}

const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// Picks the Danish or the English text.
    pub fn pick<'a>(self, da: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        self.pick("da", "en")
    }

    pub fn month_name(self, month: u32) -> &'static str {
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::Da => MONTHS_DA[i],
            Lang::En => MONTHS_EN[i],
        }
    }

    pub fn weekday(self, day: Weekday) -> &'static str {
        let (da, en) = match day {
            Weekday::Mon => ("mandag", "Monday"),
            Weekday::Tue => ("tirsdag", "Tuesday"),
            Weekday::Wed => ("onsdag", "Wednesday"),
            Weekday::Thu => ("torsdag", "Thursday"),
            Weekday::Fri => ("fredag", "Friday"),
            Weekday::Sat => ("lørdag", "Saturday"),
            Weekday::Sun => ("søndag", "Sunday"),
        };
        self.pick(da, en)
    }

    /// "tirsdag den 3. marts 2026" / "Tuesday 3 March 2026".
    pub fn long_date(self, date: NaiveDate) -> String {
        let weekday = self.weekday(date.weekday());
        let month = self.month_name(date.month());
        match self {
            Lang::Da => format!("{weekday} den {}. {month} {}", date.day(), date.year()),
            Lang::En => format!("{weekday} {} {month} {}", date.day(), date.year()),
        }
    }

    /// "uge 10" / "week 10".
    pub fn week(self, date: NaiveDate) -> String {
        format!("{} {}", self.pick("uge", "week"), date.iso_week().week())
    }

    fn quarter(self, q: Quarter) -> String {
        match self {
            Lang::Da => format!("{}. kvartal {}", q.number, q.year),
            Lang::En => format!("Q{} {}", q.number, q.year),
        }
    }

    fn period(self, p: Period) -> String {
        match p {
            Period::Day(d) => self.long_date(d),
            Period::Month(m) => format!("{} {}", self.month_name(m.number.into()), m.year),
            Period::Quarter(q) => self.quarter(q),
        }
    }

    /// A date as people write it: "tirsdag den 3. marts 2026", "marts 2026", "1. kvartal 2026",
    /// "3.–4. kvartal 2026", or "meldes ud senere".
    pub fn when(self, when: When) -> String {
        match when {
            When::Unknown => self.pick("meldes ud senere", "to be announced").to_owned(),
            When::At(p) => self.period(p),
            When::Span(Period::Quarter(a), Period::Quarter(b)) if a.year == b.year => match self {
                Lang::Da => format!("{}.–{}. kvartal {}", a.number, b.number, a.year),
                Lang::En => format!("Q{}–Q{} {}", a.number, b.number, a.year),
            },
            When::Span(Period::Month(a), Period::Month(b)) if a.year == b.year => format!(
                "{}–{} {}",
                self.month_name(a.number.into()),
                self.month_name(b.number.into()),
                a.year
            ),
            When::Span(a, b) => format!("{}–{}", self.period(a), self.period(b)),
        }
    }

    /// [`Lang::when`] followed by the ISO week where the date is exact: "…, uge 10".
    pub fn when_with_week(self, when: When) -> String {
        match when.day() {
            Some(day) => format!("{} ({})", self.when(when), self.week(day)),
            None => self.when(when),
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match status {
            Status::Provisional => self.pick("foreløbig", "provisional"),
            Status::Planned => self.pick("planlagt", "planned"),
            Status::Confirmed => self.pick("bekræftet", "confirmed"),
            Status::Cancelled => self.pick("aflyst", "cancelled"),
            Status::Held => self.pick("afholdt", "held"),
            Status::NotRecorded => self.pick("ikke angivet", "not recorded"),
        }
    }

    pub fn audience(self, audience: Audience) -> &'static str {
        match audience {
            Audience::Leder => self.pick("leder", "leader"),
            Audience::Tr => "TR",
            Audience::Amr => "AMR",
            Audience::Medarbejder => self.pick("medarbejder", "employee"),
            Audience::Trio => "MED-trio",
        }
    }

    pub fn level(self, level: Level) -> &'static str {
        match level {
            Level::Hu => "HU",
            Level::Omu => "OMU",
            Level::Lmu => "LMU",
            Level::Other => self.pick("andet forum", "other forum"),
        }
    }

    pub fn item_type(self, kind: ItemType) -> &'static str {
        match kind {
            ItemType::Beslutning => self.pick("Beslutning", "Decision"),
            ItemType::Droeftelse => self.pick("Drøftelse", "Discussion"),
            ItemType::Orientering => self.pick("Orientering", "Information"),
        }
    }

    pub fn activity_kind(self, kind: ActivityKind) -> &'static str {
        match kind {
            ActivityKind::Tema => self.pick("tema", "theme"),
            ActivityKind::Dialogmoede => self.pick("dialogmøde", "dialogue meeting"),
            ActivityKind::Materialer => self.pick("materialer", "materials"),
            ActivityKind::Opfoelgning => self.pick("opfølgning", "follow-up"),
            ActivityKind::Kobling => self.pick("kobling", "link"),
        }
    }

    pub fn finding_kind(self, kind: FindingKind) -> &'static str {
        match kind {
            FindingKind::Point => self.pick("punkt", "point"),
            FindingKind::Requirement => {
                self.pick("for at lykkes kræver det", "to succeed, it takes")
            }
            FindingKind::Barrier => self.pick("barriere", "barrier"),
            FindingKind::Summary => self.pick("opsamling", "summary"),
            FindingKind::Note => self.pick("note", "note"),
        }
    }

    pub fn origin(self, origin: Origin) -> &'static str {
        match origin {
            Origin::Seed => self.pick("fra kilden", "from the source"),
            Origin::Authored => self.pick("skrevet ud fra fundene", "written from the findings"),
        }
    }

    /// Several values joined the way the language lists them: "TR, AMR og leder".
    pub fn join(self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.pick("og", "and")),
        }
    }

    /// "kl. 13.00–15.30" / "13:00–15:30".
    pub fn time_span(self, start: chrono::NaiveTime, end: chrono::NaiveTime) -> String {
        match self {
            Lang::Da => format!("kl. {}–{}", start.format("%H.%M"), end.format("%H.%M")),
            Lang::En => format!("{}–{}", start.format("%H:%M"), end.format("%H:%M")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(s: &str) -> When {
        s.parse().unwrap()
    }

    #[test]
    fn danish_dates() {
        assert_eq!(
            Lang::Da.when(when("2026-03-03")),
            "tirsdag den 3. marts 2026"
        );
        assert_eq!(Lang::Da.when(when("2026-03")), "marts 2026");
        assert_eq!(Lang::Da.when(when("2026-Q1")), "1. kvartal 2026");
        assert_eq!(
            Lang::Da.when(when("2026-Q3..2026-Q4")),
            "3.–4. kvartal 2026"
        );
        assert_eq!(Lang::Da.when(When::Unknown), "meldes ud senere");
        assert_eq!(
            Lang::Da.when_with_week(when("2026-03-03")),
            "tirsdag den 3. marts 2026 (uge 10)"
        );
    }

    #[test]
    fn english_dates() {
        assert_eq!(Lang::En.when(when("2026-03-03")), "Tuesday 3 March 2026");
        assert_eq!(Lang::En.when(when("2026-Q3..2026-Q4")), "Q3–Q4 2026");
        assert_eq!(Lang::En.when(When::Unknown), "to be announced");
    }

    #[test]
    fn spans_across_years_name_both_ends() {
        assert_eq!(
            Lang::Da.when(when("2025-Q4..2026-Q1")),
            "4. kvartal 2025–1. kvartal 2026"
        );
    }
}
