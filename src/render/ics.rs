//! iCalendar (RFC 5545): UTC times, escaped text, and lines folded at 75 octets.
//!
//! We write the content lines ourselves rather than through a calendar crate: folding must count
//! octets and cut only between UTF-8 characters, escaping must leave no raw CR, LF or other
//! control character (a reader that splits on CR would otherwise see properties the data never
//! had), and both must take linear time on any text. Events are written one at a time, so that
//! memory does not grow with a calendar of tens of thousands of meetings.

use std::io::{self, Write};

use chrono::{DateTime, Utc};

use super::{Document, Rendered, Renderer, Spec};
use crate::model::Status;
use crate::report::calendar::{CalendarReport, Event};

/// The most octets a content line may have, not counting its CRLF (RFC 5545, 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// iCalendar.
pub const SPEC: Spec = Spec {
    extension: "ics",
    recognised: &["ics"],
    second_choice: false,
    binary: false,
    render,
};

fn render(_: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    let Document::Calendar(report) = doc else {
        return Ok(false);
    };
    calendar(report, out)?;
    Ok(true)
}

fn calendar(report: &CalendarReport<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut w = LineWriter::new(out);
    w.raw("BEGIN", "VCALENDAR")?;
    w.raw("VERSION", "2.0")?;
    w.raw(
        "PRODID",
        concat!("-//medtrio//medtrio ", env!("CARGO_PKG_VERSION"), "//DA"),
    )?;
    w.raw("CALSCALE", "GREGORIAN")?;
    w.text("NAME", &report.name)?;
    w.text("X-WR-CALNAME", &report.name)?;
    for e in report.events() {
        event(&mut w, &e, report.stamp)?;
    }
    w.raw("END", "VCALENDAR")
}

/// A calendar invitation (iTIP, RFC 5546) of one event: `METHOD:REQUEST`, or `METHOD:CANCEL`
/// for a cancelled meeting.
pub struct Invitation<'a> {
    pub event: &'a Event,
    pub cancel: bool,
    pub sequence: u32,
    /// (name, address)
    pub organizer: (&'a str, &'a str),
    pub attendees: &'a [(String, String)],
    pub stamp: DateTime<Utc>,
}

/// Writes `inv` as an iCalendar object for an e-mail's text/calendar part.
pub fn invitation(inv: &Invitation<'_>, out: &mut dyn Write) -> io::Result<()> {
    let mut w = LineWriter::new(out);
    let e = inv.event;
    w.raw("BEGIN", "VCALENDAR")?;
    w.raw("VERSION", "2.0")?;
    w.raw(
        "PRODID",
        concat!("-//medtrio//medtrio ", env!("CARGO_PKG_VERSION"), "//DA"),
    )?;
    w.raw("CALSCALE", "GREGORIAN")?;
    w.raw("METHOD", if inv.cancel { "CANCEL" } else { "REQUEST" })?;
    w.raw("BEGIN", "VEVENT")?;
    for (name, address) in inv.attendees {
        w.uri(
            &format!(
                "ATTENDEE;CN={};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE",
                param(name)
            ),
            &format!("mailto:{address}"),
        )?;
    }
    if !e.description.is_empty() {
        w.text("DESCRIPTION", &e.description)?;
    }
    if let Some(end) = e.end {
        w.raw("DTEND", &utc(end))?;
    }
    w.raw("DTSTAMP", &utc(inv.stamp))?;
    w.raw("DTSTART", &utc(e.start))?;
    if let Some(location) = &e.location {
        w.text("LOCATION", location)?;
    }
    let (name, address) = inv.organizer;
    w.uri(
        &format!("ORGANIZER;CN={}", param(name)),
        &format!("mailto:{address}"),
    )?;
    w.raw("SEQUENCE", &inv.sequence.to_string())?;
    w.raw("STATUS", if inv.cancel { "CANCELLED" } else { "CONFIRMED" })?;
    w.text("SUMMARY", &e.summary)?;
    w.text("UID", &e.uid)?;
    w.raw("END", "VEVENT")?;
    w.raw("END", "VCALENDAR")
}

/// A parameter value (a CN) in double quotes, which may hold anything but a quote and a
/// control character (RFC 5545, 3.2).
fn param(value: &str) -> String {
    let inner: String = value
        .chars()
        .filter(|c| *c != '"' && !is_forbidden_control(*c))
        .collect();
    format!("\"{inner}\"")
}

/// One VEVENT, its properties in a fixed (alphabetical) order so that output is stable.
fn event(w: &mut LineWriter<'_>, e: &Event, stamp: DateTime<Utc>) -> io::Result<()> {
    w.raw("BEGIN", "VEVENT")?;
    if !e.description.is_empty() {
        w.text("DESCRIPTION", &e.description)?;
    }
    match e.all_day {
        // A whole day: DATE values, the end the day after (RFC 5545, 3.6.1).
        Some(day) => {
            let next = day.succ_opt().unwrap_or(day);
            w.raw("DTEND;VALUE=DATE", &next.format("%Y%m%d").to_string())?;
            w.raw("DTSTAMP", &utc(stamp))?;
            w.raw("DTSTART;VALUE=DATE", &day.format("%Y%m%d").to_string())?;
        }
        None => {
            if let Some(end) = e.end {
                w.raw("DTEND", &utc(end))?;
            }
            w.raw("DTSTAMP", &utc(stamp))?;
            w.raw("DTSTART", &utc(e.start))?;
        }
    }
    if let Some(location) = &e.location {
        w.text("LOCATION", location)?;
    }
    w.raw(
        "STATUS",
        match e.status {
            Status::Cancelled => "CANCELLED",
            Status::Confirmed | Status::Held => "CONFIRMED",
            Status::Provisional | Status::Planned | Status::NotRecorded => "TENTATIVE",
        },
    )?;
    w.text("SUMMARY", &e.summary)?;
    w.text("UID", &e.uid)?;
    if let Some(url) = &e.url {
        w.uri("URL", url)?;
    }
    w.raw("END", "VEVENT")
}

