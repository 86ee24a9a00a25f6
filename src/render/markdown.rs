//! Markdown: printable documents as CommonMark, lists as GitHub-flavoured tables. Every text
//! from the data is escaped, so that no title can start a heading, a link or HTML.

use std::io::{self, Write};

use super::{Document, Rendered, Renderer, Spec};
use crate::report::TextTable;
use crate::report::doc::{Block, Doc, Entry, Style, Text};

/// Markdown.
pub const SPEC: Spec = Spec {
    extension: "md",
    recognised: &["md", "markdown"],
    second_choice: false,
    binary: false,
    render,
};

fn render(renderer: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    if let Some(printable) = renderer.printable(doc) {
        document(&printable, out)?;
    } else if let Some(table) = doc.table(renderer.settings().lang) {
        render_table(&table, out)?;
    } else {
        return Ok(false);
    }
    Ok(true)
}

/// A document: `# Kind: Title`, then its blocks, each followed by a blank line.
fn document(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    match (doc.kind.is_empty(), doc.title.is_empty()) {
        (false, false) => writeln!(out, "# {}: {}\n", doc.kind, esc(&doc.title))?,
        (false, true) => writeln!(out, "# {}\n", doc.kind)?,
        (true, false) => writeln!(out, "# {}\n", esc(&doc.title))?,
        (true, true) => {}
    }
    if let Some(banner) = &doc.banner {
        writeln!(out, "> **{}**\n", esc(banner))?;
    }
    for block in &doc.blocks {
        self::block(block, out)?;
    }
    Ok(())
}

fn block(block: &Block, out: &mut dyn Write) -> io::Result<()> {
    match block {
        Block::Facts { facts } => {
            for f in facts {
                let value = if f.value.is_empty() {
                    "\\_".repeat(20)
                } else {
                    esc(&f.value)
                };
                writeln!(out, "- **{}:** {value}", f.label)?;
            }
        }
        Block::Notice { text, .. } => writeln!(out, "> **{}**", esc(text))?,
        Block::Heading { text } => writeln!(out, "## {}", esc(text))?,
        Block::Item {
            number,
            title,
            meta,
            body,
        } => {
            match number.as_str() {
                "" => writeln!(out, "### {}\n", esc(title))?,
                n => writeln!(out, "### {n}. {}\n", esc(title))?,
            }
            if let Some(meta) = meta {
                writeln!(out, "*{}*\n", esc(meta))?;
            }
            for b in body {
                self::block(b, out)?;
            }
            return Ok(());
        }
        Block::Paragraph { text } => writeln!(out, "{}", styled(text))?,
        Block::List { numbered, entries } => {
            for (i, entry) in entries.iter().enumerate() {
                let marker = if *numbered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".to_owned()
                };
                list_entry(entry, &marker, out)?;
            }
        }
        Block::Table { headers, rows } => render_table(
            &TextTable {
                headers: headers.clone(),
                rows: rows.clone(),
            },
            out,
        )?,
        Block::WriteIn { lines } => {
            for _ in 0..*lines {
                writeln!(out, "{}\\", "\\_".repeat(40))?;
            }
        }
    }
    writeln!(out)
}

/// One list entry; its notes follow on their own lines (a trailing backslash is CommonMark's
/// hard line break), indented under the entry's text.
fn list_entry(entry: &Entry, marker: &str, out: &mut dyn Write) -> io::Result<()> {
    let text = if entry.strong {
        format!("**{}**", esc(&entry.text))
    } else {
        esc_at_start(&entry.text)
    };
    let brk = |more: bool| if more { "\\" } else { "" };
    write!(out, "{marker}{text}{}", esc(&entry.tail))?;
    writeln!(out, "{}", brk(!entry.notes.is_empty()))?;
    let indent = " ".repeat(marker.chars().count());
    for (i, note) in entry.notes.iter().enumerate() {
        writeln!(
            out,
            "{indent}{}{}",
            styled(note),
            brk(i + 1 < entry.notes.len())
        )?;
    }
    Ok(())
}

