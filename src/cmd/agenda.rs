//! `medtrio agenda ID`: a meeting's agenda as text, Markdown, HTML or JSON.

use std::io::Write;

use anyhow::Result;

use crate::cli::AgendaArgs;
use crate::cmd::output::Request;
use crate::cmd::{Context, agenda_error};
use crate::model::Catalog;
use crate::render::Document;
use crate::report::agenda::{self, AgendaOptions};

pub fn run(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<()> {
    let output = Request::doc(&args.doc, "dagsorden").open()?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let options = AgendaOptions {
        start: args.start,
        minutes: args.minutes.map(i64::from),
        with_notes: args.with_notes,
        today: Some(ctx.today),
    };
    let agenda = agenda::agenda(&catalog, &args.id, ctx.lang, options)
        .map_err(|e| agenda_error(&catalog, &args.id, e))?;
    let renderer = ctx.renderer(false)?.with_created(ctx.stamp_day(&catalog));
    output.write(ctx, &renderer, &Document::Agenda(&agenda), out)
}
