//! After the meeting: `medtrio minutes` writes the minutes to fill in (from flags, and at a
//! terminal by asking), the referat prints as HTML for A4, the action points open as Danish
//! Excel reads them, and the next agenda and the export follow up.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::tmux::Tmux;
use common::{copy_data, html5_errors, medtrio};

const EXAMPLE: &str = "examples/havnekoebing";

/// A copy of the example with the minutes of the meetings named.
fn example_with(minutes: &[&str]) -> tempfile::TempDir {
    let dir = copy_data(EXAMPLE);
    fs::create_dir(dir.path().join("minutes")).unwrap();
    for id in minutes {
        fs::copy(
            Path::new(EXAMPLE).join(format!("minutes/{id}.yaml")),
            dir.path().join(format!("minutes/{id}.yaml")),
        )
        .unwrap();
    }
    dir
}

fn stdout(data: &Path, args: &[&str]) -> String {
    let out = medtrio()
        .arg("--data")
        .arg(data)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_loop_runs_from_flags_without_a_terminal() {
    let data = example_with(&["lmu-marts"]);
    let path = data.path().join("minutes/lmu-april.yaml");
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["--today", "2026-11-23", "minutes", "lmu-april"])
        .args([
            "--present",
            "Lone Kjær,Anders Bech,Sara Holm",
            "--apologies",
            "Mikkel Dahl",
        ])
        .args(["--outcome", "2=Referatet blev godkendt."])
        .args(["--outcome", "4=Handleplanen mangler en tidsplan."])
        .args(["--action", "Lav en tidsplan for handleplanen;AMR;2026-05;4"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
    let shown = data.path().display().to_string();
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&shown, "[DATA]"),
        "wrote [DATA]/minutes/lmu-april.yaml, and the agenda of `lmu-april` stands as issued; fill it in, then print the referat with: medtrio --data [DATA] minutes lmu-april --format txt\n"
    );
    let programme = fs::read_to_string(data.path().join("programme.yaml")).unwrap();
    assert!(
        programme.contains("    status: confirmed\n    issued:\n      date: \"2026-11-23\"\n      approves:\n        meeting: lmu-marts\n"),
        "the first minutes of a held meeting freeze its agenda:\n{programme}"
    );
    let yaml = fs::read_to_string(&path).unwrap();
    assert!(
        yaml.contains("  - item: 3\n    title: \"Opfølgning på beslutninger og handlingspunkter\"\n    noted: true\n"),
        "the inserted follow-up item is numbered as the agenda numbers it:\n{yaml}"
    );
    assert!(yaml.contains("  - id: lmu-april-1\n    text: \"Lav en tidsplan for handleplanen\"\n    owner: \"AMR\"\n    due: \"2026-05\"\n    item: 4\n"));
    assert_eq!(
        stdout(data.path(), &["validate"]).replace(&shown, "[DATA]"),
        "ok: [DATA]: 5 meetings, 2 roadmap activities, 2 findings, 2 prompts, minutes of 2 meetings, 3 action points, 5 tasks of the annual cycle, 5 members\n"
    );

    // Never over a file that is there, and the file is left as it was.
    let again = medtrio()
        .arg("--data")
        .arg(data.path())
        .args(["minutes", "lmu-april"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(again.stderr)
            .unwrap()
            .replace(&shown, "[DATA]"),
        "error: `[DATA]/minutes/lmu-april.yaml` already exists\n  = help: medtrio never overwrites minutes: edit the file, or print the referat with `medtrio --data [DATA] minutes lmu-april --format txt`\n"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), yaml);

    let referat = stdout(data.path(), &["minutes", "lmu-april", "--format", "txt"]);
    assert!(
        referat.contains("Konklusion: Handleplanen mangler en tidsplan."),
        "{referat}"
    );
    // The member neither present nor excused is listed as absent (fraværende), in every
    // format that prints the referat.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat(&referat).contains("Afbud: Mikkel Dahl Fraværende: Birthe Lund Mødeleder:"),
        "{referat}"
    );
    let md = stdout(data.path(), &["minutes", "lmu-april", "--format", "md"]);
    assert!(md.contains("- **Fraværende:** Birthe Lund\n"), "{md}");
    let html = stdout(data.path(), &["minutes", "lmu-april", "--format", "html"]);
    assert!(
        html.contains("<th scope=\"row\">Fraværende</th><td>Birthe Lund</td>"),
        "{html}"
    );
    let json = stdout(data.path(), &["minutes", "lmu-april", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["absent"], serde_json::json!(["Birthe Lund"]));
    let en = stdout(
        data.path(),
        &["--lang", "en", "minutes", "lmu-april", "--format", "txt"],
    );
    assert!(flat(&en).contains("Absent: Birthe Lund"), "{en}");
    let open = stdout(data.path(), &["actions", "--open", "--format", "csv"]);
    assert!(
        open.contains(
            "lmu-april-1,Lav en tidsplan for handleplanen,AMR,2026-05,open,,true,lmu-april"
        ),
        "{open}"
    );
    let agenda = stdout(data.path(), &["agenda", "lmu-december"]);
    assert!(
        agenda.contains("Referat fra mødet tirsdag den 7. april 2026"),
        "{agenda}"
    );
    // A row on one line keeps its columns' names.
    let flat = agenda.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "- Lav en tidsplan for handleplanen · Hvem: AMR · Hvornår: maj 2026 · Status: overskredet"
        ),
        "{agenda}"
    );
}

