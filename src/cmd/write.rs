//! Writing a change to the user's data files: checked before it is written (the folder must
//! validate with the new text), atomic (a lock file, a temporary file, a rename), refused
//! when the file changed on disk since it was read, and told in one line; `--dry-run` prints
//! the diff instead.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cmd::interrupt::{self, TempFile};
use crate::error::Failure;
use crate::load::Loaded;
use crate::model::Minutes;

/// One file's new text.
#[derive(Clone, Debug)]
pub struct Change {
    pub path: PathBuf,
    /// The text as read, or `None` for a new file.
    pub before: Option<String>,
    pub after: String,
}

/// Reads a data file to change it.
pub fn read(path: &Path) -> Result<String> {
    let cannot = |e: io::Error| {
        Failure::operation(
            format!("cannot read `{}`: {e}", path.display()),
            "check the file and try again; nothing was changed",
        )
    };
    let bytes = std::fs::read(path).map_err(cannot)?;
    String::from_utf8(bytes).map_err(|_| {
        Failure::operation(
            format!("`{}` is not UTF-8 text", path.display()),
            "medtrio reads and writes data files as UTF-8",
        )
        .into()
    })
}

/// Checks the changes, then writes them one by one, each atomically, and says `what` in one
/// line on stderr. With `dry_run`, prints the diff to `out` and writes nothing.
pub fn apply(
    ctx: &super::Context,
    changes: &[Change],
    what: &str,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<()> {
    check(ctx, changes)?;
    if dry_run {
        for change in changes {
            write_diff(change, out)?;
        }
        out.flush()?;
        eprintln!("{what} (dry run: nothing was written)");
        return Ok(());
    }
    for change in changes {
        put(change)?;
    }
    eprintln!("{what}");
    Ok(())
}

/// The unified diff of a change, with the file's path.
fn write_diff(change: &Change, out: &mut dyn Write) -> io::Result<()> {
    let before = change.before.as_deref().unwrap_or("");
    let name = change.path.display().to_string();
    let old = if change.before.is_some() {
        name.clone()
    } else {
        "/dev/null".to_owned()
    };
    let diff = similar::TextDiff::from_lines(before, &change.after);
    write!(
        out,
        "{}",
        diff.unified_diff().context_radius(2).header(&old, &name)
    )
}

/// The folder must validate with the new texts: else the problems are printed, located in the
/// text that would have been written, and nothing is written. Each file is checked by the load
/// seat (`checked::load_edited`), which takes one file at a time; where one command changes two
/// (the first minutes of a meeting, and its agenda frozen), issuing changes no number, so each
/// is checked with the other as it stands on disk.
fn check(ctx: &super::Context, changes: &[Change]) -> Result<()> {
    if let crate::load::DataSource::Dir(dir) = &ctx.source {
        for change in changes {
            refuse_outside(dir, &change.path)?;
        }
    }
    for change in changes {
        let edit = crate::load::Edit {
            path: change.path.clone(),
            text: change.after.clone(),
        };
        let Err(problems) = crate::checked::load_edited(&ctx.source, &edit, ctx.today) else {
            continue;
        };
        let errors: Vec<_> = problems.into_iter().filter(|d| d.is_error()).collect();
        if errors.is_empty() {
            continue;
        }
        super::print_diagnostics(&errors);
        return Err(Failure::operation(
            "the data would not validate with this change, so nothing was written",
            "the lines above are of the file as it would have been written; fix what they name in the other files, or change the flags",
        )
        .into());
    }
    Ok(())
}

/// Refuses a write to `path` that would land outside the data folder `dir`: through a
/// `minutes/` or `local/` that is a link to a folder elsewhere. The nearest folder of `path`
/// that exists is followed, as the write would follow it.
pub fn refuse_outside(dir: &Path, path: &Path) -> Result<()> {
    let Ok(home) = dir.canonicalize() else {
        return Ok(());
    };
    let Some(folder) = path
        .ancestors()
        .skip(1)
        .map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
        .find(|p| p.exists())
    else {
        return Ok(());
    };
    match folder.canonicalize() {
        Ok(real) if !real.starts_with(&home) => Err(Failure::operation(
            format!(
                "`{}` would be written outside the data folder: `{}` is a link that leads out of it",
                path.display(),
                folder.display()
            ),
            "medtrio writes a data folder's files only inside it; make the link a folder of its own, or give --data the folder it leads to",
        )
        .into()),
        _ => Ok(()),
    }
}

/// Writes one change: under a lock file beside it, refusing a file that changed since it was
/// read or that is read-only; through a temporary file renamed over it, with its old mode.
fn put(change: &Change) -> Result<()> {
    let path = &change.path;
    let shown = path.display();
    let lock = Lock::take(path)?;
    let now = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(super::output::write_error(path, &e)),
    };
    match (&change.before, &now) {
        (Some(before), Some(now)) if before.as_bytes() == now.as_slice() => {}
        (None, None) => {}
        (None, Some(_)) => {
            return Err(Failure::operation(
                format!("`{shown}` already exists"),
                "another program wrote it while medtrio worked; nothing was changed: run the command again",
            )
            .into());
        }
        _ => {
            return Err(Failure::operation(
                format!("`{shown}` changed on disk since medtrio read it"),
                "another program or person wrote it meanwhile; nothing was changed: run the command again",
            )
            .into());
        }
    }
    let mode = match std::fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => {
            return Err(Failure::operation(
                format!("`{shown}` is read-only"),
                "medtrio does not change a read-only file; make it writable (chmod u+w) if the change is meant",
            )
            .into());
        }
        Ok(meta) => Some(meta.permissions()),
        Err(_) => None,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".medtrio-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp =
        TempFile::new_in(&builder, dir).map_err(|e| super::output::write_error(path, &e))?;
    tmp.as_file_mut()
        .write_all(change.after.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| super::output::write_error(path, &e))?;
    if let Some(mode) = mode {
        std::fs::set_permissions(tmp.path(), mode)
            .map_err(|e| super::output::write_error(path, &e))?;
    }
    tmp.persist(path, true)
        .map_err(|e| super::output::write_error(path, &e))?;
    drop(lock);
    Ok(())
}

