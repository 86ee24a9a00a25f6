//! The floor for the benchmark: parses the three data files of a folder into untyped values,
//! with the same parser settings as `medtrio`'s loader (`medtrio::load::yaml_options`), and prints the
//! number of nodes. No model, no validation, no output.
//!
//! ```sh
//! cargo run --release --example bare_parse -- DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;

/// Parses with the loader's own settings (`medtrio::load::yaml_options`).
fn parse(text: &str) -> Result<Value, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options::<Value>(text, medtrio::load::yaml_options(text.len()))
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count).sum(),
        Value::Object(map) => map.values().map(count).sum::<usize>() + map.len(),
        _ => 0,
    }
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bare_parse DIR");
        return ExitCode::from(2);
    };
    let mut nodes = 0;
    for name in ["programme.yaml", "roadmap.yaml", "findings.yaml"] {
        let path = dir.join(name);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("bare_parse: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        match parse(&text) {
            Ok(value) => nodes += count(&value),
            Err(e) => {
                eprintln!("bare_parse: {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{nodes} nodes");
    ExitCode::SUCCESS
}
