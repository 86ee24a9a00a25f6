//! One file per subcommand. The only place that touches stdout, files and the terminal.

mod actions;
mod agenda;
mod approve;
mod attend;
mod attendance;
mod calendar;
mod cancel;
pub mod committees;
mod completions;
mod cycle;
mod decisions;
mod diff;
mod export;
mod init;
mod interrupt;
mod list;
mod mail;
mod minutes;
pub mod outdir;
pub mod output;
mod plan;
mod prep;
mod prompts;
mod rollup;
mod schema;
mod show;
mod validate;
mod week;
pub mod write;

use std::io::{self, Write};

use anyhow::Result;
use chrono::NaiveDate;

use crate::cli::{Cli, Command, GlobalArgs};
use crate::diagnostic::{Diagnostic, did_you_mean, suggestions};
use crate::error::Failure;
use crate::lang::Lang;
use crate::load::{DataSource, Loaded};
use crate::model::Catalog;
use crate::render::html::{TemplateFile, UserTemplates, is_plain_name};
use crate::render::{Document, Format, RenderError, Renderer, Settings};

/// What every command knows: where the data is, the language, and what day it is.
pub struct Context {
    pub source: DataSource,
    pub lang: Lang,
    pub today: NaiveDate,
    /// Whether today was given (--today or MEDTRIO_TODAY) rather than read from the clock.
    pub today_given: bool,
    pub templates: Option<std::path::PathBuf>,
    /// The user's reference document for Word output (`--reference-docx`).
    pub reference_docx: Option<std::path::PathBuf>,
    /// Whether the cache of checked data may be used (no `--no-cache`).
    pub use_cache: bool,
    /// Whether the data folder was found from the current folder (not given by --data).
    pub found: bool,
    /// Whether the public version is asked for (`--public`): confidential items withheld.
    pub public: bool,
}

impl Context {
    fn new(global: &GlobalArgs) -> Self {
        // --data or MEDTRIO_DATA, else the data folder that holds the current folder, else
        // the bundled data.
        let cwd = std::env::current_dir().ok();
        let found = match &global.data {
            Some(_) => None,
            None => cwd.as_deref().and_then(crate::load::find_data_dir),
        };
        Context {
            source: match (&global.data, &found) {
                (Some(dir), _) | (None, Some(dir)) => DataSource::Dir(dir.clone()),
                (None, None) => DataSource::Bundled,
            },
            found: found.is_some(),
            lang: global.lang,
            today: global
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
            today_given: global.today.is_some(),
            templates: global.templates.clone(),
            reference_docx: global.reference_docx.clone(),
            use_cache: !global.no_cache,
            public: global.public,
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
            reference_docx: self.reference_docx.clone(),
            use_cache: self.use_cache,
            found: false,
            public: self.public,
        }
    }

    /// The renderer for this command's output: the language, the terminal, the CSV dialect
    /// and the user's templates.
    pub fn renderer(&self, excel: bool) -> Result<Renderer> {
        let settings = Settings {
            lang: self.lang,
            width: output_width(),
            styled: stdout_styled(),
            excel,
            site: false,
            internal: false,
            created: self.today,
        };
        let templates = match &self.templates {
            Some(dir) => read_templates(dir)?,
            None => UserTemplates::default(),
        };
        let reference = self
            .reference_docx
            .clone()
            .map(|path| crate::render::ReferenceDocx::new(Box::new(move || read_reference(&path))));
        Ok(Renderer::new(settings, templates).with_reference_docx(reference))
    }

    /// Renders `doc` in `format` to `out`.
    pub fn render(
        &self,
        renderer: &Renderer,
        doc: &Document<'_>,
        format: Format,
        out: &mut dyn Write,
    ) -> Result<()> {
        renderer.render(doc, format, out).map_err(render_error)
    }

    /// The DTSTAMP day of calendars: --today when given, else the latest day the data
    /// speaks of, so that two runs on the same data give the same bytes.
    pub fn stamp_day(&self, catalog: &Catalog<'_>) -> NaiveDate {
        if self.today_given {
            self.today
        } else {
            crate::report::calendar::data_stamp(catalog)
        }
    }

    /// Where the cache of checked data is, and whether it may be used.
    pub fn cache_settings(&self) -> crate::checked::Settings {
        crate::checked::Settings::from_env(self.use_cache)
    }

    /// Loads and checks the data. Problems go to stderr; errors stop the command. With
    /// `--public`, the data is the public version (see [`Context::load_checked_as`]).
    pub fn load_checked(&self) -> Result<Loaded> {
        self.load_checked_as(self.public)
    }

    /// Loads and checks the data; the public version when `public`, in which every
    /// confidential item is a placeholder before any report sees it.
    pub fn load_checked_as(&self, public: bool) -> Result<Loaded> {
        self.note_bundled();
        let mut checked = crate::checked::load(&self.source, self.today, &self.cache_settings())
            .map_err(|problems| report_problems(&problems))?;
        print_diagnostics(&checked.warnings);
        checked.loaded.dataset.settle_prepared(self.today);
        if public {
            self.withhold_confidential(&mut checked.loaded);
        }
        Ok(checked.loaded)
    }

