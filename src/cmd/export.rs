//! `medtrio export --out DIR`: every agenda, the calendar, the lists, the prompts and an
//! index page with the roadmap, for CI to publish. Two runs on the same data give the same bytes.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;

use anyhow::Result;

use crate::cli::{DocFormat, ExportArgs, TableFormat, TableOutput};
use crate::cmd::outdir::{MANIFEST, OutDir};
use crate::cmd::output::{Durability, write_file, write_file_streamed};
use crate::cmd::{Context, agenda::render_agenda, agenda::template_error, calendar::stamp_day};
use crate::error::Failure;
use crate::model::Catalog;
use crate::query::{Kind, Query};
use crate::render;
use crate::report::{agenda, calendar, list, site};

pub fn run(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let dir = &args.out;
    let outdir = OutDir::open(dir, args.force)?;
    // Every name this export may write is checked before the first write; the manifest lists
    // them (with the earlier export's) first, so that an interrupted run leaves no file that
    // the next run would take for a foreign one.
    let planned = planned_names(&catalog);
    outdir.check_planned(planned.iter().map(String::as_str))?;
    let mut listed: BTreeSet<&str> = planned.iter().map(String::as_str).collect();
    listed.extend(outdir.previous().iter().map(String::as_str));
    write_manifest(&outdir, listed)?;
    let html = ctx.html();
    let lang = ctx.lang;
    // Each file is written as soon as it is rendered, so memory stays near the size of the
    // data, whatever the number of agendas; only names are kept, for the index and manifest.
    let mut written: Vec<String> = Vec::new();
    let mut write = |name: String,
                     fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>|
     -> Result<()> {
        let path = outdir.checked_path(&name)?;
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
    outdir.remove_stale(&current);
    write_manifest(&outdir, current)?;

    writeln!(
        out,
        "exported {agenda_count} agendas (md and html), the calendar, 8 lists, the prompts and index.html to {} ({} files)",
        dir.display(),
        written.len()
    )?;
    Ok(())
}

/// Every name an export of this data may write, for the checks before the first write.
fn planned_names(catalog: &Catalog<'_>) -> Vec<String> {
    let mut names: Vec<String> = agenda::agenda_ids(catalog)
        .into_iter()
        .flat_map(|id| [format!("agendas/{id}.md"), format!("agendas/{id}.html")])
        .collect();
    names.push("calendar.ics".into());
    for list in ["meetings", "roadmap", "findings", "prompts"] {
        names.push(format!("lists/{list}.json"));
        names.push(format!("lists/{list}.csv"));
    }
    names.push("prompts.md".into());
    names.push("index.html".into());
    names
}

/// Writes the manifest: the names medtrio wrote in the folder, one a line.
fn write_manifest<'a>(outdir: &OutDir, names: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let text: String = names.into_iter().map(|n| format!("{n}\n")).collect();
    write_file(&outdir.root().join(MANIFEST), text.as_bytes(), true)
}
