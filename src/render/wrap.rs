//! Text for a terminal or a CI log: wrapped on words in linear time, with nothing from the
//! data that a terminal or a log would act on. Shared by the text and table formats.

use std::borrow::Cow;

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
    let clean = !text.starts_with("::")
        && !text
            .chars()
            .any(|c| c.is_control() || ('\u{80}'..='\u{9f}').contains(&c));
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 1);
    if text.starts_with("::") {
        out.push(' ');
    }
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
        assert_eq!(safe("::error::x"), " ::error::x");
        assert_eq!(safe("a\r\nb"), "a  b");
        assert_eq!(safe("Aktørskab"), "Aktørskab");
    }

    #[test]
    fn a_cap_marks_what_it_cut() {
        assert_eq!(cap("abcdef", 3), "abc…");
        assert_eq!(cap("abc", 3), "abc");
    }
}
