//! `medtrio calendar`: an iCalendar file of every meeting with an exact date and time.

use std::io::Write;

use anyhow::Result;

use crate::cli::CalendarArgs;
use crate::cmd::{Context, output};
use crate::model::Catalog;
use crate::query::{Kind, Query};
use crate::report::calendar;

pub fn run(ctx: &Context, args: &CalendarArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::from_flags(&args.filters, &catalog, ctx.today)?;
    query.check_applies_to(Kind::Meetings)?;
    let report = calendar::calendar(&catalog, &query, ctx.lang, stamp_day(ctx, &catalog));
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
    let mut bytes = Vec::new();
    crate::render::ics::render(&report, &mut bytes)?;
    output::emit(args.output.as_deref(), args.force, &bytes, out)
}

/// DTSTAMP's day: --today when given, else the latest day the data speaks of.
pub fn stamp_day(ctx: &Context, catalog: &Catalog<'_>) -> chrono::NaiveDate {
    if ctx.today_given {
        ctx.today
    } else {
        calendar::data_stamp(catalog)
    }
}
