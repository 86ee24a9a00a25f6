//! Hardening III: a shared data folder as an attacker would write it. Each test is named after
//! what a hostile file did before (issue #30), on data that reaches it, with the exact message.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs medtrio in `cwd` with no cache and a fixed day; exit code, stdout, stderr.
fn run_in(cwd: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("medtrio")
        .unwrap()
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("MEDTRIO_NO_CACHE", "1")
        .env("SECRET_TOKEN_OF_THE_CI", "hunter2")
        .args(["--today", "2026-11-23"])
        .args(args)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

// --- 1. Secrets -------------------------------------------------------------------------------

#[test]
fn a_roadmap_linked_to_proc_self_environ_put_the_environment_in_the_ci_log() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), &tmp.path().join("d"));
    fs::remove_file(tmp.path().join("d/roadmap.yaml")).unwrap();
    symlink("/proc/self/environ", tmp.path().join("d/roadmap.yaml")).unwrap();
    let (code, _, stderr) = run_in(tmp.path(), &["--data", "d", "validate"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "d/roadmap.yaml: error: this is a link that leads out of the data folder; medtrio reads no file outside it\n  = help: put the file itself here, or a link to a file inside the data folder\nerror: the data has 1 error\n"
    );
    assert!(!stderr.contains("hunter2"));
}

#[test]
fn a_cycle_linked_outside_the_data_folder_was_read_and_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), &tmp.path().join("d"));
    fs::write(tmp.path().join("secret.yaml"), "password: hunter2\n").unwrap();
    symlink(
        tmp.path().join("secret.yaml"),
        tmp.path().join("d/cycle.yaml"),
    )
    .unwrap();
    let (code, _, stderr) = run_in(tmp.path(), &["--data", "d", "validate"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "d/cycle.yaml: error: this is a link that leads out of the data folder; medtrio reads no file outside it\n  = help: put the file itself here, or a link to a file inside the data folder\nerror: the data has 1 error\n"
    );
}

#[test]
fn a_link_that_stays_inside_the_data_folder_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("d");
    copy_dir(&fixture("minimal"), &d);
    fs::create_dir(d.join("shared")).unwrap();
    fs::rename(d.join("findings.yaml"), d.join("shared/findings.yaml")).unwrap();
    symlink("shared/findings.yaml", d.join("findings.yaml")).unwrap();
    let (code, stdout, stderr) = run_in(tmp.path(), &["--data", "d", "validate"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("ok: d:"), "{stdout}");
}

// --- 2. Text inert ----------------------------------------------------------------------------

/// The hostile fixture with workflow commands and escape sequences in its titles.
fn commands_in_titles(root: &Path) -> PathBuf {
    let d = root.join("h");
    copy_dir(&fixture("hostile"), &d);
    let text = fs::read_to_string(d.join("programme.yaml")).unwrap();
    let text = text
        .replace(
            "title: \"<script>alert('item')</script>\"",
            "title: \"::error title=x::item \\e[31mred ##[error]y\"",
        )
        .replace(
            "title: \"<script>alert('meeting y')</script>\"",
            "title: \"  ::warning::meeting\\e]0;title\\a\"",
        );
    fs::write(d.join("programme.yaml"), text).unwrap();
    d
}

