//! What an interrupted run leaves behind: nothing of its own. Every temporary file medtrio
//! makes is listed here until it is renamed into place or removed, and on SIGINT or SIGTERM
//! a thread removes the listed ones and exits with 130. The files already in place are whole:
//! each was renamed over its old version in one step.
//!
//! The list's lock is held while a temporary file is made and listed, and while it is renamed
//! and unlisted, so that the handler never sees a file half made or half moved: it waits for
//! the lock, and then exits holding it, so that no new file is made after it has cleaned up.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use tempfile::NamedTempFile;

/// The exit code of a run that SIGINT or SIGTERM ended, as a shell reports one that SIGINT
/// ended (128 + 2).
pub const EXIT_INTERRUPTED: i32 = 130;

/// The temporary files that exist now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the lock was held leaves the list as it was: still the truth.
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Installs the handler the first time medtrio makes a temporary file; until then an
/// interruption has nothing to clean up, and the signals keep their usual effect.
fn install() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        use signal_hook::consts::{SIGINT, SIGTERM};
        // Without the handler (no thread could be started), an interruption leaves
        // temporary files, as before; the write itself is no less safe.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("medtrio-interrupt".into())
            .spawn(move || {
                if signals.forever().next().is_some() {
                    let live = live();
                    for path in live.iter() {
                        let _ = std::fs::remove_file(path);
                    }
                    std::process::exit(EXIT_INTERRUPTED);
                }
            });
    });
}

/// Makes the file `path`, empty, only if it is not there (a lock file), and lists it, so
/// that an interrupted run removes it.
pub fn create_listed(path: &Path) -> io::Result<()> {
    install();
    let mut live = live();
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    live.push(path.to_owned());
    Ok(())
}

/// Removes a file made by [`create_listed`], and unlists it.
pub fn remove_listed(path: &Path) {
    let mut live = live();
    let _ = std::fs::remove_file(path);
    live.retain(|p| p != path);
}

/// A temporary file that the handler removes if the run is interrupted.
pub struct TempFile {
    file: Option<NamedTempFile>,
}

impl TempFile {
    /// Makes a temporary file with `builder` in `dir`, and lists it.
    pub fn new_in(builder: &tempfile::Builder<'_, '_>, dir: &Path) -> io::Result<TempFile> {
        install();
        let mut live = live();
        let file = builder.tempfile_in(dir)?;
        live.push(file.path().to_owned());
        Ok(TempFile { file: Some(file) })
    }

    pub fn as_file(&self) -> &std::fs::File {
        self.inner().as_file()
    }

    pub fn path(&self) -> &Path {
        self.inner().path()
    }

    pub fn as_file_mut(&mut self) -> &mut std::fs::File {
        self.file
            .as_mut()
            .map(NamedTempFile::as_file_mut)
            .unwrap_or_else(|| unreachable!("a TempFile has its file until it is dropped"))
    }

    fn inner(&self) -> &NamedTempFile {
        self.file
            .as_ref()
            .unwrap_or_else(|| unreachable!("a TempFile has its file until it is dropped"))
    }

    /// Renames the file to `path` (refusing an existing one unless `replace`), and unlists it.
    /// On failure the temporary file is removed.
    pub fn persist(mut self, path: &Path, replace: bool) -> io::Result<()> {
        let mut live = live();
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let temp = file.path().to_owned();
        let result = if replace {
            file.persist(path).map(drop)
        } else {
            file.persist_noclobber(path).map(drop)
        };
        // A failed persist hands the file back, and dropping it removes it.
        let result = result.map_err(|e| e.error);
        live.retain(|p| *p != temp);
        result
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut live = live();
            let temp = file.path().to_owned();
            drop(file);
            live.retain(|p| *p != temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(path: &Path) -> bool {
        live().iter().any(|p| p == path)
    }

    #[test]
    fn a_temporary_file_is_listed_until_it_is_renamed_or_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let builder = tempfile::Builder::new();

        let kept = TempFile::new_in(&builder, dir.path()).unwrap();
        let temp = kept.inner().path().to_owned();
        assert!(listed(&temp));
        kept.persist(&dir.path().join("kept"), false).unwrap();
        assert!(!listed(&temp));
        assert!(dir.path().join("kept").is_file());

        let dropped = TempFile::new_in(&builder, dir.path()).unwrap();
        let temp = dropped.inner().path().to_owned();
        drop(dropped);
        assert!(!listed(&temp));
        assert!(!temp.exists());

        let refused = TempFile::new_in(&builder, dir.path()).unwrap();
        let temp = refused.inner().path().to_owned();
        assert!(refused.persist(&dir.path().join("kept"), false).is_err());
        assert!(!listed(&temp));
        assert!(!temp.exists());
    }
}
