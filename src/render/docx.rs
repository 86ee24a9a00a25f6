//! Word (.docx): a [`Doc`] as a real Word document, built with docx-rs.
//!
//! Real structure rather than a picture of one: the title and headings use Word's built-in
//! heading styles (the navigation pane and a table of contents work), agenda points are
//! Heading 3 paragraphs in a numbered list, facts and action points are tables, and the
//! language (da-DK or en-GB) is set on the styles, so Word's spell check is right.
//!
//! All looks live in named styles, never in direct formatting of text, so that a
//! municipality's reference document (its styles, fonts, header with the logo, footer) can
//! restyle the whole document, as pandoc's `--reference-doc` does: see [`package`].

mod package;

use std::collections::HashMap;
use std::io::{Cursor, Write};

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, Docx, Footer, Header, IndentLevel, Level,
    LevelJc, LevelOverride, LevelText, LineSpacing, LineSpacingType, NumPages, NumberFormat,
    Numbering, NumberingId, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, ShdType, SpecialIndentType,
    Start, Style, StyleType, Tab, TabValueType, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellBorder, TableCellBorderPosition, TableCellBorders,
    TableLayoutType, TableRow, WidthType,
};

use crate::report::doc::{Block, Doc, Entry, Fact, NoticeLevel, Style as TextStyle, Text};

pub use package::PackageError;

