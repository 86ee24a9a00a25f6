//! `medtrio rollup ROOT`: reads a tree of committees' folders in parallel, checks each, and
//! prints the report upward. A broken folder is reported and left out; the rest is reported.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

use crate::cli::RollupArgs;
use crate::cmd::{Context, output, print_diagnostics};
use crate::diagnostic::{Diagnostic, did_you_mean, suggestions};
use crate::error::Failure;
use crate::load::{self, DataSource, Loaded};
use crate::model::{Catalog, Level};
use crate::query::Query;
use crate::render::{Document, Format, offered};
use crate::report::rollup::{self, BrokenFolder, Committee, Scope};

/// One folder as read: its path relative to ROOT, and its data or its problems.
struct Read {
    folder: String,
    result: std::result::Result<Loaded, Vec<Diagnostic>>,
}

pub fn run(ctx: &Context, args: &RollupArgs, out: &mut dyn Write) -> Result<()> {
    let format = Format::choose(
        args.format,
        args.output.as_deref(),
        offered::ROLLUP,
        Format::Md,
    )?;
    let root = &args.root;
    if !root.is_dir() {
        return Err(Failure::usage_with_help(
            format!("the folder `{}` does not exist", root.display()),
            "give rollup the folder that holds the committees' data folders, e.g. `medtrio rollup examples/kommune`",
        )
        .into());
    }
    let (folders, unreadable) = crate::tree::committee_folders(root);
    if folders.is_empty() && unreadable.is_empty() {
        return Err(Failure::usage_with_help(
            format!("no committee's folder is found in `{}`", root.display()),
            "a committee's folder holds a programme.yaml; `medtrio init DIR` makes one",
        )
        .into());
    }
    let today = ctx.today;
    // Each folder is read and checked on its own, on all cores; the order is the folders'.
    let mut reads: Vec<Read> = folders
        .par_iter()
        .map(|dir| Read {
            folder: relative(root, dir),
            result: load_checked(dir, today),
        })
        .collect();
    check_tree(&mut reads);
    let mut loaded: Vec<(String, Loaded)> = Vec::new();
    // A folder that cannot be read at all is broken too.
    let mut broken: Vec<BrokenFolder> = unreadable
        .iter()
        .map(|p| BrokenFolder {
            folder: relative(root, Path::new(&p.file)),
            errors: 1,
        })
        .collect();
    let mut problems = unreadable;
    for read in reads {
        match read.result {
            Ok(data) => loaded.push((read.folder, data)),
            Err(found) => {
                let errors = found.iter().filter(|d| d.is_error()).count();
                broken.push(BrokenFolder {
                    folder: read.folder,
                    errors,
                });
                problems.extend(found);
            }
        }
    }
    broken.sort_by(|a, b| a.folder.cmp(&b.folder));
    let shown: Vec<Diagnostic> = dedup(problems.into_iter().map(|mut d| {
        d.file = relative(root, Path::new(&d.file));
        d
    }));
    print_diagnostics(&shown);
    let committees: Vec<Committee<'_>> = loaded
        .iter()
        .map(|(folder, data)| {
            let p = &data.dataset.programme;
            Committee {
                folder: folder.clone(),
                id: committee_id(data),
                parent: p.parent.as_ref().map(|x| x.value.clone()),
                catalog: Catalog::new(&data.dataset),
            }
        })
        .collect();
    if let Some(under) = &args.under
        && !committees.iter().any(|c| &c.id == under)
    {
        let ids: Vec<&str> = committees.iter().map(|c| c.id.as_str()).collect();
        let help = did_you_mean(suggestions(under, ids.iter().copied())).unwrap_or_else(|| {
            "give the forum id of a committee of the tree; the report without --under lists them".to_owned()
        });
        return Err(Failure::usage_with_help(
            format!("no committee `{under}` in `{}`", root.display()),
            help,
        )
        .into());
    }
    let filters = args.filters();
    // The filters' own errors (an unknown theme, a bad date) are the top committee's.
    if let Some(top) = committees.first() {
        Query::parse(&filters, &top.catalog, today)?;
    }
    let scope = Scope {
        filters: &filters,
        under: args.under.as_deref(),
        today,
        lang: ctx.lang,
    };
    let report = rollup::rollup(&committees, broken.clone(), &scope);
    let renderer = ctx.renderer(false)?;
    let mut bytes = Vec::new();
    ctx.render(&renderer, &Document::Rollup(&report), format, &mut bytes)?;
    output::emit(args.output.as_deref(), args.force, &bytes, out)?;
    if !broken.is_empty() {
        out.flush()?;
        let n = broken.len();
        let all = n + committees.len();
        let (noun, verb) = match (all, n) {
            (1, _) => ("folder", "has errors and is"),
            (_, 1) => ("folders", "has errors and is"),
            _ => ("folders", "have errors and are"),
        };
        return Err(Failure::operation(
            format!("{n} of {all} {noun} {verb} left out of the report"),
            "fix the errors above, then run rollup again",
        )
        .into());
    }
    Ok(())
}

