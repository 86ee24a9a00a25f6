//! One file per subcommand. The only place that touches stdout, files and the terminal.

mod agenda;
mod calendar;
mod completions;
mod diff;
mod export;
mod init;
mod list;
pub mod outdir;
pub mod output;
mod plan;
mod prep;
mod prompts;
mod schema;
mod show;
mod validate;

use std::io::{self, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Command, GlobalArgs, TableFormat, TableOutput};
use crate::diagnostic::Diagnostic;
use crate::error::Failure;
use crate::lang::Lang;
use crate::load::{self, DataSource, Loaded};

/// What every command knows: where the data is, the language, and what day it is.
pub struct Context {
    pub source: DataSource,
    pub lang: Lang,
    pub today: NaiveDate,
    /// Whether today was given (--today or MEDTRIO_TODAY) rather than read from the clock.
    pub today_given: bool,
    pub templates: Option<std::path::PathBuf>,
    /// Whether the cache of checked data may be used (no `--no-cache`).
    pub use_cache: bool,
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
            today_given: global.today.is_some(),
            templates: global.templates.clone(),
            use_cache: !global.no_cache,
        }
    }

    /// The same context reading another data source.
    pub fn with_source(&self, source: DataSource) -> Context {
        Context {
            source,
            lang: self.lang,
            today: self.today,
            today_given: self.today_given,
            templates: self.templates.clone(),
            use_cache: self.use_cache,
        }
    }

    /// The HTML renderer, with the user's templates first.
    pub fn html(&self) -> crate::render::html::HtmlRenderer {
        crate::render::html::HtmlRenderer::new(self.templates.clone())
    }

    /// Loads and checks the data. Problems go to stderr; errors stop the command.
    pub fn load_checked(&self) -> Result<Loaded> {
        // The bundled data is checked by the test suite and cannot change after the build.
        if self.source == DataSource::Bundled {
            return Ok(load::load(&self.source).map_err(|problems| report_problems(&problems))?);
        }
        let settings = crate::cache::Settings::from_env(self.use_cache);
        let checked = crate::cache::load_checked(&self.source, &settings)
            .map_err(|problems| report_problems(&problems))?;
        print_diagnostics(&checked.warnings);
        Ok(checked.loaded)
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
    if let Some(dir) = &ctx.templates
        && !dir.is_dir()
    {
        return Err(Failure::usage_with_help(
            format!("the templates folder `{}` does not exist", dir.display()),
            "give --templates a folder that holds your agenda.html, base.html, style.css, …",
        )
        .into());
    }
    match cli.command {
        Command::Schema(args) => schema::run(&args, out),
        Command::Completions(args) => completions::completions(&args, out),
        Command::Man => completions::man(out),
        Command::Init(args) => init::run(&args, out),
        Command::Validate(args) => validate::run(&ctx, &args, out),
        Command::List(args) => list::run(&ctx, &args, out),
        Command::Show(args) => show::run(&ctx, &args, out),
        Command::Diff(args) => diff::run(&ctx, &args, out),
        Command::Agenda(args) => agenda::run(&ctx, &args, out),
        Command::Calendar(args) => calendar::run(&ctx, &args, out),
        Command::Export(args) => export::run(&ctx, &args, out),
        Command::Prompts(args) => prompts::run(&ctx, &args, out),
        Command::Prep(args) => prep::run(&ctx, &args, out),
        Command::Plan(args) => plan::run(&ctx, &args, out),
    }
}

/// A buffered, locked stdout.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// Whether stdout is a terminal that allows colour (not piped, and `NO_COLOR` unset).
pub fn stdout_styled() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The width to fit: `COLUMNS` when set, else the terminal's, else 100.
pub fn output_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|w| *w >= 20)
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| w.0))
        .unwrap_or(100)
}

/// Writes a list report in the chosen format.
pub fn write_table(
    ctx: &Context,
    output: &TableOutput,
    report: &crate::report::list::ListReport<'_>,
    out: &mut dyn Write,
) -> Result<()> {
    use crate::render;
    if output.excel && output.format != TableFormat::Csv {
        return Err(Failure::usage("--excel applies only to --format csv").into());
    }
    match output.format {
        TableFormat::Table => {
            let style = render::table::TableStyle {
                width: output_width(),
                styled: stdout_styled(),
            };
            if report.is_empty() {
                writeln!(out, "{}", ctx.lang.pick("Intet fundet.", "Nothing found."))?;
            } else {
                render::table::render(&report.display_table(ctx.lang), style, out)?;
            }
        }
        TableFormat::Json => render::json::render(report, out)?,
        TableFormat::Csv => {
            let dialect = if output.excel {
                render::csv::Dialect::Excel
            } else {
                render::csv::Dialect::Rfc4180
            };
            render::csv::render(&report.data_table(), dialect, out)?;
        }
        TableFormat::Md => render::markdown::render_table(&report.display_table(ctx.lang), out)?,
    }
    Ok(())
}
