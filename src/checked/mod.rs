//! The one checked load: data you may trust (parsed, validated, from the cache where it
//! holds), behind one function that every command uses, and the same load with one file
//! replaced by new text before it is written ([`load_edited`], the write seat).

mod cache;
mod verdict;

use chrono::NaiveDate;

pub use cache::{DEFAULT_MIN_BYTES, KEEP, Settings};

use crate::diagnostic::Diagnostic;
use crate::load::{self, DataSource, Edit, Inputs};
pub use verdict::Checked;
use verdict::check;

/// Loads and validates `source`, from the cache where an entry for exactly its bytes exists
/// (`settings`). `today` is the day taken as today for the checks that need one. On failure,
/// every problem found, warnings included, exactly as `medtrio validate` reports them.
pub fn load(
    source: &DataSource,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Checked, Vec<Diagnostic>> {
    // The bundled data is checked by the test suite and cannot change after the build: a
    // command does not pay for its checks (they cost more than the command).
    if *source == DataSource::Bundled {
        return Ok(Checked {
            loaded: load::load(source)?,
            warnings: Vec::new(),
        });
    }
    attach(source, cache::load(&Inputs::of(source)?, settings, today))
}

/// Finds the attachments of checked data on the disk (`load::attachments`): after the cache,
/// every time, since the cache does not key by them. A problem with one is an error of the
/// load, with the warnings the data had.
fn attach(
    source: &DataSource,
    checked: Result<Checked, Vec<Diagnostic>>,
) -> Result<Checked, Vec<Diagnostic>> {
    let mut checked = checked?;
    let DataSource::Dir(dir) = source else {
        return Ok(checked);
    };
    let problems = load::attachments::resolve(dir, &mut checked.loaded);
    if problems.is_empty() {
        Ok(checked)
    } else {
        Err(problems.into_iter().chain(checked.warnings).collect())
    }
}

/// [`load`], checking the bundled data too: for `medtrio validate`, which says what it found.
pub fn load_verified(
    source: &DataSource,
    today: NaiveDate,
    settings: &Settings,
) -> Result<Checked, Vec<Diagnostic>> {
    attach(source, cache::load(&Inputs::of(source)?, settings, today))
}

/// The write seat: loads and validates `source` as it will be once `edit` is written, and
/// writes nothing. The file at `edit.path` is read from `edit.text` (a new file joins its
/// folder's files in name order); everything else is read from the disk as [`load`] reads it,
/// without the cache. `Ok` means a later [`load`] of the folder with that file written gives
/// this data and these warnings. Problems in the edited file name its path and quote the new
/// text.
pub fn load_edited(
    source: &DataSource,
    edit: &Edit,
    today: NaiveDate,
) -> Result<Checked, Vec<Diagnostic>> {
    let loaded = load::load_inputs(&Inputs::edited(source, edit)?, &mut |_, _| {})?;
    attach(source, check(loaded, today).map(|(checked, _)| checked))
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::load::MINUTES_DIR;

    /// A copy of the example municipality's data folder.
    fn example() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/havnekoebing");
        let dir = tmp.path().join("havnekoebing");
        copy(&from, &dir);
        (tmp, dir)
    }

    fn copy(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &to.join(entry.file_name()));
            } else {
                fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// The seat's promise: the data it gives is the data a load gives once the file is
    /// written, and nothing is written before.
    fn assert_same_as_written(dir: &Path, edit: &Edit) {
        let source = DataSource::Dir(dir.to_path_buf());
        let before = fs::read(&edit.path).ok();
        let seat = load_edited(&source, edit, today()).unwrap();
        assert_eq!(fs::read(&edit.path).ok(), before, "the seat wrote the file");
        fs::write(&edit.path, &edit.text).unwrap();
        let written = crate::load::load(&source).unwrap();
        assert_eq!(seat.loaded.dataset, written.dataset);
        assert_eq!(seat.loaded.provenance.meetings, written.provenance.meetings);
        let names = |s: &crate::load::Sources| -> Vec<String> {
            s.minutes
                .iter()
                .chain(&s.local)
                .map(|f| f.name.clone())
                .collect()
        };
        assert_eq!(names(&seat.loaded.sources), names(&written.sources));
    }

    #[test]
    fn a_replaced_file_gives_the_data_as_written() {
        let (_tmp, dir) = example();
        let path = dir.join(MINUTES_DIR).join("lmu-april.yaml");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("chair: \"Lone Kjær\"", "chair: \"Sara Holm\"");
        assert!(text.contains("chair: \"Sara Holm\""));
        assert_same_as_written(&dir, &Edit { path, text });
    }

    #[test]
    fn an_edited_members_file_is_checked_with_the_minutes_before_it_is_written() {
        let (_tmp, dir) = example();
        let path = dir.join(crate::load::MEMBERS_FILE);
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("name: \"Sara Holm\"", "name: \"Sara Hansen\"");
        let source = DataSource::Dir(dir.clone());
        let problems = load_edited(
            &source,
            &Edit {
                path: path.clone(),
                text,
            },
            today(),
        )
        .err()
        .unwrap();
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`Sara Holm` under `present` is not a member of `lmu-havnen`",
                "`Sara Holm` under `present` is not a member of `lmu-havnen`"
            ]
        );
        assert!(fs::read_to_string(&path).unwrap().contains("Sara Holm"));
    }

    #[test]
    fn a_new_members_file_gives_the_data_as_written() {
        let (_tmp, dir) = example();
        let path = dir.join(crate::load::MEMBERS_FILE);
        let text = fs::read_to_string(&path).unwrap();
        fs::remove_file(&path).unwrap();
        let source = DataSource::Dir(dir.clone());
        let edit = Edit { path, text };
        let seat = load_edited(&source, &edit, today()).unwrap();
        assert_eq!(
            seat.loaded.sources.members.name,
            edit.path.display().to_string()
        );
        assert_same_as_written(&dir, &edit);
    }

    #[test]
    fn a_new_file_joins_its_folder_in_name_order() {
        let (_tmp, dir) = example();
        // Between `lmu-april` and `lmu-marts` by name, and of a meeting still ahead: a
        // warning of the day, as a load of the written file gives.
        let path = dir.join(MINUTES_DIR).join("lmu-december.yaml");
        let text = "version: 1\nmeeting: lmu-december\nstatus: draft\n".to_owned();
        let source = DataSource::Dir(dir.clone());
        let edit = Edit { path, text };
        let seat = load_edited(&source, &edit, today()).unwrap();
        let warnings: Vec<&str> = seat.warnings.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            warnings,
            ["minutes of `lmu-december`, which is held on 2026-12-01 (today is 2026-11-23)"]
        );
        let minutes: Vec<&str> = seat
            .loaded
            .dataset
            .minutes
            .iter()
            .map(|m| m.meeting.as_str())
            .collect();
        assert_eq!(minutes, ["lmu-april", "lmu-december", "lmu-marts"]);
        assert_same_as_written(&dir, &edit);
        let written =
            super::load(&DataSource::Dir(dir), today(), &Settings::from_env(false)).unwrap();
        assert_eq!(seat.warnings, written.warnings);
    }

    #[test]
    fn a_broken_edit_is_refused_with_the_line_of_the_new_text() {
        let (_tmp, dir) = example();
        let path = dir.join(MINUTES_DIR).join("lmu-april.yaml");
        let old = fs::read_to_string(&path).unwrap();
        let text = old.replace("status: draft", "status: drafted");
        let source = DataSource::Dir(dir.clone());
        let problems = load_edited(
            &source,
            &Edit {
                path: path.clone(),
                text,
            },
            today(),
        )
        .unwrap_err();
        let d = &problems[0];
        assert_eq!(d.file, path.display().to_string());
        assert_eq!(d.line, 5);
        assert_eq!(d.message, "`drafted` is not a known value here");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            old,
            "nothing is written"
        );
    }

    #[test]
    fn an_edit_elsewhere_is_checked_as_the_last_local_file() {
        let (tmp, dir) = example();
        let path = tmp.path().join("plan.yaml");
        let text = "version: 1\nmeetings: []\n".to_owned();
        let source = DataSource::Dir(dir);
        let checked = load_edited(
            &source,
            &Edit {
                path: path.clone(),
                text,
            },
            today(),
        )
        .unwrap();
        let last = checked.loaded.sources.local.last().unwrap();
        assert_eq!(last.name, path.display().to_string());
        assert!(!path.exists());
    }
}