/// Whether a line of output would make the GitHub runner act (`::` at its start after
/// spaces, `##[` anywhere) or a terminal (an escape or other control character).
fn acted_on(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| {
            l.trim_start().starts_with("::")
                || l.contains("##[")
                || l.chars().any(|c| c.is_control() && c != '\t')
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_title_starting_with_error_commands_reached_the_start_of_a_line_in_every_text_format() {
    let tmp = tempfile::tempdir().unwrap();
    let d = commands_in_titles(tmp.path());
    let data = d.to_str().unwrap();
    for command in [
        ["agenda", "m-x", "--format", "txt"].as_slice(),
        &["agenda", "m-x", "--format", "md"],
        &["agenda", "m-y", "--format", "txt"],
        &["agenda", "m-x", "--format", "json"],
        &["prep", "m-x", "--format", "txt"],
        &["prep", "m-x", "--format", "md"],
        &["minutes", "m-y", "--format", "txt"],
        &["minutes", "m-y", "--format", "md"],
        &["list", "meetings"],
        &["list", "meetings", "--format", "md"],
        &["list", "meetings", "--format", "json"],
        &["list", "meetings", "--format", "csv"],
        &["agenda", "m-x", "--format", "html"],
        &["show", "m-y"],
        &["week", "--format", "txt"],
        &["prompts", "--format", "txt"],
    ] {
        let (code, stdout, stderr) = run_in(tmp.path(), &[&["--data", data], command].concat());
        assert_eq!(code, Some(0), "{command:?}: {stderr}");
        assert_eq!(acted_on(&stdout), Vec::<String>::new(), "{command:?}");
        assert_eq!(acted_on(&stderr), Vec::<String>::new(), "{command:?}");
    }
    let (_, txt, _) = run_in(
        tmp.path(),
        &["--data", data, "minutes", "m-y", "--format", "txt"],
    );
    assert!(
        txt.contains("\u{200b}::warning::meeting␛]0;title␇"),
        "the text is kept, made inert: {txt}"
    );
    let (_, json, _) = run_in(
        tmp.path(),
        &["--data", data, "agenda", "m-x", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["items"][0]["title"], "::error title=x::item \u{1b}[31mred ##[error]y",
        "JSON readers read the text back whole"
    );
}

#[test]
fn a_rollup_in_text_carried_commands_from_a_decision() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("tree");
    copy_dir(&fixture("tree"), &root);
    // A decision the rollup quotes, long enough that a wrapped line starts with `::`.
    let p = root.join("omu-nord/lmu-a/minutes/lmu-a-april.yaml");
    let hostile = "ord ::error::x ".repeat(30) + "\\e[2J ##[warning]y";
    let text = fs::read_to_string(&p)
        .unwrap()
        .replace("Vi bytter selv vagter, når en kollega mangler.", &hostile);
    assert!(text.contains("##[warning]"));
    fs::write(&p, text).unwrap();
    for format in ["txt", "md"] {
        let (_, stdout, stderr) = run_in(
            tmp.path(),
            &["rollup", root.to_str().unwrap(), "--format", format],
        );
        assert_eq!(
            acted_on(&stdout),
            Vec::<String>::new(),
            "{format}: {stderr}"
        );
        assert_eq!(acted_on(&stderr), Vec::<String>::new(), "{format}");
        assert!(
            stdout.contains("␛"),
            "{format}: the decision is in the rollup: {stdout}"
        );
    }
}

#[test]
fn a_quoted_line_with_an_escape_reached_the_terminal_in_a_message() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().join("d");
    copy_dir(&fixture("minimal"), &d);
    let mut text = fs::read_to_string(d.join("programme.yaml")).unwrap();
    text.push_str("\u{1b}[31mbogus: ##[error]x\n");
    fs::write(d.join("programme.yaml"), text).unwrap();
    let (code, _, stderr) = run_in(tmp.path(), &["--data", "d", "validate"]);
    assert_eq!(code, Some(1));
    assert_eq!(acted_on(&stderr), Vec::<String>::new(), "{stderr}");
    assert!(
        stderr.contains("␛[31mbogus: ##\u{200b}[error]x"),
        "{stderr}"
    );
}

// --- 3. The tree never leaves ROOT ------------------------------------------------------------

#[test]
fn rollup_followed_a_link_to_a_committee_folder_elsewhere_and_to_usr() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("tree");
    copy_dir(&fixture("tree"), &root);
    let elsewhere = tmp.path().join("elsewhere/lmu-x");
    copy_dir(&fixture("tree/omu-nord/lmu-b"), &elsewhere);
    let p = elsewhere.join("programme.yaml");
    let text = fs::read_to_string(&p).unwrap().replace("lmu-b", "lmu-x");
    fs::write(&p, text).unwrap();
    symlink(&elsewhere, root.join("omu-nord/lmu-x")).unwrap();
    symlink("/usr", root.join("usr")).unwrap();
    let (code, stdout, stderr) = run_in(&root, &["rollup", ".", "--format", "csv"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "omu-nord/lmu-x: error: this is a link to a folder outside the tree; medtrio reads no folder outside ROOT\n  = help: move the committee's folder into the tree, or give ROOT the folder that holds them all\nusr: error: this is a link to a folder outside the tree; medtrio reads no folder outside ROOT\n  = help: move the committee's folder into the tree, or give ROOT the folder that holds them all\nerror: 2 of 6 folders have errors and are left out of the report\n  = help: fix the errors above, then run rollup again\n"
    );
    assert!(!stdout.contains("lmu-x"), "{stdout}");
}

// --- 4. Sizes are claims, and 7. names inside a package ------------------------------------

/// A reference .docx: medtrio's own Word output, with `edit` applied to its zip.
fn reference(dir: &Path, name: &str, edit: impl Fn(&mut zip::ZipWriter<fs::File>)) -> PathBuf {
    let plain = dir.join("plain.docx");
    if !plain.exists() {
        let (code, _, stderr) = run_in(
            dir,
            &["agenda", "temamoede-1", "-o", plain.to_str().unwrap()],
        );
        assert_eq!(code, Some(0), "{stderr}");
    }
    let path = dir.join(name);
    let mut source = zip::ZipArchive::new(fs::File::open(&plain).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..source.len() {
        let mut file = source.by_index(i).unwrap();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut data).unwrap();
        let name = file.name().to_owned();
        if name == "word/styles.xml" && path.ends_with("deep.docx") {
            data = format!(
                "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{}{}</w:styles>",
                "<a>".repeat(200_000),
                "</a>".repeat(200_000)
            )
            .into_bytes();
        }
        out.start_file(name, options).unwrap();
        std::io::Write::write_all(&mut out, &data).unwrap();
    }
    edit(&mut out);
    out.finish().unwrap();
    path
}

fn with_reference(dir: &Path, reference: &Path) -> (Option<i32>, String) {
    let (code, _, stderr) = run_in(
        dir,
        &[
            "--reference-docx",
            reference.to_str().unwrap(),
            "agenda",
            "temamoede-1",
            "-o",
            dir.join("out.docx").to_str().unwrap(),
            "--force",
        ],
    );
    (code, stderr.replace(&dir.display().to_string(), "[DIR]"))
}

const REFERENCE_HELP: &str = "  = help: give --reference-docx a Word document (.docx or .dotx); `medtrio init DIR` writes a plain one\n";

#[test]
fn a_reference_zip_bomb_was_unpacked_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let bomb = reference(tmp.path(), "bomb.docx", |z| {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/media/big.bin", options).unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..100 {
            std::io::Write::write_all(z, &zeros).unwrap();
        }
    });
    assert!(fs::metadata(&bomb).unwrap().len() < 1024 * 1024);
    assert_eq!(
        with_reference(tmp.path(), &bomb),
        (
            Some(1),
            format!(
                "error: the reference document cannot be used: it unpacks to more than 64 MiB; a reference document holds styles, a header and a footer\n{REFERENCE_HELP}"
            )
        )
    );
}