/// Why a Word document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The reference document is not a Word document we can use.
    #[error("the reference document cannot be used: {0}")]
    Reference(PackageError),
    /// Our own package could not be written or read back (a bug, not a user error).
    #[error("could not assemble the Word document: {0}")]
    Package(PackageError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Word.
pub const SPEC: super::Spec = super::Spec {
    extension: "docx",
    recognised: &["docx"],
    second_choice: false,
    binary: true,
    render,
};

/// A printable document as Word, in the styles of the user's reference document if given.
fn render(
    renderer: &super::Renderer,
    doc: &super::Document<'_>,
    out: &mut dyn Write,
) -> super::Rendered {
    let Some(printable) = renderer.printable(doc) else {
        return Ok(false);
    };
    write(
        &printable,
        renderer.reference_docx()?,
        renderer.settings().created,
        out,
    )
    .map_err(super::RenderError::from)?;
    Ok(true)
}

/// Writes `doc` as a .docx package to `out`.
///
/// With a `reference` (the bytes of a .docx or .dotx), its styles, theme, fonts, page setup,
/// headers and footers are used, and only the body is ours. `created` is the day the
/// document's properties give as made and modified.
pub fn write(
    doc: &Doc,
    reference: Option<&[u8]>,
    created: chrono::NaiveDate,
    out: &mut dyn Write,
) -> Result<(), DocxError> {
    let reference = reference
        .map(package::Reference::read)
        .transpose()
        .map_err(DocxError::Reference)?;
    let ids = StyleIds::new(reference.as_ref());
    let numbering_base = reference
        .as_ref()
        .map_or(2, package::Reference::free_numbering_id);
    let text_width = reference
        .as_ref()
        .and_then(package::Reference::text_width)
        .unwrap_or(TEXT_WIDTH);

    let mut packed = Cursor::new(Vec::new());
    build(doc, &ids, numbering_base, text_width)
        .build()
        .pack(&mut packed)
        .map_err(|e| DocxError::Package(PackageError::Zip(e)))?;
    let ours = package::Package::read(packed.get_ref())
        .and_then(package::Package::without_builtin_numbering)
        .and_then(|p| p.with_header_rows(ids.get("Table Heading")))
        .and_then(package::Package::with_font_fallback)
        .map_err(DocxError::Package)?;

    let finished = match reference {
        Some(reference) => reference.merge(ours, doc.lang),
        None => ours.with_language(doc.lang),
    }
    .map_err(DocxError::Package)?
    .with_properties(&doc.full_title(), created);
    out.write_all(&finished.to_zip().map_err(DocxError::Package)?)?;
    Ok(())
}

/// A plain reference document to start a municipality's own from: one page that uses every
/// style medtrio uses, each under its name, so that changing a style in Word changes it in
/// every document rendered with the reference.
pub fn plain_reference() -> Vec<u8> {
    let mut bytes = Vec::new();
    // Rendering our own fixed document with no reference involves no user input; should it
    // ever fail, an empty vector makes the caller's write produce an obviously broken file
    // rather than a panic.
    let day = chrono::NaiveDate::default();
    match write(&showcase(), None, day, &mut bytes) {
        Ok(()) => bytes,
        Err(_) => Vec::new(),
    }
}

fn showcase() -> Doc {
    let note = |style, text: &str| Text::new(style, text);
    Doc {
        lang: "da-DK",
        kind: "Dagsorden (Subtitle)".to_owned(),
        title: "Titel (Heading 1)".to_owned(),
        running: Some("Sidefod (Footer): forum · dato".to_owned()),
        mark: None,
        banner: None,
        archival: false,
        page_word: "Side",
        page_of: "af",
        blocks: vec![
            Block::Facts {
                facts: vec![
                    Fact {
                        label: "Fakta (Fact Label)".to_owned(),
                        value: "Værdi (Table Text)".to_owned(),
                    },
                    Fact {
                        label: "Tom værdi".to_owned(),
                        value: String::new(),
                    },
                ],
            },
            Block::Notice {
                level: NoticeLevel::Info,
                text: "Bemærkning (Notice)".to_owned(),
            },
            Block::Notice {
                level: NoticeLevel::Alert,
                text: "AFLYST (Alert)".to_owned(),
            },
            Block::heading("Afsnit (Heading 2)"),
            Block::Item {
                number: "1".to_owned(),
                title: "Punkt (Heading 3, nummereret)".to_owned(),
                meta: Some("kl. 13.00–13.30 · Drøftelse · Ansvarlig: Leder (Item Meta)".to_owned()),
                body: vec![
                    Block::paragraph(TextStyle::Lead, "Det indstilles, at … (Recommendation)"),
                    Block::paragraph(TextStyle::Plain, "Brødtekst (Normal) med "),
                    Block::paragraph(TextStyle::Strong, "Fremhævet (Strong)"),
                    Block::paragraph(TextStyle::Emphasis, "Kursiv (Emphasis)"),
                    Block::paragraph(TextStyle::Small, "Småt (Small Print)"),
                    Block::List {
                        numbered: false,
                        entries: vec![Entry {
                            text: "Punktliste (List Paragraph)".to_owned(),
                            strong: false,
                            tail: String::new(),
                            notes: vec![note(TextStyle::Small, "Kilde: … (List Note)")],
                        }],
                    },
                    Block::Table {
                        headers: vec![
                            "Hvad (Table Heading)".to_owned(),
                            "Hvem".to_owned(),
                            "Hvornår".to_owned(),
                        ],
                        rows: vec![vec![
                            "Handling (Table Text)".to_owned(),
                            "TR".to_owned(),
                            "Uge 18".to_owned(),
                        ]],
                    },
                    Block::WriteIn { lines: 2 },
                ],
            },
        ],
    }
}

// Page geometry in twentieths of a point (twips): A4, with a wider left margin for a
// hole punch, as in the PDF.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN_LEFT: i32 = 1531; // 27 mm
const MARGIN_RIGHT: i32 = 1021; // 18 mm
const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT;
/// Where an item's title and body start, right of its number.
const ITEM_INDENT: i32 = 482; // 8.5 mm
/// The hanging indent of list entries.
const LIST_INDENT: i32 = 340; // 6 mm

const INK: &str = "1A1A1A";
const MUTED: &str = "555555";
const ACCENT: &str = "0B4F6C";
const WARN: &str = "8A4B00";
const ALERT: &str = "A4000F";
const RULE: &str = "B5B5B5";

/// The styles medtrio uses, by the name Word knows each by. The id is what the document
/// refers to, and a localised Word gives built-in styles ids in its own language (a Danish
/// Word's "heading 1" has the id "Overskrift1"), so a reference document's ids are found by
/// name; these ids are ours, for a document without a reference.
const STYLES: &[(&str, &str, StyleType)] = &[
    ("Normal", "Normal", StyleType::Paragraph),
    ("heading 1", "Heading1", StyleType::Paragraph),
    ("heading 2", "Heading2", StyleType::Paragraph),
    ("heading 3", "Heading3", StyleType::Paragraph),
    ("Subtitle", "Subtitle", StyleType::Paragraph),
    ("footer", "Footer", StyleType::Paragraph),
    ("header", "Header", StyleType::Paragraph),
    ("List Paragraph", "ListParagraph", StyleType::Paragraph),
    ("Strong", "Strong", StyleType::Character),
    ("Emphasis", "Emphasis", StyleType::Character),
    ("Item Meta", "ItemMeta", StyleType::Paragraph),
    ("Recommendation", "Recommendation", StyleType::Paragraph),
    ("Small Print", "SmallPrint", StyleType::Paragraph),
    ("Notice", "Notice", StyleType::Paragraph),
    ("Alert", "Alert", StyleType::Paragraph),
    ("Write-In", "WriteIn", StyleType::Paragraph),
    ("Fact Label", "FactLabel", StyleType::Paragraph),
    ("Table Heading", "TableHeading", StyleType::Paragraph),
    ("Table Text", "TableText", StyleType::Paragraph),
    ("Table Body", "TableBody", StyleType::Paragraph),
    ("List Note", "ListNote", StyleType::Paragraph),
];

/// Style ids by style name: the reference document's where it has the style, ours elsewhere.
struct StyleIds(HashMap<&'static str, String>);

impl StyleIds {
    fn new(reference: Option<&package::Reference>) -> Self {
        StyleIds(
            STYLES
                .iter()
                .map(|(name, ours, kind)| {
                    let id = reference
                        .and_then(|r| r.style_id(name, kind_name(*kind)))
                        .unwrap_or_else(|| (*ours).to_owned());
                    (*name, id)
                })
                .collect(),
        )
    }

    fn get(&self, name: &'static str) -> &str {
        self.0.get(name).map_or(name, String::as_str)
    }
}

fn kind_name(kind: StyleType) -> &'static str {
    match kind {
        StyleType::Character => "character",
        StyleType::Table => "table",
        StyleType::Numbering => "numbering",
        _ => "paragraph",
    }
}

/// The style definitions, for a document without a reference (and for the styles a
/// reference lacks). Sizes are in half-points, spacing in twips.
fn style_definitions(ids: &StyleIds) -> Vec<Style> {
    let normal = ids.get("Normal").to_owned();
    let paragraph = |name: &'static str| {
        Style::new(ids.get(name), StyleType::Paragraph)
            .name(name)
            .based_on(&normal)
            .next(&normal)
    };
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    let border = |position, size: usize, color: &str, space: usize| {
        ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size(size)
            .space(space)
            .color(color)
    };

    let mut heading1 = paragraph("heading 1")
        .size(40)
        .bold()
        .color(ACCENT)
        .outline_lvl(0)
        .line_spacing(spacing(0, 200));
    heading1.paragraph_property = heading1.paragraph_property.keep_next(true).keep_lines(true);

    let mut heading2 = paragraph("heading 2")
        .size(26)
        .bold()
        .color(INK)
        .outline_lvl(1)
        .line_spacing(spacing(220, 100));
    heading2.paragraph_property = heading2.paragraph_property.keep_next(true).keep_lines(true);
    heading2.paragraph_property.borders = Some(ParagraphBorders::with_empty().set(border(
        ParagraphBorderPosition::Bottom,
        4,
        RULE,
        2,
    )));

    let mut heading3 = paragraph("heading 3")
        .size(24)
        .bold()
        .color(INK)
        .outline_lvl(2)
        .line_spacing(spacing(160, 20));
    heading3.paragraph_property = heading3.paragraph_property.keep_next(true).keep_lines(true);

    let mut subtitle = paragraph("Subtitle")
        .size(18)
        .color(MUTED)
        .line_spacing(spacing(0, 40));
    subtitle.run_property = subtitle.run_property.caps().character_spacing(30);
    subtitle.paragraph_property = subtitle.paragraph_property.keep_next(true);

    let mut footer = paragraph("footer")
        .size(17)
        .color(MUTED)
        .line_spacing(spacing(0, 0));
    footer.paragraph_property.tabs =
        vec![Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH as usize)];
    footer.paragraph_property.borders =
        Some(ParagraphBorders::with_empty().set(border(ParagraphBorderPosition::Top, 4, RULE, 4)));

    let mut header = paragraph("header")
        .size(17)
        .color(MUTED)
        .line_spacing(spacing(0, 0));
    header.paragraph_property.tabs =
        vec![Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH as usize)];
    header.paragraph_property.borders = Some(ParagraphBorders::with_empty().set(border(
        ParagraphBorderPosition::Bottom,
        4,
        RULE,
        4,
    )));

    let list = paragraph("List Paragraph").line_spacing(spacing(0, 30));

    // Not kept with the next paragraph by its style: docx-rs cannot write "keep: off" on a
    // paragraph, so a style's keep would chain an item with no body to the next item, and
    // that one to the next, dragging the end of an agenda to a page of its own. Each meta
    // line keeps with its item's body where it has one.
    let meta = paragraph("Item Meta")
        .size(19)
        .color(MUTED)
        .line_spacing(spacing(0, 100));

    // Set apart by the bar, in the text's own weight, as in the PDF and HTML.
    let mut lead = paragraph("Recommendation").line_spacing(spacing(60, 120));
    lead.paragraph_property.borders = Some(ParagraphBorders::with_empty().set(border(
        ParagraphBorderPosition::Left,
        18,
        ACCENT,
        6,
    )));

    let small = paragraph("Small Print").size(18).color(MUTED);

    let mut notice = paragraph("Notice")
        .bold()
        .color(WARN)
        .line_spacing(spacing(180, 180));
    notice.paragraph_property.borders = Some(ParagraphBorders::with_empty().set(border(
        ParagraphBorderPosition::Left,
        24,
        WARN,
        6,
    )));
    notice.paragraph_property.shading = Some(
        Shading::new()
            .shd_type(ShdType::Clear)
            .color("auto")
            .fill("FBF3E6"),
    );

    let mut alert = paragraph("Alert")
        .size(52)
        .bold()
        .color(ALERT)
        .align(AlignmentType::Center)
        .line_spacing(spacing(200, 200));
    alert.run_property = alert.run_property.character_spacing(60);
    alert.paragraph_property.borders = Some(
        ParagraphBorders::with_empty()
            .set(border(ParagraphBorderPosition::Top, 16, ALERT, 6))
            .set(border(ParagraphBorderPosition::Bottom, 16, ALERT, 6)),
    );

    // Ruled lines: Word joins paragraphs with equal borders into one box, so the rule between
    // them is the "between" border, and the bottom border closes the last one.
    let mut write_in = paragraph("Write-In").line_spacing(
        LineSpacing::new()
            .before(0)
            .after(0)
            .line(480)
            .line_rule(LineSpacingType::Exact),
    );
    write_in.paragraph_property.borders = Some(
        ParagraphBorders::with_empty()
            .set(border(ParagraphBorderPosition::Between, 4, RULE, 1))
            .set(border(ParagraphBorderPosition::Bottom, 4, RULE, 1)),
    );

    let table_text = paragraph("Table Text").line_spacing(spacing(30, 30));
    let fact_label = paragraph("Fact Label")
        .bold()
        .color(MUTED)
        .line_spacing(spacing(20, 20));
    // The cells of a data table: 9.5 pt, as in the PDF, so that its columns keep their words.
    let table_body = paragraph("Table Body")
        .size(19)
        .line_spacing(spacing(30, 30));
    let table_heading = paragraph("Table Heading")
        .size(19)
        .bold()
        .line_spacing(spacing(40, 40));
    let list_note = paragraph("List Note")
        .size(18)
        .color(MUTED)
        .line_spacing(spacing(0, 80));

    let strong = Style::new(ids.get("Strong"), StyleType::Character)
        .name("Strong")
        .bold();
    let emphasis = Style::new(ids.get("Emphasis"), StyleType::Character)
        .name("Emphasis")
        .italic();

    vec![
        heading1,
        heading2,
        heading3,
        subtitle,
        footer,
        header,
        list,
        meta,
        lead,
        small,
        notice,
        alert,
        write_in,
        table_text,
        table_body,
        fact_label,
        table_heading,
        list_note,
        strong,
        emphasis,
    ]
}

