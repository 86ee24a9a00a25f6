//! `medtrio calendar`: an iCalendar file of every meeting with an exact date and time.

use std::io::Write;

use anyhow::Result;

use crate::cli::CalendarArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::model::{Catalog, Kind};
use crate::query::Query;
use crate::render::{Document, Format};
use crate::report::calendar;

pub fn run(ctx: &Context, args: &CalendarArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::new(
        None,
        args.output.as_deref(),
        args.force,
        &[Format::Ics],
        Format::Ics,
        "kalender",
    )
    .open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::parse(&(&args.filters).into(), &catalog, ctx.today)?;
    query.check_applies_to(Kind::Meeting)?;
    let options = calendar::CalendarOptions {
        deadlines: args.deadlines,
    };
    let report = calendar::calendar(&catalog, &query, ctx.lang, ctx.stamp_day(&catalog), options);
    if report.left_out > 0 {
        let n = report.left_out;
        let mut err = anstream::stderr().lock();
        writeln!(
            err,
            "note: {n} {} without an exact date and start time {} left out",
            if n == 1 { "meeting" } else { "meetings" },
            if n == 1 { "is" } else { "are" }
        )?;
    }
    let renderer = ctx.renderer(false)?;
    output.write(ctx, &renderer, &Document::Calendar(&report), out)
}
