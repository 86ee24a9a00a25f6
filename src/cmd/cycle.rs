//! `medtrio cycle`: the year's annual cycle against the meetings; `--check` guards it in CI.

use std::io::Write;

use anyhow::Result;
use chrono::Datelike;

use crate::cli::CycleArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::error::Failure;
use crate::model::Catalog;
use crate::query::{Filters, Query};
use crate::render::{Document, Format, offered};
use crate::report::cycle;

pub fn run(ctx: &Context, args: &CycleArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::new(
        args.format,
        args.output.as_deref(),
        args.force,
        offered::CYCLE,
        Format::Table,
        "aarshjul",
    )
    .excel(args.excel)
    .open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let has_amr = catalog
        .members()
        .any(|m| m.has_role(crate::model::Role::Amr));
    if loaded.dataset.cycle.is_none() && !has_amr {
        return Err(Failure::operation(
            "the data has no annual cycle",
            "add a cycle.yaml to the data folder; `medtrio init DIR` writes one to start from",
        )
        .into());
    }
    let filters = Filters {
        forum: args.forum.clone(),
        ..Filters::default()
    };
    let query = Query::parse(&filters, &catalog, ctx.today)?;
    let year = args.year.unwrap_or_else(|| ctx.today.year());
    let report = cycle::cycle(&catalog, &query, year, ctx.today, ctx.lang);
    let renderer = ctx.renderer(output.excel())?;
    output.write(ctx, &renderer, &Document::Cycle(&report), out)?;
    if args.check && report.missing > 0 {
        out.flush()?;
        let mut err = anstream::stderr().lock();
        for gap in report.entries.iter().filter_map(|e| e.gap.as_ref()) {
            writeln!(err, "missing: {gap}")?;
        }
        let meetings = report.missing - report.overdue_training;
        let courses = report.overdue_training;
        let no_meeting = |n: usize| {
            format!(
                "{n} {} of {year} {} no meeting",
                if n == 1 { "task" } else { "tasks" },
                if n == 1 { "has" } else { "have" }
            )
        };
        let overdue = |n: usize| {
            format!(
                "{n} AMR {} past {} deadline with none recorded",
                if n == 1 { "course is" } else { "courses are" },
                if n == 1 { "its" } else { "their" }
            )
        };
        let plan = "plan a meeting with an item that names the task (`cycle: ID`), or move the task in cycle.yaml";
        let record = "record the course taken in members.yaml, under the AMR: `training: [{course: obligatorisk, on: YYYY-MM-DD}]`";
        let (message, help) = match (meetings, courses) {
            (m, 0) => (no_meeting(m), plan.to_owned()),
            (0, c) => (format!("{} in {year}", overdue(c)), record.to_owned()),
            (m, c) => (
                format!("{}, and {}", no_meeting(m), overdue(c)),
                format!("{plan}; {record}"),
            ),
        };
        return Err(Failure::operation(message, help).into());
    }
    Ok(())
}