/// Numbering definitions: agenda items ("1."), bullet lists ("–") and numbered lists.
/// `base` is the first free id, so that ours do not collide with a reference document's.
struct Numberings {
    items: usize,
    bullets: usize,
    decimal: usize,
    next_num: usize,
    nums: Vec<Numbering>,
}

impl Numberings {
    fn new(base: usize) -> Self {
        Numberings {
            items: base,
            bullets: base + 1,
            decimal: base + 2,
            next_num: base,
            nums: Vec::new(),
        }
    }

    fn abstracts(&self) -> Vec<AbstractNumbering> {
        let level = |format: &str, text: &str, indent: i32, hanging: i32| {
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(indent),
                Some(SpecialIndentType::Hanging(hanging)),
                None,
                None,
            )
        };
        vec![
            AbstractNumbering::new(self.items).add_level(level(
                "decimal",
                "%1.",
                ITEM_INDENT,
                ITEM_INDENT,
            )),
            AbstractNumbering::new(self.bullets).add_level(level(
                "bullet",
                "–",
                LIST_INDENT,
                LIST_INDENT,
            )),
            AbstractNumbering::new(self.decimal).add_level(level(
                "decimal",
                "%1.",
                LIST_INDENT,
                LIST_INDENT,
            )),
        ]
    }

    /// A new run of a list, counting from 1.
    fn start(&mut self, abstract_id: usize) -> usize {
        let id = self.next_num;
        self.next_num += 1;
        self.nums
            .push(Numbering::new(id, abstract_id).add_override(LevelOverride::new(0).start(1)));
        id
    }
}

