//! One rule decides whether an agenda fits its time (`model::timing`): `validate` refused none
//! of these, and `agenda` then refused them as usage errors (exit 2). Now the data is refused,
//! located, with exit 1, by `validate` and by `agenda` alike.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::{copy_data, medtrio};

/// Runs `medtrio --data DIR ARGS`; the exit code and stderr, with the folder masked.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = medtrio()
        .arg("--data")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&dir.display().to_string(), "[DATA]");
    (out.status.code().unwrap(), stderr)
}

fn with_case(case: &str) -> tempfile::TempDir {
    let dir = copy_data("tests/fixtures/minimal");
    let case = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad-input")
        .join(format!("{case}.programme.yaml"));
    fs::copy(case, dir.path().join("programme.yaml")).unwrap();
    dir
}

#[test]
fn agenda_of_a_meeting_that_runs_past_midnight_was_a_usage_error() {
    let dir = with_case("agenda-past-midnight-without-end");
    let expected = "[DATA]/programme.yaml:15:12: error: meeting `lmu-marts` would run past midnight: it starts at 23:30 and its items take 50 minutes\n   |\n15 |     start: \"23:30\"\n   |            ^\n  = help: an agenda ends by midnight: start earlier, or shorten the items\nerror: the data has 1 error\n";
    assert_eq!(run(dir.path(), &["validate"]), (1, expected.to_owned()));
    assert_eq!(
        run(dir.path(), &["agenda", "lmu-marts"]),
        (1, expected.to_owned())
    );
}

#[test]
fn agenda_of_a_meeting_shorter_than_its_template_was_a_usage_error() {
    let dir = with_case("template-longer-than-meeting");
    let expected = "[DATA]/programme.yaml:16:10: error: meeting `lmu-marts` lasts 10 minutes (13:00–13:10), but its template `lmu-dialogmoede` needs at least 20\n   |\n16 |     end: \"13:10\"\n   |          ^\n  = help: the template's fixed items take 10 minutes and each of its 2 other items at least 5; move the end time, or give the meeting its own `items:`\nerror: the data has 1 error\n";
    assert_eq!(run(dir.path(), &["validate"]), (1, expected.to_owned()));
    assert_eq!(
        run(dir.path(), &["agenda", "lmu-marts"]),
        (1, expected.to_owned())
    );
}

#[test]
fn agenda_of_a_roadmap_activity_whose_template_runs_past_midnight_was_a_usage_error() {
    let dir = with_case("template-start-past-midnight");
    let roadmap = dir.path().join("roadmap.yaml");
    let text = fs::read_to_string(&roadmap).unwrap();
    let text = text.replace(
        "    kind: opfølgning\n",
        "    kind: opfølgning\n    template: lmu-dialogmoede\n",
    );
    fs::write(&roadmap, text).unwrap();
    let (code, stderr) = run(dir.path(), &["agenda", "trivselsmaaling"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("[DATA]/roadmap.yaml:13:15: error: roadmap activity `trivselsmaaling` would run past midnight: its template `lmu-dialogmoede` starts it at 23:30 and its items take 60 minutes\n   |\n13 |     template: lmu-dialogmoede\n   |               ^\n  = help: an agenda ends by midnight: give the template `lmu-dialogmoede` an earlier `start:`, or shorten its items\n"),
        "{stderr}"
    );
}

/// `--start` and `--minutes` are still the user's to get wrong: a usage error, exit 2.
#[test]
fn a_start_flag_past_midnight_stays_a_usage_error() {
    let dir = copy_data("tests/fixtures/minimal");
    assert_eq!(
        run(dir.path(), &["agenda", "lmu-marts", "--start", "23:30"]),
        (
            2,
            "error: the agenda would run past midnight (23:30 + 50 minutes)\n  = help: choose another --minutes or --start\n".to_owned()
        )
    );
}
