//! The committee's record, kept by command, on copies of `examples/havnekoebing` whose files
//! arrive in the "wrong" order: the regressions of issue #26 by name, every write checked,
//! atomic and refused when it should be, and the past frozen.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use common::{copy_data, medtrio};

const EXAMPLE: &str = "examples/havnekoebing";

/// A copy of the example's programme, roadmap, findings and cycle, without its minutes.
fn example() -> tempfile::TempDir {
    copy_data(EXAMPLE)
}

fn run(data: &Path, today: &str, args: &[&str]) -> Output {
    medtrio()
        .arg("--data")
        .arg(data)
        .args(["--today", today])
        .args(args)
        .write_stdin("")
        .output()
        .unwrap()
}

fn ok(data: &Path, today: &str, args: &[&str]) -> (String, String) {
    let out = run(data, today, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The exit code and stderr of a run that fails, with the data folder's path as `[DATA]`.
fn fails(data: &Path, today: &str, args: &[&str]) -> (i32, String) {
    let out = run(data, today, args);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{args:?}");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&data.display().to_string(), "[DATA]"),
    )
}

fn read(data: &Path, file: &str) -> String {
    fs::read_to_string(data.join(file)).unwrap()
}

/// Every file of the folder with its bytes, to show that a refused change wrote nothing.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                out.push((name, fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Regression: late minutes rewrote a past agenda. April's minutes were written first and
/// March's afterwards; April's agenda, already held, then gained a follow-up item, its items
/// were renumbered, and April's own minutes failed validation.
#[test]
fn late_minutes_rewrite_a_past_agenda() {
    let data = example();
    let d = data.path();
    ok(
        d,
        "2026-04-08",
        &[
            "minutes",
            "lmu-april",
            "--present",
            "Lone Kjær,Anders Bech,Sara Holm",
            "--outcome",
            "3=Pausevagterne hjælper.",
        ],
    );
    let (april_before, _) = ok(d, "2026-04-08", &["agenda", "lmu-april"]);
    let minutes_before = read(d, "minutes/lmu-april.yaml");
    assert!(
        minutes_before.contains("  - item: 3\n    title: \"APV: opfølgning på handleplanen\"\n")
    );
    ok(
        d,
        "2026-04-08",
        &[
            "minutes",
            "lmu-marts",
            "--present",
            "Lone Kjær,Anders Bech",
            "--action",
            "Lav en plan for pausevagter;AMR;2026-04",
        ],
    );
    let (april_after, _) = ok(d, "2026-04-08", &["agenda", "lmu-april"]);
    assert_eq!(
        april_after, april_before,
        "the held agenda stands as it was"
    );
    assert_eq!(read(d, "minutes/lmu-april.yaml"), minutes_before);
    let (stdout, stderr) = ok(d, "2026-04-08", &["validate"]);
    assert!(
        stdout.starts_with("ok: ") && stdout.contains(": 5 meetings"),
        "{stdout}"
    );
    assert!(
        stderr.contains(
            "warning: the agenda of `lmu-april` stands as issued on 2026-04-08: its follow-up does not list `lmu-marts-1`, which earlier minutes give\n"
        ),
        "what would have changed it is reported:\n{stderr}"
    );
    assert!(stderr.contains(
        "= help: an issued agenda is never renumbered or changed; the next meeting's agenda follows them up\n"
    ));
}

/// Regression: preparing minutes early marked a meeting held. `minutes lmu-december` two
/// weeks before the meeting wrote an empty draft, said nothing, and `list meetings` then
/// showed it as held.
#[test]
fn early_minutes_marking_a_meeting_held() {
    let data = example();
    let d = data.path();
    let (stdout, stderr) = ok(d, "2026-11-16", &["minutes", "lmu-december"]);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr.replace(&d.display().to_string(), "[DATA]"),
        "wrote [DATA]/minutes/lmu-december.yaml, prepared for `lmu-december` (2026-12-01): the meeting is not held until its day has come and the minutes are filled in (or --held is given)\n"
    );
    assert!(read(d, "minutes/lmu-december.yaml").contains("\nstatus: prepared\n"));
    assert!(
        !read(d, "programme.yaml").contains("issued:"),
        "nothing is frozen yet"
    );
    let status = |today: &str| {
        let (json, _) = ok(d, today, &["list", "meetings", "--format", "json"]);
        let list: serde_json::Value = serde_json::from_str(&json).unwrap();
        list.as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == "lmu-december")
            .unwrap()["status"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(status("2026-11-16"), "planned");
    assert_eq!(
        ok(d, "2026-11-16", &["validate"]).1,
        "",
        "no warning either"
    );
    // Its day has come, but nothing is written in it: still not held.
    assert_eq!(status("2026-12-02"), "planned");
    // Filled in after the day: held.
    let path = d.join("minutes/lmu-december.yaml");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "present: []",
        "present: [\"Lone Kjær\", \"Anders Bech\"]",
        1,
    );
    fs::write(&path, text).unwrap();
    assert_eq!(status("2026-11-30"), "planned");
    assert_eq!(status("2026-12-02"), "held");
    // And --held records it so, as a draft, freezing the agenda.
    let (_, stderr) = ok(
        d,
        "2026-12-02",
        &["minutes", "lmu-december", "--held", "2026-12-01"],
    );
    assert!(
        stderr.contains("the minutes of `lmu-december` are a draft now, and the meeting is held; its agenda stands as issued"),
        "{stderr}"
    );
    assert!(read(d, "minutes/lmu-december.yaml").contains("\nstatus: draft\n"));
    assert!(read(d, "programme.yaml").contains("    issued:\n      date: \"2026-12-02\"\n"));
}

