//! An interrupted export: `kill -INT` in the middle of one left its temporary files
//! (`.medtrio-XXXXXX`) in the output folder. Now medtrio removes them and exits 130, and the
//! files already there stay whole.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The manifest of an export; every other `.medtrio-` name is a temporary file.
const MANIFEST: &str = ".medtrio-export";

fn is_temporary(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    name.starts_with(".medtrio-") && name != MANIFEST
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(bytes) = fs::read(&path) {
                out.insert(path.strip_prefix(dir).unwrap().to_owned(), bytes);
            }
        }
    }
    out
}

fn export(data: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_medtrio"));
    cmd.env("NO_COLOR", "1")
        .env_remove("MEDTRIO_DATA")
        .arg("--data")
        .arg(data)
        .args(["--today", "2026-11-23", "export", "--force", "--out"])
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

#[test]
fn sigint_during_an_export_left_temporary_files() {
    let data = common::synth(2000, 100);
    let site = tempfile::tempdir().unwrap();
    let out = site.path().join("site");
    let first = export(data.path(), &out).output().unwrap();
    assert!(first.status.success(), "{first:?}");
    let before = files(&out);
    assert!(
        before.len() > 4000,
        "the export wrote {} files",
        before.len()
    );

    // The same data again, so that every file it replaces gets the same bytes: any other
    // content would be a file left half written.
    let mut child = export(data.path(), &out).spawn().unwrap();
    // Interrupt it while it writes a file at the top of the folder (the manifest, the
    // calendar, the prompts, the index): medtrio has made a temporary file, so its handler
    // is in place.
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the export ended before it could be interrupted"
        );
        assert!(Instant::now() < deadline, "no temporary file appeared");
        let writing = fs::read_dir(&out)
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| is_temporary(&e.path()));
        if writing {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait_with_output().unwrap();

    let after = files(&out);
    let left: Vec<&PathBuf> = after.keys().filter(|p| is_temporary(p)).collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
    assert_eq!(
        status.status.code(),
        Some(130),
        "{status:?}: killed by the signal, not ended by medtrio"
    );
    for (path, bytes) in &before {
        assert_eq!(
            after.get(path).map(Vec::len),
            Some(bytes.len()),
            "`{}` is not whole",
            path.display()
        );
        assert!(after[path] == *bytes, "`{}` changed", path.display());
    }
}
