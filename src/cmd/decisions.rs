//! `medtrio decisions`: the beslutningsprotokol, every decision of the referater in date order.

use std::io::Write;

use anyhow::Result;

use crate::cli::DecisionsArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::model::Catalog;
use crate::query::Query;
use crate::render::Document;
use crate::report::decisions;
use crate::report::list::ListReport;

pub fn run(ctx: &Context, args: &DecisionsArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::table(&args.output).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::parse(&(&args.filters).into(), &catalog, ctx.today)?;
    let mut rows = decisions::decisions(&catalog, &query)?;
    if !args.procedural {
        rows.retain(|r| !r.is_procedural());
    }
    let report = ListReport::Decisions(rows);
    let renderer = ctx.renderer(output.excel())?;
    output.write(ctx, &renderer, &Document::List(&report), out)
}
