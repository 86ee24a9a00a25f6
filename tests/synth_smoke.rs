#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

//! The synthetic data generator (`examples/synth.rs`) writes data that `medtrio validate` accepts.

use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;

#[test]
fn synthetic_data_validates() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let generated = StdCommand::new(env!("CARGO"))
        .arg("run")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(&manifest)
        .args(["--example", "synth", "--"])
        .args(["--meetings", "500", "--findings", "200", "--out"])
        .arg(dir.path())
        .output()
        .expect("cargo runs the synth example");
    assert!(
        generated.status.success(),
        "synth failed: {}",
        String::from_utf8_lossy(&generated.stderr)
    );
    for file in ["programme.yaml", "roadmap.yaml", "findings.yaml"] {
        assert!(dir.path().join(file).is_file(), "synth wrote no {file}");
    }

    let output = Command::cargo_bin("medtrio")
        .unwrap()
        .env("NO_COLOR", "1")
        .env_remove("MEDTRIO_DATA")
        .arg("--data")
        .arg(dir.path())
        .arg("validate")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "validate failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.starts_with("ok: 500 meetings"),
        "unexpected output: {stdout}"
    );
    assert!(stderr.is_empty(), "validate warned:\n{stderr}");
}
