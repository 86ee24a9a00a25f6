//! A data folder's files as bytes and text: which files there are (`FileKind`), where their
//! text can be had again (`SourceFile`, `Sources`), and reading them safely: size limits,
//! special files refused, UTF-8 checked, the folders of `local/` and `minutes/` listed.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::Diagnostic;
use crate::model::Pos;

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
    /// `members.yaml`, the committee's members; optional.
    Members,
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
            FileKind::Members => MEMBERS_FILE,
        }
    }

    pub(crate) fn bundled_text(self) -> &'static str {
        match self {
            FileKind::Programme => include_str!("../../data/programme.yaml"),
            FileKind::Roadmap => include_str!("../../data/roadmap.yaml"),
            FileKind::Findings => include_str!("../../data/findings.yaml"),
            FileKind::Local(_) | FileKind::Minutes(_) | FileKind::Cycle | FileKind::Members => "",
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
    pub(super) fn bundled(name: String, text: &'static str) -> Self {
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

    /// The file at `path` with new text, not written yet: its lines are quoted from the new
    /// text.
    pub fn edited(name: String, path: PathBuf, text: String) -> Self {
        SourceFile {
            name,
            path: Some(path),
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
            // Read again as the loader read it: a file that became a link out, a FIFO or a
            // huge file since is not quoted.
            let bytes = self
                .path
                .as_ref()
                .and_then(|p| read_bytes(p, &self.name).ok())
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
    /// `members.yaml`, when the folder has one.
    pub members: SourceFile,
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
            FileKind::Members => &self.members,
        }
    }
}

/// The folder, inside a data folder, whose YAML files add meetings, templates and fora.
pub const LOCAL_DIR: &str = "local";

/// The folder, inside a data folder, that holds one file of minutes a meeting: `ID.yaml`.
pub const MINUTES_DIR: &str = "minutes";

/// The data folder that holds the folder `cwd` (the current folder): the nearest of `cwd`
/// and the folders above it that holds a `programme.yaml`, as cargo finds its manifest and
/// git its repository. A tree's committee folder counts. The path is relative to `cwd`
/// (`.`, `..`, `../..`), so that messages name the files as the user sees them from there.
pub fn find_data_dir(cwd: &Path) -> Option<PathBuf> {
    cwd.ancestors().enumerate().find_map(|(up, dir)| {
        dir.join("programme.yaml").is_file().then(|| match up {
            0 => PathBuf::from("."),
            _ => std::iter::repeat_n("..", up).collect(),
        })
    })
}

/// The files and folders of `dir` that look like medtrio's data without being a data folder
/// (it has no `programme.yaml`): a roadmap, findings, cycle or members file, or YAML in `local/` or
/// `minutes/`. Named when the bundled data is read instead, so that it does not surprise.
pub fn lookalikes(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = [
        FileKind::Roadmap,
        FileKind::Findings,
        FileKind::Cycle,
        FileKind::Members,
    ]
    .iter()
    .map(|k| k.file_name())
    .filter(|name| dir.join(name).is_file())
    .map(str::to_owned)
    .collect();
    for folder in [LOCAL_FOLDER, MINUTES_FOLDER] {
        if yaml_paths(dir, folder).is_ok_and(|p| !p.is_empty()) {
            found.push(format!("{}/", folder.0));
        }
    }
    found
}

/// The annual cycle's file in a data folder; optional.
pub const CYCLE_FILE: &str = "cycle.yaml";

/// Whether the data folder has a `cycle.yaml` (a file or anything else in its place, which
/// reading then refuses).
pub(crate) fn has_cycle(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(CYCLE_FILE)).is_ok()
}

/// The members' file in a data folder; optional.
pub const MEMBERS_FILE: &str = "members.yaml";

/// Whether the data folder has a `members.yaml` (or anything else in its place).
pub(crate) fn has_members(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MEMBERS_FILE)).is_ok()
}

/// A folder of YAML files inside a data folder: its name, and what it holds (for help).
pub(super) type Folder = (&'static str, &'static str);
pub(super) const LOCAL_FOLDER: Folder = (LOCAL_DIR, "the local YAML files");
pub(super) const MINUTES_FOLDER: Folder = (MINUTES_DIR, "one minutes file a meeting, `ID.yaml`");

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
pub(super) fn yaml_paths(
    dir: &Path,
    (folder, holds): Folder,
) -> Result<Vec<PathBuf>, Box<Diagnostic>> {
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

pub(super) fn check_dir(dir: &Path) -> Result<(), Vec<Diagnostic>> {
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
    // A link may lead anywhere (`/proc/self/environ`, a file of another project): a data
    // file is read only when it is inside its data folder, so that no message can quote what
    // is not the user's data.
    if leads_out(path) {
        return Err(whole_file(
            "this is a link that leads out of the data folder; medtrio reads no file outside it"
                .into(),
            "put the file itself here, or a link to a file inside the data folder",
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

/// The data folder a data file's path is in: the folder that holds it, or for a file of
/// `local/` or `minutes/` the folder above that.
fn home_of(path: &Path) -> &Path {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match parent.file_name().and_then(|n| n.to_str()) {
        Some(LOCAL_DIR | MINUTES_DIR) => match parent.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        },
        _ => parent,
    }
}

/// Whether `path`, with every link on the way followed, is outside its data folder
/// ([`home_of`], itself followed). A path that cannot be followed is not out: reading it
/// then says why.
pub(crate) fn leads_out(path: &Path) -> bool {
    match (path.canonicalize(), home_of(path).canonicalize()) {
        (Ok(real), Ok(home)) => !real.starts_with(home),
        _ => false,
    }
}

/// What a path that is not a regular file is, in words.
pub(crate) fn special_file_kind(meta: &fs::Metadata) -> &'static str {
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

pub(super) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::NotFound => "not found".into(),
        _ => e.to_string(),
    }
}

/// UTF-8 with an optional byte-order mark; anything else is refused with a way to fix it.
pub(super) fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
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

/// The bundled text of one of the three files.
pub fn bundled_text(kind: FileKind) -> &'static str {
    kind.bundled_text()
}
