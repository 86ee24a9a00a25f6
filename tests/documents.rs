//! Agendas, calendar and export, checked by real parsers: an HTML5 parser and an iCalendar parser.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{html5_errors, medtrio};
use icalendar::Component as _;

const EXAMPLE: &str = "examples/havnekoebing";

fn assert_self_contained(html: &str) {
    assert!(!html.contains("<script"), "has a script");
    assert!(!html.contains("<link"), "links an external asset");
    assert!(!html.contains("src="), "loads an external asset");
    assert!(!html.contains("url("), "loads an external asset from CSS");
}

#[test]
fn agenda_html_is_valid_self_contained_and_a4() {
    let out = medtrio()
        .args(["agenda", "dialog-omu-sundhed", "--format", "html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert_eq!(html5_errors(&html), Vec::<String>::new());
    assert_self_contained(&html);
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("break-inside: avoid"));
    assert!(html.contains("<h1>Dialogmøde i OMU Sundhed og omsorg</h1>"));
    assert!(html.contains("kl. 13.45–14.15"));
}

#[test]
fn agenda_file_is_never_silently_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.html");
    medtrio()
        .args(["agenda", "dialog-omu-sundhed", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let first = fs::read_to_string(&path).unwrap();
    assert!(
        first.starts_with("<!DOCTYPE html>"),
        "the format comes from the extension"
    );

    fs::write(&path, "mine").unwrap();
    let out = medtrio()
        .args(["agenda", "dialog-omu-sundhed", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&path.display().to_string(), "[FILE]"),
        "error: `[FILE]` already exists\n  = help: add --force to overwrite it\n"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "mine",
        "the old file is left whole"
    );

    medtrio()
        .args(["agenda", "dialog-omu-sundhed", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&path).unwrap(), first);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file is left: {leftovers:?}"
    );
}

#[test]
fn unknown_extension_is_a_usage_error() {
    let out = medtrio()
        .args(["agenda", "temamoede-1", "-o", "dagsorden.odt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot tell the format of `dagsorden.odt` from its extension\n  = help: name the file .md, .txt, .html, .json, .docx or .pdf, or give --format\n"
    );
    assert!(!Path::new("dagsorden.odt").exists());
}

/// Whether this process runs as root, whom folder permissions do not stop.
#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `medtrio` for tests of folder permissions, which root ignores: as root, it runs as
/// `nobody` (setpriv).
#[cfg(unix)]
fn medtrio_unprivileged() -> std::process::Command {
    let bin = assert_cmd::cargo::cargo_bin("medtrio");
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    cmd.env("NO_COLOR", "1").env_remove("MEDTRIO_DATA");
    cmd
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_gives_a_clear_error_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("agenda.md");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let out = medtrio_unprivileged()
        .args(["agenda", "temamoede-1", "--force", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&path.display().to_string(), "[FILE]"),
        "error: cannot write `[FILE]`: permission denied\n  = help: nothing was changed; check the folder and try again\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
}

/// An export that fails halfway says which files are already in place.
#[cfg(unix)]
#[test]
fn an_export_that_fails_halfway_says_what_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let site = dir.path().join("site");
    let export = |force: bool| {
        medtrio_unprivileged()
            .arg("export")
            .args(force.then_some("--force"))
            .arg("--out")
            .arg(&site)
            .output()
            .unwrap()
    };
    assert!(export(false).status.success());
    let lists = site.join("lists");
    let before = fs::read(lists.join("meetings.json")).unwrap();
    fs::set_permissions(&lists, fs::Permissions::from_mode(0o555)).unwrap();
    let out = export(true);
    fs::set_permissions(&lists, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&site.display().to_string(), "[DIR]"),
        "error: cannot write `[DIR]/lists/meetings.json`: permission denied\n  = help: the 19 files before it are written; fix the folder and run the export again\n"
    );
    assert_eq!(fs::read(lists.join("meetings.json")).unwrap(), before);
}

/// The calendar as an iCalendar parser reads it.
fn parse_calendar(text: &str) -> Vec<BTreeMap<String, String>> {
    let cal: icalendar::Calendar = text.parse().unwrap();
    cal.components
        .iter()
        .filter_map(|c| c.as_event())
        .map(|e| {
            e.properties()
                .iter()
                .map(|(k, v)| (k.clone(), v.value().to_owned()))
                .collect()
        })
        .collect()
}

#[test]
fn calendar_times_are_utc_across_the_summer_time_change() {
    let out = medtrio()
        .args(["--data", EXAMPLE, "calendar"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "note: 1 meeting without an exact date and start time is left out\n"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        assert!(!line.contains('\n'), "raw newline in {line:?}");
    }
    let events = parse_calendar(&text);
    let get = |i: usize, k: &str| events[i].get(k).cloned().unwrap_or_default();
    assert_eq!(events.len(), 4);
    // 13:00 in Copenhagen: CET (UTC+1) before 29 March and after 25 October, CEST (UTC+2) between.
    assert_eq!(get(0, "DTSTART"), "20260324T120000Z");
    assert_eq!(get(0, "DTEND"), "20260324T133000Z");
    assert_eq!(get(1, "DTSTART"), "20260407T110000Z");
    assert_eq!(get(2, "DTSTART"), "20261027T120000Z");
    assert_eq!(get(0, "UID"), "lmu-marts@lmu-havnen-2026.medtrio");
    assert_eq!(get(2, "STATUS"), "CANCELLED");
    assert_eq!(get(0, "LOCATION"), "Personalerummet");
    assert_eq!(
        get(0, "URL"),
        "https://intra.havnekoebing.example/lmu-havnen"
    );
    assert!(get(0, "DESCRIPTION").contains("2. Hvad er aktørskab for os? (kl. 13.05–14.00)"));
    // DTSTAMP comes from --today, or from the data: never from the clock.
    assert_eq!(get(0, "DTSTAMP"), "20261201T000000Z");
    let out = medtrio()
        .args(["--data", EXAMPLE, "--today", "2026-11-23", "calendar"])
        .output()
        .unwrap();
    assert_eq!(
        parse_calendar(&String::from_utf8(out.stdout).unwrap())[0]["DTSTAMP"],
        "20261123T000000Z"
    );
}

fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn export_twice_gives_identical_trees_of_valid_html() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [a.path(), b.path()] {
        let site = dir.join("site");
        let out = medtrio()
            .args(["export", "--out"])
            .arg(&site)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout)
                .unwrap()
                .replace(&site.display().to_string(), "[DIR]"),
            "exported 9 agendas (md and html), the calendar, 8 lists, the prompts and index.html to [DIR] (29 files)\n"
        );
    }
    let (ta, tb) = (tree(&a.path().join("site")), tree(&b.path().join("site")));
    assert_eq!(ta, tb);
    assert!(ta.contains_key(Path::new("index.html")));
    assert!(ta.contains_key(Path::new("calendar.ics")));
    assert!(ta.contains_key(Path::new("agendas/temamoede-1.html")));
    for (path, bytes) in &ta {
        if path.extension().is_some_and(|e| e == "html") {
            let html = String::from_utf8(bytes.clone()).unwrap();
            assert_eq!(
                html5_errors(&html),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
            assert_self_contained(&html);
        }
    }
    let index = String::from_utf8(ta[Path::new("index.html")].clone()).unwrap();
    assert!(index.contains("class=\"timeline\""));
    // minijinja escapes `/` as `&#x2f;`; browsers decode it in attributes.
    assert!(index.contains("href=\"agendas&#x2f;dialog-omu-sundhed.html\""));
}

