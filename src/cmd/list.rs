//! `medtrio list`: meetings, roadmap activities, findings or prompts, filtered.

use std::io::Write;

use anyhow::Result;

use crate::cli::ListArgs;
use crate::cmd::{Context, write_table};
use crate::model::Catalog;
use crate::query::Query;
use crate::report::list;

pub fn run(ctx: &Context, args: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::from_flags(&args.filters, &catalog, ctx.today)?;
    let report = list::list(&catalog, &query, args.kind)?;
    write_table(ctx, &args.output, &report, out)
}
