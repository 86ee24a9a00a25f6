//! Sending the agenda: attachments (bilag) and their checks, the combined PDF, and the
//! e-mails of `medtrio mail`, each read by a real consumer: poppler and pypdf for the PDF,
//! Python's `email` package (policy default) and `icalendar` for the e-mails.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::time::Duration;

use common::medtrio;

/// A copy of the example municipality's folder, attachments, members and minutes included.
fn example() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("havnekoebing");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/havnekoebing"),
        &dir,
    );
    (tmp, dir)
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

/// Replaces the December meeting's attachment by `file`.
fn attach(dir: &Path, file: &str) {
    let path = dir.join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "- file: bilag/referat-lmu-april.pdf",
        &format!("- file: {file}"),
    );
    fs::write(path, text).unwrap();
}

/// `medtrio ARGS` in `dir` with today fixed: exit code, stdout, stderr (the folder masked).
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = medtrio()
        .current_dir(dir)
        .args(["--today", "2026-11-24"])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let mask =
        |b: Vec<u8>| String::from_utf8_lossy(&b).replace(&dir.display().to_string(), "[DATA]");
    (out.status.code(), mask(out.stdout), mask(out.stderr))
}

/// The first line of the diagnostic and its help, from `validate`'s stderr.
fn problem(dir: &Path) -> (Option<i32>, String, String) {
    let (code, _, stderr) = run(dir, &["validate"]);
    let first = stderr.lines().next().unwrap_or_default().to_owned();
    let help = stderr
        .lines()
        .find(|l| l.trim_start().starts_with("= help:"))
        .unwrap_or_default()
        .trim()
        .to_owned();
    (code, first, help)
}

const AT: &str = "./programme.yaml:102:13: error: ";

#[test]
fn an_attachment_outside_the_data_folder_is_refused() {
    for file in ["../elsewhere.pdf", "/etc/passwd", "bilag/../../x.pdf"] {
        let (_tmp, dir) = example();
        attach(&dir, file);
        assert_eq!(
            problem(&dir),
            (
                Some(1),
                format!("{AT}the attachment `{file}` is outside the data folder"),
                "= help: put the file in the data folder (in `bilag/`, say) and give its path from there".into()
            ),
            "{file}"
        );
    }
}

#[test]
fn an_attachment_that_links_outside_the_folder_is_refused() {
    let (tmp, dir) = example();
    fs::write(tmp.path().join("secret.pdf"), b"%PDF-1.4").unwrap();
    symlink(tmp.path().join("secret.pdf"), dir.join("bilag/link.pdf")).unwrap();
    attach(&dir, "bilag/link.pdf");
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!(
                "{AT}the attachment `bilag/link.pdf` is a link that leads outside the data folder"
            ),
            "= help: copy the file into the data folder instead of linking to it".into()
        )
    );
}

#[test]
fn a_folder_that_links_outside_is_refused_too() {
    let (tmp, dir) = example();
    fs::create_dir(tmp.path().join("out")).unwrap();
    fs::copy(
        dir.join("bilag/referat-lmu-april.pdf"),
        tmp.path().join("out/a.pdf"),
    )
    .unwrap();
    symlink(tmp.path().join("out"), dir.join("ud")).unwrap();
    attach(&dir, "ud/a.pdf");
    let (code, first, _) = problem(&dir);
    assert_eq!(code, Some(1));
    assert_eq!(
        first,
        format!("{AT}the attachment `ud/a.pdf` is a link that leads outside the data folder")
    );
}

#[test]
fn a_missing_attachment_is_named() {
    let (_tmp, dir) = example();
    attach(&dir, "bilag/apv-handleplan.pdf");
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!("{AT}the attachment `bilag/apv-handleplan.pdf` does not exist"),
            "= help: check the file's name and folder: the path is read from the data folder"
                .into()
        )
    );
}

#[test]
fn a_folder_as_attachment_is_refused() {
    let (_tmp, dir) = example();
    attach(&dir, "bilag");
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!("{AT}the attachment `bilag` is a folder, not a file"),
            "= help: name a file in the folder, e.g. `bilag/plan.pdf`".into()
        )
    );
}

