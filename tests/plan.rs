//! `medtrio plan`: the real interactive flow in a pseudo-terminal (tmux), and the flag path.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::tmux::Tmux;
use common::{copy_data, medtrio};

fn command_line(data: &Path) -> String {
    format!(
        "NO_COLOR=1 {} --data {} plan",
        assert_cmd::cargo::cargo_bin("medtrio").display(),
        data.display()
    )
}

#[test]
fn the_interactive_flow_in_a_pseudo_terminal_writes_a_plan_that_loads() {
    let data = copy_data("examples/havnekoebing");
    let tmux = Tmux::start(&command_line(data.path()));
    tmux.wait_for("Hvad tager mødet udgangspunkt i?");
    tmux.keys(&["Down", "Enter"]); // the template
    tmux.wait_for("Hvilket forum?");
    tmux.keys(&["Enter"]); // LMU Børnehuset Havnen
    tmux.wait_for("Mødets titel");
    tmux.keys(&["LMU-møde i december", "Enter"]);
    tmux.wait_for("Dato (ÅÅÅÅ-MM-DD)");
    tmux.keys(&["2026-02-30", "Enter"]);
    tmux.wait_for("`2026-02-30` is not a day in the calendar");
    tmux.keys(&["2026-12-01", "Enter"]);
    tmux.wait_for("Starttid (TT:MM)");
    tmux.keys(&["Enter"]); // the template's 13:00
    tmux.wait_for("Sted");
    tmux.keys(&["Personalerummet", "Enter"]);
    tmux.wait_for("Længde i minutter");
    tmux.keys(&["BSpace", "BSpace", "60", "Enter"]);
    tmux.wait_for("Vælg dialogspørgsmål");
    tmux.keys(&["Space", "Enter"]); // add the first prompt to the preselected one
    tmux.wait_for("Rækkefølge");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Mødeleder (- for ingen)");
    tmux.keys(&["Mette Holm", "Enter"]);
    tmux.wait_for("Referent (- for ingen)");
    tmux.keys(&["-", "Enter"]);
    tmux.wait_for("Deltagere, adskilt af komma");
    // The forum's members on the day are offered as the participants.
    tmux.wait_for("Lone Kjær, Anders Bech, Sara Holm, Mikkel Dahl, Birthe Lund");
    tmux.keys(&["Mette Holm, Bo Berg", "Enter"]);
    tmux.wait_for("1. Godkendelse af dagsorden (i alt");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2. Hvad er aktørskab for os?");
    tmux.keys(&["BSpace", "BSpace", "30", "Enter"]);
    tmux.wait_for("3. Prøvehandling til næste møde (i alt 55 af 60 min)");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("Gem mødet?");
    let screen = tmux.screen();
    assert!(
        screen.contains("tirsdag den 1. december 2026 (uge 49)"),
        "{screen}"
    );
    assert!(screen.contains("kl. 13.05–13.35 · Drøftelse"), "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("EXIT=0");

    let file = data.path().join("local/lmu-havnen-2026-12-01.yaml");
    assert!(file.is_file(), "{}", tmux.screen());
    medtrio()
        .arg("--data")
        .arg(data.path())
        .arg("validate")
        .assert()
        .success();
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["agenda", "lmu-havnen-2026-12-01", "--format", "json"])
        .output()
        .unwrap();
    let agenda: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(agenda["title"], "LMU-møde i december");
    assert_eq!(agenda["chair"], "Mette Holm");
    assert_eq!(agenda["minute_taker"], serde_json::Value::Null);
    assert_eq!(
        agenda["participants"],
        serde_json::json!(["Mette Holm", "Bo Berg"])
    );
    assert_eq!(agenda["place"], "Personalerummet");
    assert_eq!(agenda["start"], "13:00");
    assert_eq!(agenda["end"], "13:55");
    assert_eq!(agenda["items"][1]["minutes"], 30);
    let prompts: Vec<&str> = agenda["items"][1]["prompts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(prompts, ["p-pauser", "p-aktoerskab"]);
}

#[test]
fn ctrl_c_in_the_pseudo_terminal_leaves_no_file() {
    let data = copy_data("examples/havnekoebing");
    let tmux = Tmux::start(&command_line(data.path()));
    tmux.wait_for("Hvad tager mødet udgangspunkt i?");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Hvilket forum?");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Mødets titel");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Dato");
    tmux.keys(&["2026-03-", "C-c"]);
    tmux.wait_for("EXIT=");
    assert!(!tmux.screen().contains("EXIT=0"));
    assert!(
        !data.path().join("local").exists(),
        "a file was left behind"
    );
}

