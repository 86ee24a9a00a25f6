//! `medtrio prep ID`: the MED-trio's one-page prep sheet for a meeting or a theme.

use std::io::Write;

use anyhow::Result;

use crate::cli::PrepArgs;
use crate::cmd::output::Request;
use crate::cmd::{Context, unknown_id};
use crate::error::Failure;
use crate::model::Catalog;
use crate::render::Document;
use crate::report::prep;

pub fn run(ctx: &Context, args: &PrepArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::doc(&args.doc, "forberedelse").open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let Some(sheet) = prep::prep(&catalog, &args.id, ctx.lang, Some(ctx.today)) else {
        return Err(match catalog.kind_of(&args.id) {
            Some(kind) => Failure::usage_with_help(
                format!(
                    "`{}` is a {kind}; a prep sheet is for a meeting or a theme",
                    args.id
                ),
                "give a meeting id (e.g. dialog-omu-sundhed) or a theme id (e.g. roller)",
            ),
            None => {
                let mut ids = catalog.agenda_ids();
                ids.extend(catalog.theme_ids());
                unknown_id(&args.id, &ids)
            }
        }
        .into());
    };
    if sheet.thin {
        warn_thin(&catalog, &sheet, ctx.lang);
    }
    let renderer = ctx.renderer(false)?.with_created(ctx.stamp_day(&catalog));
    output.write(ctx, &renderer, &Document::Prep(&sheet), out)
}

/// A sheet with little on it says so, and names the theme whose sheet says the most.
fn warn_thin(catalog: &Catalog<'_>, sheet: &prep::PrepSheet, lang: crate::lang::Lang) {
    let best = catalog
        .theme_ids()
        .into_iter()
        .filter_map(|t| prep::prep(catalog, t, lang, None).map(|s| (s.filled_sections(), t)))
        .max_by_key(|(filled, _)| *filled);
    let hint = match best {
        Some((_, theme)) => format!("; try `medtrio prep {theme}`"),
        None => String::new(),
    };
    let _ = writeln!(
        anstream::stderr().lock(),
        "note: the prep sheet for `{}` is nearly empty: the data has few findings and prompts on its themes{hint}",
        sheet.id
    );
}