#[test]
fn a_reference_part_claiming_a_huge_size_aborted_the_process() {
    let tmp = tempfile::tempdir().unwrap();
    let plain = reference(tmp.path(), "copy.docx", |_| {});
    let mut bytes = fs::read(&plain).unwrap();
    // The central directory's uncompressed size of the first part: 4 GiB.
    let at = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bytes[at + 24..at + 28].copy_from_slice(&[0xfe, 0xff, 0xff, 0xff]);
    let huge = tmp.path().join("huge.docx");
    fs::write(&huge, bytes).unwrap();
    let (code, stderr) = with_reference(tmp.path(), &huge);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("memory"),
        "{stderr}"
    );
}

#[test]
fn a_reference_styles_xml_nested_200000_deep_overflowed_the_stack() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = reference(tmp.path(), "deep.docx", |_| {});
    assert_eq!(
        with_reference(tmp.path(), &deep),
        (
            Some(1),
            format!(
                "error: the reference document cannot be used: `word/styles.xml` nests its XML more than 256 levels deep\n{REFERENCE_HELP}"
            )
        )
    );
}

#[test]
fn a_reference_part_named_dot_dot_evil_was_copied_into_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = reference(tmp.path(), "evil.docx", |z| {
        z.start_file("../../evil.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(z, b"evil").unwrap();
    });
    assert_eq!(
        with_reference(tmp.path(), &evil),
        (
            Some(1),
            format!(
                "error: the reference document cannot be used: it has a part named `../../evil.txt`, which is not a path inside the package\n{REFERENCE_HELP}"
            )
        )
    );
    assert!(!tmp.path().join("out.docx").exists());
}

#[test]
fn a_fifo_as_reference_docx_hung_every_command_even_list() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("ref.docx");
    mkfifo(&fifo);
    let (code, stdout, stderr) = run_in(
        tmp.path(),
        &["--reference-docx", "ref.docx", "list", "meetings"],
    );
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("temamoede-1"));
    assert_eq!(
        with_reference(tmp.path(), &fifo),
        (
            Some(1),
            format!(
                "error: the reference document `[DIR]/ref.docx` is a named pipe (FIFO), not a regular file\n{REFERENCE_HELP}"
            )
        )
    );
}

// --- 4. Cache entries -------------------------------------------------------------------------

