//! `medtrio prep ID`: the MED-trio's one-page prep sheet for a meeting or a theme.

use std::io::Write;

use anyhow::Result;

use crate::cli::{DocFormat, PrepArgs};
use crate::cmd::{Context, agenda::template_error, output, show::unknown_id};
use crate::error::Failure;
use crate::model::Catalog;
use crate::render;
use crate::report::prep;

pub fn run(ctx: &Context, args: &PrepArgs, out: &mut dyn Write) -> Result<()> {
    let format = DocFormat::resolve(args.doc.format, args.doc.output.as_deref())?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let Some(sheet) = prep::prep(&catalog, &args.id, ctx.lang) else {
        return Err(
            match crate::report::show::show(&catalog, &args.id, crate::lang::Lang::En) {
                Some(d) => Failure::usage_with_help(
                    format!(
                        "`{}` is a {}; a prep sheet is for a meeting or a theme",
                        args.id, d.kind
                    ),
                    "give a meeting id (e.g. dialog-omu-sundhed) or a theme id (e.g. roller)",
                ),
                None => {
                    let mut ids = crate::report::agenda::agenda_ids(&catalog);
                    ids.extend(catalog.theme_ids());
                    unknown_id(&args.id, &ids)
                }
            }
            .into(),
        );
    };
    let mut bytes = Vec::new();
    match format {
        DocFormat::Md => render::prep::markdown(&sheet, &mut bytes)?,
        DocFormat::Txt => render::prep::text(&sheet, &mut bytes)?,
        DocFormat::Json => render::json::render(&sheet, &mut bytes)?,
        DocFormat::Html => {
            bytes = ctx
                .html()
                .render("prep.html", &sheet)
                .map_err(template_error)?
                .into_bytes()
        }
    }
    output::emit(args.doc.output.as_deref(), args.doc.force, &bytes, out)
}
