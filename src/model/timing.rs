//! How an agenda's items fill their meeting's time: the one rule that `validate` checks and
//! `agenda` applies, so that data that validates always gives an agenda.

use chrono::{NaiveTime, TimeDelta};

use crate::model::when::hhmm;
use crate::model::{AgendaItem, Located, total_minutes};

/// The smallest length a scaled item gets.
pub const MIN_ITEM_MINUTES: i64 = 5;

/// What an agenda's times come from.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    /// The meeting's own items, or else its template's.
    pub items: &'a [Located<AgendaItem>],
    /// Whether `items` are the template's; those are scaled to the meeting's own length.
    pub from_template: bool,
    /// The meeting's own start and end.
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// The template's start, used when the meeting gives none.
    pub template_start: Option<NaiveTime>,
}

/// How the agenda is asked for (`medtrio agenda --start --minutes`); the default is as the
/// data says.
#[derive(Clone, Copy, Debug, Default)]
pub struct AgendaOptions {
    /// Overrides the start time.
    pub start: Option<NaiveTime>,
    /// Scales the items to this many minutes.
    pub minutes: Option<i64>,
    /// Leaves ruled lines under each item of the printed agenda for notes (`--with-notes`);
    /// no part of the timing.
    pub with_notes: bool,
    /// The day taken as today, for the follow-up on earlier minutes; no part of the timing.
    pub today: Option<chrono::NaiveDate>,
}

/// The agenda's times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timing {
    /// Each item's minutes: as written, or scaled.
    pub minutes: Vec<i64>,
    pub total: i64,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    /// Whether the start is only the template's suggestion.
    pub indicative: bool,
}

/// Why the items do not fit.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimingError {
    #[error(
        "{minutes} minutes is too short for this agenda: its fixed items take {fixed} and each of its {flexible} other items needs at least {MIN_ITEM_MINUTES}, so it needs at least {needed}"
    )]
    TooShort {
        minutes: i64,
        fixed: i64,
        flexible: usize,
        needed: i64,
    },
    #[error("the agenda would run past midnight ({start} + {minutes} minutes)")]
    PastMidnight { start: String, minutes: i64 },
    /// The meeting's own items take longer than its own start and end allow.
    #[error("the agenda items add up to {total} minutes, but the meeting lasts {length}")]
    Overrun { total: i64, length: i64 },
}

/// The agenda's times, or why its items do not fit:
/// - a template's items are scaled to the meeting's own length (start to end), or to
///   `--minutes`; they must fit ([`scale`]);
/// - a meeting's own items, as the data gives them, must fit between its start and end;
/// - the agenda ends by midnight, from whichever start applies (`--start`, the meeting's, the
///   template's).
pub fn timing(frame: &Frame<'_>, options: AgendaOptions) -> Result<Timing, TimingError> {
    let written: Vec<i64> = frame.items.iter().map(|i| i.minutes.value.max(0)).collect();
    let own_length = match (frame.start, frame.end) {
        (Some(s), Some(e)) if e > s => Some((e - s).num_minutes()),
        _ => None,
    };
    let as_written = options.start.is_none() && options.minutes.is_none();
    let target = options.minutes.or(if frame.from_template {
        own_length
    } else {
        None
    });
    let minutes = match target {
        Some(target) => {
            let fixed: Vec<bool> = frame.items.iter().map(|i| i.fixed).collect();
            scale(&written, &fixed, target)?
        }
        None => written,
    };
    let total = total_minutes(minutes.iter().copied());
    if let (true, false, Some(length)) = (as_written, frame.from_template, own_length)
        && total > length
    {
        return Err(TimingError::Overrun { total, length });
    }
    let start = options.start.or(frame.start).or(frame.template_start);
    if let Some(start) = start {
        let day_minutes = start.signed_duration_since(NaiveTime::MIN).num_minutes();
        if day_minutes.saturating_add(total) > 24 * 60 {
            return Err(TimingError::PastMidnight {
                start: hhmm(start),
                minutes: total,
            });
        }
    }
    let items_end = start.map(|s| s + TimeDelta::minutes(total));
    // The meeting's own end stands when the items leave time over; else the items' end.
    let end = match (as_written, frame.end, items_end) {
        (true, Some(own), Some(computed)) if own >= computed => Some(own),
        _ => items_end,
    };
    Ok(Timing {
        minutes,
        total,
        start,
        end,
        indicative: options.start.is_none() && frame.start.is_none(),
    })
}

