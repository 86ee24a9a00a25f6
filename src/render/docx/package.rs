//! The .docx package around the body docx-rs writes: its parts in a zip, the language set on
//! the styles, and the merge with a reference document.
//!
//! A merge works as pandoc's `--reference-doc`: the output is the reference's package (styles,
//! theme, fonts, settings, headers and footers with their images), with our body, our
//! numbering definitions added to its own, our styles added where it lacks them, and its page
//! setup (`w:sectPr`, which names its headers and footers). Where the reference has no
//! default footer, ours (running text and page numbers) is added.
//!
//! The edits are made on the XML text at positions roxmltree reports, so every byte of the
//! reference that is not edited stays as Word wrote it.

use std::collections::{BTreeSet, HashMap};
use std::io::{Cursor, Read, Write};
use std::ops::Range;

use roxmltree::{Document, Node};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_STYLES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const REL_NUMBERING: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
const REL_FOOTER: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
const REL_CORE: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
const CT_NUMBERING: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
const CT_FOOTER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
const CT_DOCUMENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_TEMPLATE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";

/// What is wrong with a package.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("it is not a zip file: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("it has no part `{0}`")]
    Missing(String),
    #[error("`{part}` is not well-formed XML: {message}")]
    Xml { part: String, message: String },
    #[error("`{0}` is not UTF-8 text")]
    Encoding(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// More than [`MAX_UNPACKED_BYTES`] once unpacked (a zip bomb), or a part that claims so.
    #[error("it unpacks to more than {} MiB; a reference document holds styles, a header and a footer", MAX_UNPACKED_BYTES / (1024 * 1024))]
    TooLarge,
    /// A part whose name is not a plain path inside the package (`../../evil.txt`).
    #[error("it has a part named `{0}`, which is not a path inside the package")]
    BadName(String),
    /// XML nested deeper than [`MAX_XML_DEPTH`].
    #[error("`{0}` nests its XML more than {MAX_XML_DEPTH} levels deep")]
    TooDeep(String),
}

/// The most bytes a package's parts are unpacked to, together: a letterhead with a logo is a
/// few MiB; a 1 MiB zip bomb would be 1 GiB.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// The most parts a package has: Word's own have a few dozen.
const MAX_PARTS: usize = 10_000;

/// How deep a part's XML may nest: Word's own stays below 30; 200 000 levels would overflow
/// the stack of whatever walks it.
pub const MAX_XML_DEPTH: usize = 256;

/// The parts of an OPC package (a .docx), in the order they were written.
#[derive(Clone, Debug, Default)]
pub struct Package {
    parts: Vec<(String, Vec<u8>)>,
}

impl Package {
    pub fn read(bytes: &[u8]) -> Result<Self, PackageError> {
        let mut archive = ZipArchive::new(Cursor::new(bytes))?;
        if archive.len() > MAX_PARTS {
            return Err(PackageError::TooLarge);
        }
        let mut parts = Vec::with_capacity(archive.len());
        // What is unpacked is counted, not what the headers claim: a header may say 2^60
        // bytes, or 1 KiB of a part that inflates to a GiB.
        let mut left = MAX_UNPACKED_BYTES;
        for i in 0..archive.len() {
            let file = archive.by_index(i)?;
            if file.is_dir() {
                continue;
            }
            let name = file.name().to_owned();
            if !is_plain_part_name(&name) {
                return Err(PackageError::BadName(name.chars().take(200).collect()));
            }
            if file.size() > left {
                return Err(PackageError::TooLarge);
            }
            let mut data = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
            file.take(left + 1).read_to_end(&mut data)?;
            let unpacked = u64::try_from(data.len()).unwrap_or(u64::MAX);
            if unpacked > left {
                return Err(PackageError::TooLarge);
            }
            left -= unpacked;
            parts.push((name, data));
        }
        Ok(Package { parts })
    }