/// The loop of the README: issue the agenda, write the minutes, approve the last ones, tick
/// off an action point; the issued agenda prints the same bytes after all of it.
#[test]
fn an_issued_agenda_prints_the_same_after_later_minutes() {
    let data = example();
    let d = data.path();
    fs::create_dir(d.join("minutes")).unwrap();
    for id in ["lmu-marts", "lmu-april"] {
        fs::copy(
            Path::new(EXAMPLE).join(format!("minutes/{id}.yaml")),
            d.join(format!("minutes/{id}.yaml")),
        )
        .unwrap();
    }
    let before = read(d, "programme.yaml");
    let (_, said) = ok(d, "2026-11-20", &["agenda", "lmu-december", "--issue"]);
    assert_eq!(
        said.replace(&d.display().to_string(), "[DATA]"),
        "[DATA]/programme.yaml: the agenda of `lmu-december` issued on 2026-11-20: its items, numbers and times stand as they are now\n"
    );
    // Only the new lines differ: every line of the file before is still there, in order.
    let after = read(d, "programme.yaml");
    let diff = similar::TextDiff::from_lines(&before, &after);
    assert!(
        diff.iter_all_changes()
            .all(|c| c.tag() != similar::ChangeTag::Delete)
    );
    let (issued, _) = ok(
        d,
        "2026-11-20",
        &["agenda", "lmu-december", "--format", "md"],
    );
    ok(
        d,
        "2026-12-02",
        &[
            "minutes",
            "lmu-december",
            "--present",
            "Lone Kjær,Anders Bech,Sara Holm",
        ],
    );
    ok(
        d,
        "2026-12-02",
        &["approve", "lmu-april", "--at", "lmu-december"],
    );
    ok(
        d,
        "2026-12-02",
        &["actions", "done", "april-stoej", "--on", "2026-11-30"],
    );
    ok(
        d,
        "2026-12-02",
        &["actions", "move", "marts-ugeplan", "--due", "2027-01"],
    );
    let (later, _) = ok(
        d,
        "2026-12-02",
        &["agenda", "lmu-december", "--format", "md"],
    );
    assert_eq!(later, issued);
    assert!(
        issued
            .contains("Tilføj støj i garderoben til APV-handleplanen | AMR | december 2026 | åben")
    );
    let (code, stderr) = fails(d, "2026-12-02", &["agenda", "lmu-december", "--issue"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: the agenda of `lmu-december` was issued on 2026-11-20\n  = help: an issued agenda stands as it was sent; `medtrio agenda lmu-december` prints it\n"
    );
}

/// A template's agenda is issued with its items scaled to the meeting and its start.
#[test]
fn an_agenda_from_a_template_is_issued_with_its_times() {
    let data = example();
    let d = data.path();
    let (printed, _) = ok(d, "2026-03-10", &["agenda", "lmu-marts"]);
    ok(d, "2026-03-10", &["agenda", "lmu-marts", "--issue"]);
    let programme = read(d, "programme.yaml");
    assert!(programme.contains(
        "    template: lmu-dialog\n    items:\n      - title: \"Godkendelse af dagsorden\"\n        type: B\n        minutes: 5\n"
    ), "{programme}");
    let (issued, _) = ok(d, "2026-03-10", &["agenda", "lmu-marts"]);
    // The items and times stand; only the template's "forslag" marks go, as they are facts now.
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains("kl. "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(lines(&issued), lines(&printed));
}

/// Every write is checked: the folder must validate with the new text.
#[test]
fn a_change_that_would_not_validate_is_refused_with_the_lines_it_would_write() {
    let data = example();
    let d = data.path();
    fs::create_dir(d.join("minutes")).unwrap();
    for id in ["lmu-marts", "lmu-april"] {
        fs::copy(
            Path::new(EXAMPLE).join(format!("minutes/{id}.yaml")),
            d.join(format!("minutes/{id}.yaml")),
        )
        .unwrap();
    }
    let before = snapshot(d);
    let (code, stderr) = fails(
        d,
        "2026-12-02",
        &["approve", "lmu-april", "--at", "lmu-marts"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "[DATA]/minutes/lmu-april.yaml:7:9: error: the minutes of `lmu-april` are approved on 2026-03-24, not after the meeting itself (2026-04-07)
  |
7 |   date: \"2026-03-24\"
  |         ^
  = help: minutes are approved at a later meeting; check the date
[DATA]/minutes/lmu-april.yaml:8:12: error: the minutes are approved at `lmu-marts` (2026-03-24), which is not after `lmu-april`
  |
8 |   meeting: lmu-marts
  |            ^
  = help: name a meeting after 2026-04-07
error: the data would not validate with this change, so nothing was written
  = help: the lines above are of the file as it would have been written; fix what they name in the other files, or change the flags
"
    );
    assert_eq!(snapshot(d), before);
}

/// A file with a YAML error elsewhere is refused before anything is written.
#[test]
fn a_yaml_error_elsewhere_is_refused_before_writing() {
    let data = example();
    let d = data.path();
    fs::create_dir(d.join("minutes")).unwrap();
    fs::copy(
        Path::new(EXAMPLE).join("minutes/lmu-april.yaml"),
        d.join("minutes/lmu-april.yaml"),
    )
    .unwrap();
    let roadmap = read(d, "roadmap.yaml");
    fs::write(d.join("roadmap.yaml"), format!("{roadmap}  - id: [\n")).unwrap();
    let before = snapshot(d);
    let (code, stderr) = fails(
        d,
        "2026-12-02",
        &["approve", "lmu-april", "--at", "lmu-december"],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("[DATA]/roadmap.yaml:"), "{stderr}");
    assert!(
        stderr.ends_with("error: the data has 1 error\n"),
        "{stderr}"
    );
    assert_eq!(snapshot(d), before);
}

/// A read-only file is not changed, even by root, whom the file system would let.
#[test]
fn a_read_only_file_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let data = example();
    let d = data.path();
    let path = d.join("programme.yaml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = snapshot(d);
    let (code, stderr) = fails(
        d,
        "2026-10-01",
        &["cancel", "lmu-december", "--why", "Sygdom"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: `[DATA]/programme.yaml` is read-only\n  = help: medtrio does not change a read-only file; make it writable (chmod u+w) if the change is meant\n"
    );
    assert_eq!(snapshot(d), before);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

/// A write keeps the file's mode.
#[test]
fn a_change_keeps_the_mode_of_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let data = example();
    let d = data.path();
    let path = d.join("programme.yaml");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    ok(
        d,
        "2026-10-01",
        &["cancel", "lmu-december", "--why", "Sygdom"],
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert!(read(d, "programme.yaml").contains(
        "    status: cancelled\n    cancel_reason: \"Sygdom\"\n    date: \"2026-12-01\"\n"
    ));
}

/// A lock file left by another writer is respected.
#[test]
fn a_locked_file_is_refused() {
    let data = example();
    let d = data.path();
    fs::write(d.join("programme.yaml.lock"), "").unwrap();
    let before = read(d, "programme.yaml");
    let (code, stderr) = fails(
        d,
        "2026-10-01",
        &["cancel", "lmu-december", "--why", "Sygdom"],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stderr,
        "error: `[DATA]/programme.yaml` is locked by `[DATA]/programme.yaml.lock`\n  = help: another medtrio is writing it; if none is, remove the lock file and try again\n"
    );
    assert_eq!(read(d, "programme.yaml"), before);
}

/// A full disk: the temporary file cannot be written, and the old file stays whole.
#[test]
fn a_full_disk_leaves_the_old_file_whole() {
    let mount = tempfile::tempdir().unwrap();
    let m = mount.path();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"])
        .arg(m)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        // Needs root (as CI is); say so rather than pass in silence.
        eprintln!("a_full_disk_leaves_the_old_file_whole: cannot mount a tmpfs here, not run");
        return;
    }
    let result = std::panic::catch_unwind(|| {
        common::copy_data_into(EXAMPLE, m);
        // Fill the disk, leaving less than the programme needs.
        let mut fill = 0;
        while fs::write(m.join(format!("fill-{fill}")), vec![0u8; 4096]).is_ok() {
            fill += 1;
        }
        let before = fs::read(m.join("programme.yaml")).unwrap();
        let (code, stderr) = fails(
            m,
            "2026-10-01",
            &["cancel", "lmu-december", "--why", "Sygdom"],
        );
        assert_eq!(code, 1);
        assert_eq!(
            stderr,
            "error: cannot write `[DATA]/programme.yaml`: the disk is full\n  = help: nothing was changed; check the folder and try again\n"
        );
        assert_eq!(fs::read(m.join("programme.yaml")).unwrap(), before);
        let left: Vec<_> = fs::read_dir(m)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".medtrio-") || n.ends_with(".lock"))
            .collect();
        assert_eq!(left, Vec::<String>::new());
    });
    let _ = std::process::Command::new("umount").arg(m).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// Ctrl-C in the middle of a write: the old file is whole or the new one is, and nothing
/// half-written, no temporary file and no lock is left.
#[test]
fn ctrl_c_in_the_middle_of_a_write_leaves_a_whole_file() {
    use std::time::Duration;
    let data = common::synth(3000, 20);
    let d = data.path();
    let path = d.join("programme.yaml");
    let before = fs::read(&path).unwrap();
    let text = String::from_utf8(before.clone()).unwrap();
    // A planned meeting without minutes, which can be cancelled.
    let mut current = None;
    let mut id = None;
    for line in text.lines() {
        if let Some(m) = line.strip_prefix("  - id: m-") {
            current = Some(format!("m-{m}"));
        } else if line == "    status: planned"
            && let Some(m) = &current
            && !d.join(format!("minutes/{m}.yaml")).exists()
        {
            id = Some(m.clone());
            break;
        }
    }
    let id = id.unwrap();
    let mut interrupted = 0;
    for delay in [100u64, 400, 900, 1500, 2200] {
        fs::write(&path, &before).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_medtrio"))
            .env("NO_COLOR", "1")
            .env("MEDTRIO_CACHE_MIN_BYTES", "1000000000000")
            .arg("--data")
            .arg(d)
            .args(["--today", "2026-06-01", "cancel", &id, "--why", "Test"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        if status.code() == Some(130) || status.code().is_none() {
            interrupted += 1;
        }
        let now = fs::read(&path).unwrap();
        let whole_new = String::from_utf8(now.clone())
            .unwrap()
            .contains("cancel_reason: \"Test\"");
        assert!(
            now == before || whole_new,
            "after {delay} ms: a half-written file"
        );
        let left: Vec<_> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".medtrio-") || n.ends_with(".lock"))
            .collect();
        assert_eq!(left, Vec::<String>::new(), "after {delay} ms");
    }
    assert!(
        interrupted > 0,
        "no run was interrupted: the data is too small to catch one"
    );
}