/// Whether the items' own numbers are what Word's numbering would print: "1", "2", … in
/// order, restarting at "1". Then items are a real numbered list; otherwise ("3a", or a gap)
/// the number is written into the heading, so the document says what the data says.
fn items_count_up(blocks: &[Block]) -> bool {
    let mut previous = 0u32;
    blocks.iter().all(|block| match block {
        Block::Item { number, .. } if !number.is_empty() => match number.parse::<u32>() {
            Ok(1) => {
                previous = 1;
                true
            }
            Ok(n) if n == previous + 1 => {
                previous = n;
                true
            }
            _ => false,
        },
        _ => true,
    })
}

/// How the paragraphs of a block hold together across a page break.
#[derive(Clone, Copy)]
struct Keep {
    /// Keep every paragraph of the block with the next one (inside an agenda item).
    inner: bool,
    /// Keep the block's last paragraph with what follows it.
    last: bool,
}

const LOOSE: Keep = Keep {
    inner: false,
    last: false,
};

enum Part {
    // docx-rs paragraphs are large (2.4 kB) values.
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// The body in the making: paragraphs and tables in reading order.
struct Body<'a> {
    ids: &'a StyleIds,
    numberings: Numberings,
    /// The numbering of the current run of agenda items, when items are a Word list.
    item_list: Option<Option<usize>>,
    /// The width between the margins: ours, or the reference document's.
    text_width: i32,
    parts: Vec<Part>,
}

fn build(doc: &Doc, ids: &StyleIds, numbering_base: usize, text_width: i32) -> Docx {
    let mut body = Body {
        ids,
        numberings: Numberings::new(numbering_base),
        item_list: items_count_up(&doc.blocks).then_some(None),
        text_width,
        parts: Vec::new(),
    };
    // A document without a title of its own (every prompt, unfiltered) is headed by what it
    // is: never an empty Heading 1.
    let title = if doc.title.is_empty() {
        &doc.kind
    } else {
        body.paragraph(
            Paragraph::new()
                .style(ids.get("Subtitle"))
                .add_run(text_run(&doc.kind)),
        );
        &doc.title
    };
    body.paragraph(
        Paragraph::new()
            .style(ids.get("heading 1"))
            .add_run(text_run(title)),
    );
    for block in &doc.blocks {
        body.block(block, 0, LOOSE);
    }

    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: 1134,
            bottom: 1247,
            left: MARGIN_LEFT,
            right: MARGIN_RIGHT,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii("Arial")
                .hi_ansi("Arial")
                .cs("Arial")
                .east_asia("Arial"),
        )
        // 10.5 pt, as the PDF and the HTML page.
        .default_size(21)
        .default_line_spacing(
            LineSpacing::new()
                .after(100)
                .line(252)
                .line_rule(LineSpacingType::Auto),
        )
        .footer(footer(doc, ids, text_width));
    // From page 2 the title and what the document is at the top, as in the PDF; a draft's
    // mark at the top of every page, page 1 too.
    docx = docx.header(header(doc, ids, text_width, true));
    docx = docx.first_header(header(doc, ids, text_width, false));
    for style in style_definitions(ids) {
        docx = docx.add_style(style);
    }
    for abstract_numbering in body.numberings.abstracts() {
        docx = docx.add_abstract_numbering(abstract_numbering);
    }
    for numbering in std::mem::take(&mut body.numberings.nums) {
        docx = docx.add_numbering(numbering);
    }
    for part in body.parts {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t) => docx.add_table(*t),
        };
    }
    docx
}