    /// The package as a zip, with fixed timestamps so that equal documents give equal bytes.
    pub fn to_zip(&self) -> Result<Vec<u8>, PackageError> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        // Word and LibreOffice find [Content_Types].xml anywhere, but other readers expect it
        // first, as Word writes it.
        let (types, rest): (Vec<_>, Vec<_>) = self
            .parts
            .iter()
            .partition(|(name, _)| name == "[Content_Types].xml");
        for (name, data) in types.into_iter().chain(rest) {
            zip.start_file(name.as_str(), options)?;
            zip.write_all(data)?;
        }
        Ok(zip.finish()?.into_inner())
    }

    /// The names of its parts.
    #[cfg(test)]
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().map(|(name, _)| name.as_str())
    }

    pub fn get(&self, name: &str) -> Option<&[u8]> {
        self.parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_slice())
    }

    pub(super) fn text(&self, name: &str) -> Result<String, PackageError> {
        let bytes = self
            .get(name)
            .ok_or_else(|| PackageError::Missing(name.to_owned()))?;
        String::from_utf8(bytes.to_vec()).map_err(|_| PackageError::Encoding(name.to_owned()))
    }

    pub(super) fn set(&mut self, name: &str, data: impl Into<Vec<u8>>) {
        let data = data.into();
        match self.parts.iter_mut().find(|(n, _)| n == name) {
            Some(part) => part.1 = data,
            None => self.parts.push((name.to_owned(), data)),
        }
    }

    /// Our own package, finished: the document's language set on the styles.
    pub fn with_language(mut self, lang: &str) -> Result<Self, PackageError> {
        let styles = "word/styles.xml";
        let patched = set_language(&self.text(styles)?, styles, lang)?;
        self.set(styles, patched);
        Ok(self)
    }

    /// docx-rs writes a numbering of its own (abstract and instance id 1) before ours; ours
    /// start at 2, so these are removed, and no id is declared twice (which LibreOffice
    /// resolves by taking the first, and Word does not define at all).
    pub fn without_builtin_numbering(mut self) -> Result<Self, PackageError> {
        let part = "word/numbering.xml";
        let Ok(text) = self.text(part) else {
            return Ok(self);
        };
        let doc = parse(&text, part)?;
        let root = doc.root_element();
        let mut edits = Edits::default();
        let id_is_1 = |node: Node, attribute: &str| node.attribute((W, attribute)) == Some("1");
        for node in w_children(root, "abstractNum").filter(|n| id_is_1(*n, "abstractNumId")) {
            edits.replace(node.range(), "");
        }
        for node in w_children(root, "num").filter(|n| id_is_1(*n, "numId")) {
            edits.replace(node.range(), "");
        }
        let cleaned = edits.apply(&text);
        self.set(part, cleaned);
        Ok(self)
    }

    /// Table rows whose first paragraph has the style `heading_style` are header rows: Word
    /// and LibreOffice repeat them at the top of each page a table continues on.
    pub fn with_header_rows(mut self, heading_style: &str) -> Result<Self, PackageError> {
        let part = "word/document.xml";
        let text = self.text(part)?;
        let doc = parse(&text, part)?;
        let prefix = w_prefix(&doc);
        let mut edits = Edits::default();
        let is = |n: &Node, name: &str| {
            n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
        };
        for row in doc.descendants().filter(|n| is(n, "tr")) {
            let style = row
                .descendants()
                .find(|n| is(n, "pStyle"))
                .and_then(|n| n.attribute((W, "val")));
            if style != Some(heading_style) {
                continue;
            }
            let marker = format!("<{prefix}:tblHeader/>");
            match w_child(row, "trPr") {
                Some(properties) => edits.prepend_child(&text, properties, &marker),
                None => edits.prepend_child(
                    &text,
                    row,
                    &format!("<{prefix}:trPr>{marker}</{prefix}:trPr>"),
                ),
            }
        }
        let marked = edits.apply(&text);
        self.set(part, marked);
        Ok(self)
    }

    /// Arial, the face the styles name, with its metric-compatible fallback named in the font
    /// table, for a reader without Arial (LibreOffice on Linux): Liberation Sans, the face
    /// of the PDF.
    pub fn with_font_fallback(mut self) -> Result<Self, PackageError> {
        let part = "word/fontTable.xml";
        let Ok(text) = self.text(part) else {
            return Ok(self);
        };
        let doc = parse(&text, part)?;
        let prefix = w_prefix(&doc);
        let mut edits = Edits::default();
        for font in w_children(doc.root_element(), "font")
            .filter(|f| f.attribute((W, "name")) == Some("Arial"))
            .filter(|f| w_child(*f, "altName").is_none())
        {
            edits.prepend_child(
                &text,
                font,
                &format!(r#"<{prefix}:altName {prefix}:val="Liberation Sans"/>"#),
            );
        }
        let patched = edits.apply(&text);
        self.set(part, patched);
        Ok(self)
    }

    /// The document's properties as Word's File › Info and a document system show them: its
    /// title, the day it was made (`--today`), and no author (docx-rs writes "unknown" and
    /// 1970-01-01).
    pub fn with_properties(mut self, title: &str, day: chrono::NaiveDate) -> Self {
        let stamp = format!("{}T00:00:00Z", crate::model::when::iso(day));
        let core = format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
                r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
                r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
                "<dc:title>{title}</dc:title><dc:creator></dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>",
                r#"<cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>"#,
                r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#
            ),
            title = xml_escape(title),
            stamp = stamp
        );
        self.set("docProps/core.xml", core);
        self
    }

    /// The main document part (`word/document.xml` as Word writes it), found as Word finds it.
    fn main_part(&self) -> Result<String, PackageError> {
        let rels = Rels::read(self, "")?;
        rels.target_of_type(REL_OFFICE_DOCUMENT)
            .ok_or_else(|| PackageError::Missing("the main document".to_owned()))
    }
}

