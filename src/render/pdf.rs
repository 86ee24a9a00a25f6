//! PDF: a [`Doc`] typeset on A4 by typst, run as a library inside the process.
//!
//! The document is handed to typst as data. It is serialised to JSON and served as the virtual
//! file `/doc.json`; the layout (`document.typ`, built in or the user's own) reads it with
//! `json("/doc.json")`. No text from the data is ever spliced into markup, so characters that
//! mean something to typst print as written.
//!
//! Everything typst needs is in the process: the layout source, the data, and the fonts that
//! medtrio embeds (Liberation Sans for text) and typst-kit's. Nothing is read from disk or the network
//! while rendering, and the PDF's dates come from `created`, so a render is reproducible.

use std::io::Write;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult, Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::report::doc::Doc;

/// The width of a table, in characters of its type: what [`super::columns`] shares out.
const TABLE_CHARACTERS: usize = 88;

/// PDF.
pub const SPEC: super::Spec = super::Spec {
    extension: "pdf",
    recognised: &["pdf"],
    second_choice: false,
    binary: true,
    render,
};

/// A printable document as PDF; the layout is the user's `document.typ` if they gave one.
fn render(
    renderer: &super::Renderer,
    doc: &super::Document<'_>,
    out: &mut dyn Write,
) -> super::Rendered {
    let Some(printable) = renderer.printable(doc) else {
        return Ok(false);
    };
    let layout = renderer.templates().text(LAYOUT_FILE);
    typeset(&printable, layout, renderer.settings().created, out)
        .map_err(super::RenderError::from)?;
    Ok(true)
}

/// The built-in layout.
pub const BUILTIN_LAYOUT: &str = include_str!("pdf/document.typ");

/// The name the layout has in typst's virtual file system, and in error messages: the file a
/// user puts in `--templates DIR` to replace the built-in one.
pub const LAYOUT_FILE: &str = "document.typ";

/// The path under which the layout finds the document's data.
const DATA_FILE: &str = "doc.json";

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The layout has an error: a syntax error, an unknown variable, a failed `assert`…
    /// `file` is [`LAYOUT_FILE`] for the layout itself; the caller knows which directory
    /// it came from.
    #[error("{file}:{line}:{column}: {message}{}", hints_suffix(.hints))]
    Layout {
        file: String,
        line: usize,
        column: usize,
        message: String,
        hints: Vec<String>,
    },
    /// An error that typst could not place in the layout file (rare: a PDF export limit).
    #[error("typst: {message}{}", hints_suffix(.hints))]
    Typst { message: String, hints: Vec<String> },
    #[error("could not serialise the document for typst: {0}")]
    Data(#[from] serde_json::Error),
    #[error("the creation date `{0}` cannot be written in a PDF")]
    Date(NaiveDate),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn hints_suffix(hints: &[String]) -> String {
    hints.iter().map(|h| format!("\n  = hint: {h}")).collect()
}

/// Typeset `doc` as a PDF and write it to `out`.
///
/// `layout` is the source of a typst layout that replaces the built-in one; it reads the
/// document with `json("/doc.json")`. `created` is the PDF's creation date and typst's
/// `datetime.today()`, so that two renders of one document give identical bytes.
pub fn typeset(
    doc: &Doc,
    layout: Option<&str>,
    created: NaiveDate,
    out: &mut dyn Write,
) -> Result<(), PdfError> {
    let today = date(created)?;
    let world = PrintWorld::new(doc, layout.unwrap_or(BUILTIN_LAYOUT), today)?;

    // Warnings (an unknown font family in a user's layout, say) do not stop the render.
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|errors| world.error(&errors))?;

    let standards = if doc.archival {
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|message| PdfError::Typst {
            message: message.message().to_string(),
            hints: Vec::new(),
        })?
    } else {
        PdfStandards::default()
    };
    let options = PdfOptions {
        standards,
        // A fixed identifier keeps the PDF's /ID stable across renders of one document.
        ident: Smart::Custom(format!("medtrio:{}:{}", doc.kind, doc.title)),
        creator: Smart::Custom(Some("medtrio".to_owned())),
        timestamp: Some(Timestamp::new_utc(today)),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| world.error(&errors))?;
    out.write_all(&bytes)?;
    Ok(())
}

