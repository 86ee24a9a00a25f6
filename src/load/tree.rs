//! A tree of committees' data folders: whose folder is above whose, and where a folder that
//! leaves out `roadmap.yaml` or `findings.yaml` finds them.
//!
//! A folder names its committee and the one above it at the top of its programme
//! (`committee: lmu-havnen`, `parent: omu-sundhed`). The parent's folder is looked for in the
//! folders above the folder, up to and including the first that is no committee's folder (one
//! without a `programme.yaml`), and in the folders directly inside each of them, nearest
//! first. So both a nested tree (`hu/omu-sundhed/lmu-havnen`) and a flat one (`kommune/hu`,
//! `kommune/omu-sundhed`, …) are found, `--data` on one folder and `rollup` on the whole
//! tree find the same parents, and the search never leaves the tree.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::files::{FileKind, LOCAL_DIR, MINUTES_DIR};
use crate::diagnostic::Diagnostic;
use crate::model::Pos;

/// The most committees above one: HU → OMU → LMU needs two; deeper trees are refused as a
/// runaway chain.
pub const MAX_DEPTH: usize = 16;

/// The top-level `committee:` and `parent:` of a programme, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub committee: Option<String>,
    pub parent: Option<String>,
}

/// Reads the top-level `committee:` and `parent:` lines of a programme's text. A line scan,
/// not a parse: it finds folders without parsing every programme near them. The parse of
/// the folder itself (`Programme::committee`) is what validation trusts.
pub fn head_of(text: &str) -> Head {
    let mut head = Head::default();
    for line in text.lines() {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        for (key, slot) in [
            ("committee:", &mut head.committee),
            ("parent:", &mut head.parent),
        ] {
            if let Some(rest) = line.strip_prefix(key)
                && slot.is_none()
            {
                let value = rest.split(" #").next().unwrap_or("").trim();
                let value = value.trim_matches(|c| c == '"' || c == '\'');
                if !value.is_empty() {
                    *slot = Some(value.to_owned());
                }
            }
        }
    }
    head
}

/// The head of `dir/programme.yaml`; `None` when the folder has none that can be read.
pub fn read_head(dir: &Path) -> Option<Head> {
    if let Some(head) = with_memo(|m| m.heads.get(dir).cloned()).flatten() {
        return head;
    }
    let path = dir.join(FileKind::Programme.file_name());
    let name = path.display().to_string();
    #[cfg(test)]
    HEAD_READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let head = super::files::read_bytes(&path, &name)
        .ok()
        .map(|bytes| head_of(&String::from_utf8_lossy(&bytes)));
    with_memo(|m| m.heads.insert(dir.to_path_buf(), head.clone()));
    head
}

/// The programmes' heads read so far, and the committees directly inside each folder
/// searched, while a whole tree is read ([`memoized`]): each folder's programme is then read
/// once, not once for every folder beside it (a flat tree of 800 LMUs took 1.9 million file
/// opens).
#[derive(Default)]
struct Memo {
    heads: HashMap<PathBuf, Option<Head>>,
    inside: HashMap<PathBuf, Arc<HashMap<String, PathBuf>>>,
}

static MEMO: Mutex<Option<Memo>> = Mutex::new(None);

/// `f` on the memo, while one is kept.
fn with_memo<R>(f: impl FnOnce(&mut Memo) -> R) -> Option<R> {
    let mut guard = MEMO
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    guard.as_mut().map(f)
}

/// Runs `f` with the heads of programmes and the folders' committees remembered: for reading
/// a whole tree at once (`rollup`, `export --tree`), whose files do not change meanwhile.
pub fn memoized<R>(f: impl FnOnce() -> R) -> R {
    *MEMO
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Memo::default());
    let result = f();
    *MEMO
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    result
}

#[cfg(test)]
static HEAD_READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The committees directly inside `dir`, by id: the first folder in name order that names
/// each.
fn committees_inside(dir: &Path) -> Arc<HashMap<String, PathBuf>> {
    if let Some(found) = with_memo(|m| m.inside.get(dir).cloned()).flatten() {
        return found;
    }
    let mut by_id = HashMap::new();
    for sub in subfolders(dir) {
        if let Some(id) = read_head(&sub).and_then(|h| h.committee) {
            by_id.entry(id).or_insert(sub);
        }
    }
    let by_id = Arc::new(by_id);
    with_memo(|m| m.inside.insert(dir.to_path_buf(), Arc::clone(&by_id)));
    by_id
}

