//! Confidential items: a unique marker planted in every field of two confidential items of
//! the example municipality's April meeting, and every command that writes output run in
//! every format it offers. The public version (`--public`, and `export` by default) holds no
//! marker in any byte or file name; the members' version holds each of them, and says
//! "Indeholder fortrolige punkter" on every printed page.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use common::medtrio;

/// The markers, by the field they are planted in.
const MARKERS: &[(&str, &str)] = &[
    ("title", "Q7X01"),
    ("title_en", "Q7X02"),
    ("lead", "Q7X03"),
    ("recommendation", "Q7X04"),
    ("notes", "Q7X05"),
    ("confidential_reason", "Q7X06"),
    ("title of the second item", "Q7X07"),
    ("decision", "Q7X08"),
    ("note in the minutes", "Q7X09"),
    ("story", "Q7X10"),
    ("protokoltilførsel's who", "Q7X11"),
    ("protokoltilførsel's text", "Q7X12"),
    ("conclusion", "Q7X13"),
    ("action text", "Q7X14"),
    ("action owner", "Q7X15"),
    ("prompt", "Q7X16"),
    ("prompt in English", "Q7X17"),
];

const TODAY: &str = "2026-11-23";

/// A copy of examples/havnekoebing whose April meeting has two confidential items (5 and 6,
/// in the ten minutes taken from the APV item), with their minutes, an action point, a
/// protokoltilførsel and a prompt of their own: a marker in every field.
fn planted() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("havnekoebing");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/havnekoebing"),
        &dir,
    );
    let edit = |name: &str, from: &str, to: &str| {
        let path = dir.join(name);
        let text = fs::read_to_string(&path).unwrap();
        let at = text.find(from).unwrap_or_else(|| panic!("{name}: {from}"));
        let text = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
        fs::write(path, text).unwrap();
    };
    edit(
        "programme.yaml",
        "        prompts: [p-pauser]\n        cycle: apv\n",
        concat!(
            "        prompts: [p-pauser]\n        cycle: apv\n",
            "      - title: \"Omstrukturering Q7X01\"\n",
            "        title_en: \"Restructuring Q7X02\"\n",
            "        type: B\n        minutes: 5\n        lead: \"Q7X03\"\n",
            "        recommendation: \"Det indstilles, at Q7X04 godkendes.\"\n",
            "        notes: \"Q7X05\"\n        prompts: [p-q7x]\n",
            "        confidential: true\n        confidential_reason: \"Q7X06\"\n",
            "      - title: \"Sygefravær Q7X07\"\n",
            "        type: D\n        minutes: 5\n        confidential: true\n",
        ),
    );
    // The ten minutes come from the APV item, so that the meeting still ends at 14.00.
    edit(
        "programme.yaml",
        "        minutes: 30\n        lead: \"AMR\"\n        recommendation: \"Det indstilles, at LMU drøfter status på handleplanen.\"",
        "        minutes: 20\n        lead: \"AMR\"\n        recommendation: \"Det indstilles, at LMU drøfter status på handleplanen.\"",
    );
    edit(
        "minutes/lmu-april.yaml",
        "  - item: 5\n    title: \"Næste møde\"",
        concat!(
            "  - item: 5\n    title: \"Omstrukturering Q7X01\"\n",
            "    decision: \"Q7X08\"\n    note: \"Q7X09\"\n    story: \"Q7X10\"\n",
            "    statements:\n      - by: \"Q7X11\"\n        text: \"Q7X12\"\n",
            "  - item: 6\n    title: \"Sygefravær Q7X07\"\n    conclusion: \"Q7X13\"\n",
            "  - item: 7\n    title: \"Næste møde\"",
        ),
    );
    edit(
        "minutes/lmu-april.yaml",
        "  - item: 6\n    title: \"Eventuelt\"",
        "  - item: 8\n    title: \"Eventuelt\"",
    );
    let minutes = dir.join("minutes/lmu-april.yaml");
    let mut text = fs::read_to_string(&minutes).unwrap();
    text.push_str("  - id: q7x-handling\n    text: \"Q7X14\"\n    owner: \"Q7X15\"\n    due: \"2026-12\"\n    item: 5\n");
    fs::write(&minutes, text).unwrap();
    edit(
        "findings.yaml",
        "prompts:\n",
        "prompts:\n  - id: p-q7x\n    text: \"Q7X16?\"\n    text_en: \"Q7X17?\"\n    origin: authored\n    sources: [f-pauser]\n    audiences: [leder]\n    levels: [lmu]\n",
    );
    tmp
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &to.join(entry.file_name()));
        } else {
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// The invocations of each command that writes output, without `--format`: each is run in
/// every format its `--format` offers. A command that changes the data is run to show that
/// `--public` refuses it. A new command fails [`every_command_is_covered`] until it is here.
fn invocations(data: &Path, out: &Path) -> BTreeMap<&'static str, Vec<Vec<String>>> {
    let s = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/havnekoebing");
    let tree = data.parent().unwrap().to_str().unwrap().to_owned();
    let old = old.to_str().unwrap().to_owned();
    let data = data.to_str().unwrap().to_owned();
    let mut all = BTreeMap::new();
    all.insert("validate", vec![s(&["validate"])]);
    all.insert(
        "list",
        [
            "meetings",
            "roadmap",
            "findings",
            "prompts",
            "templates",
            "forums",
            "themes",
        ]
        .iter()
        .map(|k| s(&["list", k]))
        .collect(),
    );
    all.insert(
        "show",
        [
            "lmu-april",
            "lmu-december",
            "lmu-havnen",
            "arbejdsmiljoe",
            "f-pauser",
        ]
        .iter()
        .map(|id| s(&["show", id]))
        .collect(),
    );
    all.insert("diff", vec![s(&["diff", &old, &data])]);
    all.insert(
        "agenda",
        vec![
            s(&["agenda", "lmu-april"]),
            s(&["agenda", "lmu-december"]),
            s(&["agenda", "lmu-april", "--issue", "--dry-run"]),
        ],
    );
    all.insert(
        "calendar",
        vec![s(&["calendar"]), s(&["calendar", "--deadlines"])],
    );
    all.insert(
        "export",
        vec![s(&[
            "export",
            "--out",
            out.join("site").to_str().unwrap(),
            "--documents",
            "pdf",
            "--documents",
            "docx",
        ])],
    );
    all.insert(
        "prompts",
        vec![s(&["prompts"]), s(&["prompts", "--search", "Q7X16"])],
    );
    all.insert(
        "prep",
        vec![s(&["prep", "lmu-april"]), s(&["prep", "arbejdsmiljoe"])],
    );
    all.insert(
        "minutes",
        vec![
            s(&["minutes", "lmu-april", "--format", "FORMAT"]),
            s(&["minutes", "lmu-december", "--print"]),
        ],
    );
    all.insert(
        "actions",
        vec![
            s(&["actions"]),
            s(&["actions", "--search", "Q7X14"]),
            s(&["actions", "done", "q7x-handling", "--dry-run"]),
        ],
    );
    all.insert(
        "approve",
        vec![s(&["approve", "lmu-april", "--in-writing", "--dry-run"])],
    );
    all.insert(
        "attend",
        vec![s(&[
            "attend",
            "lmu-december",
            "--present",
            "Leder",
            "--dry-run",
        ])],
    );
    all.insert(
        "cancel",
        vec![s(&["cancel", "lmu-december", "--why", "x", "--dry-run"])],
    );
    all.insert(
        "decisions",
        vec![s(&["decisions"]), s(&["decisions", "--procedural"])],
    );
    all.insert("rollup", vec![s(&["rollup", &tree])]);
    all.insert(
        "plan",
        vec![s(&[
            "plan",
            "--meeting",
            "lmu-april",
            "--forum",
            "lmu-havnen",
            "--date",
            "2027-02-02",
            "--start",
            "13:00",
            "--place",
            "Personalerummet",
            "--out",
            out.join("plan.yaml").to_str().unwrap(),
        ])],
    );
    all.insert("cycle", vec![s(&["cycle", "--year", "2026"])]);
    all.insert("attendance", vec![s(&["attendance", "--year", "2026"])]);
    all.insert(
        "mail",
        vec![
            s(&[
                "mail",
                "invitation",
                "lmu-december",
                "-o",
                out.join("invitation.eml").to_str().unwrap(),
            ]),
            s(&[
                "mail",
                "referat",
                "lmu-april",
                "-o",
                out.join("referat.eml").to_str().unwrap(),
            ]),
        ],
    );
    all.insert("week", vec![s(&["week", "--weeks", "6"])]);
    // These read no data folder: nothing of an item can reach them.
    for free in ["schema", "completions", "man", "init"] {
        all.insert(free, Vec::new());
    }
    all
}

