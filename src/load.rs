//! Reading the three data files, bundled or from `--data DIR`, into the model.
//!
//! Every problem comes back as a [`Diagnostic`] that names the file, the line and the column.

use std::borrow::Cow;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, backticked, did_you_mean, nearest};
use crate::model::when::HELP_MARK;
use crate::model::{
    Cycle, Dataset, Findings, LocalFile, Located, Minutes, Pos, Programme, Roadmap,
};

pub use crate::model::FORMAT_VERSION;

/// Data files larger than this many MiB are refused before they are read, unless
/// `MEDTRIO_MAX_FILE_MB` says otherwise. 50 000 meetings take about 39 MB.
pub const DEFAULT_MAX_FILE_MB: u64 = 45;

/// The size limit in bytes: `MEDTRIO_MAX_FILE_MB`, or [`DEFAULT_MAX_FILE_MB`].
pub(crate) fn max_file_bytes() -> u64 {
    std::env::var("MEDTRIO_MAX_FILE_MB")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(DEFAULT_MAX_FILE_MB)
        .saturating_mul(1024 * 1024)
}

/// Where the data comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    /// The seed data compiled into the binary.
    Bundled,
    /// A folder holding `programme.yaml`, `roadmap.yaml` and `findings.yaml`.
    Dir(PathBuf),
}

/// One of the data files: the three main ones, the n-th file of `local/`, or the n-th file
/// of `minutes/`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum FileKind {
    Programme,
    Roadmap,
    Findings,
    Local(usize),
    Minutes(usize),
    /// `cycle.yaml`, the annual cycle; optional.
    Cycle,
}

impl FileKind {
    pub const ALL: [FileKind; 3] = [FileKind::Programme, FileKind::Roadmap, FileKind::Findings];

    pub fn file_name(self) -> &'static str {
        match self {
            FileKind::Programme => "programme.yaml",
            FileKind::Roadmap => "roadmap.yaml",
            FileKind::Findings => "findings.yaml",
            FileKind::Local(_) => "local/*.yaml",
            FileKind::Minutes(_) => "minutes/*.yaml",
            FileKind::Cycle => CYCLE_FILE,
        }
    }

    pub(crate) fn bundled_text(self) -> &'static str {
        match self {
            FileKind::Programme => include_str!("../data/programme.yaml"),
            FileKind::Roadmap => include_str!("../data/roadmap.yaml"),
            FileKind::Findings => include_str!("../data/findings.yaml"),
            FileKind::Local(_) | FileKind::Minutes(_) | FileKind::Cycle => "",
        }
    }
}

/// A data file's name as shown in messages, and where its text can be had again.
///
/// The text of a file is not kept after parsing: at 50 000 meetings it is as large as the
/// model. A diagnostic that quotes a line reads the file once more, the first time it asks.
#[derive(Clone, Debug, Default)]
pub struct SourceFile {
    pub name: String,
    bundled: Option<&'static str>,
    path: Option<PathBuf>,
    text: OnceLock<String>,
}

impl SourceFile {
    fn bundled(name: String, text: &'static str) -> Self {
        SourceFile {
            name,
            bundled: Some(text),
            ..SourceFile::default()
        }
    }

    pub(crate) fn file(name: String, path: PathBuf) -> Self {
        SourceFile {
            name,
            path: Some(path),
            ..SourceFile::default()
        }
    }

    /// A file that is not on disk yet, such as the one `medtrio plan` is about to write, so
    /// that it can be checked with the data first.
    pub fn in_memory(name: String, text: String) -> Self {
        SourceFile {
            name,
            text: OnceLock::from(text),
            ..SourceFile::default()
        }
    }

    /// The file it was read from; none for bundled data.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The text, for quoting lines in diagnostics.
    pub fn text(&self) -> &str {
        if let Some(text) = self.bundled {
            return text;
        }
        self.text.get_or_init(|| {
            let bytes = self
                .path
                .as_ref()
                .and_then(|p| fs::read(p).ok())
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes);
            text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned()
        })
    }
}

/// The texts the data came from, kept so that later checks can quote the offending line.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    pub programme: SourceFile,
    pub roadmap: SourceFile,
    pub findings: SourceFile,
    pub local: Vec<SourceFile>,
    /// The files of `minutes/`, index for index with [`Dataset::minutes`].
    pub minutes: Vec<SourceFile>,
    /// `cycle.yaml`, when the folder has one.
    pub cycle: SourceFile,
}