#[test]
fn a_fifo_as_attachment_is_refused_without_opening_it() {
    let (_tmp, dir) = example();
    let status = StdCommand::new("mkfifo")
        .arg(dir.join("bilag/pipe.pdf"))
        .status()
        .unwrap();
    assert!(status.success());
    attach(&dir, "bilag/pipe.pdf");
    // A FIFO opened for reading would block until the timeout.
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!(
                "{AT}the attachment `bilag/pipe.pdf` is a named pipe (FIFO), not a regular file"
            ),
            "= help: attach a regular file; medtrio reads only regular files".into()
        )
    );
}

#[test]
fn a_device_as_attachment_is_refused() {
    let (_tmp, dir) = example();
    symlink("/dev/zero", dir.join("bilag/zero.pdf")).unwrap();
    attach(&dir, "bilag/zero.pdf");
    let (code, first, _) = problem(&dir);
    assert_eq!(code, Some(1));
    // The link leads outside before it leads to a device: either refusal keeps /dev/zero unread.
    assert_eq!(
        first,
        format!("{AT}the attachment `bilag/zero.pdf` is a link that leads outside the data folder")
    );
}

#[test]
fn an_attachment_over_the_size_limit_says_the_limit() {
    let (_tmp, dir) = example();
    let file = fs::File::create(dir.join("bilag/stor.pdf")).unwrap();
    file.set_len(21 * 1024 * 1024).unwrap();
    attach(&dir, "bilag/stor.pdf");
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!("{AT}the attachment `bilag/stor.pdf` is 21 MiB; an attachment may be up to 20 MiB"),
            "= help: make the file smaller (a PDF saved for screen rather than print), or split it in two".into()
        )
    );
}

#[test]
fn a_pdf_that_cannot_be_read_is_refused() {
    let (_tmp, dir) = example();
    fs::write(dir.join("bilag/skadet.pdf"), b"this is no PDF").unwrap();
    attach(&dir, "bilag/skadet.pdf");
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!("{AT}the attachment `bilag/skadet.pdf` is not a PDF that can be read"),
            "= help: open it and save it again as PDF, or give it the extension of what it is"
                .into()
        )
    );
}

#[test]
fn an_empty_attachment_path_is_refused() {
    let (_tmp, dir) = example();
    attach(&dir, "\"\"");
    assert_eq!(
        problem(&dir),
        (
            Some(1),
            format!("{AT}the attachment's path is empty"),
            "= help: give the file's path from the data folder, e.g. `bilag/apv-handleplan.pdf`"
                .into()
        )
    );
}