#[test]
fn the_questions_at_a_terminal_write_minutes_that_validate() {
    let data = example_with(&["lmu-marts"]);
    let command = format!(
        "NO_COLOR=1 MEDTRIO_TODAY=2026-11-23 {} --data {} minutes lmu-april",
        assert_cmd::cargo::cargo_bin("medtrio").display(),
        data.path().display()
    );
    let tmux = Tmux::start(&command);
    tmux.wait_for("Udfyld referatet nu?");
    tmux.keys(&["y"]);
    tmux.wait_for("Til stede");
    tmux.keys(&["C-u", "Lone Kjær, Anders Bech, Sara Holm", "Enter"]);
    tmux.wait_for("Afbud");
    tmux.keys(&["Enter"]);
    // 1. Godkendelse af dagsorden: a decision, no action point.
    tmux.wait_for("Beslutning");
    tmux.keys(&["Dagsordenen blev godkendt.", "Enter"]);
    tmux.wait_for("Handlingspunkt under punktet");
    tmux.keys(&["Enter"]);
    // 2. Godkendelse af referat, 3. Opfølgning: nothing.
    for _ in 0..2 {
        tmux.keys(&["Enter", "Enter"]);
    }
    // 4. APV: a conclusion and one action point.
    tmux.wait_for("4. APV: opfølgning på handleplanen");
    tmux.keys(&["Pausevagterne hjælper.", "Enter"]);
    tmux.wait_for("Handlingspunkt under punktet");
    tmux.keys(&["Tal med køkkenet om støj", "Enter"]);
    tmux.wait_for("Hvem");
    tmux.keys(&["AMR", "Enter"]);
    tmux.wait_for("Hvornår");
    tmux.keys(&["2026-13", "Enter"]);
    tmux.wait_for("a month is 01 to 12");
    tmux.keys(&["2026-05", "Enter"]);
    tmux.wait_for("Hvornår (ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ-Qn; tomt: ikke fastsat) · 2026-05");
    tmux.keys(&["Enter"]);
    // 5. Næste møde, 6. Eventuelt: nothing; then save.
    tmux.wait_for("5. Næste møde");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("6. Eventuelt");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("Gem referatet?");
    tmux.keys(&["y"]);
    tmux.wait_for("EXIT=");
    assert!(tmux.screen().contains("EXIT=0"), "{}", tmux.screen());
    let yaml = fs::read_to_string(data.path().join("minutes/lmu-april.yaml")).unwrap();
    assert!(
        yaml.contains("present: [\"Lone Kjær\", \"Anders Bech\", \"Sara Holm\"]\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("    decision: \"Dagsordenen blev godkendt.\"\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("    conclusion: \"Pausevagterne hjælper.\"\n"),
        "{yaml}"
    );
    assert!(
        yaml.contains("  - id: lmu-april-1\n    text: \"Tal med køkkenet om støj\"\n    owner: \"AMR\"\n    due: \"2026-05\"\n    item: 4\n"),
        "{yaml}"
    );
    assert!(stdout(data.path(), &["validate"]).starts_with("ok: "));
}

