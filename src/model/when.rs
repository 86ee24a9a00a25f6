//! Dates as the seeds give them: a day, a month, a quarter, a span of these, or not yet known.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar quarter, `2026-Q3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    pub year: i32,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    pub fn first_day(self) -> NaiveDate {
        first_of_month(self.year, u32::from(self.number) * 3 - 2)
    }
    pub fn last_day(self) -> NaiveDate {
        last_of_month(self.year, u32::from(self.number) * 3)
    }
    pub fn of(date: NaiveDate) -> Quarter {
        Quarter {
            year: date.year(),
            number: u8::try_from(date.month0() / 3 + 1).unwrap_or(1),
        }
    }
    /// The next quarter, or `None` past the end of chrono's calendar.
    pub fn next(self) -> Option<Quarter> {
        if self.number == 4 {
            let year = self.year.checked_add(1)?;
            NaiveDate::from_ymd_opt(year, 1, 1)?;
            Some(Quarter { year, number: 1 })
        } else {
            Some(Quarter {
                year: self.year,
                number: self.number + 1,
            })
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-Q{}", self.year, self.number)
    }
}

impl FromStr for Quarter {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let (year, q) = s
            .split_once(['Q', 'q'])
            .and_then(|(y, q)| Some((y.strip_suffix('-')?, q)))
            .ok_or(DateError::Syntax)?;
        let year = parse_year(year)?;
        let number: u8 = q.parse().map_err(|_| DateError::Syntax)?;
        if !(1..=4).contains(&number) {
            return Err(DateError::QuarterNumber(number));
        }
        Ok(Quarter { year, number })
    }
}

/// A calendar month, `2025-11`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub number: u8,
}

impl Month {
    pub fn first_day(self) -> NaiveDate {
        first_of_month(self.year, u32::from(self.number))
    }
    pub fn last_day(self) -> NaiveDate {
        last_of_month(self.year, u32::from(self.number))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.number)
    }
}

/// One point of a [`When`]: a day, a month or a quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    Day(NaiveDate),
    Month(Month),
    Quarter(Quarter),
}

impl Period {
    pub fn first_day(self) -> NaiveDate {
        match self {
            Period::Day(d) => d,
            Period::Month(m) => m.first_day(),
            Period::Quarter(q) => q.first_day(),
        }
    }
    pub fn last_day(self) -> NaiveDate {
        match self {
            Period::Day(d) => d,
            Period::Month(m) => m.last_day(),
            Period::Quarter(q) => q.last_day(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(d) => f.write_str(&iso(*d)),
            Period::Month(m) => m.fmt(f),
            Period::Quarter(q) => q.fmt(f),
        }
    }
}

impl FromStr for Period {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        if s.contains(['Q', 'q']) {
            return s.parse().map(Period::Quarter);
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [y, m] => {
                let year = parse_year(y)?;
                let number = parse_two_digits(m)?;
                if !(1..=12).contains(&number) {
                    return Err(DateError::MonthNumber(number));
                }
                Ok(Period::Month(Month { year, number }))
            }
            [y, m, d] => {
                let year = parse_year(y)?;
                let month = parse_two_digits(m)?;
                let day = parse_two_digits(d)?;
                if !(1..=12).contains(&month) {
                    return Err(DateError::MonthNumber(month));
                }
                NaiveDate::from_ymd_opt(year, month.into(), day.into())
                    .map(Period::Day)
                    .ok_or(DateError::NoSuchDay)
            }
            _ => Err(DateError::Syntax),
        }
    }
}

/// When something happens, as precisely as it is known.
///
/// Written in YAML as `2026-03-03`, `2025-11`, `2026-Q1`, a span such as
/// `2026-Q3..2026-Q4`, or left out (null) while it is not yet set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum When {
    #[default]
    Unknown,
    At(Period),
    Span(Period, Period),
}

impl When {
    /// The first and last day this covers, or `None` while unknown.
    pub fn days(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            When::Unknown => None,
            When::At(p) => Some((p.first_day(), p.last_day())),
            When::Span(a, b) => Some((a.first_day(), b.last_day())),
        }
    }

    /// The exact day, when this is one.
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            When::At(Period::Day(d)) => Some(d),
            _ => None,
        }
    }

    pub fn is_known(self) -> bool {
        self != When::Unknown
    }

    /// Whether this overlaps the days `from..=to` (either end open).
    pub fn overlaps(self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
        let Some((first, last)) = self.days() else {
            return false;
        };
        from.is_none_or(|f| last >= f) && to.is_none_or(|t| first <= t)
    }

    /// Every quarter this touches, in order.
    pub fn quarters(self) -> Vec<Quarter> {
        let Some((first, last)) = self.days() else {
            return Vec::new();
        };
        let end = Quarter::of(last);
        let mut out = vec![Quarter::of(first)];
        while let Some(q) = out
            .last()
            .copied()
            .filter(|q| *q < end)
            .and_then(Quarter::next)
        {
            out.push(q);
        }
        out
    }

    /// A sort key that puts known dates first, in order, and unknown last.
    pub fn sort_key(self) -> (bool, NaiveDate, NaiveDate) {
        match self.days() {
            Some((a, b)) => (false, a, b),
            None => (true, NaiveDate::MIN, NaiveDate::MIN),
        }
    }
}

