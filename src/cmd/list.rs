//! `medtrio list`: meetings, roadmap activities, findings or prompts, filtered.

use std::io::Write;

use anyhow::Result;

use crate::cli::ListArgs;
use crate::cmd::Context;
use crate::error::Failure;
use crate::model::Catalog;
use crate::query::Query;
use crate::render::{Document, Format};
use crate::report::list;

pub fn run(ctx: &Context, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    if args.output.excel && args.output.format != Format::Csv {
        return Err(Failure::usage("--excel applies only to --format csv").into());
    }
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::parse(&(&args.filters).into(), &catalog, ctx.today)?;
    let report = list::list(&catalog, &query, args.kind)?;
    let renderer = ctx.renderer(args.output.excel)?;
    ctx.render(&renderer, &Document::List(&report), args.output.format, out)
}
