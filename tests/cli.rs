//! Command transcripts: `tests/cmd/*.toml`, and the examples of the README and of docs/.
//! Refresh with `TRYCMD=overwrite cargo test --test cli`, then read the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

#[test]
fn transcripts() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("MEDTRIO_TODAY", "2026-11-23")
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md")
        .case("README.md")
        .case("docs/commands.md")
        .case("docs/publishing.md")
        .case("docs/promises.md")
        .case("docs/performance.md")
        .case("docs/json-contract.md");
}

/// The sending example in docs/commands.md is the transcript that runs in a copy of the example
/// (`tests/cmd/send.md`), word for word.
#[test]
fn the_readme_shows_sending_as_it_runs() {
    let transcript = std::fs::read_to_string("tests/cmd/send.md").unwrap();
    let body = transcript
        .strip_prefix("```console\n")
        .and_then(|t| t.rsplit_once("```"))
        .map(|(body, _)| body)
        .unwrap();
    let readme = std::fs::read_to_string("docs/commands.md").unwrap();
    assert!(
        readme.contains(&format!("```console,ignore\n{body}```")),
        "docs/commands.md's sending example differs from tests/cmd/send.md"
    );
}

/// The walk through the record in docs/commands.md is the transcript that runs in a copy of the example
/// (`tests/cmd/record-loop.md`), word for word.
#[test]
fn the_readme_shows_the_record_loop_as_it_runs() {
    let transcript = std::fs::read_to_string("tests/cmd/record-loop.md").unwrap();
    let body = transcript
        .strip_prefix("```console\n")
        .and_then(|t| t.rsplit_once("```"))
        .map(|(body, _)| body)
        .unwrap();
    let readme = std::fs::read_to_string("docs/commands.md").unwrap();
    assert!(
        readme.contains(&format!("```console,ignore\n{body}```")),
        "docs/commands.md's record loop differs from tests/cmd/record-loop.md"
    );
}

/// The README's five minutes from `init` to an agenda of one's own is the transcript that runs
/// in an empty folder (`tests/cmd/first-hour.md`), word for word.
#[test]
fn the_readme_shows_the_first_hour_as_it_runs() {
    let transcript = std::fs::read_to_string("tests/cmd/first-hour.md").unwrap();
    let body = transcript
        .strip_prefix("```console\n")
        .and_then(|t| t.rsplit_once("```"))
        .map(|(body, _)| body)
        .unwrap();
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&format!("```console,ignore\n{body}```")),
        "the README's first hour differs from tests/cmd/first-hour.md"
    );
}