impl fmt::Display for When {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Unknown => Ok(()),
            When::At(p) => p.fmt(f),
            When::Span(a, b) => write!(f, "{a}..{b}"),
        }
    }
}

impl FromStr for When {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, DateError> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(When::Unknown);
        }
        match s.split_once("..") {
            None => s.parse().map(When::At),
            Some((a, b)) => {
                let (a, b): (Period, Period) = (a.parse()?, b.parse()?);
                if b.last_day() < a.first_day() {
                    return Err(DateError::EndBeforeStart);
                }
                Ok(When::Span(a, b))
            }
        }
    }
}

impl<'de> Deserialize<'de> for When {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Option::<String>::deserialize(deserializer)?;
        match text {
            None => Ok(When::Unknown),
            Some(t) => t
                .parse()
                .map_err(|e: DateError| serde::de::Error::custom(e.for_serde(&t))),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            When::Unknown => serializer.serialize_none(),
            other => serializer.collect_str(other),
        }
    }
}

/// What is wrong with a date, quarter, week or time written in the data or on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("not a date")]
    Syntax,
    #[error("there is no such day in the calendar")]
    NoSuchDay,
    #[error("a month is 01 to 12, not {0}")]
    MonthNumber(u8),
    #[error("a quarter is Q1 to Q4, not Q{0}")]
    QuarterNumber(u8),
    #[error("the end comes before the start")]
    EndBeforeStart,
    #[error("that year has no week {0}")]
    WeekNumber(u32),
    #[error("not a time")]
    TimeSyntax,
}

/// Separates a message from its help inside a serde error, so that the loader can show both.
pub const HELP_MARK: &str = " | help: ";

impl DateError {
    /// What is wrong with `text`.
    pub fn message(self, text: &str) -> String {
        match self {
            DateError::Syntax => format!("`{text}` is not a date"),
            DateError::TimeSyntax => format!("`{text}` is not a time of day"),
            DateError::NoSuchDay => format!("`{text}` is not a day in the calendar"),
            other => format!("`{text}`: {other}"),
        }
    }

    /// What to write instead of `text`: for a day written the Danish way (`15.12.2026`,
    /// `15/12-2026`, `15-12-2026`, `15/12/2026`), the same day as the data writes it.
    pub fn help(self, text: &str) -> String {
        match (self, danish_day(text)) {
            (DateError::Syntax, Some(day)) => {
                format!("write the day as year-month-day: `{}`", iso(day))
            }
            _ => self.general_help().to_owned(),
        }
    }

    fn general_help(self) -> &'static str {
        match self {
            DateError::Syntax => {
                "write a day `2026-03-03`, a month `2026-03`, a quarter `2026-Q1`, a span \
                 `2026-Q3..2026-Q4`, or leave the date out while it is not set"
            }
            DateError::TimeSyntax => "write the time as HH:MM, e.g. `13:00`",
            DateError::NoSuchDay => "check the day and the month; dates are written YYYY-MM-DD",
            DateError::MonthNumber(_) => "write the month as 01 to 12, e.g. `2026-03`",
            DateError::QuarterNumber(_) => "write the quarter as Q1 to Q4, e.g. `2026-Q4`",
            DateError::EndBeforeStart => "write the earlier end first, e.g. `2026-Q3..2026-Q4`",
            DateError::WeekNumber(_) => "ISO weeks run from 1 to 52, or 53 in some years",
        }
    }

    /// Message and help on one line, for command-line flags.
    pub fn explain(self, text: &str) -> String {
        format!("{}; {}", self.message(text), self.help(text))
    }

    /// Message and help for a serde error, split again by the loader at [`HELP_MARK`].
    pub fn for_serde(self, text: &str) -> String {
        format!("{}{HELP_MARK}{}", self.message(text), self.help(text))
    }
}