/// The title on the left (not on page 1, where it is the heading), what the document is
/// and its mark ("REFERAT · UDKAST") on the right.
fn header(doc: &Doc, ids: &StyleIds, text_width: i32, with_title: bool) -> Header {
    let mut line = Paragraph::new().style(ids.get("header")).add_tab(
        Tab::new()
            .val(TabValueType::Right)
            .pos(text_width.max(0) as usize),
    );
    if !with_title && doc.mark.is_none() && doc.banner.is_none() {
        // Page 1 has the title as its heading: an empty header, without the header's rule.
        return Header::new().add_paragraph(Paragraph::new());
    }
    if with_title {
        let chars: Vec<char> = doc.title.chars().collect();
        let title: String = if chars.len() > 70 {
            chars[..68].iter().collect::<String>().trim_end().to_owned() + "…"
        } else {
            doc.title.clone()
        };
        line = line.add_run(text_run(&title));
    }
    let kind = doc.kind.to_uppercase();
    line = line.add_run(Run::new().add_tab());
    let marks: Vec<&str> = doc
        .mark
        .iter()
        .chain(&doc.banner)
        .map(String::as_str)
        .collect();
    line = if marks.is_empty() {
        line.add_run(text_run(&kind))
    } else {
        line.add_run(
            text_run(&format!("{kind} · {}", marks.join(" · ")))
                .bold()
                .color(ALERT),
        )
    };
    Header::new().add_paragraph(line)
}

/// The running text on the left, "Side 1 af 2" on the right.
fn footer(doc: &Doc, ids: &StyleIds, text_width: i32) -> Footer {
    // The tab stop is on the paragraph, not only in our footer style: a reference document's
    // own footer style has its tabs where its margins are.
    let mut line = Paragraph::new().style(ids.get("footer")).add_tab(
        Tab::new()
            .val(TabValueType::Right)
            .pos(text_width.max(0) as usize),
    );
    // A document without a forum and date (a prep sheet) says its title.
    match &doc.running {
        Some(running) => line = line.add_run(text_run(running)),
        None => line = line.add_run(text_run(&doc.title)),
    }
    line = line
        .add_run(Run::new().add_tab())
        .add_run(text_run(&format!("{} ", doc.page_word)))
        .add_page_num(PageNum::new())
        .add_run(text_run(&format!(" {} ", doc.page_of)))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(line)
}

