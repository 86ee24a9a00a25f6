//! A data folder's data, bundled or from `--data DIR`, read into the model: the files of a
//! folder (`files`), their YAML (`yaml`), the tree of committees' folders (`tree`).
//!
//! Every problem comes back as a [`Diagnostic`] that names the file, the line and the column.

pub mod attachments;
mod files;
pub mod inputs;
pub mod tree;
mod yaml;

use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::Diagnostic;
use crate::model::{
    Cycle, Dataset, Findings, LocalFile, Located, Members, Minutes, Pos, Programme, Roadmap,
};

pub use crate::model::FORMAT_VERSION;
use files::decode;
pub use files::{
    CYCLE_FILE, DEFAULT_MAX_FILE_MB, FileKind, LOCAL_DIR, MEMBERS_FILE, MINUTES_DIR, SourceFile,
    Sources, bundled_text, find_data_dir, lookalikes,
};
pub(crate) use files::{max_file_bytes, read_bytes, special_file_kind};
pub use inputs::{DataSource, Edit, Input, Inputs, Origin};
pub use yaml::{parse, yaml_options};
pub(crate) use yaml::{parse_shared, version_pos};

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
    /// The committees above the folder, as found when it was read; none for bundled data.
    /// The tree's checks read it, so that validation never reads the disk.
    pub ancestry: Option<tree::Ancestry>,
}

impl Loaded {
    /// The data without the local file at `path`, if it is one of the data's `local/` files
    /// (as `plan` sees the data it is about to replace a file of); else the data as it is.
    pub fn without_file(&self, path: &Path) -> Loaded {
        let mut rest = self.clone();
        let Some(replaced) = self
            .sources
            .local
            .iter()
            .position(|s| s.path().is_some_and(|p| inputs::same_path(p, path)))
        else {
            return rest;
        };
        let keep = |kind: &FileKind| *kind != FileKind::Local(replaced);
        let (data, p) = (&mut rest.dataset, &mut rest.provenance);
        let mut flags = p.meetings.iter().map(keep);
        data.programme
            .meetings
            .retain(|_| flags.next().unwrap_or(true));
        let mut flags = p.templates.iter().map(keep);
        data.programme
            .templates
            .retain(|_| flags.next().unwrap_or(true));
        let mut flags = p.forums.iter().map(keep);
        data.roadmap.forums.retain(|_| flags.next().unwrap_or(true));
        for kinds in [&mut p.meetings, &mut p.templates, &mut p.forums] {
            kinds.retain(keep);
        }
        rest
    }
}

/// Loads a folder's data (or the bundled data). On failure, returns every file's first
/// problem, not only the first file's.
pub fn load(source: &DataSource) -> Result<Loaded, Vec<Diagnostic>> {
    load_inputs(&Inputs::of(source)?, &mut |_, _| {})
}

/// Loads the data as it will be once `edit` is written, without writing it: the same load,
/// with the file at `edit.path` read from `edit.text`. Problems in the edited file name its
/// path and quote the new text.
pub fn load_edited(source: &DataSource, edit: &Edit) -> Result<Loaded, Vec<Diagnostic>> {
    load_inputs(&Inputs::edited(source, edit)?, &mut |_, _| {})
}

/// Called with each file read from a folder, in the order of its [`Inputs`], with the exact
/// bytes that are then parsed: the cache keys what it stores by them.
pub(crate) type Observer<'a> = dyn FnMut(&str, &[u8]) + 'a;

