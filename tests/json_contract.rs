//! The table of the JSON contract (docs/json-contract.md) names every field that `--format json` writes,
//! and no field it does not: checked against the real output of each kind.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use common::medtrio;

/// The rows of the table in docs/json-contract.md: the kind, and its top-level fields
/// (backticked names outside parentheses, which describe a field rather than name one).
fn table() -> Vec<(String, BTreeSet<String>)> {
    let readme =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json-contract.md"))
            .unwrap();
    let section = readme.as_str();
    section
        .lines()
        .skip_while(|l| !l.starts_with("| kind |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let kind = cells[1].split_whitespace().next().unwrap().to_owned();
            let mut outside = String::new();
            let mut depth = 0;
            for c in cells[2].chars() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    c if depth == 0 => outside.push(c),
                    _ => {}
                }
            }
            let fields = outside
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect();
            (kind, fields)
        })
        .collect()
}

fn json_fields(args: &[&str]) -> BTreeSet<String> {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/havnekoebing");
    let out = medtrio()
        .args(["--data", example, "--today", "2026-11-23"])
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = rows
        .as_array()
        .and_then(|r| r.first())
        .unwrap_or_else(|| panic!("{args:?}: no rows"));
    first.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn the_readme_table_names_every_json_field_of_every_kind() {
    let rows = table();
    let kinds: Vec<&str> = rows.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "meetings",
            "roadmap",
            "findings",
            "prompts",
            "templates",
            "forums",
            "themes",
            "actions",
            "decisions"
        ]
    );
    for (kind, documented) in &rows {
        let args: Vec<&str> = match kind.as_str() {
            "actions" => vec!["actions"],
            "decisions" => vec!["decisions"],
            other => vec!["list", other],
        };
        let written = json_fields(&args);
        let undocumented: Vec<_> = written.difference(documented).collect();
        let unwritten: Vec<_> = documented.difference(&written).collect();
        assert!(
            undocumented.is_empty() && unwritten.is_empty(),
            "{kind}: written but not in docs/json-contract.md: {undocumented:?}; in docs/json-contract.md but not written: {unwritten:?}"
        );
    }
}
