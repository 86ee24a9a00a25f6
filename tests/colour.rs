//! Colour: `--color auto|always|never`, NO_COLOR, and the status words coloured at a
//! terminal. Never colour in a pipe unless asked for.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::medtrio;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/havnekoebing");
const RED_OVERDUE: &str = "\x1b[38;5;9m overskredet ";

/// `actions` of the example on a day when one action point is overdue, at a pseudo-terminal
/// (util-linux's `script`), with `NO_COLOR` set or not.
#[cfg(unix)]
fn at_a_terminal(flags: &str, no_color: bool) -> String {
    let bin = assert_cmd::cargo::cargo_bin("medtrio");
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec"])
        .arg(format!(
            "{} --data {EXAMPLE} --today 2026-12-01 {flags} actions",
            bin.display()
        ))
        .arg("/dev/null")
        .env("COLUMNS", "120")
        .env("TERM", "xterm-256color")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("MEDTRIO_DATA");
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().expect("util-linux script");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[cfg(unix)]
#[test]
fn an_overdue_action_point_is_red_at_a_terminal() {
    let shown = at_a_terminal("", false);
    assert!(shown.contains(RED_OVERDUE), "{shown}");
    // The open one is plain.
    assert!(shown.contains("┆ åben "), "{shown}");
}

#[cfg(unix)]
#[test]
fn no_color_and_color_never_keep_a_terminal_plain() {
    for (flags, no_color) in [("", true), ("--color never", false)] {
        let shown = at_a_terminal(flags, no_color);
        assert!(shown.contains("overskredet"), "{shown}");
        assert!(!shown.contains('\x1b'), "{flags} {no_color}: {shown}");
    }
}

#[cfg(unix)]
#[test]
fn color_always_wins_over_no_color() {
    assert!(at_a_terminal("--color always", true).contains(RED_OVERDUE));
}

#[test]
fn a_pipe_gets_colour_only_when_asked_for() {
    let run = |flags: &[&str]| {
        let out = medtrio()
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .args(["--data", EXAMPLE, "--today", "2026-12-01"])
            .args(flags)
            .arg("actions")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(!run(&[]).contains('\x1b'));
    let always = run(&["--color", "always"]);
    assert!(always.contains(RED_OVERDUE), "{always}");
    assert!(always.contains("\x1b[1m"), "bold headers: {always}");
}

#[test]
fn an_unknown_color_choice_is_a_usage_error() {
    let out = medtrio()
        .args(["--color", "sometimes", "list", "meetings"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: invalid value 'sometimes' for '--color <WHEN>'\n  [possible values: auto, always, never]\n"),
        "{stderr}"
    );
}
