//! The one list of the files a folder's data is read from, in the order they are read: the
//! three main files (a tree's committee may inherit its roadmap and findings from above),
//! `cycle.yaml`, `members.yaml`, `local/*.yaml`, `minutes/*.yaml`, then the programmes of the committees
//! above, which the tree's checks read. The loader walks it, the cache keys by it, and
//! [`Sources`] is built from it; a file that a check reads is in it, so that no check can be
//! answered from a stale cache.

use std::path::{Path, PathBuf};

use super::files::{
    CYCLE_FILE, FileKind, LOCAL_DIR, MEMBERS_FILE, MINUTES_DIR, SourceFile, Sources, check_dir,
    has_cycle, has_members, local_paths, minutes_paths,
};
use super::tree::{self, Ancestry, Head};
use crate::diagnostic::Diagnostic;

/// Where the data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// The seed data compiled into the binary.
    Bundled,
    /// A folder holding `programme.yaml`, `roadmap.yaml` and `findings.yaml`.
    Dir(PathBuf),
}

/// One file of a data folder with new text, before it is written: a file the folder's data
/// is read from, or a new one (`minutes/ID.yaml`, `local/ID.yaml`, `cycle.yaml`,
/// `members.yaml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Where the file is, or will be.
    pub path: PathBuf,
    /// Its whole new text.
    pub text: String,
}

/// Where an input's bytes come from.
#[derive(Clone, Debug)]
pub enum Origin {
    /// The seed data compiled into the binary.
    Bundled(&'static str),
    /// A file on disk.
    Disk(PathBuf),
    /// New text for the file at this path, not written yet (the write seat, [`Edit`]).
    Edited(PathBuf, String),
}

impl Origin {
    /// The path the input is (or will be) at; none for bundled data.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::Bundled(_) => None,
            Origin::Disk(path) | Origin::Edited(path, _) => Some(path),
        }
    }
}

/// One entry of a folder's inputs.
#[derive(Clone, Debug)]
pub enum Input {
    /// A data file: what it holds, its name as shown in messages, and where its bytes are.
    File {
        kind: FileKind,
        name: String,
        origin: Origin,
    },
    /// The `programme.yaml` of a committee above, which the tree's checks read: not parsed
    /// into the data, but part of what the data is checked against.
    Above { name: String, path: PathBuf },
    /// A folder of files (`local/`, `minutes/`) that cannot be listed: its problem, in the
    /// place of its files.
    Unlisted(Diagnostic),
}

/// Every file a data folder's data is read from, in order, and the committees above it.
#[derive(Clone, Debug)]
pub struct Inputs {
    pub files: Vec<Input>,
    /// The folder; none for the bundled data.
    pub dir: Option<PathBuf>,
    /// The committees above the folder, as found; none for the bundled data.
    pub ancestry: Option<Ancestry>,
}

impl Inputs {
    /// The inputs of `source` as it is on disk now. A data path that is no folder is the one
    /// problem.
    pub fn of(source: &DataSource) -> Result<Inputs, Vec<Diagnostic>> {
        match source {
            DataSource::Bundled => Ok(Inputs::bundled()),
            DataSource::Dir(dir) => {
                check_dir(dir)?;
                Ok(Inputs::of_dir(dir, None))
            }
        }
    }

    /// The inputs of `source` as they will be once `edit` is written: the file at its path
    /// with the new text, or, for a file not there yet, the new file in its place among its
    /// folder's files (a path outside `local/` and `minutes/` joins as the last local file).
    pub fn edited(source: &DataSource, edit: &Edit) -> Result<Inputs, Vec<Diagnostic>> {
        let mut inputs = match source {
            DataSource::Bundled => Inputs::bundled(),
            DataSource::Dir(dir) => {
                check_dir(dir)?;
                // A new programme may name another parent: the committees above follow it.
                let own = (edit.path.file_name() == Some(FileKind::Programme.file_name().as_ref())
                    && edit.path.parent().is_some_and(|p| same_path(p, dir)))
                .then(|| tree::head_of(&edit.text));
                Inputs::of_dir(dir, own)
            }
        };
        inputs.apply(source, edit);
        Ok(inputs)
    }

    fn bundled() -> Inputs {
        let files = FileKind::ALL
            .iter()
            .map(|&kind| Input::File {
                kind,
                name: format!("<bundled>/{}", kind.file_name()),
                origin: Origin::Bundled(kind.bundled_text()),
            })
            .collect();
        Inputs {
            files,
            dir: None,
            ancestry: None,
        }
    }

