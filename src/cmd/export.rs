//! `medtrio export --out DIR`: every agenda, the calendar, the lists, the prompts and an
//! index page with the roadmap, for CI to publish. Two runs on the same data give the same bytes.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::Result;

use crate::cli::ExportArgs;
use crate::cmd::outdir::{MANIFEST, OutDir};
use crate::cmd::output::{Durability, write_file, write_file_streamed};
use crate::cmd::{Context, committees, print_diagnostics};
use crate::error::Failure;
use crate::model::{Catalog, Kind};
use crate::query::{Filters, Query};
use crate::render::{Document, Format, Renderer};
use crate::report::list::ListReport;
use crate::report::rollup::{self, Scope};
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
    if let Some(root) = &args.tree {
        return run_tree(ctx, args, root, out);
    }
    // The public site unless told otherwise: the safe choice is the default.
    let loaded = ctx.load_checked_as(!args.internal)?;
    let catalog = Catalog::new(&loaded.dataset);
    let outdir = OutDir::open(&args.out, args.force)?;
    begin(&outdir, &planned_names(&catalog, &args.documents))?;
    let mut export = Export::new(
        ctx,
        &catalog,
        &args.documents,
        &outdir,
        String::new(),
        args.internal,
    )?;
    let done = export.all()?;
    print_notes(export.notes.iter())?;
    // The plan again, rather than kept beside all the export holds at its end.
    let planned = planned_names(&catalog, &args.documents);
    let current: BTreeSet<&str> = planned
        .iter()
        .map(String::as_str)
        .filter(|name| export.wrote(name))
        .collect();
    finish(&outdir, current)?;
    writeln!(
        out,
        "exported {}{}, the calendar, 8 lists, the prompts{} and index.html to {} ({} files)",
        done.agendas_text(),
        done.minutes_text(),
        if catalog.data.cycle.is_some() {
            ", the annual cycle"
        } else {
            ""
        },
        args.out.display(),
        export.files.written
    )?;
    say_version(args.internal, withheld(catalog.data), out)?;
    Ok(())
}

/// How many confidential items the public version shows as "Fortroligt punkt", or, in the
/// members' version, shows in full.
fn withheld(data: &crate::model::Dataset) -> usize {
    data.programme
        .meetings
        .iter()
        .flat_map(|m| &m.items)
        .filter(|i| i.confidential)
        .count()
}

/// Which version was written, when it matters: an internal export always, a public one
/// when it withheld something.
fn say_version(internal: bool, confidential: usize, out: &mut dyn Write) -> Result<()> {
    let items = if confidential == 1 { "item" } else { "items" };
    if internal {
        writeln!(
            out,
            "the internal version, with {confidential} confidential {items} in full: every page says \"Intern udgave\"; do not publish it"
        )?;
    } else if confidential > 0 {
        writeln!(
            out,
            "the public version: {confidential} confidential {items} shown as \"Fortroligt punkt\" and nothing else (--internal writes the members' version)"
        )?;
    }
    Ok(())
}

/// Before the first write: every name this export may write is checked, and the manifest
/// lists them (with the earlier export's), so that an interrupted run leaves no file that the
/// next run would take for a foreign one.
fn begin(outdir: &OutDir, planned: &[String]) -> Result<()> {
    outdir.check_planned(planned.iter().map(String::as_str))?;
    let mut listed: BTreeSet<&str> = planned.iter().map(String::as_str).collect();
    listed.extend(outdir.previous().iter().map(String::as_str));
    write_manifest(outdir, listed)
}

/// After the last write: the files of an earlier export that this one no longer wrote are
/// removed, and the manifest lists what was written.
fn finish(outdir: &OutDir, current: BTreeSet<&str>) -> Result<()> {
    outdir.remove_stale(&current);
    write_manifest(outdir, current)
}