/// The formats a subcommand's `--format` offers, from the CLI definition.
fn formats_of(command: &str) -> Vec<String> {
    let cli = medtrio::cli::Cli::command();
    let sub = cli.find_subcommand(command).unwrap();
    sub.get_arguments()
        .find(|a| a.get_id() == "format")
        .map(|a| {
            a.get_possible_values()
                .iter()
                .map(|v| v.get_name().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_command_is_covered() {
    let tmp = tempfile::tempdir().unwrap();
    let listed = invocations(tmp.path(), tmp.path());
    for sub in medtrio::cli::Cli::command().get_subcommands() {
        assert!(
            listed.contains_key(sub.get_name()),
            "`{}` is not run by tests/confidential.rs: add its invocations",
            sub.get_name()
        );
    }
}

/// What a run gave: its output as text (stdout, stderr, and the text of every file it
/// wrote), and the names of those files.
#[derive(Default)]
struct Seen {
    text: String,
    names: Vec<String>,
}

impl Seen {
    fn add_file(&mut self, path: &Path) {
        self.names.push(path.display().to_string());
        self.text.push_str(&text_of(path));
        self.text.push('\n');
    }

    fn add_dir(&mut self, dir: &Path) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                self.names.push(path.display().to_string());
                self.add_dir(&path);
            } else {
                self.add_file(&path);
            }
        }
    }
}

/// The text a reader sees in a file: a PDF's text (pdftotext), a Word file's XML parts, an
/// iCalendar file unfolded; anything else as it is.
fn text_of(path: &Path) -> String {
    let bytes = fs::read(path).unwrap();
    match path.extension().and_then(|e| e.to_str()) {
        Some("pdf") => {
            let out = std::process::Command::new("pdftotext")
                .args([path.to_str().unwrap(), "-"])
                .output()
                .expect("pdftotext (poppler-utils) is needed");
            assert!(out.status.success(), "pdftotext {}", path.display());
            // The raw bytes too: the document's properties (title, subject) are there.
            format!(
                "{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&bytes)
            )
        }
        Some("docx") => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut text = String::new();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                text.push_str(part.name());
                text.push('\n');
                let mut content = String::new();
                use std::io::Read as _;
                let _ = part.read_to_string(&mut content);
                text.push_str(&content);
            }
            text
        }
        Some("ics") => String::from_utf8_lossy(&bytes).replace("\r\n ", ""),
        // An e-mail as its reader sees it: the headers decoded, every part decoded (base64,
        // quoted-printable), its PDFs as text, its attachments' file names.
        Some("eml") => {
            let script = r#"
import email, email.policy, subprocess, sys, tempfile
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
for k, v in msg.items():
    print(k, v)
for part in msg.walk():
    if part.is_multipart():
        continue
    print(part.get_filename() or "")
    body = part.get_content()
    if isinstance(body, bytes):
        if body.startswith(b"%PDF"):
            with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
                f.write(body); f.flush()
                print(subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True).stdout)
            body = body.decode("latin-1")
        else:
            body = body.decode("utf-8", "replace")
    print(body.replace("\r\n ", ""))
"#;
            let out = std::process::Command::new("python3")
                .args(["-c", script, path.to_str().unwrap()])
                .output()
                .expect("python3 is needed");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// Runs every invocation in every format, with `--public` or without, and gathers what
/// each wrote, by the command line.
fn run_all(public: bool) -> Vec<(String, Seen, Option<i32>)> {
    let tmp = planted();
    let data = tmp.path().join("havnekoebing");
    let out = tempfile::tempdir().unwrap();
    let mut runs = Vec::new();
    for (command, lines) in invocations(&data, out.path()) {
        let formats = formats_of(command);
        for line in lines {
            let with_format = line.iter().any(|a| a == "FORMAT");
            let variants: Vec<Option<&str>> = if formats.is_empty() {
                vec![None]
            } else {
                formats.iter().map(|f| Some(f.as_str())).collect()
            };
            let variants = if line.iter().any(|a| a == "--print" || a == "--dry-run") {
                vec![None]
            } else {
                variants
            };
            for format in variants {
                let mut args: Vec<String> = vec!["--data".into(), data.display().to_string()];
                args.extend(["--today".into(), TODAY.into()]);
                if public {
                    args.push("--public".into());
                }
                let mut file = None;
                let mut line = line.clone();
                if let Some(format) = format {
                    if with_format {
                        let at = line.iter().position(|a| a == "FORMAT").unwrap();
                        line[at] = format.to_owned();
                    } else {
                        line.extend(["--format".into(), format.to_owned()]);
                    }
                    if matches!(format, "pdf" | "docx") {
                        let path = out
                            .path()
                            .join(format!("{command}-{}.{format}", runs.len()));
                        line.extend(["-o".into(), path.display().to_string()]);
                        file = Some(path);
                    }
                }
                args.extend(line);
                if !public && command == "export" {
                    args.push("--internal".into());
                }
                let output = medtrio().args(&args).output().unwrap();
                let mut seen = Seen::default();
                seen.text.push_str(&String::from_utf8_lossy(&output.stdout));
                seen.text.push_str(&String::from_utf8_lossy(&output.stderr));
                if let Some(path) = file.filter(|p| p.exists()) {
                    seen.add_file(&path);
                }
                if command == "export" {
                    assert!(out.path().join("site").exists(), "{}", seen.text);
                    seen.add_dir(&out.path().join("site"));
                    fs::remove_dir_all(out.path().join("site")).unwrap();
                }
                runs.push((args[4..].join(" "), seen, output.status.code()));
            }
        }
    }
    runs
}

#[test]
fn no_public_output_of_any_command_in_any_format_holds_a_confidential_field() {
    let runs = run_all(true);
    let mut leaks = Vec::new();
    for (line, seen, code) in &runs {
        // A run that failed for another reason than --public proves nothing.
        assert!(
            matches!(code, Some(0 | 2)) || line.starts_with("--public diff"),
            "`{line}` exited {code:?}:\n{}",
            seen.text
        );
        for (field, marker) in MARKERS {
            if seen.text.contains(marker) {
                leaks.push(format!("`{line}` prints the {field} ({marker})"));
            }
            for name in &seen.names {
                if name.contains(marker) {
                    leaks.push(format!("`{line}` writes the file {name} ({field})"));
                }
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
    // The public version says there was an item, and where.
    let referat = runs
        .iter()
        .find(|(line, ..)| line == "--public minutes lmu-april --format txt")
        .unwrap();
    assert!(
        referat.1.text.contains("5. Fortroligt punkt")
            && referat.1.text.contains("6. Fortroligt punkt")
            && referat.1.text.contains("Beslutningen er fortrolig.")
            && referat.1.text.contains("7. Næste møde"),
        "{}",
        referat.1.text
    );
    // A command that changes the data refuses --public, saying why.
    let approve = runs
        .iter()
        .find(|(line, ..)| line.starts_with("--public approve"))
        .unwrap();
    assert_eq!(approve.2, Some(2));
    assert_eq!(
        approve.1.text,
        "error: `medtrio approve` changes the data; --public is for what medtrio prints\n  = help: leave out --public; it goes with the commands that print, e.g. `medtrio --public minutes ID --format pdf` prints the public referat\n"
    );
}

#[test]
fn the_members_version_holds_every_confidential_field() {
    let runs = run_all(false);
    let all: String = runs.iter().map(|(_, seen, _)| seen.text.as_str()).collect();
    let missing: Vec<&str> = MARKERS
        .iter()
        .filter(|(_, marker)| !all.contains(marker))
        .map(|(field, _)| *field)
        .collect();
    assert!(
        missing.is_empty(),
        "not in the members' version: {missing:?}"
    );
    // The internal export says so, on its pages.
    let export = runs
        .iter()
        .find(|(line, ..)| line.starts_with("export"))
        .unwrap();
    assert!(
        export
            .1
            .text
            .contains("Intern udgave – ikke til offentliggørelse")
    );
}

/// The members' referat says "Indeholder fortrolige punkter" in the header of every page,
/// in PDF and in Word, and marks each confidential item "Fortroligt".
#[test]
fn every_printed_page_of_the_members_referat_says_it_holds_confidential_items() {
    let tmp = planted();
    let data = tmp.path().join("havnekoebing");
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("referat.pdf");
    medtrio()
        .args(["--data", data.to_str().unwrap(), "--today", TODAY])
        .args(["minutes", "lmu-april", "-o", pdf.to_str().unwrap()])
        .assert()
        .success();
    let pages = page_count(&pdf);
    assert!(pages >= 2, "the planted referat runs to {pages} page(s)");
    for page in 1..=pages {
        let text = pdf_page(&pdf, page);
        assert!(
            text.contains("Indeholder fortrolige punkter"),
            "page {page}:\n{text}"
        );
    }
    let all = pdf_page(&pdf, 0);
    assert!(all.contains("Fortroligt"), "{all}");
    let docx = out.path().join("referat.docx");
    medtrio()
        .args(["--data", data.to_str().unwrap(), "--today", TODAY])
        .args(["minutes", "lmu-april", "-o", docx.to_str().unwrap()])
        .assert()
        .success();
    let text = text_of(&docx);
    // The header of page 1 and the header of the pages after it.
    let headers = text
        .split("word/header")
        .skip(1)
        .filter(|part| part.contains("Indeholder fortrolige punkter"))
        .count();
    assert!(headers >= 2, "{text}");
}

fn page_count(pdf: &Path) -> usize {
    let out = std::process::Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The text of one page (0: all of them).
fn pdf_page(pdf: &Path, page: usize) -> String {
    let mut cmd = std::process::Command::new("pdftotext");
    if page > 0 {
        cmd.args(["-f", &page.to_string(), "-l", &page.to_string()]);
    }
    let out = cmd.args([pdf.to_str().unwrap(), "-"]).output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `validate` warns when a confidential item's title is repeated where the public version
/// prints it.
#[test]
fn validate_warns_of_a_confidential_title_repeated_in_a_public_field() {
    let tmp = planted();
    let data = tmp.path().join("havnekoebing");
    let minutes = data.join("minutes/lmu-april.yaml");
    let text = fs::read_to_string(&minutes).unwrap().replace(
        "note: \"Pausevagterne er på plads.",
        "note: \"Omstrukturering Q7X01 blev nævnt. Pausevagterne er på plads.",
    );
    fs::write(&minutes, text).unwrap();
    let output = medtrio()
        .args([
            "--data",
            data.to_str().unwrap(),
            "--today",
            TODAY,
            "validate",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let shown = stderr.replace(data.to_str().unwrap(), "DATA");
    assert_eq!(
        shown,
        "DATA/minutes/lmu-april.yaml:16:11: warning: the title of confidential item 5 of `lmu-april` (`Omstrukturering Q7X01`) is repeated in the note of item 3 in the minutes, which the public version prints\n   |\n16 |   - item: 3\n   |           ^\n  = help: reword it there, or move what it says into the confidential item\n"
    );
    assert!(stdout.contains("(1 warning)"), "{stdout}");
}