    /// The inputs of the folder `dir`, whose programme has the head `own` when given (else
    /// the head on disk).
    fn of_dir(dir: &Path, own: Option<Head>) -> Inputs {
        let ancestry = match own {
            Some(head) => tree::ancestors_of(dir, head),
            None => tree::ancestors(dir),
        };
        let file = |kind: FileKind, path: PathBuf| Input::File {
            kind,
            name: path.display().to_string(),
            origin: Origin::Disk(path),
        };
        let mut files: Vec<Input> = FileKind::ALL
            .iter()
            .map(|&kind| file(kind, tree::main_file_in(dir, kind, &ancestry)))
            .collect();
        if has_cycle(dir) {
            files.push(file(FileKind::Cycle, dir.join(CYCLE_FILE)));
        }
        if has_members(dir) {
            files.push(file(FileKind::Members, dir.join(MEMBERS_FILE)));
        }
        match local_paths(dir) {
            Ok(paths) => files.extend(
                paths
                    .into_iter()
                    .enumerate()
                    .map(|(i, path)| file(FileKind::Local(i), path)),
            ),
            Err(problem) => files.push(Input::Unlisted(*problem)),
        }
        match minutes_paths(dir) {
            Ok(paths) => files.extend(
                paths
                    .into_iter()
                    .enumerate()
                    .map(|(i, path)| file(FileKind::Minutes(i), path)),
            ),
            Err(problem) => files.push(Input::Unlisted(*problem)),
        }
        for (folder, _) in &ancestry.folders {
            let path = folder.join(FileKind::Programme.file_name());
            files.push(Input::Above {
                name: path.display().to_string(),
                path,
            });
        }
        Inputs {
            files,
            dir: Some(dir.to_path_buf()),
            ancestry: Some(ancestry),
        }
    }

    /// Puts `edit` in: over the file at its path, or as a new file in its folder's place.
    fn apply(&mut self, source: &DataSource, edit: &Edit) {
        let replaced = self.files.iter_mut().find_map(|input| match input {
            Input::File { origin, .. }
                if origin.path().is_some_and(|p| same_path(p, &edit.path)) =>
            {
                Some(origin)
            }
            _ => None,
        });
        if let Some(origin) = replaced {
            let path = origin
                .path()
                .map_or_else(|| edit.path.clone(), Path::to_path_buf);
            *origin = Origin::Edited(path, edit.text.clone());
            return;
        }
        let dir = match source {
            DataSource::Dir(dir) => Some(dir.as_path()),
            DataSource::Bundled => None,
        };
        let in_folder = |folder: &str| {
            let parent = edit.path.parent()?;
            let folder_dir = dir?.join(folder);
            let name = edit.path.file_name()?;
            same_path(parent, &folder_dir).then(|| folder_dir.join(name))
        };
        let is_yaml = edit
            .path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        let file = |kind: FileKind, path: PathBuf| Input::File {
            kind,
            name: path.display().to_string(),
            origin: Origin::Edited(path, edit.text.clone()),
        };
        let at = |d: &Path, name: &str| {
            edit.path.file_name() == Some(name.as_ref())
                && edit.path.parent().is_some_and(|p| same_path(p, d))
        };
        if let Some(path) = in_folder(MINUTES_DIR).filter(|_| is_yaml) {
            let at = self.place(&path, |k| matches!(k, FileKind::Minutes(_)), false);
            self.files.insert(at, file(FileKind::Minutes(0), path));
        } else if let Some(path) = in_folder(LOCAL_DIR).filter(|_| is_yaml) {
            let at = self.place(&path, |k| matches!(k, FileKind::Local(_)), false);
            self.files.insert(at, file(FileKind::Local(0), path));
        } else if let Some(dir) = dir.filter(|d| at(d, CYCLE_FILE)) {
            self.files.insert(
                FileKind::ALL.len(),
                file(FileKind::Cycle, dir.join(CYCLE_FILE)),
            );
        } else if let Some(dir) = dir.filter(|d| at(d, MEMBERS_FILE)) {
            // After the main files and the cycle, as `of_dir` lists them.
            let after = self
                .files
                .iter()
                .take_while(|i| {
                    matches!(i, Input::File { kind, .. }
                        if matches!(kind, FileKind::Programme | FileKind::Roadmap
                            | FileKind::Findings | FileKind::Cycle))
                })
                .count();
            self.files
                .insert(after, file(FileKind::Members, dir.join(MEMBERS_FILE)));
        } else {
            // Not a file the folder's data is read from, such as `plan -o` elsewhere: checked
            // as the last local file.
            let at = self.place(&edit.path, |k| matches!(k, FileKind::Local(_)), true);
            self.files
                .insert(at, file(FileKind::Local(0), edit.path.clone()));
        }
        self.renumber();
    }