/// Where `dir/programme.yaml` names its parent: the file's name, the position of the value
/// of its top-level `parent:`, and the file's text (to quote the line).
pub fn parent_line(dir: &Path) -> Option<(String, Pos, String)> {
    let path = dir.join(FileKind::Programme.file_name());
    let name = path.display().to_string();
    let bytes = super::files::read_bytes(&path, &name).ok()?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (line, column) = text.lines().enumerate().find_map(|(i, line)| {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        let rest = line.strip_prefix("parent:")?;
        let column = "parent:".len() + rest.len() - rest.trim_start().len() + 1;
        Some((i + 1, column))
    })?;
    let pos = Pos {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        column: u32::try_from(column).unwrap_or(u32::MAX),
    };
    Some((name, pos, text))
}

/// Whether `dir` is a committee's folder: it holds a `programme.yaml`.
pub fn is_committee_folder(dir: &Path) -> bool {
    dir.join(FileKind::Programme.file_name()).is_file()
}

/// The committees above a folder, as found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ancestry {
    /// The folders of the committees above, nearest first, each with its committee id.
    pub folders: Vec<(PathBuf, String)>,
    /// Why the chain stops short, if it does.
    pub broken: Option<Broken>,
}

/// Why the chain of parents stops before a committee that names none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// No folder of the committee named `parent:` is found; `below` is the committee (or
    /// folder) that names it.
    Missing { parent: String, below: PathBuf },
    /// The parents come back to a committee already in the chain: the ids in order, the
    /// first repeated at the end.
    Cycle(Vec<String>),
    /// More than [`MAX_DEPTH`] committees above.
    TooDeep,
}

/// The committees above `dir`, following `parent:` from folder to folder.
pub fn ancestors(dir: &Path) -> Ancestry {
    ancestors_of(dir, read_head(dir).unwrap_or_default())
}

/// The committees above `dir`, whose own programme has the head `own` (read from the disk, or
/// from a programme's new text before it is written).
pub fn ancestors_of(dir: &Path, own: Head) -> Ancestry {
    let mut folders: Vec<(PathBuf, String)> = Vec::new();
    let mut seen: Vec<String> = own.committee.into_iter().collect();
    let mut below = dir.to_path_buf();
    let mut parent = own.parent;
    let mut real_seen: Vec<PathBuf> = fs::canonicalize(dir).into_iter().collect();
    while let Some(id) = parent {
        if seen.contains(&id) {
            let mut ids = seen.clone();
            ids.push(id);
            return Ancestry {
                folders,
                broken: Some(Broken::Cycle(ids)),
            };
        }
        if folders.len() >= MAX_DEPTH {
            return Ancestry {
                folders,
                broken: Some(Broken::TooDeep),
            };
        }
        let Some(found) = find_committee(&below, &id) else {
            return Ancestry {
                folders,
                broken: Some(Broken::Missing { parent: id, below }),
            };
        };
        // A folder reached twice (through a link) is a cycle too, whatever its id says.
        if let Ok(real) = fs::canonicalize(&found) {
            if real_seen.contains(&real) {
                let mut ids = seen.clone();
                ids.push(id);
                return Ancestry {
                    folders,
                    broken: Some(Broken::Cycle(ids)),
                };
            }
            real_seen.push(real);
        }
        let head = read_head(&found).unwrap_or_default();
        seen.push(id.clone());
        folders.push((found.clone(), id));
        below = found;
        parent = head.parent;
    }
    Ancestry {
        folders,
        broken: None,
    }
}

/// The folder of committee `id` near `from`: in the folders above `from`, up to and
/// including the first that is no committee's folder, and in the folders directly inside
/// each, nearest first; subfolders in name order.
pub fn find_committee(from: &Path, id: &str) -> Option<PathBuf> {
    let mut above = up(from);
    while let Some(dir) = above {
        let holds = |d: &Path| read_head(d).and_then(|h| h.committee).as_deref() == Some(id);
        if holds(&dir) {
            return Some(dir);
        }
        if let Some(sub) = committees_inside(&dir).get(id) {
            return Some(sub.clone());
        }
        if !is_committee_folder(&dir) {
            return None;
        }
        above = up(&dir);
    }
    None
}

/// The folder above `dir`, written as relative as `dir` is: `examples/kommune` above
/// `examples/kommune/hu`, `.` above `omu`, `..` above `.` (the folder found from where the
/// user stands), `../..` above `..`; none above the root.
fn up(dir: &Path) -> Option<PathBuf> {
    use std::path::Component;
    match dir.components().next_back() {
        None | Some(Component::CurDir) => Some(PathBuf::from("..")).filter(|_| !is_root(dir)),
        Some(Component::ParentDir) => Some(dir.join("..")).filter(|_| !is_root(dir)),
        Some(Component::RootDir | Component::Prefix(_)) => None,
        Some(Component::Normal(_)) => Some(match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }),
    }
}

/// Whether `dir` is the root of the file system (nothing is above it).
fn is_root(dir: &Path) -> bool {
    fs::canonicalize(dir).is_ok_and(|real| real.parent().is_none())
}