impl Sources {
    pub fn get(&self, kind: FileKind) -> &SourceFile {
        static NONE: SourceFile = SourceFile {
            name: String::new(),
            bundled: None,
            path: None,
            text: OnceLock::new(),
        };
        match kind {
            FileKind::Programme => &self.programme,
            FileKind::Roadmap => &self.roadmap,
            FileKind::Findings => &self.findings,
            FileKind::Local(i) => self.local.get(i).unwrap_or(&NONE),
            FileKind::Minutes(i) => self.minutes.get(i).unwrap_or(&NONE),
            FileKind::Cycle => &self.cycle,
        }
    }
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

/// The folder, inside a data folder, whose YAML files add meetings, templates and fora.
pub const LOCAL_DIR: &str = "local";

/// The folder, inside a data folder, that holds one file of minutes a meeting: `ID.yaml`.
pub const MINUTES_DIR: &str = "minutes";

/// The annual cycle's file in a data folder; optional.
pub const CYCLE_FILE: &str = "cycle.yaml";

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

/// Whether the data folder has a `cycle.yaml` (a file or anything else in its place, which
/// reading then refuses).
pub(crate) fn has_cycle(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(CYCLE_FILE)).is_ok()
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

/// A folder of YAML files inside a data folder: its name, and what it holds (for help).
type Folder = (&'static str, &'static str);
const LOCAL_FOLDER: Folder = (LOCAL_DIR, "the local YAML files");
const MINUTES_FOLDER: Folder = (MINUTES_DIR, "one minutes file a meeting, `ID.yaml`");

/// The YAML files of `DIR/local/`, in name order; none when the folder does not exist.
pub(crate) fn local_paths(dir: &Path) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    yaml_paths(dir, LOCAL_FOLDER)
}

/// The YAML files of `DIR/minutes/`, in name order; none when the folder does not exist.
pub(crate) fn minutes_paths(dir: &Path) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    yaml_paths(dir, MINUTES_FOLDER)
}

/// The YAML files (`*.yaml`, `*.yml`, in any case) of the folder `DIR/folder`, in name order;
/// none when it does not exist. A `folder` that is a file, or a folder that cannot be read,
/// is a problem: its files must not vanish without a word.
fn yaml_paths(dir: &Path, (folder, holds): Folder) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
    let folder_dir = dir.join(folder);
    let shown = folder_dir.display().to_string();
    let folder_problem = |message: String, help: String| {
        Box::new(Diagnostic::error(&shown, Pos::default(), message).with_help(help))
    };
    match fs::metadata(&folder_dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Ok(meta) if !meta.is_dir() => {
            return Err(folder_problem(
                format!("`{folder}` is a file, but a folder of YAML files is expected here"),
                format!("rename the file, or make `{folder}` a folder that holds {holds}"),
            ));
        }
        _ => {}
    }
    let entries = fs::read_dir(&folder_dir)
        .and_then(|entries| {
            entries
                .map(|e| e.map(|e| e.path()))
                .collect::<io::Result<Vec<PathBuf>>>()
        })
        .map_err(|e| {
            folder_problem(
                format!("cannot read the folder: {}", io_reason(&e)),
                "check the folder's permissions".to_owned(),
            )
        })?;
    let mut paths: Vec<PathBuf> = entries
        .into_iter()
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
        })
        .collect();
    paths.sort();
    Ok(paths)
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
        crate::tree::parse_shared::<T>(&file.name, &text)
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

fn version_pos(text: &str) -> Pos {
    text.lines()
        .position(|l| l.starts_with("version:"))
        .map(|i| Pos {
            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
            column: 10,
        })
        .unwrap_or_default()
}

