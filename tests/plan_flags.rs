//! `medtrio plan` without a terminal, as a property: any combination of its flags is either
//! refused (exit 2, with a message) or writes a file that validates together with the data
//! folder it goes into.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::{copy_data, medtrio};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Ids from examples/havnekoebing, of every kind a flag may name, and some that are not.
const BASES: &[&str] = &[
    "blank",
    "lmu-marts",
    "lmu-april",
    "lmu-oktober",
    "personalemoede",
    "lmu-dialog",
    "lmu-dialog",
    "omu-dialog",
    "omu-dialog",
    "dialog-omu-dagtilbud",
    "dialog-omu-dagtilbud",
];
const FORUMS: &[&str] = &["lmu-havnen", "omu-dagtilbud"];
const PROMPTS: &[&str] = &["p-pauser", "p-aktoerskab"];

/// Text as a user might type it: letters, Danish ones, punctuation, and the odd control
/// character or YAML indicator. (No NUL: an argument cannot hold one.)
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9æøåÆØÅ !-]{0,24}",
        "[\\PC]{0,12}",
        "[ -~\\t\\n\\r\u{1}\u{1b}\u{7f}\u{85}\u{2028}]{0,12}",
        Just(String::new()),
        Just("LMU Børnehuset Søstjernen".to_owned()),
        Just("LMU Havnen".to_owned()),
        Just("!!!".to_owned()),
        Just("- x: [y".to_owned()),
    ]
}

fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9][a-z0-9-]{0,20}",
        Just("lmu-april".to_owned()),
        Just("lmu-havnen".to_owned()),
        Just("../../evil".to_owned()),
        Just("x\nstatus: held".to_owned()),
        Just("a".repeat(65)),
        text(),
    ]
}

// Each value is mostly one that a flag takes, so that most runs get as far as writing.

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => (2025i32..=2028, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        // The nights the clocks change.
        1 => Just("2027-03-28".to_owned()),
        1 => Just("2026-10-25".to_owned()),
        1 => Just("2026-02-30".to_owned()),
        1 => text(),
    ]
}

fn time() -> impl Strategy<Value = String> {
    prop_oneof![
        16 => (0u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        // Late, to reach midnight.
        8 => (21u32..24, 0u32..60).prop_map(|(h, m)| format!("{h:02}:{m:02}")),
        2 => (0u32..30, 0u32..70).prop_map(|(h, m)| format!("{h}.{m}")),
        1 => text(),
    ]
}

fn minutes() -> impl Strategy<Value = String> {
    prop_oneof![
        40 => (1u32..=180).prop_map(|n| n.to_string()),
        2 => (0u32..=1500).prop_map(|n| n.to_string()),
        1 => Just("-5".to_owned()),
        1 => Just("9223372036854775807".to_owned()),
    ]
}

/// `--date`, `--start` and `--length`, each present or not; some on purpose near midnight and
/// across the hour the clocks skip, where the planner once wrote an end that does not validate.
fn when() -> impl Strategy<Value = (Option<String>, Option<String>, Option<String>)> {
    let hhmm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
    prop_oneof![
        8 => (
            proptest::option::weighted(0.97, date()),
            proptest::option::weighted(0.97, time()),
            proptest::option::weighted(0.4, minutes()),
        ),
        1 => (date(), 5u32..=180).prop_map(move |(d, length)| {
            (Some(d), Some(hhmm(24 * 60 - length)), Some(length.to_string()))
        }),
        1 => (60u32..120, 30u32..=120).prop_map(move |(start, length)| {
            (Some("2027-03-28".to_owned()), Some(hhmm(start)), Some(length.to_string()))
        }),
    ]
}

/// One run's flags, each present or not.
fn flags() -> impl Strategy<Value = Vec<String>> {
    let pick = |items: &'static [&'static str]| {
        prop_oneof![
            24 => proptest::sample::select(items).prop_map(str::to_owned),
            1 => id(),
        ]
    };
    (
        (
            proptest::option::weighted(0.97, pick(BASES)),
            // An existing forum, a new one, neither, or (refused) both.
            prop_oneof![
                5 => pick(FORUMS).prop_map(|f| (Some(f), None)),
                2 => text().prop_map(|n| (None, Some(n))),
                2 => Just((None, None)),
                1 => (pick(FORUMS), text()).prop_map(|(f, n)| (Some(f), Some(n))),
            ],
            proptest::option::weighted(0.3, id()),
            proptest::option::weighted(0.3, text()),
        ),
        (
            when(),
            proptest::option::weighted(0.3, text()),
            proptest::option::weighted(
                0.4,
                proptest::collection::vec(pick(PROMPTS), 1..4).prop_map(|p| p.join(",")),
            ),
            // Rarely the number of the base's items: mostly a refusal.
            proptest::option::weighted(
                0.1,
                proptest::collection::vec(minutes(), 0..8).prop_map(|m| m.join(",")),
            ),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (meeting, (forum, new_forum), id, title),
                ((date, start, length), place, prompts, item_minutes, force),
            )| {
                let mut args = Vec::new();
                for (flag, value) in [
                    ("--meeting", meeting),
                    ("--forum", forum),
                    ("--new-forum", new_forum),
                    ("--id", id),
                    ("--title", title),
                    ("--date", date),
                    ("--start", start),
                    ("--place", place),
                    ("--length", length),
                    ("--prompts", prompts),
                    ("--item-minutes", item_minutes),
                ] {
                    if let Some(value) = value {
                        // `--flag=value`, so that a value starting with `-` stays a value.
                        args.push(format!("{flag}={value}"));
                    }
                }
                if force {
                    args.push("--force".to_owned());
                }
                args
            },
        )
}

