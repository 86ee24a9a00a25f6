//! `medtrio diff OLD NEW`: what changed between two data folders. As diff(1): exits 0 when
//! nothing changed, 1 when something did, 2 on trouble (such as bad data).

use std::io::Write;

use anyhow::Result;

use crate::cli::{DiffArgs, DiffFormat};
use crate::cmd::{Context, output_width, stdout_styled};
use crate::error::Failure;
use crate::lang::Lang;
use crate::load::DataSource;
use crate::render;
use crate::report::TextTable;
use crate::report::diff::{self, Change, What};

pub fn run(ctx: &Context, args: &DiffArgs, out: &mut dyn Write) -> Result<()> {
    let old = load(ctx, &args.old)?;
    let new = load(ctx, &args.new)?;
    let changes = diff::diff(&old.dataset, &new.dataset);
    match args.format {
        DiffFormat::Table => {
            if changes.is_empty() {
                writeln!(out, "{}", ctx.lang.pick("Ingen ændringer.", "No changes."))?;
            } else {
                let style = render::table::TableStyle {
                    width: output_width(),
                    styled: stdout_styled(),
                };
                render::table::render(&table(&changes, ctx.lang), style, out)?;
            }
        }
        DiffFormat::Json => render::json::render(&changes, out)?,
        DiffFormat::Md => markdown(&changes, ctx.lang, out)?,
    }
    if changes.is_empty() {
        Ok(())
    } else {
        Err(Failure::Quiet.into())
    }
}

/// Loads one side; its problems exit 2, since 1 means "something changed".
fn load(ctx: &Context, dir: &std::path::Path) -> Result<crate::load::Loaded> {
    ctx.with_source(DataSource::Dir(dir.to_owned()))
        .load_checked()
        .map_err(|e| match e.downcast::<Failure>() {
            Ok(failure) => Failure::Trouble(Box::new(failure)).into(),
            Err(other) => other,
        })
}

fn table(changes: &[Change], lang: Lang) -> TextTable {
    TextTable {
        headers: [
            lang.pick("Id", "Id"),
            lang.pick("Titel", "Title"),
            lang.pick("Ændring", "Change"),
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: changes
            .iter()
            .map(|c| vec![c.id.clone(), c.title.clone(), diff::describe(c, lang)])
            .collect(),
    }
}

/// Markdown ready to paste into a newsletter such as Ugens Lederopgave.
fn markdown(changes: &[Change], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    use render::markdown::escape_inline as esc;
    writeln!(out, "## {}", lang.pick("Ændringer", "Changes"))?;
    writeln!(out)?;
    if changes.is_empty() {
        writeln!(out, "{}", lang.pick("Ingen ændringer.", "No changes."))?;
        return Ok(());
    }
    type Group = (&'static str, &'static str, fn(&What) -> bool);
    let groups: [Group; 3] = [
        ("Nyt", "New", |w| matches!(w, What::Added)),
        ("Ændret", "Changed", |w| matches!(w, What::Changed { .. })),
        ("Udgået", "Removed", |w| matches!(w, What::Removed)),
    ];
    for (da, en, belongs) in groups {
        let group: Vec<&Change> = changes.iter().filter(|c| belongs(&c.what)).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out, "**{}:**", lang.pick(da, en))?;
        writeln!(out)?;
        for c in group {
            match &c.what {
                What::Changed { .. } => writeln!(
                    out,
                    "- **{}**: {}",
                    esc(&c.title),
                    esc(&diff::describe(c, lang))
                )?,
                _ => writeln!(out, "- **{}** ({})", esc(&c.title), esc(&c.id))?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
