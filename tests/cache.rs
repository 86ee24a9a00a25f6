#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! The cache of checked data: the same bytes out with and without it, a changed byte never
//! answered from it, damaged entries ignored and rebuilt, failed writes silent.
//!
//! Whether a run read the cache is seen from outside: a hit refreshes its entry's modification
//! time in place (same inode), a miss writes a new file (a new inode, by rename).

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use assert_cmd::Command;

/// `medtrio` with its cache in `cache`, used for any size of data unless `min_bytes` says.
fn medtrio(cache: &Path) -> Command {
    let mut cmd = common::medtrio();
    cmd.env("MEDTRIO_CACHE_DIR", cache)
        .env("MEDTRIO_CACHE_MIN_BYTES", "0")
        .env_remove("MEDTRIO_NO_CACHE")
        .env("MEDTRIO_TODAY", "2026-11-23");
    cmd
}

fn run(cache: &Path, data: &Path, args: &[&str]) -> Output {
    medtrio(cache)
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn run_uncached(cache: &Path, data: &Path, args: &[&str]) -> Output {
    medtrio(cache)
        .arg("--no-cache")
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

/// Exit code, stdout and stderr, for comparing two runs.
fn seen(output: &Output) -> (Option<i32>, String, String) {
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The cache's entries, in name order.
fn entries(cache: &Path) -> Vec<PathBuf> {
    let Ok(listing) = fs::read_dir(cache) else {
        return Vec::new();
    };
    let mut entries: Vec<PathBuf> = listing
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".medtrio-cache"))
        .collect();
    entries.sort();
    entries
}

fn only_entry(cache: &Path) -> PathBuf {
    let entries = entries(cache);
    assert_eq!(entries.len(), 1, "expected one entry: {entries:?}");
    entries.into_iter().next().unwrap()
}

fn inode(path: &Path) -> u64 {
    fs::metadata(path).unwrap().ino()
}

/// Sets an entry's modification time a year back, so that a hit shows as a fresh time.
fn age(path: &Path) {
    let year_ago = SystemTime::now() - Duration::from_secs(365 * 24 * 3600);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(year_ago)
        .unwrap();
}

fn was_hit(path: &Path, inode_before: u64) -> bool {
    let meta = fs::metadata(path).unwrap();
    let fresh = meta.modified().unwrap().elapsed().unwrap() < Duration::from_secs(3600);
    meta.ino() == inode_before && fresh
}

/// A copy of a data folder of the repository, `local/` included.
fn copy_tree(from: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_data_into(from, dir.path());
    dir
}

/// A copy of a folder and everything in it.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A local file with a meeting that has neither items nor a template: validation warns.
const LOCAL_WITH_WARNING: &str = "version: 1
meetings:
  - id: lmu-uden-dagsorden
    title: LMU uden dagsorden
    forum: lmu-havnen
    status: planned
    date: 2026-12-03
";

fn with_local(dir: &Path) {
    fs::create_dir_all(dir.join("local")).unwrap();
    fs::write(dir.join("local/lokal.yaml"), LOCAL_WITH_WARNING).unwrap();
}

/// The README's commands that read the data, plus a few that reach every file.
const COMMANDS: &[&[&str]] = &[
    &["list", "meetings"],
    &["list", "meetings", "--format", "json"],
    &["list", "roadmap", "--quarter", "2026-Q1"],
    &["list", "roadmap", "--format", "csv"],
    &["list", "findings", "--format", "md"],
    &[
        "list",
        "prompts",
        "--audience",
        "tr",
        "--format",
        "csv",
        "--excel",
    ],
    &["show", "p-rammer"],
    &["show", "lmu-april"],
    &["show", "lmu-uden-dagsorden"],
    &["agenda", "lmu-april"],
    &["agenda", "temamoede-1", "--format", "md"],
    &["calendar"],
    &[
        "prompts",
        "--audience",
        "tr",
        "--count",
        "2",
        "--seed",
        "7",
        "--format",
        "txt",
    ],
    &["prep", "roller", "--format", "md"],
    &["plan", "--meeting", "lmu-dialog"],
    &["validate"],
];

/// Runs every command without the cache, then twice with it (the first fills it, the second
/// reads it), and asserts the three agree byte for byte.
fn assert_same_with_and_without_cache(data: &Path) {
    let cache = tempfile::tempdir().unwrap();
    for args in COMMANDS {
        let uncached = seen(&run_uncached(cache.path(), data, args));
        let filling = seen(&run(cache.path(), data, args));
        assert_eq!(filling, uncached, "filling the cache changed `{args:?}`");
        let entry = only_entry(cache.path());
        age(&entry);
        let before = inode(&entry);
        let cached = seen(&run(cache.path(), data, args));
        assert_eq!(cached, uncached, "the cache changed `{args:?}`");
        if args[0] != "validate" {
            assert!(was_hit(&entry, before), "`{args:?}` did not read the cache");
        }
    }
    // export writes a folder: every file the same (into the same folder, which it names).
    let out = tempfile::tempdir().unwrap();
    let export = |cached: bool| {
        let mut cmd = medtrio(cache.path());
        if !cached {
            cmd.arg("--no-cache");
        }
        let output = cmd
            .arg("--data")
            .arg(data)
            .args(["export", "--force", "--out"])
            .arg(out.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", seen(&output).2);
        (seen(&output), tree(out.path()))
    };
    let uncached = export(false);
    let entry = only_entry(cache.path());
    age(&entry);
    let before = inode(&entry);
    assert_eq!(export(true), uncached);
    assert!(was_hit(&entry, before), "export did not read the cache");
}

/// Every file under `dir`, by relative path, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let path = e.unwrap().path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_path_buf(), bytes));
            }
        }
    }
    files.sort();
    assert!(!files.is_empty());
    files
}