fn check_dir(dir: &Path) -> Result<(), Vec<Diagnostic>> {
    let shown = dir.display().to_string();
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(vec![
            Diagnostic::error(&shown, Pos::default(), "the data path is a file, not a folder")
                .with_help(
                    "give --data the folder that holds programme.yaml, roadmap.yaml and findings.yaml",
                ),
        ]),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(vec![
            Diagnostic::error(&shown, Pos::default(), "the data folder does not exist").with_help(
                "check the path given to --data or MEDTRIO_DATA, or leave it out to use the bundled data; `medtrio init DIR` makes a new one",
            ),
        ]),
        Err(e) => Err(vec![
            Diagnostic::error(
                &shown,
                Pos::default(),
                format!("cannot open the data folder: {}", io_reason(&e)),
            )
            .with_help("check the folder's permissions, and that a link to it leads somewhere"),
        ]),
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
            let path = crate::tree::main_file(dir, kind);
            let name = path.display().to_string();
            let bytes = read_bytes(&path, &name).map_err(|d| {
                match (path.exists(), crate::tree::missing_inherited(dir, kind)) {
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

pub(crate) fn read_bytes(path: &Path, name: &str) -> Result<Vec<u8>, Box<Diagnostic>> {
    let whole_file = |message: String, help: &str| {
        Box::new(Diagnostic::error(name, Pos::default(), message).with_help(help))
    };
    let meta = fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => whole_file(
            "the file is missing".into(),
            "a data folder holds programme.yaml, roadmap.yaml and findings.yaml; `medtrio init DIR` writes a starter set",
        ),
        _ => whole_file(format!("cannot read the file: {}", io_reason(&e)), "check the file's permissions"),
    })?;
    if meta.is_dir() {
        return Err(whole_file(
            "this is a folder, but a YAML file is expected here".into(),
            "rename or move the folder, and put the YAML file in its place",
        ));
    }
    // A FIFO would block every command, and a device such as /dev/zero never ends: only
    // regular files (after following links) are read.
    if !meta.is_file() {
        return Err(whole_file(
            format!("this is {}, not a regular file", special_file_kind(&meta)),
            "put a YAML file here; medtrio reads only regular files",
        ));
    }
    let max = max_file_bytes();
    let too_large = |len: u64| {
        whole_file(
            format!(
                "the file is {} MiB; medtrio reads data files of up to {} MiB",
                len / (1024 * 1024),
                max / (1024 * 1024)
            ),
            "check that this is the right file; for larger data, set MEDTRIO_MAX_FILE_MB",
        )
    };
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let cannot_read = |e: io::Error| {
        whole_file(
            format!("cannot read the file: {}", io_reason(&e)),
            "check the file's permissions",
        )
    };
    // The limit holds for the bytes actually read, not only for what the metadata said: a file
    // may grow between the two.
    let file = fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > max {
        return Err(too_large(read));
    }
    Ok(bytes)
}

/// What a path that is not a regular file is, in words.
fn special_file_kind(meta: &fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "not found".into(),
        _ => e.to_string(),
    }
}

/// UTF-8 with an optional byte-order mark; anything else is refused with a way to fix it.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let bad = e.utf8_error().valid_up_to();
            let before = &bytes[..bad];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&bytes[line_start..bad])
                .chars()
                .count()
                + 1;
            let lossy = String::from_utf8_lossy(bytes);
            let pos = Pos {
                line: u32::try_from(line).unwrap_or(u32::MAX),
                column: u32::try_from(column).unwrap_or(u32::MAX),
            };
            return Err(Box::new(
                Diagnostic::error(
                    name,
                    pos,
                    format!("the file is not UTF-8 (byte 0x{:02X} cannot be read)", bytes[bad]),
                )
                .with_help(
                    "the file looks saved as Windows-1252 or Latin-1; open it and save it again with the encoding UTF-8 (in Notepad: File → Save as → Encoding: UTF-8)",
                )
                .with_source(&lossy),
            ));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    let has_content = text
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && !l.starts_with('#'));
    if !has_content {
        let message = if text.trim().is_empty() {
            "the file is empty"
        } else {
            "the file holds only comments"
        };
        return Err(Box::new(
            Diagnostic::error(name, Pos::default(), message)
                .with_help("a data file starts with `version: 1`; `medtrio init DIR` writes an example of each file"),
        ));
    }
    Ok(text)
}

/// The parser settings for a file of `len` bytes. Node and event budgets grow with the file,
/// so a large municipality's real data is never refused; depth and aliases stay tight, since
/// real data needs neither and hostile files do.
pub fn yaml_options(len: usize) -> serde_saphyr::Options {
    let scaled = len / 2;
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_nodes: 250_000usize.max(scaled),
            max_events: 1_000_000usize.max(scaled),
            max_aliases: 1_000,
            max_anchors: 1_000,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 100_000,
        },
    }
}

/// Parses one YAML document into `T`, turning a parser error into a located diagnostic.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options::<T>(text, yaml_options(text.len())).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos {
                line: u32::try_from(l.line()).unwrap_or(u32::MAX),
                column: u32::try_from(l.column()).unwrap_or(u32::MAX),
            })
            .unwrap_or_default();
        let Explained { message, help } = explain_parse_error(&e);
        let mut d = Diagnostic::error(name, pos, message).with_source(text);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        Box::new(d)
    })
}

