//! `medtrio prompts`: dialogue prompts, filtered and picked, each with where it comes from.

use std::io::Write;

use anyhow::Result;

use crate::cli::PromptsArgs;
use crate::cmd::Context;
use crate::cmd::output::Request;
use crate::model::{Catalog, Kind};
use crate::query::Query;
use crate::render::{Document, Format, offered};
use crate::report::{list, prompts};

pub fn run(ctx: &Context, args: &PromptsArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::new(
        args.format,
        args.output.as_deref(),
        args.force,
        offered::PROMPTS,
        Format::Table,
        "samtalekort",
    )
    .excel(args.excel)
    .open()?;
    let format = output.format();
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query =
        Query::parse(&(&args.filters).into(), &catalog, ctx.today)?.with_origin(args.origin);
    query.check_applies_to(Kind::Prompt)?;
    let mut rows = list::prompts(&catalog, &query);
    if let Some(count) = args.count {
        let seed = args.seed.unwrap_or_else(|| {
            let seed = chrono::Utc::now().timestamp_subsec_nanos().into();
            let _ = writeln!(
                anstream::stderr().lock(),
                "note: picked with --seed {seed}; give it again to get the same prompts"
            );
            seed
        });
        rows = prompts::pick(rows, count, seed, &catalog.theme_ids());
    }
    let renderer = ctx
        .renderer(output.excel())?
        .with_created(ctx.stamp_day(&catalog));
    match format {
        Format::Cards => {
            let cards = prompts::cards(&prompts::sheet(&rows, &catalog, ctx.lang));
            output.write(ctx, &renderer, &Document::Cards(&cards), out)
        }
        Format::Md | Format::Txt | Format::Docx | Format::Pdf => {
            let sheet = prompts::sheet(&rows, &catalog, ctx.lang);
            output.write(ctx, &renderer, &Document::Prompts(&sheet), out)
        }
        _ => {
            let report = list::ListReport::Prompts(rows);
            output.write(ctx, &renderer, &Document::List(&report), out)
        }
    }
}
