//! `medtrio show ID`: one thing of any kind, with its links.

use std::io::Write;

use anyhow::Result;

use crate::cli::ShowArgs;
use crate::cmd::output::Request;
use crate::cmd::{Context, unknown_id};
use crate::model::Catalog;
use crate::render::Document;
use crate::report::show;

pub fn run(ctx: &Context, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::stdout(args.format).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let Some(detail) = show::show(&catalog, &args.id, ctx.lang) else {
        return Err(unknown_id(&args.id, &catalog.all_ids()).into());
    };
    let renderer = ctx.renderer(false)?;
    output.write(ctx, &renderer, &Document::Detail(&detail), out)
}