/// [`esc`] for a text that starts a line (a paragraph, a list item's text, a note): its first
/// line guarded too, as a paragraph or an item that starts `# `, `- `, `1. ` or `> ` would
/// start a block inside it.
fn esc_at_start(text: &str) -> String {
    let escaped = esc(text);
    let rest = escaped.trim_start();
    format!(
        "{}{}",
        &escaped[..escaped.len() - rest.len()],
        guard_line_start(rest)
    )
}

fn styled(text: &Text) -> String {
    let t = match text.style {
        Style::Plain | Style::Lead | Style::Reference => esc_at_start(&text.text),
        _ => esc(&text.text),
    };
    match text.style {
        Style::Plain | Style::Lead | Style::Reference => t,
        Style::Strong => format!("**{t}**"),
        Style::Emphasis | Style::Small => format!("*{t}*"),
    }
}

/// Text of a document: inline syntax escaped, and a line break in the data kept as a hard
/// break, so that the next line can never start a heading, a list, a quote or a table.
fn esc(text: &str) -> String {
    // A bare CR ends a line in Markdown as LF does.
    let escaped = escape_inline(&text.replace("\r\n", "\n").replace('\r', "\n"));
    let mut lines = escaped.split('\n');
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push_str("\\\n");
        out.push_str(&guard_line_start(line.trim_start()));
    }
    out
}

/// A continuation line with what could open a block escaped: `#`, `-`, `+`, `>`, `=`, `|`,
/// `~`, and the `.` or `)` of `1.`.
fn guard_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '>', '=', '|', '~']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some(c @ ('.' | ')')) if digits > 0 => {
            format!("{}\\{c}{}", &line[..digits], &line[digits + 1..])
        }
        _ => line.to_owned(),
    }
}

pub fn render_table(table: &TextTable, out: &mut dyn Write) -> io::Result<()> {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape_cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", row(&table.headers))?;
    writeln!(out, "|{}|", vec!["---"; table.headers.len()].join("|"))?;
    for r in &table.rows {
        writeln!(out, "{}", row(r))?;
    }
    Ok(())
}

/// A table cell: `|` escaped, line breaks as `<br>`, so that no text breaks the table.
pub fn escape_cell(text: &str) -> String {
    // One pass: a table of thousands of rows escapes every cell.
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            // `&copy;` in the data is the text, not ©.
            '&' => out.push_str("\\&"),
            other => out.push(other),
        }
    }
    out
}

/// Inline text: characters that would start Markdown or HTML syntax are escaped.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_in_the_data_starts_no_block() {
        assert_eq!(
            esc("Godkendt\n# Overskrift\r\n- punkt\n2. punkt\n  > citat"),
            "Godkendt\\\n\\# Overskrift\\\n\\- punkt\\\n2\\. punkt\\\n\\> citat"
        );
        assert_eq!(
            esc("2026. Et år"),
            "2026. Et år",
            "inside a line, the first line is not guarded"
        );
        assert_eq!(
            esc_at_start("2026. Et år"),
            "2026\\. Et år",
            "at a paragraph's or an item's start, `2026. ` would start a list"
        );
        assert_eq!(esc_at_start("# a\rb & c"), "\\# a\\\nb \\& c");
    }

    #[test]
    fn pipes_do_not_break_a_table() {
        let table = TextTable {
            headers: vec!["a".into(), "b".into()],
            rows: vec![vec!["x|y".into(), "line\nbreak".into()]],
        };
        let mut out = Vec::new();
        render_table(&table, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| a | b |\n|---|---|\n| x\\|y | line<br>break |\n"
        );
    }

    #[test]
    fn notes_break_lines_under_their_entry() {
        let doc = Doc {
            kind: "Dialogspørgsmål".into(),
            blocks: vec![Block::List {
                numbered: true,
                entries: vec![Entry {
                    strong: true,
                    tail: " (p-x)".into(),
                    notes: vec![
                        Text::plain("Tema: A"),
                        Text::new(Style::Small, "Kilde: *B*"),
                    ],
                    ..Entry::new("Hvad?")
                }],
            }],
            ..Doc::default()
        };
        let mut out = Vec::new();
        document(&doc, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# Dialogspørgsmål\n\n1. **Hvad?** (p-x)\\\n   Tema: A\\\n   *Kilde: \\*B\\**\n\n"
        );
    }
}