/// The folders directly inside `dir`, in name order; none when it cannot be listed.
fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The file of `kind` that a folder's data reads: its own, else the nearest committee's
/// above it that has one, else its own (which the loader then reports missing). Only
/// `roadmap.yaml` and `findings.yaml` are inherited; the programme is each committee's own.
pub fn main_file(dir: &Path, kind: FileKind) -> PathBuf {
    main_file_in(dir, kind, &ancestors(dir))
}

/// [`main_file`], with the committees above `dir` already found.
pub fn main_file_in(dir: &Path, kind: FileKind, ancestry: &Ancestry) -> PathBuf {
    let own = dir.join(kind.file_name());
    if !matches!(kind, FileKind::Roadmap | FileKind::Findings) {
        return own;
    }
    match fs::symlink_metadata(&own) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        _ => return own,
    }
    ancestry
        .folders
        .iter()
        .map(|(folder, _)| folder.join(kind.file_name()))
        .find(|path| path.is_file())
        .unwrap_or(own)
}

/// The problem of a missing `roadmap.yaml` or `findings.yaml` in a folder that names a
/// parent: why the committees above could not give it. `None` when the folder names none.
pub fn missing_inherited(dir: &Path, kind: FileKind) -> Option<(String, String)> {
    if !matches!(kind, FileKind::Roadmap | FileKind::Findings) {
        return None;
    }
    let head = read_head(dir)?;
    let parent = head.parent?;
    let file = kind.file_name();
    let found = ancestors(dir);
    let ids: Vec<String> = found
        .folders
        .iter()
        .map(|(_, id)| format!("`{id}`"))
        .collect();
    Some(match found.broken {
        Some(Broken::Missing {
            parent: missing, ..
        }) => (
            format!(
                "the file is missing, and the folder of the committee above, `{missing}`, is not found"
            ),
            format!(
                "medtrio looks for a programme.yaml with `committee: {missing}` in the folders above this one, up to the first that is no committee's folder, and in the folders directly inside them; check `parent:`, or add {file} here"
            ),
        ),
        Some(Broken::Cycle(chain)) => (
            "the file is missing, and the committees' parents go round in a circle".to_owned(),
            format!(
                "fix `parent:` in the committees {}; the top committee names none",
                chain
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(" → ")
            ),
        ),
        Some(Broken::TooDeep) | None => (
            format!(
                "the file is missing, here and in the folders of the committees above ({})",
                if ids.is_empty() {
                    format!("`{parent}`")
                } else {
                    ids.join(", ")
                }
            ),
            format!("add {file} here, or to the folder of a committee above"),
        ),
    })
}

/// How deep below ROOT committees' folders are looked for.
pub const MAX_WALK_DEPTH: usize = 32;

/// Every committee's folder under `root` (any folder that holds a `programme.yaml`, `root`
/// itself included), in name order, and the problems of the folders that cannot be read: one
/// that cannot be listed, a link that leads back to a folder above it (a loop), a link to a
/// folder read already. Hidden folders and a committee's own `local/` and `minutes/` are not
/// searched.
pub fn committee_folders(root: &Path) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let mut seen: Vec<(PathBuf, PathBuf)> = Vec::new();
    walk(root, &mut Vec::new(), &mut seen, &mut found, &mut problems);
    (found, problems)
}

fn folder_problem(dir: &Path, message: String, help: &str) -> Diagnostic {
    Diagnostic::error(&dir.display().to_string(), Pos::default(), message).with_help(help)
}

