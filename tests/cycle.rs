//! The year and the week: `cycle` against examples/havnekoebing (one task covered, the
//! others missing), the wheel as HTML, the references from agenda items to the cycle's
//! tasks, and `week` with every section on a fixed day.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;

use common::{copy_data, html5_errors, medtrio};

const EXAMPLE: &str = "examples/havnekoebing";

fn stdout(args: &[&str]) -> String {
    let out = medtrio().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_year_shows_what_is_covered_and_what_is_missing() {
    let json = stdout(&[
        "--data",
        EXAMPLE,
        "--today",
        "2026-11-23",
        "cycle",
        "--year",
        "2026",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let entries = report["entries"].as_array().unwrap();
    let apv = entries.iter().find(|e| e["rule"] == "apv").unwrap();
    assert_eq!(apv["status"], "covered");
    assert_eq!(apv["meeting"]["id"], "lmu-april");
    // The October meeting is cancelled, so it covers nothing.
    let october: Vec<_> = entries
        .iter()
        .filter(|e| e["rule"] == "arbejdsmiljoedroeftelse")
        .collect();
    assert_eq!(october.len(), 2, "LMU and OMU: {october:?}");
    assert!(october.iter().all(|e| e["status"] == "missing"));
    assert_eq!(
        october[0]["gap"],
        "Den årlige arbejdsmiljødrøftelse (oktober 2026) – LMU-møde i oktober er aflyst; flyt opgaven til LMU-møde i december (tirsdag den 1. december 2026)"
    );
    // The APV falls every third year from 2026: not in 2027.
    let next = stdout(&[
        "--data",
        EXAMPLE,
        "--today",
        "2026-11-23",
        "cycle",
        "--year",
        "2027",
        "--format",
        "json",
    ]);
    assert!(!next.contains("\"rule\": \"apv\""), "{next}");
}

#[test]
fn check_fails_on_a_gap_and_passes_on_a_covered_year() {
    medtrio()
        .args(["--data", EXAMPLE, "--today", "2026-11-23", "cycle", "--year", "2026"])
        .args(["--forum", "lmu-havnen", "--check", "--format", "csv"])
        .assert()
        .code(1)
        .stderr(
            "missing: Trivselsmåling: resultater og opfølgning (marts 2026) – intet møde i LMU Børnehuset Havnen
missing: Budget for det kommende år (september 2026) – intet møde i LMU Børnehuset Havnen
missing: Den årlige arbejdsmiljødrøftelse (oktober 2026) – LMU-møde i oktober er aflyst; flyt opgaven til LMU-møde i december (tirsdag den 1. december 2026)
error: 3 tasks of 2026 have no meeting
  = help: plan a meeting with an item that names the task (`cycle: ID`), or move the task in cycle.yaml
",
        );
    // Only the APV, which April covers: nothing is missing.
    let dir = copy_data(EXAMPLE);
    let cycle = fs::read_to_string(dir.path().join("cycle.yaml")).unwrap();
    let apv_only = &cycle[..cycle.find("  - id: arbejdsmiljoedroeftelse").unwrap()];
    fs::write(dir.path().join("cycle.yaml"), apv_only).unwrap();
    // The template of the annual discussion names the task that is now gone.
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme)
        .unwrap()
        .replace("        cycle: arbejdsmiljoedroeftelse\n", "");
    fs::write(&programme, text).unwrap();
    medtrio()
        .arg("--data")
        .arg(dir.path())
        .args([
            "--today",
            "2026-11-23",
            "cycle",
            "--year",
            "2026",
            "--check",
        ])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn data_without_a_cycle_says_how_to_get_one() {
    medtrio()
        .args(["cycle", "--year", "2026"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: the data has no annual cycle
  = help: add a cycle.yaml to the data folder; `medtrio init DIR` writes one to start from
",
        );
}

#[test]
fn an_item_names_a_task_of_the_cycle() {
    // Without cycle.yaml, the item's `cycle: apv` names nothing.
    let dir = copy_data(EXAMPLE);
    fs::remove_file(dir.path().join("cycle.yaml")).unwrap();
    let name = dir.path().join("programme.yaml").display().to_string();
    medtrio()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .stderr(format!(
            "{name}:70:16: error: the item names the cycle task `apv`, but the data has no cycle.yaml
   |
70 |         cycle: apv
   |                ^
  = help: add cycle.yaml with the task (`medtrio init DIR` writes one to start from), or leave `cycle:` out
{name}:233:16: error: the item names the cycle task `arbejdsmiljoedroeftelse`, but the data has no cycle.yaml
    |
233 |         cycle: arbejdsmiljoedroeftelse
    |                ^
  = help: add cycle.yaml with the task (`medtrio init DIR` writes one to start from), or leave `cycle:` out
error: the data has 2 errors
"
        ));
    // With it, a misspelt task is located and the nearest is suggested.
    let dir = copy_data(EXAMPLE);
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme)
        .unwrap()
        .replace("cycle: apv", "cycle: apw");
    fs::write(&programme, text).unwrap();
    medtrio()
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .assert()
        .code(1)
        .stderr(format!(
            "{}:70:16: error: unknown cycle task `apw`
   |
70 |         cycle: apw
   |                ^
  = help: did you mean `apv`?
error: the data has 1 error
",
            programme.display()
        ));
}

#[test]
fn the_wheel_is_valid_self_contained_html_for_a4_landscape() {
    let html = stdout(&[
        "--data",
        EXAMPLE,
        "--today",
        "2026-11-23",
        "cycle",
        "--year",
        "2026",
        "--format",
        "html",
    ]);
    assert_eq!(html5_errors(&html), Vec::<String>::new());
    assert!(!html.contains("<script") && !html.contains("src="));
    assert!(html.contains("@page { size: A4 landscape;"));
    assert!(html.contains("<svg class=\"wheel\""));
    // Danish month names round the wheel; covered and missing differ in shape.
    for month in ["januar", "februar", "marts", "oktober", "december"] {
        assert!(html.contains(&format!(">{month}</text>")), "{month}");
    }
    // The APV's meeting, and the AMR's supplementary course of 2026 (recorded in members.yaml).
    assert_eq!(
        html.matches("fill=\"#2e6b3a\"").count(),
        2,
        "two covered marks"
    );
    assert!(html.contains("<rect "), "missing tasks are squares");
    assert!(html.contains("<title>i dag</title>"), "today is marked");
}

#[test]
fn the_week_has_every_section_on_a_busy_day_and_one_line_on_a_quiet_one() {
    let week = stdout(&[
        "--data",
        EXAMPLE,
        "--today",
        "2026-11-16",
        "week",
        "--weeks",
        "3",
        "--format",
        "json",
    ]);
    let week: serde_json::Value = serde_json::from_str(&week).unwrap();
    for section in ["meetings", "deadlines", "actions", "cycle", "drafts"] {
        let list = week[section].as_array();
        assert!(
            list.is_some_and(|l| !l.is_empty()),
            "{section} is empty: {week:#}"
        );
    }
    assert_eq!(
        week["deadlines"][0]["text"],
        "tirsdag den 17. november 2026: LMU-møde i december – frist for punkter til dagsordenen"
    );
    let quiet = stdout(&["--today", "2026-11-23", "week"]);
    assert_eq!(
        quiet,
        "UGEN\nuge 48–49, 2026\n===============\nIntet at gøre i uge 48–49, 2026.\n"
    );
}

#[test]
fn plan_names_the_tasks_of_the_month_and_adds_them_on_request() {
    let dir = copy_data(EXAMPLE);
    fs::create_dir(dir.path().join("minutes")).unwrap();
    fs::copy(
        format!("{EXAMPLE}/minutes/lmu-marts.yaml"),
        dir.path().join("minutes/lmu-marts.yaml"),
    )
    .unwrap();
    let plan = |extra: &[&str]| {
        let mut cmd = medtrio();
        cmd.arg("--data").arg(dir.path()).args([
            "plan",
            "--meeting",
            "lmu-dialog",
            "--forum",
            "lmu-havnen",
            "--date",
            "2026-10-13",
            "--start",
            "13:00",
        ]);
        cmd.args(extra);
        cmd
    };
    // Without --cycle: written, and the October task is named with the flag that adds it.
    let written = dir.path().join("local/lmu-havnen-2026-10-13.yaml");
    plan(&[]).assert().success().stderr(format!(
        "wrote {}; render it with: medtrio --data {} agenda lmu-havnen-2026-10-13
note: the annual cycle has a task for lmu-havnen in the meeting's month: `arbejdsmiljoedroeftelse` (Den årlige arbejdsmiljødrøftelse); add it with --cycle arbejdsmiljoedroeftelse
",
        written.display(),
        dir.path().display()
    ));
    // With it: the task's item, named by the task, before "Eventuelt"; the follow-up on the
    // March minutes is written too, so that the agenda fits its end; the basis in small print.
    plan(&["--cycle", "arbejdsmiljoedroeftelse", "--id", "lmu-okt"])
        .assert()
        .success();
    let yaml = fs::read_to_string(dir.path().join("local/lmu-okt.yaml")).unwrap();
    assert!(yaml.contains("cycle: arbejdsmiljoedroeftelse"), "{yaml}");
    assert!(
        yaml.contains("Opfølgning på beslutninger og handlingspunkter"),
        "{yaml}"
    );
    let agenda = String::from_utf8(
        medtrio()
            .arg("--data")
            .arg(dir.path())
            .args(["agenda", "lmu-okt"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        agenda.contains("5. Den årlige arbejdsmiljødrøftelse\n   kl. 14.10–14.50 · Drøftelse\n"),
        "{agenda}"
    );
    assert!(agenda.contains("6. Eventuelt"), "{agenda}");
    assert!(
        agenda.contains("Grundlag: Den årlige arbejdsmiljødrøftelse – "),
        "{agenda}"
    );
    // A task that is not in cycle.yaml.
    plan(&["--cycle", "apw", "--id", "lmu-okt-2"])
        .assert()
        .code(2)
        .stderr(
            "error: unknown task of the annual cycle `apw`
  = help: `medtrio cycle` shows the tasks; their ids are in cycle.yaml
",
        );
}
