//! `medtrio export --out DIR`: every agenda, the calendar, the lists, the prompts and an
//! index page with the roadmap, for CI to publish. Two runs on the same data give the same bytes.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;

use anyhow::Result;

use crate::cli::ExportArgs;
use crate::cmd::Context;
use crate::cmd::outdir::{MANIFEST, OutDir};
use crate::cmd::output::{Durability, write_file, write_file_streamed};
use crate::error::Failure;
use crate::model::{Catalog, Kind};
use crate::query::Query;
use crate::render::{Document, Format, Renderer};
use crate::report::list::ListReport;
use crate::report::{actions, agenda, calendar, cycle, decisions, list, minutes, prompts, site};

/// The annual cycle's wheel, when the data has a cycle.
const CYCLE_PAGE: &str = "cycle.html";

/// The lists the export writes, each as JSON and CSV.
const LISTS: [(Kind, &str); 4] = [
    (Kind::Meeting, "meetings"),
    (Kind::Activity, "roadmap"),
    (Kind::Finding, "findings"),
    (Kind::Prompt, "prompts"),
];

pub fn run(ctx: &Context, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    let loaded = ctx.load_checked()?;
    let catalog = Catalog::new(&loaded.dataset);
    let outdir = OutDir::open(&args.out, args.force)?;
    // Every name this export may write is checked before the first write; the manifest lists
    // them (with the earlier export's) first, so that an interrupted run leaves no file that
    // the next run would take for a foreign one.
    let planned = planned_names(&catalog, &args.documents);
    outdir.check_planned(planned.iter().map(String::as_str))?;
    let mut listed: BTreeSet<&str> = planned.iter().map(String::as_str).collect();
    listed.extend(outdir.previous().iter().map(String::as_str));
    write_manifest(&outdir, listed)?;

    let mut export = Export {
        ctx,
        catalog: &catalog,
        renderer: ctx
            .renderer(false)?
            .for_site()
            .with_created(ctx.stamp_day(&catalog)),
        documents: &args.documents,
        files: Files {
            outdir: &outdir,
            written: Vec::new(),
        },
    };
    let (links, referater) = export.agendas()?;
    let agenda_count = links.len();
    let mut files = export.data_files()?;
    let open = export.minutes_files(&mut files)?;
    let wheel = export.wheel()?;
    export.index(links, files, open, wheel)?;

    // Files of an earlier export that this one no longer writes.
    let written = export.files.written;
    let current: BTreeSet<&str> = written.iter().map(String::as_str).collect();
    outdir.remove_stale(&current);
    write_manifest(&outdir, current)?;
    let minutes = if catalog.data.minutes.is_empty() {
        String::new()
    } else {
        let fora = minutes_fora(&catalog).len();
        format!(
            ", {referater} referater (md and html), the action points (json and csv), {fora} decision {}",
            if fora == 1 { "list" } else { "lists" }
        )
    };
    writeln!(
        out,
        "exported {agenda_count} agendas (md and html){minutes}, the calendar, 8 lists, the prompts{} and index.html to {} ({} files)",
        if catalog.data.cycle.is_some() {
            ", the annual cycle"
        } else {
            ""
        },
        args.out.display(),
        written.len()
    )?;
    Ok(())
}

/// The fora whose meetings have minutes, each with a decision list of its own.
fn minutes_fora<'a>(catalog: &Catalog<'a>) -> BTreeSet<&'a str> {
    catalog
        .data
        .minutes
        .iter()
        .filter_map(|m| catalog.forum_of(&m.meeting))
        .collect()
}

/// An export under way: each file is written as soon as it is rendered, so memory stays near
/// the size of the data, whatever the number of agendas; only names are kept.
struct Export<'a> {
    ctx: &'a Context,
    catalog: &'a Catalog<'a>,
    renderer: Renderer,
    /// The print formats written beside each agenda's Markdown and HTML.
    documents: &'a [Format],
    files: Files<'a>,
}

/// The files written so far, in the checked output folder.
struct Files<'a> {
    outdir: &'a OutDir,
    written: Vec<String>,
}