/// The layout of the combined PDF (`agenda --with-attachments`).
const COMBINED_LAYOUT: &str = include_str!("pdf/combined.typ");

/// One attachment of the combined PDF: its bytes, its bookmark, and the stamp of each page.
pub struct Appended {
    pub pdf: Vec<u8>,
    /// "Bilag 3.1: APV-handleplan 2026"
    pub label: String,
    /// One per page: "Bilag 3.1 · side 2 af 4".
    pub stamps: Vec<String>,
}

/// The agenda (a PDF of `agenda_pages` pages, bookmarked `agenda_label`) followed by the
/// pages of each attachment, stamped and bookmarked, as one PDF written to `out`.
pub fn combine(
    title: &str,
    agenda: Vec<u8>,
    agenda_pages: u32,
    agenda_label: &str,
    appended: Vec<Appended>,
    created: NaiveDate,
    out: &mut dyn Write,
) -> Result<(), PdfError> {
    let today = date(created)?;
    let mut pdfs = vec![(project_file("agenda.pdf")?, Bytes::new(agenda))];
    let mut listed = Vec::new();
    for (i, a) in appended.into_iter().enumerate() {
        let name = format!("bilag-{}.pdf", i + 1);
        pdfs.push((project_file(&name)?, Bytes::new(a.pdf)));
        listed.push(serde_json::json!({
            "file": format!("/{name}"),
            "label": a.label,
            "stamps": a.stamps,
        }));
    }
    let data = serde_json::json!({
        "title": title,
        "agenda": { "label": agenda_label, "pages": agenda_pages },
        "attachments": listed,
    });
    let world = PrintWorld {
        layout: Source::new(project_file("combined.typ")?, COMBINED_LAYOUT.to_owned()),
        data_id: project_file("combined.json")?,
        data: Bytes::new(serde_json::to_vec(&data)?),
        today,
        pdfs,
    };
    let Warned { output, .. } = typst::compile::<PagedDocument>(&world);
    let document = output.map_err(|errors| world.error(&errors))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("medtrio:combined:{title}")),
        creator: Smart::Custom(Some("medtrio".to_owned())),
        timestamp: Some(Timestamp::new_utc(today)),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| world.error(&errors))?;
    out.write_all(&bytes)?;
    Ok(())
}

fn date(created: NaiveDate) -> Result<Datetime, PdfError> {
    let month = u8::try_from(created.month()).map_err(|_| PdfError::Date(created))?;
    let day = u8::try_from(created.day()).map_err(|_| PdfError::Date(created))?;
    Datetime::from_ymd_hms(created.year(), month, day, 0, 0, 0).ok_or(PdfError::Date(created))
}

/// The fonts typst-kit embeds, parsed once per process: parsing them is the slowest part of a
/// first render, and `export` renders many documents.
static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut fonts = FontStore::new();
    fonts.extend(LIBERATION_SANS.iter().flat_map(|data| {
        Font::iter(Bytes::new(*data)).map(|font| {
            let info = font.info().clone();
            (font, info)
        })
    }));
    fonts.extend(typst_kit::fonts::embedded());
    fonts
});

/// The text face: Liberation Sans, metric-compatible with Arial, which the Word files name
/// (fonts/LICENSE: SIL Open Font License 1.1).
static LIBERATION_SANS: [&[u8]; 4] = [
    include_bytes!("../../fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../fonts/LiberationSans-BoldItalic.ttf"),
];

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// typst's view of the world while rendering one document: two virtual files (and, for the
/// combined PDF, the PDFs it places) and the embedded fonts, nothing else.
struct PrintWorld {
    layout: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
    /// PDFs the layout places as images, by their virtual path.
    pdfs: Vec<(FileId, Bytes)>,
}

