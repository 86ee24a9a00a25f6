//! Plain text for the terminal and e-mail: printable documents wrapped at 72 columns, `show`'s
//! details, and the problems of `validate` with the offending line and a caret.

use std::io::{self, Write};

use super::wrap::{safe, wrap};
use super::{Document, Rendered, Renderer, Spec};
use crate::diagnostic::Diagnostic;
use crate::report::doc::{Block, Doc, Entry, Fact, Text};
use crate::report::show::Detail;

/// The width plain text is wrapped to, as e-mail expects.
const TEXT_WIDTH: usize = 72;

/// Plain text.
pub const SPEC: Spec = Spec {
    extension: "txt",
    recognised: &["txt", "text"],
    second_choice: false,
    binary: false,
    render,
};

fn render(renderer: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    let settings = renderer.settings();
    if let Some(printable) = renderer.printable(doc) {
        document(&printable, out)?;
        return Ok(true);
    }
    match doc {
        Document::Detail(detail) => self::detail(detail, usize::from(settings.width), out)?,
        Document::Problems(problems) => {
            for d in *problems {
                out.write_all(problem(d).as_bytes())?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// A document: its kind and title underlined, then its blocks.
fn document(doc: &Doc, out: &mut dyn Write) -> io::Result<()> {
    if !doc.kind.is_empty() {
        writeln!(out, "{}", doc.kind.to_uppercase())?;
    }
    if !doc.title.is_empty() {
        writeln!(out, "{}", doc.title)?;
    }
    if !doc.kind.is_empty() || !doc.title.is_empty() {
        let width = doc.title.chars().count().max(doc.kind.chars().count());
        writeln!(out, "{}", "=".repeat(width))?;
    }
    if let Some(banner) = &doc.banner {
        writeln!(out, "! {banner}")?;
    }
    let mut previous: Option<&Block> = None;
    for block in &doc.blocks {
        // Text and lists follow their heading directly; everything else is set apart.
        let follows_heading = matches!(previous, None | Some(Block::Heading { .. }));
        let joined = matches!(block, Block::Facts { .. })
            || (follows_heading && matches!(block, Block::Paragraph { .. } | Block::List { .. }));
        if !joined {
            writeln!(out)?;
        }
        top_level(block, out)?;
        previous = Some(block);
    }
    Ok(())
}

fn top_level(block: &Block, out: &mut dyn Write) -> io::Result<()> {
    match block {
        Block::Facts { facts } => self::facts(facts, "", out),
        Block::Notice { text, .. } => write_wrapped(out, "! ", "  ", text),
        Block::Heading { text } => writeln!(out, "{}", text.to_uppercase()),
        Block::Item {
            number,
            title,
            meta,
            body,
        } => {
            let (number, indent) = if number.is_empty() {
                (String::new(), "  ".to_owned())
            } else {
                let number = format!("{number}. ");
                let indent = " ".repeat(number.len());
                (number, indent)
            };
            write_wrapped(out, &number, &indent, title)?;
            if let Some(meta) = meta {
                write_wrapped(out, &indent, &indent, meta)?;
            }
            for block in body {
                nested(block, &indent, out)?;
            }
            Ok(())
        }
        // A list whose entries carry notes reads better spaced out.
        Block::List { numbered, entries } if entries.iter().any(|e| !e.notes.is_empty()) => {
            for (i, entry) in entries.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                list_entry(entry, "", &marker(*numbered, i), out)?;
            }
            Ok(())
        }
        other => nested(other, "", out),
    }
}

fn marker(numbered: bool, i: usize) -> String {
    if numbered {
        format!("{}. ", i + 1)
    } else {
        "- ".to_owned()
    }
}

/// A block inside an item, or a paragraph or list at the top: no blank lines, indented.
fn nested(block: &Block, indent: &str, out: &mut dyn Write) -> io::Result<()> {
    match block {
        Block::Paragraph { text } => write_wrapped(out, indent, indent, &styled(text)),
        Block::List { numbered, entries } => {
            for (i, entry) in entries.iter().enumerate() {
                list_entry(entry, indent, &marker(*numbered, i), out)?;
            }
            Ok(())
        }
        Block::Table { headers, rows } => {
            for row in rows {
                // A row on one line keeps its columns' names: "Endnu ikke: LMU Sundhedshuset"
                // says what a bare list of names would not. The first column names the row.
                let cells: Vec<String> = row
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| !c.is_empty())
                    .map(
                        |(i, c)| match headers.get(i).filter(|h| i > 0 && !h.is_empty()) {
                            Some(h) => format!("{h}: {c}"),
                            None => c.clone(),
                        },
                    )
                    .collect();
                write_wrapped(
                    out,
                    &format!("{indent}- "),
                    &format!("{indent}  "),
                    &cells.join(" · "),
                )?;
            }
            Ok(())
        }
        Block::WriteIn { lines } => {
            let rule = "_".repeat(TEXT_WIDTH.saturating_sub(indent.len()));
            for _ in 0..*lines {
                writeln!(out, "{indent}{rule}")?;
            }
            Ok(())
        }
        Block::Notice { text, .. } => write_wrapped(out, &format!("{indent}! "), indent, text),
        Block::Heading { text } => writeln!(out, "{indent}{}", text.to_uppercase()),
        Block::Facts { facts } => self::facts(facts, indent, out),
        Block::Item { .. } => top_level(block, out),
    }
}

fn list_entry(entry: &Entry, indent: &str, marker: &str, out: &mut dyn Write) -> io::Result<()> {
    let rest = format!("{indent}{}", " ".repeat(marker.chars().count()));
    write_wrapped(
        out,
        &format!("{indent}{marker}"),
        &rest,
        &format!("{}{}", entry.text, entry.tail),
    )?;
    for note in &entry.notes {
        write_wrapped(out, &rest, &rest, &styled(note))?;
    }
    Ok(())
}

/// Text has no bold, italics or small print: every style reads as plain text.
fn styled(text: &Text) -> String {
    text.text.clone()
}

/// Label–value pairs with the values lined up: "Dato:     tirsdag den 3. marts 2026"; inside
/// an item, under its title.
fn facts(facts: &[Fact], indent: &str, out: &mut dyn Write) -> io::Result<()> {
    let width = facts
        .iter()
        .map(|f| f.label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for Fact { label, value } in facts {
        let head = format!(
            "{indent}{label}:{}",
            " ".repeat(width - label.chars().count() - 1)
        );
        let value = if value.is_empty() {
            "_".repeat(30)
        } else {
            value.clone()
        };
        write_wrapped(
            out,
            &head,
            &format!("{indent}{}", " ".repeat(width)),
            &value,
        )?;
    }
    Ok(())
}

/// `show`: the title and id, the fields lined up, and the linked things under headings,
/// wrapped on words at the terminal's width.
fn detail(detail: &Detail, width: usize, out: &mut dyn Write) -> io::Result<()> {
    wrapped_to(
        out,
        "",
        "  ",
        &format!("{}  [{} {}]", detail.title, detail.kind_text, detail.id),
        width,
    )?;
    let label_width = detail
        .fields
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(label_width + 4);
    for (label, value) in &detail.fields {
        let pad = " ".repeat(label_width - label.chars().count());
        wrapped_to(out, &format!("  {label}:{pad} "), &indent, value, width)?;
    }
    for section in &detail.sections {
        writeln!(out)?;
        wrapped_to(out, "", "", &section.heading, width)?;
        for line in &section.lines {
            // A line may hold its own breaks (an item and its prompts).
            for (i, part) in line.split('\n').enumerate() {
                let part = part.trim_start();
                let lead = if i == 0 { "  " } else { "     " };
                wrapped_to(out, lead, &format!("{lead}  "), part, width)?;
            }
        }
    }
    Ok(())
}

/// `file:line:col: error: message`, then the line with a caret, then the help.
pub fn problem(d: &Diagnostic) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = match d.line {
        0 => write!(out, "{}: ", d.file),
        line => write!(out, "{}:{}:{}: ", d.file, line, d.column),
    };
    let _ = writeln!(out, "{}: {}", d.severity.as_str(), d.message);
    if let Some(src) = &d.source_line {
        let gutter = d.line.to_string();
        let pad = " ".repeat(gutter.len());
        let shown: String = src.chars().take(200).collect();
        let caret_at = shown
            .chars()
            .take(d.column.saturating_sub(1) as usize)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect::<String>();
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{gutter} | {shown}");
        let _ = writeln!(out, "{pad} | {caret_at}^");
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {help}");
    }
    // A message quotes the data (a value, a line): nothing in it reaches a terminal or a CI
    // log as a command.
    out.lines()
        .map(|line| super::wrap::inert_text(line) + "\n")
        .collect()
}

/// Writes `text` wrapped at [`TEXT_WIDTH`], the first line after `first`, the rest after `rest`.
fn write_wrapped(out: &mut dyn Write, first: &str, rest: &str, text: &str) -> io::Result<()> {
    wrapped_to(out, first, rest, text, TEXT_WIDTH)
}

/// Writes `text` wrapped at `width`: each line made safe for a terminal, and none starting a
/// CI workflow command (`::`).
fn wrapped_to(
    out: &mut dyn Write,
    first: &str,
    rest: &str,
    text: &str,
    width: usize,
) -> io::Result<()> {
    let text = safe(text);
    let lines = wrap(&text, width, first.chars().count(), rest.chars().count());
    for (i, line) in lines.iter().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        let guard = if prefix.is_empty() && line.starts_with("::") {
            " "
        } else {
            ""
        };
        writeln!(out, "{guard}{prefix}{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Pos;
    use crate::report::doc::Style;

    #[test]
    fn a_problem_shows_its_line_a_caret_and_help() {
        let d = Diagnostic::error("data/x.yaml", Pos { line: 2, column: 5 }, "bad")
            .with_help("fix it")
            .with_source("a: 1\nb:  2\n");
        assert_eq!(
            problem(&d),
            "data/x.yaml:2:5: error: bad\n  |\n2 | b:  2\n  |     ^\n  = help: fix it\n"
        );
    }

    #[test]
    fn an_item_indents_its_body_under_its_title() {
        let doc = Doc {
            kind: "Dagsorden".into(),
            title: "LMU".into(),
            blocks: vec![
                Block::heading("Punkter"),
                Block::Item {
                    number: "1".into(),
                    title: "Velkomst".into(),
                    meta: Some("kl. 13.00–13.05".into()),
                    body: vec![Block::List {
                        numbered: false,
                        entries: vec![Entry {
                            notes: vec![Text::new(Style::Small, "Kilde: x")],
                            ..Entry::new("Hvad?")
                        }],
                    }],
                },
            ],
            ..Doc::default()
        };
        let mut out = Vec::new();
        document(&doc, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "DAGSORDEN\nLMU\n=========\n\nPUNKTER\n\n1. Velkomst\n   kl. 13.00–13.05\n   - Hvad?\n     Kilde: x\n"
        );
    }
}