impl Files<'_> {
    fn write(
        &mut self,
        name: String,
        fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let path = self.outdir.checked_path(&name)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Failure::operation(
                    format!("cannot create the folder `{}`: {e}", parent.display()),
                    "check the permissions of the output folder",
                )
            })?;
        }
        let done = self.written.len();
        write_file_streamed(&path, true, Durability::Atomic, fill).map_err(|e| {
            // Each file is replaced atomically, but the export as a whole is not: say what
            // is already in place rather than "nothing was changed".
            match e.downcast::<Failure>() {
                Ok(Failure::Operation { message, .. }) if done > 0 => Failure::operation(
                    message,
                    format!(
                        "the {done} files before it are written; fix the folder and run the export again"
                    ),
                )
                .into(),
                Ok(other) => other.into(),
                Err(e) => e,
            }
        })?;
        self.written.push(name);
        Ok(())
    }
}

impl Export<'_> {
    /// Renders `doc` as `format` into the file `name`.
    fn file(&mut self, name: String, doc: &Document<'_>, format: Format) -> Result<()> {
        let (ctx, renderer) = (self.ctx, &self.renderer);
        self.files
            .write(name, &mut |out| ctx.render(renderer, doc, format, out))
    }

    /// Every agenda as Markdown and HTML, and the referat of each meeting with minutes, built
    /// from the same agenda; the links for the index, and the number of referater.
    fn agendas(&mut self) -> Result<(Vec<site::AgendaLink>, usize)> {
        let (catalog, lang) = (self.catalog, self.ctx.lang);
        let options = agenda::AgendaOptions {
            today: Some(self.ctx.today),
            ..Default::default()
        };
        let mut links = Vec::new();
        let mut referater = 0;
        for id in catalog.agenda_ids() {
            match agenda::agenda(catalog, id, lang, options) {
                Ok(a) => {
                    let doc = Document::Agenda(&a);
                    self.file(format!("agendas/{}.md", a.id), &doc, Format::Md)?;
                    self.file(format!("agendas/{}.html", a.id), &doc, Format::Html)?;
                    for format in self.documents {
                        let name = format!("agendas/{}.{}", a.id, format.extension());
                        self.file(name, &doc, *format)?;
                    }
                    let mut link = site::AgendaLink::of(&a, self.ctx.today);
                    if catalog.minutes_of(id).is_some() {
                        let r = minutes::referat_of(catalog, &a, lang)?;
                        let doc = Document::Referat(&r);
                        self.file(format!("minutes/{id}.md"), &doc, Format::Md)?;
                        self.file(format!("minutes/{id}.html"), &doc, Format::Html)?;
                        for format in self.documents {
                            let name = format!("minutes/{id}.{}", format.extension());
                            self.file(name, &doc, *format)?;
                        }
                        link.minutes = Some(format!("minutes/{id}.html"));
                        referater += 1;
                    }
                    links.push(link);
                }
                Err(e) => writeln!(anstream::stderr().lock(), "note: no agenda for `{id}`: {e}")?,
            }
        }
        Ok((links, referater))
    }

    /// The action points as JSON and CSV, and each forum's decision list; the open action
    /// points, for the index.
    fn minutes_files(&mut self, files: &mut Vec<String>) -> Result<Vec<site::OpenActionLink>> {
        let (ctx, catalog) = (self.ctx, self.catalog);
        if catalog.data.minutes.is_empty() {
            return Ok(Vec::new());
        }
        let all = Query::all().as_of(ctx.today);
        let rows = actions::actions(catalog, &all, &actions::ActionFilter::default(), ctx.today)?;
        let open = site::open_actions(&rows, ctx.lang);
        let report = ListReport::Actions(rows);
        for format in [Format::Json, Format::Csv] {
            let file = format!("lists/actions.{}", format.extension());
            self.file(file.clone(), &Document::List(&report), format)?;
            files.push(file);
        }
        let mut by_forum: std::collections::BTreeMap<&str, Vec<decisions::DecisionRow<'_>>> =
            minutes_fora(catalog)
                .into_iter()
                .map(|f| (f, Vec::new()))
                .collect();
        for row in decisions::decisions(catalog, &all)? {
            if let Some(list) = by_forum.get_mut(row.forum) {
                list.push(row);
            }
        }
        for (forum, rows) in by_forum {
            let report = ListReport::Decisions(rows);
            for format in [Format::Md, Format::Json, Format::Csv] {
                let file = format!("decisions/{forum}.{}", format.extension());
                self.file(file.clone(), &Document::List(&report), format)?;
                files.push(file);
            }
        }
        Ok(open)
    }

    /// The calendar, the lists and the prompts; their names, for the index.
    fn data_files(&mut self) -> Result<Vec<String>> {
        let (ctx, catalog) = (self.ctx, self.catalog);
        let all = Query::all().as_of(ctx.today);
        let mut files = Vec::new();
        let options = calendar::CalendarOptions { deadlines: true };
        let report = calendar::calendar(catalog, &all, ctx.lang, ctx.stamp_day(catalog), options);
        self.file(
            "calendar.ics".into(),
            &Document::Calendar(&report),
            Format::Ics,
        )?;
        drop(report);
        files.push("calendar.ics".to_owned());
        for (kind, name) in LISTS {
            let rows = list::list(catalog, &all, kind)?;
            for format in [Format::Json, Format::Csv] {
                let file = format!("lists/{name}.{}", format.extension());
                self.file(file.clone(), &Document::List(&rows), format)?;
                files.push(file);
            }
        }
        let sheet = prompts::sheet(&list::prompts(catalog, &all), catalog, ctx.lang);
        self.file("prompts.md".into(), &Document::Prompts(&sheet), Format::Md)?;
        files.push("prompts.md".to_owned());
        Ok(files)
    }

    /// The annual cycle's wheel for the year of today, when the data has a cycle.
    fn wheel(&mut self) -> Result<Option<site::FileLink>> {
        if self.catalog.data.cycle.is_none() {
            return Ok(None);
        }
        let (ctx, all) = (self.ctx, Query::all());
        let year = chrono::Datelike::year(&ctx.today);
        let report = cycle::cycle(self.catalog, &all, year, ctx.today, ctx.lang);
        self.file(CYCLE_PAGE.into(), &Document::Cycle(&report), Format::Html)?;
        Ok(Some(site::FileLink {
            label: format!("{} {year}", ctx.lang.words().cycle_heading),
            href: CYCLE_PAGE.to_owned(),
        }))
    }

    fn index(
        &mut self,
        agendas: Vec<site::AgendaLink>,
        files: Vec<String>,
        open_actions: Vec<site::OpenActionLink>,
        wheel: Option<site::FileLink>,
    ) -> Result<()> {
        let file_links = files
            .into_iter()
            .map(|f| site::FileLink {
                label: f.clone(),
                href: f,
            })
            .collect();
        let mut page = site::index_page(
            self.catalog,
            agendas,
            file_links,
            self.ctx.today,
            self.ctx.lang,
        );
        page.open_actions = open_actions;
        page.cycle = wheel;
        self.file("index.html".into(), &Document::Index(&page), Format::Html)
    }
}