/// Runs `validate` on a copy of the minimal set with the cache in `cache` and every input
/// cached; gives the one entry's path.
fn cached(tmp: &Path) -> (PathBuf, PathBuf) {
    let d = tmp.join("d");
    copy_dir(&fixture("minimal"), &d);
    let cache = tmp.join("cache");
    let validate = |d: &Path| {
        Command::cargo_bin("medtrio")
            .unwrap()
            .env("MEDTRIO_CACHE_DIR", &cache)
            .env("MEDTRIO_CACHE_MIN_BYTES", "0")
            .env_remove("MEDTRIO_NO_CACHE")
            .args(["--today", "2026-11-23", "--data"])
            .arg(d)
            .arg("validate")
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap()
    };
    assert!(validate(&d).status.success());
    let entry = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with(".medtrio-cache"))
        .unwrap();
    (d, entry)
}

fn validate_cached(tmp: &Path, d: &Path) -> std::process::Output {
    Command::cargo_bin("medtrio")
        .unwrap()
        .env("MEDTRIO_CACHE_DIR", tmp.join("cache"))
        .env("MEDTRIO_CACHE_MIN_BYTES", "0")
        .args(["--today", "2026-11-23", "--data"])
        .arg(d)
        .arg("validate")
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap()
}

#[test]
fn a_fifo_as_a_cache_entry_hung_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, entry) = cached(tmp.path());
    fs::remove_file(&entry).unwrap();
    mkfifo(&entry);
    let out = validate_cached(tmp.path(), &d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_sparse_cache_entry_claiming_1_tib_aborted_the_process() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, entry) = cached(tmp.path());
    let mut header = fs::read(&entry).unwrap()[..64].to_vec();
    let tib: u64 = 1 << 40;
    header[32..40].copy_from_slice(&tib.to_le_bytes());
    let file = fs::File::create(&entry).unwrap();
    std::io::Write::write_all(&mut &file, &header).unwrap();
    file.set_len(64 + tib).unwrap();
    let started = std::time::Instant::now();
    let out = validate_cached(tmp.path(), &d);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(started.elapsed() < Duration::from_secs(20));
    // A 2 GiB sparse entry is not read through either.
    let file = fs::OpenOptions::new().write(true).open(&entry).unwrap();
    file.set_len(2 << 30).unwrap();
    let out = validate_cached(tmp.path(), &d);
    assert!(out.status.success());
}

#[test]
fn the_cache_clean_up_deleted_files_medtrio_did_not_make() {
    let tmp = tempfile::tempdir().unwrap();
    let (d, _) = cached(tmp.path());
    let cache = tmp.path().join("cache");
    let foreign = [
        ".tmp-notes.txt",
        ".medtrio-cache-tmp-forged",
        "thesis.medtrio-cache",
    ];
    let old = std::time::SystemTime::now() - Duration::from_secs(7200);
    for name in foreign {
        fs::write(cache.join(name), "not medtrio's").unwrap();
        fs::File::options()
            .write(true)
            .open(cache.join(name))
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    // A change, so that the run stores a new entry and cleans up.
    let p = d.join("findings.yaml");
    let mut text = fs::read_to_string(&p).unwrap();
    text.push_str("# changed\n");
    fs::write(&p, text).unwrap();
    assert!(validate_cached(tmp.path(), &d).status.success());
    for name in foreign {
        assert!(cache.join(name).exists(), "{name} was deleted");
    }
}

// --- 5. Writes outside ------------------------------------------------------------------------

#[test]
fn minutes_id_wrote_through_a_minutes_folder_linked_outside() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), &tmp.path().join("d"));
    fs::create_dir(tmp.path().join("outside")).unwrap();
    symlink(tmp.path().join("outside"), tmp.path().join("d/minutes")).unwrap();
    let (code, _, stderr) = run_in(tmp.path(), &["--data", "d", "minutes", "lmu-marts"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: `d/minutes/lmu-marts.yaml` would be written outside the data folder: `d/minutes` is a link that leads out of it\n  = help: medtrio writes a data folder's files only inside it; make the link a folder of its own, or give --data the folder it leads to\n"
    );
    assert_eq!(fs::read_dir(tmp.path().join("outside")).unwrap().count(), 0);
}