#[test]
fn the_flag_path_needs_no_terminal() {
    let data = copy_data("examples/havnekoebing");
    medtrio()
        .arg("--data")
        .arg(data.path())
        .args([
            "plan",
            "--meeting",
            "blank",
            "--new-forum",
            "LMU Børnehuset Søstjernen",
            "--date",
            "2026-12-08",
        ])
        .args([
            "--start",
            "14:00",
            "--place",
            "Salen",
            "--length",
            "90",
            "--prompts",
            "p-aktoerskab,p-pauser",
        ])
        .assert()
        .success()
        .stdout("");
    let file = data
        .path()
        .join("local/lmu-boernehuset-soestjernen-2026-12-08.yaml");
    let yaml = fs::read_to_string(&file).unwrap();
    assert!(yaml.starts_with("# Written by medtrio plan."));
    medtrio()
        .arg("--data")
        .arg(data.path())
        .arg("validate")
        .assert()
        .success()
        .stdout(format!(
            "ok: {}: 6 meetings, 2 roadmap activities, 2 findings, 2 prompts, 5 tasks of the annual cycle, 5 members\n",
            data.path().display()
        ));
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["agenda", "lmu-boernehuset-soestjernen-2026-12-08"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = |label: &str, value: &str| {
        text.lines()
            .any(|l| l.starts_with(label) && l.trim_end().ends_with(value))
    };
    assert!(line("Forum:", " LMU Børnehuset Søstjernen"), "{text}");
    assert!(line("Tid:", " kl. 14.00–15.30"), "{text}");

    // The same again is refused; nothing is overwritten without --force.
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args([
            "plan",
            "--meeting",
            "blank",
            "--new-forum",
            "LMU Børnehuset Søstjernen",
            "--date",
            "2026-12-08",
            "--start",
            "09:00",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&file.display().to_string(), "[FILE]"),
        "error: `[FILE]` already exists\n  = help: add --force to overwrite it\n"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), yaml);
}

