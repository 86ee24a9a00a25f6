//! `medtrio export --out DIR`: every agenda, the calendar, the lists, the prompts and an
//! index page with the roadmap, for CI to publish. Two runs on the same data give the same bytes.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::{DocFormat, ExportArgs, TableFormat, TableOutput};
use crate::cmd::{
    Context, agenda::render_agenda, agenda::template_error, calendar::stamp_day, output::write_file,
};
use crate::error::Failure;
use crate::model::Catalog;
use crate::query::{Kind, Query};
use crate::render;
use crate::report::{agenda, calendar, list, site};

/// The file in DIR that lists what medtrio wrote, so that --force replaces only those.
const MANIFEST: &str = ".medtrio-export";

pub fn run(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let dir = &args.out;
    let previous = prepare_dir(dir, args.force)?;
    let html = ctx.html();
    let lang = ctx.lang;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();

    let mut agendas = Vec::new();
    for id in agenda::agenda_ids(&catalog) {
        match agenda::agenda(&catalog, id, lang, agenda::AgendaOptions::default()) {
            Ok(a) => agendas.push(a),
            Err(e) => {
                writeln!(anstream::stderr().lock(), "note: no agenda for `{id}`: {e}")?;
            }
        }
    }
    for a in &agendas {
        files.push((
            format!("agendas/{}.md", a.id),
            render_agenda(a, DocFormat::Md, &html)?,
        ));
        files.push((
            format!("agendas/{}.html", a.id),
            render_agenda(a, DocFormat::Html, &html)?,
        ));
    }

    let all = Query::all();
    let report = calendar::calendar(&catalog, &all, lang, stamp_day(ctx, &catalog));
    files.push((
        "calendar.ics".into(),
        render::ics::render(&report).into_bytes(),
    ));

    for (kind, name) in [
        (Kind::Meetings, "meetings"),
        (Kind::Roadmap, "roadmap"),
        (Kind::Findings, "findings"),
        (Kind::Prompts, "prompts"),
    ] {
        let rows = list::list(&catalog, &all, kind)?;
        for (format, ext) in [(TableFormat::Json, "json"), (TableFormat::Csv, "csv")] {
            let mut bytes = Vec::new();
            let output = TableOutput {
                format,
                excel: false,
            };
            crate::cmd::write_table(ctx, &output, &rows, &mut bytes)?;
            files.push((format!("lists/{name}.{ext}"), bytes));
        }
    }
    let mut prompts = Vec::new();
    render::prompts::markdown(&list::prompts(&catalog, &all), &catalog, lang, &mut prompts)?;
    files.push(("prompts.md".into(), prompts));

    let links = files
        .iter()
        .filter(|(name, _)| !name.starts_with("agendas/"))
        .map(|(name, _)| site::FileLink {
            label: name.clone(),
            href: name.clone(),
        })
        .collect();
    let page = site::index_page(&catalog, &agendas, links, ctx.today, lang);
    files.push((
        "index.html".into(),
        html.render("index.html", &page)
            .map_err(template_error)?
            .into_bytes(),
    ));

    for (name, bytes) in &files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Failure::operation(
                    format!("cannot create the folder `{}`: {e}", parent.display()),
                    "check the permissions of the output folder",
                )
            })?;
        }
        write_file(&path, bytes, true)?;
    }
    // Files of an earlier export that this one no longer writes.
    let written: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for stale in previous.iter().filter(|p| !written.contains(p.as_str())) {
        let _ = fs::remove_file(dir.join(stale));
    }
    let manifest: String = files.iter().map(|(n, _)| format!("{n}\n")).collect();
    write_file(&dir.join(MANIFEST), manifest.as_bytes(), true)?;

    writeln!(
        out,
        "exported {} agendas (md and html), the calendar, 8 lists, the prompts and index.html to {} ({} files)",
        agendas.len(),
        dir.display(),
        files.len()
    )?;
    Ok(())
}

/// Makes sure DIR exists and may be written; returns the files an earlier export wrote.
fn prepare_dir(dir: &Path, force: bool) -> Result<Vec<String>> {
    if dir.is_file() {
        return Err(Failure::operation(
            format!("`{}` is a file", dir.display()),
            "give --out a folder",
        )
        .into());
    }
    if !dir.exists() {
        fs::create_dir_all(dir).map_err(|e| {
            Failure::operation(
                format!("cannot create `{}`: {e}", dir.display()),
                "check that the parent folder exists and can be written",
            )
        })?;
        return Ok(Vec::new());
    }
    let non_empty = fs::read_dir(dir)?.next().is_some();
    if non_empty && !force {
        return Err(Failure::operation(
            format!("`{}` is not empty", dir.display()),
            "add --force to replace the files an earlier export wrote there; other files are kept",
        )
        .into());
    }
    Ok(fs::read_to_string(dir.join(MANIFEST))
        .map(|m| {
            m.lines()
                .filter(|l| !l.is_empty() && !l.contains(".."))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default())
}