impl PrintWorld {
    fn new(doc: &Doc, layout: &str, today: Datetime) -> Result<Self, PdfError> {
        Ok(PrintWorld {
            layout: Source::new(project_file(LAYOUT_FILE)?, layout.to_owned()),
            data_id: project_file(DATA_FILE)?,
            data: Bytes::new(layout_data(doc)?),
            today,
            pdfs: Vec::new(),
        })
    }

    /// The first error of a failed compile, placed in its file with line and column.
    fn error(&self, diagnostics: &[SourceDiagnostic]) -> PdfError {
        let Some(first) = diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
            .or(diagnostics.first())
        else {
            return PdfError::Typst {
                message: "typst failed without saying why".to_owned(),
                hints: Vec::new(),
            };
        };
        let message = first.message.to_string();
        let hints = first.hints.iter().map(|h| h.v.to_string()).collect();
        let place = first.span.id().and_then(|id| {
            let source = self.source(id).ok()?;
            let range = self.range(first.span)?;
            let (line, column) = source.lines().byte_to_line_column(range.start)?;
            let file = id.vpath().get_without_slash().to_owned();
            // typst counts from 0; editors and error messages count from 1.
            Some((file, line + 1, column + 1))
        });
        match place {
            Some((file, line, column)) => PdfError::Layout {
                file,
                line,
                column,
                message,
                hints,
            },
            None => PdfError::Typst { message, hints },
        }
    }
}

/// What the layout reads as `/doc.json`: the document with its break points marked (see
/// [`super::hyphenate`]), its full title, and each table's column layout (`columns`: the
/// columns' `shares` of the width, which are `numeric`, whether it has a `header`).
fn layout_data(doc: &Doc) -> Result<Vec<u8>, PdfError> {
    let mut value = serde_json::to_value(super::hyphenate::doc(doc))?;
    if let Some(object) = value.as_object_mut() {
        object.insert("full_title".to_owned(), doc.full_title().into());
        if let Some(blocks) = object.get_mut("blocks") {
            add_columns(blocks);
        }
    }
    Ok(serde_json::to_vec(&value)?)
}

fn add_columns(blocks: &mut serde_json::Value) {
    let Some(blocks) = blocks.as_array_mut() else {
        return;
    };
    for block in blocks {
        if let Some(body) = block.get_mut("body") {
            add_columns(body);
        }
        if block.get("block").and_then(serde_json::Value::as_str) != Some("table") {
            continue;
        }
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| s.as_str().unwrap_or_default().replace('\u{ad}', ""))
                        .collect()
                })
                .unwrap_or_default()
        };
        let headers = block.get("headers").map(strings).unwrap_or_default();
        let rows: Vec<Vec<String>> = block
            .get("rows")
            .and_then(serde_json::Value::as_array)
            .map(|rows| rows.iter().map(strings).collect())
            .unwrap_or_default();
        let columns = super::columns::layout(&headers, &rows, TABLE_CHARACTERS);
        block["columns"] = serde_json::json!({
            "shares": columns.shares,
            "numeric": columns.numeric,
            "header": columns.header,
        });
    }
}

/// A file at the root of the virtual project.
fn project_file(name: &str) -> Result<FileId, PdfError> {
    let path = VirtualPath::new(name).map_err(|error| PdfError::Typst {
        message: format!("`{name}` is not a valid virtual path: {error}"),
        hints: Vec::new(),
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, path).intern())
}

impl World for PrintWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        FONTS.book()
    }

    fn main(&self) -> FileId {
        self.layout.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.layout.id() {
            Ok(self.layout.clone())
        } else if id == self.data_id {
            Err(FileError::NotSource)
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.layout.id() {
            Ok(Bytes::from_string(self.layout.clone()))
        } else if let Some((_, bytes)) = self.pdfs.iter().find(|(pdf, _)| *pdf == id) {
            Ok(bytes.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Only the layout and the data exist: an `#import` or `image(..)` of anything else fails
/// with the path the layout asked for.
fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
