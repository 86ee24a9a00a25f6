//! The members of a committee as people use them: the year's attendance in CSV and JSON, the
//! minutes' names checked against them (the exact messages), and the AMR's training deadline
//! in `cycle --check`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::{copy_data, medtrio};

const EXAMPLE: &str = "examples/havnekoebing";

/// A copy of the example with its members and its minutes.
fn example() -> tempfile::TempDir {
    let dir = copy_data(EXAMPLE);
    fs::create_dir(dir.path().join("minutes")).unwrap();
    for id in ["lmu-marts", "lmu-april"] {
        fs::copy(
            Path::new(EXAMPLE).join(format!("minutes/{id}.yaml")),
            dir.path().join(format!("minutes/{id}.yaml")),
        )
        .unwrap();
    }
    dir
}

/// Runs medtrio on `data` with today 2026-11-23: exit code, stdout, stderr (the folder
/// shown as `[DATA]`).
fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    run_on("2026-11-23", data, args)
}

fn run_on(today: &str, data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = medtrio()
        .arg("--data")
        .arg(data)
        .args(["--today", today])
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let shown = data.display().to_string();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&shown, "[DATA]"),
    )
}

#[test]
fn the_attendance_in_csv_counts_each_members_meetings() {
    let (code, csv, _) = run(
        Path::new(EXAMPLE),
        &["attendance", "--year", "2026", "--format", "csv"],
    );
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "name",
            "roles",
            "side",
            "forum",
            "forum_name",
            "meetings",
            "present",
            "excused",
            "absent"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("{name} is not in {rows:?}"))
            .clone()
    };
    // Birthe Lund sent apologies in March and came in April.
    assert_eq!(
        row("Birthe Lund"),
        [
            "Birthe Lund",
            "leder",
            "ledelsessiden",
            "lmu-havnen",
            "LMU Børnehuset Havnen",
            "2",
            "1",
            "1",
            "0"
        ]
    );
    assert_eq!(row("Lone Kjær")[1], "leder, formand");
    assert_eq!(rows.len(), 5);
}