/// Loads and checks one folder, as `medtrio --data DIR validate` would.
fn load_checked(
    dir: &Path,
    today: chrono::NaiveDate,
) -> std::result::Result<Loaded, Vec<Diagnostic>> {
    let loaded = load::load(&DataSource::Dir(dir.to_path_buf()))?;
    let problems = crate::validate::validate_on(&loaded, Some(today));
    if problems.iter().any(Diagnostic::is_error) {
        return Err(problems);
    }
    Ok(loaded)
}

/// The committee a folder is the data of: its `committee:`, else its programme's owner.
fn committee_id(data: &Loaded) -> String {
    let p = &data.dataset.programme;
    p.committee
        .as_ref()
        .map_or_else(|| p.owner.value.clone(), |c| c.value.clone())
}

/// The checks across folders: two folders may not claim one committee, and a committee's
/// parent must be an OMU or HU. The folder that breaks a rule is left out.
fn check_tree(reads: &mut [Read]) {
    let mut first: BTreeMap<String, String> = BTreeMap::new();
    let mut levels: BTreeMap<String, Option<Level>> = BTreeMap::new();
    for read in reads.iter_mut() {
        let Ok(data) = &read.result else { continue };
        let id = committee_id(data);
        let level = Catalog::new(&data.dataset).forum_level(&id);
        match first.get(&id) {
            Some(other) => {
                let p = &data.dataset.programme;
                let pos = p.committee.as_ref().map_or(p.owner.pos, |c| c.pos);
                let file = data.sources.programme.name.clone();
                read.result = Err(vec![
                    Diagnostic::error(
                        &file,
                        pos,
                        format!("the committee `{id}` has two folders: `{other}` and `{}`", read.folder),
                    )
                    .with_help("each committee has one folder; give this one its own `committee:` id, or remove one of the folders")
                    .with_source(data.sources.programme.text()),
                ]);
            }
            None => {
                first.insert(id.clone(), read.folder.clone());
                levels.insert(id, level);
            }
        }
    }
    for read in reads.iter_mut() {
        let Ok(data) = &read.result else { continue };
        let Some(parent) = &data.dataset.programme.parent else {
            continue;
        };
        let Some(Some(level)) = levels.get(parent.as_str()) else {
            continue;
        };
        if matches!(level, Level::Hu | Level::Omu) {
            continue;
        }
        let file = data.sources.programme.name.clone();
        let what = match level {
            Level::Lmu => "an LMU",
            _ => "a forum outside HU, OMU and LMU",
        };
        read.result = Err(vec![
            Diagnostic::error(
                &file,
                parent.pos,
                format!(
                    "`{}` is {what}, which has no committees below it",
                    parent.value
                ),
            )
            .with_help("name the OMU or HU above this committee as `parent:`")
            .with_source(data.sources.programme.text()),
        ]);
    }
}

/// `path` relative to `root`, as shown in messages; `.` for the root itself.
fn relative(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rest) if rest.as_os_str().is_empty() => ".".to_owned(),
        Ok(rest) => rest.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// Problems in order, each once: a file inherited by many folders reports its problem once.
fn dedup(problems: impl Iterator<Item = Diagnostic>) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for d in problems {
        if seen.insert((d.file.clone(), d.line, d.column, d.message.clone())) {
            out.push(d);
        }
    }
    out
}
