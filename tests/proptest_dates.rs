#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! Property tests for the date and time arithmetic in `medtrio::model::when` and for the
//! scaling of agenda time slots in `medtrio::model::timing::scale`.
//!
//! The years are those the data format can write: four digits, 0000 to 9999. Each property
//! runs proptest's default 256 cases; set `PROPTEST_CASES` to run more. Failures are not
//! saved to a `.proptest-regressions` file: a failing case is printed, shrunk, in the test
//! output.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use medtrio::model::timing::{TimingError, scale};
use medtrio::model::when::{DateError, Month, parse_iso_week, parse_time};
use medtrio::model::{ClockTime, Period, Quarter, When};
use proptest::prelude::*;

/// Proptest's defaults (256 cases, or `PROPTEST_CASES`), without a regressions file.
fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The shortest length `scale` gives a flexible item.
const MIN_ITEM_MINUTES: i64 = 5;

// ---------------------------------------------------------------------------------------------
// Strategies

/// Any day with a four-digit year that is at least 1000 (written without leading zeros).
fn day() -> impl Strategy<Value = NaiveDate> {
    day_in(1000, 9999)
}

fn day_in(first_year: i32, last_year: i32) -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap();
    let span = (last - first).num_days() as u64;
    (0..=span).prop_map(move |n| first.checked_add_days(Days::new(n)).unwrap())
}

fn month_in(first_year: i32, last_year: i32) -> impl Strategy<Value = Month> {
    (first_year..=last_year, 1u8..=12).prop_map(|(year, number)| Month { year, number })
}

fn quarter_in(first_year: i32, last_year: i32) -> impl Strategy<Value = Quarter> {
    (first_year..=last_year, 1u8..=4).prop_map(|(year, number)| Quarter { year, number })
}

fn period_in(first_year: i32, last_year: i32) -> impl Strategy<Value = Period> {
    prop_oneof![
        day_in(first_year, last_year).prop_map(Period::Day),
        month_in(first_year, last_year).prop_map(Period::Month),
        quarter_in(first_year, last_year).prop_map(Period::Quarter),
    ]
}

/// A day, mostly in the years that real spans (see [`span`]) fall in.
fn near_day() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![3 => day_in(1985, 2110), 1 => day()]
}

/// Any period in the years 1000 to 9999.
fn period() -> impl Strategy<Value = Period> {
    period_in(1000, 9999)
}

/// Two periods that make a valid span: the second does not end before the first starts.
/// Most spans stay within a few years, as real ones do; some cross centuries.
fn span() -> impl Strategy<Value = (Period, Period)> {
    let near = (1990i32..=2100).prop_flat_map(|y| (period_in(y, y + 1), period_in(y, y + 3)));
    prop_oneof![3 => near, 1 => (period(), period())]
        .prop_map(|(a, b)| {
            if b.last_day() < a.first_day() {
                (b, a)
            } else {
                (a, b)
            }
        })
        .prop_filter("the end comes before the start", |(a, b)| {
            b.last_day() >= a.first_day()
        })
}

/// Any known `When`.
fn known_when() -> impl Strategy<Value = When> {
    prop_oneof![
        period().prop_map(When::At),
        span().prop_map(|(a, b)| When::Span(a, b)),
    ]
}

/// How many ISO weeks `year` has, computed without chrono's ISO week code: 53 when the year
/// starts on a Thursday, or is a leap year that starts on a Wednesday; 52 otherwise.
fn iso_weeks_in(year: i32) -> u32 {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap().weekday();
    let leap = NaiveDate::from_ymd_opt(year, 2, 29).is_some();
    if jan1 == Weekday::Thu || (leap && jan1 == Weekday::Wed) {
        53
    } else {
        52
    }
}

// ---------------------------------------------------------------------------------------------
// When, Period, Month, Quarter: Display and FromStr