/// Reads and parses every file of `inputs`, in order, showing `observe` the bytes of each.
pub(crate) fn load_inputs(
    inputs: &Inputs,
    observe: &mut Observer<'_>,
) -> Result<Loaded, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let (mut programme, mut roadmap, mut findings) = (None, None, None);
    let mut cycle = None;
    let mut members = None;
    let mut locals: Vec<LocalFile> = Vec::new();
    let mut minutes: Vec<Located<Minutes>> = Vec::new();
    for input in &inputs.files {
        let (kind, name, origin) = match input {
            Input::File { kind, name, origin } => (*kind, name.as_str(), origin),
            Input::Unlisted(problem) => {
                problems.push(problem.clone());
                continue;
            }
            // Read for the key only: the tree's checks read its head, and a file that cannot
            // be read shows there.
            Input::Above { name, path } => {
                if let Ok(bytes) = read_bytes(path, name) {
                    observe(name, &bytes);
                }
                continue;
            }
        };
        let text = match read_input(kind, name, origin, observe) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(*problem);
                continue;
            }
        };
        // A main file not in the folder itself is a committee's above.
        let inherited = match (origin, &inputs.dir) {
            (Origin::Disk(path), Some(dir)) => *path != dir.join(kind.file_name()),
            _ => false,
        };
        let mut keep = |found: Result<(), Diagnostic>| {
            if let Err(problem) = found {
                problems.push(problem);
            }
        };
        match kind {
            FileKind::Programme => {
                keep(main::<Programme>(name, &text, inherited).map(|v| programme = Some(v)))
            }
            FileKind::Roadmap => {
                keep(main::<Roadmap>(name, &text, inherited).map(|v| roadmap = Some(v)))
            }
            FileKind::Findings => {
                keep(main::<Findings>(name, &text, inherited).map(|v| findings = Some(v)))
            }
            FileKind::Cycle => {
                keep(versioned::<Cycle>(name, &text, |c| c.version).map(|v| cycle = Some(v)))
            }
            FileKind::Members => {
                keep(versioned::<Members>(name, &text, |m| m.version).map(|v| members = Some(v)))
            }
            FileKind::Local(_) => {
                keep(versioned::<LocalFile>(name, &text, |f| f.version).map(|v| locals.push(v)))
            }
            FileKind::Minutes(_) => keep(
                versioned::<Located<Minutes>>(name, &text, |m| m.version).map(|v| minutes.push(v)),
            ),
        }
    }
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
                members,
            };
            dataset.fit();
            Ok(Loaded {
                dataset,
                sources: inputs.sources(),
                provenance,
                ancestry: inputs.ancestry.clone(),
            })
        }
        _ => Err(problems),
    }
}

/// Reads one input's text: checked to be UTF-8 with content in it.
fn read_input(
    kind: FileKind,
    name: &str,
    origin: &Origin,
    observe: &mut Observer<'_>,
) -> Result<Cow<'static, str>, Box<Diagnostic>> {
    match origin {
        Origin::Bundled(text) => Ok(Cow::Borrowed(text)),
        Origin::Edited(_, text) => {
            observe(name, text.as_bytes());
            Ok(Cow::Owned(decode(name, text.as_bytes().to_vec())?))
        }
        Origin::Disk(path) => {
            let bytes = read_bytes(path, name).map_err(|d| {
                // A committee's folder in a tree may leave out the roadmap and the findings;
                // when the committees above cannot give them either, say why.
                let dir = path.parent().unwrap_or(Path::new("."));
                match (path.exists(), tree::missing_inherited(dir, kind)) {
                    // Located at the `parent:` that leads nowhere, when it can be found.
                    (false, Some((message, help))) => match tree::parent_line(dir) {
                        Some((programme, pos, text)) => Box::new(
                            Diagnostic::error(
                                &programme,
                                pos,
                                message.replacen(
                                    "the file is missing",
                                    &format!("`{}` is missing", kind.file_name()),
                                    1,
                                ),
                            )
                            .with_help(help)
                            .with_source(&text),
                        ),
                        None => Box::new(
                            Diagnostic::error(name, Pos::default(), message).with_help(help),
                        ),
                    },
                    _ => d,
                }
            })?;
            observe(name, &bytes);
            Ok(Cow::Owned(decode(name, bytes)?))
        }
    }
}

/// Parses one of the three main files, checking its format version. A file inherited from
/// the committees above is the same for all the folders below them: `rollup` parses it once.
fn main<T: DeserializeOwned + Versioned + Clone + Send + Sync + 'static>(
    name: &str,
    text: &str,
    inherited: bool,
) -> Result<T, Diagnostic> {
    let parsed = if inherited {
        parse_shared::<T>(name, text)
    } else {
        parse::<T>(name, text)
    };
    match parsed {
        Ok(value) if value.version() == FORMAT_VERSION => Ok(value),
        Ok(value) => Err(Diagnostic::error(
            name,
            version_pos(text),
            format!("unsupported format version `{}`", value.version()),
        )
        .with_help(format!(
            "this medtrio reads `version: {FORMAT_VERSION}`; upgrade medtrio or convert the file"
        ))
        .with_source(text)),
        Err(diagnostic) => Err(*diagnostic),
    }
}

/// Parses one file of a folder (`cycle.yaml`, `members.yaml`, `local/`, `minutes/`), checking its format
/// version.
fn versioned<T: DeserializeOwned>(
    name: &str,
    text: &str,
    version: impl Fn(&T) -> u32,
) -> Result<T, Diagnostic> {
    match parse::<T>(name, text) {
        Ok(file) if version(&file) == FORMAT_VERSION => Ok(file),
        Ok(file) => Err(Diagnostic::error(
            name,
            version_pos(text),
            format!("unsupported format version `{}`", version(&file)),
        )
        .with_help(format!("this medtrio reads `version: {FORMAT_VERSION}`"))
        .with_source(text)),
        Err(d) => Err(*d),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_data_loads() {
        let loaded = load(&DataSource::Bundled).unwrap();
        assert!(!loaded.dataset.programme.meetings.is_empty());
    }
}