/// A reference document, read and indexed.
pub struct Reference {
    package: Package,
    main: String,
    /// Style ids by (type, lower-case name).
    styles: HashMap<(String, String), String>,
    style_ids: BTreeSet<String>,
    numbering_part: Option<String>,
    /// The highest `w:abstractNumId` and `w:numId` in its numbering, if any.
    numbering_max: usize,
}

impl Reference {
    pub fn read(bytes: &[u8]) -> Result<Self, PackageError> {
        let package = Package::read(bytes)?;
        let main = package.main_part()?;
        let rels = Rels::read(&package, &main)?;
        let styles_part = rels
            .target_of_type(REL_STYLES)
            .ok_or_else(|| PackageError::Missing("word/styles.xml".to_owned()))?;
        let styles_xml = package.text(&styles_part)?;
        let styles_doc = parse(&styles_xml, &styles_part)?;
        let mut styles = HashMap::new();
        let mut style_ids = BTreeSet::new();
        for style in w_children(styles_doc.root_element(), "style") {
            let Some(id) = style.attribute((W, "styleId")) else {
                continue;
            };
            style_ids.insert(id.to_owned());
            let kind = style.attribute((W, "type")).unwrap_or("paragraph");
            if let Some(name) = w_child(style, "name").and_then(|n| n.attribute((W, "val"))) {
                styles
                    .entry((kind.to_owned(), name.to_lowercase()))
                    .or_insert_with(|| id.to_owned());
            }
        }

        let numbering_part = rels.target_of_type(REL_NUMBERING);
        let mut numbering_max = 0;
        if let Some(part) = &numbering_part {
            let xml = package.text(part)?;
            let doc = parse(&xml, part)?;
            for node in doc.root_element().children().filter(Node::is_element) {
                let id = match node.tag_name().name() {
                    "abstractNum" => node.attribute((W, "abstractNumId")),
                    "num" => node.attribute((W, "numId")),
                    _ => None,
                };
                if let Some(id) = id.and_then(|id| id.parse::<usize>().ok()) {
                    numbering_max = numbering_max.max(id);
                }
            }
        }
        Ok(Reference {
            package,
            main,
            styles,
            style_ids,
            numbering_part,
            numbering_max,
        })
    }

    /// The id of the reference's style with this name and type, if it has one.
    pub fn style_id(&self, name: &str, kind: &str) -> Option<String> {
        self.styles
            .get(&(kind.to_owned(), name.to_lowercase()))
            .cloned()
    }

