//! The bad-input corpus of trees of committees' folders: each folder
//! `tests/bad-input/trees/<case>/` is laid over a copy of the tree `tests/fixtures/tree`
//! (its files replace or add to the tree's), and `tests/bad-input/trees/<case>.expected`
//! holds the exit code, the exact stderr and the stdout of `medtrio --today 2026-11-23
//! rollup ROOT --format csv` (or of the arguments in the case's file `args`, `{ROOT}` for
//! the tree). Some cases need what a file cannot hold (a link loop, a folder that cannot be
//! read); [`setup`] makes them. Regenerate with `OVERWRITE=1 cargo test --test tree_input`,
//! then read the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input/trees")
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else if entry.file_name() != "args" {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Whether the tests run as root, whom file permissions do not stop.
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// What a case needs beyond its files. `None` when the case cannot be made here, and why.
fn setup(case: &str, root: &Path) -> Result<(), &'static str> {
    use std::os::unix::fs::{PermissionsExt, symlink};
    match case {
        "symlink-loop" => symlink("..", root.join("omu-nord/lmu-a/tilbage")).unwrap(),
        "link-to-nowhere" => {
            symlink("loop-b", root.join("omu-nord/loop-a")).unwrap();
            symlink("loop-a", root.join("omu-nord/loop-b")).unwrap();
        }
        // A folder's name that a site cannot have: refused before anything is written.
        "folder-named-index-html" => {
            fs::rename(
                root.join("omu-nord/lmu-b"),
                root.join("omu-nord/index.html"),
            )
            .unwrap();
        }
        "folder-name-with-backslash" => {
            fs::rename(root.join("omu-nord/lmu-b"), root.join("omu-nord/lmu\\b")).unwrap();
        }
        "folder-name-with-newline" => {
            fs::rename(root.join("omu-nord/lmu-b"), root.join("omu-nord/lmu\nb")).unwrap();
        }
        // The tree never leaves ROOT: a link to a folder elsewhere is not read.
        "link-out-of-root" => symlink("/usr", root.join("omu-nord/usr")).unwrap(),
        "unreadable-folder" => {
            if is_root() {
                return Err("root reads any folder, whatever its permissions");
            }
            fs::set_permissions(
                root.join("omu-nord/lmu-b"),
                fs::Permissions::from_mode(0o000),
            )
            .unwrap();
        }
        _ => {}
    }
    Ok(())
}

/// Undoes what [`setup`] did that would keep the temporary folder from being removed.
fn teardown(case: &str, root: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if case == "unreadable-folder" {
        let _ = fs::set_permissions(
            root.join("omu-nord/lmu-b"),
            fs::Permissions::from_mode(0o755),
        );
    }
}

fn run_case(case: &str, case_dir: &Path) -> Option<String> {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("kommune");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tree"),
        &root,
    );
    copy_tree(case_dir, &root);
    if let Err(why) = setup(case, &root) {
        eprintln!("{case}: skipped: {why}");
        return None;
    }
    let args = fs::read_to_string(case_dir.join("args"))
        .unwrap_or_else(|_| "rollup {ROOT} --format csv".to_owned());
    let shown = root.display().to_string();
    let args: Vec<String> = args
        .split_whitespace()
        .map(|a| a.replace("{ROOT}", &shown))
        .collect();
    let output = Command::cargo_bin("medtrio")
        .unwrap()
        .args(["--today", "2026-11-23", "--no-cache"])
        .args(&args)
        .env("NO_COLOR", "1")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    teardown(case, &root);
    let mask = |s: &[u8]| String::from_utf8_lossy(s).replace(&shown, "[ROOT]");
    let code = output
        .status
        .code()
        .map_or("signal".to_owned(), |c| c.to_string());
    Some(format!(
        "exit {code}\n--- stderr\n{}--- stdout\n{}",
        mask(&output.stderr),
        mask(&output.stdout)
    ))
}

#[test]
fn every_tree_case_gives_its_exact_message() {
    let overwrite = std::env::var_os("OVERWRITE").is_some();
    let mut cases: Vec<PathBuf> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 8,
        "the corpus has only {} cases",
        cases.len()
    );
    let mut failures = Vec::new();
    for case_dir in &cases {
        let case = case_dir.file_name().unwrap().to_string_lossy().into_owned();
        let Some(actual) = run_case(&case, case_dir) else {
            continue;
        };
        assert!(!actual.contains("panicked"), "{case} panicked:\n{actual}");
        let expected_path = corpus_dir().join(format!("{case}.expected"));
        if overwrite {
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{case}: no .expected file; run with OVERWRITE=1"));
        if expected != actual {
            failures.push(format!(
                "--- {case}: expected\n{expected}--- actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `--data` on one LMU folder of a tree finds the roadmap, the findings and the prompts of
/// the committees above it, as `rollup` does.
#[test]
fn data_on_one_lmu_folder_uses_the_roadmap_and_prompts_above_it() {
    let lmu =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kommune/omu-sundhed/lmu-solhaven");
    let out = Command::cargo_bin("medtrio")
        .unwrap()
        .arg("--data")
        .arg(&lmu)
        .args(["--no-cache", "agenda", "lmu-solhaven-2026-04-14"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    // The prompt is HU's (examples/kommune/hu/findings.yaml); the LMU has no findings.yaml.
    assert!(
        text.contains("Hvad er aktørskab for os på vores arbejdsplads?"),
        "{text}"
    );
    assert!(!lmu.join("findings.yaml").exists() && !lmu.join("roadmap.yaml").exists());
    let roadmap = Command::cargo_bin("medtrio")
        .unwrap()
        .arg("--data")
        .arg(&lmu)
        .args(["--no-cache", "list", "roadmap", "--format", "csv"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&roadmap.stdout).contains("dialog-omu-sundhed"));
}
