//! `medtrio actions`: the action points of every referat, filtered.

use std::io::Write;

use anyhow::Result;

use crate::cli::ActionsArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::model::Catalog;
use crate::query::Query;
use crate::render::Document;
use crate::report::actions::{self, ActionFilter};
use crate::report::list::ListReport;

pub fn run(ctx: &Context, args: &ActionsArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::table(&args.output).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::parse(&(&args.filters).into(), &catalog, ctx.today)?;
    let filter = ActionFilter {
        owner: args.owner.clone(),
        open: args.open,
        done: args.done,
    };
    let rows = actions::actions(&catalog, &query, &filter, ctx.today)?;
    let report = ListReport::Actions(rows);
    let renderer = ctx.renderer(output.excel())?;
    output.write(ctx, &renderer, &Document::List(&report), out)
}
