//! Schemas, completions, man page and `init`, as the tools around medtrio use them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::fs;
use std::path::Path;

use common::medtrio;

fn stdout_of(args: &[&str]) -> String {
    let out = medtrio().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn schema(file: &str) -> serde_json::Value {
    serde_json::from_str(&stdout_of(&["schema", file])).unwrap()
}

/// A YAML file as JSON, the way a schema validator in an editor sees it.
fn yaml_as_json(path: &Path) -> serde_json::Value {
    serde_saphyr::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

fn schema_errors(schema: &serde_json::Value, instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schemas_are_what_medtrio_prints() {
    for file in [
        "programme",
        "roadmap",
        "findings",
        "local",
        "cycle",
        "members",
        "minutes",
        "referat",
    ] {
        let committed = fs::read_to_string(format!("schemas/{file}.schema.json")).unwrap();
        assert_eq!(
            committed,
            stdout_of(&["schema", file]),
            "schemas/{file}.schema.json is stale: run `medtrio schema {file} > schemas/{file}.schema.json`"
        );
    }
}

#[test]
fn every_data_set_validates_against_its_schema() {
    for dir in [
        "data",
        "examples/havnekoebing",
        "examples/starter",
        "tests/fixtures/minimal",
    ] {
        for file in ["programme", "roadmap", "findings"] {
            let errors = schema_errors(
                &schema(file),
                &yaml_as_json(Path::new(&format!("{dir}/{file}.yaml"))),
            );
            assert!(errors.is_empty(), "{dir}/{file}.yaml: {errors:#?}");
        }
    }
}

#[test]
fn every_minutes_file_validates_against_its_schema() {
    let mut seen = 0;
    for dir in [
        "examples/havnekoebing/minutes",
        "tests/fixtures/minutes/minutes",
    ] {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let errors = schema_errors(&schema("minutes"), &yaml_as_json(&path));
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 3, "only {seen} minutes files");
}

#[test]
fn the_minutes_schema_refuses_what_medtrio_refuses() {
    let mut minutes = yaml_as_json(Path::new("examples/havnekoebing/minutes/lmu-marts.yaml"));
    minutes["actions"][0]["status"] = "closed".into();
    minutes["actions"][1]["id"] = "Ugeplan 1".into();
    minutes["items"][0]["decison"] = "Godkendt".into();
    minutes["approved"]["date"] = "i går".into();
    let errors = schema_errors(&schema("minutes"), &minutes);
    assert_eq!(errors.len(), 4, "{errors:#?}");
}

/// The referat's JSON is a contract, published as schemas/referat.schema.json.
#[test]
fn the_referat_json_validates_against_its_published_schema() {
    let published: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("schemas/referat.schema.json").unwrap()).unwrap();
    for (id, lang) in [("lmu-marts", "da"), ("lmu-april", "en")] {
        let json: serde_json::Value = serde_json::from_str(&stdout_of(&[
            "--data",
            "examples/havnekoebing",
            "--lang",
            lang,
            "minutes",
            id,
            "--format",
            "json",
        ]))
        .unwrap();
        let errors = schema_errors(&published, &json);
        assert!(errors.is_empty(), "{id}: {errors:#?}");
        assert_eq!(json["id"], id);
    }
    // The schema can fail: a referat without items, or with a wrong status, does not pass.
    let mut broken: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "--data",
        "examples/havnekoebing",
        "minutes",
        "lmu-marts",
        "--format",
        "json",
    ]))
    .unwrap();
    broken["status"] = "final".into();
    broken.as_object_mut().unwrap().remove("items");
    assert_eq!(schema_errors(&published, &broken).len(), 2);
}

#[test]
fn the_schema_refuses_what_medtrio_refuses() {
    let mut programme = yaml_as_json(Path::new("data/programme.yaml"));
    programme["meetings"][0]["titel"] = "Temamøde".into();
    programme["meetings"][1]["status"] = "confirmd".into();
    programme["meetings"][2]["date"] = "i morgen".into();
    let errors = schema_errors(&schema("programme"), &programme);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn descriptions_are_in_english_and_danish() {
    let text = stdout_of(&["schema", "programme"]);
    assert!(text.contains("\"description\": \"Minute-taker / Referent\""));
    assert!(text.contains(
        "Date: a day, a month, a quarter, a span, or left out (to be announced) / Dato:"
    ));
}

#[test]
fn bundled_files_point_at_their_schema() {
    for file in ["programme", "roadmap", "findings"] {
        let first = fs::read_to_string(format!("data/{file}.yaml"))
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .to_owned();
        assert_eq!(
            first,
            format!("# yaml-language-server: $schema=../schemas/{file}.schema.json")
        );
    }
}

#[test]
fn bash_completes_a_subcommand() {
    let script = stdout_of(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("medtrio.bash");
    fs::write(&path, script).unwrap();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {}; COMP_WORDS=(medtrio ag); COMP_CWORD=1; COMP_LINE='medtrio ag'; COMP_POINT=10; _medtrio medtrio ag medtrio; echo \"${{COMPREPLY[@]}}\"",
            path.display()
        ))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "agenda",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn other_shells_get_completions_too() {
    assert!(stdout_of(&["completions", "zsh"]).starts_with("#compdef medtrio"));
    assert!(stdout_of(&["completions", "fish"]).contains("complete -c medtrio"));
    assert!(stdout_of(&["completions", "powershell"]).contains("Register-ArgumentCompleter"));
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    let man = stdout_of(&["man"]);
    assert!(
        man.starts_with(".ie \\n(.g .ds Aq \\(aq") || man.contains(".TH medtrio 1"),
        "{}",
        &man[..200]
    );
    for command in [
        "validate",
        "list",
        "show",
        "diff",
        "agenda",
        "calendar",
        "export",
        "prompts",
        "prep",
        "plan",
        "minutes",
        "actions",
        "decisions",
        "schema",
        "completions",
        "init",
    ] {
        assert!(
            man.contains(command),
            "the man page does not mention {command}"
        );
    }
}

#[test]
fn init_writes_a_valid_starter_set_and_refuses_a_non_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mit-lmu");
    let out = medtrio().arg("init").arg(&target).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout)
            .unwrap()
            .replace(&target.display().to_string(), "[DIR]"),
        "wrote a starter data set to [DIR]; try: medtrio --data [DIR] agenda lmu-moede-1\n"
    );
    medtrio()
        .arg("--data")
        .arg(&target)
        .arg("validate")
        .assert()
        .success()
        .stdout(format!(
            "ok: {}: 1 meeting, 1 roadmap activity, 1 finding, 1 prompt, 3 tasks of the annual cycle, 4 members\n",
            target.display()
        ));
    medtrio()
        .arg("--data")
        .arg(&target)
        .args(["agenda", "lmu-moede-1"])
        .assert()
        .success();
    let programme = fs::read_to_string(target.join("programme.yaml")).unwrap();
    assert!(
        programme.contains("# B beslutning, D drøftelse, O orientering"),
        "fields are explained"
    );

    let out = medtrio().arg("init").arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stderr)
            .unwrap()
            .replace(&target.display().to_string(), "[DIR]"),
        "error: `[DIR]` is not empty\n  = help: give init a new or empty folder; nothing was written\n"
    );
}
