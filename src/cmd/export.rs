//! `medtrio export --out DIR`: every agenda, the calendar, the lists, the prompts and an
//! index page with the roadmap, for CI to publish. Two runs on the same data give the same bytes.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::cli::{DocFormat, ExportArgs, TableFormat, TableOutput};
use crate::cmd::output::{Durability, write_file, write_file_streamed};
use crate::cmd::{Context, agenda::render_agenda, agenda::template_error, calendar::stamp_day};
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
    // Each file is written as soon as it is rendered, so memory stays near the size of the
    // data, whatever the number of agendas; only names are kept, for the index and manifest.
    let mut written: Vec<String> = Vec::new();
    let mut write = |name: String,
                     fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>|
     -> Result<()> {
        let path = dir.join(&name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Failure::operation(
                    format!("cannot create the folder `{}`: {e}", parent.display()),
                    "check the permissions of the output folder",
                )
            })?;
        }
        write_file_streamed(&path, true, Durability::Atomic, fill).map_err(|e| {
            // Each file is replaced atomically, but the export as a whole is not: say what
            // is already in place rather than "nothing was changed".
            match e.downcast::<Failure>() {
                Ok(Failure::Operation { message, .. }) if !written.is_empty() => {
                    Failure::operation(
                        message,
                        format!(
                            "the {} files before it are written; fix the folder and run the export again",
                            written.len()
                        ),
                    )
                    .into()
                }
                Ok(other) => other.into(),
                Err(e) => e,
            }
        })?;
        written.push(name);
        Ok(())
    };

    let mut links = Vec::new();
    for id in agenda::agenda_ids(&catalog) {
        match agenda::agenda(&catalog, id, lang, agenda::AgendaOptions::default()) {
            Ok(a) => {
                write(format!("agendas/{}.md", a.id), &mut |out| {
                    Ok(out.write_all(&render_agenda(&a, DocFormat::Md, &html)?)?)
                })?;
                write(format!("agendas/{}.html", a.id), &mut |out| {
                    Ok(out.write_all(&render_agenda(&a, DocFormat::Html, &html)?)?)
                })?;
                links.push(site::AgendaLink::of(&a));
            }
            Err(e) => writeln!(anstream::stderr().lock(), "note: no agenda for `{id}`: {e}")?,
        }
    }

    let all = Query::all();
    let mut files = Vec::new();
    let report = calendar::calendar(&catalog, &all, lang, stamp_day(ctx, &catalog));
    write("calendar.ics".into(), &mut |out| {
        Ok(render::ics::render(&report, out)?)
    })?;
    drop(report);
    files.push("calendar.ics".to_owned());
    for (kind, name) in [
        (Kind::Meetings, "meetings"),
        (Kind::Roadmap, "roadmap"),
        (Kind::Findings, "findings"),
        (Kind::Prompts, "prompts"),
    ] {
        let rows = list::list(&catalog, &all, kind)?;
        for (format, ext) in [(TableFormat::Json, "json"), (TableFormat::Csv, "csv")] {
            let output = TableOutput {
                format,
                excel: false,
            };
            write(format!("lists/{name}.{ext}"), &mut |out| {
                crate::cmd::write_table(ctx, &output, &rows, out)
            })?;
            files.push(format!("lists/{name}.{ext}"));
        }
    }
    write("prompts.md".into(), &mut |out| {
        Ok(render::prompts::markdown(
            &list::prompts(&catalog, &all),
            &catalog,
            lang,
            out,
        )?)
    })?;
    files.push("prompts.md".to_owned());

    let file_links = files
        .iter()
        .map(|f| site::FileLink {
            label: f.clone(),
            href: f.clone(),
        })
        .collect();
    let agenda_count = links.len();
    let page = site::index_page(&catalog, links, file_links, ctx.today, lang);
    write("index.html".into(), &mut |out| {
        Ok(out.write_all(
            html.render("index.html", &page)
                .map_err(template_error)?
                .as_bytes(),
        )?)
    })?;

    // Files of an earlier export that this one no longer writes.
    let current: BTreeSet<&str> = written.iter().map(String::as_str).collect();
    for stale in previous.iter().filter(|p| !current.contains(p.as_str())) {
        let _ = fs::remove_file(dir.join(stale));
    }
    let manifest: String = written.iter().map(|n| format!("{n}\n")).collect();
    write_file(&dir.join(MANIFEST), manifest.as_bytes(), true)?;

    writeln!(
        out,
        "exported {agenda_count} agendas (md and html), the calendar, 8 lists, the prompts and index.html to {} ({} files)",
        dir.display(),
        written.len()
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