fn walk(
    dir: &Path,
    above: &mut Vec<PathBuf>,
    seen: &mut Vec<(PathBuf, PathBuf)>,
    found: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    let real = match fs::canonicalize(dir) {
        Ok(real) => real,
        Err(e) => {
            problems.push(folder_problem(
                dir,
                format!("cannot open the folder: {}", reason(&e)),
                "check the folder's permissions, and that a link to it leads somewhere",
            ));
            return;
        }
    };
    if above.first().is_some_and(|root| !real.starts_with(root)) {
        problems.push(folder_problem(
            dir,
            "this is a link to a folder outside the tree; medtrio reads no folder outside ROOT"
                .into(),
            "move the committee's folder into the tree, or give ROOT the folder that holds them all",
        ));
        return;
    }
    if above.contains(&real) {
        problems.push(folder_problem(
            dir,
            "a link loop: this folder leads back to a folder above it".into(),
            "remove the link, or point it at a folder outside the tree",
        ));
        return;
    }
    if let Some((first, _)) = seen.iter().find(|(_, r)| *r == real) {
        problems.push(folder_problem(
            dir,
            format!(
                "this is the folder `{}` again, through a link",
                first.display()
            ),
            "remove the link: each committee's folder is read once",
        ));
        return;
    }
    seen.push((dir.to_path_buf(), real.clone()));
    if above.len() > MAX_WALK_DEPTH {
        problems.push(folder_problem(
            dir,
            format!("the folder lies more than {MAX_WALK_DEPTH} levels below the root"),
            "keep the tree of committees shallow: HU, OMU and LMU need three levels",
        ));
        return;
    }
    let entries = match fs::read_dir(dir).and_then(|entries| {
        entries
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<Vec<PathBuf>>>()
    }) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(folder_problem(
                dir,
                format!("cannot read the folder: {}", reason(&e)),
                "check the folder's permissions; its committees are left out",
            ));
            return;
        }
    };
    let committee = is_committee_folder(dir);
    if committee {
        found.push(dir.to_path_buf());
    }
    let mut subdirs: Vec<PathBuf> = entries
        .into_iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let own = committee && (name == LOCAL_DIR || name == MINUTES_DIR);
            !name.starts_with('.') && !own
        })
        .filter(|p| match fs::metadata(p) {
            Ok(meta) => meta.is_dir(),
            // A link that cannot be followed (a loop of links, or one to nowhere that looks
            // like a folder) is reported, not skipped.
            Err(e) => {
                fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) && {
                    problems.push(folder_problem(
                        p,
                        format!("cannot open the folder: {}", reason(&e)),
                        "remove the link, or point it at a folder",
                    ));
                    false
                }
            }
        })
        .collect();
    subdirs.sort();
    above.push(real);
    for sub in subdirs {
        walk(&sub, above, seen, found, problems);
    }
    above.pop();
}

fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "not found".into(),
        _ if e.raw_os_error() == Some(40) => "too many levels of symbolic links".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_is_read_from_top_level_lines_only() {
        let head = head_of(
            "version: 1\ncommittee: \"lmu-havnen\"  # the LMU\nmeetings:\n  - parent: x\nparent: omu-sundhed\n",
        );
        assert_eq!(head.committee.as_deref(), Some("lmu-havnen"));
        assert_eq!(head.parent.as_deref(), Some("omu-sundhed"));
        assert_eq!(head_of("version: 1\n"), Head::default());
    }

    fn write(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("programme.yaml"), text).unwrap();
    }

    #[test]
    fn parents_are_found_nested_and_side_by_side_and_cycles_are_named() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(&root.join("hu"), "committee: hu\n");
        write(&root.join("omu"), "committee: omu\nparent: hu\n");
        write(&root.join("omu/lmu"), "committee: lmu\nparent: omu\n");
        fs::write(root.join("hu/roadmap.yaml"), "x").unwrap();
        let found = ancestors(&root.join("omu/lmu"));
        assert_eq!(found.broken, None);
        let ids: Vec<&str> = found.folders.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["omu", "hu"]);
        assert_eq!(
            main_file(&root.join("omu/lmu"), FileKind::Roadmap),
            root.join("hu/roadmap.yaml")
        );
        // Another root: the one above may be remembered while a test reads a whole tree.
        let other = tempfile::tempdir().unwrap();
        let root = other.path();
        write(&root.join("a"), "committee: a\nparent: b\n");
        write(&root.join("b"), "committee: b\nparent: a\n");
        assert_eq!(
            ancestors(&root.join("a")).broken,
            Some(Broken::Cycle(vec!["a".into(), "b".into(), "a".into()]))
        );
        let third = tempfile::tempdir().unwrap();
        let root = third.path();
        write(&root.join("c"), "committee: c\nparent: nowhere\n");
        assert!(matches!(
            ancestors(&root.join("c")).broken,
            Some(Broken::Missing { .. })
        ));
    }

    #[test]
    fn a_flat_tree_of_800_lmus_was_quadratic_in_file_opens() {
        use std::sync::atomic::Ordering;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        write(&root.join("hu"), "committee: hu\n");
        write(&root.join("omu"), "committee: omu\nparent: hu\n");
        for i in 0..800 {
            write(
                &root.join(format!("lmu-{i:03}")),
                &format!("committee: lmu-{i:03}\nparent: omu\n"),
            );
        }
        let before = HEAD_READS.load(Ordering::Relaxed);
        let chains = memoized(|| {
            let (folders, problems) = committee_folders(root);
            assert!(problems.is_empty());
            folders
                .iter()
                .map(|dir| (ancestors(dir), main_file(dir, FileKind::Roadmap)))
                .collect::<Vec<_>>()
        });
        let reads = HEAD_READS.load(Ordering::Relaxed) - before;
        assert_eq!(chains.len(), 802);
        let (lmu, _) = &chains[5];
        let ids: Vec<&str> = lmu.folders.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, ["omu", "hu"]);
        // Each programme once (other tests may read a few of their own meanwhile).
        assert!(reads <= 802 + 50, "{reads} programme reads for 802 folders");
    }
}
