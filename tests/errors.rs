//! Exact texts of the errors that concern a whole folder or file, and of validate's formats.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::{copy_data, medtrio};

fn stderr_of(cmd: &mut Command, dir: &Path) -> (i32, String) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&dir.display().to_string(), "[DATA]");
    (out.status.code().unwrap(), stderr)
}

#[test]
fn missing_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(&missing).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/nowhere: error: the data folder does not exist\n  = help: check the path given to --data or MEDTRIO_DATA, or leave it out to use the bundled data; `medtrio init DIR` makes a new one\nerror: the data has 1 error\n"
    );
}

#[test]
fn data_path_is_a_file() {
    let dir = copy_data("tests/fixtures/minimal");
    let file = dir.path().join("programme.yaml");
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(&file).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/programme.yaml: error: the data path is a file, not a folder\n  = help: give --data the folder that holds programme.yaml, roadmap.yaml and findings.yaml\nerror: the data has 1 error\n"
    );
}

#[test]
fn missing_file_is_named_and_the_others_still_checked() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::remove_file(dir.path().join("roadmap.yaml")).unwrap();
    fs::write(dir.path().join("findings.yaml"), "").unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(dir.path()).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/roadmap.yaml: error: the file is missing\n  = help: a data folder holds programme.yaml, roadmap.yaml and findings.yaml; `medtrio init DIR` writes a starter set\n\
         [DATA]/findings.yaml: error: the file is empty\n  = help: a data file starts with `version: 1`; `medtrio init DIR` writes an example of each file\n\
         error: the data has 2 errors\n"
    );
}

#[test]
fn folder_where_a_file_is_expected() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::remove_file(dir.path().join("findings.yaml")).unwrap();
    fs::create_dir(dir.path().join("findings.yaml")).unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(dir.path()).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/findings.yaml: error: this is a folder, but a YAML file is expected here\n  = help: rename or move the folder, and put the YAML file in its place\nerror: the data has 1 error\n"
    );
}

/// A file that cannot be read. Permissions do not stop root, so a symlink loop stands in:
/// the operating system refuses to open it whoever asks.
#[cfg(unix)]
#[test]
fn unreadable_file() {
    let dir = copy_data("tests/fixtures/minimal");
    let path = dir.path().join("roadmap.yaml");
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&path, &path).unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(dir.path()).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("[DATA]/roadmap.yaml: error: cannot read the file: "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("  = help: check the file's permissions\nerror: the data has 1 error\n"),
        "{stderr}"
    );
}

/// A data folder that cannot be opened: a link that leads to itself stands in for a folder
/// without permission, which root could still open.
#[cfg(unix)]
#[test]
fn data_folder_that_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let looped = dir.path().join("loop");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(&looped).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("[DATA]/loop: error: cannot open the data folder: "),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "  = help: check the folder's permissions, and that a link to it leads somewhere\nerror: the data has 1 error\n"
        ),
        "{stderr}"
    );
}

#[test]
fn validate_json_lists_every_problem() {
    let dir = copy_data("tests/fixtures/minimal");
    let path = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("minutes: 40", "minutes: 0")
        .replace("forum: lmu-testhuset", "forum: lmu-x");
    fs::write(&path, text).unwrap();
    let out = medtrio()
        .arg("--data")
        .arg(dir.path())
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = json.as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["line"], 12);
    assert_eq!(problems[0]["column"], 12);
    assert_eq!(problems[0]["severity"], "error");
    assert_eq!(problems[0]["message"], "unknown forum `lmu-x`");
    assert_eq!(
        problems[1]["message"],
        "an agenda item needs a positive number of minutes, not `0`"
    );
    assert!(
        problems[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("programme.yaml")
    );
}

