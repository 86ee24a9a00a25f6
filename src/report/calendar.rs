//! The calendar: every meeting with an exact date and start time, in UTC.

use chrono::{DateTime, LocalResult, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;

use crate::lang::Lang;
use crate::model::{Catalog, Meeting, Status};
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
/// The events are made one at a time as they are written ([`CalendarReport::events`]), so a
/// calendar of every meeting is never held beside the model; only their order is kept.
#[derive(Clone)]
pub struct CalendarReport<'a> {
    pub name: String,
    pub stamp: DateTime<Utc>,
    pub left_out: usize,
    catalog: &'a Catalog<'a>,
    lang: Lang,
    entries: Vec<Entry<'a>>,
}

/// One event to come: a meeting at its start, or one of its deadlines.
#[derive(Clone, Copy, Debug)]
struct Entry<'a> {
    meeting: &'a Meeting,
    start: DateTime<Utc>,
    kind: EntryKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EntryKind {
    Meeting,
    ItemsDue,
    AgendaOut,
}

impl EntryKind {
    fn tag(self) -> &'static str {
        match self {
            EntryKind::Meeting => "",
            EntryKind::ItemsDue => "-items-due",
            EntryKind::AgendaOut => "-agenda-out",
        }
    }
}

/// Local Copenhagen time to UTC; in the autumn's repeated hour, the first one.
fn to_utc(day: NaiveDate, time: chrono::NaiveTime) -> Option<DateTime<Utc>> {
    match Copenhagen.from_local_datetime(&day.and_time(time)) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.with_timezone(&Utc)),
        LocalResult::None => None,
    }
}

/// A meeting's item deadline or send-out day as an all-day event.
fn deadline_event(
    catalog: &Catalog<'_>,
    m: &Meeting,
    day: NaiveDate,
    kind: EntryKind,
    lang: Lang,
) -> Event {
    let w = lang.words();
    let title = lang.prefer(&m.title, m.title_en.as_deref());
    let what = if kind == EntryKind::ItemsDue {
        w.items_due
    } else {
        w.agenda_out
    };
    Event {
        uid: uid(catalog, m, kind),
        summary: format!("{what}: {title}"),
        start: day.and_time(chrono::NaiveTime::MIN).and_utc(),
        end: None,
        location: None,
        description: String::new(),
        url: None,
        status: Status::Confirmed,
        all_day: Some(day),
    }
}

/// Stable across runs and versions, so that an import updates rather than duplicates.
fn uid(catalog: &Catalog<'_>, m: &Meeting, kind: EntryKind) -> String {
    format!(
        "{}{}@{}.medtrio",
        m.id.value,
        kind.tag(),
        catalog.data.programme.id.value
    )
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

/// The event of one meeting, as the calendar writes it (the same UID, so that an invitation
/// and an imported calendar name one event); none without an exact date and start time.
pub fn meeting_event(catalog: &Catalog<'_>, m: &Meeting, lang: Lang) -> Option<Event> {
    let start = to_utc(m.date.day()?, m.start.as_ref()?.0)?;
    let report = CalendarReport {
        name: String::new(),
        stamp: start,
        left_out: 0,
        catalog,
        lang,
        entries: Vec::new(),
    };
    Some(report.meeting_event(m, start))
}

pub fn calendar<'a>(
    catalog: &'a Catalog<'a>,
    query: &Query,
    lang: Lang,
    stamp_day: NaiveDate,
    options: CalendarOptions,
) -> CalendarReport<'a> {
    let d = catalog.data;
    let mut entries = Vec::new();
    let mut left_out = 0;
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
        entries.push(Entry {
            meeting: m,
            start: start_utc,
            kind: EntryKind::Meeting,
        });
        if options.deadlines && catalog.meeting_status(m) != Status::Cancelled {
            let due = catalog.deadlines_of(m);
            for (day, kind) in [
                (due.items_due, EntryKind::ItemsDue),
                (due.agenda_out, EntryKind::AgendaOut),
            ] {
                if let Some(day) = day {
                    entries.push(Entry {
                        meeting: m,
                        start: day.and_time(chrono::NaiveTime::MIN).and_utc(),
                        kind,
                    });
                }
            }
        }
    }
    // By start, then by UID: the order of the file, whatever the order of the data.
    entries.sort_by_cached_key(|e| (e.start, uid(catalog, e.meeting, e.kind)));
    CalendarReport {
        name: d.programme.title.value.clone(),
        stamp: stamp_day.and_time(chrono::NaiveTime::MIN).and_utc(),
        left_out,
        catalog,
        lang,
        entries,
    }
}

impl CalendarReport<'_> {
    /// The number of events.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The events in order, each made when it is reached.
    pub fn events(&self) -> impl Iterator<Item = Event> + '_ {
        self.entries.iter().map(|e| match e.kind {
            EntryKind::Meeting => self.meeting_event(e.meeting, e.start),
            kind => deadline_event(
                self.catalog,
                e.meeting,
                e.start.date_naive(),
                kind,
                self.lang,
            ),
        })
    }

    fn meeting_event(&self, m: &Meeting, start_utc: DateTime<Utc>) -> Event {
        let (catalog, lang) = (self.catalog, self.lang);
        let d = catalog.data;
        let agenda = agenda::agenda(catalog, &m.id, lang, AgendaOptions::default()).ok();
        let end = match (&m.end, &agenda, m.date.day()) {
            (Some(end), _, Some(day)) => to_utc(day, end.0),
            (None, Some(a), _) => Some(start_utc + TimeDelta::minutes(a.total_minutes)),
            _ => None,
        };
        let mut description = Vec::new();
        if let Some(a) = &agenda {
            if let Some(note) = &a.provisional_note {
                description.push(note.clone());
            }
            // A template's suggested items are not the plan of a real event: say so, and call
            // a temamøde's programme a programme.
            if a.suggestion {
                description.push(lang.words().suggestions_note.to_owned());
            }
            description.push(format!("{}:", a.kind_word()));
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
        let fallback_url = d
            .programme
            .announcement
            .as_ref()
            .and_then(|a| a.url.as_ref())
            .map(|u| u.value.clone());
        Event {
            uid: uid(catalog, m, EntryKind::Meeting),
            summary: lang.prefer(&m.title, m.title_en.as_deref()).to_owned(),
            start: start_utc,
            end,
            location: m.place.clone(),
            description: description.join("\n"),
            url: m
                .signup_url
                .as_ref()
                .map(|u| u.value.clone())
                .or(fallback_url),
            status: catalog.meeting_status(m),
            all_day: None,
        }
    }
}