#[test]
fn output_is_byte_identical_with_and_without_the_cache_on_havnekoebing() {
    let data = copy_tree("examples/havnekoebing");
    with_local(data.path());
    assert_same_with_and_without_cache(data.path());
}

#[test]
fn output_is_byte_identical_with_and_without_the_cache_on_the_seed_data() {
    let data = copy_tree("data");
    assert_same_with_and_without_cache(data.path());
}

#[test]
fn warnings_are_printed_the_same_from_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    with_local(data.path());
    let uncached = seen(&run_uncached(
        cache.path(),
        data.path(),
        &["list", "meetings"],
    ));
    assert!(uncached.2.contains("warning: meeting `lmu-uden-dagsorden`"));
    assert!(
        uncached.2.contains("local/lokal.yaml:3:5"),
        "{}",
        uncached.2
    );
    run(cache.path(), data.path(), &["list", "meetings"]);
    let entry = only_entry(cache.path());
    age(&entry);
    let before = inode(&entry);
    let cached = seen(&run(cache.path(), data.path(), &["list", "meetings"]));
    assert!(was_hit(&entry, before));
    assert_eq!(cached, uncached);
}

/// Overwrites the byte at `at` in place, with a byte that keeps the file valid YAML.
fn change_byte(path: &Path, at: usize) -> u8 {
    let mut bytes = fs::read(path).unwrap();
    let old = bytes[at];
    bytes[at] = if old == b'X' { b'Y' } else { b'X' };
    fs::write(path, bytes).unwrap();
    old
}

/// The offset of the first letter of the first `key` value after `after` in `text`.
fn value_letter(text: &str, after: &str, key: &str) -> usize {
    let start = text.find(after).unwrap();
    let at = start + text[start..].find(key).unwrap() + key.len();
    if text.as_bytes()[at] == b'"' {
        at + 1
    } else {
        at
    }
}