/// `export --tree ROOT`: each committee's site in a folder of its own (its folder in the
/// tree; the root's own data under its id), and the rollup as the index. A broken folder is
/// reported and left out; the rest is exported.
fn run_tree(ctx: &Context, args: &ExportArgs, root: &Path, out: &mut dyn Write) -> Result<()> {
    let tree = committees::read(
        ctx,
        !args.internal,
        root,
        "--tree",
        "medtrio export --tree examples/kommune --out site",
    )?;
    print_diagnostics(&tree.problems);
    let committees = tree.committees();
    // Every folder broken: nothing to write.
    if committees.is_empty()
        && let Some(failure) = tree.left_out("the export", "the export")
    {
        return Err(failure.into());
    }
    let sites: Vec<String> = committees
        .iter()
        .map(|c| {
            if c.folder == "." {
                c.id.clone()
            } else {
                c.folder.clone()
            }
        })
        .collect();
    // A folder's name becomes a path of the site and a link on its index: one that no
    // browser or file system takes as it is is refused before anything is written.
    if let Some(site) = sites
        .iter()
        .find(|site| site.chars().any(|c| c == '\\' || c.is_control()))
    {
        return Err(Failure::operation(
            format!(
                "the committee's folder `{}` has a backslash or a control character in its name, so it cannot be a folder of the site",
                site.chars()
                    .map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() })
                    .collect::<String>()
            ),
            "rename the folder: letters, digits and hyphens, as the committee's id",
        )
        .into());
    }
    // Every name of every committee's site, checked before the first write; no two
    // committees may write one file.
    let mut planned: Vec<String> = TREE_FILES.iter().map(|f| (*f).to_owned()).collect();
    let mut ranges = Vec::new();
    for (c, site) in committees.iter().zip(&sites) {
        let start = planned.len();
        planned.extend(
            planned_names(&c.catalog, &args.documents)
                .into_iter()
                .map(|name| format!("{site}/{name}")),
        );
        ranges.push(start..planned.len());
    }
    let mut seen = BTreeSet::new();
    if let Some(twice) = planned.iter().find(|name| !seen.insert(name.as_str())) {
        return Err(Failure::operation(
            format!("two committees would write `{twice}`"),
            "give each committee a folder of its own, and the root's committee an id no folder has",
        )
        .into());
    }
    // Nor may one write a file where another needs a folder (a committee's folder named
    // `index.html` inside another committee's).
    for name in &planned {
        let folder = format!("{name}/");
        if let Some(inside) = seen.range(folder.as_str()..).next()
            && inside.starts_with(&folder)
        {
            return Err(Failure::operation(
                format!("`{name}` would be both a file of the site and the folder of `{inside}`"),
                "rename the committee's folder: a folder of the tree may not have the name of a file of the site (index.html, rollup.json, …)",
            )
            .into());
        }
    }
    drop(seen);
    let outdir = OutDir::open(&args.out, args.force)?;
    begin(&outdir, &planned)?;

    let (mut done, mut written) = (Done::default(), 0);
    // A note that many committees share (an inherited activity without an agenda) is told once.
    let mut notes: Vec<String> = Vec::new();
    let mut current: BTreeSet<&str> = TREE_FILES.iter().copied().collect();
    for ((c, site), range) in committees.iter().zip(&sites).zip(ranges) {
        let mut export = Export::new(
            ctx,
            &c.catalog,
            &args.documents,
            &outdir,
            format!("{site}/"),
            args.internal,
        )?;
        done.add(&export.all()?);
        written += export.files.written;
        for note in export.notes.drain(..) {
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        current.extend(
            planned[range]
                .iter()
                .map(String::as_str)
                .filter(|name| export.wrote(name)),
        );
    }
    let filters = Filters::default();
    let scope = Scope {
        filters: &filters,
        under: None,
        today: ctx.today,
        lang: ctx.lang,
        written: Vec::new(),
    };
    let mut report = rollup::rollup(&committees, tree.broken.clone(), &scope);
    let mut files = Files {
        outdir: &outdir,
        written: 0,
        prefix: String::new(),
    };
    let renderer = ctx.renderer(false)?.for_site().internal(args.internal);
    for (name, format) in [("rollup.json", Format::Json), ("rollup.csv", Format::Csv)] {
        let doc = Document::Rollup(&report);
        files.write(name.to_owned(), &mut |out| {
            ctx.render(&renderer, &doc, format, out)
        })?;
    }
    // The index links each committee to its site.
    for row in &mut report.committees {
        let site = if row.folder == "." {
            &row.id
        } else {
            &row.folder
        };
        row.page = Some(format!("{site}/index.html"));
    }
    let doc = Document::Rollup(&report);
    files.write("index.html".to_owned(), &mut |out| {
        ctx.render(&renderer, &doc, Format::Html, out)
    })?;
    written += files.written;
    finish(&outdir, current)?;
    print_notes(notes.iter())?;
    writeln!(
        out,
        "exported the rollup of {} {} (index.html, json and csv) and each committee's site ({}{}) to {} ({written} files)",
        committees.len(),
        if committees.len() == 1 {
            "committee"
        } else {
            "committees"
        },
        done.agendas_text(),
        done.minutes_text(),
        args.out.display(),
    )?;
    let closed = committees.iter().map(|c| withheld(c.catalog.data)).sum();
    say_version(args.internal, closed, out)?;
    if let Some(failure) = tree.left_out("the export", "the export") {
        out.flush()?;
        return Err(failure.into());
    }
    Ok(())
}

