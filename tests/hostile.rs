//! Hostile content: texts in the data that try to break the outputs, rendered to every
//! format and checked by the parsers a reader would use.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::fs;

use assert_cmd::Command;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData};

const DATA: &str = "tests/fixtures/hostile";

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("medtrio")
        .unwrap()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("MEDTRIO_TODAY")
        .args(["--data", DATA])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Every element and attribute name in the document, as an HTML5 parser builds it.
fn elements(html: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .unwrap();
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    let (mut names, mut attributes) = (Vec::new(), Vec::new());
    fn walk(node: &Handle, names: &mut Vec<String>, attributes: &mut Vec<String>) {
        if let NodeData::Element { name, attrs, .. } = &node.data {
            names.push(name.local.to_string());
            attributes.extend(attrs.borrow().iter().map(|a| a.name.local.to_string()));
        }
        for child in node.children.borrow().iter() {
            walk(child, names, attributes);
        }
    }
    walk(&dom.document, &mut names, &mut attributes);
    (names, attributes, errors)
}

fn assert_no_live_markup(html: &str, what: &str) {
    let (names, attributes, errors) = elements(html);
    assert_eq!(errors, Vec::<String>::new(), "{what}: HTML5 parse errors");
    for bad in ["script", "img", "i", "b"] {
        assert!(
            !names.iter().any(|n| n == bad),
            "{what}: a <{bad}> element from the data is live"
        );
    }
    assert!(
        !attributes.iter().any(|a| a.starts_with("on")),
        "{what}: an event handler from the data is live"
    );
    assert!(
        !html.contains("49"),
        "{what}: `{{{{ 7*7 }}}}` in the data was evaluated"
    );
}

#[test]
fn html_has_no_live_markup_from_the_data() {
    let outputs = [
        ("agenda", run(&["agenda", "m-x", "--format", "html"])),
        ("cards", run(&["prompts", "--format", "cards"])),
        ("prep", run(&["prep", "m-x", "--format", "html"])),
        ("referat", run(&["minutes", "m-y", "--format", "html"])),
    ];
    for (what, bytes) in outputs {
        assert_no_live_markup(&String::from_utf8(bytes).unwrap(), what);
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    run(&[
        "--today",
        "2026-03-01",
        "export",
        "--out",
        site.to_str().unwrap(),
    ]);
    for name in ["index.html", "agendas/m-x.html", "minutes/m-y.html"] {
        assert_no_live_markup(&fs::read_to_string(site.join(name)).unwrap(), name);
    }
}

#[test]
fn csv_protects_formula_cells() {
    for args in [
        ["--format", "csv"].as_slice(),
        ["--format", "csv", "--excel"].as_slice(),
    ] {
        for command in [
            ["list", "meetings"].as_slice(),
            &["list", "roadmap"],
            &["list", "findings"],
            &["list", "prompts"],
            &["actions"],
            &["decisions"],
        ] {
            let kind = command.join(" ");
            let bytes = run(&[command, args].concat());
            let excel = args.contains(&"--excel");
            let text = if excel { &bytes[3..] } else { &bytes[..] };
            let mut reader = csv::ReaderBuilder::new()
                .delimiter(if excel { b';' } else { b',' })
                .from_reader(text);
            let mut cells = 0;
            for record in reader.records() {
                for cell in record.unwrap().iter() {
                    cells += 1;
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "{kind}: formula cell {cell:?}"
                    );
                }
            }
            assert!(cells > 0);
        }
    }
    let findings = String::from_utf8(run(&["list", "findings", "--format", "csv"])).unwrap();
    assert!(
        findings.contains("'=1+1 | a | b"),
        "the text is kept, with a protecting quote"
    );
    let actions = String::from_utf8(run(&["actions", "--format", "csv"])).unwrap();
    assert!(
        actions.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\""),
        "an owner that is a formula is kept as text: {actions}"
    );
    let mut reader = csv::Reader::from_reader(actions.as_bytes());
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(
        &first[1], "<script>alert('action')</script> | pipe\r\nsecond line",
        "a CSV reader reads the text back whole"
    );
}

