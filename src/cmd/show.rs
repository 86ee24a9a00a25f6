//! `medtrio show ID`: one thing of any kind, with its links.

use std::io::Write;

use anyhow::Result;

use crate::cli::{ShowArgs, ShowFormat};
use crate::cmd::Context;
use crate::diagnostic::backticked;
use crate::error::Failure;
use crate::model::Catalog;
use crate::report::show;

pub fn run(ctx: &Context, args: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let Some(detail) = show::show(&catalog, &args.id, ctx.lang) else {
        return Err(unknown_id(&args.id, &show::all_ids(&catalog)).into());
    };
    match args.format {
        ShowFormat::Text => crate::render::text::render_detail(&detail, out)?,
        ShowFormat::Json => crate::render::json::render(&detail, out)?,
    }
    Ok(())
}

/// "unknown id" with the nearest ids, shared by the commands that take an id.
pub fn unknown_id(id: &str, ids: &[&str]) -> Failure {
    let wanted = id.to_lowercase();
    let mut scored: Vec<(f64, &str)> = ids
        .iter()
        .map(|c| {
            let score = strsim::normalized_damerau_levenshtein(&wanted, &c.to_lowercase());
            let bonus = if c.contains(wanted.as_str()) && wanted.len() >= 3 {
                0.3
            } else {
                0.0
            };
            (score + bonus, *c)
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let near: Vec<&str> = scored.into_iter().take(3).map(|(_, c)| c).collect();
    let help = if near.is_empty() {
        "`medtrio list meetings`, `list roadmap`, `list findings` and `list prompts` show the ids"
            .to_owned()
    } else {
        format!("did you mean {}?", backticked(near))
    };
    Failure::usage_with_help(format!("unknown id `{id}`"), help)
}
