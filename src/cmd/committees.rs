//! A tree of committees' folders, as `rollup` and `export --tree` read it: each folder read
//! and checked on its own (the one checked load, cache included), on all cores, then the
//! checks across folders (`validate::tree::check_folders`). A broken folder is
//! reported and left out; the rest is read. Paths in messages are relative to the root.

use std::path::Path;

use anyhow::Result;
use rayon::prelude::*;

use crate::cmd::Context;
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::load::{DataSource, Loaded};
use crate::model::Catalog;
use crate::report::rollup::{BrokenFolder, Committee};
use crate::validate::tree::{Folder, check_folders, committee_id};

/// The committees of a tree, as read.
pub struct Tree {
    /// The folders whose data is sound, in the tree's order, each with its path relative to
    /// the root.
    pub loaded: Vec<(String, Loaded)>,
    /// The folders left out, by path.
    pub broken: Vec<BrokenFolder>,
    /// Every problem found, each once, with its path relative to the root.
    pub problems: Vec<Diagnostic>,
}

/// Reads and checks every committee's folder under `root`. The help of a wrong root says to
/// give `who` (the command, or its flag) the right folder, as in `example`.
/// With `public`, each committee's data is the public version.
pub fn read(ctx: &Context, public: bool, root: &Path, who: &str, example: &str) -> Result<Tree> {
    // The tree's files do not change while it is read: each programme's head is read once.
    crate::load::tree::memoized(|| read_tree(ctx, public, root, who, example))
}

fn read_tree(ctx: &Context, public: bool, root: &Path, who: &str, example: &str) -> Result<Tree> {
    if !root.is_dir() {
        return Err(Failure::usage_with_help(
            format!("the folder `{}` does not exist", root.display()),
            format!(
                "give {who} the folder that holds the committees' data folders, e.g. `{example}`"
            ),
        )
        .into());
    }
    let (folders, unreadable) = crate::load::tree::committee_folders(root);
    if folders.is_empty() && unreadable.is_empty() {
        return Err(Failure::usage_with_help(
            format!("no committee's folder is found in `{}`", root.display()),
            "a committee's folder holds a programme.yaml; `medtrio init DIR` makes one",
        )
        .into());
    }
    // Each folder is read and checked on its own, on all cores; the order is the folders'.
    // Each folder is checked as `medtrio --data DIR validate` would, through the cache.
    let settings = ctx.cache_settings();
    let mut reads: Vec<Folder> = folders
        .par_iter()
        .map(|dir| Folder {
            path: relative(root, dir),
            result: crate::checked::load(&DataSource::Dir(dir.clone()), ctx.today, &settings)
                .map(|checked| checked.loaded),
        })
        .collect();
    check_folders(&mut reads);
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
            Ok(mut data) => {
                if public {
                    ctx.withhold_confidential(&mut data);
                }
                loaded.push((read.path, data));
            }
            Err(found) => {
                let errors = found.iter().filter(|d| d.is_error()).count();
                broken.push(BrokenFolder {
                    folder: read.path,
                    errors,
                });
                problems.extend(found);
            }
        }
    }
    broken.sort_by(|a, b| a.folder.cmp(&b.folder));
    let problems = dedup(problems.into_iter().map(|mut d| {
        d.file = relative(root, Path::new(&d.file));
        d
    }));
    Ok(Tree {
        loaded,
        broken,
        problems,
    })
}

impl Tree {
    /// The committees whose data is sound, for the report.
    pub fn committees(&self) -> Vec<Committee<'_>> {
        self.loaded
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
            .collect()
    }

    /// The failure to end with when folders were left out of `what` ("the report"), after
    /// the rest is written; `again` says what to run once they are fixed.
    pub fn left_out(&self, what: &str, again: &str) -> Option<Failure> {
        let n = self.broken.len();
        if n == 0 {
            return None;
        }
        let all = n + self.loaded.len();
        let (noun, verb) = match (all, n) {
            (1, _) => ("folder", "has errors and is"),
            (_, 1) => ("folders", "has errors and is"),
            _ => ("folders", "have errors and are"),
        };
        Some(Failure::operation(
            format!("{n} of {all} {noun} {verb} left out of {what}"),
            format!("fix the errors above, then run {again} again"),
        ))
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