impl Body<'_> {
    fn paragraph(&mut self, p: Paragraph) {
        self.parts.push(Part::Paragraph(Box::new(p)));
    }

    fn styled(&self, name: &'static str, indent: i32) -> Paragraph {
        let p = Paragraph::new().style(self.ids.get(name));
        if indent > 0 {
            p.indent(Some(indent), None, None, None)
        } else {
            p
        }
    }

    fn block(&mut self, block: &Block, indent: i32, keep: Keep) {
        match block {
            Block::Facts { facts } => self.facts(facts, indent, keep),
            Block::Notice { level, text } => {
                let style = match level {
                    NoticeLevel::Info => "Notice",
                    NoticeLevel::Alert => "Alert",
                };
                let p = self.styled(style, indent).add_run(text_run(text));
                self.paragraph(p.keep_next(keep.last));
            }
            Block::Heading { text } => {
                let p = self.styled("heading 2", indent).add_run(text_run(text));
                self.paragraph(p);
            }
            Block::Item {
                number,
                title,
                meta,
                body,
            } => self.item(number, title, meta.as_deref(), body),
            Block::Paragraph { text } => self.text_paragraph(text, indent, keep),
            Block::List { numbered, entries } => self.list(*numbered, entries, indent, keep),
            Block::Table { headers, rows } => self.table(headers, rows, indent, keep),
            Block::WriteIn { lines } => {
                let lines = usize::from(*lines).max(1);
                for line in 0..lines {
                    let last = line + 1 == lines;
                    // The lines of one write-in stay together, as on paper.
                    let p = self
                        .styled("Write-In", indent)
                        .keep_next(!last || keep.last);
                    self.paragraph(p);
                }
            }
        }
    }

    fn item(&mut self, number: &str, title: &str, meta: Option<&str>, body: &[Block]) {
        let mut heading = Paragraph::new().style(self.ids.get("heading 3"));
        heading = match (&mut self.item_list, number) {
            (_, "") => heading
                .indent(Some(ITEM_INDENT), None, None, None)
                .add_run(text_run(title)),
            (Some(list), _) => {
                if number == "1" || list.is_none() {
                    *list = Some(self.numberings.start(self.numberings.items));
                }
                let id = list.unwrap_or(self.numberings.items);
                heading
                    .numbering(NumberingId::new(id), IndentLevel::new(0))
                    .add_run(text_run(title))
            }
            (None, _) => heading
                .indent(
                    Some(ITEM_INDENT),
                    Some(SpecialIndentType::Hanging(ITEM_INDENT)),
                    None,
                    None,
                )
                .add_run(text_run(&format!("{number}.")))
                .add_run(Run::new().add_tab())
                .add_run(text_run(title)),
        };
        self.paragraph(heading);
        if let Some(meta) = meta {
            let p = self
                .styled("Item Meta", ITEM_INDENT)
                .add_run(text_run(meta))
                .keep_next(!body.is_empty());
            self.paragraph(p);
        }
        // Every paragraph of an item keeps with the next, so Word moves the item whole to the
        // next page; Word itself breaks a chain longer than a page, so a long item still prints.
        for (i, block) in body.iter().enumerate() {
            let keep = Keep {
                inner: true,
                last: i + 1 < body.len(),
            };
            self.block(block, ITEM_INDENT, keep);
        }
    }

    fn text_paragraph(&mut self, text: &Text, indent: i32, keep: Keep) {
        let (style, run_style) = match text.style {
            TextStyle::Plain => ("Normal", None),
            TextStyle::Strong => ("Normal", Some("Strong")),
            TextStyle::Emphasis => ("Normal", Some("Emphasis")),
            TextStyle::Small => ("Small Print", None),
            TextStyle::Lead => ("Recommendation", None),
            // Not for print.
            TextStyle::Reference => return,
        };
        // A strong paragraph introduces what follows ("Dialogspørgsmål:"): keep it with it.
        let keep_next = keep.last || text.style == TextStyle::Strong;
        let p = self
            .styled(style, indent)
            .add_run(self.run(&text.text, run_style))
            .keep_next(keep_next);
        self.paragraph(p);
    }

    fn run(&self, text: &str, style: Option<&'static str>) -> Run {
        match style {
            Some(style) => text_run(text).style(self.ids.get(style)),
            None => text_run(text),
        }
    }

    fn list(&mut self, numbered: bool, entries: &[Entry], indent: i32, keep: Keep) {
        let abstract_id = if numbered {
            self.numberings.decimal
        } else {
            self.numberings.bullets
        };
        let id = self.numberings.start(abstract_id);
        let text_indent = indent + LIST_INDENT;
        for (i, entry) in entries.iter().enumerate() {
            let last_entry = i + 1 == entries.len();
            let notes: Vec<&Text> = entry
                .notes
                .iter()
                .filter(|n| n.style != TextStyle::Reference)
                .collect();
            let strong = entry.strong.then_some("Strong");
            let p = Paragraph::new()
                .style(self.ids.get("List Paragraph"))
                .numbering(NumberingId::new(id), IndentLevel::new(0))
                .indent(
                    Some(text_indent),
                    Some(SpecialIndentType::Hanging(LIST_INDENT)),
                    None,
                    None,
                )
                .add_run(self.run(&entry.text, strong))
                .add_run(self.run(&entry.tail, None))
                .keep_next(!notes.is_empty() || keep.inner || (last_entry && keep.last));
            self.paragraph(p);
            for (j, note) in notes.iter().enumerate() {
                let last = last_entry && j + 1 == notes.len();
                let run_style = match note.style {
                    TextStyle::Strong | TextStyle::Lead => Some("Strong"),
                    TextStyle::Emphasis => Some("Emphasis"),
                    TextStyle::Plain | TextStyle::Small | TextStyle::Reference => None,
                };
                let style = if note.style == TextStyle::Small {
                    "List Note"
                } else {
                    "List Paragraph"
                };
                let p = self
                    .styled(style, text_indent)
                    .add_run(self.run(&note.text, run_style))
                    .keep_next(if last { keep.last } else { keep.inner });
                self.paragraph(p);
            }
        }
    }

    fn facts(&mut self, facts: &[Fact], indent: i32, keep: Keep) {
        // Wide enough for the longest label, "Dagsordenen udsendes", on one line.
        let label_width = 3000;
        let value_width = (self.text_width - indent - label_width).max(1000);
        let rows = facts
            .iter()
            .enumerate()
            .map(|(i, fact)| {
                let keep_next = keep.inner || (i + 1 < facts.len()) || keep.last;
                let label = TableCell::new()
                    .width(label_width as usize, WidthType::Dxa)
                    .add_paragraph(
                        self.styled("Fact Label", 0)
                            .add_run(text_run(&fact.label))
                            .keep_next(keep_next),
                    );
                let value = TableCell::new()
                    .width(value_width as usize, WidthType::Dxa)
                    .add_paragraph(
                        self.styled("Table Text", 0)
                            .add_run(text_run(&fact.value))
                            .keep_next(keep_next),
                    );
                // An empty value is a line to fill in by hand.
                let value = if fact.value.is_empty() {
                    value.set_borders(
                        TableCellBorders::with_empty().set(
                            TableCellBorder::new(TableCellBorderPosition::Bottom)
                                .border_type(BorderType::Single)
                                .size(4)
                                .color(MUTED),
                        ),
                    )
                } else {
                    value
                };
                TableRow::new(vec![label, value]).cant_split()
            })
            .collect();
        let table = Table::without_borders(rows)
            .set_grid(vec![label_width as usize, value_width as usize])
            .width((label_width + value_width) as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .indent(indent);
        self.parts.push(Part::Table(Box::new(table)));
    }

    fn table(&mut self, headers: &[String], rows: &[Vec<String>], indent: i32, keep: Keep) {
        let width = (self.text_width - indent).max(1000);
        // Columns sized to their content, as in the PDF: 9.5 pt Arial is about 105 twips a
        // character, with Word's cell margins.
        let layout = super::columns::layout(headers, rows, (width / 105).max(20) as usize);
        let columns = layout.shares.len();
        let mut grid: Vec<usize> = layout
            .shares
            .iter()
            .map(|s| (s * f64::from(width)).floor() as usize)
            .collect();
        let used: usize = grid.iter().sum();
        if let Some(first) = grid.first_mut() {
            *first += (width as usize).saturating_sub(used);
        }
        let row = |cells: &[String], style: &'static str, keep_next: bool, shade: bool| {
            let cells = (0..columns)
                .map(|c| {
                    let text = cells.get(c).map_or("", String::as_str);
                    let mut p = self
                        .styled(style, 0)
                        .add_run(text_run(text))
                        .keep_next(keep_next);
                    if layout.numeric[c] {
                        p = p.align(AlignmentType::Right);
                    }
                    let cell = TableCell::new()
                        .width(grid[c], WidthType::Dxa)
                        .add_paragraph(p);
                    if shade {
                        cell.shading(
                            Shading::new()
                                .shd_type(ShdType::Clear)
                                .color("auto")
                                .fill("EEF2F4"),
                        )
                    } else {
                        cell
                    }
                })
                .collect();
            TableRow::new(cells).cant_split()
        };
        let mut table_rows = Vec::with_capacity(rows.len() + 1);
        if layout.header {
            // The header always stays with the first row, and is repeated on a new page
            // (marked as a header row when the package is finished: docx-rs cannot).
            table_rows.push(row(headers, "Table Heading", true, true));
        }
        for (i, cells) in rows.iter().enumerate() {
            let keep_next = if i + 1 < rows.len() {
                keep.inner
            } else {
                keep.last
            };
            table_rows.push(row(cells, "Table Body", keep_next, false));
        }
        let line = |position, size: usize, color: &str| {
            TableBorder::new(position)
                .border_type(BorderType::Single)
                .size(size)
                .color(color)
        };
        let table = Table::new(table_rows)
            .set_borders(
                TableBorders::with_empty()
                    .set(line(TableBorderPosition::Top, 8, INK))
                    .set(line(TableBorderPosition::Bottom, 4, RULE))
                    .set(line(TableBorderPosition::InsideH, 4, RULE)),
            )
            .set_grid(grid)
            .width(width as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .indent(indent);
        self.parts.push(Part::Table(Box::new(table)));
    }
}

