//! `medtrio rollup ROOT`: reads a tree of committees' folders in parallel, checks each, and
//! prints the report upward. A broken folder is reported and left out; the rest is reported.

use std::io::Write;

use anyhow::Result;

use crate::cli::RollupArgs;
use crate::cmd::output::Request;
use crate::cmd::{Context, committees, print_diagnostics};
use crate::diagnostic::{did_you_mean, suggestions};
use crate::error::Failure;
use crate::query::{Filters, Query};
use crate::render::{Document, Format, offered};
use crate::report::rollup::{self, Scope};

pub fn run(ctx: &Context, args: &RollupArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::new(
        args.format,
        args.output.as_deref(),
        args.force,
        offered::ROLLUP,
        Format::Md,
        "rollup",
    )
    .open()?;
    let root = &args.root;
    let today = ctx.today;
    let tree = committees::read(
        ctx,
        ctx.public,
        root,
        "rollup",
        "medtrio rollup examples/kommune",
    )?;
    print_diagnostics(&tree.problems);
    let committees = tree.committees();
    if let Some(under) = &args.under
        && !committees.iter().any(|c| &c.id == under)
    {
        let ids: Vec<&str> = committees.iter().map(|c| c.id.as_str()).collect();
        let help = did_you_mean(suggestions(under, ids.iter().copied())).unwrap_or_else(|| {
            "give the forum id of a committee of the tree; the report without --under lists them".to_owned()
        });
        return Err(Failure::usage_with_help(
            format!("no committee `{under}` in `{}`", root.display()),
            help,
        )
        .into());
    }
    let filters = args.filters();
    // The filters' own errors (an unknown theme, a bad date) are the top committee's.
    if let Some(top) = committees.first() {
        Query::parse(&filters, &top.catalog, today)?;
    }
    let scope = Scope {
        filters: &filters,
        under: args.under.as_deref(),
        today,
        lang: ctx.lang,
        written: written_filters(&filters, args.under.as_deref()),
    };
    let report = rollup::rollup(&committees, tree.broken.clone(), &scope);
    let renderer = ctx.renderer(false)?;
    output.write(ctx, &renderer, &Document::Rollup(&report), out)?;
    if let Some(failure) = tree.left_out("the report", "rollup") {
        out.flush()?;
        return Err(failure.into());
    }
    Ok(())
}

/// The filters as written on the command line, for the report's head.
fn written_filters(f: &Filters, under: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for (flag, value) in [
        ("--theme", &f.theme),
        ("--from", &f.from),
        ("--to", &f.to),
        ("--quarter", &f.quarter),
    ] {
        if let Some(v) = value {
            out.push(format!("{flag} {v}"));
        }
    }
    if let Some(u) = under {
        out.push(format!("--under {u}"));
    }
    out
}
