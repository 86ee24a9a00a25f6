#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! The synthetic data generator (`examples/synth.rs`) writes data that `medtrio validate` accepts.

mod common;

use assert_cmd::Command;
use common::synth as generate;

#[test]
fn synthetic_data_validates() {
    let dir = generate(500, 200);
    for file in ["programme.yaml", "roadmap.yaml", "findings.yaml"] {
        assert!(dir.path().join(file).is_file(), "synth wrote no {file}");
    }

    let output = Command::cargo_bin("medtrio")
        .unwrap()
        .env("NO_COLOR", "1")
        .env_remove("MEDTRIO_DATA")
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "validate failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.starts_with(&format!("ok: {}: 500 meetings", dir.path().display())),
        "unexpected output: {stdout}"
    );
    assert!(stderr.is_empty(), "validate warned:\n{stderr}");
    // A fifth of the meetings have minutes, numbered as medtrio numbers their agendas (or
    // validate would have refused them), and some approved by the forum's next meeting.
    let minutes = std::fs::read_dir(dir.path().join("minutes"))
        .unwrap()
        .count();
    assert!(
        (75..=125).contains(&minutes),
        "{minutes} minutes of 500 meetings"
    );
    assert!(
        stdout.contains(&format!(", minutes of {minutes} meetings, ")),
        "{stdout}"
    );
    let approved = std::fs::read_dir(dir.path().join("minutes"))
        .unwrap()
        .filter(|e| {
            std::fs::read_to_string(e.as_ref().unwrap().path())
                .unwrap()
                .contains("status: approved")
        })
        .count();
    assert!(approved >= 10, "{approved} of {minutes} approved");
}

/// The calendar of a set with thousands of dated meetings and long titles: every physical line
/// within 75 octets, and an iCalendar parser reads every event back. (The bundled data has no
/// dated meetings, so a test on it proved nothing; the synthetic set had 104 lines over 75
/// octets with the calendar crate's folding.)
#[test]
fn synthetic_calendar_lines_fit_75_octets() {
    let dir = generate(3000, 100);
    // 2.4 MiB of data is cached: into a folder of the test, not the user's cache.
    let cache = tempfile::tempdir().unwrap();
    let output = Command::cargo_bin("medtrio")
        .unwrap()
        .env_remove("MEDTRIO_DATA")
        .env("MEDTRIO_CACHE_DIR", cache.path())
        .arg("--data")
        .arg(dir.path())
        .args(["--today", "2026-11-23", "calendar"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let mut longest = 0;
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        longest = longest.max(line.len());
    }
    assert_eq!(longest, 75, "some line is folded at the limit");
    let cal: icalendar::Calendar = text.parse().unwrap();
    let events = cal
        .components
        .iter()
        .filter(|c| c.as_event().is_some())
        .count();
    assert_eq!(events, text.matches("BEGIN:VEVENT").count());
    assert!(events > 1000, "the set has dated meetings: {events}");
}

/// `--committees N` writes a tree that `medtrio rollup` reads whole: every folder valid, HU's
/// roadmap and findings used by the OMUs and LMUs below it.
#[test]
fn a_synthetic_tree_rolls_up_with_every_folder() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let generated = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .args([
            "--example",
            "synth",
            "--",
            "--committees",
            "14",
            "--meetings",
            "20",
        ])
        .args(["--findings", "60", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        generated.status.success(),
        "{}",
        String::from_utf8_lossy(&generated.stderr)
    );
    assert!(!dir.path().join("omu-sundhed/roadmap.yaml").exists());
    let output = Command::cargo_bin("medtrio")
        .unwrap()
        .env("NO_COLOR", "1")
        .args(["--today", "2026-11-23", "--no-cache", "rollup"])
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let rows = String::from_utf8_lossy(&output.stdout).lines().count();
    assert_eq!(rows, 1 + 14, "a header and a row per committee");
}
