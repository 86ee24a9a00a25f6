//! `medtrio week`: the facilitator's overview of the coming weeks.

use std::io::Write;

use anyhow::Result;

use crate::cli::WeekArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::model::Catalog;
use crate::query::{Filters, Query};
use crate::render::Document;
use crate::report::week;

pub fn run(ctx: &Context, args: &WeekArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::stdout(args.format).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let filters = Filters {
        forum: args.forum.clone(),
        ..Filters::default()
    };
    let query = Query::parse(&filters, &catalog, ctx.today)?;
    let report = week::week(&catalog, &query, ctx.today, args.weeks, ctx.lang);
    let renderer = ctx.renderer(false)?;
    output.write(ctx, &renderer, &Document::Week(&report), out)
}