/// A parser error in our words, with a way to fix it.
struct Explained {
    message: String,
    help: Option<String>,
}

impl Explained {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        Explained {
            message: message.into(),
            help: Some(help.into()),
        }
    }
}

/// Rewrites the parser's errors into ours, by their kind. Only the scanner's messages, which
/// have no kind of their own, are matched by text; each has a case in the bad-input corpus,
/// so a change in the dependency's wording fails a test rather than a user.
fn explain_parse_error(e: &serde_saphyr::Error) -> Explained {
    use serde_saphyr::Error as E;
    match e {
        E::WithSnippet { error, .. } => explain_parse_error(error),
        E::AliasError { error, .. } => explain_parse_error(error),
        other => names(other)
            .or_else(|| shapes(other))
            .or_else(|| limits(other))
            .unwrap_or_else(|| {
                explain_message(&other.render_with_formatter(&serde_saphyr::UserMessageFormatter))
            }),
    }
}

/// Errors about the names in a file: unknown, missing or repeated fields and values.
fn names(e: &serde_saphyr::Error) -> Option<Explained> {
    use serde_saphyr::Error as E;
    Some(match e {
        E::SerdeUnknownField {
            field, expected, ..
        } => unknown_name(field, expected, |mean, fields| match mean {
            Some(mean) => format!("{mean} The fields here are {fields}"),
            None => format!("the fields here are {fields}"),
        })
        .with_message(format!("unknown field `{field}`")),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => unknown_name(variant, expected, |mean, values| match mean {
            Some(mean) => format!("{mean} Write one of {values}"),
            None => format!("write one of {values}"),
        })
        .with_message(format!("`{variant}` is not a known value here")),
        E::SerdeMissingField { field, .. } => Explained::new(
            format!("missing field `{field}`"),
            format!("add `{field}:` to this entry"),
        ),
        E::DuplicateMappingKey { key, .. } => Explained::new(
            format!(
                "the key `{}` appears twice in the same mapping",
                key.as_deref().unwrap_or("?")
            ),
            "keep one of them; YAML would silently drop the other",
        ),
        _ => return None,
    })
}

/// Errors about the shape of a value: a list where one value is expected, a text where a
/// number is, an empty value, a file cut short.
fn shapes(e: &serde_saphyr::Error) -> Option<Explained> {
    use serde_saphyr::Error as E;
    Some(match e {
        E::MultipleDocuments { .. } => Explained::new(
            "the file holds more than one YAML document",
            "keep one document per file: remove the second `---` and what follows it",
        ),
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => Explained::new(
            "expected a single value here",
            "write one word, e.g. `status: planned`, not a list or a mapping",
        ),
        E::NullIntoString { .. } => Explained::new(
            "this value is empty (null)",
            "write a value, or leave the key out if it is optional",
        ),
        E::Unexpected { expected, .. } => match *expected {
            "sequence start" => Explained::new(
                "expected a list here",
                "write one `- ` line per entry, or `[a, b]`",
            ),
            "mapping start" => Explained::new(
                "expected `key: value` lines here",
                "check the indentation: each entry's keys line up under its first key",
            ),
            "string scalar" => Explained::new(
                "expected a text here",
                "write a single text; put it in quotes if it contains `:` or starts with `[`, `{` or `-`",
            ),
            other => Explained {
                message: format!("expected {other} here"),
                help: None,
            },
        },
        E::Eof { .. } => Explained::new(
            "the file ends where more is expected",
            "check that the file is complete and that every list and mapping is closed",
        ),
        E::InvalidScalar { ty, .. } if *ty == "bool" => Explained {
            message: "expected `true` or `false`".into(),
            help: None,
        },
        E::InvalidScalar { ty, .. }
            if ["u8", "u16", "u32", "u64", "i32", "i64", "usize"].contains(ty) =>
        {
            Explained::new("expected a whole number", "write a number such as `30`")
        }
        _ => return None,
    })
}

/// The parser's budgets, which refuse hostile files: alias bombs and deep nesting.
fn limits(e: &serde_saphyr::Error) -> Option<Explained> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach;
    Some(match e {
        E::Budget { breach, .. } => refused(match breach {
            BudgetBreach::Depth { .. } => Refusal::Depth,
            BudgetBreach::Aliases { .. } | BudgetBreach::Anchors { .. } => Refusal::Aliases,
            _ => Refusal::Size,
        }),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => refused(Refusal::Aliases),
        E::AliasReplayStackDepthExceeded { .. } => refused(Refusal::Depth),
        _ => return None,
    })
}

