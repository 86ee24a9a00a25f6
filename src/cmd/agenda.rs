//! `medtrio agenda ID`: a meeting's agenda as text, Markdown, HTML or JSON.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::{AgendaArgs, DocFormat};
use crate::cmd::{Context, output, show::unknown_id};
use crate::error::Failure;
use crate::model::Catalog;
use crate::render::{self, html::HtmlRenderer};
use crate::report::agenda::{self, Agenda, AgendaError, AgendaOptions};

pub fn run(ctx: &Context, args: &AgendaArgs, out: &mut dyn Write) -> Result<()> {
    let format = DocFormat::resolve(args.doc.format, args.doc.output.as_deref())?;
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let options = AgendaOptions {
        start: args.start,
        minutes: args.minutes.map(i64::from),
    };
    let agenda = agenda::agenda(&catalog, &args.id, ctx.lang, options)
        .map_err(|e| explain(&catalog, &args.id, e))?;
    let bytes = render_agenda(&agenda, format, &ctx.html())?;
    output::emit(args.doc.output.as_deref(), args.doc.force, &bytes, out)
}

/// Renders an agenda in any document format.
pub fn render_agenda(agenda: &Agenda, format: DocFormat, html: &HtmlRenderer) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match format {
        DocFormat::Md => render::agenda::markdown(agenda, &mut bytes)?,
        DocFormat::Txt => render::agenda::text(agenda, &mut bytes)?,
        DocFormat::Json => render::json::render(agenda, &mut bytes)?,
        DocFormat::Html => {
            bytes = html
                .render("agenda.html", agenda)
                .map_err(template_error)?
                .into_bytes()
        }
    }
    Ok(bytes)
}

/// A template error, with the template's own line when it has one.
pub fn template_error(e: minijinja::Error) -> anyhow::Error {
    let place = match (e.name(), e.line()) {
        (Some(name), Some(line)) => format!("{name}:{line}: "),
        (Some(name), None) => format!("{name}: "),
        _ => String::new(),
    };
    Failure::operation(
        format!("{place}the template cannot be rendered: {}", e.detail().unwrap_or(&e.kind().to_string())),
        "check the template given with --templates; the built-in ones are in templates/ of medtrio's source",
    )
    .into()
}

fn explain(catalog: &Catalog<'_>, id: &str, e: AgendaError) -> anyhow::Error {
    match e {
        AgendaError::NotAMeeting(_) => match crate::report::show::show(catalog, id, crate::lang::Lang::En) {
            Some(detail) => Failure::usage_with_help(
                format!("`{id}` is a {}, not a meeting", detail.kind),
                "give the id of a meeting, or of a roadmap activity that is a meeting; `medtrio list meetings` and `medtrio list roadmap` show them",
            ),
            None => unknown_id(id, &agenda::agenda_ids(catalog)),
        }
        .into(),
        AgendaError::TooShort { .. } | AgendaError::PastMidnight { .. } => {
            Failure::usage_with_help(e.to_string(), "choose another --minutes or --start").into()
        }
        AgendaError::NoItems { .. } => {
            Failure::operation(e.to_string(), "add `items:` or `template:` to it in the data").into()
        }
    }
}

impl DocFormat {
    /// The format from --format, else from the extension of -o, else plain text.
    pub fn resolve(format: Option<DocFormat>, output: Option<&Path>) -> Result<DocFormat, Failure> {
        if let Some(format) = format {
            return Ok(format);
        }
        let Some(path) = output else {
            return Ok(DocFormat::Txt);
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Ok(DocFormat::Md),
            "txt" | "text" => Ok(DocFormat::Txt),
            "html" | "htm" => Ok(DocFormat::Html),
            "json" => Ok(DocFormat::Json),
            _ => Err(Failure::usage_with_help(
                format!(
                    "cannot tell the format of `{}` from its extension",
                    path.display()
                ),
                "name the file .md, .txt, .html or .json, or give --format",
            )),
        }
    }
}