/// A published site is served by a web server running as another user, so exported files
/// get the mode of any new file (0644 under umask 022), not a temporary file's 0600.
#[cfg(unix)]
#[test]
fn exported_files_are_readable_by_others_under_the_usual_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let bin = assert_cmd::cargo::cargo_bin("medtrio");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022 && exec \"$0\" export --out \"$1\" >/dev/null")
        .arg(&bin)
        .arg(&site)
        .env("NO_COLOR", "1")
        .env_remove("MEDTRIO_DATA")
        .status()
        .unwrap();
    assert!(status.success());
    let modes: BTreeMap<PathBuf, u32> = tree(&site)
        .into_keys()
        .map(|p| {
            let mode = fs::metadata(site.join(&p)).unwrap().permissions().mode() & 0o777;
            (p, mode)
        })
        .collect();
    assert!(modes.len() > 20, "{modes:?}");
    for (path, mode) in &modes {
        assert_eq!(*mode, 0o644, "{}: {mode:o}", path.display());
    }
}

#[test]
fn export_refuses_a_non_empty_folder_and_force_replaces_only_its_own_files() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(site.join("README.txt"), "mine").unwrap();
    let out = medtrio()
        .args(["export", "--out"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&site.display().to_string(), "[DIR]"),
        "error: `[DIR]` is not empty\n  = help: add --force to replace the files an earlier export wrote there; other files are kept\n"
    );
    medtrio()
        .args(["export", "--force", "--out"])
        .arg(&site)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(site.join("README.txt")).unwrap(), "mine");
    // A file an earlier export wrote but this one does not is removed; others are kept.
    fs::write(site.join("agendas/old-meeting.html"), "stale").unwrap();
    let manifest = fs::read_to_string(site.join(".medtrio-export")).unwrap();
    fs::write(
        site.join(".medtrio-export"),
        format!("{manifest}agendas/old-meeting.html\n"),
    )
    .unwrap();
    medtrio()
        .args(["export", "--force", "--out"])
        .arg(&site)
        .assert()
        .success();
    assert!(!site.join("agendas/old-meeting.html").exists());
    assert_eq!(fs::read_to_string(site.join("README.txt")).unwrap(), "mine");
}

