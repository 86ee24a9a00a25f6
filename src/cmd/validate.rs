//! `medtrio validate`: every problem in the data, then a one-line summary that names the data
//! read (a folder, or the bundled data).

use std::io::Write;

use anyhow::Result;

use crate::cli::ValidateArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::load;
use crate::render::{Document, Format};

pub fn run(ctx: &Context, args: &ValidateArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::stdout(args.format).open()?;
    ctx.note_bundled();
    let (loaded, problems) =
        match crate::checked::load_verified(&ctx.source, ctx.today, &ctx.cache_settings()) {
            Ok(checked) => (Some(checked.loaded), checked.warnings),
            Err(problems) => (None, problems),
        };
    let errors = problems.iter().filter(|d| d.is_error()).count();
    let renderer = ctx.renderer(false)?;
    let doc = Document::Problems(&problems);
    match output.format() {
        // People read the problems on stderr, so that stdout keeps the summary.
        Format::Txt => output.write(ctx, &renderer, &doc, &mut anstream::stderr().lock())?,
        _ => output.write(ctx, &renderer, &doc, out)?,
    }
    out.flush()?;
    if errors > 0 {
        return Err(Failure::InvalidData { errors }.into());
    }
    if args.format == Format::Txt
        && let Some(loaded) = loaded
    {
        writeln!(
            out,
            "ok: {}: {}",
            ctx.source_name(),
            summary(&loaded, &problems)
        )?;
    }
    Ok(())
}

fn summary(loaded: &load::Loaded, problems: &[Diagnostic]) -> String {
    let d = &loaded.dataset;
    let mut s = [
        count(d.programme.meetings.len(), "meeting", "meetings"),
        count(
            d.roadmap.activities.len(),
            "roadmap activity",
            "roadmap activities",
        ),
        count(d.findings.findings.len(), "finding", "findings"),
        count(d.findings.prompts.len(), "prompt", "prompts"),
    ]
    .join(", ");
    if !d.minutes.is_empty() {
        let actions = d.minutes.iter().map(|m| m.actions.len()).sum();
        s.push_str(&format!(
            ", minutes of {}, {}",
            count(d.minutes.len(), "meeting", "meetings"),
            count(actions, "action point", "action points")
        ));
    }
    if let Some(cycle) = &d.cycle {
        s.push_str(&format!(
            ", {} of the annual cycle",
            count(cycle.rules.len(), "task", "tasks")
        ));
    }
    if let Some(members) = &d.members {
        s.push_str(&format!(
            ", {}",
            count(members.members.len(), "member", "members")
        ));
    }
    if !problems.is_empty() {
        s.push_str(&format!(
            " ({})",
            count(problems.len(), "warning", "warnings")
        ));
    }
    s
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