/// `FILE.lock`, made only if it is not there (as cargo and git lock a file they rewrite),
/// removed when dropped or when the run is interrupted.
struct Lock(PathBuf);

impl Lock {
    fn take(path: &Path) -> Result<Lock> {
        let mut name = path.as_os_str().to_owned();
        name.push(".lock");
        let lock = PathBuf::from(name);
        match interrupt::create_listed(&lock) {
            Ok(()) => Ok(Lock(lock)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(Failure::operation(
                format!("`{}` is locked by `{}`", path.display(), lock.display()),
                "another medtrio is writing it; if none is, remove the lock file and try again",
            )
            .into()),
            Err(e) => Err(super::output::write_error(path, &e)),
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        interrupt::remove_listed(&self.0);
    }
}

/// The file that holds the meeting `id`: programme.yaml or a file of `local/`.
pub fn meeting_file(loaded: &Loaded, id: &str) -> Option<PathBuf> {
    let at = loaded
        .dataset
        .programme
        .meetings
        .iter()
        .position(|m| m.id.as_str() == id)?;
    let kind = *loaded.provenance.meetings.get(at)?;
    loaded.sources.get(kind).path().map(Path::to_owned)
}

/// The file of the minutes of the meeting `id`, when it has some.
pub fn minutes_file(loaded: &Loaded, id: &str) -> Option<PathBuf> {
    let at = loaded
        .dataset
        .minutes
        .iter()
        .position(|m| m.meeting.as_str() == id)?;
    loaded.sources.minutes.get(at)?.path().map(Path::to_owned)
}

/// The change that issues the agenda of the meeting `id` on `today`: its items, numbers and
/// times, and what its follow-up says, written into the meeting.
pub fn freeze(
    loaded: &Loaded,
    catalog: &crate::model::Catalog<'_>,
    id: &str,
    today: chrono::NaiveDate,
) -> Result<Change> {
    use crate::edit::{self, Value};
    use crate::report::issue::IssueError;
    let frozen = crate::report::issue::freeze(catalog, id, today).map_err(|e| match e {
        IssueError::Agenda(e) => super::agenda_error(catalog, id, e),
        e @ IssueError::Activity(_) => Failure::operation(
            e.to_string(),
            "a roadmap activity's agenda comes from its template each time; give it a meeting in the programme to issue",
        )
        .into(),
        e @ IssueError::Issued { .. } => Failure::operation(
            e.to_string(),
            format!("an issued agenda stands as it was sent; `medtrio agenda {id}` prints it"),
        )
        .into(),
    })?;
    let Some(path) = meeting_file(loaded, id) else {
        return Err(Failure::operation(
            format!("`{id}` is not a meeting of a file in the data folder"),
            "only the agenda of a meeting in programme.yaml or local/*.yaml can be issued",
        )
        .into());
    };
    let text = read(&path)?;
    let file = edit::Edit::parse(&path.display().to_string(), &text).map_err(edit_error)?;
    let meeting = file.entry("meetings", id).map_err(edit_error)?;
    if let Some(items) = &frozen.items {
        let items = Value::Maps(items.iter().map(edit::item_entries).collect());
        meeting.set(
            "items",
            &items,
            &[
                "participants",
                "apologies",
                "chair",
                "minute_taker",
                "template",
            ],
        );
    }
    if let Some((at, item)) = &frozen.insert {
        meeting.insert_into("items", *at, edit::item_entries(item));
    }
    if let Some(start) = &frozen.start {
        meeting.set("start", &Value::text(start.to_string()), &["date"]);
    }
    meeting.set("issued", &edit::issued(&frozen.issued), &["status"]);
    Ok(Change {
        path,
        before: Some(text),
        after: file.text(),
    })
}

/// An edit that could not be made, as the user sees it.
pub fn edit_error(e: crate::edit::EditError) -> anyhow::Error {
    Failure::operation(
        e.to_string(),
        "medtrio changes a data file only where it can find what it changes; nothing was written",
    )
    .into()
}

/// The answer a flag gave, else one asked for at a terminal; else the usage error `missing`.
pub fn answer(given: Option<&str>, prompt: &str, missing: Failure) -> Result<String> {
    use std::io::IsTerminal;
    if let Some(given) = given {
        return Ok(given.to_owned());
    }
    if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
        return Err(missing.into());
    }
    let text: String = dialoguer::Input::with_theme(&dialoguer::theme::ColorfulTheme::default())
        .with_prompt(prompt)
        .interact_text()
        .map_err(|e| match e {
            dialoguer::Error::IO(io) if io.kind() == io::ErrorKind::Interrupted => {
                Failure::operation("cancelled", "nothing was written").into()
            }
            e => anyhow::Error::from(e),
        })?;
    Ok(text)
}

/// The data folder a change is written into; the bundled data is none.
pub fn data_dir(source: &crate::load::DataSource) -> Result<&Path> {
    match source {
        crate::load::DataSource::Dir(dir) => Ok(dir),
        crate::load::DataSource::Bundled => Err(Failure::usage_with_help(
            "the bundled data cannot be changed: changes are written into a data folder",
            "give --data DIR (or MEDTRIO_DATA); `medtrio init DIR` makes a new data folder",
        )
        .into()),
    }
}

/// An unknown meeting, with the nearest of `ids`.
pub fn unknown_meeting<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Failure {
    use crate::diagnostic::{did_you_mean, suggestions};
    let help = did_you_mean(suggestions(id, ids))
        .unwrap_or_else(|| "`medtrio list meetings` shows the meetings".to_owned());
    Failure::usage_with_help(format!("unknown meeting `{id}`"), help)
}

/// The minutes of the meeting `id` and their file, to change them.
pub fn minutes_to_change<'a>(
    loaded: &'a Loaded,
    catalog: &crate::model::Catalog<'a>,
    id: &str,
) -> Result<(&'a Minutes, PathBuf)> {
    if catalog.meeting(id).is_none() && catalog.activity(id).is_none() {
        return Err(unknown_meeting(
            id,
            loaded.dataset.minutes.iter().map(|m| m.meeting.as_str()),
        )
        .into());
    }
    let found = loaded
        .dataset
        .minutes
        .iter()
        .map(|m| &m.value)
        .find(|m| m.meeting.as_str() == id)
        .zip(minutes_file(loaded, id));
    found.ok_or_else(|| {
        Failure::operation(
            format!("`{id}` has no minutes"),
            format!("`medtrio minutes {id}` writes them; then they can be changed"),
        )
        .into()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_by_another_process_since_it_was_read_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("programme.yaml");
        std::fs::write(&path, "version: 1\nid: b\n").unwrap();
        let change = Change {
            path: path.clone(),
            before: Some("version: 1\nid: a\n".into()),
            after: "version: 1\nid: c\n".into(),
        };
        let e = put(&change).unwrap_err();
        let failure = e.downcast_ref::<Failure>().unwrap();
        assert_eq!(
            failure.to_string(),
            format!("`{}` changed on disk since medtrio read it", path.display())
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "version: 1\nid: b\n"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no lock and no temporary file is left");
    }

    #[test]
    fn a_new_file_that_appeared_meanwhile_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lmu-april.yaml");
        std::fs::write(&path, "someone else's\n").unwrap();
        let change = Change {
            path: path.clone(),
            before: None,
            after: "version: 1\n".into(),
        };
        let e = put(&change).unwrap_err();
        assert_eq!(
            e.downcast_ref::<Failure>().unwrap().to_string(),
            format!("`{}` already exists", path.display())
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "someone else's\n");
    }

    #[test]
    fn an_unchanged_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.yaml");
        std::fs::write(&path, "a: 1\n").unwrap();
        put(&Change {
            path: path.clone(),
            before: Some("a: 1\n".into()),
            after: "a: 2\n".into(),
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "a: 2\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