#[test]
fn a_changed_byte_in_any_input_file_changes_the_answer() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    with_local(data.path());
    // Each file, where a value stands that a command shows, and the command.
    let cases: &[(&str, &str, &str, &[&str])] = &[
        (
            "programme.yaml",
            "meetings:",
            "title: ",
            &["list", "meetings", "--format", "json"],
        ),
        (
            "roadmap.yaml",
            "activities:",
            "title: ",
            &["list", "roadmap", "--format", "json"],
        ),
        (
            "findings.yaml",
            "findings:",
            "text: ",
            &["list", "findings", "--format", "json"],
        ),
        (
            "local/lokal.yaml",
            "meetings:",
            "title: ",
            &["list", "meetings", "--format", "json"],
        ),
    ];
    for (file, after, key, args) in cases {
        let before = seen(&run(cache.path(), data.path(), args));
        assert_eq!(before.0, Some(0), "{}", before.2);
        let path = data.path().join(file);
        let at = value_letter(&fs::read_to_string(&path).unwrap(), after, key);
        let old = change_byte(&path, at);
        let entries_before = entries(cache.path());
        let after = seen(&run(cache.path(), data.path(), args));
        assert_ne!(
            after, before,
            "changing `{}` in {file} changed nothing",
            old as char
        );
        assert_eq!(after, seen(&run_uncached(cache.path(), data.path(), args)));
        assert!(
            entries(cache.path())
                .iter()
                .any(|e| !entries_before.contains(e)),
            "the changed data was not stored anew"
        );
    }
}

#[test]
fn a_changed_byte_that_shows_nowhere_is_still_a_miss() {
    // A comment changes no output, but the bytes differ: the answer is parsed again, not
    // taken from the entry of the old bytes.
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    let args = &["list", "meetings"];
    let first = seen(&run(cache.path(), data.path(), args));
    let entry = only_entry(cache.path());
    // The same length: one letter of the first line's comment.
    let path = data.path().join("roadmap.yaml");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# yaml"));
    change_byte(&path, 2);
    age(&entry);
    let before = inode(&entry);
    assert_eq!(seen(&run(cache.path(), data.path(), args)), first);
    assert!(
        !was_hit(&entry, before),
        "the old entry answered for new bytes"
    );
    assert_eq!(entries(cache.path()).len(), 2);
}

/// Fills the cache for havnekoebing, damages the entry with `damage`, and checks that the next
/// run answers as without a cache, rebuilds the entry, and the run after reads it.
fn assert_damage_is_ignored(damage: impl Fn(&Path)) {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    with_local(data.path());
    let args = &["list", "meetings", "--format", "json"];
    let uncached = seen(&run_uncached(cache.path(), data.path(), args));
    run(cache.path(), data.path(), args);
    let entry = only_entry(cache.path());
    let good = fs::read(&entry).unwrap();
    damage(&entry);
    let damaged = fs::read(&entry).unwrap();
    assert_ne!(damaged, good, "the damage did nothing");
    let damaged_inode = inode(&entry);

    assert_eq!(seen(&run(cache.path(), data.path(), args)), uncached);
    let rebuilt = only_entry(cache.path());
    assert_eq!(rebuilt, entry);
    assert_ne!(
        inode(&rebuilt),
        damaged_inode,
        "the damaged entry was not rebuilt"
    );
    assert_eq!(fs::read(&rebuilt).unwrap(), good);

    age(&rebuilt);
    let before = inode(&rebuilt);
    assert_eq!(seen(&run(cache.path(), data.path(), args)), uncached);
    assert!(was_hit(&rebuilt, before), "the rebuilt entry is not read");
}

/// Writes `bytes` over the file in place (same inode).
fn overwrite(path: &Path, bytes: &[u8]) {
    use std::io::Write;
    let mut file = fs::File::options()
        .write(true)
        .truncate(true)
        .open(path)
        .unwrap();
    file.write_all(bytes).unwrap();
}

#[test]
fn a_corrupted_entry_is_ignored_and_rebuilt() {
    // One flipped bit in the middle of the payload: a string of the model, most likely.
    assert_damage_is_ignored(|path| {
        let mut bytes = fs::read(path).unwrap();
        let middle = 64 + (bytes.len() - 64) / 2;
        bytes[middle] ^= 0x01;
        overwrite(path, &bytes);
    });
}

#[test]
fn a_truncated_entry_is_ignored_and_rebuilt() {
    assert_damage_is_ignored(|path| {
        let bytes = fs::read(path).unwrap();
        overwrite(path, &bytes[..bytes.len() / 2]);
    });
}

#[test]
fn an_entry_cut_inside_its_header_is_ignored() {
    assert_damage_is_ignored(|path| {
        let bytes = fs::read(path).unwrap();
        overwrite(path, &bytes[..20]);
    });
}

