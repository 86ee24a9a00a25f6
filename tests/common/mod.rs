//! What the integration tests share: the binary with a clean environment, and copies of data.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // each test file uses a part

use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;

pub mod tmux;

/// `medtrio`, without colour and without the user's data or today.
pub fn medtrio() -> Command {
    let mut cmd = Command::cargo_bin("medtrio").unwrap();
    cmd.env("NO_COLOR", "1")
        .env_remove("MEDTRIO_DATA")
        .env_remove("MEDTRIO_TODAY");
    cmd
}

/// A temporary copy of the three files of a data folder, e.g. `tests/fixtures/minimal`.
pub fn copy_data(from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_data_into(from, dir.path());
    dir
}

pub fn copy_data_into(from: &str, to: &Path) {
    for name in ["programme", "roadmap", "findings"] {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(from)
            .join(format!("{name}.yaml"));
        fs::copy(source, to.join(format!("{name}.yaml"))).unwrap();
    }
    // The annual cycle is optional; its tasks are named by the meetings' items. So are the
    // members, whom the minutes' attendance names.
    for optional in ["cycle.yaml", "members.yaml"] {
        let file = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(from)
            .join(optional);
        if file.exists() {
            fs::copy(file, to.join(optional)).unwrap();
        }
    }
    // The agenda items' attachments (bilag) are files the data names.
    let bilag = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(from)
        .join("bilag");
    if bilag.is_dir() {
        fs::create_dir_all(to.join("bilag")).unwrap();
        for entry in fs::read_dir(bilag).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, to.join("bilag").join(path.file_name().unwrap())).unwrap();
        }
    }
}

/// A new temporary folder with a synthetic data set from the generator (`examples/synth.rs`).
pub fn synth(meetings: u32, findings: u32) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let generated = StdCommand::new(env!("CARGO"))
        .arg("run")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(&manifest)
        .args(["--example", "synth", "--"])
        .arg("--meetings")
        .arg(meetings.to_string())
        .arg("--findings")
        .arg(findings.to_string())
        .arg("--out")
        .arg(dir.path())
        .output()
        .expect("cargo runs the synth example");
    assert!(
        generated.status.success(),
        "synth failed: {}",
        String::from_utf8_lossy(&generated.stderr)
    );
    dir
}

/// Parses `html` as a browser would and returns the parser's errors.
pub fn html5_errors(html: &str) -> Vec<String> {
    use html5ever::tendril::TendrilSink;
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut html.as_bytes())
        .unwrap();
    dom.errors.borrow().iter().map(|e| e.to_string()).collect()
}