    /// The width between its margins, in twips, from its page setup.
    pub fn text_width(&self) -> Option<i32> {
        let xml = self.package.text(&self.main).ok()?;
        let doc = Document::parse(&xml).ok()?;
        let body = w_child(doc.root_element(), "body")?;
        let sect = w_children(body, "sectPr").last()?;
        let twips = |node: Node, name: &str| -> Option<i32> {
            node.attribute((W, name))?
                .parse::<f64>()
                .ok()
                .map(|v| v as i32)
        };
        let page = w_child(sect, "pgSz")?;
        let margins = w_child(sect, "pgMar")?;
        let width = twips(page, "w")? - twips(margins, "left")? - twips(margins, "right")?;
        (width > 1000).then_some(width)
    }

    /// The first numbering id above every id the reference uses, so ours can be added to its.
    pub fn free_numbering_id(&self) -> usize {
        // Never 1: that is the id docx-rs gives its own numbering, which is removed.
        (self.numbering_max + 1).max(2)
    }

    /// The reference's package with our body in it. `ours` was built with the ids from
    /// [`Reference::style_id`] and [`Reference::free_numbering_id`].
    pub fn merge(self, ours: Package, lang: &str) -> Result<Package, PackageError> {
        let Reference {
            mut package,
            main,
            style_ids,
            numbering_part,
            ..
        } = self;
        let our_main = ours.main_part()?;
        let our_rels = Rels::read(&ours, &our_main)?;
        let mut rels = Rels::read(&package, &main)?;
        let mut types = package.text("[Content_Types].xml")?;
        // A .dotx works as a reference too, but the output is a document, not a template.
        types = types.replace(CT_TEMPLATE, CT_DOCUMENT);

        // Styles: the reference's, plus ours that it lacks, with the language set.
        let styles_part = rels
            .target_of_type(REL_STYLES)
            .ok_or_else(|| PackageError::Missing("word/styles.xml".to_owned()))?;
        let our_styles_part = our_rels
            .target_of_type(REL_STYLES)
            .ok_or_else(|| PackageError::Missing("word/styles.xml in our package".to_owned()))?;
        let styles = add_missing_styles(
            &package.text(&styles_part)?,
            &ours.text(&our_styles_part)?,
            &style_ids,
            &styles_part,
        )?;
        package.set(&styles_part, set_language(&styles, &styles_part, lang)?);

        // Numbering: ours added to the reference's, whose ids we kept clear of.
        if let Some(our_numbering) = our_rels.target_of_type(REL_NUMBERING) {
            let numbering = ours.text(&our_numbering)?;
            match &numbering_part {
                Some(part) => {
                    let merged = add_numbering(&package.text(part)?, &numbering, part)?;
                    package.set(part, merged);
                }
                None => {
                    let part = unused_name(&package, "word/numbering.xml");
                    package.set(&part, numbering);
                    rels.add(REL_NUMBERING, &part);
                    types = add_override(&types, &part, CT_NUMBERING)?;
                }
            }
        }

        // The body: ours, with the reference's page setup, headers and footers.
        let our_document = ours.text(&our_main)?;
        let reference_document = package.text(&main)?;
        let mut section = section_properties(&reference_document, &main)?;
        if !section.has_default_footer {
            let our_section = section_properties(&our_document, &our_main)?;
            if let Some(footer_id) = our_section.default_footer {
                let our_footer = our_rels
                    .target_of_id(&footer_id)
                    .ok_or_else(|| PackageError::Missing(format!("our footer `{footer_id}`")))?;
                let part = unused_name(&package, "word/footer-medtrio.xml");
                package.set(&part, ours.get(&our_footer).unwrap_or_default().to_vec());
                let id = rels.add(REL_FOOTER, &part);
                types = add_override(&types, &part, CT_FOOTER)?;
                section.add_default_footer(&id);
            }
        }
        let document = replace_section(&our_document, &reference_document, &section, &our_main)?;
        package.set(&main, document);
        package.set(&rels.path, rels.xml()?);
        package.set("[Content_Types].xml", types);

        // Our title and dates, not the template's.
        let ours_root = Rels::read(&ours, "")?;
        let reference_root = Rels::read(&package, "")?;
        if let (Some(our_core), Some(core)) = (
            ours_root.target_of_type(REL_CORE),
            reference_root.target_of_type(REL_CORE),
        ) && let Some(data) = ours.get(&our_core)
        {
            package.set(&core, data.to_vec());
        }
        Ok(package)
    }
}