#[test]
fn an_entry_of_another_cache_version_is_ignored() {
    // The cache format's number is the 15th byte of the magic: `medtrio cache 1\n`.
    assert_damage_is_ignored(|path| {
        let mut bytes = fs::read(path).unwrap();
        assert_eq!(&bytes[..16], b"medtrio cache 1\n");
        bytes[14] = b'9';
        overwrite(path, &bytes);
    });
}

#[test]
fn an_unreadable_entry_is_ignored() {
    // A folder where the entry should be: it cannot be read, nor replaced by a rename.
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    let args = &["list", "meetings", "--format", "json"];
    let uncached = seen(&run_uncached(cache.path(), data.path(), args));
    run(cache.path(), data.path(), args);
    let entry = only_entry(cache.path());
    fs::remove_file(&entry).unwrap();
    fs::create_dir(&entry).unwrap();
    assert_eq!(seen(&run(cache.path(), data.path(), args)), uncached);
    assert!(entry.is_dir());
}

/// Whether this process can write into a folder that has no write permission (root can).
fn writes_ignore_permissions(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let can = fs::write(&probe, b"").is_ok();
    let _ = fs::remove_file(probe);
    can
}

#[test]
fn a_read_only_cache_folder_still_gives_the_right_output() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    with_local(data.path());
    let args = &["list", "meetings", "--format", "json"];
    let uncached = seen(&run_uncached(cache.path(), data.path(), args));

    // Empty and read-only: nothing can be written, and the command succeeds the same.
    let empty = cache.path().join("empty");
    fs::create_dir(&empty).unwrap();
    fs::set_permissions(&empty, fs::Permissions::from_mode(0o555)).unwrap();
    let root = writes_ignore_permissions(&empty);
    assert_eq!(seen(&run(&empty, data.path(), args)), uncached);
    if !root {
        assert!(entries(&empty).is_empty());
    }

    // Filled, then read-only: the entry is still read.
    let filled = cache.path().join("filled");
    run(&filled, data.path(), args);
    let entry = only_entry(&filled);
    fs::set_permissions(&filled, fs::Permissions::from_mode(0o555)).unwrap();
    fs::set_permissions(&entry, fs::Permissions::from_mode(0o444)).unwrap();
    assert_eq!(seen(&run(&filled, data.path(), args)), uncached);
    assert_eq!(only_entry(&filled), entry);

    // A cache "folder" that is a file: no folder can be made there, even by root.
    let file = cache.path().join("a-file");
    fs::write(&file, b"not a folder").unwrap();
    assert_eq!(
        seen(&run(&file.join("medtrio"), data.path(), args)),
        uncached
    );
    assert_eq!(fs::read(&file).unwrap(), b"not a folder");

    for dir in [&empty, &filled] {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn no_cache_writes_nothing() {
    let data = copy_tree("examples/havnekoebing");
    let args = ["list", "meetings"];
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().join("cache");

    run_uncached(&dir, data.path(), &args);
    assert!(!dir.exists(), "--no-cache made the cache folder");
    for off in ["1", "true", "yes"] {
        medtrio(&dir)
            .env("MEDTRIO_NO_CACHE", off)
            .arg("--data")
            .arg(data.path())
            .args(args)
            .assert()
            .success();
        assert!(
            !dir.exists(),
            "MEDTRIO_NO_CACHE={off} made the cache folder"
        );
    }
    // And the same runs with the cache on do write, so the checks above can fail.
    medtrio(&dir)
        .env("MEDTRIO_NO_CACHE", "0")
        .arg("--data")
        .arg(data.path())
        .args(args)
        .assert()
        .success();
    assert_eq!(entries(&dir).len(), 1);
}

#[test]
fn data_with_errors_is_never_stored_and_reports_as_without_a_cache() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("tests/fixtures/broken");
    for args in [&["list", "meetings"][..], &["agenda", "lmu-april"]] {
        let uncached = seen(&run_uncached(cache.path(), data.path(), args));
        assert_eq!(uncached.0, Some(1));
        assert!(uncached.2.contains("error"), "{}", uncached.2);
        for _ in 0..2 {
            assert_eq!(seen(&run(cache.path(), data.path(), args)), uncached);
        }
    }
    assert!(entries(cache.path()).is_empty());
}

