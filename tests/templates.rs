//! A user's templates (`--templates DIR`) are code that medtrio runs: they read only from their
//! folder and have a budget. Each test is named after the way they once did not.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::time::Duration;

use common::medtrio;

/// Renders the first temamøde's agenda as HTML with `agenda.html` replaced by `template`.
fn agenda_with(template: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("agenda.html"), template).unwrap();
    let out = medtrio()
        .arg("--templates")
        .arg(dir.path())
        .args(["agenda", "temamoede-1", "--format", "html"])
        .timeout(Duration::from_secs(180))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_template_could_include_an_absolute_path() {
    let (code, stdout, stderr) = agenda_with(r#"{% include "/etc/hostname" %}"#);
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: agenda.html:1: the template cannot be rendered: the template name `/etc/hostname` is not a plain file name in the templates folder\n  = help: check the template given with --templates; the built-in ones are in templates/ of medtrio's source\n"
    );
}

#[test]
fn a_template_could_include_a_file_above_its_folder() {
    let (code, _, stderr) = agenda_with(r#"{% include "../secret.txt" %}"#);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains(
            "the template name `../secret.txt` is not a plain file name in the templates folder"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_in_the_templates_folder_could_lead_out_of_it() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.txt"), "top secret").unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("agenda.html"),
        r#"{% include "leak.html" %}"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("leak.html"),
    )
    .unwrap();
    let out = medtrio()
        .arg("--templates")
        .arg(dir.path())
        .args(["agenda", "temamoede-1", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("top secret")
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("the template name `leak.html` leads out of the templates folder"),
    );
}

#[test]
fn nested_loops_over_large_ranges_ran_until_killed() {
    let (code, stdout, stderr) = agenda_with(
        "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
    );
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("error: agenda.html:1: the template cannot be rendered: "),
        "{stderr}"
    );
    assert!(stderr.contains("fuel"), "{stderr}");
}
