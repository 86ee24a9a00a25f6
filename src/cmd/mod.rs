//! One file per subcommand. The only place that touches stdout, files and the terminal.

mod validate;

use std::io::{self, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::lang::Lang;
use crate::load::{self, DataSource, Loaded};

/// What every command knows: where the data is, the language, and what day it is.
pub struct Context {
    pub source: DataSource,
    pub lang: Lang,
    pub today: NaiveDate,
}

impl Context {
    fn new(global: &GlobalArgs) -> Self {
        Context {
            source: match &global.data {
                Some(dir) => DataSource::Dir(dir.clone()),
                None => DataSource::Bundled,
            },
            lang: global.lang,
            today: global
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
        }
    }

    /// Loads and checks the data. Problems go to stderr; errors stop the command.
    pub fn load_checked(&self) -> Result<Loaded> {
        let loaded = load::load(&self.source).map_err(|problems| report_problems(&problems))?;
        let problems = crate::validate::validate(&loaded);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(report_problems(&problems).into());
        }
        print_diagnostics(&problems);
        Ok(loaded)
    }
}

fn report_problems(problems: &[Diagnostic]) -> Failure {
    print_diagnostics(problems);
    Failure::InvalidData {
        errors: problems.iter().filter(|d| d.is_error()).count(),
    }
}

fn print_diagnostics(problems: &[Diagnostic]) {
    let mut err = anstream::stderr().lock();
    for d in problems {
        let _ = write!(err, "{}", d.render());
    }
}

/// Runs the parsed command line, writing to `out`.
pub fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let ctx = Context::new(&cli.global);
    match cli.command {
        Command::Validate(args) => validate::run(&ctx, &args, out),
    }
}

/// A buffered, locked stdout.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}