#[test]
fn ics_lines_are_short_and_text_is_escaped() {
    let text = String::from_utf8(run(&["calendar"])).unwrap();
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line:?}");
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "raw line break in {line:?}"
        );
    }
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("Line two\\; with\\, commas\\\\backslash"),
        "escaped in the file: {unfolded}"
    );
    assert!(
        unfolded.contains("Line one\\nLine two"),
        "newlines escaped in the file: {unfolded}"
    );
    let cal: icalendar::Calendar = text.parse().unwrap();
    let event = cal.components.iter().find_map(|c| c.as_event()).unwrap();
    use icalendar::Component as _;
    let description = event.property_value("DESCRIPTION").unwrap();
    assert!(
        description.contains("Line two; with, commas\\backslash"),
        "a parser reads the text back: {description}"
    );
    assert_eq!(event.property_value("STATUS"), Some("CANCELLED"));
    assert_eq!(
        event.property_value("SUMMARY"),
        Some("\"><img src=x onerror=alert(1)> {{ 7*7 }}")
    );
}

/// The number of cell separators in a Markdown table row: pipes not escaped with `\`.
fn separators(row: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}

#[test]
fn markdown_tables_do_not_break_on_pipes() {
    for command in [
        ["list", "meetings"].as_slice(),
        &["list", "roadmap"],
        &["list", "findings"],
        &["list", "prompts"],
        &["actions"],
        &["decisions"],
    ] {
        let kind = command.join(" ");
        let md = String::from_utf8(run(&[command, &["--format", "md"]].concat())).unwrap();
        let rows: Vec<&str> = md.lines().collect();
        let header = separators(rows[0]);
        for row in &rows {
            assert_eq!(
                separators(row),
                header,
                "{kind}: a row has a different number of cells: {row}"
            );
        }
    }
}

#[test]
fn markdown_and_text_documents_keep_the_text_inert() {
    let md = String::from_utf8(run(&["agenda", "m-x", "--format", "md"])).unwrap();
    assert!(
        md.contains("\\<script\\>"),
        "HTML in Markdown is escaped:\n{md}"
    );
    let unescaped = md
        .match_indices('<')
        .filter(|(i, _)| !md[..*i].ends_with('\\'))
        .count();
    assert_eq!(unescaped, 0, "every `<` from the data is escaped:\n{md}");
    let txt = String::from_utf8(run(&["agenda", "m-x", "--format", "txt"])).unwrap();
    assert!(
        txt.contains("<script>alert('item')</script>"),
        "plain text shows the text as it is"
    );
    assert!(
        txt.lines().all(|l| l.chars().count() <= 100),
        "long lines are wrapped"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["agenda", "m-x", "--format", "json"])).unwrap();
    assert_eq!(json["items"][0]["title"], "<script>alert('item')</script>");
    let referat = String::from_utf8(run(&["minutes", "m-y", "--format", "md"])).unwrap();
    let live = referat
        .match_indices('<')
        .filter(|(i, _)| !referat[..*i].ends_with('\\') && !referat[*i..].starts_with("<br>"))
        .count();
    assert_eq!(
        live, 0,
        "every `<` of a decision or an action is escaped (a cell's line break is <br>):\n{referat}"
    );
    assert!(
        referat.contains("\\| pipe<br>second line"),
        "an action's line break stays inside its table cell:\n{referat}"
    );
    assert!(
        referat.contains("| pipe\\\nnew line {{ 7\\*7 }}"),
        "a decision's line break is a hard break, and the line after it starts nothing:\n{referat}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["minutes", "m-y", "--format", "json"])).unwrap();
    assert_eq!(
        json["items"][0]["outcome"]["text"],
        "<script>alert('decision')</script> | pipe\nnew line {{ 7*7 }}"
    );
    assert_eq!(
        json["chair"], "{{ 7*7 }}",
        "template syntax in the data is text"
    );
    let table = String::from_utf8(run(&["actions"])).unwrap();
    assert!(
        table.lines().all(|l| l.chars().count() <= 100),
        "the action table fits COLUMNS"
    );
    let table = String::from_utf8(run(&["list", "findings"])).unwrap();
    assert!(
        table.lines().all(|l| l.chars().count() <= 100),
        "the table fits COLUMNS"
    );
}
