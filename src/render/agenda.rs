//! Agendas as CommonMark and as plain text for the terminal and e-mail.

use std::io::{self, Write};

use crate::render::markdown::escape_inline as esc;
use crate::report::agenda::Agenda;

/// The header's label–value pairs, shared by both formats.
fn facts(a: &Agenda) -> Vec<(&'static str, String)> {
    let l = &a.labels;
    let mut out = vec![(l.forum, a.forum.clone())];
    let week = a.week.map(|w| {
        format!(
            " ({} {w})",
            if a.lang == crate::lang::Lang::Da {
                "uge"
            } else {
                "week"
            }
        )
    });
    out.push((
        l.date,
        format!("{}{}", a.date_text, week.unwrap_or_default()),
    ));
    if let Some(t) = &a.time_text {
        out.push((l.time, t.clone()));
    }
    match (&a.place, a.details_pending) {
        (Some(p), _) => out.push((l.place, p.clone())),
        (None, true) => out.push((l.place, l.not_set.to_owned())),
        _ => {}
    }
    out.push((l.status, a.status_text.clone()));
    if let Some(s) = &a.signup {
        out.push((l.signup, s.text.clone()));
    }
    if let Some(c) = &a.chair {
        out.push((l.chair, c.clone()));
    }
    if let Some(m) = &a.minute_taker {
        out.push((l.minute_taker, m.clone()));
    }
    if !a.participants.is_empty() {
        out.push((l.participants, a.participants.join(", ")));
    }
    if !a.apologies.is_empty() {
        out.push((l.apologies, a.apologies.join(", ")));
    }
    out
}

fn item_meta(item: &crate::report::agenda::ItemOut, lead_label: &str) -> String {
    let mut meta = item.slot_text.clone();
    if let Some(t) = &item.type_text {
        meta.push_str(" · ");
        meta.push_str(t);
    }
    if let Some(lead) = &item.lead {
        meta.push_str(&format!(" · {lead_label}: {lead}"));
    }
    meta
}

/// CommonMark: headings, a list of facts, numbered items with their prompts.
pub fn markdown(a: &Agenda, out: &mut dyn Write) -> io::Result<()> {
    let l = &a.labels;
    writeln!(out, "# {}: {}\n", l.agenda, esc(&a.title))?;
    for (label, value) in facts(a) {
        writeln!(out, "- **{label}:** {}", esc(&value))?;
    }
    if let Some(note) = &a.provisional_note {
        writeln!(out, "\n> **{}**", esc(note))?;
    }
    writeln!(out, "\n## {}\n", l.items)?;
    for item in &a.items {
        writeln!(out, "### {}. {}\n", item.number, esc(&item.title))?;
        writeln!(out, "*{}*\n", esc(&item_meta(item, l.lead)))?;
        if let Some(r) = &item.recommendation {
            writeln!(out, "{}\n", esc(r))?;
        }
        if let Some(n) = &item.notes {
            writeln!(out, "{}\n", esc(n))?;
        }
        if !item.prompts.is_empty() {
            writeln!(out, "**{}:**\n", l.prompts)?;
            for p in &item.prompts {
                // A trailing backslash is CommonMark's hard line break.
                let brk = if p.sources.is_empty() { "" } else { "\\" };
                writeln!(out, "- {}{brk}", esc(&p.text))?;
                for (i, s) in p.sources.iter().enumerate() {
                    let brk = if i + 1 < p.sources.len() { "\\" } else { "" };
                    writeln!(
                        out,
                        "  *{}: {} – {}*{brk}",
                        l.source,
                        esc(&s.section),
                        esc(&s.text)
                    )?;
                }
            }
            writeln!(out)?;
        }
    }
    if !a.background.is_empty() {
        writeln!(out, "## {}\n", l.background)?;
        for b in &a.background {
            writeln!(out, "**{}**\n\n{}\n", esc(&b.heading), esc(&b.text))?;
        }
    }
    Ok(())
}

/// The width plain text is wrapped to, as e-mail expects.
const TEXT_WIDTH: usize = 72;

/// Plain text that reads well in a terminal and in an e-mail.
pub fn text(a: &Agenda, out: &mut dyn Write) -> io::Result<()> {
    let l = &a.labels;
    writeln!(out, "{}", l.agenda.to_uppercase())?;
    writeln!(out, "{}", a.title)?;
    writeln!(
        out,
        "{}",
        "=".repeat(a.title.chars().count().max(l.agenda.chars().count()))
    )?;
    let facts = facts(a);
    let width = facts
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for (label, value) in &facts {
        let head = format!("{label}:{}", " ".repeat(width - label.chars().count() - 1));
        write_wrapped(out, &head, &" ".repeat(width), value)?;
    }
    if let Some(note) = &a.provisional_note {
        writeln!(out)?;
        write_wrapped(out, "! ", "  ", note)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", l.items.to_uppercase())?;
    for item in &a.items {
        writeln!(out)?;
        let number = format!("{}. ", item.number);
        let indent = " ".repeat(number.len());
        write_wrapped(out, &number, &indent, &item.title)?;
        write_wrapped(out, &indent, &indent, &item_meta(item, l.lead))?;
        if let Some(r) = &item.recommendation {
            write_wrapped(out, &indent, &indent, r)?;
        }
        if let Some(n) = &item.notes {
            write_wrapped(out, &indent, &indent, n)?;
        }
        if !item.prompts.is_empty() {
            writeln!(out, "{indent}{}:", l.prompts)?;
            for p in &item.prompts {
                write_wrapped(out, &format!("{indent}- "), &format!("{indent}  "), &p.text)?;
                for s in &p.sources {
                    let source = format!("({}: {} – {})", l.source, s.section, s.text);
                    write_wrapped(out, &format!("{indent}  "), &format!("{indent}  "), &source)?;
                }
            }
        }
    }
    if !a.background.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", l.background.to_uppercase())?;
        for b in &a.background {
            writeln!(out)?;
            write_wrapped(out, "", "", &b.heading)?;
            write_wrapped(out, "  ", "  ", &b.text)?;
        }
    }
    Ok(())
}

/// Writes `text` wrapped at [`TEXT_WIDTH`], the first line after `first`, the rest after `rest`.
pub fn write_wrapped(out: &mut dyn Write, first: &str, rest: &str, text: &str) -> io::Result<()> {
    for line in wrap(
        text,
        TEXT_WIDTH,
        first.chars().count(),
        rest.chars().count(),
    )
    .iter()
    .enumerate()
    {
        let prefix = if line.0 == 0 { first } else { rest };
        writeln!(out, "{prefix}{}", line.1)?;
    }
    Ok(())
}

/// Greedy word wrap; a word longer than the line stands alone.
fn wrap(text: &str, width: usize, first_indent: usize, rest_indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut room = width.saturating_sub(first_indent).max(20);
    for word in text.split_whitespace() {
        let len = word.chars().count();
        let line_len = line.chars().count();
        if line_len > 0 && line_len + 1 + len > room {
            lines.push(std::mem::take(&mut line));
            room = width.saturating_sub(rest_indent).max(20);
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_the_width() {
        let lines = wrap(&"ord ".repeat(40), 30, 4, 4);
        assert!(lines.iter().all(|l| l.chars().count() <= 26));
        assert_eq!(lines.join(" "), "ord ".repeat(40).trim());
    }
}
