//! `list`, `diff` and the closed pipe, checked as a script or a spreadsheet would see them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::process::Stdio;

use common::{copy_data_into, medtrio};

fn json_of(args: &[&str]) -> serde_json::Value {
    let out = medtrio().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn excel_csv_reads_back_whole_with_danish_letters() {
    let out = medtrio()
        .args([
            "list",
            "prompts",
            "--audience",
            "tr",
            "--format",
            "csv",
            "--excel",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let bytes = out.stdout;
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "no byte-order mark"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "no CRLF line ends");
    // Read as Danish Excel does: `;` separated, UTF-8 after the byte-order mark.
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(&headers[1], "text");
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json = json_of(&["list", "prompts", "--audience", "tr", "--format", "json"]);
    let expected = json.as_array().unwrap();
    assert_eq!(records.len(), expected.len());
    assert!(records.len() >= 10);
    for (record, prompt) in records.iter().zip(expected) {
        assert_eq!(&record[0], prompt["id"].as_str().unwrap());
        assert_eq!(&record[1], prompt["text"].as_str().unwrap());
    }
    let all: String = records
        .iter()
        .map(|r| r.iter().collect::<Vec<_>>().join(" "))
        .collect();
    for letter in ['æ', 'ø', 'å', '–'] {
        assert!(all.contains(letter), "`{letter}` did not survive");
    }
}

#[test]
fn rfc_csv_reads_back_with_a_comma_reader() {
    let out = medtrio()
        .args(["list", "findings", "--format", "csv"])
        .output()
        .unwrap();
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json = json_of(&["list", "findings", "--format", "json"]);
    let rows = json.as_array().unwrap();
    assert_eq!(records.len(), rows.len());
    // The columns are the JSON's fields, in their order.
    let fields: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(headers.iter().collect::<Vec<_>>(), fields);
    let title = headers.iter().position(|h| h == "title").unwrap();
    let barrier = records.iter().find(|r| &r[0] == "bar-raaderum").unwrap();
    assert_eq!(&barrier[title], "Uklart råderum");
}

#[test]
fn q1_2026_holds_exactly_the_two_omu_dialogue_meetings() {
    let json = json_of(&[
        "list",
        "roadmap",
        "--quarter",
        "2026-Q1",
        "--format",
        "json",
    ]);
    let titles: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Dialogmøde i OMU Sundhed og omsorg",
            "Dialogmøde i OMU Socialområdet"
        ]
    );
    for activity in json.as_array().unwrap() {
        assert_eq!(activity["level"], "omu");
        assert_eq!(activity["quarters"], serde_json::json!(["2026-Q1"]));
    }
}

#[test]
fn json_dates_stay_iso_in_english() {
    let json = json_of(&[
        "--lang",
        "en",
        "--data",
        "tests/fixtures/minimal",
        "list",
        "meetings",
        "--format",
        "json",
    ]);
    let meeting = &json[0];
    assert_eq!(meeting["date"], "2026-03-03");
    assert_eq!(meeting["start"], "13:00");
    assert_eq!(meeting["end"], "14:00");
    assert_eq!(meeting["status"], "confirmed");
    assert_eq!(meeting["themes"], serde_json::json!(["trivsel"]));
}

#[test]
fn diff_names_a_redated_meeting_with_old_and_new_date() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    copy_data_into("tests/fixtures/minimal", old.path());
    copy_data_into("tests/fixtures/minimal", new.path());
    let path = new.path().join("programme.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("\"2026-03-03\"", "\"2026-03-10\"");
    fs::write(&path, text).unwrap();

    let out = medtrio()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a change exits 1, as diff(1) does"
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "## Ændringer\n\n**Ændret:**\n\n- **LMU-møde i marts**: ny dato: tirsdag den 10. marts 2026 (før: tirsdag den 3. marts 2026)\n\n"
    );

    let out = medtrio()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "kind": "meeting", "id": "lmu-marts", "title": "LMU-møde i marts", "change": "changed",
            "fields": [{"field": "date", "old": "2026-03-03", "new": "2026-03-10"}]
        }])
    );

    let out = medtrio()
        .arg("diff")
        .arg(old.path())
        .arg(old.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "Ingen ændringer.\n");
}

#[test]
fn diff_reports_added_removed_and_cancelled() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    copy_data_into("tests/fixtures/minimal", old.path());
    copy_data_into("tests/fixtures/minimal", new.path());
    let path = new.path().join("programme.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("status: confirmed", "status: cancelled");
    fs::write(&path, text).unwrap();
    let path = new.path().join("roadmap.yaml");
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("id: trivselsmaaling", "id: trivselsmaaling-2026");
    fs::write(&path, text).unwrap();
    let out = medtrio()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "## Ændringer\n\n**Nyt:**\n\n- **Trivselsmåling** (trivselsmaaling-2026)\n\n**Ændret:**\n\n- **LMU-møde i marts**: aflyst\n\n**Udgået:**\n\n- **Trivselsmåling** (trivselsmaaling)\n\n"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("medtrio"))
        .args(["list", "findings", "--format", "json"])
        .env_remove("MEDTRIO_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end at once, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

/// As diff(1): 1 means "something changed", so bad data on either side exits 2. It used to
/// exit 1 for both, and a script could not tell a change from trouble.
#[test]
fn diff_exited_1_for_bad_data_as_for_a_change() {
    let old = tempfile::tempdir().unwrap();
    let new = tempfile::tempdir().unwrap();
    copy_data_into("tests/fixtures/minimal", old.path());
    copy_data_into("tests/fixtures/minimal", new.path());
    fs::write(new.path().join("roadmap.yaml"), "").unwrap();
    let out = medtrio()
        .arg("diff")
        .arg(old.path())
        .arg(new.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&new.path().display().to_string(), "[NEW]"),
        "[NEW]/roadmap.yaml: error: the file is empty\n  = help: a data file starts with `version: 1`; `medtrio init DIR` writes an example of each file\nerror: the data has 1 error\n"
    );
}

/// At 80 columns a table leaves columns out before it breaks a word ("Administr-" /
/// "ationen"), and says which.
#[test]
fn a_table_at_80_columns_keeps_its_words_whole() {
    let out = medtrio()
        .env("COLUMNS", "80")
        .args(["--today", "2026-11-23", "list", "roadmap"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    let broken: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.split(['┆', '│'])
                .any(|cell| cell.trim_end().ends_with('-'))
        })
        .collect();
    assert!(broken.is_empty(), "broken words: {broken:?}");
    assert!(
        text.ends_with(
            "└───────────────────────────┴──────────────────────────────┴───────────────────┘\n\
             Ikke vist, så ordene kan stå hele: Periode, Forløb (et bredere vindue eller\n\
             --format csv viser alt)\n"
        ),
        "{text}"
    );
}