#[test]
fn without_a_terminal_the_missing_flags_are_named() {
    let out = medtrio()
        .args([
            "--today",
            "2026-11-23",
            "plan",
            "--meeting",
            "lmu-aktoerskab",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: without a terminal, plan needs --date, --start, --forum (or --new-forum)\n  = help: e.g. medtrio plan --meeting omu-dialogmoede --forum omu-adm --date 2026-12-07 --start 13:00 --prompts p-rammer; `medtrio list templates` and `list forums` show the ids\n"
    );
}

/// The example in the hint is made of the user's own ids, so that it works when copied (it
/// named ids of the bundled data in every folder).
#[test]
fn the_hint_of_plan_works_when_copied_in_the_users_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("mit-lmu");
    assert!(
        medtrio()
            .arg("init")
            .arg(&data)
            .output()
            .unwrap()
            .status
            .success()
    );
    let out = medtrio()
        .arg("--data")
        .arg(&data)
        .args(["--today", "2026-11-23", "plan"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let example = stderr
        .split("e.g. medtrio ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .unwrap();
    assert_eq!(
        example,
        "plan --meeting lmu-standard --forum lmu-mit-lmu --date 2026-12-07 --start 13:00 --prompts p-pauser"
    );
    let copied = medtrio()
        .arg("--data")
        .arg(&data)
        .args(["--today", "2026-11-23"])
        .args(example.split(' '))
        .output()
        .unwrap();
    assert!(
        copied.status.success(),
        "{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    assert!(data.join("local/lmu-mit-lmu-2026-12-07.yaml").exists());
}

/// The chair, the minute taker and the participants come from flags (at a terminal they are
/// asked, offering the forum's last), and stand in the agenda's header.
#[test]
fn plan_writes_the_chair_the_minute_taker_and_the_participants() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("mit-lmu");
    assert!(
        medtrio()
            .arg("init")
            .arg(&data)
            .output()
            .unwrap()
            .status
            .success()
    );
    let planned = medtrio()
        .arg("--data")
        .arg(&data)
        .args([
            "plan",
            "--meeting",
            "lmu-standard",
            "--forum",
            "lmu-mit-lmu",
            "--id",
            "lmu-jan",
            "--title",
            "LMU-møde i januar",
            "--date",
            "2027-01-12",
            "--start",
            "13:00",
            "--chair",
            "Mette Holm",
            "--minute-taker",
            "Bo Berg",
            "--participants",
            "Mette Holm, Bo Berg,Ali Khan",
        ])
        .output()
        .unwrap();
    assert!(
        planned.status.success(),
        "{}",
        String::from_utf8_lossy(&planned.stderr)
    );
    let agenda = medtrio()
        .arg("--data")
        .arg(&data)
        .args(["agenda", "lmu-jan"])
        .output()
        .unwrap();
    let text = String::from_utf8(agenda.stdout).unwrap();
    assert!(text.starts_with("DAGSORDEN\nLMU-møde i januar\n"), "{text}");
    assert!(text.contains("Mødeleder: Mette Holm\n"), "{text}");
    assert!(text.contains("Referent:  Bo Berg\n"), "{text}");
    assert!(
        text.contains("Deltagere: Mette Holm, Bo Berg, Ali Khan\n"),
        "{text}"
    );
}

#[test]
fn unknown_prompt_is_a_usage_error() {
    let data = copy_data("examples/havnekoebing");
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args([
            "plan",
            "--meeting",
            "lmu-marts",
            "--date",
            "2026-12-01",
            "--start",
            "13:00",
            "--prompts",
            "p-nope",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: unknown prompt `p-nope`\n  = help: `medtrio list prompts` shows the prompt ids\n"
    );
    assert!(!data.path().join("local").exists());
}

#[test]
fn with_the_bundled_data_plan_makes_a_data_folder_beside_it() {
    let cwd = tempfile::tempdir().unwrap();
    medtrio()
        .current_dir(cwd.path())
        .args([
            "plan",
            "--meeting",
            "lmu-aktoerskab",
            "--forum",
            "omu-sundhed",
            "--date",
            "2026-12-01",
            "--start",
            "13:00",
        ])
        .assert()
        .success();
    let data = cwd.path().join("medtrio-data");
    assert!(data.join("programme.yaml").is_file());
    assert!(data.join("local/omu-sundhed-2026-12-01.yaml").is_file());
    medtrio()
        .current_dir(cwd.path())
        .args(["--data", "medtrio-data", "agenda", "omu-sundhed-2026-12-01"])
        .assert()
        .success();
}

/// Runs `plan` on a copy of the example with the given extra flags; returns the exit code, the
/// stderr and whether `local/` was made.
fn plan_refused(extra: &[&str]) -> (Option<i32>, String, bool) {
    let data = copy_data("examples/havnekoebing");
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["plan", "--meeting", "lmu-marts", "--date", "2026-12-01"])
        .args(["--start", "13:00"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    (
        out.status.code(),
        stderr,
        data.path().join("local").exists(),
    )
}

#[test]
fn plan_id_with_dot_dot_wrote_outside_local() {
    assert_eq!(
        plan_refused(&["--id", "../../evil"]),
        (
            Some(2),
            "error: invalid meeting id `../../evil`\n  = help: ids are 1 to 64 lower-case letters a-z, digits and hyphens, not starting with a hyphen: write `evil`\n".into(),
            false
        )
    );
}

#[test]
fn plan_id_with_a_newline_injected_yaml() {
    let (code, stderr, local) = plan_refused(&["--id", "x\nstatus: held"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: invalid meeting id `x\\nstatus: held`\n  = help: ids are 1 to 64 lower-case letters a-z, digits and hyphens, not starting with a hyphen: write `x-status-held`\n"
    );
    assert!(!local);
}

#[test]
fn plan_id_of_an_existing_meeting_broke_the_data_folder() {
    assert_eq!(
        plan_refused(&["--id", "lmu-april"]),
        (
            Some(2),
            "error: `lmu-april` is already an id in the data\n  = help: choose another --id; `medtrio show ID` shows what has it\n".into(),
            false
        )
    );
}

#[test]
fn plan_new_forum_of_punctuation_gave_an_empty_forum_id() {
    assert_eq!(
        plan_refused(&["--new-forum", "!!!"]),
        (
            Some(2),
            "error: the forum name `!!!` has no letters or digits to make an id from\n  = help: give the new forum a name with letters or digits\n".into(),
            false
        )
    );
}

#[test]
fn plan_new_forum_that_exists_is_refused() {
    assert_eq!(
        plan_refused(&["--new-forum", "LMU Havnen"]),
        (
            Some(2),
            "error: the new forum's id `lmu-havnen` is already an id in the data\n  = help: use --forum with that id instead of --new-forum\n".into(),
            false
        )
    );
}

#[test]
fn plan_empty_title_was_accepted() {
    assert_eq!(
        plan_refused(&["--title", " "]),
        (
            Some(2),
            "error: the meeting's title is empty\n  = help: give --title a text, or leave it out to keep the base's title\n".into(),
            false
        )
    );
}

#[test]
fn plan_start_in_the_spring_forward_hour_was_accepted() {
    let data = copy_data("examples/havnekoebing");
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["plan", "--meeting", "lmu-marts", "--date", "2027-03-28"])
        .args(["--start", "02:30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: 02:30 does not exist on 2027-03-28: the clocks go forward that night\n  = help: choose a start after 03:00, or another day\n"
    );
}
