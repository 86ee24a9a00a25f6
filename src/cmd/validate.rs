//! `medtrio validate`: every problem in the data, then a one-line summary.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ValidateArgs, ValidateFormat};
use crate::cmd::Context;
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::load;

pub fn run(ctx: &Context, args: &ValidateArgs, out: &mut dyn Write) -> Result<()> {
    let (loaded, problems) = match load::load(&ctx.source) {
        Ok(loaded) => {
            let problems = crate::validate::validate(&loaded);
            (Some(loaded), problems)
        }
        Err(problems) => (None, problems),
    };
    let errors = problems.iter().filter(|d| d.is_error()).count();
    match args.format {
        ValidateFormat::Text => {
            let mut err = anstream::stderr().lock();
            for d in &problems {
                write!(err, "{}", d.render())?;
            }
        }
        ValidateFormat::Json => {
            crate::render::json::render(&problems, out)?;
        }
        ValidateFormat::Github => {
            for d in &problems {
                writeln!(out, "{}", d.render_github())?;
            }
        }
    }
    out.flush()?;
    if errors > 0 {
        return Err(Failure::InvalidData { errors }.into());
    }
    if args.format == ValidateFormat::Text {
        if let Some(loaded) = loaded {
            writeln!(out, "ok: {}", summary(&loaded, &problems))?;
        }
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