fn print_notes<'a>(notes: impl Iterator<Item = &'a String>) -> Result<()> {
    let mut err = anstream::stderr().lock();
    for note in notes {
        writeln!(err, "{note}")?;
    }
    Ok(())
}

/// The files of a tree's export beside the committees' folders.
const TREE_FILES: [&str; 3] = ["index.html", "rollup.json", "rollup.csv"];

/// What an export wrote, for its message.
#[derive(Default)]
struct Done {
    agendas: usize,
    referater: usize,
    /// The fora with a decision list, when any meeting has minutes.
    decision_lists: Option<usize>,
}

impl Done {
    fn add(&mut self, other: &Done) {
        self.agendas += other.agendas;
        self.referater += other.referater;
        if let Some(n) = other.decision_lists {
            *self.decision_lists.get_or_insert(0) += n;
        }
    }

    fn agendas_text(&self) -> String {
        format!("{} agendas (md and html)", self.agendas)
    }

    fn minutes_text(&self) -> String {
        match self.decision_lists {
            None => String::new(),
            Some(fora) => format!(
                ", {} referater (md and html), the action points (json and csv), {fora} decision {}",
                self.referater,
                if fora == 1 { "list" } else { "lists" }
            ),
        }
    }
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
    /// The meetings whose agenda could not be made, and so has no files.
    skipped: std::collections::HashSet<String>,
    /// What to tell the user once the files are written.
    notes: Vec<String>,
}

/// The files written so far, in the checked output folder; only their number is kept (the
/// names are the plan's).
struct Files<'a> {
    outdir: &'a OutDir,
    written: usize,
    /// The folder in the output folder that the names are in (`lmu-x/`), or nothing.
    prefix: String,
}

impl Files<'_> {
    fn write(
        &mut self,
        name: String,
        fill: &mut dyn FnMut(&mut dyn Write) -> Result<()>,
    ) -> Result<()> {
        let name = format!("{}{name}", self.prefix);
        let path = self.outdir.checked_path(&name)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Failure::operation(
                    format!("cannot create the folder `{}`: {e}", parent.display()),
                    "check the permissions of the output folder",
                )
            })?;
        }
        let done = self.written;
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
        self.written += 1;
        Ok(())
    }
}

impl<'a> Export<'a> {
    /// An export of `catalog` into `prefix` (a folder of the output folder, or nothing).
    fn new(
        ctx: &'a Context,
        catalog: &'a Catalog<'a>,
        documents: &'a [Format],
        outdir: &'a OutDir,
        prefix: String,
        internal: bool,
    ) -> Result<Self> {
        Ok(Export {
            ctx,
            catalog,
            renderer: ctx
                .renderer(false)?
                .for_site()
                .internal(internal)
                .with_created(ctx.stamp_day(catalog)),
            documents,
            files: Files {
                outdir,
                written: 0,
                prefix,
            },
            skipped: Default::default(),
            notes: Vec::new(),
        })
    }

    /// Every file of the site, the index last.
    fn all(&mut self) -> Result<Done> {
        let (links, referater) = self.agendas()?;
        let agendas = links.len();
        let mut files = self.data_files()?;
        let open = self.minutes_files(&mut files)?;
        let wheel = self.wheel()?;
        self.index(links, files, open, wheel)?;
        let catalog = self.catalog;
        Ok(Done {
            agendas,
            referater,
            decision_lists: (!catalog.data.minutes.is_empty()).then(|| minutes_fora(catalog).len()),
        })
    }

