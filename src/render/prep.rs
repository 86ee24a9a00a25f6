//! The prep sheet as CommonMark and as plain text.

use std::io::{self, Write};

use crate::render::agenda::write_wrapped;
use crate::render::markdown::escape_inline as esc;
use crate::report::prep::PrepSheet;

/// The sheet's lists in order: heading and points.
fn lists(s: &PrepSheet) -> [(&'static str, &[String]); 5] {
    let l = &s.labels;
    [
        (l.meaning, &s.meaning),
        (l.attention, &s.attention),
        (l.questions, &s.questions),
        (l.success, &s.success),
        (l.trials, &s.trials),
    ]
}

pub fn markdown(s: &PrepSheet, out: &mut dyn Write) -> io::Result<()> {
    let l = &s.labels;
    writeln!(out, "# {}: {}\n", l.heading, esc(&s.title))?;
    if !s.themes.is_empty() {
        writeln!(out, "*{}: {}*\n", l.themes, esc(&s.themes.join(", ")))?;
    }
    if !s.purpose.is_empty() {
        writeln!(out, "## {}\n\n{}\n", l.purpose, esc(&s.purpose))?;
    }
    if !s.prompts.is_empty() {
        writeln!(out, "## {}\n", l.prompts)?;
        for (i, p) in s.prompts.iter().enumerate() {
            writeln!(
                out,
                "{}. {}\\\n   *{}*",
                i + 1,
                esc(&p.text),
                esc(&p.source)
            )?;
        }
        writeln!(out)?;
    }
    for (heading, points) in lists(s).into_iter().take(3) {
        write_list(out, heading, points)?;
    }
    if !s.barriers.is_empty() {
        writeln!(out, "## {}\n", l.barriers)?;
        for b in &s.barriers {
            match &b.question {
                Some(q) => writeln!(out, "- **{}**\\\n  {}: {}", esc(&b.title), l.ask, esc(q))?,
                None => writeln!(out, "- **{}**", esc(&b.title))?,
            }
        }
        writeln!(out)?;
    }
    for (heading, points) in lists(s).into_iter().skip(3) {
        write_list(out, heading, points)?;
    }
    Ok(())
}

fn write_list(out: &mut dyn Write, heading: &str, points: &[String]) -> io::Result<()> {
    if points.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {heading}\n")?;
    for p in points {
        writeln!(out, "- {}", esc(p))?;
    }
    writeln!(out)
}

pub fn text(s: &PrepSheet, out: &mut dyn Write) -> io::Result<()> {
    let l = &s.labels;
    writeln!(out, "{}", l.heading.to_uppercase())?;
    writeln!(out, "{}", s.title)?;
    writeln!(out, "{}", "=".repeat(s.title.chars().count()))?;
    if !s.themes.is_empty() {
        write_wrapped(out, &format!("{}: ", l.themes), "  ", &s.themes.join(", "))?;
    }
    if !s.purpose.is_empty() {
        writeln!(out, "\n{}", l.purpose.to_uppercase())?;
        write_wrapped(out, "", "", &s.purpose)?;
    }
    if !s.prompts.is_empty() {
        writeln!(out, "\n{}", l.prompts.to_uppercase())?;
        for (i, p) in s.prompts.iter().enumerate() {
            write_wrapped(out, &format!("{}. ", i + 1), "   ", &p.text)?;
            write_wrapped(out, "   (", "    ", &format!("{})", p.source))?;
        }
    }
    let text_list = |out: &mut dyn Write, heading: &str, points: &[String]| -> io::Result<()> {
        if points.is_empty() {
            return Ok(());
        }
        writeln!(out, "\n{}", heading.to_uppercase())?;
        for p in points {
            write_wrapped(out, "- ", "  ", p)?;
        }
        Ok(())
    };
    for (heading, points) in lists(s).into_iter().take(3) {
        text_list(out, heading, points)?;
    }
    if !s.barriers.is_empty() {
        writeln!(out, "\n{}", l.barriers.to_uppercase())?;
        for b in &s.barriers {
            write_wrapped(out, "- ", "  ", &b.title)?;
            if let Some(q) = &b.question {
                write_wrapped(out, &format!("  {}: ", l.ask), "    ", q)?;
            }
        }
    }
    for (heading, points) in lists(s).into_iter().skip(3) {
        text_list(out, heading, points)?;
    }
    Ok(())
}