proptest! {
    #![proptest_config(config())]

    /// Every known `When` is written in a form that reads back as the same value.
    #[test]
    fn when_display_parses_back(w in known_when()) {
        let text = w.to_string();
        prop_assert_eq!(text.parse::<When>(), Ok(w), "written as {:?}", text);
    }

    /// The same holds for years with leading zeros, 0000 to 0999, which the parser accepts
    /// (`0999-03`, `0999-Q1`).
    #[test]
    fn when_display_parses_back_for_years_below_1000(p in period_in(0, 999)) {
        let w = When::At(p);
        let text = w.to_string();
        prop_assert_eq!(text.parse::<When>(), Ok(w), "written as {:?}", text);
    }

    /// A day, a month and a quarter are written exactly as the data format shows them.
    #[test]
    fn periods_are_written_in_the_data_format(d in day(), m in month_in(1000, 9999), q in quarter_in(1000, 9999)) {
        prop_assert_eq!(
            Period::Day(d).to_string(),
            format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
        );
        prop_assert_eq!(Period::Month(m).to_string(), format!("{:04}-{:02}", m.year, m.number));
        prop_assert_eq!(Period::Quarter(q).to_string(), format!("{:04}-Q{}", q.year, q.number));
        prop_assert_eq!(q.to_string().parse::<Quarter>(), Ok(q));
    }

    /// Whatever text parses, its written form parses to the same value (so writing normalises
    /// `2026-3` to `2026-03` and `2026-q1` to `2026-Q1` without changing the meaning).
    #[test]
    fn parsed_text_is_written_back_equivalently(
        text in "[1-9][0-9]{3}-([Qq][0-9]|[0-9]{1,2}(-[0-9]{1,2})?)(\\.\\.[1-9][0-9]{3}-([Qq][0-9]|[0-9]{1,2}(-[0-9]{1,2})?))?"
    ) {
        if let Ok(w) = text.parse::<When>() {
            prop_assert!(w.is_known());
            prop_assert_eq!(w.to_string().parse::<When>(), Ok(w), "from {:?}", text);
        }
    }

    /// A span parses exactly when its end does not come before its start.
    #[test]
    fn a_span_parses_unless_it_ends_before_it_starts(a in period(), b in period()) {
        let parsed = format!("{a}..{b}").parse::<When>();
        if b.last_day() < a.first_day() {
            prop_assert_eq!(parsed, Err(DateError::EndBeforeStart));
        } else {
            prop_assert_eq!(parsed, Ok(When::Span(a, b)));
            prop_assert_eq!(parsed.unwrap().days(), Some((a.first_day(), b.last_day())));
        }
    }

    /// Months 13 to 99 and quarters 0 and 5 to 9 are refused with the number in the error.
    #[test]
    fn out_of_range_months_and_quarters_are_refused(y in 1000i32..=9999, m in 13u8..=99, q in prop_oneof![Just(0u8), 5u8..=9]) {
        prop_assert_eq!(format!("{y}-{m}").parse::<When>(), Err(DateError::MonthNumber(m)));
        prop_assert_eq!(format!("{y}-{m}-01").parse::<When>(), Err(DateError::MonthNumber(m)));
        prop_assert_eq!(format!("{y}-Q{q}").parse::<When>(), Err(DateError::QuarterNumber(q)));
    }

    /// Day 29 to 31 is accepted exactly when the month has it.
    #[test]
    fn days_past_the_end_of_the_month_are_refused(m in month_in(1000, 9999), day in 28u32..=31) {
        let text = format!("{}-{day:02}", m);
        let exists = day <= m.last_day().day();
        match text.parse::<When>() {
            Ok(When::At(Period::Day(d))) => {
                prop_assert!(exists, "{} parsed", text);
                prop_assert_eq!((d.year(), d.month(), d.day()), (m.year, u32::from(m.number), day));
            }
            other => {
                prop_assert!(!exists, "{} gave {:?}", text, other);
                prop_assert_eq!(other, Err(DateError::NoSuchDay));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Quarters and the days a When covers

proptest! {
    #![proptest_config(config())]

    /// The quarter of a day holds that day, and its first and last days bound it.
    #[test]
    fn the_quarter_of_a_day_contains_it(d in day_in(0, 9999)) {
        let q = Quarter::of(d);
        prop_assert!((1..=4).contains(&q.number));
        prop_assert_eq!(q.year, d.year());
        prop_assert!(q.first_day() <= d && d <= q.last_day(), "{} not in {}", d, q);
        prop_assert_eq!(q.first_day().day(), 1);
        prop_assert_eq!(q.first_day().month(), u32::from(q.number) * 3 - 2);
        prop_assert_eq!(q.last_day().month(), u32::from(q.number) * 3);
        prop_assert_eq!(Quarter::of(q.first_day()), q);
        prop_assert_eq!(Quarter::of(q.last_day()), q);
        // The day after the last day starts the next quarter.
        let next = q.next().unwrap();
        prop_assert_eq!(q.last_day().succ_opt(), Some(next.first_day()));
        prop_assert!(q < next);
    }

    /// A month's first and last days bound it, and the month after starts the next day.
    #[test]
    fn a_month_is_bounded_by_its_first_and_last_day(m in month_in(0, 9998)) {
        prop_assert_eq!(m.first_day(), NaiveDate::from_ymd_opt(m.year, m.number.into(), 1).unwrap());
        let after = m.last_day().succ_opt().unwrap();
        prop_assert_eq!(after.day(), 1);
        prop_assert_eq!(after.month(), u32::from(m.number) % 12 + 1);
    }

    /// `quarters()` lists consecutive quarters, from the one holding the first day to the one
    /// holding the last, and together they cover every day of the span.
    #[test]
    fn quarters_are_consecutive_and_cover_the_span(w in known_when()) {
        let (first, last) = w.days().unwrap();
        prop_assert!(first <= last);
        let qs = w.quarters();
        prop_assert!(!qs.is_empty());
        prop_assert_eq!(qs[0], Quarter::of(first));
        prop_assert_eq!(*qs.last().unwrap(), Quarter::of(last));
        for pair in qs.windows(2) {
            prop_assert_eq!(pair[0].next(), Some(pair[1]), "in {:?}", qs);
        }
        prop_assert!(qs[0].first_day() <= first);
        prop_assert!(qs.last().unwrap().last_day() >= last);
        // Each listed quarter overlaps the span.
        for q in &qs {
            prop_assert!(w.overlaps(Some(q.first_day()), Some(q.last_day())), "{} in {}", q, w);
        }
        // The count matches the calendar: four a year, plus the quarters within the years.
        let index = |q: Quarter| i64::from(q.year) * 4 + i64::from(q.number);
        prop_assert_eq!(qs.len() as i64, index(Quarter::of(last)) - index(Quarter::of(first)) + 1);
    }

    /// A `When` overlaps a range exactly when some day is in both. The command line refuses
    /// `--to` before `--from`, so the range's ends are in order.
    #[test]
    fn overlaps_agrees_with_the_days(
        w in known_when(),
        a in proptest::option::of(near_day()),
        b in proptest::option::of(near_day()),
    ) {
        let (from, to) = match (a, b) {
            (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
            other => other,
        };
        let (first, last) = w.days().unwrap();
        let start = from.map_or(first, |f| f.max(first));
        let end = to.map_or(last, |t| t.min(last));
        prop_assert_eq!(w.overlaps(from, to), start <= end);
    }

    /// An unknown date has no days, no quarters and overlaps nothing.
    #[test]
    fn unknown_is_nowhere(from in proptest::option::of(day()), to in proptest::option::of(day())) {
        prop_assert_eq!(When::Unknown.days(), None);
        prop_assert!(When::Unknown.quarters().is_empty());
        prop_assert!(!When::Unknown.overlaps(from, to));
        prop_assert_eq!("".parse::<When>(), Ok(When::Unknown));
        prop_assert_eq!(When::Unknown.to_string(), "");
    }
}

// ---------------------------------------------------------------------------------------------
// ISO weeks

proptest! {
    #![proptest_config(config())]

    /// Every week `Y-Www` of a year parses to a Monday and the Sunday after it, both in ISO
    /// week (Y, w); a week number above the year's last week, or week 0, is refused.
    #[test]
    fn iso_weeks_parse_to_monday_and_sunday(year in 0i32..=9999, week in 0u32..=60) {
        let text = format!("{year:04}-W{week:02}");
        let weeks = iso_weeks_in(year);
        let parsed = parse_iso_week(&text);
        if (1..=weeks).contains(&week) {
            let (monday, sunday) = parsed.unwrap();
            prop_assert_eq!(monday.weekday(), Weekday::Mon);
            prop_assert_eq!(sunday.weekday(), Weekday::Sun);
            prop_assert_eq!(monday.checked_add_days(Days::new(6)), Some(sunday));
            for d in [monday, sunday] {
                prop_assert_eq!((d.iso_week().year(), d.iso_week().week()), (year, week), "{} in {}", d, text);
            }
            // Lowercase and surrounding spaces are accepted too.
            let lower = format!(" {year:04}-w{week:02} ");
            prop_assert_eq!(parse_iso_week(&lower), Ok((monday, sunday)));
        } else {
            prop_assert_eq!(parsed, Err(DateError::WeekNumber(week)), "{} ({} weeks)", text, weeks);
        }
    }

    /// Every day lies in the week its ISO week number names.
    #[test]
    fn every_day_is_in_its_iso_week(d in day_in(0, 9999)) {
        let iso = d.iso_week();
        prop_assume!((0..=9999).contains(&iso.year()));
        let (monday, sunday) = parse_iso_week(&format!("{:04}-W{:02}", iso.year(), iso.week())).unwrap();
        prop_assert!(monday <= d && d <= sunday, "{} not in {}..{}", d, monday, sunday);
        prop_assert!(iso.week() <= iso_weeks_in(iso.year()));
    }
}

// ---------------------------------------------------------------------------------------------
// Times of day

proptest! {
    #![proptest_config(config())]

    /// `HH:MM` and `HH.MM` read back as the time they write, and `ClockTime` writes `HH:MM`.
    #[test]
    fn times_round_trip(h in 0u32..24, m in 0u32..60) {
        let time = NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let colon = format!("{h:02}:{m:02}");
        prop_assert_eq!(parse_time(&colon), Ok(time));
        prop_assert_eq!(parse_time(&format!("{h:02}.{m:02}")), Ok(time));
        prop_assert_eq!(parse_time(&format!("{h}:{m:02}")), Ok(time));
        prop_assert_eq!(ClockTime(time).to_string(), colon);
    }

    /// An hour of 24 or more, or a minute of 60 or more, is not a time.
    #[test]
    fn impossible_times_are_refused(
        (h, m) in prop_oneof![(24u32..100, 0u32..100), (0u32..100, 60u32..100)]
    ) {
        prop_assert_eq!(parse_time(&format!("{h:02}:{m:02}")), Err(DateError::TimeSyntax));
        prop_assert_eq!(parse_time(&format!("{h:02}.{m:02}")), Err(DateError::TimeSyntax));
    }
}

// ---------------------------------------------------------------------------------------------
// Scaling agenda items

/// An agenda: each item's minutes and whether it is fixed. Minutes run from 0 (which the
/// data can hold; `agenda` clamps negatives to 0) to a long workshop session.
fn items() -> impl Strategy<Value = (Vec<i64>, Vec<bool>)> {
    prop::collection::vec((0i64..=240, prop::bool::weighted(0.3)), 0..=15)
        .prop_map(|v| v.into_iter().unzip())
}

fn needed(minutes: &[i64], fixed: &[bool]) -> (i64, usize) {
    let fixed_total = minutes
        .iter()
        .zip(fixed)
        .filter(|(_, f)| **f)
        .map(|(m, _)| m)
        .sum();
    let flexible = fixed.iter().filter(|f| !**f).count();
    (fixed_total, flexible)
}

proptest! {
    #![proptest_config(config())]

    /// When the target leaves every flexible item at least 5 minutes, `scale` hits the target
    /// exactly, keeps the fixed items as they are, and gives each flexible item at least 5.
    #[test]
    fn scale_hits_the_target_and_keeps_fixed_items(
        (minutes, mut fixed) in items(),
        flexible_minutes in 0i64..=240,
        extra in 0i64..=1200,
    ) {
        // At least one flexible item, so that some target can be met.
        let mut minutes = minutes;
        if fixed.iter().all(|f| *f) {
            minutes.push(flexible_minutes);
            fixed.push(false);
        }
        let (fixed_total, flexible) = needed(&minutes, &fixed);
        let target = fixed_total + MIN_ITEM_MINUTES * flexible as i64 + extra;
        let out = scale(&minutes, &fixed, target).unwrap();
        prop_assert_eq!(out.len(), minutes.len());
        prop_assert_eq!(out.iter().sum::<i64>(), target, "{:?}", out);
        for i in 0..out.len() {
            if fixed[i] {
                prop_assert_eq!(out[i], minutes[i], "fixed item {} in {:?}", i, out);
            } else {
                prop_assert!(out[i] >= MIN_ITEM_MINUTES, "item {} in {:?}", i, out);
            }
        }
    }

    /// `scale` refuses exactly the targets it cannot meet: less than the fixed items plus 5 per
    /// flexible item, or, with no flexible item, anything but the fixed items' total.
    #[test]
    fn scale_refuses_what_cannot_fit((minutes, fixed) in items(), target in 0i64..=1500) {
        let (fixed_total, flexible) = needed(&minutes, &fixed);
        let need = fixed_total + MIN_ITEM_MINUTES * flexible as i64;
        let result = scale(&minutes, &fixed, target);
        if target < need || (flexible == 0 && target != fixed_total) {
            prop_assert_eq!(
                result,
                Err(TimingError::TooShort { minutes: target, fixed: fixed_total, flexible, needed: need })
            );
        } else {
            let out = result.unwrap();
            prop_assert_eq!(out.iter().sum::<i64>(), target, "{:?}", out);
        }
    }

    /// Scaling to the length the items already have changes nothing when each flexible item
    /// is already a multiple of 5 and at least 5.
    #[test]
    fn scaling_to_the_current_length_changes_nothing(
        v in prop::collection::vec((1i64..=48, any::<bool>()), 1..=15)
    ) {
        let minutes: Vec<i64> = v.iter().map(|(m, _)| m * 5).collect();
        let fixed: Vec<bool> = v.iter().map(|(_, f)| *f).collect();
        let total: i64 = minutes.iter().sum();
        prop_assert_eq!(scale(&minutes, &fixed, total), Ok(minutes));
    }
}
