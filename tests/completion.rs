//! Completion in bash, at a pseudo-terminal: commands, and ids from the data the command
//! would read (the folder one stands in, or `--data`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::tmux::Tmux;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/havnekoebing");

/// A bash without the user's settings, with medtrio on its PATH and its completion sourced,
/// standing in `dir`.
#[cfg(unix)]
fn bash_in(dir: &str) -> Tmux {
    let bin = assert_cmd::cargo::cargo_bin("medtrio");
    let bin_dir = bin.parent().unwrap().display().to_string();
    let t = Tmux::start(&format!(
        "cd {dir} && env -u MEDTRIO_DATA NO_COLOR=1 PATH={bin_dir}:/usr/bin:/bin PS1='$ ' bash --norc --noprofile"
    ));
    t.keys(&["source <(medtrio completions bash)", "Enter"]);
    t.keys(&["echo sourced", "Enter"]);
    t.wait_for("sourced\n");
    t
}

#[cfg(unix)]
#[test]
fn a_meeting_id_completes_from_the_folder_one_stands_in() {
    let t = bash_in(EXAMPLE);
    t.keys(&["medtrio agenda lmu-ap", "Tab"]);
    t.wait_for("$ medtrio agenda lmu-april");
}

#[cfg(unix)]
#[test]
fn an_action_id_completes_from_the_minutes_of_data_given_with_data() {
    let t = bash_in("/tmp");
    t.keys(&[&format!("medtrio --data {EXAMPLE} actions done apr"), "Tab"]);
    t.wait_for("actions done april-stoej");
}

#[cfg(unix)]
#[test]
fn a_command_completes_and_an_unknown_prefix_offers_nothing() {
    let t = bash_in(EXAMPLE);
    t.keys(&["medtrio appr", "Tab"]);
    t.wait_for("$ medtrio approve");
    t.keys(&["C-u", "medtrio agenda zz", "Tab", "Tab", " # done", "Enter"]);
    t.wait_for("$ medtrio agenda zz # done");
}
