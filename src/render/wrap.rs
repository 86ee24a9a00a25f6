//! Text for a terminal or a CI log: wrapped on words in linear time, with nothing from the
//! data that a terminal or a log would act on. Shared by the text and table formats.

use std::borrow::Cow;
use std::io;

use unicode_width::UnicodeWidthChar;

/// The display width of a character: 2 for wide (CJK, most emoji), 0 for combining marks.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The display width of a text.
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// A text made safe to print on one line of a terminal or a CI log: control characters
/// (escape sequences, carriage returns, NUL) are shown as visible symbols rather than acted on,
/// a line break becomes a space, and a text that starts with `::` (a GitHub Actions workflow
/// command) gets a space in front, so that no data can start a command at the start of a line.
pub fn safe(text: &str) -> Cow<'_, str> {
    let clean = !text.trim_start().starts_with("::")
        && !text.contains("##[")
        && !text
            .chars()
            .any(|c| c.is_control() || ('\u{80}'..='\u{9f}').contains(&c));
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 3);
    let text = inert_commands(text);
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            // The Unicode control pictures: ␛ for ESC, ␀ for NUL, …
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
            '\u{7f}' => out.push('␡'),
            c if ('\u{80}'..='\u{9f}').contains(&c) => out.push('�'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A zero-width space: it keeps `::` and `##[` from being read as a CI workflow command
/// without changing what a reader sees.
const BREAK: char = '\u{200b}';

/// `line` with nothing a CI runner acts on: a `::` at its start (after spaces, which the
/// GitHub runner trims) and every `##[` (which its older parser finds anywhere in a line)
/// get a zero-width space inside them.
pub fn inert_commands(line: &str) -> Cow<'_, str> {
    let starts = line.trim_start().starts_with("::");
    if !starts && !line.contains("##[") {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 6);
    let lead = line.len() - line.trim_start().len();
    let (head, rest) = line.split_at(lead);
    out.push_str(head);
    if starts {
        out.push(BREAK);
    }
    out.push_str(&rest.replace("##[", "##\u{200b}["));
    Cow::Owned(out)
}

/// `text` with [`inert_commands`] applied to each of its lines, nothing else changed.
pub fn inert_command_lines(text: &str) -> Cow<'_, str> {
    if !text.contains("::") && !text.contains("##[") {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_inclusive('\n').map(inert_commands).collect())
}

/// A line (or lines) with [`inert_commands`] applied to each, and control characters other
/// than line feed and tab shown as their Unicode pictures (`␛` for ESC).
pub fn inert_text(text: &str) -> String {
    let mut clean = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        for c in inert_commands(line).chars() {
            match c {
                '\n' | '\t' => clean.push(c),
                c if (c as u32) < 0x20 => {
                    clean.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'));
                }
                '\u{7f}' => clean.push('\u{2421}'),
                c if ('\u{80}'..='\u{9f}').contains(&c) => clean.push('\u{fffd}'),
                c => clean.push(c),
            }
        }
    }
    clean
}

/// A writer for text that a terminal or a CI log shows: each line passes
/// [`inert_commands`], and control characters other than line feed and tab are shown as
/// their Unicode pictures (`␛` for ESC), so that neither a terminal nor a runner acts on the
/// data. Whole lines are written; the rest when flushed or dropped.
pub struct InertLines<'a> {
    out: &'a mut dyn io::Write,
    line: Vec<u8>,
}

impl<'a> InertLines<'a> {
    pub fn new(out: &'a mut dyn io::Write) -> Self {
        InertLines {
            out,
            line: Vec::new(),
        }
    }

    fn emit(&mut self) -> io::Result<()> {
        let clean = inert_text(&String::from_utf8_lossy(&self.line));
        self.line.clear();
        self.out.write_all(clean.as_bytes())
    }
}

impl io::Write for InertLines<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&rest[..=at]);
            self.emit()?;
            rest = &rest[at + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            self.emit()?;
        }
        self.out.flush()
    }
}

impl Drop for InertLines<'_> {
    fn drop(&mut self) {
        if !self.line.is_empty() {
            let _ = self.emit();
        }
    }
}