#[test]
fn ctrl_c_at_a_question_leaves_no_file() {
    let data = example_with(&[]);
    let command = format!(
        "NO_COLOR=1 {} --data {} minutes lmu-april",
        assert_cmd::cargo::cargo_bin("medtrio").display(),
        data.path().display()
    );
    let tmux = Tmux::start(&command);
    tmux.wait_for("Udfyld referatet nu?");
    tmux.keys(&["y"]);
    tmux.wait_for("Til stede");
    tmux.keys(&["C-c"]);
    tmux.wait_for("EXIT=");
    assert!(!tmux.screen().contains("EXIT=0"));
    assert!(!data.path().join("minutes/lmu-april.yaml").exists());
}

#[test]
fn referat_html_is_valid_self_contained_a4_and_marks_a_draft() {
    let draft = stdout(
        Path::new(EXAMPLE),
        &["minutes", "lmu-april", "--format", "html"],
    );
    let approved = stdout(
        Path::new(EXAMPLE),
        &["minutes", "lmu-marts", "--format", "html"],
    );
    for html in [&draft, &approved] {
        assert_eq!(html5_errors(html), Vec::<String>::new());
        assert!(!html.contains("<script") && !html.contains("src="));
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("li.item { break-inside: avoid"));
    }
    assert!(draft.contains("<div class=\"watermark\" aria-hidden=\"true\">UDKAST</div>"));
    assert!(draft.contains("<p class=\"notice\">UDKAST – referatet er ikke godkendt endnu.</p>"));
    assert!(!approved.contains("class=\"watermark\""));
    assert!(approved.contains(
        "<p class=\"approved\">Godkendt på mødet tirsdag den 7. april 2026 (LMU-møde i april)</p>"
    ));
    assert!(approved.contains("<span class=\"label\">Beslutning:</span> LMU prøver faste pausevagter på de travle dage i april."));
    // The action points are a table, not its markup printed as text.
    assert!(approved.contains("<table class=\"actions\">"), "{approved}");
    assert!(!approved.contains("&lt;"), "{approved}");
}

#[test]
fn the_action_points_open_as_danish_excel_reads_them() {
    let out = medtrio()
        .args(["--data", EXAMPLE, "--today", "2026-11-23"])
        .args(["actions", "--format", "csv", "--excel"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let bytes = out.stdout;
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        headers,
        [
            "id",
            "text",
            "owner",
            "due",
            "status",
            "done",
            "overdue",
            "meeting",
            "meeting_title",
            "meeting_date",
            "forum",
            "forum_name",
            "item",
            "item_title",
            "story"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(
        &rows[1].iter().take(7).collect::<Vec<_>>(),
        &[
            "marts-ugeplan",
            "Skriv ned, hvilke ændringer i ugeplanen personalet selv kan beslutte",
            "Leder",
            "2026-06",
            "open",
            "",
            "true"
        ]
    );
    assert_eq!(&rows[2][13], "APV: opfølgning på handleplanen");
}

#[test]
fn the_export_adds_referater_action_points_decisions_and_open_action_points() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = medtrio()
        .args([
            "--data",
            EXAMPLE,
            "--today",
            "2026-11-23",
            "export",
            "--out",
        ])
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
        "exported 6 agendas (md and html), 2 referater (md and html), the action points (json and csv), 1 decision list, the calendar, 8 lists, the prompts, the annual cycle and index.html to [DIR] (35 files)\n"
    );
    for name in [
        "minutes/lmu-marts.md",
        "minutes/lmu-april.html",
        "lists/actions.json",
        "lists/actions.csv",
        "decisions/lmu-havnen.md",
        "decisions/lmu-havnen.json",
        "decisions/lmu-havnen.csv",
        "cycle.html",
    ] {
        assert!(site.join(name).is_file(), "{name}");
    }
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("<a href=\"cycle.html\">Årshjul 2026</a>"));
    for name in [
        "index.html",
        "cycle.html",
        "minutes/lmu-april.html",
        "agendas/lmu-december.html",
    ] {
        let html = fs::read_to_string(site.join(name)).unwrap();
        assert_eq!(html5_errors(&html), Vec::<String>::new(), "{name}");
    }
    let index = fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("<h2>Åbne handlingspunkter</h2>"));
    // Overdue first, and linked to the referat it stands in.
    let overdue = index
        .find("Skriv ned, hvilke ændringer i ugeplanen")
        .unwrap();
    let open = index.find("Tilføj støj i garderoben").unwrap();
    assert!(overdue < open);
    assert!(index.contains("<tr class=\"overdue\"><td>Skriv ned"));
    assert!(index.contains("href=\"minutes&#x2f;lmu-marts.html\""));
    assert!(
        !index.contains("Lav en plan for pausevagter"),
        "a done action point is not open"
    );
    let agenda = fs::read_to_string(site.join("agendas/lmu-december.md")).unwrap();
    assert!(agenda.contains("Referat fra mødet tirsdag den 7. april 2026"));
}

