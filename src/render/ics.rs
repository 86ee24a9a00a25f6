//! iCalendar (RFC 5545) with the icalendar crate: UTC times, folded lines, escaped text.

use icalendar::{Calendar, Component, EventLike, EventStatus};

use crate::model::Status;
use crate::report::calendar::CalendarReport;

pub fn render(report: &CalendarReport) -> String {
    let mut cal = Calendar::empty();
    cal.append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!("-//medtrio//medtrio ", env!("CARGO_PKG_VERSION"), "//DA"),
        ))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&report.name);
    for e in &report.events {
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
        cal.push(event.done());
    }
    cal.done().to_string()
}
