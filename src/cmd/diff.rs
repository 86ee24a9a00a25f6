//! `medtrio diff OLD NEW`: what changed between two data folders. As diff(1): exits 0 when
//! nothing changed, 1 when something did, 2 on trouble (such as bad data).

use std::io::Write;

use anyhow::Result;

use crate::cli::DiffArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::error::Failure;
use crate::load::DataSource;
use crate::render::Document;
use crate::report::diff;

pub fn run(ctx: &Context, args: &DiffArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::stdout(args.format).open()?;
    let old = load(ctx, &args.old)?;
    let new = load(ctx, &args.new)?;
    let report = diff::diff(&old.dataset, &new.dataset, ctx.lang);
    let renderer = ctx.renderer(false)?;
    output.write(ctx, &renderer, &Document::Diff(&report), out)?;
    if report.is_empty() {
        Ok(())
    } else {
        Err(Failure::Quiet.into())
    }
}

/// Loads one side; its problems exit 2, since 1 means "something changed".
fn load(ctx: &Context, dir: &std::path::Path) -> Result<crate::load::Loaded> {
    ctx.with_source(DataSource::Dir(dir.to_owned()))
        .load_checked()
        .map_err(|e| match e.downcast::<Failure>() {
            Ok(failure) => Failure::Trouble(Box::new(failure)).into(),
            Err(other) => other,
        })
}