/// A DATE-TIME in UTC form (RFC 5545, 3.3.5, form #2).
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Writes content lines, escaping and folding each one; a reused buffer keeps it allocation-free
/// per line after the first.
struct LineWriter<'a> {
    out: &'a mut dyn Write,
    line: String,
}

impl<'a> LineWriter<'a> {
    fn new(out: &'a mut dyn Write) -> Self {
        LineWriter {
            out,
            line: String::new(),
        }
    }

    /// A property whose value we made ourselves and that needs no escaping.
    fn raw(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line.push_str(value);
        self.flush()
    }

    /// A TEXT property: its value escaped (RFC 5545, 3.3.11).
    fn text(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        escape_text(value, &mut self.line);
        self.flush()
    }

    /// A URI property: no TEXT escaping applies, but control characters never pass.
    fn uri(&mut self, name: &str, value: &str) -> io::Result<()> {
        self.line.clear();
        self.line.push_str(name);
        self.line.push(':');
        self.line
            .extend(value.chars().filter(|c| !is_forbidden_control(*c)));
        self.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        write_folded(&self.line, self.out)
    }
}

/// RFC 5545's CONTROL characters, less the tab that TEXT allows: never written raw.
fn is_forbidden_control(c: char) -> bool {
    (c.is_ascii_control() && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash; a line break (CRLF,
/// LF or a lone CR) becomes `\n`; every other control character is dropped.
pub fn escape_text(value: &str, out: &mut String) {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if is_forbidden_control(c) => {}
            c => out.push(c),
        }
    }
}

/// Writes one content line, folded so that no physical line has more than 75 octets: the
/// first holds up to 75, each continuation a space and up to 74. Cuts fall between UTF-8
/// characters only. Linear in the line's length.
pub fn write_folded(line: &str, out: &mut dyn Write) -> io::Result<()> {
    let mut rest = line;
    let mut budget = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= budget {
            out.write_all(rest.as_bytes())?;
            return out.write_all(b"\r\n");
        }
        let mut cut = budget;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.write_all(head.as_bytes())?;
        out.write_all(b"\r\n ")?;
        rest = tail;
        budget = MAX_LINE_OCTETS - 1;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use proptest::prelude::*;

    fn folded(line: &str) -> String {
        let mut out = Vec::new();
        write_folded(line, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_text(text, &mut out);
        out
    }

    fn assert_folded_well(line: &str) {
        let text = folded(line);
        let body = text.strip_suffix("\r\n").unwrap();
        for (i, physical) in body.split("\r\n").enumerate() {
            assert!(physical.len() <= MAX_LINE_OCTETS, "line {i}: {physical:?}");
            if i > 0 {
                assert!(physical.starts_with(' ') && physical.len() > 1);
            }
        }
        assert_eq!(body.replace("\r\n ", ""), line, "unfolds to the input");
    }

    #[test]
    fn emoji_and_spaces_that_panicked_the_crate_fold_on_character_boundaries() {
        let title = format!("SUMMARY:{}{}", "😀".repeat(35), " ".repeat(102));
        assert_folded_well(&title);
    }

    #[test]
    fn emoji_and_spaces_that_looped_forever_in_the_crate_fold() {
        let title = format!("SUMMARY:{}{}", "😀".repeat(65), " ".repeat(72));
        assert_folded_well(&title);
    }

    #[test]
    fn a_142_character_title_gives_no_76_octet_line() {
        let title = format!("SUMMARY:{}", "æ".repeat(71));
        assert_folded_well(&title);
        let title = format!("SUMMARY:{}", "a".repeat(142));
        assert_folded_well(&title);
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let line = "a".repeat(75);
        assert_eq!(folded(&line), format!("{line}\r\n"));
        assert_eq!(
            folded(&"a".repeat(76)),
            format!("{}\r\n a\r\n", "a".repeat(75))
        );
    }

    #[test]
    fn cr_and_nul_in_text_cannot_start_a_property() {
        assert_eq!(
            escaped("April\rATTENDEE:mailto:x@example.org"),
            "April\\nATTENDEE:mailto:x@example.org"
        );
        assert_eq!(escaped("a\0b\u{1b}[31mc\u{7f}"), "ab[31mc");
        assert_eq!(escaped("one\r\ntwo\nthree"), "one\\ntwo\\nthree");
        assert_eq!(escaped("a;b,c\\d\te"), "a\\;b\\,c\\\\d\te");
    }

    #[test]
    fn a_long_title_folds_in_linear_time() {
        // 3.2 MB took 7.2 s in the crate's quadratic folding; here it is one pass.
        let title = format!("SUMMARY:{}", "ø".repeat(1_600_000));
        assert_folded_well(&title);
    }

    proptest! {
        #[test]
        fn any_text_folds_to_short_lines_that_unfold_to_the_escaped_text(text in any::<String>()) {
            let value = escaped(&text);
            prop_assert!(!value.chars().any(|c| c.is_ascii_control() && c != '\t'));
            let line = format!("SUMMARY:{value}");
            let out = folded(&line);
            let body = out.strip_suffix("\r\n").unwrap();
            for physical in body.split("\r\n") {
                prop_assert!(physical.len() <= MAX_LINE_OCTETS);
            }
            prop_assert_eq!(body.replace("\r\n ", ""), line);
        }
    }
}