/// A day written day first, as Danes write it by hand: `15.12.2026`, `15/12-2026`,
/// `15-12-2026`, `15/12/2026` (a four-digit year; one or two digits for day and month).
/// Only a day that exists is offered.
fn danish_day(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.trim().split(['.', '/', '-']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let year = parse_year(y).ok()?;
    let (day, month) = (parse_two_digits(d).ok()?, parse_two_digits(m).ok()?);
    NaiveDate::from_ymd_opt(year, month.into(), day.into())
}

/// A day as machines write it: `YYYY-MM-DD` (the data, JSON, messages that quote the data).
pub fn iso(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// A time of day as machines write it: `HH:MM`.
pub fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// Parses `2026-W10` into the Monday and Sunday of that ISO week.
pub fn parse_iso_week(s: &str) -> Result<(NaiveDate, NaiveDate), DateError> {
    let (y, w) = s
        .trim()
        .split_once(['W', 'w'])
        .and_then(|(y, w)| Some((y.strip_suffix('-')?, w)))
        .ok_or(DateError::Syntax)?;
    let year = parse_year(y)?;
    let week: u32 = w.parse().map_err(|_| DateError::Syntax)?;
    let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
        .ok_or(DateError::WeekNumber(week))?;
    let sunday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun)
        .ok_or(DateError::WeekNumber(week))?;
    Ok((monday, sunday))
}

/// Parses `HH:MM` (or `HH.MM`, as Danish texts write it).
pub fn parse_time(s: &str) -> Result<NaiveTime, DateError> {
    let (h, m) = s
        .trim()
        .split_once([':', '.'])
        .ok_or(DateError::TimeSyntax)?;
    let h: u32 = parse_two_digits(h)
        .map_err(|_| DateError::TimeSyntax)?
        .into();
    let m: u32 = parse_two_digits(m)
        .map_err(|_| DateError::TimeSyntax)?
        .into();
    NaiveTime::from_hms_opt(h, m, 0).ok_or(DateError::TimeSyntax)
}

fn parse_year(s: &str) -> Result<i32, DateError> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Syntax);
    }
    s.parse().map_err(|_| DateError::Syntax)
}

fn parse_two_digits(s: &str) -> Result<u8, DateError> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Syntax);
    }
    s.parse().map_err(|_| DateError::Syntax)
}

fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
}

/// A time of day in Europe/Copenhagen, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(pub NaiveTime);

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hhmm(self.0))
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_time(&text)
            .map(ClockTime)
            .map_err(|e| serde::de::Error::custom(e.for_serde(&text)))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl schemars::JsonSchema for When {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "When".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A day, a month, a quarter, a span of these, or null while not yet set / En dag, en måned, et kvartal, et spænd af disse, eller null, mens datoen ikke er fastsat",
            "type": ["string", "null"],
            "pattern": r"^\d{4}-(\d{2}(-\d{2})?|[Qq][1-4])(\.\.\d{4}-(\d{2}(-\d{2})?|[Qq][1-4]))?$",
            "examples": ["2026-03-03", "2025-11", "2026-Q1", "2026-Q3..2026-Q4"]
        })
    }
}

impl schemars::JsonSchema for ClockTime {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClockTime".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A time of day in Europe/Copenhagen, HH:MM / Et klokkeslæt i dansk tid, TT:MM",
            "type": "string",
            "pattern": r"^\d{1,2}[:.]\d{2}$",
            "examples": ["13:00"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_every_precision() {
        assert_eq!(
            "2026-03-03".parse(),
            Ok(When::At(Period::Day(d(2026, 3, 3))))
        );
        assert_eq!(
            "2025-11".parse::<When>().unwrap().days(),
            Some((d(2025, 11, 1), d(2025, 11, 30)))
        );
        assert_eq!(
            "2026-Q3..2026-Q4".parse::<When>().unwrap().days(),
            Some((d(2026, 7, 1), d(2026, 12, 31)))
        );
        assert_eq!("".parse(), Ok(When::Unknown));
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!("2026-02-30".parse::<When>(), Err(DateError::NoSuchDay));
        assert_eq!("2026-Q5".parse::<When>(), Err(DateError::QuarterNumber(5)));
        assert_eq!("2026-13".parse::<When>(), Err(DateError::MonthNumber(13)));
        assert_eq!(
            "2026-Q4..2026-Q1".parse::<When>(),
            Err(DateError::EndBeforeStart)
        );
        assert_eq!("next week".parse::<When>(), Err(DateError::Syntax));
    }

    #[test]
    fn a_span_lists_its_quarters() {
        let w: When = "2026-Q3..2026-Q4".parse().unwrap();
        assert_eq!(
            w.quarters()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["2026-Q3", "2026-Q4"]
        );
        let w: When = "2025-11..2026-02".parse().unwrap();
        assert_eq!(w.quarters().len(), 2);
    }

    #[test]
    fn iso_week_crosses_the_year() {
        // 29 December 2025 is a Monday in week 1 of 2026.
        assert_eq!(
            parse_iso_week("2026-W01"),
            Ok((d(2025, 12, 29), d(2026, 1, 4)))
        );
        assert_eq!(d(2025, 12, 29).iso_week().week(), 1);
        assert_eq!(parse_iso_week("2026-W54"), Err(DateError::WeekNumber(54)));
        // 2026 has 53 ISO weeks.
        assert!(parse_iso_week("2026-W53").is_ok());
    }

    #[test]
    fn month_overlaps_by_its_whole_span() {
        let nov: When = "2025-11".parse().unwrap();
        assert!(nov.overlaps(Some(d(2025, 11, 30)), None));
        assert!(!nov.overlaps(Some(d(2025, 12, 1)), None));
        assert!(!When::Unknown.overlaps(None, None));
    }

    #[test]
    fn times_parse_both_ways() {
        assert_eq!(parse_time("13.30").unwrap().to_string(), "13:30:00");
        assert_eq!(parse_time("9:05").unwrap().to_string(), "09:05:00");
        assert_eq!(parse_time("25:00"), Err(DateError::TimeSyntax));
    }
}
