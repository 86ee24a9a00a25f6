//! `medtrio prompts`: dialogue prompts, filtered and picked, each with where it comes from.

use std::io::Write;

use anyhow::Result;

use crate::error::Failure;

use crate::cli::{PromptFormat, PromptsArgs, TableFormat, TableOutput};
use crate::cmd::{Context, agenda::template_error, output, write_table};
use crate::model::Catalog;
use crate::query::{Kind, Query};
use crate::render;
use crate::report::{list, prompts};

pub fn run(ctx: &Context, args: &PromptsArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let query = Query::from_flags(&args.filters, &catalog, ctx.today)?.with_origin(args.origin);
    query.check_applies_to(Kind::Prompts)?;
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
    let format = args.format.unwrap_or(
        if args
            .output
            .as_ref()
            .is_some_and(|p| p.extension().is_some_and(|e| e == "html"))
        {
            PromptFormat::Cards
        } else {
            PromptFormat::Table
        },
    );
    if args.excel && format != PromptFormat::Csv {
        return Err(Failure::usage("--excel applies only to --format csv").into());
    }
    let mut bytes = Vec::new();
    match format {
        PromptFormat::Cards => {
            let sheets = prompts::cards(&rows, &catalog, ctx.lang);
            bytes = ctx
                .html()
                .render("cards.html", &sheets)
                .map_err(template_error)?
                .into_bytes();
        }
        PromptFormat::Md => render::prompts::markdown(&rows, &catalog, ctx.lang, &mut bytes)?,
        PromptFormat::Txt => render::prompts::text(&rows, &catalog, ctx.lang, &mut bytes)?,
        PromptFormat::Table | PromptFormat::Json | PromptFormat::Csv => {
            let table_format = match format {
                PromptFormat::Json => TableFormat::Json,
                PromptFormat::Csv => TableFormat::Csv,
                _ => TableFormat::Table,
            };
            let output = TableOutput {
                format: table_format,
                excel: args.excel,
            };
            write_table(ctx, &output, &list::ListReport::Prompts(rows), &mut bytes)?;
        }
    }
    output::emit(args.output.as_deref(), args.force, &bytes, out)
}
