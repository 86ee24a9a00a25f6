//! `medtrio list`: meetings, roadmap activities, findings or prompts, filtered.

use std::io::Write;

use anyhow::Result;

use crate::cli::ListArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::model::Catalog;
use crate::query::Query;
use crate::render::Document;
use crate::report::list;

pub fn run(ctx: &Context, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::table(&args.output).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::parse(&(&args.filters).into(), &catalog, ctx.today)?;
    let report = list::list(&catalog, &query, args.kind)?;
    let renderer = ctx.renderer(output.excel())?;
    output.write(ctx, &renderer, &Document::List(&report), out)
}
