//! `export` and `-o` write and remove only inside the folder they were given. Each test is
//! named after the way it once did not.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use common::{copy_data, medtrio};

const EXAMPLE: &str = "examples/havnekoebing";

/// Runs `export --out DIR --force` on the example; returns the exit code and stderr with the
/// temporary folder masked.
fn export_force(site: &Path, mask: &Path) -> (Option<i32>, String) {
    let out = medtrio()
        .args([
            "--data",
            EXAMPLE,
            "--today",
            "2026-11-23",
            "export",
            "--force",
            "--out",
        ])
        .arg(site)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&mask.display().to_string(), "[TMP]");
    (out.status.code(), stderr)
}

#[test]
fn a_forged_manifest_with_an_absolute_path_made_force_delete_it() {
    let tmp = tempfile::tempdir().unwrap();
    let victim = tmp.path().join("victim.txt");
    fs::write(&victim, "keep me").unwrap();
    let site = tmp.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(
        site.join(".medtrio-export"),
        format!("index.html\n{}\n", victim.display()),
    )
    .unwrap();
    assert_eq!(
        export_force(&site, tmp.path()),
        (
            Some(1),
            "error: [TMP]/site/.medtrio-export:2: refusing the entry `[TMP]/victim.txt`: it is an absolute path\n  = help: medtrio did not write this list; remove the file, and nothing outside the folder is touched\n".into()
        )
    );
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(!site.join("index.html").exists(), "nothing was written");
}

#[test]
fn a_forged_manifest_with_dot_dot_made_force_delete_outside() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("x"), "keep me").unwrap();
    let site = tmp.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(site.join(".medtrio-export"), "../x\n").unwrap();
    assert_eq!(
        export_force(&site, tmp.path()),
        (
            Some(1),
            "error: [TMP]/site/.medtrio-export:1: refusing the entry `../x`: it leads out of the folder with `..`\n  = help: medtrio did not write this list; remove the file, and nothing outside the folder is touched\n".into()
        )
    );
    assert_eq!(fs::read_to_string(tmp.path().join("x")).unwrap(), "keep me");
}

#[test]
fn agendas_as_a_symlink_to_a_folder_outside_was_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    fs::create_dir(&outside).unwrap();
    let site = tmp.path().join("site");
    fs::create_dir(&site).unwrap();
    symlink(&outside, site.join("agendas")).unwrap();
    let (code, stderr) = export_force(&site, tmp.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: `[TMP]/site/agendas` is not a real folder (a link or a file)\n  = help: remove it; medtrio writes only into folders inside the output folder\n"
    );
    assert_eq!(fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn force_into_a_folder_with_a_foreign_index_html_overwrote_it() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(site.join("index.html"), "<p>the intranet's own page</p>").unwrap();
    let (code, stderr) = export_force(&site, tmp.path());
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: `[TMP]/site/index.html` is in the way: an earlier export did not write it\n  = help: move it away, or export to another folder; --force replaces only files that medtrio wrote\n"
    );
    assert_eq!(
        fs::read_to_string(site.join("index.html")).unwrap(),
        "<p>the intranet's own page</p>"
    );
}

#[test]
fn force_replaces_the_files_of_an_earlier_export_and_keeps_foreign_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    assert_eq!(export_force(&site, tmp.path()).0, Some(0));
    fs::write(site.join("notes.txt"), "mine").unwrap();
    fs::write(site.join("index.html"), "stale").unwrap();
    assert_eq!(export_force(&site, tmp.path()), (Some(0), String::new()));
    assert_ne!(
        fs::read_to_string(site.join("index.html")).unwrap(),
        "stale"
    );
    assert_eq!(fs::read_to_string(site.join("notes.txt")).unwrap(), "mine");
}

#[test]
fn output_force_replaced_a_symlink_with_a_regular_file() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("target.txt");
    fs::write(&target, "keep me").unwrap();
    let link = tmp.path().join("agenda.md");
    symlink(&target, &link).unwrap();
    let data = copy_data(EXAMPLE);
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["agenda", "lmu-marts", "--force", "-o"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&tmp.path().display().to_string(), "[TMP]"),
        "error: `[TMP]/agenda.md` is not a regular file\n  = help: give -o the name of a file; medtrio does not replace links, devices or pipes\n"
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "keep me");
}
