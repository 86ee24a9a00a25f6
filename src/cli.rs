//! The command line, as clap derive types. Help texts live in the doc comments.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;

/// Agendas, roadmaps and dialogue prompts for MED work.
///
/// medtrio reads a programme of theme meetings, a roadmap by quarter and forum, and the
/// findings of a workshop, and turns them into lists, agendas and dialogue prompts.
/// Without --data it uses the bundled data: HovedMED's programme "Indflydelse i arbejdet"
/// and the summary of the HU theme day on styrket aktørskab.
#[derive(Debug, Parser)]
#[command(
    name = "medtrio",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Read programme.yaml, roadmap.yaml and findings.yaml from DIR instead of the bundled data
    #[arg(long, global = true, env = "MEDTRIO_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Language of labels, dates and rendered documents
    #[arg(long, global = true, value_enum, default_value_t = Lang::Da)]
    pub lang: Lang,

    /// Take this day as today, for "upcoming" and "overdue" [default: the system date]
    #[arg(long, global = true, env = "MEDTRIO_TODAY", value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub today: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the data: ids, references, dates, times, minutes, links and titles
    ///
    /// Prints every problem as `file:line:col: error: message`, then a summary.
    /// Exits 0 when the data is clean, 1 when it has problems.
    ///
    /// Example: medtrio --data ./data validate --format github
    Validate(ValidateArgs),
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// How to print the problems
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    /// `file:line:col: error: message`, with the line and a caret
    Text,
    /// A JSON array of objects with file, line, column, severity and message
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::`)
    Github,
}

/// Parses `YYYY-MM-DD` for flags.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    match s.parse::<crate::model::When>() {
        Ok(when) => when
            .day()
            .ok_or_else(|| format!("`{s}` is not a day: write it as YYYY-MM-DD, e.g. 2026-03-03")),
        Err(e) => Err(e.explain(s)),
    }
}
