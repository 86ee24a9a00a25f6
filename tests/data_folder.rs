#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! The data folder is found from where the user stands: `--data` or `MEDTRIO_DATA` wins,
//! else the nearest folder from the current one up that holds a `programme.yaml`, else the
//! bundled data, said out loud when the current folder looks like data.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// `medtrio` run in `cwd`, on 2026-11-23, without the cache.
fn medtrio_in(cwd: &Path) -> Command {
    let mut cmd = common::medtrio();
    cmd.current_dir(cwd)
        .env("MEDTRIO_TODAY", "2026-11-23")
        .env("MEDTRIO_NO_CACHE", "1")
        .timeout(Duration::from_secs(60));
    cmd
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

const HAVNEKOEBING: &str = "5 meetings, 2 roadmap activities, 2 findings, 2 prompts, minutes of 2 meetings, 3 action points, 5 tasks of the annual cycle, 5 members";

#[test]
fn validate_inside_a_data_folder_checks_that_folder_and_names_it() {
    let dir = repo("examples/havnekoebing");
    let real = fs::canonicalize(&dir).unwrap();
    medtrio_in(&dir)
        .arg("validate")
        .assert()
        .success()
        .stdout(format!("ok: {}: {HAVNEKOEBING}\n", real.display()))
        .stderr("");
    // From a folder inside it, the same folder.
    medtrio_in(&dir.join("minutes"))
        .arg("validate")
        .assert()
        .success()
        .stdout(format!("ok: {}: {HAVNEKOEBING}\n", real.display()));
}

/// Regression: inside a committee's folder, `medtrio validate` checked the bundled data and
/// said "ok" while the folder's own files were broken.
#[test]
fn validate_inside_a_broken_folder_reports_its_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lmu");
    copy_dir(&repo("examples/havnekoebing"), &dir);
    let roadmap = dir.join("roadmap.yaml");
    let text = fs::read_to_string(&roadmap).unwrap();
    fs::write(&roadmap, text.replacen("title:", "titel:", 1)).unwrap();
    let out = medtrio_in(&dir.join("minutes"))
        .arg("validate")
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("../roadmap.yaml:"),
        "the folder's own roadmap, named from where the user stands: {stderr}"
    );
    assert!(stderr.contains("error: unknown field `titel`"), "{stderr}");
    assert!(
        stderr.ends_with("error: the data has 1 error\n"),
        "{stderr}"
    );
}

/// A committee's folder in a tree counts: its roadmap and findings come from the committees
/// above, found from `.` upwards (this hung before: the search above `.` went round).
#[test]
fn inside_a_committee_folder_of_a_tree_the_parents_are_found() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&repo("tests/fixtures/tree"), tmp.path());
    let lmu = tmp.path().join("omu-nord/lmu-a");
    let from_here = medtrio_in(&lmu)
        .args(["agenda", "lmu-a-april"])
        .assert()
        .success()
        .get_output()
        .clone();
    let given = medtrio_in(tmp.path())
        .args(["--data", "omu-nord/lmu-a", "agenda", "lmu-a-april"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(from_here.stdout, given.stdout);
    assert!(
        String::from_utf8_lossy(&from_here.stdout)
            .contains("Hvad er aktørskab for os på vores arbejdsplads?")
    );
}

#[test]
fn data_and_medtrio_data_win_over_the_folder_found() {
    let dir = repo("examples/havnekoebing");
    medtrio_in(&dir)
        .args(["--data", "../../tests/fixtures/minimal", "validate"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "ok: ../../tests/fixtures/minimal: ",
        ));
    medtrio_in(&dir)
        .env("MEDTRIO_DATA", "../../tests/fixtures/minimal")
        .arg("validate")
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "ok: ../../tests/fixtures/minimal: ",
        ));
}

#[test]
fn the_bundled_data_is_named_when_the_folder_looks_like_data() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("roadmap.yaml"), "version: 1\n").unwrap();
    medtrio_in(tmp.path())
        .args(["list", "meetings", "--format", "csv"])
        .assert()
        .success()
        .stderr(
            "note: reading the bundled data: no folder from here up holds a programme.yaml, so this folder's `roadmap.yaml` is not read\n  = help: run medtrio in a data folder, or give --data DIR\n",
        );
    fs::create_dir(tmp.path().join("minutes")).unwrap();
    fs::write(tmp.path().join("minutes/lmu-marts.yaml"), "version: 1\n").unwrap();
    medtrio_in(tmp.path())
        .arg("validate")
        .assert()
        .success()
        .stdout("ok: the bundled data: 4 meetings, 11 roadmap activities, 69 findings, 52 prompts\n")
        .stderr(
            "note: reading the bundled data: no folder from here up holds a programme.yaml, so this folder's `roadmap.yaml`, `minutes/` are not read\n  = help: run medtrio in a data folder, or give --data DIR\n",
        );
    // A folder with no such files gets no note.
    let empty = tempfile::tempdir().unwrap();
    medtrio_in(empty.path())
        .args(["list", "meetings", "--format", "csv"])
        .assert()
        .success()
        .stderr("");
}