#[test]
fn the_agenda_of_a_past_meeting_shows_what_was_open_then() {
    // On 7 April the ugeplan was not yet due, and the pausevagter plan was done on 1 April,
    // after the March meeting.
    let agenda = stdout(
        Path::new(EXAMPLE),
        &["agenda", "lmu-april", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_str(&agenda).unwrap();
    let follow_up = &json["items"][2]["follow_up"];
    assert_eq!(follow_up["kind"], "actions");
    assert_eq!(follow_up["as_of"], "2026-04-07");
    let ids: Vec<&str> = follow_up["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // What was done since the last meeting is reported with what is still open (the review's C6).
    assert_eq!(ids, ["marts-pausevagter", "marts-ugeplan"]);
    assert_eq!(follow_up["actions"][0]["status_text"], "udført");
    assert_eq!(follow_up["actions"][0]["done"], "2026-04-01");
    assert_eq!(follow_up["actions"][1]["overdue"], false);
    assert_eq!(follow_up["actions"][1]["status_text"], "åben");
    assert_eq!(json["items"][1]["follow_up"]["meeting"], "lmu-marts");
    // A meeting before any minutes gets no follow-up item.
    let marts = stdout(
        Path::new(EXAMPLE),
        &["agenda", "lmu-marts", "--format", "json"],
    );
    assert!(!marts.contains("Opfølgning på beslutninger"));
}

/// Regression: a follow-up item locked the whole folder. Once minutes existed, the next
/// agenda gained a 5-minute "Opfølgning" item; an agenda that was exactly full then failed
/// `validate`, and every command refused, even printing the referat just written. Now it is
/// a warning that names the item to shorten, and the agenda runs over.
#[test]
fn the_full_agenda_locking_the_folder() {
    let fixture = Path::new("tests/fixtures/minutes");
    let dir = copy_data("tests/fixtures/minutes");
    fs::create_dir_all(dir.path().join("minutes")).unwrap();
    fs::copy(
        fixture.join("minutes/lmu-marts.yaml"),
        dir.path().join("minutes/lmu-marts.yaml"),
    )
    .unwrap();
    let programme = dir.path().join("programme.yaml");
    let text = fs::read_to_string(&programme).unwrap().replacen(
        "      - title: \"Trivsel: status på pauseplanen\"\n        type: D\n        minutes: 30",
        "      - title: \"Trivsel: status på pauseplanen\"\n        type: D\n        minutes: 45",
        1,
    );
    fs::write(&programme, text).unwrap();
    let name = programme.display();
    let warning = format!(
        "{name}:29:5: warning: the agenda of `lmu-april` runs 5 minutes over: its items add up to 65 minutes, with the 5 minutes of the item `Opfølgning på beslutninger og handlingspunkter` that the earlier minutes add, but the meeting lasts 60
   |
29 |   - id: lmu-april
   |     ^
  = help: shorten `Trivsel: status på pauseplanen` (45 min.) or another item by 5 minutes, or move the end time, before the agenda is issued
"
    );
    let run = |args: &[&str]| {
        medtrio()
            .arg("--data")
            .arg(dir.path())
            .args(["--today", "2026-03-30"])
            .args(args)
            .assert()
            .success()
            .stderr(warning.clone())
    };
    run(&["validate"]);
    let agenda =
        String::from_utf8(run(&["agenda", "lmu-april"]).get_output().stdout.clone()).unwrap();
    assert!(
        agenda.contains("kl. 13.00–14.05"),
        "the agenda runs over:\n{agenda}"
    );
    run(&["minutes", "lmu-marts", "--format", "txt"]);
}

/// At a terminal, the planned names are a line to edit: Ctrl-U clears it, a name given twice
/// is refused and asked again, and a summary of what will be saved comes before "Gem".
#[test]
fn the_names_at_a_terminal_clear_with_ctrl_u_and_refuse_a_name_twice_or_no_member() {
    let data = copy_data(EXAMPLE);
    let command = format!(
        "NO_COLOR=1 MEDTRIO_TODAY=2026-11-23 {} --data {} minutes lmu-marts",
        assert_cmd::cargo::cargo_bin("medtrio").display(),
        data.path().display()
    );
    let tmux = Tmux::start(&command);
    tmux.wait_for("Udfyld referatet nu?");
    tmux.keys(&["y"]);
    tmux.wait_for(
        "Til stede (adskil med komma; Ctrl-U rydder linjen): Lone Kjær, Anders Bech, Sara Holm, Mikkel Dahl",
    );
    tmux.keys(&["C-u", "Lone Kjær, Anders Bech, lone kjær", "Enter"]);
    tmux.wait_for("`lone kjær` står to gange: skriv hvert navn én gang");
    // A name that is no member of the forum is asked again, with the nearest member.
    tmux.keys(&["C-u", "Lone Kjær, Anders Bek", "Enter"]);
    tmux.wait_for("`Anders Bek` er ikke medlem af `lmu-havnen` – mente du `Anders Bech`?");
    tmux.keys(&["C-u", "Lone Kjær, Anders Bech", "Enter"]);
    tmux.wait_for("Afbud (adskil med komma; Ctrl-U rydder linjen): Birthe Lund");
    tmux.keys(&["C-u", "Enter"]);
    // Four items: no outcome and no action point under each.
    tmux.wait_for("1. Godkendelse af dagsorden");
    tmux.keys(&["Dagsordenen blev godkendt.", "Enter", "Enter"]);
    for _ in 0..3 {
        tmux.keys(&["Enter", "Enter"]);
    }
    tmux.wait_for("Gem referatet?");
    let screen = tmux.screen();
    assert!(screen.contains("Referatet, som det gemmes:\n  Til stede: Lone Kjær, Anders Bech\n  Afbud: –\n  1. Godkendelse af dagsorden: Dagsordenen blev godkendt.\n  2. Hvad er aktørskab for os?: intet skrevet\n"), "{screen}");
    tmux.keys(&["y"]);
    tmux.wait_for("EXIT=");
    assert!(tmux.screen().contains("EXIT=0"), "{}", tmux.screen());
    let yaml = fs::read_to_string(data.path().join("minutes/lmu-marts.yaml")).unwrap();
    assert!(
        yaml.contains("present: [\"Lone Kjær\", \"Anders Bech\"]\napologies: []\n"),
        "{yaml}"
    );
}

#[test]
fn a_referat_where_every_member_came_says_afbud_ingen_and_lists_no_one_absent() {
    // The April minutes name all five members of LMU Børnehuset Havnen as present.
    let text = stdout(
        Path::new(EXAMPLE),
        &["minutes", "lmu-april", "--format", "txt"],
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "Til stede: Lone Kjær, Anders Bech, Sara Holm, Mikkel Dahl, Birthe Lund Afbud: Ingen Mødeleder:"
        ),
        "{text}"
    );
    assert!(!text.contains("Fraværende"), "{text}");
    let md = stdout(
        Path::new(EXAMPLE),
        &["minutes", "lmu-april", "--format", "md"],
    );
    assert!(md.contains("- **Afbud:** Ingen\n"), "{md}");
    assert!(!md.contains("Fraværende"), "{md}");
}

/// `lmu-april`'s items retitled: in English or in the committee's own words, each with its
/// `role:`, and a break; or, for `None`, the standard Danish titles and a "Pause".
fn april_items(data: &Path, roles: bool) {
    let path = data.join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let retitle = |text: String, from: &str, to: &str, role: &str| {
        let from = format!("      - title: \"{from}\"\n");
        assert!(text.contains(&from), "{from}");
        let to = if roles {
            format!("      - title: \"{to}\"\n        role: {role}\n")
        } else {
            from.clone()
        };
        text.replacen(&from, &to, 1)
    };
    let text = retitle(
        text,
        "Godkendelse af dagsorden",
        "Approval of the agenda",
        "approve-agenda",
    );
    let text = retitle(
        text,
        "Godkendelse af referat",
        "Minutes of the last meeting",
        "approve-minutes",
    );
    let text = retitle(text, "Næste møde", "Vi ses igen", "next-meeting");
    let text = retitle(text, "Eventuelt", "Løst og fast", "any-other-business");
    let brk = if roles {
        "      - title: \"Coffee\"\n        role: break\n        minutes: 5\n"
    } else {
        "      - title: \"Pause\"\n        minutes: 5\n"
    };
    let before = format!(
        "{brk}      - title: \"{}\"\n",
        if roles { "Vi ses igen" } else { "Næste møde" }
    );
    let at = format!(
        "      - title: \"{}\"\n",
        if roles { "Vi ses igen" } else { "Næste møde" }
    );
    let text = text.replacen(&at, &before, 1);
    fs::write(&path, text).unwrap();
    // The referat names its items by the agenda's titles.
    let path = data.join("minutes/lmu-april.yaml");
    let mut text = fs::read_to_string(&path).unwrap();
    if roles {
        for (from, to) in [
            ("Godkendelse af dagsorden", "Approval of the agenda"),
            ("Godkendelse af referat", "Minutes of the last meeting"),
            ("Næste møde", "Vi ses igen"),
            ("Eventuelt", "Løst og fast"),
        ] {
            text = text.replacen(
                &format!("title: \"{from}\""),
                &format!("title: \"{to}\""),
                1,
            );
        }
    }
    fs::write(&path, text).unwrap();
}

/// What the agenda and the referat of `lmu-april` do with its items: each item's number,
/// minutes and what it says of the minutes before; each referat item's number and outcome.
fn what_the_items_do(data: &Path) -> (Vec<String>, Vec<String>) {
    let agenda: serde_json::Value =
        serde_json::from_str(&stdout(data, &["agenda", "lmu-april", "--format", "json"])).unwrap();
    let agenda = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{} {} {} {}",
                i["number"], i["minutes"], i["follow_up"]["kind"], i["follow_up"]["text"]
            )
        })
        .collect();
    let referat: serde_json::Value =
        serde_json::from_str(&stdout(data, &["minutes", "lmu-april", "--format", "json"])).unwrap();
    let referat = referat["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{} {}", i["number"], i["outcome"]))
        .collect();
    (agenda, referat)
}

