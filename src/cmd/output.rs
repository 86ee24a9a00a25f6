//! Writing results: the one output seat ([`Request`], [`Output`]) that chooses the format
//! and checks it, and the writes: to stdout, or atomically to a file that is never silently
//! overwritten.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::Result;

use crate::cmd::Context;
use crate::cmd::interrupt::TempFile;
use crate::error::Failure;
use crate::render::{Document, Format, Renderer};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, synced to disk,
/// then a rename. Without `force`, an existing file is refused and left as it was.
pub fn write_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_file_with(path, bytes, force, Durability::Synced)
}

/// Whether a write waits for the disk before the rename.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Survives a power cut: one file the user asked for.
    Synced,
    /// Survives an interrupted run (the rename is still atomic), but not a power cut: for
    /// the thousands of files of an export, where a sync per file would dominate the time.
    Atomic,
}

pub fn write_file_with(
    path: &Path,
    bytes: &[u8],
    force: bool,
    durability: Durability,
) -> Result<()> {
    write_file_streamed(path, force, durability, |out| Ok(out.write_all(bytes)?))
}

/// As [`write_file_with`], but `fill` writes the contents straight into the temporary file,
/// so that a large document is never held in memory whole. When `fill` fails, the
/// temporary file is removed and `path` is left as it was.
pub fn write_file_streamed(
    path: &Path,
    force: bool,
    durability: Durability,
    fill: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let shown = path.display();
    if path.is_dir() {
        return Err(Failure::operation(
            format!("`{shown}` is a folder"),
            "give -o a file name, e.g. `agenda.html`",
        )
        .into());
    }
    // --force replaces a file, never a link (whose target could be anywhere) or a device.
    if force
        && let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.is_file()
    {
        return Err(Failure::operation(
            format!("`{shown}` is not a regular file"),
            "give -o the name of a file; medtrio does not replace links, devices or pipes",
        )
        .into());
    }
    if !force && path.exists() {
        return Err(Failure::operation(
            format!("`{shown}` already exists"),
            "add --force to overwrite it",
        )
        .into());
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".medtrio-");
    // A temporary file is private (0600) by default; the file it becomes gets the usual
    // mode of a new file (0666 less the umask), as `medtrio … > file` would, so that a web
    // server can read an exported site.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Listed until it is renamed, so that SIGINT or SIGTERM removes it (cmd/interrupt.rs).
    let mut tmp = TempFile::new_in(&builder, dir).map_err(|e| write_error(path, &e))?;
    {
        let mut out = io::BufWriter::with_capacity(64 * 1024, tmp.as_file_mut());
        fill(&mut out)
            .and_then(|()| Ok(out.flush()?))
            .map_err(|e| match e.downcast::<io::Error>() {
                Ok(io) => write_error(path, &io),
                Err(other) => other,
            })?;
    }
    if durability == Durability::Synced {
        tmp.as_file()
            .sync_all()
            .map_err(|e| write_error(path, &e))?;
    }
    // Without --force, refuses atomically if the file appeared in the meantime.
    tmp.persist(path, force).map_err(|e| {
        if !force && e.kind() == io::ErrorKind::AlreadyExists {
            Failure::operation(
                format!("`{shown}` already exists"),
                "add --force to overwrite it",
            )
            .into()
        } else {
            write_error(path, &e)
        }
    })?;
    Ok(())
}

pub(crate) fn write_error(path: &Path, e: &io::Error) -> anyhow::Error {
    let reason = match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        _ => e.to_string(),
    };
    Failure::operation(
        format!("cannot write `{}`: {reason}", path.display()),
        "nothing was changed; check the folder and try again",
    )
    .into()
}

/// What a command offers for its output, and what the user asked for: the one seat every
/// command's output goes through, in the spirit of hyperfine's `ExportManager` and xsv's
/// `Config::writer`. [`Request::open`] chooses the format and checks every flag once;
/// [`Output::write`] renders and writes.
pub struct Request<'a> {
    /// `--format` as given; `None` when it was left out.
    pub format: Option<Format>,
    /// `-o FILE`; `-` is standard output.
    pub output: Option<&'a Path>,
    /// `--force`.
    pub force: bool,
    /// `--excel`.
    pub excel: bool,
    /// The formats the command offers.
    pub offered: &'static [Format],
    /// The format without `--format` and without an extension of `-o`.
    pub default: Format,
    /// The file name a refused binary format suggests (`-o dagsorden.pdf`), without extension.
    pub example: &'static str,
}

/// A command's output, chosen and checked: its format, and the file or standard output.
pub struct Output<'a> {
    format: Format,
    path: Option<&'a Path>,
    force: bool,
    excel: bool,
}

impl<'a> Request<'a> {
    /// A request for a command with `-o`, `--force` and an optional `--format`.
    pub fn new(
        format: Option<Format>,
        output: Option<&'a Path>,
        force: bool,
        offered: &'static [Format],
        default: Format,
        example: &'static str,
    ) -> Self {
        Request {
            format,
            output,
            force,
            excel: false,
            offered,
            default,
            example,
        }
    }