/// Whether XML 1.0 can carry `c` at all: not U+FFFE or U+FFFF (nor a surrogate, which a
/// Rust string cannot hold), not a C0 control but tab, line feed and carriage return. Word
/// refuses a file that holds one.
pub(super) fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{fffe}' | '\u{ffff}') && (c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
}

/// Text as XML character data.
fn xml_escape(text: &str) -> String {
    text.chars()
        .filter(|&c| is_xml_char(c) && !c.is_control())
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Whether a part's name is a plain relative path inside the package: no `..`, no absolute
/// path, no backslash or control character (a part named `../../evil.txt` would be written
/// into the output as it is).
fn is_plain_part_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 1024
        && !name.starts_with('/')
        && !name
            .chars()
            .any(|c| c == '\\' || c.is_control() || c == ':')
        && name
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

/// How deep the elements of `xml` nest, counted on the text before it is parsed, so that no
/// parser or walk sees a part nested deeper than [`MAX_XML_DEPTH`]. Comments, CDATA and
/// processing instructions are skipped; an approximation for text that is not well-formed is
/// fine, as the parser refuses it next.
fn xml_depth_exceeds(xml: &str, max: usize) -> bool {
    let bytes = xml.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + at;
        let rest = &bytes[start..];
        let skip_to = |end: &[u8]| {
            rest.windows(end.len())
                .position(|w| w == end)
                .map_or(bytes.len(), |p| start + p + end.len())
        };
        if rest.starts_with(b"<!--") {
            i = skip_to(b"-->");
            continue;
        }
        if rest.starts_with(b"<![CDATA[") {
            i = skip_to(b"]]>");
            continue;
        }
        // The tag ends at the first `>` outside a quoted attribute value.
        let mut quote = None;
        let end = rest
            .iter()
            .position(|&b| match quote {
                Some(q) if b == q => {
                    quote = None;
                    false
                }
                Some(_) => false,
                None if b == b'"' || b == b'\'' => {
                    quote = Some(b);
                    false
                }
                None => b == b'>',
            })
            .map_or(bytes.len(), |p| start + p + 1);
        let tag = &bytes[start..end];
        if tag.starts_with(b"</") {
            depth = depth.saturating_sub(1);
        } else if !tag.starts_with(b"<?") && !tag.starts_with(b"<!") && !tag.ends_with(b"/>") {
            depth += 1;
            if depth > max {
                return true;
            }
        }
        i = end;
    }
    false
}

fn parse<'a>(xml: &'a str, part: &str) -> Result<Document<'a>, PackageError> {
    if xml_depth_exceeds(xml, MAX_XML_DEPTH) {
        return Err(PackageError::TooDeep(part.to_owned()));
    }
    Document::parse(xml).map_err(|e| PackageError::Xml {
        part: part.to_owned(),
        message: e.to_string(),
    })
}

fn w_children<'a, 'i>(
    node: Node<'a, 'i>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |n| {
        n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == name
    })
}

fn w_child<'a, 'i>(node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
    w_children(node, name).next()
}

/// Text edits at byte ranges of one XML text.
#[derive(Default)]
struct Edits(Vec<(Range<usize>, String)>);

impl Edits {
    fn replace(&mut self, range: Range<usize>, with: impl Into<String>) {
        self.0.push((range, with.into()));
    }

    fn insert(&mut self, at: usize, xml: impl Into<String>) {
        self.replace(at..at, xml);
    }

    /// Insert `xml` as the last child of `node`, opening it if it is an empty `<x/>`.
    fn append_child(&mut self, text: &str, node: Node, xml: &str) {
        let range = node.range();
        let element = &text[range.clone()];
        if element.ends_with("/>") {
            let open = element.trim_end_matches("/>").trim_end();
            let name = qualified_name(element);
            self.replace(range, format!("{open}>{xml}</{name}>"));
        } else {
            let close = element.rfind("</").map_or(range.end, |i| range.start + i);
            self.insert(close, xml);
        }
    }