#[test]
fn items_with_roles_work_as_the_danish_titles_do_in_any_words() {
    let danish = example_with(&["lmu-marts", "lmu-april"]);
    april_items(danish.path(), false);
    let own_words = example_with(&["lmu-marts", "lmu-april"]);
    april_items(own_words.path(), true);
    stdout(own_words.path(), &["validate"]);
    let (agenda, referat) = what_the_items_do(danish.path());
    assert_eq!(
        agenda[..3],
        [
            "1 5 null null",
            "2 5 \"approval\" \"Referat fra mødet tirsdag den 24. marts 2026\"",
            "3 5 \"actions\" null",
        ],
        "the follow-up goes after the approval of the minutes, which names them"
    );
    assert_eq!(agenda[4], "null 5 null null", "a break takes no number");
    assert_eq!(
        referat[4..],
        [
            "5 {\"label\":\"Næste møde\",\"text\":\"tirsdag den 1. december 2026, kl. 13.00, Personalerummet\"}",
            "6 {\"label\":\"Bemærkninger\",\"text\":\"Intet.\"}",
        ],
        "the referat fills in the next meeting, and an empty any other business"
    );
    assert_eq!(
        what_the_items_do(own_words.path()),
        (agenda, referat),
        "English and local titles with roles do what the Danish titles do"
    );
}
