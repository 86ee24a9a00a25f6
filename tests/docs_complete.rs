//! Every field of every data file is documented: each property of the JSON Schemas in
//! `schemas/` (the data files': not the referat's or the rollup's, which are output) is named
//! in backticks in `docs/data-format.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// The schemas of what medtrio writes, not reads.
const OUTPUT_SCHEMAS: [&str; 2] = ["referat", "rollup"];

fn properties(value: &serde_json::Value, names: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                names.extend(props.keys().cloned());
            }
            map.values().for_each(|v| properties(v, names));
        }
        serde_json::Value::Array(list) => list.iter().for_each(|v| properties(v, names)),
        _ => {}
    }
}

/// The words inside backticks: `{channel, url}` names `channel` and `url`.
fn documented(doc: &str) -> BTreeSet<String> {
    doc.split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|span| {
            span.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn every_field_of_every_data_file_is_in_the_data_format_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = fs::read_to_string(root.join("docs/data-format.md")).unwrap();
    let words = documented(&doc);
    let mut missing = Vec::new();
    let mut files = 0;
    for entry in fs::read_dir(root.join("schemas")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(file) = name.strip_suffix(".schema.json") else {
            continue;
        };
        if OUTPUT_SCHEMAS.contains(&file) {
            continue;
        }
        files += 1;
        let schema: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let mut names = BTreeSet::new();
        properties(&schema, &mut names);
        for field in names.into_iter().filter(|n| !words.contains(n)) {
            missing.push(format!("{file}: `{field}`"));
        }
    }
    assert!(files >= 6, "only {files} data schemas in schemas/");
    assert!(
        missing.is_empty(),
        "fields in the schemas but not in docs/data-format.md:\n{}",
        missing.join("\n")
    );
}
