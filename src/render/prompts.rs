//! Dialogue prompts as a Markdown sheet, grouped by theme, each with where it comes from.

use std::io::{self, Write};

use crate::lang::Lang;
use crate::model::Catalog;
use crate::render::markdown::escape_inline as esc;
use crate::report::list::PromptRow;

pub fn markdown(
    rows: &[PromptRow<'_>],
    catalog: &Catalog<'_>,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "# {}\n",
        lang.pick("Dialogspørgsmål", "Dialogue prompts")
    )?;
    for row in rows {
        let text = match (lang, row.text_en) {
            (Lang::En, Some(en)) => en,
            _ => row.text,
        };
        // A trailing backslash is CommonMark's hard line break.
        writeln!(out, "- **{}** ({})\\", esc(text), esc(row.id))?;
        let themes: Vec<&str> = row
            .themes
            .iter()
            .map(|t| catalog.theme_title(t, lang))
            .collect();
        let audiences: Vec<&str> = row.audiences.iter().map(|a| lang.audience(*a)).collect();
        writeln!(
            out,
            "  {}: {} · {}: {} · {}{}",
            lang.pick("Tema", "Theme"),
            esc(&themes.join(", ")),
            lang.pick("Målgruppe", "Audience"),
            esc(&audiences.join(", ")),
            esc(lang.origin(row.origin)),
            if row.source_texts.is_empty() {
                ""
            } else {
                "\\"
            }
        )?;
        for (i, s) in row.source_texts.iter().enumerate() {
            let brk = if i + 1 < row.source_texts.len() {
                "\\"
            } else {
                ""
            };
            writeln!(
                out,
                "  *{}: {} – {}*{brk}",
                lang.pick("Kilde", "Source"),
                esc(s.section),
                esc(s.text)
            )?;
        }
    }
    Ok(())
}

/// Plain text: numbered prompts, each with its theme and sources.
pub fn text(
    rows: &[PromptRow<'_>],
    catalog: &Catalog<'_>,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    use crate::render::agenda::write_wrapped;
    for (i, row) in rows.iter().enumerate() {
        let text = match (lang, row.text_en) {
            (Lang::En, Some(en)) => en,
            _ => row.text,
        };
        if i > 0 {
            writeln!(out)?;
        }
        let number = format!("{}. ", i + 1);
        let indent = " ".repeat(number.len());
        write_wrapped(out, &number, &indent, text)?;
        let themes: Vec<&str> = row
            .themes
            .iter()
            .map(|t| catalog.theme_title(t, lang))
            .collect();
        write_wrapped(
            out,
            &indent,
            &indent,
            &format!(
                "{}: {} [{}]",
                lang.pick("Tema", "Theme"),
                themes.join(", "),
                row.id
            ),
        )?;
        for s in &row.source_texts {
            write_wrapped(
                out,
                &format!("{indent}{}: ", lang.pick("Kilde", "Source")),
                &format!("{indent}  "),
                &format!("{} – {}", s.section, s.text),
            )?;
        }
    }
    Ok(())
}
