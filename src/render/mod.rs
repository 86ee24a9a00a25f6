//! Bytes from reports, in every format: the only module that knows formats, and it sees only
//! report types. One entry point, [`Renderer::render`]: a [`Document`] and a [`Format`] give
//! bytes to a `&mut dyn Write`.
//!
//! Each format is one file, which declares what the format is in a [`Spec`]: the extension
//! it writes, the extensions of `-o` that name it, whether it is binary, and its render
//! function. The `formats!` list below names each format once, with its help text, and
//! makes [`Format`] of it; everything else about a format goes through [`Format::spec`].
//! Which commands offer a format is the lists in [`offered`].
//!
//! Printable documents reach the print formats as a [`Doc`](crate::report::doc::Doc), so a
//! new print format renders every document at once; lists reach the table formats as a
//! [`TextTable`](crate::report::TextTable) or as their serialized rows.

// The files of the formats, which the `formats!` list below names. These lines are not made
// by the macro: rustfmt does not look into macros, so it would neither format nor check a
// file that only a macro declares.
pub mod csv;
pub mod docx;
pub mod github;
pub mod html;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod table;
pub mod text;

pub mod wrap;

mod columns;
mod hyphenate;

use std::cell::OnceCell;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::report::TextTable;
use crate::report::agenda::Agenda;
use crate::report::calendar::CalendarReport;
use crate::report::cycle::CycleReport;
use crate::report::diff::DiffReport;
use crate::report::doc::{Doc, Printable};
use crate::report::list::ListReport;
use crate::report::minutes::Referat;
use crate::report::prep::PrepSheet;
use crate::report::prompts::{CardSheets, PromptSheet};
use crate::report::rollup::Rollup;
use crate::report::show::Detail;
use crate::report::site::IndexPage;
use crate::report::week::Week;

/// What a format is, declared by its file as a `SPEC` (or one const for each format it
/// serves) and named in the `formats!` list.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// The extension of the files it writes, without the dot.
    pub extension: &'static str,
    /// The extensions of `-o FILE` that name it, in lower case and without the dot.
    pub recognised: &'static [&'static str],
    /// Whether it yields the extensions it is recognised by to another offered format that
    /// is recognised by them too: `.txt` is text before it is a table, and `.html` a page
    /// before it is cards.
    pub second_choice: bool,
    /// Whether the output is binary, and so not for a terminal.
    pub binary: bool,
    /// Writes a document in the format; `Ok(false)` if the format has no form of it.
    pub render: RenderFn,
}

