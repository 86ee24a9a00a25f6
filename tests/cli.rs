//! Command transcripts: `tests/cmd/*.toml` and the README's examples.
//! Refresh with `TRYCMD=overwrite cargo test --test cli`, then read the diff.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

#[test]
fn transcripts() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("MEDTRIO_TODAY", "2026-11-23")
        .case("tests/cmd/*.toml")
        .case("README.md");
}