#[test]
fn export_exits_1_on_invalid_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = medtrio()
        .args(["--data", "tests/fixtures/broken", "export", "--out"])
        .arg(dir.path().join("site"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("site").exists());
}

#[test]
fn a_municipality_letterhead_replaces_the_built_in_base() {
    let dir = tempfile::tempdir().unwrap();
    let base = include_str!("../templates/base.html").replace(
        "<main class=\"page\">",
        "<main class=\"page\"><p class=\"letterhead\">Havnekøbing Kommune</p>",
    );
    fs::write(dir.path().join("base.html"), base).unwrap();
    let out = medtrio()
        .arg("--templates")
        .arg(dir.path())
        .args(["--data", EXAMPLE, "agenda", "lmu-marts", "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<p class=\"letterhead\">Havnekøbing Kommune</p>"));
    assert!(html.contains("LMU-møde i marts"));
    assert_eq!(html5_errors(&html), Vec::<String>::new());
}

#[test]
fn data_text_is_escaped_in_html() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["programme", "roadmap", "findings", "cycle"] {
        fs::copy(
            format!("{EXAMPLE}/{name}.yaml"),
            dir.path().join(format!("{name}.yaml")),
        )
        .unwrap();
    }
    // The attachments (bilag) the example's agendas name.
    fs::create_dir_all(dir.path().join("bilag")).unwrap();
    for entry in fs::read_dir(format!("{EXAMPLE}/bilag")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            dir.path().join("bilag").join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    let path = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "\"LMU-møde i april\"",
        "\"<script>alert(1)</script> \\\"><img src=x onerror=alert(1)> {{ 7*7 }}\"",
    );
    fs::write(&path, text).unwrap();
    let out = medtrio()
        .arg("--data")
        .arg(dir.path())
        .args(["agenda", "lmu-april", "--format", "html"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(
        html.contains("{{ 7*7 }}"),
        "template syntax in data is text, not code"
    );
    assert_eq!(html5_errors(&html), Vec::<String>::new());
}
