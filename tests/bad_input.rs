//! The bad-input corpus: each `tests/bad-input/<case>.<file>.yaml` replaces one file of the
//! minimal fixture set; `<case>.expected` holds the exit code and the exact stderr of
//! `medtrio --data DIR validate` (with `--today 2026-11-23`). Regenerate with
//! `OVERWRITE=1 cargo test --test bad_input`, then read the diff.
//!
//! A case of `cycle.yaml`, `<case>.cycle.yaml`, is added to the minimal fixture set, which has
//! none.
//!
//! A case of `members.yaml`, `<case>.members.yaml`, is added to the minutes fixture set, whose
//! `minutes/lmu-marts.yaml` (LMU Testhuset, 3 March 2026) names `Leder`, `TR` and `AMR` as
//! present.
//!
//! A case of minutes, `<case>.minutes.yaml` or `<case>.minutes-NAME.yaml`, is put into the
//! minutes fixture set (`tests/fixtures/minutes`, whose `minutes/lmu-marts.yaml` is valid)
//! as `minutes/lmu-april.yaml` or `minutes/NAME.yaml`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

const FILES: [&str; 3] = ["programme", "roadmap", "findings"];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input")
}

/// Where a case's file goes in the data folder, and the fixture set it goes into; `None` for
/// a name that is no case.
fn placed(file: &str) -> Option<(PathBuf, &'static str)> {
    if FILES.contains(&file) || file == "cycle" {
        return Some((PathBuf::from(format!("{file}.yaml")), "minimal"));
    }
    // The members are checked against the minutes' attendance: they join the minutes' set.
    if file == "members" {
        return Some((PathBuf::from("members.yaml"), "minutes"));
    }
    let name = match file.strip_prefix("minutes") {
        Some("") => "lmu-april",
        Some(rest) => rest.strip_prefix('-')?,
        None => return None,
    };
    Some((Path::new("minutes").join(format!("{name}.yaml")), "minutes"))
}

/// Runs one case and returns its `exit N` line and stderr, with the temporary path masked.
fn run_case(file: &str, case_path: &Path) -> String {
    let (target, fixture) = placed(file).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/{fixture}"));
    for name in FILES {
        fs::copy(
            fixture.join(format!("{name}.yaml")),
            dir.path().join(format!("{name}.yaml")),
        )
        .unwrap();
    }
    if let Ok(minutes) = fs::read_dir(fixture.join("minutes")) {
        fs::create_dir(dir.path().join("minutes")).unwrap();
        for entry in minutes {
            let path = entry.unwrap().path();
            fs::copy(
                &path,
                dir.path().join("minutes").join(path.file_name().unwrap()),
            )
            .unwrap();
        }
    }
    fs::copy(case_path, dir.path().join(target)).unwrap();
    let output = Command::cargo_bin("medtrio")
        .unwrap()
        .arg("--data")
        .arg(dir.path())
        .args(["--today", "2026-11-23", "validate"])
        .env("NO_COLOR", "1")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr)
        .replace(&dir.path().display().to_string(), "[DATA]");
    let code = output
        .status
        .code()
        .map_or("signal".to_owned(), |c| c.to_string());
    format!("exit {code}\n{stderr}")
}

#[test]
fn every_case_gives_its_exact_message() {
    let overwrite = std::env::var_os("OVERWRITE").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 20,
        "the corpus has only {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name.strip_suffix(".yaml").unwrap();
        let (case_name, file) = stem
            .rsplit_once('.')
            .expect("case files are named <case>.<file>.yaml");
        assert!(placed(file).is_some(), "{name}: unknown file kind `{file}`");
        let actual = run_case(file, case);
        let expected_path = corpus_dir().join(format!("{case_name}.expected"));
        if overwrite {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{case_name}: no .expected file; run with OVERWRITE=1"));
        if expected != actual {
            failures.push(format!(
                "--- {case_name}: expected\n{expected}--- actual\n{actual}"
            ));
        }
        assert!(
            !actual.contains("panicked"),
            "{case_name} panicked:\n{actual}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