#[test]
fn the_agenda_lists_its_attachments_in_every_format() {
    let (_tmp, dir) = example();
    let label = "Bilag 2.1: Udkast til referat fra LMU-møde i april (PDF, 1 side)";
    for format in ["txt", "md", "html"] {
        let (code, stdout, stderr) = run(&dir, &["agenda", "lmu-december", "--format", format]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stdout.contains(label), "{format}: {stdout}");
    }
    let (_, html, _) = run(&dir, &["agenda", "lmu-december", "--format", "html"]);
    // minijinja escapes the slash; a browser reads `&#x2f;` as `/`.
    assert!(html.contains(&format!(
        "<a href=\"bilag&#x2f;referat-lmu-april.pdf\">{label}</a>"
    )));
    let (_, json, _) = run(&dir, &["agenda", "lmu-december", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let a = &json["items"][1]["attachments"][0];
    assert_eq!(a["number"], "2.1");
    assert_eq!(a["pages"], 1);
    assert_eq!(a["format"], "PDF");
    assert_eq!(a["file"], "bilag/referat-lmu-april.pdf");
    // The PDF and Word agendas carry the label too.
    let pdf = dir.join("dagsorden.pdf");
    let (code, _, stderr) = run(&dir, &["agenda", "lmu-december", "-o", "dagsorden.pdf"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(pdf_text(&pdf, None).replace('\u{ad}', "").contains(label));
}

fn pdf_text(pdf: &Path, page: Option<u32>) -> String {
    let mut cmd = StdCommand::new("pdftotext");
    if let Some(p) = page {
        cmd.args(["-f", &p.to_string(), "-l", &p.to_string()]);
    }
    let out = cmd.arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn pdf_pages(pdf: &Path) -> u32 {
    let out = StdCommand::new("pdfinfo").arg(pdf).output().unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn python(script: &str, args: &[&Path]) -> String {
    let out = StdCommand::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_combined_pdf_is_the_agenda_then_each_bilag_stamped_and_bookmarked() {
    let (_tmp, dir) = example();
    // A second PDF, of two pages, and a file that is no PDF: listed, not merged.
    let (code, _, stderr) = run(
        &dir,
        &[
            "agenda",
            "lmu-marts",
            "--format",
            "pdf",
            "--with-notes",
            "-o",
            "bilag/to.pdf",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(pdf_pages(&dir.join("bilag/to.pdf")), 2);
    fs::write(dir.join("bilag/noter.txt"), "Noter").unwrap();
    let path = dir.join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap().replace(
        "            title: \"Udkast til referat fra LMU-møde i april\"\n",
        "            title: \"Udkast til referat fra LMU-møde i april\"\n          - bilag/to.pdf\n          - {file: bilag/noter.txt, title: \"Noter\"}\n",
    );
    fs::write(&path, text).unwrap();
    let (code, _, stderr) = run(
        &dir,
        &[
            "agenda",
            "lmu-december",
            "--with-attachments",
            "-o",
            "samlet.pdf",
        ],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let (_, _, _) = run(&dir, &["agenda", "lmu-december", "-o", "alene.pdf"]);
    let samlet = dir.join("samlet.pdf");
    let agenda_pages = pdf_pages(&dir.join("alene.pdf"));
    assert_eq!(pdf_pages(&samlet), agenda_pages + 1 + 2);
    let first = agenda_pages + 1;
    assert!(pdf_text(&samlet, Some(first)).contains("Bilag 2.1 · side 1 af 1"));
    assert!(pdf_text(&samlet, Some(first + 1)).contains("Bilag 2.2 · side 1 af 2"));
    assert!(pdf_text(&samlet, Some(first + 2)).contains("Bilag 2.2 · side 2 af 2"));
    // The bilag's own text is there, as text.
    assert!(pdf_text(&samlet, Some(first)).contains("REFERAT"));
    // The text file is listed on the agenda, and not merged.
    assert!(pdf_text(&samlet, Some(1)).contains("Bilag 2.3: Noter (TXT)"));
    let outline = python(
        "import sys, pypdf\nr = pypdf.PdfReader(sys.argv[1])\nfor o in r.outline: print(r.get_destination_page_number(o) + 1, o.title)",
        &[&samlet],
    );
    assert_eq!(
        outline,
        format!(
            "1 Dagsorden – LMU-møde i december\n{first} Bilag 2.1: Udkast til referat fra LMU-møde i april\n{} Bilag 2.2: to\n",
            first + 1
        )
    );
}

#[test]
fn with_attachments_makes_only_a_pdf() {
    let (_tmp, dir) = example();
    let (code, _, stderr) = run(&dir, &["agenda", "lmu-december", "--with-attachments"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: --with-attachments makes one PDF, not txt\n  = help: give -o FILE.pdf (or --format pdf)\n"
    );
}

#[test]
fn export_copies_the_attachments_beside_the_agenda_and_links_them() {
    let (tmp, dir) = example();
    let out = tmp.path().join("site");
    let (code, _, stderr) = run(&dir, &["export", "--out", out.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let copy = out.join("agendas/bilag/lmu-december/1-referat-lmu-april.pdf");
    assert_eq!(
        fs::read(&copy).unwrap(),
        fs::read(dir.join("bilag/referat-lmu-april.pdf")).unwrap()
    );
    let agenda = fs::read_to_string(out.join("agendas/lmu-december.html")).unwrap();
    let agenda = agenda.replace("&#x2f;", "/");
    assert!(agenda.contains("<a href=\"bilag/lmu-december/1-referat-lmu-april.pdf\">"));
    let index = fs::read_to_string(out.join("index.html"))
        .unwrap()
        .replace("&#x2f;", "/");
    assert!(index.contains("<a href=\"agendas/bilag/lmu-december/1-referat-lmu-april.pdf\">"));
}

/// What Python's `email` (policy default) and `icalendar` read of an .eml file.
const READ_MAIL: &str = r#"
import sys, email, icalendar
from email import policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
print('subject:', m['subject'])
print('x-unsent:', m['X-Unsent'])
print('to:', ', '.join(a.addr_spec for a in m['to'].addresses))
for part in m.walk():
    if part.get_filename():
        print('file:', part.get_content_type(), part.get_filename(), len(part.get_content()))
    elif not part.is_multipart():
        print('part:', part.get_content_type())
    if part.get_content_type() == 'text/plain':
        body = part.get_content()
        for line in body.splitlines():
            if line.startswith('Bemærkninger'):
                print('body:', line)
    if part.get_content_type() == 'text/calendar':
        c = icalendar.Calendar.from_ical(part.get_content())
        print('method:', c['METHOD'])
        for e in c.walk('VEVENT'):
            print('uid:', e['UID'])
            print('sequence:', e['SEQUENCE'])
            print('status:', e['STATUS'])
            print('organizer:', e['ORGANIZER'], e['ORGANIZER'].params['CN'])
            print('attendees:', len(e['ATTENDEE']))
            print('start:', e['DTSTART'].dt.isoformat())
"#;

#[test]
fn the_invitation_is_a_draft_that_email_and_icalendar_read() {
    let (_tmp, dir) = example();
    let (code, stdout, stderr) = run(
        &dir,
        &["mail", "invitation", "lmu-december", "-o", "invitation.eml"],
    );
    assert_eq!((code, stdout.as_str()), (Some(0), ""), "{stderr}");
    assert_eq!(
        stderr,
        "./programme.yaml: the invitation of `lmu-december` is SEQUENCE 0\n"
    );
    let read = python(READ_MAIL, &[&dir.join("invitation.eml")]);
    let pdf_len = fs::metadata(dir.join("bilag/referat-lmu-april.pdf"))
        .unwrap()
        .len();
    let lines: Vec<&str> = read.lines().collect();
    assert_eq!(
        lines[0],
        "subject: Indkaldelse: LMU-møde tirsdag den 1. december 2026 kl. 13.00"
    );
    assert_eq!(lines[1], "x-unsent: 1");
    assert_eq!(
        lines[2],
        "to: lone.kjaer@example.org, anders.bech@example.org, sara.holm@example.org, mikkel.dahl@example.org, birthe.lund@example.org"
    );
    assert!(
        read.contains("part: text/plain\npart: text/html\npart: text/calendar\nmethod: REQUEST\n"),
        "{read}"
    );
    assert!(read.contains("uid: lmu-december@lmu-havnen-2026.medtrio\nsequence: 0\nstatus: CONFIRMED\norganizer: mailto:lone.kjaer@example.org Lone Kjær\nattendees: 5\nstart: 2026-12-01T12:00:00+00:00\n"), "{read}");
    assert!(
        read.contains("file: application/pdf Dagsorden – LMU-møde i december.pdf"),
        "{read}"
    );
    assert!(
        read.contains(&format!(
            "file: application/pdf Bilag 2.1 – Udkast til referat fra LMU-møde i april.pdf {pdf_len}\n"
        )),
        "{read}"
    );
    // The calendar command names the same event.
    let (_, ics, _) = run(&dir, &["calendar"]);
    assert!(ics.contains("UID:lmu-december@lmu-havnen-2026.medtrio"));
    // Every line within RFC 5322's 78 characters.
    let bytes = fs::read(dir.join("invitation.eml")).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.split("\r\n").all(|l| l.len() <= 78));
}

#[test]
fn a_changed_meeting_gets_a_higher_sequence_and_a_cancelled_one_a_cancel() {
    let (_tmp, dir) = example();
    let mail = |name: &str| {
        let (code, _, stderr) = run(&dir, &["mail", "invitation", "lmu-december", "-o", name]);
        assert_eq!(code, Some(0), "{stderr}");
        python(READ_MAIL, &[&dir.join(name)])
    };
    assert!(mail("a.eml").contains("sequence: 0"));
    // Sent again unchanged: the same SEQUENCE.
    assert!(mail("b.eml").contains("sequence: 0"));
    let path = dir.join("programme.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let at = text.find("id: lmu-december").unwrap();
    let (head, tail) = text.split_at(at);
    let tail = tail.replacen("place: \"Personalerummet\"", "place: \"Mødelokale 2\"", 1);
    fs::write(&path, format!("{head}{tail}")).unwrap();
    let changed = mail("c.eml");
    assert!(changed.contains("sequence: 1\n"), "{changed}");
    assert!(
        changed.contains("start: 2026-12-01T12:00:00+00:00"),
        "{changed}"
    );
    let (code, _, stderr) = run(
        &dir,
        &["cancel", "lmu-december", "--why", "For mange afbud"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    let cancelled = mail("d.eml");
    assert!(
        cancelled.contains("subject: Aflyst: LMU-møde tirsdag den 1. december 2026 kl. 13.00\n"),
        "{cancelled}"
    );
    assert!(cancelled.contains("method: CANCEL\n"), "{cancelled}");
    assert!(
        cancelled.contains("sequence: 2\nstatus: CANCELLED\n"),
        "{cancelled}"
    );
}

#[test]
fn the_referat_mail_has_the_draft_and_the_deadline_for_comments() {
    let (_tmp, dir) = example();
    let (code, _, stderr) = run(&dir, &["mail", "referat", "lmu-april", "-o", "referat.eml"]);
    assert_eq!(code, Some(0), "{stderr}");
    let read = python(READ_MAIL, &[&dir.join("referat.eml")]);
    assert!(read.starts_with("subject: Referat til bemærkninger: LMU-møde tirsdag den 7. april 2026 kl. 13.00\nx-unsent: 1\n"), "{read}");
    // 8 working days after Tuesday 7 April.
    assert!(
        read.contains("body: Bemærkninger til referatet senest fredag den 17. april 2026.\n"),
        "{read}"
    );
    assert!(
        read.contains("file: application/pdf Referat – LMU-møde i april.pdf"),
        "{read}"
    );
}

#[test]
fn the_mail_errors_say_what_to_do() {
    let (_tmp, dir) = example();
    let (code, _, stderr) = run(
        &dir,
        &[
            "mail",
            "invitation",
            "lmu-december",
            "--from",
            "Lone",
            "-o",
            "x.eml",
        ],
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: --from `Lone` is not an e-mail address\n  = help: give --from name@example.org, or --from \"Name <name@example.org>\"\n"
    );
    fs::remove_file(dir.join("members.yaml")).unwrap();
    let (code, _, stderr) = run(&dir, &["mail", "invitation", "lmu-december", "-o", "x.eml"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: no member of `lmu-havnen` on 2026-12-01 has an e-mail address\n  = help: add the members to members.yaml, each with `email:`\n"
    );
    assert!(!dir.join("x.eml").exists());
}

#[test]
fn week_shows_the_deadline_for_comments_and_then_reminds_to_approve() {
    let (_tmp, dir) = example();
    let week = |today: &str| {
        let out = medtrio()
            .current_dir(&dir)
            .args(["--today", today, "week"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().replace("\n  ", " ")
    };
    let before = week("2026-04-13");
    assert!(
        before.contains("- LMU-møde i april (tirsdag den 7. april 2026) · Bemærkninger til referatet senest fredag den 17. april 2026\n"),
        "{before}"
    );
    let after = week("2026-04-20");
    assert!(
        after.contains("senest fredag den 17. april 2026 · fristen er udløbet, marker referatet godkendt: medtrio approve lmu-april\n"),
        "{after}"
    );
}
