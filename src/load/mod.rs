//! A data folder's data, bundled or from `--data DIR`, read into the model: the files of a
//! folder (`files`), their YAML (`yaml`), the tree of committees' folders (`tree`).
//!
//! Every problem comes back as a [`Diagnostic`] that names the file, the line and the column.

mod files;
pub mod tree;
mod yaml;

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::model::{
    Cycle, Dataset, Findings, LocalFile, Located, Minutes, Pos, Programme, Roadmap,
};

pub use crate::model::FORMAT_VERSION;
pub use files::{
    CYCLE_FILE, DEFAULT_MAX_FILE_MB, FileKind, LOCAL_DIR, MINUTES_DIR, SourceFile, Sources,
    bundled_text,
};
use files::{LOCAL_FOLDER, MINUTES_FOLDER, yaml_paths};
use files::{check_dir, decode};
pub(crate) use files::{has_cycle, local_paths, max_file_bytes, minutes_paths, read_bytes};
pub use yaml::{parse, yaml_options};
pub(crate) use yaml::{parse_shared, version_pos};

/// Where the data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// The seed data compiled into the binary.
    Bundled,
    /// A folder holding `programme.yaml`, `roadmap.yaml` and `findings.yaml`.
    Dir(PathBuf),
}

/// Which file each merged meeting, template and forum came from, index for index.
#[derive(Clone, Debug, Default, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
pub struct Provenance {
    pub meetings: Vec<FileKind>,
    pub templates: Vec<FileKind>,
    pub forums: Vec<FileKind>,
}

/// The loaded data with the texts it came from.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub sources: Sources,
    pub provenance: Provenance,
}

/// Loads all three files. On failure, returns every file's first problem, not only the first file's.
pub fn load(source: &DataSource) -> Result<Loaded, Vec<Diagnostic>> {
    load_observed(source, &mut |_, _| {})
}

/// Called with each data file read from a folder, in the order they are read, with the exact
/// bytes that are then parsed: the cache keys what it stores by them.
pub(crate) type Observer<'a> = dyn FnMut(&str, &[u8]) + 'a;

/// [`load`], showing `observe` the name and bytes of every file read from a folder.
pub(crate) fn load_observed(
    source: &DataSource,
    observe: &mut Observer<'_>,
) -> Result<Loaded, Vec<Diagnostic>> {
    if let DataSource::Dir(dir) = source {
        check_dir(dir)?;
    }
    let mut problems = Vec::new();
    let mut sources = Sources::default();
    let mut read = |kind| read_source(source, kind, observe);
    let programme = load_one::<Programme>(read(FileKind::Programme), &mut sources, &mut problems);
    let roadmap = load_one::<Roadmap>(read(FileKind::Roadmap), &mut sources, &mut problems);
    let findings = load_one::<Findings>(read(FileKind::Findings), &mut sources, &mut problems);
    // The bundled data has no cycle and no minutes: the sources give none, and minutes are a
    // committee's own.
    let (cycle, locals, minutes) = match source {
        DataSource::Dir(dir) => (
            load_cycle(dir, &mut sources, &mut problems, observe),
            load_local(dir, &mut sources, &mut problems, observe),
            load_minutes(dir, &mut sources, &mut problems, observe),
        ),
        DataSource::Bundled => (None, Vec::new(), Vec::new()),
    };
    match (programme, roadmap, findings) {
        (Some(mut programme), Some(mut roadmap), Some(findings)) if problems.is_empty() => {
            let mut provenance = Provenance {
                meetings: vec![FileKind::Programme; programme.meetings.len()],
                templates: vec![FileKind::Programme; programme.templates.len()],
                forums: vec![FileKind::Roadmap; roadmap.forums.len()],
            };
            for (i, local) in locals.into_iter().enumerate() {
                let kind = FileKind::Local(i);
                provenance
                    .meetings
                    .extend(std::iter::repeat_n(kind, local.meetings.len()));
                provenance
                    .templates
                    .extend(std::iter::repeat_n(kind, local.templates.len()));
                provenance
                    .forums
                    .extend(std::iter::repeat_n(kind, local.forums.len()));
                programme.meetings.extend(local.meetings);
                programme.templates.extend(local.templates);
                roadmap.forums.extend(local.forums);
            }
            let mut dataset = Dataset {
                programme,
                roadmap,
                findings,
                minutes,
                cycle,
            };
            dataset.fit();
            Ok(Loaded {
                dataset,
                sources,
                provenance,
            })
        }
        _ => Err(problems),
    }
}

/// Reads `DIR/cycle.yaml`, when there is one.
fn load_cycle(
    dir: &Path,
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
    observe: &mut Observer<'_>,
) -> Option<Cycle> {
    if !has_cycle(dir) {
        return None;
    }
    let path = dir.join(CYCLE_FILE);
    let name = path.display().to_string();
    sources.cycle = SourceFile::file(name.clone(), path.clone());
    read_versioned::<Cycle>(&path, &name, problems, observe, |c| c.version)
}

/// Reads `DIR/local/*.yaml`, in name order, when the folder exists.
fn load_local(
    dir: &Path,
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
    observe: &mut Observer<'_>,
) -> Vec<LocalFile> {
    let mut files = Vec::new();
    for path in yaml_paths(dir, LOCAL_FOLDER).unwrap_or_else(|p| no_files(problems, *p)) {
        let name = path.display().to_string();
        if let Some(file) =
            read_versioned::<LocalFile>(&path, &name, problems, observe, |f| f.version)
        {
            files.push(file);
        }
        sources.local.push(SourceFile::file(name, path));
    }
    files
}

