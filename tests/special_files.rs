//! Files that could hang or flood the reader: FIFOs, devices, and the `local/` folder's corners.
//! Each test is named after the defect it guards against.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command as StdCommand;
use std::time::Duration;

use common::{copy_data, medtrio};

/// Runs `validate` on `dir` with a timeout (a hang fails the test rather than the suite).
fn validate(dir: &Path) -> (Option<i32>, String) {
    let out = medtrio()
        .arg("--data")
        .arg(dir)
        .arg("validate")
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&dir.display().to_string(), "[DATA]");
    (out.status.code(), stderr)
}

fn mkfifo(path: &Path) {
    let status = StdCommand::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn a_fifo_as_programme_yaml_hung_every_command() {
    let dir = copy_data("tests/fixtures/minimal");
    let path = dir.path().join("programme.yaml");
    fs::remove_file(&path).unwrap();
    mkfifo(&path);
    assert_eq!(
        validate(dir.path()),
        (
            Some(1),
            "[DATA]/programme.yaml: error: this is a named pipe (FIFO), not a regular file\n  = help: put a YAML file here; medtrio reads only regular files\nerror: the data has 1 error\n".into()
        )
    );
}

#[test]
fn a_fifo_in_local_hung_every_command() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("local")).unwrap();
    mkfifo(&dir.path().join("local/pipe.yaml"));
    let (code, stderr) = validate(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "[DATA]/local/pipe.yaml: error: this is a named pipe (FIFO), not a regular file\n  = help: put a YAML file here; medtrio reads only regular files\nerror: the data has 1 error\n"
    );
}

#[test]
fn a_local_link_to_dev_zero_was_read_without_the_size_limit() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("local")).unwrap();
    symlink("/dev/zero", dir.path().join("local/zero.yaml")).unwrap();
    let (code, stderr) = validate(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "[DATA]/local/zero.yaml: error: this is a device, not a regular file\n  = help: put a YAML file here; medtrio reads only regular files\nerror: the data has 1 error\n"
    );
}

#[test]
fn an_upper_case_yaml_extension_in_local_was_ignored() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("local")).unwrap();
    fs::write(
        dir.path().join("local/extra.YAML"),
        "version: 1\nmeetings:\n  - id: lmu-maj\n    title: \"LMU-møde i maj\"\n    forum: lmu-testhuset\n    status: planned\n    template: nope\n",
    )
    .unwrap();
    let (code, stderr) = validate(dir.path());
    assert_eq!(
        code,
        Some(1),
        "the file is read, so its bad template is found"
    );
    assert!(
        stderr.starts_with("[DATA]/local/extra.YAML:7:15: error: unknown template `nope`"),
        "{stderr}"
    );
}

#[test]
fn a_local_that_is_a_file_was_silently_ignored() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::write(dir.path().join("local"), "meetings: []\n").unwrap();
    assert_eq!(
        validate(dir.path()),
        (
            Some(1),
            "[DATA]/local: error: `local` is a file, but a folder of YAML files is expected here\n  = help: rename the file, or make `local` a folder that holds the local YAML files\nerror: the data has 1 error\n".into()
        )
    );
}

/// Permissions do not stop root, so a `local` that is a symlink loop stands in for an
/// unreadable folder: the operating system refuses to open it whoever asks.
#[test]
fn an_unreadable_local_folder_made_its_meetings_vanish() {
    let dir = copy_data("tests/fixtures/minimal");
    let local = dir.path().join("local");
    symlink(&local, &local).unwrap();
    let (code, stderr) = validate(dir.path());
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("[DATA]/local: error: cannot read the folder: "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("  = help: check the folder's permissions\nerror: the data has 1 error\n"),
        "{stderr}"
    );
}

#[test]
fn a_fifo_in_minutes_hung_every_command() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("minutes")).unwrap();
    mkfifo(&dir.path().join("minutes/lmu-marts.yaml"));
    assert_eq!(
        validate(dir.path()),
        (
            Some(1),
            "[DATA]/minutes/lmu-marts.yaml: error: this is a named pipe (FIFO), not a regular file\n  = help: put a YAML file here; medtrio reads only regular files\nerror: the data has 1 error\n".into()
        )
    );
}

#[test]
fn a_minutes_link_to_dev_zero_is_refused() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("minutes")).unwrap();
    symlink("/dev/zero", dir.path().join("minutes/lmu-marts.yaml")).unwrap();
    let (code, stderr) = validate(dir.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "[DATA]/minutes/lmu-marts.yaml: error: this is a device, not a regular file\n  = help: put a YAML file here; medtrio reads only regular files\nerror: the data has 1 error\n"
    );
}

#[test]
fn a_minutes_file_over_the_size_limit_is_refused() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("minutes")).unwrap();
    fs::write(
        dir.path().join("minutes/lmu-marts.yaml"),
        "# ".repeat(600 * 1024),
    )
    .unwrap();
    let out = medtrio()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .env("MEDTRIO_MAX_FILE_MB", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&dir.path().display().to_string(), "[DATA]"),
        "[DATA]/minutes/lmu-marts.yaml: error: the file is 1 MiB; medtrio reads data files of up to 1 MiB\n  = help: check that this is the right file; for larger data, set MEDTRIO_MAX_FILE_MB\nerror: the data has 1 error\n"
    );
}

#[test]
fn a_minutes_that_is_a_file_would_make_the_minutes_vanish() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::write(dir.path().join("minutes"), "meeting: lmu-marts\n").unwrap();
    assert_eq!(
        validate(dir.path()),
        (
            Some(1),
            "[DATA]/minutes: error: `minutes` is a file, but a folder of YAML files is expected here\n  = help: rename the file, or make `minutes` a folder that holds one minutes file a meeting, `ID.yaml`\nerror: the data has 1 error\n".into()
        )
    );
}

#[test]
fn an_unreadable_minutes_folder_would_make_the_minutes_vanish() {
    let dir = copy_data("tests/fixtures/minimal");
    let minutes = dir.path().join("minutes");
    symlink(&minutes, &minutes).unwrap();
    let (code, stderr) = validate(dir.path());
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("[DATA]/minutes: error: cannot read the folder: "),
        "{stderr}"
    );
}