/// A writer for JSON that a CI log shows: `##[` can only stand inside a string there, and is
/// written `##\u005b`, which every JSON reader reads back as `##[`.
pub struct InertJson<'a> {
    out: &'a mut dyn io::Write,
    /// How many `#` the last bytes written ended with (at most two).
    hashes: usize,
}

impl<'a> InertJson<'a> {
    pub fn new(out: &'a mut dyn io::Write) -> Self {
        InertJson { out, hashes: 0 }
    }
}

impl io::Write for InertJson<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if b == b'[' && self.hashes >= 2 {
                self.out.write_all(&buf[start..i])?;
                self.out.write_all(b"\\u005b")?;
                start = i + 1;
            }
            self.hashes = if b == b'#' {
                (self.hashes + 1).min(2)
            } else {
                0
            };
        }
        self.out.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Greedy word wrap to `width` columns: the first line has `first_indent` columns less, the
/// others `rest_indent` less (but never fewer than 20). A word longer than a line is broken
/// across lines, so that no line runs over. Linear in the text's length.
pub fn wrap(text: &str, width: usize, first_indent: usize, rest_indent: usize) -> Vec<String> {
    let first_room = width.saturating_sub(first_indent).max(20);
    let rest_room = width.saturating_sub(rest_indent).max(20);
    wrap_to(text, first_room, rest_room)
}

/// Wraps `text` to lines of at most `first` columns, then `rest` columns.
pub fn wrap_to(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_width = 0;
    let mut room = first.max(1);
    for word in text.split_whitespace() {
        let mut word_width = width(word);
        if line_width > 0 && line_width + 1 + word_width > room {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
            room = rest.max(1);
        }
        if line_width > 0 {
            line.push(' ');
            line_width += 1;
        }
        if word_width <= room - line_width {
            line.push_str(word);
            line_width += word_width;
            continue;
        }
        // A word longer than the line: break it with a hyphen at the line's end, as often as
        // it takes ("Administrat-" / "ionen").
        let mut chars = word.chars().peekable();
        while let Some(c) = chars.next() {
            let w = char_width(c);
            let last = chars.peek().is_none();
            // Room for the character, and for the hyphen if more of the word follows.
            let needs = w + usize::from(!last && room > 2);
            if line_width + needs > room && line_width > 0 {
                if room > 2 && !line.ends_with(' ') {
                    line.push('-');
                }
                lines.push(std::mem::take(&mut line).trim_end().to_owned());
                line_width = 0;
                room = rest.max(1);
            }
            line.push(c);
            line_width += w;
            word_width = word_width.saturating_sub(w);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut to at most `max` characters, with "…" when it was cut: for table cells, where a
/// long text would cost time and screen without helping; the JSON keeps the whole.
pub fn cap(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width() {
        let lines = wrap(&"ord ".repeat(40), 30, 4, 4);
        assert!(lines.iter().all(|l| l.chars().count() <= 26));
        assert_eq!(lines.join(" "), "ord ".repeat(40).trim());
    }

    #[test]
    fn a_long_word_is_broken_rather_than_run_over() {
        let lines = wrap_to(&"x".repeat(45), 20, 20);
        assert_eq!(
            lines,
            [
                format!("{}-", "x".repeat(19)),
                format!("{}-", "x".repeat(19)),
                "x".repeat(7)
            ]
        );
        assert!(
            wrap_to("Administrationen", 12, 12)
                .iter()
                .all(|l| width(l) <= 12)
        );
        assert_eq!(
            wrap_to("Administrationen", 12, 12),
            ["Administrat-", "ionen"]
        );
    }

    #[test]
    fn escape_sequences_and_workflow_commands_are_inert() {
        assert_eq!(safe("\u{1b}[31mrød\u{7}"), "␛[31mrød␇");
        assert_eq!(safe("::error::x"), "\u{200b}::error::x");
        assert_eq!(safe("  ::error::x"), "  \u{200b}::error::x");
        assert_eq!(safe("a ##[error]x"), "a ##\u{200b}[error]x");
        assert_eq!(safe("a\r\nb"), "a  b");
        assert_eq!(safe("Aktørskab"), "Aktørskab");
    }

    #[test]
    fn a_cap_marks_what_it_cut() {
        assert_eq!(cap("abcdef", 3), "abc…");
        assert_eq!(cap("abc", 3), "abc");
    }
}