    /// Makes `loaded` the public version: the one place the command layer redacts.
    pub fn withhold_confidential(&self, loaded: &mut Loaded) {
        let w = self.lang.words();
        let (da, en) = (Lang::Da.words(), Lang::En.words());
        loaded
            .dataset
            .withhold_confidential(crate::model::Withheld {
                title: da.confidential_item,
                title_en: en.confidential_item,
                decision: w.confidential_decision,
                conclusion: w.confidential_conclusion,
            });
    }

    /// Refuses `--public` for a command that changes the data: what it writes must come
    /// from the whole data, not from the public version.
    pub fn refuse_public(&self, command: &str) -> Result<()> {
        if self.public {
            return Err(Failure::usage_with_help(
                format!("`medtrio {command}` changes the data; --public is for what medtrio prints"),
                "leave out --public; it goes with the commands that print, e.g. `medtrio --public minutes ID --format pdf` prints the public referat",
            )
            .into());
        }
        Ok(())
    }

    /// When the bundled data is read while the current folder holds files that look like
    /// medtrio's data, says so on stderr: the user may have meant them.
    pub fn note_bundled(&self) {
        if self.source != DataSource::Bundled {
            return;
        }
        let Ok(cwd) = std::env::current_dir() else {
            return;
        };
        let found = crate::load::lookalikes(&cwd);
        if found.is_empty() {
            return;
        }
        let listed: Vec<String> = found.iter().map(|f| format!("`{f}`")).collect();
        let _ = writeln!(
            anstream::stderr().lock(),
            "note: reading the bundled data: no folder from here up holds a programme.yaml, so this folder's {} {} not read\n  = help: run medtrio in a data folder, or give --data DIR",
            listed.join(", "),
            if found.len() == 1 { "is" } else { "are" },
        );
    }

    /// The data read, as the summary of `validate` names it: the bundled data, or the folder.
    pub fn source_name(&self) -> String {
        match &self.source {
            DataSource::Bundled => "the bundled data".to_owned(),
            // A folder found from here is named by its path from the root, not `..`.
            DataSource::Dir(dir) if self.found => std::fs::canonicalize(dir)
                .unwrap_or_else(|_| dir.clone())
                .display()
                .to_string(),
            DataSource::Dir(dir) => dir.display().to_string(),
        }
    }
}

pub fn report_problems(problems: &[Diagnostic]) -> Failure {
    print_diagnostics(problems);
    Failure::InvalidData {
        errors: problems.iter().filter(|d| d.is_error()).count(),
    }
}

pub fn print_diagnostics(problems: &[Diagnostic]) {
    let mut err = anstream::stderr().lock();
    for d in problems {
        let _ = write!(err, "{}", crate::render::text::problem(d));
    }
}

/// Runs the parsed command line, writing to `out`.
pub fn dispatch(cli: Cli, out: &mut dyn Write) -> Result<()> {
    anstream::ColorChoice::write_global(cli.global.color.choice());
    // crossterm, which colours comfy-table's cells, reads NO_COLOR itself; a flag the user
    // typed wins over the environment.
    if cli.global.color == crate::cli::ColorWhen::Always {
        crossterm::style::force_color_output(true);
    }
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
        Command::Man(args) => completions::man(&args, out),
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
        Command::Plan(args) => {
            ctx.refuse_public("plan")?;
            plan::run(&ctx, &args, out)
        }
        Command::Cycle(args) => cycle::run(&ctx, &args, out),
        Command::Week(args) => week::run(&ctx, &args, out),
        Command::Minutes(args) => minutes::run(&ctx, &args, out),
        Command::Actions(args) => actions::run(&ctx, &args, out),
        Command::Approve(args) => {
            ctx.refuse_public("approve")?;
            approve::run(&ctx, &args, out)
        }
        Command::Attend(args) => {
            ctx.refuse_public("attend")?;
            attend::run(&ctx, &args, out)
        }
        Command::Cancel(args) => {
            ctx.refuse_public("cancel")?;
            cancel::run(&ctx, &args, out)
        }
        Command::Mail(args) => mail::run(&ctx, &args, out),
        Command::Decisions(args) => decisions::run(&ctx, &args, out),
        Command::Attendance(args) => attendance::run(&ctx, &args, out),
        Command::Rollup(args) => rollup::run(&ctx, &args, out),
    }
}

