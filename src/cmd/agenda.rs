//! `medtrio agenda ID`: a meeting's agenda as text, Markdown, HTML or JSON.

use std::io::Write;

use anyhow::Result;

use crate::cli::AgendaArgs;
use crate::cmd::output::{Output, Request};
use crate::cmd::{Context, agenda_error, write};
use crate::error::Failure;
use crate::model::Catalog;
use crate::model::when::iso;
use crate::render::Document;
use crate::render::{Format, Renderer, pdf};
use crate::report::agenda::Agenda;
use crate::report::agenda::{self, AgendaOptions};

pub fn run(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<()> {
    if args.issue {
        ctx.refuse_public("agenda --issue")?;
        return issue(ctx, args, out);
    }
    let output = Request::doc(&args.doc, "dagsorden").open()?;
    if args.with_attachments && output.format() != Format::Pdf {
        return Err(Failure::usage_with_help(
            format!(
                "--with-attachments makes one PDF, not {}",
                output.format().extension()
            ),
            "give -o FILE.pdf (or --format pdf)",
        )
        .into());
    }
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
    if args.with_attachments {
        return combined(ctx, &renderer, &output, &agenda, out);
    }
    output.write(ctx, &renderer, &Document::Agenda(&agenda), out)
}

/// `--with-attachments`: the agenda's PDF followed by its PDF attachments, as one PDF.
fn combined(
    ctx: &Context,
    renderer: &Renderer,
    output: &Output<'_>,
    agenda: &Agenda,
    out: &mut dyn Write,
) -> Result<()> {
    let mut pdf = Vec::new();
    ctx.render(renderer, &Document::Agenda(agenda), Format::Pdf, &mut pdf)?;
    let agenda_pages = crate::load::attachments::pdf_pages(pdf.clone()).unwrap_or(1);
    let w = ctx.lang.words();
    let mut appended = Vec::new();
    for a in agenda.attachments() {
        let (Some(path), Some(pages)) = (&a.path, a.pages) else {
            continue;
        };
        let bytes = crate::load::attachments::read(path).map_err(|e| {
            Failure::operation(
                format!("cannot read the attachment `{}`: {e}", a.file),
                "check the file, then run the command again",
            )
        })?;
        appended.push(pdf::Appended {
            pdf: bytes,
            label: format!("{} {}: {}", w.attachment, a.number, a.title),
            stamps: (1..=pages)
                .map(|n| {
                    format!(
                        "{} {} · {} {n} {} {pages}",
                        w.attachment, a.number, w.one_page, w.page_of
                    )
                })
                .collect(),
        });
    }
    let title = format!("{} – {}", agenda.kind_word(), agenda.title);
    let mut bytes = Vec::new();
    pdf::combine(
        &title,
        pdf,
        agenda_pages,
        &title,
        appended,
        renderer.settings().created,
        &mut bytes,
    )
    .map_err(|e| {
        Failure::operation(
            e.to_string(),
            "an attachment's PDF could not be placed; open it and save it again as PDF",
        )
    })?;
    output.write_bytes(&bytes, out)
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