/// Reads `DIR/minutes/*.yaml`, in name order, when the folder exists: one meeting's minutes
/// a file.
fn load_minutes(
    dir: &Path,
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
    observe: &mut Observer<'_>,
) -> Vec<Located<Minutes>> {
    let mut files = Vec::new();
    for path in yaml_paths(dir, MINUTES_FOLDER).unwrap_or_else(|p| no_files(problems, *p)) {
        let name = path.display().to_string();
        if let Some(minutes) =
            read_versioned::<Located<Minutes>>(&path, &name, problems, observe, |m| m.version)
        {
            files.push(minutes);
        }
        sources.minutes.push(SourceFile::file(name, path));
    }
    files
}

/// Records a folder's problem; the folder then gives no files.
fn no_files(problems: &mut Vec<Diagnostic>, problem: Diagnostic) -> Vec<PathBuf> {
    problems.push(problem);
    Vec::new()
}

/// Reads and parses one file of a folder, checking its format version.
fn read_versioned<T: DeserializeOwned>(
    path: &Path,
    name: &str,
    problems: &mut Vec<Diagnostic>,
    observe: &mut Observer<'_>,
    version: impl Fn(&T) -> u32,
) -> Option<T> {
    let read = read_bytes(path, name).inspect(|bytes| observe(name, bytes));
    let text = match read.and_then(|bytes| decode(name, bytes)) {
        Ok(text) => text,
        Err(d) => {
            problems.push(*d);
            return None;
        }
    };
    match parse::<T>(name, &text) {
        Ok(file) if version(&file) == FORMAT_VERSION => Some(file),
        Ok(file) => {
            problems.push(
                Diagnostic::error(
                    name,
                    version_pos(&text),
                    format!("unsupported format version `{}`", version(&file)),
                )
                .with_help(format!("this medtrio reads `version: {FORMAT_VERSION}`"))
                .with_source(&text),
            );
            None
        }
        Err(d) => {
            problems.push(*d);
            None
        }
    }
}

trait Versioned {
    fn version(&self) -> u32;
}
impl Versioned for Programme {
    fn version(&self) -> u32 {
        self.version
    }
}
impl Versioned for Roadmap {
    fn version(&self) -> u32 {
        self.version
    }
}
impl Versioned for Findings {
    fn version(&self) -> u32 {
        self.version
    }
}

fn load_one<T: DeserializeOwned + Versioned + Clone + Send + Sync + 'static>(
    read: Result<ReadFile, Box<Diagnostic>>,
    sources: &mut Sources,
    problems: &mut Vec<Diagnostic>,
) -> Option<T> {
    let (kind, file, text, inherited) = match read {
        Ok(read) => read,
        Err(diagnostic) => {
            problems.push(*diagnostic);
            return None;
        }
    };
    // A file inherited from the committees above is the same for all the folders below them:
    // `rollup` parses it once.
    let parsed = if inherited {
        parse_shared::<T>(&file.name, &text)
    } else {
        parse::<T>(&file.name, &text)
    };
    let slot = match kind {
        FileKind::Programme => &mut sources.programme,
        FileKind::Roadmap => &mut sources.roadmap,
        FileKind::Findings | FileKind::Local(_) | FileKind::Minutes(_) => &mut sources.findings,
        FileKind::Cycle => &mut sources.cycle,
    };
    *slot = file;
    match parsed {
        Ok(value) if value.version() == FORMAT_VERSION => Some(value),
        Ok(value) => {
            problems.push(
                Diagnostic::error(
                    &slot.name,
                    version_pos(&text),
                    format!("unsupported format version `{}`", value.version()),
                )
                .with_help(format!(
                    "this medtrio reads `version: {FORMAT_VERSION}`; upgrade medtrio or convert the file"
                ))
                .with_source(&text),
            );
            None
        }
        Err(diagnostic) => {
            problems.push(*diagnostic);
            None
        }
    }
}

/// A file as read: its kind, its source, its text, and whether it is inherited from the
/// folder of a committee above.
type ReadFile = (FileKind, SourceFile, Cow<'static, str>, bool);

/// Reads one file and checks that it is UTF-8 with content in it; returns the text to parse.
fn read_source(
    source: &DataSource,
    kind: FileKind,
    observe: &mut Observer<'_>,
) -> Result<ReadFile, Box<Diagnostic>> {
    match source {
        DataSource::Bundled => {
            let text = kind.bundled_text();
            Ok((
                kind,
                SourceFile::bundled(format!("<bundled>/{}", kind.file_name()), text),
                Cow::Borrowed(text),
                false,
            ))
        }
        DataSource::Dir(dir) => {
            // A committee's folder in a tree may leave out the roadmap and the findings.
            let path = tree::main_file(dir, kind);
            let name = path.display().to_string();
            let bytes = read_bytes(&path, &name).map_err(|d| {
                match (path.exists(), tree::missing_inherited(dir, kind)) {
                    (false, Some((message, help))) => {
                        Box::new(Diagnostic::error(&name, Pos::default(), message).with_help(help))
                    }
                    _ => d,
                }
            })?;
            observe(&name, &bytes);
            let text = decode(&name, bytes)?;
            let inherited = path != dir.join(kind.file_name());
            Ok((
                kind,
                SourceFile::file(name, path),
                Cow::Owned(text),
                inherited,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_data_loads() {
        let loaded = load(&DataSource::Bundled).unwrap();
        assert!(!loaded.dataset.programme.meetings.is_empty());
    }
}
