//! The calendar: every meeting with an exact date and start time, in UTC.

use chrono::{DateTime, LocalResult, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;

use crate::lang::Lang;
use crate::model::{Catalog, Status};
use crate::query::Query;
use crate::report::agenda::{self, AgendaOptions};

/// One event, ready for iCalendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Stable across runs and versions, so that an import updates rather than duplicates.
    pub uid: String,
    pub summary: String,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    pub location: Option<String>,
    pub description: String,
    pub url: Option<String>,
    pub status: Status,
    /// For a deadline: the whole day, rather than a time.
    pub all_day: Option<NaiveDate>,
}

/// The events, and how many matching meetings were left out for want of a date and time.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarReport {
    pub name: String,
    pub stamp: DateTime<Utc>,
    pub events: Vec<Event>,
    pub left_out: usize,
}

/// Local Copenhagen time to UTC; in the autumn's repeated hour, the first one.
fn to_utc(day: NaiveDate, time: chrono::NaiveTime) -> Option<DateTime<Utc>> {
    match Copenhagen.from_local_datetime(&day.and_time(time)) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// A meeting's item deadline and send-out day as all-day events.
fn deadline_events(catalog: &Catalog<'_>, m: &crate::model::Meeting, lang: Lang) -> Vec<Event> {
    let w = lang.words();
    let due = catalog.deadlines_of(m);
    let title = lang.prefer(&m.title, m.title_en.as_deref());
    [
        (due.items_due, w.items_due, "items-due"),
        (due.agenda_out, w.agenda_out, "agenda-out"),
    ]
    .into_iter()
    .filter_map(|(day, what, tag)| {
        let day = day?;
        Some(Event {
            uid: format!(
                "{}-{tag}@{}.medtrio",
                m.id.value, catalog.data.programme.id.value
            ),
            summary: format!("{what}: {title}"),
            start: day.and_time(chrono::NaiveTime::MIN).and_utc(),
            end: None,
            location: None,
            description: String::new(),
            url: None,
            status: Status::Confirmed,
            all_day: Some(day),
        })
    })
    .collect()
}

/// The day the data last speaks of: a deterministic DTSTAMP when no --today is given.
pub fn data_stamp(catalog: &Catalog<'_>) -> NaiveDate {
    let d = catalog.data;
    d.programme
        .meetings
        .iter()
        .map(|m| *m.date)
        .chain(d.roadmap.activities.iter().map(|a| *a.date))
        .filter_map(|w| w.days().map(|(first, _)| first))
        .max()
        .unwrap_or(NaiveDate::MIN)
}

/// What the calendar holds beside the meetings.
#[derive(Clone, Copy, Debug, Default)]
pub struct CalendarOptions {
    /// Each meeting's item deadline and send-out day, as all-day events.
    pub deadlines: bool,
}

pub fn calendar(
    catalog: &Catalog<'_>,
    query: &Query,
    lang: Lang,
    stamp_day: NaiveDate,
    options: CalendarOptions,
) -> CalendarReport {
    let d = catalog.data;
    let mut events = Vec::new();
    let mut left_out = 0;
    let fallback_url = d
        .programme
        .announcement
        .as_ref()
        .and_then(|a| a.url.as_ref())
        .map(|u| u.value.clone());
    for m in d
        .programme
        .meetings
        .iter()
        .filter(|m| query.matches_meeting(catalog, m))
    {
        let (Some(day), Some(start)) = (m.date.day(), m.start.as_ref()) else {
            left_out += 1;
            continue;
        };
        let Some(start_utc) = to_utc(day, start.0) else {
            left_out += 1;
            continue;
        };
        let agenda = agenda::agenda(catalog, &m.id, lang, AgendaOptions::default()).ok();
        let end = match (&m.end, &agenda) {
            (Some(end), _) => to_utc(day, end.0),
            (None, Some(a)) => Some(start_utc + TimeDelta::minutes(a.total_minutes)),
            (None, None) => None,
        };
        let mut description = Vec::new();
        if let Some(a) = &agenda {
            if let Some(note) = &a.provisional_note {
                description.push(note.clone());
            }
            description.push(format!("{}:", lang.words().agenda));
            for item in &a.items {
                let number = item.number.map(|n| format!("{n}. ")).unwrap_or_default();
                let slot = if item.slot_text.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", item.slot_text)
                };
                description.push(format!("{number}{}{slot}", item.title));
            }
        }
        if let Some(notes) = &m.notes {
            description.push(notes.clone());
        }
        events.push(Event {
            uid: format!("{}@{}.medtrio", m.id.value, d.programme.id.value),
            summary: lang.prefer(&m.title, m.title_en.as_deref()).to_owned(),
            start: start_utc,
            end,
            location: m.place.clone(),
            description: description.join("\n"),
            url: m
                .signup_url
                .as_ref()
                .map(|u| u.value.clone())
                .or_else(|| fallback_url.clone()),
            status: catalog.meeting_status(m),
            all_day: None,
        });
        if options.deadlines && catalog.meeting_status(m) != Status::Cancelled {
            events.extend(deadline_events(catalog, m, lang));
        }
    }
    events.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    CalendarReport {
        name: d.programme.title.value.clone(),
        stamp: stamp_day.and_time(chrono::NaiveTime::MIN).and_utc(),
        events,
        left_out,
    }
}