/// Every name an export of this data may write, for the checks before the first write.
fn planned_names(catalog: &Catalog<'_>, documents: &[Format]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for id in catalog.agenda_ids() {
        names.push(format!("agendas/{id}.md"));
        names.push(format!("agendas/{id}.html"));
        for format in documents {
            names.push(format!("agendas/{id}.{}", format.extension()));
        }
    }
    names.push("calendar.ics".into());
    for (_, list) in LISTS {
        names.push(format!("lists/{list}.json"));
        names.push(format!("lists/{list}.csv"));
    }
    names.push("prompts.md".into());
    names.push("index.html".into());
    if catalog.data.cycle.is_some() {
        names.push(CYCLE_PAGE.into());
    }
    for m in &catalog.data.minutes {
        names.push(format!("minutes/{}.md", m.meeting.value));
        names.push(format!("minutes/{}.html", m.meeting.value));
        for format in documents {
            names.push(format!(
                "minutes/{}.{}",
                m.meeting.value,
                format.extension()
            ));
        }
    }
    if !catalog.data.minutes.is_empty() {
        names.push("lists/actions.json".into());
        names.push("lists/actions.csv".into());
    }
    for forum in minutes_fora(catalog) {
        for ext in ["md", "json", "csv"] {
            names.push(format!("decisions/{forum}.{ext}"));
        }
    }
    names
}

/// Writes the manifest: the names medtrio wrote in the folder, one a line.
fn write_manifest<'a>(outdir: &OutDir, names: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let text: String = names.into_iter().map(|n| format!("{n}\n")).collect();
    write_file(&outdir.root().join(MANIFEST), text.as_bytes(), true)
}