    /// Insert `xml` as the first child of `node`.
    fn prepend_child(&mut self, text: &str, node: Node, xml: &str) {
        match node.first_child() {
            Some(child) => self.insert(child.range().start, xml),
            None => self.append_child(text, node, xml),
        }
    }

    fn apply(mut self, text: &str) -> String {
        // From the end, so that earlier positions stay valid.
        self.0
            .sort_by(|a, b| b.0.start.cmp(&a.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut out = text.to_owned();
        for (range, with) in self.0 {
            out.replace_range(range, &with);
        }
        out
    }
}

/// `w:rPr` in `<w:rPr w:x="1"/>`.
fn qualified_name(element: &str) -> &str {
    let start = element.trim_start_matches('<');
    let end = start
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(start.len());
    &start[..end]
}

/// The prefix the text binds to the WordprocessingML namespace (always `w` in practice).
fn w_prefix(doc: &Document) -> String {
    doc.root_element()
        .lookup_prefix(W)
        .map_or_else(|| "w".to_owned(), str::to_owned)
}

/// Set the document language on the styles: every `w:lang` says `lang`, and the document
/// defaults carry one, so Word's spell check uses the right dictionary throughout.
fn set_language(styles: &str, part: &str, lang: &str) -> Result<String, PackageError> {
    let doc = parse(styles, part)?;
    let w = w_prefix(&doc);
    let mut edits = Edits::default();
    for node in doc.descendants().filter(|n| {
        n.is_element() && n.tag_name().namespace() == Some(W) && n.tag_name().name() == "lang"
    }) {
        if let Some(attribute) = node
            .attributes()
            .find(|a| a.namespace() == Some(W) && a.name() == "val")
        {
            edits.replace(attribute.range_value(), lang);
        }
    }
    let lang_xml = format!(r#"<{w}:lang {w}:val="{lang}"/>"#);
    let root = doc.root_element();
    match w_child(root, "docDefaults") {
        None => edits.prepend_child(
            styles,
            root,
            &format!("<{w}:docDefaults><{w}:rPrDefault><{w}:rPr>{lang_xml}</{w}:rPr></{w}:rPrDefault></{w}:docDefaults>"),
        ),
        Some(defaults) => match w_child(defaults, "rPrDefault") {
            None => edits.prepend_child(
                styles,
                defaults,
                &format!("<{w}:rPrDefault><{w}:rPr>{lang_xml}</{w}:rPr></{w}:rPrDefault>"),
            ),
            Some(rpr_default) => match w_child(rpr_default, "rPr") {
                None => edits.append_child(styles, rpr_default, &format!("<{w}:rPr>{lang_xml}</{w}:rPr>")),
                Some(rpr) if w_child(rpr, "lang").is_none() => {
                    // The schema orders run properties: w:lang comes before these three.
                    let after = rpr.children().find(|n| {
                        n.is_element() && matches!(n.tag_name().name(), "eastAsianLayout" | "specVanish" | "oMath")
                    });
                    match after {
                        Some(node) => edits.insert(node.range().start, lang_xml),
                        None => edits.append_child(styles, rpr, &lang_xml),
                    }
                }
                Some(_) => {}
            },
        },
    }
    Ok(edits.apply(styles))
}

/// The reference's styles with ours appended where its ids lack them.
fn add_missing_styles(
    reference: &str,
    ours: &str,
    reference_ids: &BTreeSet<String>,
    part: &str,
) -> Result<String, PackageError> {
    let our_doc = parse(ours, "our styles.xml")?;
    let missing: String = w_children(our_doc.root_element(), "style")
        .filter(|s| {
            s.attribute((W, "styleId"))
                .is_some_and(|id| !reference_ids.contains(id))
        })
        .map(|s| &ours[s.range()])
        .collect();
    if missing.is_empty() {
        return Ok(reference.to_owned());
    }
    let doc = parse(reference, part)?;
    let mut edits = Edits::default();
    edits.append_child(reference, doc.root_element(), &missing);
    Ok(edits.apply(reference))
}

/// The reference's numbering with ours added: abstract definitions before its first `w:num`
/// (the schema puts all of them first), instances at the end.
fn add_numbering(reference: &str, ours: &str, part: &str) -> Result<String, PackageError> {
    let our_doc = parse(ours, "our numbering.xml")?;
    let pick = |name: &'static str| -> String {
        w_children(our_doc.root_element(), name)
            .map(|n| &ours[n.range()])
            .collect()
    };
    let (abstracts, nums) = (pick("abstractNum"), pick("num"));
    let doc = parse(reference, part)?;
    let root = doc.root_element();
    let mut edits = Edits::default();
    match w_child(root, "num").or_else(|| w_child(root, "numIdMacAtCleanup")) {
        Some(first) => edits.insert(first.range().start, abstracts),
        None => edits.append_child(reference, root, &abstracts),
    }
    match w_child(root, "numIdMacAtCleanup") {
        Some(last) => edits.insert(last.range().start, nums),
        None => edits.append_child(reference, root, &nums),
    }
    Ok(edits.apply(reference))
}

/// A body's last `w:sectPr`: page size, margins, and its headers and footers.
struct Section {
    xml: String,
    has_default_footer: bool,
    default_footer: Option<String>,
    /// Where in `xml` a footer reference goes: after the header and footer references.
    footer_at: Option<usize>,
}

fn section_properties(document: &str, part: &str) -> Result<Section, PackageError> {
    let doc = parse(document, part)?;
    let body = w_child(doc.root_element(), "body")
        .ok_or_else(|| PackageError::Missing(format!("w:body in {part}")))?;
    let Some(sect) = w_children(body, "sectPr").last() else {
        return Ok(Section {
            xml: String::new(),
            has_default_footer: false,
            default_footer: None,
            footer_at: None,
        });
    };
    let default_footer = w_children(sect, "footerReference")
        .find(|f| f.attribute((W, "type")).is_none_or(|t| t == "default"))
        .and_then(|f| f.attribute((R, "id")).map(str::to_owned));
    let start = sect.range().start;
    let element = &document[sect.range()];
    let footer_at = sect
        .children()
        .filter(|n| n.is_element())
        .find(|n| !matches!(n.tag_name().name(), "headerReference" | "footerReference"))
        .map(|n| n.range().start - start)
        .or_else(|| element.rfind("</"));
    Ok(Section {
        xml: element.to_owned(),
        has_default_footer: default_footer.is_some(),
        default_footer,
        footer_at,
    })
}

impl Section {
    /// Add a reference to our footer, after the header and footer references already there
    /// (the schema wants them first in `w:sectPr`).
    fn add_default_footer(&mut self, id: &str) {
        let reference = format!(r#"<w:footerReference w:type="default" r:id="{id}"/>"#);
        match self.footer_at {
            Some(at) => self.xml.insert_str(at, &reference),
            None => self.xml = format!("<w:sectPr>{reference}</w:sectPr>"),
        }
        self.has_default_footer = true;
    }
}

/// Our document with its `w:sectPr` replaced by the reference's, and the namespace
/// declarations the reference's uses added to our root.
fn replace_section(
    ours: &str,
    reference: &str,
    section: &Section,
    part: &str,
) -> Result<String, PackageError> {
    let doc = parse(ours, part)?;
    let root = doc.root_element();
    let body =
        w_child(root, "body").ok_or_else(|| PackageError::Missing(format!("w:body in {part}")))?;
    let mut edits = Edits::default();
    match w_children(body, "sectPr").last() {
        Some(sect) => edits.replace(sect.range(), section.xml.clone()),
        None => edits.append_child(ours, body, &section.xml),
    }
    // A sectPr taken out of the reference may use prefixes (w14, wp14…) bound on its root.
    let reference_doc = parse(reference, "the reference's document")?;
    let declared: BTreeSet<&str> = root.namespaces().filter_map(|ns| ns.name()).collect();
    let missing: String = reference_doc
        .root_element()
        .namespaces()
        .filter_map(|ns| ns.name().map(|name| (name, ns.uri())))
        .filter(|(name, _)| !declared.contains(name))
        .map(|(name, uri)| format!(r#" xmlns:{name}="{uri}""#))
        .collect();
    if !missing.is_empty() {
        let start = root.range().start;
        let name_end = start + 1 + qualified_name(&ours[start..]).len();
        edits.insert(name_end, missing);
    }
    Ok(edits.apply(ours))
}

fn unused_name(package: &Package, wanted: &str) -> String {
    if package.get(wanted).is_none() {
        return wanted.to_owned();
    }
    let (stem, ext) = wanted.rsplit_once('.').unwrap_or((wanted, "xml"));
    (2..)
        .map(|n| format!("{stem}{n}.{ext}"))
        .find(|name| package.get(name).is_none())
        .unwrap_or_else(|| format!("{stem}-medtrio.{ext}"))
}

/// `[Content_Types].xml` with an override for a new part.
fn add_override(types: &str, part: &str, content_type: &str) -> Result<String, PackageError> {
    let doc = parse(types, "[Content_Types].xml")?;
    let mut edits = Edits::default();
    edits.append_child(
        types,
        doc.root_element(),
        &format!(r#"<Override PartName="/{part}" ContentType="{content_type}"/>"#),
    );
    Ok(edits.apply(types))
}

/// The relationships of one part: `dir/_rels/name.rels`.
struct Rels {
    path: String,
    /// The folder targets are relative to, with a trailing slash ("word/"), or "".
    base: String,
    xml: String,
    added: Vec<(String, String, String)>,
}

impl Rels {
    fn read(package: &Package, part: &str) -> Result<Self, PackageError> {
        let (base, name) = match part.rsplit_once('/') {
            Some((dir, name)) => (format!("{dir}/"), name),
            None => (String::new(), part),
        };
        let path = format!("{base}_rels/{name}.rels");
        let xml = package.text(&path)?;
        parse(&xml, &path)?;
        Ok(Rels {
            path,
            base,
            xml,
            added: Vec::new(),
        })
    }

    fn entries(&self) -> Vec<(String, String, String)> {
        let Ok(doc) = Document::parse(&self.xml) else {
            return Vec::new();
        };
        doc.root_element()
            .children()
            .filter(|n| n.is_element() && n.tag_name().name() == "Relationship")
            // External targets (hyperlinks) are not parts.
            .filter(|n| n.attribute("TargetMode") != Some("External"))
            .filter_map(|n| {
                Some((
                    n.attribute("Id")?.to_owned(),
                    n.attribute("Type")?.to_owned(),
                    n.attribute("Target")?.to_owned(),
                ))
            })
            .chain(self.added.iter().cloned())
            .collect()
    }

    /// A target as a part name: "styles.xml" from word/ is "word/styles.xml".
    fn resolve(&self, target: &str) -> String {
        match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => {
                let mut segments: Vec<&str> =
                    self.base.split('/').filter(|s| !s.is_empty()).collect();
                for segment in target.split('/') {
                    match segment {
                        ".." => {
                            segments.pop();
                        }
                        "." | "" => {}
                        s => segments.push(s),
                    }
                }
                segments.join("/")
            }
        }
    }

    fn target_of_type(&self, kind: &str) -> Option<String> {
        self.entries()
            .into_iter()
            .find(|(_, t, _)| t == kind)
            .map(|(_, _, target)| self.resolve(&target))
    }

    fn target_of_id(&self, id: &str) -> Option<String> {
        self.entries()
            .into_iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, _, target)| self.resolve(&target))
    }

    /// Add a relationship to `part` and return its new, unused id.
    fn add(&mut self, kind: &str, part: &str) -> String {
        let taken: BTreeSet<String> = self.entries().into_iter().map(|(id, _, _)| id).collect();
        let id = (1..)
            .map(|n| format!("rIdMedtrio{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_else(|| "rIdMedtrio".to_owned());
        let target = part
            .strip_prefix(&self.base)
            .map_or_else(|| format!("/{part}"), str::to_owned);
        self.added.push((id.clone(), kind.to_owned(), target));
        id
    }

    fn xml(&self) -> Result<String, PackageError> {
        let doc = parse(&self.xml, &self.path)?;
        let added: String = self
            .added
            .iter()
            .map(|(id, kind, target)| {
                format!(r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#)
            })
            .collect();
        let mut edits = Edits::default();
        edits.append_child(&self.xml, doc.root_element(), &added);
        Ok(edits.apply(&self.xml))
    }
}
