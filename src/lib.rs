//! medtrio: agendas, roadmaps and dialogue prompts for MED work in Danish municipalities.
//!
//! Data flows one way: YAML files → [`load`] → [`model`] (checked by [`validate`]) →
//! [`query`] → [`report`] → [`render`] → [`cmd`]. See `docs/architecture.md`.

pub mod checked;
pub mod cli;
pub mod cmd;
pub mod complete;
pub mod diagnostic;
pub mod edit;
pub mod error;
pub mod lang;
pub mod load;
pub mod model;
#[cfg(test)]
mod mutate;
pub mod query;
pub mod render;
pub mod report;
pub mod schema;
pub mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::error::Failure;

/// Exit codes: 0 success, 1 data problems or a failed operation, 2 usage errors.
pub const EXIT_FAILURE: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Parses `args`, runs the command, prints any error, and returns the exit code.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut out = cmd::stdout();
    let result = cmd::dispatch(cli, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

fn report(err: &anyhow::Error) -> ExitCode {
    if error::is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    if let Some(failure) = err.downcast_ref::<Failure>() {
        return ExitCode::from(show(failure));
    }
    match Failure::of(err) {
        Some(failure) => ExitCode::from(show(&failure)),
        None => {
            let mut stderr = anstream::stderr().lock();
            let red = error_style();
            let _ = write!(stderr, "{red}error{red:#}: {err}");
            for cause in err.chain().skip(1) {
                let _ = write!(stderr, ": {cause}");
            }
            let _ = writeln!(stderr);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn error_style() -> anstyle::Style {
    anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()))
}

/// Prints a failure and returns its exit code.
fn show(failure: &Failure) -> u8 {
    let mut stderr = anstream::stderr().lock();
    let red = error_style();
    match failure {
        Failure::Usage { message, help } => {
            let _ = writeln!(stderr, "{red}error{red:#}: {message}");
            if let Some(help) = help {
                let _ = writeln!(stderr, "  = help: {help}");
            }
            EXIT_USAGE
        }
        Failure::Quiet => EXIT_FAILURE,
        Failure::Operation { message, help } => {
            let _ = writeln!(stderr, "{red}error{red:#}: {message}");
            let _ = writeln!(stderr, "  = help: {help}");
            EXIT_FAILURE
        }
        failure @ Failure::InvalidData { .. } => {
            let _ = writeln!(stderr, "{red}error{red:#}: {failure}");
            EXIT_FAILURE
        }
        Failure::Trouble(inner) => {
            drop(stderr);
            show(inner);
            EXIT_USAGE
        }
    }
}

/// In release builds, a panic (a bug: no input should cause one) asks to be reported.
pub fn install_panic_hook() {
    if cfg!(debug_assertions) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "medtrio: this is a bug in medtrio, not in your data.\n\
             Please report it with the command you ran and, if you can, the data files.\n\
             {info}"
        );
    }));
}