/// How every format writes a document: the [`Renderer`] gives the settings and what else
/// the format needs (the compiled HTML templates, the user's templates, the reference docx).
pub type RenderFn = fn(&Renderer, &Document<'_>, &mut dyn Write) -> Rendered;

/// The list of formats: each a variant of [`Format`] (its doc comment is the help of the
/// value; attributes such as `#[value(alias = …)]` go to clap) and the [`Spec`] that says
/// what it is.
macro_rules! formats {
    ($($(#[$attr:meta])* $format:ident => $spec:path,)*) => {
        /// Every output format. Each command offers some of them (see [`offered`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
        pub enum Format {
            $($(#[$attr])* $format,)*
        }

        impl Format {
            /// Every format, in the order of the list.
            pub const ALL: &'static [Format] = &[$(Format::$format),*];

            /// What the format is: its extensions, whether it is binary, how it is written.
            pub fn spec(self) -> &'static Spec {
                match self {
                    $(Format::$format => &$spec,)*
                }
            }
        }
    };
}

// Every format, once: its help text (clap's, byte for byte), its name, and the `Spec` its
// file declares. Which commands offer it is the `offered` lists below; which format an
// extension of `-o` means is in the specs (`second_choice`), not in this order.
formats! {
    /// A table that fits the terminal
    Table => table::SPEC,
    /// Plain text for the terminal and e-mail
    #[value(alias = "text")]
    Txt => text::SPEC,
    /// Markdown (CommonMark, GitHub tables)
    Md => markdown::SPEC,
    /// One self-contained HTML file, built for print on A4
    Html => html::HTML,
    /// HTML cut-out cards for A4, eight to a page
    Cards => html::CARDS,
    /// JSON, the stable contract for scripts
    Json => json::SPEC,
    /// CSV (RFC 4180; with --excel, for Danish Excel)
    Csv => csv::SPEC,
    /// iCalendar (RFC 5545)
    Ics => ics::SPEC,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::`)
    Github => github::SPEC,
    /// Word (.docx), in the styles of --reference-docx if given
    Docx => docx::SPEC,
    /// PDF for A4, typeset by medtrio with its fonts embedded
    Pdf => pdf::SPEC,
}

/// The formats each command offers, in the order of its help.
pub mod offered {
    use super::Format::{self, *};

    pub const LIST: &[Format] = &[Table, Json, Csv, Md];
    pub const DOCUMENT: &[Format] = &[Md, Txt, Html, Json, Docx, Pdf];
    pub const PROMPTS: &[Format] = &[Table, Md, Txt, Json, Csv, Cards, Docx, Pdf];
    pub const DIFF: &[Format] = &[Table, Json, Md];
    pub const SHOW: &[Format] = &[Txt, Json];
    pub const PROBLEMS: &[Format] = &[Txt, Json, Github];
    pub const CYCLE: &[Format] = &[Table, Txt, Md, Html, Json, Csv, Docx, Pdf];
    pub const WEEK: &[Format] = &[Txt, Md, Json];
    pub const ROLLUP: &[Format] = &[Md, Txt, Html, Json, Csv, Docx, Pdf];
}

/// A format that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FormatError {
    pub message: String,
    pub help: String,
}

impl Format {
    /// The file extension of the format.
    pub fn extension(self) -> &'static str {
        self.spec().extension
    }

    /// Whether the format is binary, and so not for a terminal.
    pub fn is_binary(self) -> bool {
        self.spec().binary
    }

    /// The formats a file extension can mean, in order of preference: those it names first,
    /// then those it names second, each in the order of the list.
    fn for_extension(ext: &str) -> impl Iterator<Item = Format> + '_ {
        let named = move |second: bool| {
            Format::ALL.iter().copied().filter(move |f| {
                let spec = f.spec();
                spec.second_choice == second && spec.recognised.contains(&ext)
            })
        };
        named(false).chain(named(true))
    }

    /// Whether the extension `ext` (lower case, no dot) names any format at all.
    pub fn names_a_format(ext: &str) -> bool {
        Format::for_extension(ext).next().is_some()
    }

    /// Whether a file with extension `ext` may hold `format`.
    pub fn is_named_by(format: Format, ext: &str) -> bool {
        Format::for_extension(ext).any(|f| f == format)
    }

    /// The format among `offered` that a file with extension `ext` is written in.
    pub fn by_extension(ext: &str, offered: &[Format]) -> Option<Format> {
        Format::for_extension(ext).find(|f| offered.contains(f))
    }

    /// The one place a format is chosen: the flag, else what the extension of `-o` names
    /// among the `offered` formats, else `default`.
    pub fn choose(
        flag: Option<Format>,
        output: Option<&Path>,
        offered: &[Format],
        default: Format,
    ) -> Result<Format, FormatError> {
        if let Some(format) = flag {
            return Ok(format);
        }
        let Some(path) = output else {
            return Ok(default);
        };
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        if let Some(format) = Format::by_extension(&ext, offered) {
            return Ok(format);
        }
        // Each offered format by its own extension, if that names it here: `.txt` is
        // offered once, for text rather than the table.
        let extensions: Vec<String> = offered
            .iter()
            .filter(|f| Format::by_extension(f.extension(), offered) == Some(**f))
            .map(|f| format!(".{}", f.extension()))
            .collect();
        Err(FormatError {
            message: format!(
                "cannot tell the format of `{}` from its extension",
                path.display()
            ),
            help: format!("name the file {}, or give --format", or_list(&extensions)),
        })
    }
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The rows of a CSV file, each as its JSON value.
type CsvRows<'a> = Box<dyn Iterator<Item = Result<serde_json::Value, serde_json::Error>> + 'a>;

/// Everything medtrio renders.
pub enum Document<'a> {
    Agenda(&'a Agenda),
    Referat(&'a Referat),
    Prep(&'a PrepSheet),
    Prompts(&'a PromptSheet),
    Cards(&'a CardSheets),
    List(&'a ListReport<'a>),
    Diff(&'a DiffReport),
    Detail(&'a Detail),
    Index(&'a IndexPage),
    Calendar(&'a CalendarReport<'a>),
    Problems(&'a [Diagnostic]),
    Cycle(&'a CycleReport),
    Week(&'a Week),
    Rollup(&'a Rollup),
}

impl Document<'_> {
    /// What the document is called in messages.
    fn name(&self) -> &'static str {
        match self {
            Document::Agenda(_) => "an agenda",
            Document::Referat(_) => "a referat",
            Document::Prep(_) => "a prep sheet",
            Document::Prompts(_) => "a prompt sheet",
            Document::Cards(_) => "prompt cards",
            Document::List(_) => "a list",
            Document::Diff(_) => "a diff",
            Document::Detail(_) => "a detail",
            Document::Index(_) => "the index page",
            Document::Calendar(_) => "a calendar",
            Document::Problems(_) => "the problems",
            Document::Cycle(_) => "the annual cycle",
            Document::Week(_) => "the week",
            Document::Rollup(_) => "the rollup",
        }
    }

    /// The document as printable blocks, for the print formats.
    fn printable(&self) -> Option<Doc> {
        let printable: &dyn Printable = match self {
            Document::Agenda(a) => *a,
            Document::Referat(r) => *r,
            Document::Prep(p) => *p,
            Document::Prompts(p) => *p,
            Document::Diff(d) => *d,
            Document::Cycle(c) => *c,
            Document::Week(w) => *w,
            Document::Rollup(r) => *r,
            _ => return None,
        };
        Some(printable.doc())
    }

    /// The rows that CSV writes, with their columns: the JSON rows' own fields. Each row is
    /// serialized when it is reached.
    fn csv_rows(&self) -> Option<(Vec<String>, CsvRows<'_>)> {
        fn each<T: Serialize>(rows: &[T]) -> CsvRows<'_> {
            Box::new(rows.iter().map(serde_json::to_value))
        }
        match self {
            Document::List(list) => Some((
                list.field_names(),
                match list {
                    ListReport::Meetings(rows) => {
                        Box::new(rows.iter().map(|row| serde_json::to_value(&row)))
                    }
                    ListReport::Roadmap(rows) => each(rows),
                    ListReport::Findings(rows) => each(rows),
                    ListReport::Prompts(rows) => each(rows),
                    ListReport::Actions(rows) => each(rows),
                    ListReport::Decisions(rows) => each(rows),
                    ListReport::Templates(rows) => each(rows),
                    ListReport::Forums(rows) => each(rows),
                    ListReport::Themes(rows) => each(rows),
                    ListReport::Attendance(rows) => each(rows),
                },
            )),
            Document::Cycle(cycle) => Some((
                crate::report::cycle::CycleReport::field_names(),
                each(&cycle.entries),
            )),
            Document::Rollup(rollup) => Some((
                crate::report::rollup::Rollup::field_names(),
                each(&rollup.committees),
            )),
            _ => None,
        }
    }

    /// The document as a table of display strings, for the table formats.
    fn table(&self, lang: Lang) -> Option<TextTable> {
        match self {
            Document::List(list) => Some(list.display_table(lang)),
            Document::Diff(diff) => Some(diff.display_table()),
            Document::Cycle(cycle) => Some(cycle.display_table()),
            _ => None,
        }
    }
}

// JSON and CSV take the document's own serialized form.
impl Serialize for Document<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Document::Agenda(a) => a.serialize(s),
            Document::Referat(r) => r.serialize(s),
            Document::Prep(p) => p.serialize(s),
            Document::Prompts(p) => p.serialize(s),
            Document::Cards(c) => c.serialize(s),
            Document::List(l) => l.serialize(s),
            Document::Diff(d) => d.serialize(s),
            Document::Detail(d) => d.serialize(s),
            Document::Index(i) => i.serialize(s),
            Document::Problems(p) => p.serialize(s),
            Document::Cycle(c) => c.serialize(s),
            Document::Week(w) => w.serialize(s),
            Document::Rollup(r) => r.serialize(s),
            Document::Calendar(_) => Err(serde::ser::Error::custom("a calendar has no JSON form")),
        }
    }
}

/// How the output is laid out: the language, the terminal's width and colours, the CSV
/// dialect, and the DTSTAMP of calendars.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    pub lang: Lang,
    /// The width to fit tables to, in columns.
    pub width: u16,
    /// Whether the output is a terminal that takes colour and bold.
    pub styled: bool,
    /// Whether CSV is for Danish Excel (`;`, BOM, CRLF).
    pub excel: bool,
    /// Whether HTML pages are part of an exported site, and link back to its index.
    pub site: bool,
    /// Whether the pages are an internal export's (`export --internal`), each saying so.
    pub internal: bool,
    /// The creation date of PDF and Word files, so that two runs give the same bytes.
    pub created: chrono::NaiveDate,
}

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Io(#[from] io::Error),
    /// A template (built in, or the user's) failed.
    #[error("{place}the template cannot be rendered: {detail}")]
    Template { place: String, detail: String },
    /// The user's PDF layout (`document.typ`) failed.
    #[error("{0}")]
    Layout(String),
    /// The reference document (`--reference-docx`) cannot be used.
    #[error("{0}")]
    Reference(String),
    /// A format the command does not offer for this document: a bug in medtrio.
    #[error("{document} cannot be written as {format:?}")]
    Unsupported {
        document: &'static str,
        format: Format,
    },
}

impl From<pdf::PdfError> for RenderError {
    fn from(e: pdf::PdfError) -> Self {
        match e {
            pdf::PdfError::Io(io) => RenderError::Io(io),
            other => RenderError::Layout(other.to_string()),
        }
    }
}

impl From<docx::DocxError> for RenderError {
    fn from(e: docx::DocxError) -> Self {
        match e {
            docx::DocxError::Io(io) => RenderError::Io(io),
            other => RenderError::Reference(other.to_string()),
        }
    }
}

impl From<serde_json::Error> for RenderError {
    fn from(e: serde_json::Error) -> Self {
        RenderError::Io(io::Error::from(e))
    }
}

/// Renders documents; compiles the HTML templates once, the first time they are needed.
pub struct Renderer {
    settings: Settings,
    templates: html::UserTemplates,
    html: OnceCell<html::HtmlRenderer>,
    /// The user's reference document for Word output, read the first time Word is written.
    reference_docx: Option<ReferenceDocx>,
}

/// The user's reference document: how to read it, and what was read. It is read only when a
/// Word file is written, so that a command that writes none never opens it (a FIFO given as
/// `--reference-docx` would block it).
pub struct ReferenceDocx {
    read: ReadReference,
    bytes: std::sync::OnceLock<Result<Vec<u8>, String>>,
}

/// Reads a reference document's bytes, or says why it cannot.
pub type ReadReference = Box<dyn Fn() -> Result<Vec<u8>, String> + Send + Sync>;

impl ReferenceDocx {
    pub fn new(read: ReadReference) -> Self {
        ReferenceDocx {
            read,
            bytes: std::sync::OnceLock::new(),
        }
    }
}

impl Renderer {
    pub fn new(settings: Settings, templates: html::UserTemplates) -> Self {
        Renderer {
            settings,
            templates,
            html: OnceCell::new(),
            reference_docx: None,
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// PDF and Word files dated `day`.
    pub fn with_created(mut self, day: chrono::NaiveDate) -> Self {
        self.settings.created = day;
        self
    }

    /// Word output in the styles of this reference document (a .docx or .dotx).
    pub fn with_reference_docx(mut self, reference: Option<ReferenceDocx>) -> Self {
        self.reference_docx = reference;
        self
    }

    /// The same renderer for an e-mail's body: plain text without colour, 76 columns wide.
    pub fn for_mail(mut self) -> Self {
        self.settings.styled = false;
        self.settings.width = 76;
        self
    }

    /// The same renderer for pages of an exported site.
    pub fn for_site(mut self) -> Self {
        self.settings.site = true;
        self
    }

    /// The same renderer for an internal export's pages: each says "Intern udgave".
    pub fn internal(mut self, internal: bool) -> Self {
        self.settings.internal = internal;
        self
    }

    /// The document as printable blocks for the print formats, with the line an internal
    /// export puts in the running header of every page.
    pub fn printable(&self, doc: &Document<'_>) -> Option<Doc> {
        let mut printable = doc.printable()?;
        if self.settings.internal {
            let internal = self.settings.lang.words().internal_edition;
            printable.banner = Some(match printable.banner.take() {
                Some(banner) => format!("{internal} · {banner}"),
                None => internal.to_owned(),
            });
        }
        Some(printable)
    }

    /// The one entry point: `doc` in `format`, to `out`.
    pub fn render(
        &self,
        doc: &Document<'_>,
        format: Format,
        out: &mut dyn Write,
    ) -> Result<(), RenderError> {
        // Text that a terminal or a CI log shows carries nothing they act on, from whichever
        // path of the format it came (the formats' own escaping comes first).
        let mut lines;
        let mut json;
        let out: &mut dyn Write = match format {
            Format::Txt | Format::Md => {
                lines = wrap::InertLines::new(out);
                &mut lines
            }
            Format::Table if !self.settings.styled => {
                lines = wrap::InertLines::new(out);
                &mut lines
            }
            Format::Json => {
                json = wrap::InertJson::new(out);
                &mut json
            }
            _ => out,
        };
        if (format.spec().render)(self, doc, out)? {
            out.flush()?;
            Ok(())
        } else {
            Err(RenderError::Unsupported {
                document: doc.name(),
                format,
            })
        }
    }

    /// The HTML templates, compiled the first time they are asked for.
    pub fn html(&self) -> &html::HtmlRenderer {
        self.html
            .get_or_init(|| html::HtmlRenderer::new(self.templates.clone()))
    }

    /// The user's templates (`--templates DIR`).
    pub fn templates(&self) -> &html::UserTemplates {
        &self.templates
    }

    /// The bytes of the user's reference document for Word output, if given.
    pub fn reference_docx(&self) -> Result<Option<&[u8]>, RenderError> {
        let Some(reference) = &self.reference_docx else {
            return Ok(None);
        };
        match reference.bytes.get_or_init(|| (reference.read)()) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(why) => Err(RenderError::Reference(why.clone())),
        }
    }
}

/// What every format file returns: whether it could write the document at all.
pub type Rendered = Result<bool, RenderError>;

/// Writes a value as pretty JSON with a final newline.
fn write_json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> Result<(), RenderError> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_among_the_offered_formats() {
        let pick =
            |path: &str, offered| Format::choose(None, Some(Path::new(path)), offered, Format::Txt);
        assert_eq!(pick("a.html", offered::DOCUMENT), Ok(Format::Html));
        assert_eq!(pick("a.html", offered::PROMPTS), Ok(Format::Cards));
        assert_eq!(pick("a.MD", offered::DOCUMENT), Ok(Format::Md));
        assert_eq!(pick("a.docx", offered::DOCUMENT), Ok(Format::Docx));
        assert_eq!(
            pick("a.odt", offered::DOCUMENT).map_err(|e| e.help),
            Err(
                "name the file .md, .txt, .html, .json, .docx or .pdf, or give --format".to_owned()
            )
        );
        assert_eq!(
            Format::choose(
                Some(Format::Json),
                Some(Path::new("a.html")),
                offered::DOCUMENT,
                Format::Txt
            ),
            Ok(Format::Json)
        );
    }

    #[test]
    fn an_extension_names_one_format_first() {
        for format in Format::ALL {
            for ext in format.spec().recognised {
                let first: Vec<Format> = Format::for_extension(ext)
                    .filter(|f| !f.spec().second_choice)
                    .collect();
                assert_eq!(first.len(), 1, ".{ext} is named first by {first:?}");
            }
        }
    }
}