    /// Where a new file at `path` goes among the files of its kind (`ours`): in name order,
    /// as the loader lists a folder, or after the last of them when `last`. With none of its
    /// kind yet, local files go after the main files and `cycle.yaml`, minutes after them
    /// and the local files; both before the programmes above.
    fn place(&self, path: &Path, ours: impl Fn(&FileKind) -> bool, last: bool) -> usize {
        let of_kind = |input: &Input| match input {
            Input::File { kind, .. } => ours(kind),
            _ => false,
        };
        let mine: Vec<usize> = (0..self.files.len())
            .filter(|&i| of_kind(&self.files[i]))
            .collect();
        if let (Some(&first), Some(&end)) = (mine.first(), mine.last()) {
            if last {
                return end + 1;
            }
            return mine
                .iter()
                .copied()
                .find(|&i| match &self.files[i] {
                    Input::File { origin, .. } => origin.path().is_some_and(|p| p > path),
                    _ => false,
                })
                .unwrap_or(end + 1)
                .max(first);
        }
        let minutes_first = ours(&FileKind::Minutes(0));
        self.files
            .iter()
            .position(|input| match input {
                Input::File { kind, .. } if !minutes_first => matches!(kind, FileKind::Minutes(_)),
                Input::File { .. } => false,
                Input::Above { .. } => true,
                Input::Unlisted(_) => false,
            })
            .unwrap_or(self.files.len())
    }

    /// Numbers the local and minutes files in their order.
    fn renumber(&mut self) {
        let (mut local, mut minutes) = (0, 0);
        for input in &mut self.files {
            if let Input::File { kind, .. } = input {
                match kind {
                    FileKind::Local(i) => {
                        *i = local;
                        local += 1;
                    }
                    FileKind::Minutes(i) => {
                        *i = minutes;
                        minutes += 1;
                    }
                    _ => {}
                }
            }
        }
    }

    /// Whether the cache may key by these inputs: every file on disk, every folder listed.
    pub(crate) fn all_on_disk(&self) -> bool {
        self.files.iter().all(|input| match input {
            Input::File { origin, .. } => matches!(origin, Origin::Disk(_)),
            Input::Above { .. } => true,
            Input::Unlisted(_) => false,
        })
    }

    /// The sources a load of these inputs records: each data file's name and where its text
    /// can be had again, by kind and index.
    pub fn sources(&self) -> Sources {
        let mut sources = Sources::default();
        for input in &self.files {
            let Input::File { kind, name, origin } = input else {
                continue;
            };
            let file = match origin {
                Origin::Bundled(text) => SourceFile::bundled(name.clone(), text),
                Origin::Disk(path) => SourceFile::file(name.clone(), path.clone()),
                Origin::Edited(path, text) => {
                    SourceFile::edited(name.clone(), path.clone(), text.clone())
                }
            };
            match kind {
                FileKind::Programme => sources.programme = file,
                FileKind::Roadmap => sources.roadmap = file,
                FileKind::Findings => sources.findings = file,
                FileKind::Cycle => sources.cycle = file,
                FileKind::Members => sources.members = file,
                FileKind::Local(_) => sources.local.push(file),
                FileKind::Minutes(_) => sources.minutes.push(file),
            }
        }
        sources
    }
}

/// Whether two paths name the same file: the same text, the same file on disk, or (for a
/// file not there yet) the same name in the same folder.
pub(crate) fn same_path(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        (Err(_), Err(_)) => {
            a.file_name() == b.file_name()
                && match (a.parent(), b.parent()) {
                    (Some(pa), Some(pb)) => {
                        let pa = if pa.as_os_str().is_empty() {
                            Path::new(".")
                        } else {
                            pa
                        };
                        let pb = if pb.as_os_str().is_empty() {
                            Path::new(".")
                        } else {
                            pb
                        };
                        matches!((pa.canonicalize(), pb.canonicalize()), (Ok(x), Ok(y)) if x == y)
                    }
                    _ => false,
                }
        }
        _ => false,
    }
}
