//! What a facilitator sees when medtrio's output is printed or read on a screen: each test is
//! named after a defect that people noticed, and checks it in the formats they use.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::medtrio;

const EXAMPLE: &str = "examples/havnekoebing";

fn run(args: &[&str]) -> (String, String) {
    let out = medtrio()
        .env("COLUMNS", "100")
        .env("MEDTRIO_TODAY", "2026-11-23")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn stdout(args: &[&str]) -> String {
    run(args).0
}

#[test]
fn a_cancelled_meeting_printed_as_a_normal_agenda() {
    for format in ["txt", "md", "html"] {
        let text = stdout(&[
            "--data",
            EXAMPLE,
            "agenda",
            "lmu-oktober",
            "--format",
            format,
        ]);
        assert!(
            text.contains("AFLYST – mødet holdes ikke."),
            "{format}: {text}"
        );
        assert!(
            !text.contains("kl. 13.05"),
            "{format} prints time slots: {text}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "--data",
        EXAMPLE,
        "agenda",
        "lmu-oktober",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json["cancelled"], true);
    assert!(
        json["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["slot_text"] == "")
    );
}

#[test]
fn a_card_silently_lost_words() {
    let html = stdout(&["prompts", "--format", "cards"]);
    // The barrier's whole text was cut at the card's edge after "konflikter og".
    // A source too long for the card is not cut at all: the card cites its section.
    assert!(!html.contains(" …"), "a card's source is cut: {html}");
    let card = html
        .split("Hvor er roller og samarbejde mellem leder, TR og AMR uklare hos os")
        .nth(1)
        .unwrap();
    let source = card.split("<p class=\"source\">").nth(1).unwrap();
    let source = &source[..source.find("</p>").unwrap()];
    assert_eq!(source, "Kilde: Potentielle barrierer");
    // A long question is set smaller, not cut.
    assert!(html.contains("class=\"card longer\"") || html.contains("class=\"card long\""));
}

#[test]
fn prep_sheets_that_are_empty_or_thin_exit_0_in_silence() {
    let (_, stderr) = run(&["prep", "rammer"]);
    assert_eq!(
        stderr,
        "note: the prep sheet for `rammer` is nearly empty: the data has few findings and prompts on its themes; try `medtrio prep arbejdsfaellesskab`\n"
    );
    let sheet = stdout(&["--data", EXAMPLE, "prep", "lmu-marts"]);
    for fact in [
        "tirsdag den 24. marts 2026",
        "kl. 13.00–14.30",
        "Personalerummet",
    ] {
        assert!(
            sheet.contains(fact),
            "the meeting's {fact} is missing: {sheet}"
        );
    }
    let sheet = stdout(&["prep", "temamoede-1"]);
    let themes = sheet.lines().find(|l| l.starts_with("Temaer:")).unwrap();
    assert_eq!(
        themes.matches("Indflydelse i arbejdet").count(),
        1,
        "{sheet}"
    );
    // The purpose is a sentence, not a lead-in that ends in a colon.
    let sheet = stdout(&["prep", "roller"]);
    let purpose = sheet.split("FORMÅL\n").nth(1).unwrap();
    let purpose = &purpose[..purpose.find("\n\n").unwrap()];
    assert!(purpose.trim_end().ends_with('.'), "{purpose}");
    // HU's own points are on the theme's sheet, "Aflæring" among them.
    let sheet = stdout(&["prep", "arbejdsfaellesskab"]);
    assert!(sheet.contains("POINTER FRA DIALOGEN I HU"), "{sheet}");
    assert!(sheet.contains("Aflæring:"), "{sheet}");
    // Trial actions are trial actions, not HU's strategy points.
    let trials = sheet.split("FORSLAG TIL PRØVEHANDLINGER").nth(1).unwrap();
    assert!(
        !trials.contains("Lederne spiller en central rolle"),
        "{trials}"
    );
    assert!(trials.contains("Prøvehandlinger"), "{trials}");
}

#[test]
fn a_prep_sheet_for_an_omu_meeting_suggests_no_lmu_only_prompt() {
    let sheet = stdout(&["prep", "dialog-omu-sundhed", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&sheet).unwrap();
    let lmu_only: Vec<String> = stdout(&["list", "prompts", "--level", "lmu", "--format", "json"])
        .parse::<serde_json::Value>()
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["levels"] == serde_json::json!(["lmu"]))
        .map(|p| p["text"].as_str().unwrap().to_owned())
        .collect();
    for prompt in json["prompts"].as_array().unwrap() {
        let text = prompt["text"].as_str().unwrap();
        assert!(
            !lmu_only.iter().any(|t| t == text),
            "LMU-only prompt on an OMU sheet: {text}"
        );
    }
}

fn export(dir: &std::path::Path) -> String {
    medtrio()
        .args([
            "--data",
            EXAMPLE,
            "--today",
            "2026-11-23",
            "export",
            "--out",
        ])
        .arg(dir)
        .assert()
        .success();
    std::fs::read_to_string(dir.join("index.html")).unwrap()
}

#[test]
fn the_index_page_on_a_phone_was_unusable() {
    let dir = tempfile::tempdir().unwrap();
    let html = export(dir.path());
    // On a narrow screen the timeline becomes a list by quarter, and the table scrolls.
    assert!(html.contains("@media (max-width: 640px)"));
    assert!(html.contains("<div class=\"timeline-list\">"));
    assert!(html.contains("<h3>4. kvartal 2026</h3>"));
    assert!(html.contains("<div class=\"scroll\">"));
    // Words are hyphenated, never broken anywhere.
    assert!(!html.contains("overflow-wrap: anywhere"));
    assert!(!html.contains("break-all"));
}

#[test]
fn the_timeline_was_not_to_be_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let html = export(dir.path());
    // Past is not done: only the two meetings with minutes are held; the rest of the past
    // is past.
    assert_eq!(html.matches("class=\"bar held").count(), 2, "{html}");
    assert!(html.contains("title=\"tirsdag den 24. marts 2026 · afholdt\""));
    assert!(html.contains("title=\"tirsdag den 7. april 2026 · afholdt\""));
    assert!(html.contains("class=\"bar past"));
    // The today line runs down from below the quarter heads, behind the bars (#33), and the
    // timeline reaches today's quarter.
    assert!(html.contains("class=\"today\" style=\"grid-row: 2 / "));
    assert!(html.contains("4. kvartal 2026"));
    // The programme's own meetings are on it.
    assert!(html.contains("Personalemøde om aktørskab"));
    // The temamøder of the bundled data, which have no date, are listed with it.
    let dir = tempfile::tempdir().unwrap();
    medtrio()
        .args(["--today", "2026-11-23", "export", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let html = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let undated = html.split("Uden dato:").nth(1).unwrap();
    assert!(undated.contains("Temamøde 1"), "{undated}");
}

#[test]
fn terminal_output_in_danish_spoke_english_and_broke_words() {
    let shown = stdout(&["show", "temamoede-1"]);
    assert!(
        shown.starts_with("Temamøde 1 [møde temamoede-1]"),
        "{shown}"
    );
    // Wrapped on words at the terminal's width: no line runs over.
    let out = medtrio()
        .env("COLUMNS", "60")
        .args(["show", "bar-relationer"])
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.lines().all(|l| l.chars().count() <= 60), "{shown}");
    assert!(shown.contains("tilbageholdenhed."), "{shown}");
    // A table breaks no word that its column can hold.
    let listed = stdout(&["list", "roadmap"]);
    assert!(listed.contains("Administrationen"), "{listed}");
    let listed = stdout(&["--data", EXAMPLE, "list", "meetings"]);
    assert!(listed.contains("kl. 13.00–14.30"), "{listed}");
}

#[test]
fn the_agenda_header_and_items_agree_and_a_break_takes_no_number() {
    let agenda = stdout(&["--data", EXAMPLE, "agenda", "lmu-april"]);
    assert!(
        agenda
            .lines()
            .any(|l| l.starts_with("Tid:") && l.ends_with(" kl. 13.00–14.00")),
        "{agenda}"
    );
    assert!(
        agenda.contains("\nAfrunding\n  kl. 13.55–14.00\n"),
        "{agenda}"
    );
    assert!(
        !agenda.lines().any(|l| l.starts_with("Status:")),
        "a confirmed meeting prints its status: {agenda}"
    );
    for row in ["Deltagere:", "Afbud:"] {
        assert!(agenda.contains(row), "{row} is missing: {agenda}");
    }
    let programme = stdout(&["agenda", "temamoede-1"]);
    assert!(programme.starts_with("PROGRAM\n"), "{programme}");
    assert!(programme.contains("\nPause\n"), "{programme}");
    assert!(!programme.contains("Dagsorden") && !programme.contains("Godkendelse af"));
    assert!(!programme.contains("Forum:"), "{programme}");
}

#[test]
fn with_notes_leaves_ruled_lines_under_each_item() {
    let agenda = stdout(&["--data", EXAMPLE, "agenda", "lmu-april", "--with-notes"]);
    let rules = agenda
        .lines()
        .filter(|l| l.trim_start().starts_with("____"))
        .count();
    // Four lines under each of the six items (the follow-up on the March minutes is one);
    // the afrunding is no item and gets none.
    assert_eq!(rules, 6 * 4, "{agenda}");
    assert!(!stdout(&["--data", EXAMPLE, "agenda", "lmu-april"]).contains("\n   ____"));
}

/// At a terminal (a pseudo-terminal from util-linux's `script`), a PDF is refused; in a pipe it
/// is written.
#[cfg(unix)]
#[test]
fn a_pdf_is_not_written_to_a_terminal() {
    let bin = assert_cmd::cargo::cargo_bin("medtrio");
    let out = std::process::Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "{} --data {EXAMPLE} agenda lmu-april --format pdf",
            bin.display()
        ))
        .arg("/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .expect("util-linux script");
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert_eq!(
        text,
        "error: a PDF file is not for the terminal\n  = help: write it to a file with -o, e.g. `-o dagsorden.pdf`, or pipe it\n"
    );
    assert_eq!(out.status.code(), Some(2));
    let piped = medtrio()
        .args(["--data", EXAMPLE, "agenda", "lmu-april", "--format", "pdf"])
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(piped.stdout.starts_with(b"%PDF-"));
}