    /// A document command's request (`--format`, `-o`, `--force`), offering the documents'
    /// formats, plain text by default.
    pub fn doc(doc: &'a crate::cli::DocOutput, example: &'static str) -> Self {
        Request::new(
            doc.format,
            doc.output.as_deref(),
            doc.force,
            crate::render::offered::DOCUMENT,
            Format::Txt,
            example,
        )
    }

    /// A list command's request: `--format` (a table by default) and `--excel`, to standard
    /// output.
    pub fn table(table: &crate::cli::TableOutput) -> Self {
        Request::stdout(table.format).excel(table.excel)
    }

    /// A request for a command that writes to standard output only, in `format`.
    pub fn stdout(format: Format) -> Self {
        Request::new(Some(format), None, false, &[], format, "")
    }

    /// With `--excel` as given.
    pub fn excel(mut self, excel: bool) -> Self {
        self.excel = excel;
        self
    }

    /// Chooses the format (the flag, else the extension of `-o`, else the default) and
    /// refuses, as usage errors: a `--format` that disagrees with the extension of `-o`,
    /// `--excel` without CSV, and a binary format for a terminal.
    pub fn open(self) -> Result<Output<'a>> {
        let path = self.output.filter(|p| p.as_os_str() != "-");
        let format = Format::choose(self.format, path, self.offered, self.default)?;
        if let (Some(flag), Some(path)) = (self.format, path) {
            check_extension(flag, path, self.offered)?;
        }
        if self.excel && format != Format::Csv {
            return Err(Failure::usage("--excel applies only to --format csv").into());
        }
        if path.is_none() && format.is_binary() && io::stdout().is_terminal() {
            return Err(Failure::usage_with_help(
                format!(
                    "a {} file is not for the terminal",
                    format.extension().to_uppercase()
                ),
                format!(
                    "write it to a file with -o, e.g. `-o {}.{}`, or pipe it",
                    self.example,
                    format.extension()
                ),
            )
            .into());
        }
        Ok(Output {
            format,
            path,
            force: self.force,
            excel: self.excel,
        })
    }
}

/// The name of a format as `--format` spells it.
fn flag_name(format: Format) -> String {
    use clap::ValueEnum;
    format.to_possible_value().map_or_else(
        || format.extension().to_owned(),
        |v| v.get_name().to_owned(),
    )
}

/// Refuses `--format F -o FILE` when the extension of FILE names formats, none of them F:
/// `--format pdf -o x.docx` would write a PDF into a file named `.docx`.
fn check_extension(flag: Format, path: &Path, offered: &[Format]) -> Result<()> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if ext.is_empty() || !Format::names_a_format(&ext) || Format::is_named_by(flag, &ext) {
        return Ok(());
    }
    let renamed = path.with_extension(flag.extension());
    let help = match Format::by_extension(&ext, offered) {
        Some(other) => format!(
            "name the file `{}` for --format {}, or leave out --format to write {} into `{}`",
            renamed.display(),
            flag_name(flag),
            flag_name(other),
            path.display()
        ),
        None => format!(
            "name the file `{}` for --format {}",
            renamed.display(),
            flag_name(flag)
        ),
    };
    Err(Failure::usage_with_help(
        format!(
            "--format {} writes a .{} file, but `-o {}` names a .{ext} file",
            flag_name(flag),
            flag.extension(),
            path.display()
        ),
        help,
    )
    .into())
}

impl Output<'_> {
    /// The format chosen.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Whether CSV is written for Danish Excel.
    pub fn excel(&self) -> bool {
        self.excel
    }

    /// Writes bytes made by the command itself (the combined PDF) as [`Self::write`] writes
    /// a rendered document: atomically to the file of `-o`, else to `out`.
    pub fn write_bytes(&self, bytes: &[u8], out: &mut dyn Write) -> Result<()> {
        match self.path {
            Some(path) => write_file_streamed(path, self.force, Durability::Synced, |w| {
                Ok(w.write_all(bytes)?)
            }),
            None => Ok(out.write_all(bytes)?),
        }
    }

    /// Renders `doc` and writes it: atomically to the file of `-o` (never silently
    /// overwritten), else to `out`. A format that can fail half-way (a user's template, a
    /// layout) is rendered whole first, so that a failure leaves standard output empty; the
    /// rest streams.
    pub fn write(
        &self,
        ctx: &Context,
        renderer: &Renderer,
        doc: &Document<'_>,
        out: &mut dyn Write,
    ) -> Result<()> {
        let render = |w: &mut dyn Write| ctx.render(renderer, doc, self.format, w);
        match self.path {
            Some(path) => write_file_streamed(path, self.force, Durability::Synced, render),
            None if matches!(
                self.format,
                Format::Html | Format::Pdf | Format::Docx | Format::Cards
            ) =>
            {
                let mut bytes = Vec::new();
                render(&mut bytes)?;
                Ok(out.write_all(&bytes)?)
            }
            None => render(out),
        }
    }
}
