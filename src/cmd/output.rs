//! Writing results: to stdout, or atomically to a file that is never silently overwritten.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Result;

use crate::cmd::interrupt::TempFile;
use crate::error::Failure;

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

/// Writes to the file when one is given, else to `out`.
pub fn emit(path: Option<&Path>, force: bool, bytes: &[u8], out: &mut dyn Write) -> Result<()> {
    match path {
        Some(path) => write_file(path, bytes, force),
        None => Ok(out.write_all(bytes)?),
    }
}
