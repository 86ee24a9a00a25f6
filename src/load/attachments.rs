//! The agenda items' attachments (bilag) on the disk: each must be a regular file inside the
//! data folder, within a size limit, and a PDF must be one that can be read (its pages are
//! counted). Checked by the checked load every time, after the cache, because the cache keys
//! by the data files and not by the attachments: a replaced PDF is never described stale.

use std::fs;
use std::io::Read;
use std::path::{Component, Path};

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::load::files::{io_reason, special_file_kind};
use crate::model::{AgendaItem, Attachment, Found, Located};

/// An attachment larger than this is refused: e-mail systems commonly stop at 20–25 MB, and
/// the invitation carries the attachments.
pub const MAX_ATTACHMENT_MB: u64 = 20;

const MIB: u64 = 1024 * 1024;

/// Finds every attachment of the data's meetings and templates in `dir`, the data folder,
/// and fills in what it is ([`Attachment::found`]); every problem, with file, line and column.
pub fn resolve(dir: &Path, loaded: &mut Loaded) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let root = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let Loaded {
        dataset,
        sources,
        provenance,
        ..
    } = loaded;
    let programme = &mut dataset.programme;
    let meetings = programme
        .meetings
        .iter_mut()
        .zip(
            provenance
                .meetings
                .iter()
                .map(Some)
                .chain(std::iter::repeat(None)),
        )
        .map(|(m, kind)| (&mut m.value.items, kind));
    let templates = programme
        .templates
        .iter_mut()
        .zip(
            provenance
                .templates
                .iter()
                .map(Some)
                .chain(std::iter::repeat(None)),
        )
        .map(|(t, kind)| (&mut t.value.items, kind));
    for (items, kind) in meetings.chain(templates) {
        let items: &mut Vec<Located<AgendaItem>> = items;
        if items.iter().all(|i| i.attachments.is_empty()) {
            continue;
        }
        let file = kind.map(|k| sources.get(*k));
        let name = file.map_or("programme.yaml", |f| f.name.as_str());
        for item in items.iter_mut() {
            for attachment in &mut item.value.attachments {
                match find(dir, &root, &attachment.value) {
                    Ok(found) => attachment.value.found = Some(found),
                    Err((message, help)) => {
                        let d = Diagnostic::error(name, attachment.pos, message).with_help(help);
                        problems.push(match file {
                            Some(f) => d.with_source(f.text()),
                            None => d,
                        });
                    }
                }
            }
        }
    }
    problems
}

/// A problem's message and its help.
type Problem = (String, String);

/// The attachment's file, checked: inside the data folder (`dir`, which is `root` once links
/// are followed), a regular file (its type is checked before it is opened, so that a FIFO is
/// never opened), within the size limit, and a PDF that can be read.
fn find(dir: &Path, root: &Path, attachment: &Attachment) -> Result<Found, Problem> {
    let file = attachment.file.as_str();
    if file.trim().is_empty() {
        return Err((
            "the attachment's path is empty".to_owned(),
            "give the file's path from the data folder, e.g. `bilag/apv-handleplan.pdf`".to_owned(),
        ));
    }
    let outside = || {
        (
            format!("the attachment `{file}` is outside the data folder"),
            "put the file in the data folder (in `bilag/`, say) and give its path from there"
                .to_owned(),
        )
    };
    let mut depth: i32 = 0;
    for part in Path::new(file).components() {
        match part {
            Component::Prefix(_) | Component::RootDir => return Err(outside()),
            Component::ParentDir => depth -= 1,
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
        }
        if depth < 0 {
            return Err(outside());
        }
    }
    let path = dir.join(file);
    let missing = || {
        (
            format!("the attachment `{file}` does not exist"),
            "check the file's name and folder: the path is read from the data folder".to_owned(),
        )
    };
    let cannot_read = |e: &std::io::Error| {
        (
            format!("cannot read the attachment `{file}`: {}", io_reason(e)),
            "check the file's permissions".to_owned(),
        )
    };
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing()),
        Err(e) => return Err(cannot_read(&e)),
        Ok(_) => {}
    }
    // A link (the file or a folder on its way) may lead anywhere: where it really is counts.
    let real = match fs::canonicalize(&path) {
        Ok(real) => real,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(missing()),
        Err(e) => return Err(cannot_read(&e)),
    };
    if !real.starts_with(root) {
        return Err((
            format!("the attachment `{file}` is a link that leads outside the data folder"),
            "copy the file into the data folder instead of linking to it".to_owned(),
        ));
    }
    let meta = fs::metadata(&real).map_err(|e| cannot_read(&e))?;
    if meta.is_dir() {
        return Err((
            format!("the attachment `{file}` is a folder, not a file"),
            format!(
                "name a file in the folder, e.g. `{}/plan.pdf`",
                file.trim_end_matches('/')
            ),
        ));
    }
    if !meta.is_file() {
        return Err((
            format!(
                "the attachment `{file}` is {}, not a regular file",
                special_file_kind(&meta)
            ),
            "attach a regular file; medtrio reads only regular files".to_owned(),
        ));
    }
    let max = MAX_ATTACHMENT_MB * MIB;
    let too_large = |len: u64| {
        (
            format!(
                "the attachment `{file}` is {} MiB; an attachment may be up to {MAX_ATTACHMENT_MB} MiB",
                len.div_ceil(MIB)
            ),
            "make the file smaller (a PDF saved for screen rather than print), or split it in two"
                .to_owned(),
        )
    };
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    let pages = if attachment.is_pdf() {
        let bytes = read_within(&real, max).map_err(|e| cannot_read(&e))?;
        let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        if read > max {
            return Err(too_large(read));
        }
        Some(pdf_pages(bytes).ok_or_else(|| {
            (
                format!("the attachment `{file}` is not a PDF that can be read"),
                "open it and save it again as PDF, or give it the extension of what it is"
                    .to_owned(),
            )
        })?)
    } else {
        None
    };
    Ok(Found {
        path,
        bytes: meta.len(),
        pages,
    })
}

/// The file's bytes, at most `max` and one more (so that a file that grew is seen to).
fn read_within(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    fs::File::open(path)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The number of pages of a PDF, read with hayro-syntax (typst's own PDF reader); none when
/// it is no PDF, is encrypted, or has no pages.
pub fn pdf_pages(bytes: Vec<u8>) -> Option<u32> {
    let pdf = hayro_syntax::Pdf::new(bytes).ok()?;
    let pages = u32::try_from(pdf.pages().len()).ok()?;
    (pages > 0).then_some(pages)
}

/// Reads an attachment's bytes again for a command that sends or merges it, within the limit.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = read_within(path, MAX_ATTACHMENT_MB * MIB)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_ATTACHMENT_MB * MIB {
        return Err(std::io::Error::other(format!(
            "the file grew beyond {MAX_ATTACHMENT_MB} MiB"
        )));
    }
    Ok(bytes)
}
