//! `medtrio rollup`: the report upward from the example tree examples/kommune. Its JSON is a
//! published contract, its HTML is valid HTML5, and two runs give the same bytes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::medtrio;
use html5ever::tendril::TendrilSink;

const TREE: &str = "examples/kommune";

fn rollup(args: &[&str]) -> (i32, String, String) {
    let out = medtrio()
        .args(["--today", "2026-11-23", "--no-cache", "rollup"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = rollup(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn the_rollup_json_validates_against_its_published_schema() {
    let published: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("schemas/rollup.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&published).unwrap();
    for args in [
        &[TREE, "--format", "json"][..],
        &[TREE, "--format", "json", "--theme", "aktoerskab"],
        &[TREE, "--format", "json", "--under", "omu-boern"],
    ] {
        let value = json(args);
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
    // The schema can fail: counts that are not numbers do not pass.
    let mut broken = json(&[TREE, "--format", "json"]);
    broken["counts"]["meetings_held"] = "fem".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn the_committed_rollup_schema_is_what_medtrio_prints() {
    let out = medtrio().args(["schema", "rollup"]).output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        fs::read_to_string("schemas/rollup.schema.json").unwrap(),
        "run `medtrio schema rollup > schemas/rollup.schema.json`"
    );
}

#[test]
fn two_runs_give_the_same_bytes_in_every_format() {
    for format in ["md", "txt", "html", "json", "csv"] {
        let first = rollup(&[TREE, "--format", format]);
        let second = rollup(&[TREE, "--format", format]);
        assert_eq!(first, second, "{format}");
        assert!(!first.1.is_empty(), "{format}");
    }
}

#[test]
fn the_html_is_valid_html5() {
    for args in [&[TREE][..], &[TREE, "--under", "omu-sundhed"]] {
        let mut args = args.to_vec();
        args.extend(["--format", "html"]);
        let (code, html, err) = rollup(&args);
        assert_eq!(code, 0, "{err}");
        let dom =
            html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default())
                .from_utf8()
                .read_from(&mut html.as_bytes())
                .unwrap();
        let errors: Vec<String> = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(html.contains("<html lang=\"da-DK\">"));
    }
}

#[test]
fn the_figures_count_what_the_example_holds() {
    let v = json(&[TREE, "--format", "json", "--theme", "aktoerskab"]);
    let c = &v["counts"];
    assert_eq!(c["committees"], 9);
    assert_eq!(c["committees_reached"], 5);
    assert_eq!(c["meetings_held"], 5);
    assert_eq!(c["actions_open"], 3);
    assert_eq!(c["actions_done"], 3);
    assert_eq!(c["actions_overdue"], 2);
    assert_eq!(v["stories"].as_array().unwrap().len(), 2);
    // A theme no LMU Familiehuset or Sundhedshuset met on: they have not, and say so.
    let theme = &v["themes"][0];
    assert_eq!(theme["id"], "aktoerskab");
    assert_eq!(
        theme["not_yet"],
        serde_json::json!(["lmu-familiehuset", "lmu-sundhedshuset"])
    );
}

#[test]
fn unknown_stays_unknown_past_is_not_overdue_and_postponed_moves() {
    let v = json(&[TREE, "--format", "json"]);
    let state = |id: &str| {
        v["activities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["state"].as_str().unwrap().to_owned())
            .unwrap()
    };
    // The seed gives no status: a past activity is past, with nothing recorded.
    assert_eq!(state("dialog-omu-adm"), "past");
    assert_eq!(state("dir-seminar-2025"), "held");
    assert_eq!(state("dialog-omu-sundhed"), "held");
    assert_eq!(state("dialog-omu-boern"), "postponed");
    assert!(
        v["activities"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["state"] != "overdue")
    );
}

#[test]
fn under_an_omu_reports_that_omu_and_its_lmus_only() {
    let v = json(&[TREE, "--format", "json", "--under", "omu-boern"]);
    let ids: Vec<&str> = v["committees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "omu-boern",
            "lmu-dagplejen",
            "lmu-familiehuset",
            "lmu-havblik"
        ]
    );
    assert_eq!(v["committees"][0]["depth"], 0);
}

#[test]
fn a_broken_folder_is_left_out_and_the_rest_reported_with_exit_1() {
    let (code, out, err) = rollup(&["tests/fixtures/tree-broken", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(
        err.starts_with("omu-nord/lmu-b/programme.yaml:15:5: error: unknown field `plads`"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["broken"][0]["folder"], "omu-nord/lmu-b");
    assert_eq!(v["committees"].as_array().unwrap().len(), 3);
}

#[test]
fn a_root_that_is_no_folder_is_a_usage_error() {
    let (code, _, err) = rollup(&["tests/fixtures/no-such-tree"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: the folder `tests/fixtures/no-such-tree` does not exist\n  = help: give rollup the folder that holds the committees' data folders, e.g. `medtrio rollup examples/kommune`\n"
    );
    let empty = tempfile::tempdir().unwrap();
    let (code, _, err) = rollup(&[empty.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: no committee's folder is found in `"),
        "{err}"
    );
    assert!(err.ends_with(
        "`\n  = help: a committee's folder holds a programme.yaml; `medtrio init DIR` makes one\n"
    ));
}

#[test]
fn an_unknown_theme_is_the_usual_usage_error() {
    let (code, _, err) = rollup(&[TREE, "--theme", "aktorskab"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: unknown theme `aktorskab`\n  = help: did you mean `aktoerskab`?"),
        "{err}"
    );
}

#[test]
fn every_folder_of_the_example_tree_validates_against_the_schemas() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(TREE), &mut files);
    assert!(files.len() >= 20);
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let parent = path
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let schema = match (parent, name) {
            ("minutes", _) => "minutes",
            ("local", _) => "local",
            (_, n) => n.trim_end_matches(".yaml"),
        };
        let schema: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(format!("schemas/{schema}.schema.json")).unwrap(),
        )
        .unwrap();
        let yaml: serde_json::Value =
            serde_saphyr::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&yaml)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

fn export_tree(root: &str, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let run = medtrio()
        .args([
            "--today",
            "2026-11-23",
            "--no-cache",
            "export",
            "--tree",
            root,
        ])
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    (
        run.status.code().unwrap_or(-1),
        String::from_utf8(run.stdout).unwrap(),
        String::from_utf8(run.stderr).unwrap(),
    )
}

/// Every file under `dir`, relative to it, with its bytes.
fn files_of(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path.strip_prefix(root).unwrap().display().to_string();
                out.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

#[test]
fn export_of_a_tree_writes_each_committee_s_site_and_the_rollup_as_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let (code, stdout, stderr) = export_tree(TREE, &out, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("exported the rollup of 9 committees (index.html, json and csv) and each committee's site ("),
        "{stdout}"
    );
    // A note that every committee shares (the inherited dialogue meetings have no agenda) is
    // told once, not once per committee.
    let note = "note: no agenda for `dialog-omu-adm`: `dialog-omu-adm` has no agenda items and no template";
    assert_eq!(stderr.matches(note).count(), 1, "{stderr}");

    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(common::html5_errors(&index), Vec::<String>::new());
    // Each committee of the rollup links to its own site, and that site is there, with its
    // agendas; the root's JSON is the rollup's, without the links.
    let rollup: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("rollup.json")).unwrap()).unwrap();
    let committees = rollup["committees"].as_array().unwrap();
    assert_eq!(committees.len(), 9);
    for c in committees {
        let folder = c["folder"].as_str().unwrap();
        assert!(c.get("page").is_none(), "{c}");
        let href = format!("{folder}/index.html");
        // minijinja escapes `/` in HTML as `&#x2f;`, which every browser reads as `/`.
        let escaped = href.replace('/', "&#x2f;");
        assert!(index.contains(&format!("<a href=\"{escaped}\">")), "{href}");
        let page = fs::read_to_string(out.join(&href)).unwrap();
        assert_eq!(common::html5_errors(&page), Vec::<String>::new(), "{href}");
        assert!(out.join(folder).join("calendar.ics").is_file(), "{folder}");
    }
    assert!(
        out.join("omu-sundhed/lmu-solhaven/agendas")
            .read_dir()
            .unwrap()
            .next()
            .is_some()
    );
    // The manifest lists every file written, so that --force replaces exactly those.
    let manifest = fs::read_to_string(out.join(".medtrio-export")).unwrap();
    let listed: std::collections::BTreeSet<&str> = manifest.lines().collect();
    let written = files_of(&out);
    let on_disk: std::collections::BTreeSet<&str> = written
        .keys()
        .map(String::as_str)
        .filter(|n| *n != ".medtrio-export")
        .collect();
    assert_eq!(listed, on_disk);

    // Two runs give the same bytes.
    let (code, _, stderr) = export_tree(TREE, &out, &["--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(files_of(&out), written);
}

#[test]
fn export_of_a_tree_with_a_broken_folder_writes_the_rest_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let (code, stdout, stderr) = export_tree("tests/fixtures/tree-broken", &out, &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stderr.contains("omu-nord/lmu-b/programme.yaml:15:5: error: unknown field `plads`"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with(
            "error: 1 of 4 folders has errors and is left out of the export\n  = help: fix the errors above, then run the export again\n"
        ),
        "{stderr}"
    );
    assert!(out.join("omu-nord/lmu-a/index.html").is_file());
    assert!(!out.join("omu-nord/lmu-b").exists());
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("omu-nord&#x2f;lmu-b"),
        "the broken folder is named"
    );
}

#[test]
fn export_of_a_tree_refuses_a_root_that_is_no_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = export_tree("no/such/tree", &dir.path().join("site"), &[]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: the folder `no/such/tree` does not exist\n  = help: give --tree the folder that holds the committees' data folders, e.g. `medtrio export --tree examples/kommune --out site`\n"
    );
}