/// What a hostile or oversized file tripped.
enum Refusal {
    Aliases,
    Depth,
    Size,
}

fn refused(why: Refusal) -> Explained {
    let what = match why {
        Refusal::Aliases => "it uses more aliases (`*name`) than a data file needs (at most 1000)",
        Refusal::Depth => "it nests deeper than a data file needs (at most 64 levels)",
        Refusal::Size => "it is larger or more complex than medtrio reads",
    };
    Explained::new(
        format!("the file is refused: {what}"),
        "check that this is a medtrio data file; hostile YAML (alias bombs, deep nesting) is refused on purpose",
    )
}

/// An unknown field or value, with the nearest known one and all of them.
fn unknown_name(
    wrong: &str,
    expected: &[&str],
    help: impl Fn(Option<String>, String) -> String,
) -> Explained {
    let mean = did_you_mean(nearest(wrong, expected.iter().copied()));
    Explained {
        message: String::new(),
        help: Some(help(mean, backticked(expected.iter().copied()))),
    }
}

impl Explained {
    fn with_message(mut self, message: String) -> Self {
        self.message = message;
        self
    }
}

/// The messages that have no kind: our own (dates and times, which carry their help after
/// [`HELP_MARK`]) and the scanner's.
fn explain_message(raw: &str) -> Explained {
    let raw = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    if let Some((message, help)) = raw.split_once(HELP_MARK) {
        return Explained::new(message, help);
    }
    if raw.starts_with("unclosed quote") {
        return Explained::new(
            "a quoted text is never closed",
            "end the text with the same quote mark it starts with",
        );
    }
    if raw.starts_with("tabs disallowed") {
        return Explained::new(
            "a tab is used for indentation",
            "YAML indents with spaces; replace the tab with spaces",
        );
    }
    // The scanner's own nesting limit, below the budget's depth for flow collections.
    if raw.starts_with("recursion limit exceeded") {
        return refused(Refusal::Depth);
    }
    if raw.starts_with("invalid type: ") {
        return Explained {
            message: raw.to_owned(),
            help: None,
        };
    }
    Explained {
        message: format!("invalid YAML: {raw}"),
        help: None,
    }
}

/// The bundled text of one of the three files.
pub fn bundled_text(kind: FileKind) -> &'static str {
    kind.bundled_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(text: &str) -> Diagnostic {
        match parse::<Roadmap>("roadmap.yaml", text) {
            Ok(_) => panic!("parsed: {text}"),
            Err(d) => *d,
        }
    }

    #[test]
    fn the_bundled_data_loads() {
        let loaded = load(&DataSource::Bundled).unwrap();
        assert!(!loaded.dataset.programme.meetings.is_empty());
    }

    #[test]
    fn an_unknown_field_suggests_the_nearest_and_lists_them_all() {
        let d = problem("version: 1\nid: r\ntitel: x\n");
        assert_eq!((d.line, d.column), (3, 1));
        assert_eq!(d.message, "unknown field `titel`");
        assert_eq!(
            d.help.as_deref(),
            Some(
                "did you mean `title`? The fields here are `version`, `id`, `title`, `forums`, `activities`"
            )
        );
    }

    #[test]
    fn a_key_written_twice_is_named() {
        let d = problem("version: 1\nid: r\nid: s\ntitle: x\n");
        assert_eq!(d.message, "the key `id` appears twice in the same mapping");
    }

    #[test]
    fn an_alias_bomb_is_refused_by_kind() {
        let text = include_str!("../tests/bad-input/alias-bomb.programme.yaml");
        let d = match parse::<Programme>("programme.yaml", text) {
            Ok(_) => panic!("parsed the alias bomb"),
            Err(d) => *d,
        };
        assert_eq!(
            d.message,
            "the file is refused: it uses more aliases (`*name`) than a data file needs (at most 1000)"
        );
    }

    #[test]
    fn deep_nesting_is_refused_by_kind() {
        let d = problem(include_str!(
            "../tests/bad-input/deep-nesting-list.roadmap.yaml"
        ));
        assert_eq!(
            d.message,
            "the file is refused: it nests deeper than a data file needs (at most 64 levels)"
        );
    }
}