/// Scales item lengths to `target` minutes. Fixed items keep theirs; the others share the
/// rest in proportion, in 5-minute steps, and at least [`MIN_ITEM_MINUTES`] each.
pub fn scale(minutes: &[i64], fixed: &[bool], target: i64) -> Result<Vec<i64>, TimingError> {
    let fixed_total = total_minutes(
        minutes
            .iter()
            .zip(fixed)
            .filter(|(_, f)| **f)
            .map(|(m, _)| *m),
    );
    let flexible: Vec<usize> = (0..minutes.len()).filter(|i| !fixed[*i]).collect();
    let needed = fixed_total.saturating_add(MIN_ITEM_MINUTES * flexible.len() as i64);
    if target < needed || (flexible.is_empty() && target != fixed_total) {
        return Err(TimingError::TooShort {
            minutes: target,
            fixed: fixed_total,
            flexible: flexible.len(),
            needed,
        });
    }
    let flexible_total = total_minutes(flexible.iter().map(|&i| minutes[i])).max(1);
    let room = target - fixed_total;
    let mut out = minutes.to_vec();
    for &i in &flexible {
        let share = minutes[i] as f64 * room as f64 / flexible_total as f64;
        out[i] = (((share / 5.0).round() as i64) * 5).max(MIN_ITEM_MINUTES);
    }
    // Settle the rounding on the longest flexible items, so that the sum is exact.
    let mut diff = target - out.iter().sum::<i64>();
    let mut order = flexible.clone();
    order.sort_by_key(|&i| std::cmp::Reverse(out[i]));
    while diff != 0 {
        let mut moved = false;
        for &i in &order {
            let step = diff.signum() * diff.abs().min(5);
            if out[i] + step >= MIN_ITEM_MINUTES {
                out[i] += step;
                diff -= step;
                moved = true;
            }
            if diff == 0 {
                break;
            }
        }
        if !moved {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgendaItem;

    fn items(minutes: &[(i64, bool)]) -> Vec<Located<AgendaItem>> {
        minutes
            .iter()
            .map(|&(m, fixed)| {
                Located::new(AgendaItem {
                    title: Located::new("Punkt".into()),
                    title_en: None,
                    lead_en: None,
                    recommendation_en: None,
                    kind: None,
                    minutes: Located::new(m),
                    lead: None,
                    recommendation: None,
                    notes: None,
                    prompts: Vec::new(),
                    fixed,
                    ..AgendaItem::default()
                })
            })
            .collect()
    }

    fn at(hhmm: &str) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(hhmm, "%H:%M").ok()
    }

    fn frame<'a>(items: &'a [Located<AgendaItem>], from_template: bool) -> Frame<'a> {
        Frame {
            items,
            from_template,
            start: None,
            end: None,
            template_start: None,
        }
    }

    #[test]
    fn scaling_keeps_fixed_items_and_hits_the_target() {
        let minutes = [5, 5, 30, 35, 10, 35, 20, 5, 5];
        let fixed = [true, true, false, false, false, false, false, true, true];
        for target in [90, 120, 150, 180, 181, 240] {
            let scaled = scale(&minutes, &fixed, target).unwrap();
            assert_eq!(scaled.iter().sum::<i64>(), target, "{scaled:?}");
            assert_eq!([scaled[0], scaled[1], scaled[7], scaled[8]], [5, 5, 5, 5]);
            assert!(scaled.iter().all(|m| *m >= MIN_ITEM_MINUTES));
        }
    }

    #[test]
    fn scaling_refuses_what_cannot_fit() {
        let err = scale(&[5, 30, 5], &[true, false, true], 12).unwrap_err();
        assert_eq!(
            err,
            TimingError::TooShort {
                minutes: 12,
                fixed: 10,
                flexible: 1,
                needed: 15
            }
        );
    }

    #[test]
    fn a_start_at_23_30_with_50_minutes_and_no_end_runs_past_midnight() {
        let items = items(&[(20, false), (30, false)]);
        let f = Frame {
            start: at("23:30"),
            ..frame(&items, false)
        };
        assert_eq!(
            timing(&f, AgendaOptions::default()),
            Err(TimingError::PastMidnight {
                start: "23:30".into(),
                minutes: 50
            })
        );
        // Ending at midnight exactly fits.
        let f = Frame {
            start: at("23:10"),
            ..f
        };
        assert_eq!(timing(&f, AgendaOptions::default()).unwrap().total, 50);
    }

    #[test]
    fn a_template_of_20_minutes_does_not_fit_13_00_to_13_10() {
        let items = items(&[(5, true), (40, false), (10, false), (5, true)]);
        let f = Frame {
            start: at("13:00"),
            end: at("13:10"),
            ..frame(&items, true)
        };
        assert_eq!(
            timing(&f, AgendaOptions::default()),
            Err(TimingError::TooShort {
                minutes: 10,
                fixed: 10,
                flexible: 2,
                needed: 20
            })
        );
        let f = Frame {
            end: at("14:00"),
            ..f
        };
        let t = timing(&f, AgendaOptions::default()).unwrap();
        assert_eq!((t.total, t.end, t.indicative), (60, at("14:00"), false));
    }

    #[test]
    fn own_items_must_fit_between_start_and_end_unless_asked_otherwise() {
        let items = items(&[(45, false), (30, false)]);
        let f = Frame {
            start: at("13:00"),
            end: at("14:00"),
            ..frame(&items, false)
        };
        assert_eq!(
            timing(&f, AgendaOptions::default()),
            Err(TimingError::Overrun {
                total: 75,
                length: 60
            })
        );
        let asked = AgendaOptions {
            start: at("09:00"),
            ..AgendaOptions::default()
        };
        assert_eq!(timing(&f, asked).unwrap().end, at("10:15"));
    }

    #[test]
    fn the_template_start_is_indicative_and_ends_by_midnight_too() {
        let items = items(&[(60, false)]);
        let f = Frame {
            template_start: at("23:30"),
            ..frame(&items, true)
        };
        assert!(matches!(
            timing(&f, AgendaOptions::default()),
            Err(TimingError::PastMidnight { .. })
        ));
        let f = Frame {
            template_start: at("10:00"),
            ..f
        };
        let t = timing(&f, AgendaOptions::default()).unwrap();
        assert_eq!(
            (t.start, t.end, t.indicative),
            (at("10:00"), at("11:00"), true)
        );
    }
}
