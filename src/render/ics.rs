//! iCalendar (RFC 5545) with the icalendar crate: UTC times, folded lines, escaped text.
//!
//! Events are formatted one at a time, so that memory does not grow with a calendar of tens
//! of thousands of meetings; the crate formats the calendar's own lines too.

use std::io::{self, Write};

use icalendar::{Calendar, Component, EventLike, EventStatus};

use crate::model::Status;
use crate::report::calendar::{CalendarReport, Event};

const END: &str = "END:VCALENDAR\r\n";

pub fn render(report: &CalendarReport, out: &mut dyn Write) -> io::Result<()> {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!("-//medtrio//medtrio ", env!("CARGO_PKG_VERSION"), "//DA"),
        ))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&report.name);
    let text = cal.done().to_string();
    let head = text.strip_suffix(END).unwrap_or(&text);
    out.write_all(head.as_bytes())?;
    let mut buffer = String::new();
    for e in &report.events {
        buffer.clear();
        event(e, report)
            .fmt_write(&mut buffer)
            .map_err(io::Error::other)?;
        out.write_all(buffer.as_bytes())?;
    }
    out.write_all(END.as_bytes())
}

fn event(e: &Event, report: &CalendarReport) -> icalendar::Event {
    let mut event = icalendar::Event::with_uid(&e.uid);
    event
        .summary(&e.summary)
        .starts(e.start)
        .timestamp(report.stamp);
    if let Some(end) = e.end {
        event.ends(end);
    }
    if let Some(location) = &e.location {
        event.location(location);
    }
    if !e.description.is_empty() {
        event.description(&e.description);
    }
    if let Some(url) = &e.url {
        event.url(url);
    }
    event.status(match e.status {
        Status::Cancelled => EventStatus::Cancelled,
        Status::Confirmed | Status::Held => EventStatus::Confirmed,
        Status::Provisional | Status::Planned => EventStatus::Tentative,
    });
    event.done()
}