#[test]
fn small_data_is_not_cached_by_default() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    medtrio(cache.path())
        .env_remove("MEDTRIO_CACHE_MIN_BYTES")
        .arg("--data")
        .arg(data.path())
        .args(["list", "meetings"])
        .assert()
        .success();
    assert!(entries(cache.path()).is_empty());
    // With the threshold lowered, the same run stores it.
    run(cache.path(), data.path(), &["list", "meetings"]);
    assert_eq!(entries(cache.path()).len(), 1);
}

#[test]
fn only_the_last_few_entries_are_kept() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    let path = data.path().join("roadmap.yaml");
    let original = fs::read_to_string(&path).unwrap();
    let mut newest = None;
    for i in 0..7 {
        fs::write(&path, format!("{original}# version {i}\n")).unwrap();
        run(cache.path(), data.path(), &["list", "meetings"]);
        let all = entries(cache.path());
        assert!(all.len() <= 4, "{} entries kept", all.len());
        // The entry just written is among those kept.
        let fresh = all
            .iter()
            .max_by_key(|p| fs::metadata(p).unwrap().modified().unwrap())
            .cloned();
        assert_ne!(fresh, newest);
        newest = fresh;
    }
    assert_eq!(entries(cache.path()).len(), 4);
}

#[test]
fn two_processes_filling_at_once_leave_a_valid_entry() {
    let cache = tempfile::tempdir().unwrap();
    let data = copy_tree("examples/havnekoebing");
    with_local(data.path());
    let args = ["list", "meetings", "--format", "json"];
    let uncached = seen(&run_uncached(cache.path(), data.path(), &args));
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("medtrio"))
            .env("MEDTRIO_CACHE_DIR", cache.path())
            .env("MEDTRIO_CACHE_MIN_BYTES", "0")
            .env("MEDTRIO_TODAY", "2026-11-23")
            .env("NO_COLOR", "1")
            .env_remove("MEDTRIO_DATA")
            .env_remove("MEDTRIO_NO_CACHE")
            .arg("--data")
            .arg(data.path())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for _ in 0..5 {
        for entry in entries(cache.path()) {
            fs::remove_file(entry).unwrap();
        }
        let children: Vec<_> = (0..4).map(|_| spawn()).collect();
        for child in children {
            assert_eq!(seen(&child.wait_with_output().unwrap()), uncached);
        }
        let entry = only_entry(cache.path());
        age(&entry);
        let before = inode(&entry);
        assert_eq!(seen(&run(cache.path(), data.path(), &args)), uncached);
        assert!(
            was_hit(&entry, before),
            "the entry left by racing writers is not read"
        );
        let leftovers: Vec<_> = fs::read_dir(cache.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| !n.to_string_lossy().ends_with(".medtrio-cache"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }
}

#[test]
fn a_synthetic_set_above_the_default_threshold_is_cached_with_the_same_output() {
    // 2 000 meetings, 1.6 MiB: far above the default threshold (64 KiB).
    let data = tempfile::tempdir().unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let generated = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .args([
            "--example",
            "synth",
            "--",
            "--meetings",
            "2000",
            "--findings",
            "400",
            "--out",
        ])
        .arg(data.path())
        .output()
        .unwrap();
    assert!(generated.status.success());
    let size: u64 = ["programme.yaml", "roadmap.yaml", "findings.yaml"]
        .iter()
        .map(|f| fs::metadata(data.path().join(f)).unwrap().len())
        .sum();
    assert!(
        size > 1024 * 1024,
        "the set is too small to pass the threshold: {size}"
    );

    let cache = tempfile::tempdir().unwrap();
    let default_threshold = |args: &[&str], cached: bool| {
        let mut cmd = medtrio(cache.path());
        cmd.env_remove("MEDTRIO_CACHE_MIN_BYTES");
        if !cached {
            cmd.arg("--no-cache");
        }
        seen(
            &cmd.arg("--data")
                .arg(data.path())
                .args(args)
                .output()
                .unwrap(),
        )
    };
    for args in [
        &[
            "list",
            "meetings",
            "--quarter",
            "2027-Q2",
            "--format",
            "json",
        ][..],
        &["list", "roadmap"],
        &["list", "prompts", "--format", "csv"],
        &["calendar"],
    ] {
        let uncached = default_threshold(args, false);
        assert_eq!(uncached.0, Some(0));
        assert_eq!(default_threshold(args, true), uncached);
        let entry = only_entry(cache.path());
        age(&entry);
        let before = inode(&entry);
        assert_eq!(default_threshold(args, true), uncached);
        assert!(was_hit(&entry, before), "`{args:?}` did not read the cache");
    }
}

/// A folder in a tree of committees reads its roadmap and findings from HU's folder: those
/// files are inputs too, so a change in them is never answered from the cache.
#[test]
fn a_change_in_an_inherited_file_above_is_a_miss() {
    let cache = tempfile::tempdir().unwrap();
    let tree = tempfile::tempdir().unwrap();
    copy_dir(Path::new("tests/fixtures/tree"), tree.path());
    let lmu = tree.path().join("omu-nord/lmu-a");
    let args = ["agenda", "lmu-a-april"];
    let first = run(cache.path(), &lmu, &args);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        String::from_utf8_lossy(&first.stdout)
            .contains("Hvad er aktørskab for os på vores arbejdsplads?")
    );
    assert_eq!(entries(cache.path()).len(), 1);
    let findings = tree.path().join("hu/findings.yaml");
    let text = fs::read_to_string(&findings).unwrap();
    fs::write(
        &findings,
        text.replace("på vores arbejdsplads?", "hos os i hverdagen?"),
    )
    .unwrap();
    let second = run(cache.path(), &lmu, &args);
    assert_eq!(
        seen(&second),
        seen(&run_uncached(cache.path(), &lmu, &args))
    );
    assert!(
        String::from_utf8_lossy(&second.stdout)
            .contains("Hvad er aktørskab for os hos os i hverdagen?")
    );
    assert_eq!(
        entries(cache.path()).len(),
        2,
        "the changed file above is a new key"
    );
    // And the folder's entry is used: unchanged data is a hit (the same file, not a new one).
    let before: Vec<u64> = entries(cache.path()).iter().map(|e| inode(e)).collect();
    let third = run(cache.path(), &lmu, &args);
    assert_eq!(seen(&third), seen(&second));
    let after: Vec<u64> = entries(cache.path()).iter().map(|e| inode(e)).collect();
    assert_eq!(before, after, "a hit rewrites no entry");
}

