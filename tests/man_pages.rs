//! `medtrio man`: the page of medtrio, of each command, and all of them into a folder.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;

use common::medtrio;

/// Every command's page: `medtrio-agenda.1`, `medtrio-actions-done.1`, … one per command the
/// help lists, so that the main page's references all lead somewhere.
#[test]
fn man_out_writes_a_page_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = medtrio()
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for page in [
        "medtrio.1",
        "medtrio-agenda.1",
        "medtrio-actions-done.1",
        "medtrio-man.1",
    ] {
        assert!(
            names.iter().any(|n| n == page),
            "{page} missing from {names:?}"
        );
    }
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "wrote {} man pages to {}\n",
            names.len(),
            dir.path().display()
        )
    );
    // The main page names each command's page, and each of them is there.
    let main = fs::read_to_string(dir.path().join("medtrio.1")).unwrap();
    for name in &names {
        let page = fs::read_to_string(dir.path().join(name)).unwrap();
        let title = name.trim_end_matches(".1");
        assert!(page.contains(&format!(".TH {title} 1 ")), "{name}");
        assert!(
            page.contains("medtrio 0."),
            "{name}: the footer names medtrio"
        );
        if let Some(command) = title.strip_prefix("medtrio-").filter(|c| !c.contains('-')) {
            assert!(
                main.contains(&format!("{command}(1)")),
                "{command} not named on medtrio.1"
            );
        }
    }
    // A second run keeps the pages unless told to overwrite them.
    let again = medtrio()
        .args(["man", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(again.stderr).unwrap(),
        format!(
            "error: `{}` already exists\n  = help: add --force to overwrite it\n",
            dir.path().join("medtrio.1").display()
        )
    );
    let forced = medtrio()
        .args(["man", "--force", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(forced.status.success());
}

#[test]
fn man_of_one_command_is_its_page() {
    let out = medtrio().args(["man", "actions", "done"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH medtrio-actions-done 1"), "{page}");
    assert!(page.contains("Tick an action point off as done"), "{page}");
}

#[test]
fn an_unknown_command_is_named_with_the_nearest() {
    let out = medtrio().args(["man", "agendaa"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: `medtrio` has no command `agendaa`\n  = help: did you mean `agenda`, `calendar`?\n"
    );
    let out = medtrio().args(["man", "actions", "dne"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: `medtrio actions` has no command `dne`\n  = help: did you mean `done`?\n"
    );
}

#[test]
fn man_out_needs_a_folder_that_exists() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("man1");
    let out = medtrio()
        .args(["man", "--out"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: the folder `{}` does not exist\n  = help: make it first, e.g. `mkdir -p share/man/man1`\n",
            missing.display()
        )
    );
}
