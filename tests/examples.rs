//! The examples/ folder: the CI jobs' medtrio commands run as written, on the fictional
//! municipality's data, and the starter set loads.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// Every shell line of a CI file that runs medtrio.
fn medtrio_lines(ci_file: &str) -> Vec<String> {
    let yaml: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string(ci_file).unwrap()).unwrap();
    let mut lines = Vec::new();
    fn walk(value: &serde_json::Value, lines: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) if s.starts_with("medtrio ") => lines.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, lines)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, lines)),
            _ => {}
        }
    }
    walk(&yaml, &mut lines);
    lines
}

/// Splits a command line the way the shell would for these simple lines.
fn words(line: &str) -> Vec<String> {
    line.replace("\"$(date +%F)\"", "2026-11-23")
        .split_whitespace()
        .skip(1)
        .map(str::to_owned)
        .collect()
}

fn run_ci_file(ci_file: &str, site: &str) {
    let repo = tempfile::tempdir().unwrap();
    fs::create_dir(repo.path().join("data")).unwrap();
    for name in ["programme", "roadmap", "findings", "cycle"] {
        fs::copy(
            Path::new("examples/havnekoebing").join(format!("{name}.yaml")),
            repo.path().join(format!("data/{name}.yaml")),
        )
        .unwrap();
    }
    // The attachments (bilag) the example's agendas name.
    fs::create_dir_all(repo.path().join("data").join("bilag")).unwrap();
    for entry in fs::read_dir("examples/havnekoebing/bilag").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(
            &path,
            repo.path()
                .join("data")
                .join("bilag")
                .join(path.file_name().unwrap()),
        )
        .unwrap();
    }
    let lines = medtrio_lines(ci_file);
    assert!(lines.len() >= 2, "{ci_file}: {lines:?}");
    for line in &lines {
        let out = Command::cargo_bin("medtrio")
            .unwrap()
            .current_dir(repo.path())
            .env_remove("MEDTRIO_DATA")
            .args(words(line))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{ci_file}: `{line}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(repo.path().join(site).join("index.html").is_file());
    assert!(
        repo.path()
            .join(site)
            .join("agendas/lmu-april.html")
            .is_file()
    );
}

#[test]
fn the_github_actions_workflow_runs() {
    run_ci_file("examples/ci/github-actions.yml", "site");
}

#[test]
fn the_gitlab_job_runs() {
    run_ci_file("examples/ci/gitlab-ci.yml", "public");
}

#[test]
fn github_annotations_point_at_the_file_and_line() {
    let out = Command::cargo_bin("medtrio")
        .unwrap()
        .args([
            "--data",
            "tests/fixtures/broken",
            "validate",
            "--format",
            "github",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("::error file=tests/fixtures/broken/programme.yaml,line=13,col=13::expected a single value here"), "{text}");
}

#[test]
fn the_fictional_municipality_works_end_to_end() {
    for args in [
        vec!["validate"],
        vec!["list", "meetings"],
        vec!["agenda", "lmu-marts", "--format", "html"],
        vec!["calendar"],
        vec!["prompts", "--format", "cards"],
        vec!["prep", "aktoerskab"],
    ] {
        let out = Command::cargo_bin("medtrio")
            .unwrap()
            .args(["--data", "examples/havnekoebing"])
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
    }
}

/// docs/commands.md shows the filled minutes of the loop; they are the example's file, word for word
/// (without its comment lines), so that the transcripts after it speak of what is shown.
#[test]
fn the_readme_shows_the_example_minutes_as_they_are() {
    let readme = fs::read_to_string("docs/commands.md").unwrap();
    let start = readme
        .find("```yaml\nversion: 1\nmeeting: lmu-marts\n")
        .expect("docs/commands.md shows the minutes of lmu-marts");
    let block = &readme[start + "```yaml\n".len()..];
    let block = &block[..block.find("```").unwrap()];
    let file = fs::read_to_string("examples/havnekoebing/minutes/lmu-marts.yaml").unwrap();
    let without_comments: String = file
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(block, without_comments);
}

/// The CI files build medtrio from a pinned submodule (medtrio is in no registry), cache the
/// build per commit, and validate before they export.
#[test]
fn the_ci_files_build_medtrio_from_a_pinned_submodule_and_cache_it() {
    let github: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string("examples/ci/github-actions.yml").unwrap())
            .unwrap();
    let steps = github["jobs"]["build"]["steps"].as_array().unwrap();
    let step = |text: &str| {
        steps
            .iter()
            .position(|s| serde_json::to_string(s).unwrap().contains(text))
            .unwrap_or_else(|| panic!("no step with {text}"))
    };
    assert_eq!(steps[step("actions/checkout")]["with"]["submodules"], true);
    let cache = &steps[step("actions/cache")];
    assert_eq!(cache["with"]["path"], ".medtrio");
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("steps.medtrio.outputs.rev")
    );
    let build = step("cargo install --locked --path medtrio --root .medtrio");
    assert_eq!(
        steps[build]["if"],
        "steps.cache.outputs.cache-hit != 'true'"
    );
    assert!(step("git rev-parse HEAD:medtrio") < step("actions/cache"));
    assert!(build < step("validate --format github"));
    assert!(step("validate --format github") < step("export --out site"));

    let gitlab: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string("examples/ci/gitlab-ci.yml").unwrap()).unwrap();
    assert_eq!(gitlab["variables"]["GIT_SUBMODULE_STRATEGY"], "recursive");
    assert_eq!(gitlab["default"]["cache"]["paths"][0], ".medtrio/");
    let before = serde_json::to_string(&gitlab["default"]["before_script"]).unwrap();
    assert!(
        before.contains("cargo install --locked --path medtrio --root .medtrio"),
        "{before}"
    );
    assert!(before.contains("git rev-parse HEAD:medtrio"), "{before}");
    // Nothing installs medtrio from a registry, where it is not.
    for file in [
        "examples/ci/github-actions.yml",
        "examples/ci/gitlab-ci.yml",
    ] {
        assert!(
            !fs::read_to_string(file)
                .unwrap()
                .contains("cargo install --locked medtrio")
        );
    }
}
