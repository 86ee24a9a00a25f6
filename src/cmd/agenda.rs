//! `medtrio agenda ID`: a meeting's agenda as text, Markdown, HTML or JSON.

use std::io::Write;

use anyhow::Result;

use crate::cli::AgendaArgs;
use crate::cmd::{Context, output, unknown_id};
use crate::error::Failure;
use crate::model::Catalog;
use crate::render::Document;
use crate::report::agenda::{self, AgendaError, AgendaOptions};

pub fn run(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<()> {
    let format = args.doc.chosen_format()?;
    ctx.check_binary(format, args.doc.output.as_deref())?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let options = AgendaOptions {
        start: args.start,
        minutes: args.minutes.map(i64::from),
        with_notes: args.with_notes,
    };
    let agenda = agenda::agenda(&catalog, &args.id, ctx.lang, options)
        .map_err(|e| explain(&catalog, &args.id, e))?;
    let renderer = ctx.renderer(false)?.with_created(ctx.stamp_day(&catalog));
    let mut bytes = Vec::new();
    ctx.render(&renderer, &Document::Agenda(&agenda), format, &mut bytes)?;
    output::emit(args.doc.output.as_deref(), args.doc.force, &bytes, out)
}

fn explain(catalog: &Catalog<'_>, id: &str, e: AgendaError) -> anyhow::Error {
    match e {
        AgendaError::NotAMeeting(_) => match catalog.kind_of(id) {
            Some(kind) => Failure::usage_with_help(
                format!("`{id}` is a {kind}, not a meeting"),
                "give the id of a meeting, or of a roadmap activity that is a meeting; `medtrio list meetings` and `medtrio list roadmap` show them",
            ),
            None => unknown_id(id, &catalog.agenda_ids()),
        }
        .into(),
        // Data that validates fits by the same rule, so only --minutes or --start can fail it.
        AgendaError::Timing(_) => {
            Failure::usage_with_help(e.to_string(), "choose another --minutes or --start").into()
        }
        AgendaError::NoItems { .. } => {
            Failure::operation(e.to_string(), "add `items:` or `template:` to it in the data").into()
        }
    }
}
