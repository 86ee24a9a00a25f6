//! `medtrio agenda ID`: a meeting's agenda as text, Markdown, HTML or JSON.

use std::io::Write;

use anyhow::Result;

use crate::cli::AgendaArgs;
use crate::cmd::output::Request;
use crate::cmd::{Context, agenda_error, write};
use crate::model::Catalog;
use crate::model::when::iso;
use crate::render::Document;
use crate::report::agenda::{self, AgendaOptions};

pub fn run(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<()> {
    if args.issue {
        return issue(ctx, args, out);
    }
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

/// `--issue`: the agenda as computed today becomes the meeting's own data.
fn issue(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<()> {
    write::data_dir(&ctx.source)?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let id = args.id.as_str();
    let change = write::freeze(&loaded, &catalog, id, ctx.today)?;
    let what = format!(
        "{}: the agenda of `{id}` issued on {}: its items, numbers and times stand as they are now",
        change.path.display(),
        iso(ctx.today)
    );
    write::apply(ctx, &[change], &what, args.dry_run, out)
}