/// Regression: a folder that names a `parent:` but keeps its own roadmap and findings is
/// checked against the parent's programme.yaml, which was not in the cache key; so a parent
/// renamed after the first run stayed hidden behind a cache hit. The programmes above are
/// inputs now: the second run reports the broken chain, as a run without the cache does.
#[test]
fn a_broken_parent_is_never_hidden_by_the_cache() {
    let cache = tempfile::tempdir().unwrap();
    let tree = tempfile::tempdir().unwrap();
    copy_dir(Path::new("tests/fixtures/tree"), tree.path());
    let lmu = tree.path().join("omu-nord/lmu-a");
    for file in ["roadmap.yaml", "findings.yaml"] {
        fs::copy(tree.path().join("hu").join(file), lmu.join(file)).unwrap();
    }
    let args = ["list", "meetings"];
    let first = run(cache.path(), &lmu, &args);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(entries(cache.path()).len(), 1);
    let parent = tree.path().join("omu-nord/programme.yaml");
    let text = fs::read_to_string(&parent).unwrap();
    fs::write(
        &parent,
        text.replace("committee: omu-nord", "committee: omu-nordvest"),
    )
    .unwrap();
    let second = run(cache.path(), &lmu, &args);
    assert_eq!(
        seen(&second),
        seen(&run_uncached(cache.path(), &lmu, &args))
    );
    assert_eq!(second.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&second.stderr)
            .contains("error: no folder of the committee `omu-nord` is found above this folder"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
}