/// The files under `local/`, with their texts.
fn local_files(data: &Path) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(data.join("local")) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

proptest! {
    // Each case runs medtrio once or twice in a debug build: 256 cases take about ten seconds.
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    #[test]
    fn any_plan_flags_are_refused_or_write_a_file_that_validates(args in flags()) {
        let data = copy_data("examples/havnekoebing");
        let out = medtrio()
            .arg("--data")
            .arg(data.path())
            .arg("plan")
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let written = local_files(data.path());
        match out.status.code() {
            Some(0) => {
                prop_assert_eq!(written.len(), 1, "{:?}: {}", args, stderr);
                let check = medtrio()
                    .arg("--data")
                    .arg(data.path())
                    .arg("validate")
                    .output()
                    .unwrap();
                prop_assert!(
                    check.status.success(),
                    "{:?} wrote a file that does not validate:\n{}\n{}{}",
                    args,
                    written[0].1,
                    String::from_utf8_lossy(&check.stdout),
                    String::from_utf8_lossy(&check.stderr)
                );
            }
            Some(2) => {
                // A usage error, or validate's located problems and then one.
                prop_assert!(
                    stderr.lines().any(|l| l.starts_with("error: ") && l.len() > 10),
                    "{:?}: {}", args, stderr
                );
                prop_assert!(written.is_empty(), "{:?} was refused but wrote {:?}", args, written);
            }
            code => prop_assert!(false, "{:?}: exit {:?}\n{}", args, code, stderr),
        }
    }
}

/// Runs `plan` on a copy of the example; the exit code, stderr (the folder masked) and the
/// data folder.
fn plan(args: &[&str]) -> (Option<i32>, String, tempfile::TempDir) {
    let data = copy_data("examples/havnekoebing");
    let out = medtrio()
        .arg("--data")
        .arg(data.path())
        .arg("plan")
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr)
        .unwrap()
        .replace(&data.path().display().to_string(), "[DATA]");
    (out.status.code(), stderr, data)
}

#[test]
fn plan_ending_at_midnight_wrote_end_00_00() {
    let (code, stderr, data) = plan(&[
        "--meeting",
        "lmu-marts",
        "--date",
        "2026-12-01",
        "--start",
        "23:00",
        "--length",
        "60",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let yaml = fs::read_to_string(data.path().join("local/lmu-havnen-2026-12-01.yaml")).unwrap();
    assert!(yaml.contains("  start: \"23:00\"\n"), "{yaml}");
    assert!(!yaml.contains("end:"), "{yaml}");
    medtrio()
        .arg("--data")
        .arg(data.path())
        .arg("validate")
        .assert()
        .success();
}

#[test]
fn plan_ending_in_the_hour_the_clocks_skip_wrote_an_end_that_does_not_exist() {
    let (code, stderr, data) = plan(&[
        "--meeting",
        "lmu-marts",
        "--date",
        "2027-03-28",
        "--start",
        "01:30",
        "--length",
        "60",
    ]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "[DATA]/local/lmu-havnen-2027-03-28.yaml:11:8: error: `02:30` on 2027-03-28 does not exist in Europe/Copenhagen: the clocks go forward that night\n   |\n11 |   end: 02:30\n   |        ^\n  = help: choose a time outside the hour the clocks skip (02:00–03:00)\nerror: the planned meeting would not validate with the data, so nothing was written\n  = help: the lines above are of the file plan would have written; change the flags they come from\n"
    );
    assert!(!data.path().join("local").exists(), "a folder was made");
}