#[test]
fn plan_wrote_through_a_local_folder_linked_outside() {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), &tmp.path().join("d"));
    fs::create_dir(tmp.path().join("outside")).unwrap();
    symlink(tmp.path().join("outside"), tmp.path().join("d/local")).unwrap();
    let (code, _, stderr) = run_in(
        tmp.path(),
        &[
            "--data",
            "d",
            "plan",
            "--meeting",
            "blank",
            "--forum",
            "lmu-testhuset",
            "--title",
            "Ekstra",
            "--date",
            "2026-12-01",
            "--start",
            "13:00",
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr,
        "error: `d/local/lmu-testhuset-2026-12-01.yaml` would be written outside the data folder: `d/local` is a link that leads out of it\n  = help: medtrio writes a data folder's files only inside it; make the link a folder of its own, or give --data the folder it leads to\n"
    );
    assert_eq!(fs::read_dir(tmp.path().join("outside")).unwrap().count(), 0);
}

// --- 6. Templates -----------------------------------------------------------------------------

#[test]
fn a_template_over_1_mib_was_cut_without_a_word() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    fs::create_dir(&templates).unwrap();
    let base =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"))
            .unwrap();
    let logo = format!("<!-- {} -->", "x".repeat(1024 * 1024));
    fs::write(templates.join("base.html"), format!("{logo}{base}")).unwrap();
    let (code, _, stderr) = run_in(
        tmp.path(),
        &[
            "--templates",
            "templates",
            "agenda",
            "temamoede-1",
            "--format",
            "html",
        ],
    );
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("is larger than 1 MiB, the most a template may be"),
        "{stderr}"
    );
}

#[test]
fn a_template_writing_10_gb_ran_until_it_was_killed() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    fs::create_dir(&templates).unwrap();
    // 16 MiB a round, 640 rounds: 10 GiB, within the template's fuel.
    let doubling = "{% set s = s ~ s %}".repeat(24);
    fs::write(
        templates.join("agenda.html"),
        format!(
            "{{% set s = \"x\" %}}{doubling}{{% for i in range(640) %}}{{{{ s }}}}{{% endfor %}}"
        ),
    )
    .unwrap();
    let out = Command::cargo_bin("medtrio")
        .unwrap()
        .current_dir(tmp.path())
        .env("MEDTRIO_MAX_PAGE_MB", "64")
        .args([
            "--templates",
            "templates",
            "agenda",
            "temamoede-1",
            "-o",
            "a.html",
        ])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: agenda.html: the template cannot be rendered: the page would be larger than 64 MiB, the most a page may be; a template that writes without end is stopped\n  = help: check the template given with --templates; the built-in ones are in templates/ of medtrio's source\n"
    );
    assert!(!tmp.path().join("a.html").exists());
}

// --- 9. The cache after a parent's programme breaks ----------------------------------------

#[test]
fn the_cache_answered_stale_after_a_parents_programme_broke() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("tree");
    copy_dir(&fixture("tree"), &root);
    let lmu = root.join("omu-nord/lmu-a");
    let parent = root.join("omu-nord/programme.yaml");
    let good = fs::read_to_string(&parent).unwrap();
    let run = |cached: bool| {
        let mut cmd = Command::cargo_bin("medtrio").unwrap();
        cmd.env("MEDTRIO_CACHE_DIR", tmp.path().join("cache"))
            .env("MEDTRIO_CACHE_MIN_BYTES", "0")
            .env("NO_COLOR", "1")
            .args(["--today", "2026-11-23", "--data"])
            .arg(&lmu)
            .args(["list", "meetings", "--format", "csv"])
            .timeout(Duration::from_secs(30));
        if !cached {
            cmd.arg("--no-cache");
        }
        let out = cmd.output().unwrap();
        (
            out.status.code(),
            out.stdout,
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let breakages: [(&str, &dyn Fn()); 3] = [
        ("not YAML any more", &|| {
            fs::write(
                &parent,
                good.replace("committee: omu-nord", "committee: [omu-nord"),
            )
            .unwrap()
        }),
        ("a link to /proc/self/environ", &|| {
            fs::remove_file(&parent).unwrap();
            symlink("/proc/self/environ", &parent).unwrap();
        }),
        ("a FIFO", &|| {
            fs::remove_file(&parent).unwrap();
            mkfifo(&parent);
        }),
    ];
    for (what, break_it) in breakages {
        let _ = fs::remove_file(&parent);
        fs::write(&parent, &good).unwrap();
        let first = run(true);
        assert_eq!(first.0, Some(0), "{}", first.2);
        break_it();
        let cached = run(true);
        assert_eq!(cached, run(false), "the parent's programme is {what}");
        assert_ne!(
            cached, first,
            "the parent's programme is {what}: the answer changes"
        );
    }
}