/// A run of text, with line breaks where the text has them. Characters that XML 1.0 cannot
/// carry at all (control characters other than tab and newline) are dropped, or Word would
/// refuse the file.
fn text_run(text: &str) -> Run {
    let clean: String = text
        .chars()
        .filter(|&c| package::is_xml_char(c) && (!c.is_control() || matches!(c, '\t' | '\n')))
        .collect();
    let mut run = Run::new();
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

#[cfg(test)]
mod tests {
    use super::package::Package;
    use super::*;
    use crate::report::doc::{Entry, Style};

    const DAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 23) {
        Some(day) => day,
        None => chrono::NaiveDate::MIN,
    };

    fn agenda() -> Doc {
        Doc {
            lang: "da-DK",
            kind: "Dagsorden".into(),
            title: "LMU-møde i april".into(),
            running: Some("LMU Havnen · tirsdag den 7. april 2026".into()),
            mark: None,
            banner: None,
            archival: false,
            page_word: "Side",
            page_of: "af",
            blocks: vec![
                Block::heading("Punkter"),
                Block::Item {
                    number: "1".into(),
                    title: "Godkendelse af dagsorden".into(),
                    meta: Some("kl. 13.00–13.05 · Beslutning".into()),
                    body: vec![
                        Block::paragraph(Style::Lead, "Det indstilles, at dagsordenen godkendes."),
                        Block::List {
                            numbered: false,
                            entries: vec![Entry::new("Hvad?")],
                        },
                    ],
                },
            ],
        }
    }

    fn part(package: &Package, name: &str) -> String {
        String::from_utf8_lossy(package.get(name).unwrap_or_default()).into_owned()
    }

    #[test]
    fn a_word_file_has_its_parts_its_headings_and_danish() {
        let mut bytes = Vec::new();
        write(&agenda(), None, DAY, &mut bytes).unwrap();
        let package = Package::read(&bytes).unwrap();
        let names: Vec<&str> = package.names().collect();
        for needed in [
            "[Content_Types].xml",
            "word/document.xml",
            "word/styles.xml",
            "word/numbering.xml",
        ] {
            assert!(names.contains(&needed), "{needed} missing: {names:?}");
        }
        let styles = part(&package, "word/styles.xml");
        assert!(styles.contains("w:val=\"da-DK\""), "no Danish language tag");
        let body = part(&package, "word/document.xml");
        assert!(body.contains("LMU-møde i april"));
        assert!(
            body.contains("<w:numPr>"),
            "the item is not a numbered list entry"
        );
    }

    #[test]
    fn a_u_ffff_in_the_data_made_document_xml_invalid() {
        let mut doc = agenda();
        doc.title = "Titel \u{ffff}\u{fffe}\u{1}\u{1b}[31m slut".into();
        doc.blocks
            .push(Block::heading("Punkt \u{ffff} med \u{0} tegn"));
        let mut bytes = Vec::new();
        write(&doc, None, DAY, &mut bytes).unwrap();
        let package = Package::read(&bytes).unwrap();
        let names: Vec<String> = package.names().map(str::to_owned).collect();
        for name in names
            .iter()
            .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
        {
            let xml = part(&package, name);
            assert!(
                roxmltree::Document::parse(&xml).is_ok(),
                "{name} is not well-formed XML"
            );
            assert!(
                !xml.contains('\u{ffff}') && !xml.contains('\u{1b}'),
                "{name}"
            );
        }
        assert!(part(&package, "word/document.xml").contains("Punkt  med  tegn"));
    }

    #[test]
    fn each_numbering_is_declared_once_and_table_headers_repeat() {
        let mut doc = agenda();
        doc.blocks.push(Block::Table {
            headers: vec!["Hvad".into(), "Hvem".into()],
            rows: vec![vec!["Skriv ned".into(), "TR".into()]],
        });
        doc.mark = Some("UDKAST".into());
        let mut bytes = Vec::new();
        write(&doc, None, DAY, &mut bytes).unwrap();
        let package = Package::read(&bytes).unwrap();
        let numbering = part(&package, "word/numbering.xml");
        for (kind, attribute) in [("abstractNum", "w:abstractNumId"), ("num", "w:numId")] {
            let ids: Vec<&str> = numbering
                .split(&format!("<w:{kind} {attribute}=\""))
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(
                ids.len(),
                unique.len(),
                "{kind} ids declared twice: {ids:?}"
            );
        }
        assert!(part(&package, "word/document.xml").contains("<w:tblHeader/>"));
        assert!(
            part(&package, "word/fontTable.xml")
                .contains(r#"<w:font w:name="Arial"><w:altName w:val="Liberation Sans"/>"#)
        );
        let core = part(&package, "docProps/core.xml");
        assert!(
            core.contains("<dc:title>Dagsorden – LMU-møde i april</dc:title>"),
            "{core}"
        );
        assert!(
            core.contains("2026-11-23T00:00:00Z") && !core.contains("unknown"),
            "{core}"
        );
        let headers: String = package
            .names()
            .filter(|n| n.starts_with("word/header"))
            .map(|n| part(&package, n))
            .collect();
        assert!(headers.contains("DAGSORDEN · UDKAST"), "{headers}");
    }

    #[test]
    fn the_plain_reference_works_as_a_reference() {
        let reference = plain_reference();
        let mut bytes = Vec::new();
        write(&agenda(), Some(&reference), DAY, &mut bytes).unwrap();
        assert!(Package::read(&bytes).is_ok());
    }

    #[test]
    fn a_file_that_is_no_word_document_is_refused_as_a_reference() {
        let mut bytes = Vec::new();
        let err = write(&agenda(), Some(b"not a zip"), DAY, &mut bytes).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("the reference document cannot be used: "),
            "{err}"
        );
    }

    /// The reference reader on mutated packages (see `crate::mutate`): never a panic, and
    /// what it reads merges or is refused. One in four runs mutates a part's text and packs it
    /// again, so that the XML and the merge are reached, not only the zip's checks.
    #[test]
    fn the_reference_reader_survives_mutated_packages() {
        use crate::mutate::{Rng, mutate, runs};
        let mut seed = Vec::new();
        write(&agenda(), None, DAY, &mut seed).unwrap();
        let package = Package::read(&seed).unwrap();
        let ours = package.clone();
        let names: Vec<String> = package.names().map(str::to_owned).collect();
        let mut rng = Rng::new(crate::mutate::seed(0x5eed_d0c5));
        let (mut read, mut refused) = (0, 0);
        for _ in 0..runs(1_000) {
            let bytes = if rng.below(4) == 0 {
                let mut p = package.clone();
                let name = &names[rng.below(names.len())];
                let text = p.get(name).unwrap_or_default().to_vec();
                p.set(name, mutate(&text, &mut rng));
                p.to_zip().unwrap()
            } else {
                mutate(&seed, &mut rng)
            };
            match package::Reference::read(&bytes) {
                Ok(reference) => {
                    read += 1;
                    let _ = reference.merge(ours.clone(), "da-DK");
                }
                Err(_) => refused += 1,
            }
        }
        assert!(read > 0 && refused > 0, "{read} read, {refused} refused");
    }
}