/// A buffered, locked stdout.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// Whether stdout takes colour: `--color always`, or with `auto` a terminal without
/// `NO_COLOR` (anstream's rule, which also honours `CLICOLOR_FORCE` and `TERM=dumb`).
pub fn stdout_styled() -> bool {
    !matches!(
        anstream::AutoStream::choice(&io::stdout()),
        anstream::ColorChoice::Never
    )
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

/// A render error as the user sees it: a template error names the template and says what to
/// check; a closed pipe stays an I/O error, which is not a failure.
fn render_error(e: RenderError) -> anyhow::Error {
    match e {
        RenderError::Io(io) => io.into(),
        e @ RenderError::Template { .. } => Failure::operation(
            e.to_string(),
            "check the template given with --templates; the built-in ones are in templates/ of medtrio's source",
        )
        .into(),
        e @ RenderError::Layout(_) => Failure::operation(
            e.to_string(),
            "check the document.typ given with --templates; the built-in one is src/render/pdf/document.typ in medtrio's source",
        )
        .into(),
        e @ RenderError::Reference(_) => Failure::operation(
            e.to_string(),
            "give --reference-docx a Word document (.docx or .dotx); `medtrio init DIR` writes a plain one",
        )
        .into(),
        e @ RenderError::Unsupported { .. } => e.into(),
    }
}

/// "unknown id" with the nearest ids, shared by the commands that take an id.
pub fn unknown_id(id: &str, ids: &[&str]) -> Failure {
    let help = did_you_mean(suggestions(id, ids.iter().copied())).unwrap_or_else(|| {
        "`medtrio list meetings`, `list roadmap`, `list findings` and `list prompts` show the ids"
            .to_owned()
    });
    Failure::usage_with_help(format!("unknown id `{id}`"), help)
}

/// The largest reference document read: a letterhead with a logo, not a book.
const MAX_REFERENCE_BYTES: u64 = 20 * 1024 * 1024;

/// Reads the user's reference document for Word output: a regular file (its type is looked
/// at before it is opened, so that a FIFO cannot block), of at most 20 MiB.
fn read_reference(path: &std::path::Path) -> std::result::Result<Vec<u8>, String> {
    use std::io::Read as _;
    let shown = path.display();
    let cannot = |e: std::io::Error| format!("cannot read the reference document `{shown}`: {e}");
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a folder"
        } else {
            crate::load::special_file_kind(&meta)
        };
        return Err(format!(
            "the reference document `{shown}` is {kind}, not a regular file"
        ));
    }
    if meta.len() > MAX_REFERENCE_BYTES {
        return Err(format!(
            "the reference document `{shown}` is larger than 20 MiB"
        ));
    }
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(MAX_REFERENCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_REFERENCE_BYTES {
        return Err(format!(
            "the reference document `{shown}` is larger than 20 MiB"
        ));
    }
    Ok(bytes)
}

/// Why there is no agenda for `id`, as the user sees it; shared by the commands that build one.
pub fn agenda_error(
    catalog: &Catalog<'_>,
    id: &str,
    e: crate::report::agenda::AgendaError,
) -> anyhow::Error {
    use crate::report::agenda::AgendaError;
    match e {
        AgendaError::NotAMeeting(_) => match catalog.kind_of(id) {
            Some(kind) => Failure::usage_with_help(
                format!("`{id}` is {}, not a meeting", kind.with_article()),
                "give the id of a meeting, or of a roadmap activity that is a meeting; `medtrio list meetings` and `medtrio list roadmap` show them",
            ),
            None => unknown_id(id, &catalog.agenda_ids()),
        }
        .into(),
        // Data that validates fits by the same rule, so only --minutes or --start can fail it.
        AgendaError::Timing(_) => {
            Failure::usage_with_help(e.to_string(), "choose another --minutes or --start").into()
        }
        AgendaError::NoItems { .. } => {
            Failure::operation(e.to_string(), "add `items:` or `template:` to it in the data").into()
        }
    }
}

/// The largest template file read.
const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;

/// Reads the user's templates folder: every plain file name in it with its text. A file that
/// resolves outside the folder (a link) is kept as refused, so that using it is an error.
fn read_templates(dir: &std::path::Path) -> Result<UserTemplates> {
    let cannot = |e: std::io::Error| {
        Failure::operation(
            format!("cannot read the templates folder `{}`: {e}", dir.display()),
            "check the folder given with --templates",
        )
    };
    let root = dir.canonicalize().map_err(cannot)?;
    let mut templates = UserTemplates::default();
    for entry in std::fs::read_dir(&root).map_err(cannot)? {
        let entry = entry.map_err(cannot)?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if !is_plain_name(&name) {
            continue;
        }
        let file = match entry.path().canonicalize() {
            Ok(real) if !real.starts_with(&root) => {
                TemplateFile::Refused("leads out of the templates folder".to_owned())
            }
            Ok(real) if real.is_file() => {
                let mut text = String::new();
                use std::io::Read as _;
                // Read whole or refused, never cut: a template cut at the limit loses the
                // agenda's body without a word.
                match std::fs::File::open(&real)
                    .and_then(|f| f.take(MAX_TEMPLATE_BYTES + 1).read_to_string(&mut text))
                {
                    Ok(_) if text.len() as u64 > MAX_TEMPLATE_BYTES => TemplateFile::Refused(
                        "is larger than 1 MiB, the most a template may be (link a large logo as a file beside the page instead of embedding it)".to_owned(),
                    ),
                    Ok(_) => TemplateFile::Text(text),
                    Err(e) => {
                        TemplateFile::Refused(format!("cannot be read ({}): {e}", real.display()))
                    }
                }
            }
            _ => continue,
        };
        templates.files.insert(name, file);
    }
    Ok(templates)
}
