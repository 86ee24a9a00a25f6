#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! The one output seat: a `--format` that disagrees with the extension of `-o` is a usage
//! error that names both, `-o -` is standard output, and no command writes binary to a
//! terminal.

mod common;

use std::fs;

use assert_cmd::Command;

const EXAMPLE: &str = "examples/havnekoebing";

fn medtrio() -> Command {
    let mut cmd = common::medtrio();
    cmd.env("MEDTRIO_TODAY", "2026-11-23")
        .env("MEDTRIO_NO_CACHE", "1");
    cmd
}

/// Runs `args` and gives the exit code and stderr.
fn refused(args: &[&str]) -> (Option<i32>, String) {
    let out = medtrio().args(args).output().unwrap();
    assert!(out.stdout.is_empty(), "nothing on stdout");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_format_that_disagrees_with_the_file_name_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("x.docx");
    let docx = docx.to_str().unwrap();
    let (code, stderr) = refused(&[
        "--data",
        EXAMPLE,
        "agenda",
        "lmu-april",
        "--format",
        "pdf",
        "-o",
        docx,
    ]);
    assert_eq!(code, Some(2));
    let pdf = tmp.path().join("x.pdf");
    assert_eq!(
        stderr,
        format!(
            "error: --format pdf writes a .pdf file, but `-o {docx}` names a .docx file\n  = help: name the file `{}` for --format pdf, or leave out --format to write docx into `{docx}`\n",
            pdf.display()
        )
    );
    assert!(!tmp.path().join("x.docx").exists(), "nothing is written");
}

#[test]
fn prompt_cards_are_not_written_into_a_pdf_file() {
    let (code, stderr) = refused(&["prompts", "--format", "cards", "-o", "kort.pdf"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: --format cards writes a .html file, but `-o kort.pdf` names a .pdf file\n  = help: name the file `kort.html` for --format cards, or leave out --format to write pdf into `kort.pdf`\n"
    );
}

#[test]
fn an_extension_the_command_does_not_offer_names_only_the_right_file() {
    let (code, stderr) = refused(&["cycle", "--data", EXAMPLE, "--format", "csv", "-o", "x.ics"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: --format csv writes a .csv file, but `-o x.ics` names a .ics file\n  = help: name the file `x.csv` for --format csv\n"
    );
}

#[test]
fn a_format_that_agrees_with_the_file_name_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    // `.txt` holds text and tables alike; an extension that names no format says nothing.
    for (format, name) in [("table", "a.txt"), ("txt", "b.txt"), ("md", "c.notes")] {
        let path = tmp.path().join(name);
        medtrio()
            .args(["prompts", "--format", format, "-o"])
            .arg(&path)
            .assert()
            .success();
        assert!(fs::metadata(&path).unwrap().len() > 0, "{name}");
    }
}

#[test]
fn a_dash_for_the_output_is_standard_output() {
    let plain = medtrio()
        .args(["--data", EXAMPLE, "agenda", "lmu-april"])
        .output()
        .unwrap();
    let dash = medtrio()
        .args(["--data", EXAMPLE, "agenda", "lmu-april", "-o", "-"])
        .output()
        .unwrap();
    assert!(dash.status.success());
    assert_eq!(dash.stdout, plain.stdout);
    assert!(!std::path::Path::new("-").exists(), "no file named `-`");
    let pdf = medtrio()
        .args([
            "--data",
            EXAMPLE,
            "minutes",
            "lmu-april",
            "--format",
            "pdf",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert!(
        pdf.status.success(),
        "{}",
        String::from_utf8_lossy(&pdf.stderr)
    );
    assert!(pdf.stdout.starts_with(b"%PDF-"));
}

/// Runs `medtrio ARGS` at a pseudo-terminal (util-linux's `script`) and gives what it shows.
#[cfg(unix)]
fn at_a_terminal(args: &str) -> String {
    let bin = assert_cmd::cargo::cargo_bin("medtrio");
    let out = std::process::Command::new("script")
        .args(["-qec"])
        .arg(format!("{} {args}", bin.display()))
        .arg("/dev/null")
        .env("NO_COLOR", "1")
        .env("MEDTRIO_TODAY", "2026-11-23")
        .env("MEDTRIO_NO_CACHE", "1")
        .env_remove("MEDTRIO_DATA")
        .output()
        .expect("util-linux script");
    String::from_utf8_lossy(&out.stdout).replace('\r', "")
}

/// Every command that can write PDF or Word refuses to write it to a terminal, and names a
/// file for it.
#[cfg(unix)]
#[test]
fn no_command_writes_binary_to_a_terminal() {
    let refusal = |kind: &str, file: &str| {
        format!(
            "error: a {kind} file is not for the terminal\n  = help: write it to a file with -o, e.g. `-o {file}`, or pipe it\n"
        )
    };
    for (args, kind, file) in [
        (
            format!("--data {EXAMPLE} agenda lmu-april --format pdf"),
            "PDF",
            "dagsorden.pdf",
        ),
        (
            format!("--data {EXAMPLE} agenda lmu-april --format docx"),
            "DOCX",
            "dagsorden.docx",
        ),
        (
            format!("--data {EXAMPLE} prep lmu-april --format pdf"),
            "PDF",
            "forberedelse.pdf",
        ),
        (
            format!("--data {EXAMPLE} minutes lmu-april --format pdf"),
            "PDF",
            "referat.pdf",
        ),
        (
            format!("--data {EXAMPLE} minutes lmu-april --format docx -o -"),
            "DOCX",
            "referat.docx",
        ),
        (
            "prompts --format docx".to_owned(),
            "DOCX",
            "samtalekort.docx",
        ),
        (
            "rollup examples/kommune --format pdf".to_owned(),
            "PDF",
            "rollup.pdf",
        ),
    ] {
        assert_eq!(at_a_terminal(&args), refusal(kind, file), "medtrio {args}");
    }
}
