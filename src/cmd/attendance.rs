//! `medtrio attendance`: the year's fremmøde, per member, from members.yaml and the minutes.

use std::io::Write;

use anyhow::Result;
use chrono::Datelike;

use crate::cli::AttendanceArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::error::Failure;
use crate::model::Catalog;
use crate::query::{Filters, Query};
use crate::render::Document;
use crate::report::attendance;
use crate::report::list::ListReport;

pub fn run(ctx: &Context, args: &AttendanceArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::table(&args.output).open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    if !catalog.has_members() {
        return Err(Failure::operation(
            "the data has no members",
            "add a members.yaml to the data folder; `medtrio init DIR` writes one to start from",
        )
        .into());
    }
    let filters = Filters {
        forum: args.forum.clone(),
        ..Filters::default()
    };
    let query = Query::parse(&filters, &catalog, ctx.today)?;
    let year = args.year.unwrap_or_else(|| ctx.today.year());
    let report = ListReport::Attendance(attendance::attendance(&catalog, &query, year));
    let renderer = ctx.renderer(output.excel())?;
    output.write(ctx, &renderer, &Document::List(&report), out)
}