    /// Whether the planned file `name` (with the prefix) was written: every one was, but
    /// those of the agendas (and referater) that could not be made.
    fn wrote(&self, name: &str) -> bool {
        let name = name.strip_prefix(&self.files.prefix).unwrap_or(name);
        !self.skipped.contains(agenda_of(name).unwrap_or_default())
    }

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
        let ids = catalog.agenda_ids();
        let mut links = Vec::with_capacity(ids.len());
        let mut forums = std::collections::HashSet::new();
        let mut referater = 0;
        for id in ids {
            match agenda::agenda(catalog, id, lang, options) {
                Ok(mut a) => {
                    let copies = self.attachments(&mut a)?;
                    let doc = Document::Agenda(&a);
                    self.file(format!("agendas/{}.md", a.id), &doc, Format::Md)?;
                    self.file(format!("agendas/{}.html", a.id), &doc, Format::Html)?;
                    for format in self.documents {
                        let name = format!("agendas/{}.{}", a.id, format.extension());
                        self.file(name, &doc, *format)?;
                    }
                    let mut link = site::AgendaLink::of(&a, self.ctx.today);
                    link.attachments = copies;
                    link.share_forum(&mut forums);
                    if catalog.minutes_of(id).is_some() {
                        let r = minutes::referat_of(catalog, &a, lang)?;
                        let doc = Document::Referat(&r);
                        self.file(format!("minutes/{id}.md"), &doc, Format::Md)?;
                        self.file(format!("minutes/{id}.html"), &doc, Format::Html)?;
                        for format in self.documents {
                            let name = format!("minutes/{id}.{}", format.extension());
                            self.file(name, &doc, *format)?;
                        }
                        link.minutes = true;
                        referater += 1;
                    }
                    links.push(link);
                }
                Err(e) => {
                    self.notes.push(format!("note: no agenda for `{id}`: {e}"));
                    self.skipped.insert(id.to_owned());
                }
            }
        }
        Ok((links, referater))
    }

    /// Copies the agenda's attachments next to it (`agendas/bilag/ID/…`), and links the
    /// agenda to the copies; the links for the index. Only the files the agenda names are
    /// copied, so that an item left out of it (a confidential one) takes its files along.
    fn attachments(&mut self, a: &mut agenda::Agenda) -> Result<Vec<site::FileLink>> {
        let id = a.id.clone();
        let mut links = Vec::new();
        for (k, attachment) in a.attachments_mut().enumerate() {
            let name = attachment_copy(&id, k, &attachment.file);
            let Some(from) = attachment.path.clone() else {
                continue;
            };
            let bytes = crate::load::attachments::read(&from).map_err(|e| {
                Failure::operation(
                    format!("cannot read the attachment `{}`: {e}", attachment.file),
                    "check the file, then run the export again",
                )
            })?;
            self.files
                .write(name.clone(), &mut |out| Ok(out.write_all(&bytes)?))?;
            attachment.href = name.strip_prefix("agendas/").unwrap_or(&name).to_owned();
            links.push(site::FileLink {
                label: attachment.label.clone(),
                href: name,
            });
        }
        Ok(links)
    }

    /// The action points as JSON and CSV, and each forum's decision list; the open action
    /// points, for the index.
    fn minutes_files(&mut self, files: &mut Vec<String>) -> Result<Arc<Vec<site::OpenActionLink>>> {
        let (ctx, catalog) = (self.ctx, self.catalog);
        if catalog.data.minutes.is_empty() {
            return Ok(Arc::default());
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
        open_actions: Arc<Vec<site::OpenActionLink>>,
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

/// The meeting whose agenda or referat the file `name` is, if it is one.
fn agenda_of(name: &str) -> Option<&str> {
    let file = name
        .strip_prefix("agendas/")
        .or_else(|| name.strip_prefix("minutes/"))?;
    file.rsplit_once('.').map(|(id, _)| id)
}

/// The name of the `k`-th (from 0) attachment's copy in an export: beside the agendas, in a
/// folder of the meeting's own, its number first so that two files of one name both fit.
fn attachment_copy(id: &str, k: usize, file: &str) -> String {
    let base = file.rsplit('/').next().unwrap_or(file);
    format!(
        "agendas/bilag/{}/{}-{}",
        crate::cmd::outdir::safe_file_name(id),
        k + 1,
        crate::cmd::outdir::safe_file_name(base)
    )
}

/// Every name an export of this data may write, for the checks before the first write.
fn planned_names(catalog: &Catalog<'_>, documents: &[Format]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for id in catalog.agenda_ids() {
        for (k, a) in agenda::attachments_of(catalog, id).iter().enumerate() {
            names.push(attachment_copy(id, k, &a.file));
        }
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