#[test]
fn validate_github_annotations() {
    let dir = copy_data("tests/fixtures/minimal");
    let path = dir.path().join("roadmap.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("\"2026-Q2\"", "\"2026-Q5\"");
    fs::write(&path, text).unwrap();
    let out = medtrio()
        .arg("--data")
        .arg(dir.path())
        .args(["validate", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout)
        .unwrap()
        .replace(&dir.path().display().to_string(), "[DATA]");
    assert_eq!(
        stdout,
        "::error file=[DATA]/roadmap.yaml,line=14,col=11::`2026-Q5`%3A a quarter is Q1 to Q4, not Q5 (write the quarter as Q1 to Q4, e.g. `2026-Q4`)\n"
            .replace("%3A", ":")
    );
}

#[test]
fn bad_today_flag_is_a_usage_error() {
    let out = medtrio()
        .args(["--today", "2026-02-30", "validate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: invalid value '2026-02-30' for '--today <YYYY-MM-DD>': `2026-02-30` is not a day in the calendar; check the day and the month; dates are written YYYY-MM-DD\n"),
        "{stderr}"
    );
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let dir = copy_data("tests/fixtures/minimal");
    let path = dir.path().join("findings.yaml");
    let mut text = String::from("version: 1\n");
    let line = "# ".to_owned() + &"x".repeat(98) + "\n";
    while text.len() < 50_000_000 {
        text.push_str(&line);
    }
    fs::write(&path, text).unwrap();
    let (code, stderr) = stderr_of(
        medtrio()
            .arg("--data")
            .arg(dir.path())
            .arg("validate")
            .env_remove("MEDTRIO_MAX_FILE_MB"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/findings.yaml: error: the file is 47 MiB; medtrio reads data files of up to 45 MiB\n  = help: check that this is the right file; for larger data, set MEDTRIO_MAX_FILE_MB\nerror: the data has 1 error\n"
    );
}

#[test]
fn a_local_file_error_names_the_local_file() {
    let dir = copy_data("tests/fixtures/minimal");
    fs::create_dir(dir.path().join("local")).unwrap();
    fs::write(
        dir.path().join("local/extra.yaml"),
        "version: 1\nmeetings:\n  - id: lmu-marts\n    title: \"Igen\"\n    forum: lmu-testhuset\n    status: planned\n    sted: \"Kælderen\"\n",
    )
    .unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(dir.path()).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("[DATA]/local/extra.yaml:7:5: error: unknown field `sted`\n"),
        "{stderr}"
    );
    // Fixed, the same id as a programme meeting is a duplicate across files.
    let text = fs::read_to_string(dir.path().join("local/extra.yaml"))
        .unwrap()
        .replace("    sted: \"Kælderen\"\n", "");
    fs::write(dir.path().join("local/extra.yaml"), text).unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(dir.path()).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/local/extra.yaml:3:9: error: duplicate id `lmu-marts`: a meeting at [DATA]/programme.yaml:10:9 already has it\n  |\n3 |   - id: lmu-marts\n  |         ^\n  = help: ids must be unique across all data files; rename one of them\n[DATA]/local/extra.yaml:3:5: warning: meeting `lmu-marts` has neither agenda items nor a template\n  |\n3 |   - id: lmu-marts\n  |     ^\n  = help: add `items:` or `template:` so that `medtrio agenda` can print it\nerror: the data has 1 error\n"
    );
}

/// A closed pipe is quiet and exit 0; clap_complete used to panic (exit 101) on it.
#[cfg(unix)]
#[test]
fn completions_into_a_closed_pipe_panicked() {
    for shell in ["bash", "zsh", "fish"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("medtrio"))
            .args(["completions", shell])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), "", "{shell}");
    }
}

/// A full disk is an error and exit 1, not a panic.
#[cfg(target_os = "linux")]
#[test]
fn completions_to_a_full_disk_panicked() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("medtrio"))
        .args(["completions", "bash"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: No space left on device (os error 28)\n"
    );
}

/// A meeting id given twice is one error: the minutes of that meeting are not checked against
/// whichever of the two the catalog would pick (they gave three false errors and a warning).
#[test]
fn a_duplicate_meeting_id_is_one_error_without_follow_on_errors() {
    let dir = copy_data("examples/havnekoebing");
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme).unwrap();
    let line_of = |id: &str| {
        1 + text
            .lines()
            .position(|l| l == format!("  - id: {id}"))
            .unwrap()
    };
    let (first, second) = (line_of("lmu-april"), line_of("lmu-december"));
    let minutes = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/havnekoebing/minutes");
    fs::create_dir(dir.path().join("minutes")).unwrap();
    for entry in fs::read_dir(minutes).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            dir.path().join("minutes").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    assert!(dir.path().join("minutes/lmu-april.yaml").exists());
    fs::write(
        &programme,
        text.replacen("  - id: lmu-december\n", "  - id: lmu-april\n", 1),
    )
    .unwrap();
    let (code, stderr) = stderr_of(
        medtrio().arg("--data").arg(dir.path()).arg("validate"),
        dir.path(),
    );
    assert_eq!(code, 1);
    let pad = " ".repeat(second.to_string().len());
    assert_eq!(
        stderr,
        format!(
            "[DATA]/programme.yaml:{second}:9: error: duplicate id `lmu-april`: a meeting at [DATA]/programme.yaml:{first}:9 already has it\n{pad} |\n{second} |   - id: lmu-april\n{pad} |         ^\n{pad}= help: ids must be unique across all data files; rename one of them\nerror: the data has 1 error\n"
        )
    );
}