#[test]
fn the_attendance_in_json_lists_a_member_neither_present_nor_excused_as_absent() {
    let data = example();
    let path = data.path().join("minutes/lmu-april.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "present: [\"Lone Kjær\", \"Anders Bech\", \"Sara Holm\", \"Mikkel Dahl\", \"Birthe Lund\"]",
        "present: [\"Lone Kjær\", \"Anders Bech\", \"Sara Holm\", \"Birthe Lund\"]",
    );
    fs::write(&path, text).unwrap();
    let (code, json, err) = run(data.path(), &["attendance", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mikkel = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "Mikkel Dahl")
        .unwrap();
    assert_eq!(
        mikkel,
        &serde_json::json!({
            "name": "Mikkel Dahl",
            "roles": ["medarbejderrepræsentant"],
            "side": "medarbejdersiden",
            "forum": "lmu-havnen",
            "forum_name": "LMU Børnehuset Havnen",
            "meetings": 2,
            "present": 1,
            "excused": 0,
            "absent": 1
        })
    );
    // A year without meetings counts none.
    let (_, json, _) = run(
        data.path(),
        &["attendance", "--year", "2027", "--format", "json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(rows.as_array().unwrap().iter().all(|r| r["meetings"] == 0));
}

#[test]
fn attendance_without_members_says_how_to_add_them() {
    let (code, out, err) = run(
        Path::new("examples/kommune/omu-boern/lmu-dagplejen"),
        &["attendance"],
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "error: the data has no members\n  = help: add a members.yaml to the data folder; `medtrio init DIR` writes one to start from\n"
    );
}

#[test]
fn attend_refuses_a_name_that_is_no_member_and_suggests_the_nearest() {
    let data = example();
    let before = fs::read_to_string(data.path().join("minutes/lmu-april.yaml")).unwrap();
    let (code, _, err) = run(
        data.path(),
        &["attend", "lmu-april", "--absent", "Sara Holms"],
    );
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: --absent: `Sara Holms` is not a member of `lmu-havnen`\n  = help: did you mean `Sara Holm`? Or add them to members.yaml\n"
    );
    assert_eq!(
        fs::read_to_string(data.path().join("minutes/lmu-april.yaml")).unwrap(),
        before
    );
    // A member's name in another case is written as members.yaml spells it.
    let (code, _, err) = run(
        data.path(),
        &[
            "attend",
            "lmu-april",
            "--present",
            "lone kjær,Anders Bech,Sara Holm,Birthe Lund",
            "--absent",
            "mikkel dahl",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let after = fs::read_to_string(data.path().join("minutes/lmu-april.yaml")).unwrap();
    assert!(
        after.contains(
            "present: [\"Lone Kjær\", \"Anders Bech\", \"Sara Holm\", \"Birthe Lund\"]\n"
        ) && after.contains("apologies: [\"Mikkel Dahl\"]\n"),
        "{after}"
    );
}

#[test]
fn minutes_refuse_a_present_name_that_is_no_member() {
    let dir = copy_data(EXAMPLE);
    let (code, out, err) = run(
        dir.path(),
        &["minutes", "lmu-april", "--present", "Lone Kjær,Pædagog"],
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "error: --present: `Pædagog` is not a member of `lmu-havnen`\n  = help: the members that day are `Lone Kjær`, `Anders Bech`, `Sara Holm`, `Mikkel Dahl`, `Birthe Lund`; correct the name, or add them to members.yaml\n"
    );
    assert!(!dir.path().join("minutes/lmu-april.yaml").exists());
}

#[test]
fn a_name_both_present_and_excused_is_an_error_with_its_place() {
    let data = example();
    let path = data.path().join("minutes/lmu-marts.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "apologies: [\"Birthe Lund\"]",
        "apologies: [\"Birthe Lund\", \"sara holm\"]",
    );
    fs::write(&path, text).unwrap();
    let (code, _, err) = run(data.path(), &["validate"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "[DATA]/minutes/lmu-marts.yaml:10:28: error: `sara holm` is named twice: also under `present` at line 9\n   |\n10 | apologies: [\"Birthe Lund\", \"sara holm\"]\n   |                            ^\n  = help: name each person once: under `present` or under `apologies`\nerror: the data has 1 error\n"
    );
}

/// The example with a new AMR, Jonas Friis, elected on 1 June 2026, who has no course
/// recorded: the obligatory training was due by 31 August 2026.
fn with_new_amr() -> tempfile::TempDir {
    let data = example();
    let path = data.path().join("members.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(
        "  - name: \"Jonas Friis\"\n    roles: [amr]\n    email: \"jonas.friis@example.org\"\n    from: \"2026-06-01\"\n",
    );
    fs::write(&path, text).unwrap();
    data
}

#[test]
fn cycle_check_reports_an_amr_whose_training_deadline_has_passed() {
    // LMU Testhuset has no cycle.yaml: its only tasks of the year are its AMR's courses.
    let dir = copy_data("tests/fixtures/minutes");
    fs::create_dir(dir.path().join("minutes")).unwrap();
    fs::copy(
        "tests/fixtures/minutes/minutes/lmu-marts.yaml",
        dir.path().join("minutes/lmu-marts.yaml"),
    )
    .unwrap();
    let members = "version: 1\nmembers:\n  - name: \"Leder\"\n    roles: [leder]\n  - name: \"TR\"\n    roles: [tr]\n  - name: \"AMR\"\n    roles: [amr]\n    from: \"2026-01-15\"\n";
    fs::write(dir.path().join("members.yaml"), members).unwrap();
    let (code, out, err) = run(dir.path(), &["cycle", "--year", "2026", "--check"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        err,
        "missing: Obligatorisk arbejdsmiljøuddannelse, 3 dage: AMR (senest 14. april 2026) – intet kursus registreret i LMU Testhuset\nerror: 1 AMR course is past its deadline with none recorded in 2026\n  = help: record the course taken in members.yaml, under the AMR: `training: [{course: obligatorisk, on: YYYY-MM-DD}]`\n"
    );
    // The first year's supplementary offer is due by 14 January 2027: not yet.
    let (_, out, _) = run(dir.path(), &["cycle", "--year", "2027", "--format", "csv"]);
    assert!(
        out.contains("amr-supplerende,2,\"Supplerende arbejdsmiljøuddannelse, 2 dage: AMR\",lmu-testhuset,LMU Testhuset,1,senest 14. januar 2027,open,frist ikke nået,,"),
        "{out}"
    );
    // Recorded, the course covers the task.
    fs::write(
        dir.path().join("members.yaml"),
        format!(
            "{members}    training:\n      - course: obligatorisk\n        on: \"2026-03-20\"\n"
        ),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["cycle", "--year", "2026", "--check"]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(out.contains("taget 20.03.2026"), "{out}");
}

#[test]
fn cycle_check_names_both_the_tasks_without_a_meeting_and_the_overdue_course() {
    let data = with_new_amr();
    let (code, _, err) = run(data.path(), &["cycle", "--year", "2026", "--check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("missing: Obligatorisk arbejdsmiljøuddannelse, 3 dage: Jonas Friis (senest 31. august 2026) – intet kursus registreret i LMU Børnehuset Havnen\n"),
        "{err}"
    );
    assert!(
        err.ends_with("error: 7 tasks of 2026 have no meeting, and 1 AMR course is past its deadline with none recorded\n  = help: plan a meeting with an item that names the task (`cycle: ID`), or move the task in cycle.yaml; record the course taken in members.yaml, under the AMR: `training: [{course: obligatorisk, on: YYYY-MM-DD}]`\n"),
        "{err}"
    );
}

#[test]
fn a_deadline_still_ahead_is_not_a_failure() {
    let data = with_new_amr();
    let (code, out, err) = run_on(
        "2026-07-01",
        data.path(),
        &["cycle", "--year", "2026", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let task = report["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rule"] == "amr-obligatorisk")
        .unwrap();
    assert_eq!(task["status"], "open");
    assert_eq!(task["when_text"], "senest 31. august 2026");
    assert_eq!(report["overdue_training"], 0);
}
