//! A printable document as blocks in reading order: what an agenda, a referat, a prep sheet
//! or a prompt list says, with every word translated and looked up, and no format in it.
//!
//! Report builds a [`Doc`] for each printable document; each print format (Markdown, text,
//! Word, PDF) renders any `Doc`. So a new document is one report file, and a new print
//! format is one render file.

use serde::Serialize;

use crate::lang::Lang;

/// A report that can be printed: it lays itself out as a [`Doc`].
pub trait Printable {
    fn doc(&self) -> Doc;
}

/// A document: its kind and title, and its blocks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Doc {
    /// The language, as a BCP 47 tag: `da-DK` or `en-GB`.
    pub lang: &'static str,
    /// What the document is: "Dagsorden", "Program", "Referat", "Forberedelse for MED-trioen".
    pub kind: String,
    pub title: String,
    /// A short line for the running header and footer of printed pages, e.g.
    /// "LMU Havnen · tirsdag den 3. marts 2026". `None` when the document has none.
    pub running: Option<String>,
    /// A mark printed on every page, in the running header and as a watermark: "UDKAST" on a
    /// referat that has not been approved. `None` for most documents.
    pub mark: Option<String>,
    /// A line printed in the running header of every page, page 1 too, without a
    /// watermark: "Indeholder fortrolige punkter" on a document with a confidential item,
    /// "Intern udgave – ikke til offentliggørelse" on an internal export's pages.
    pub banner: Option<String>,
    /// Whether the document is made to be filed in a document system (a referat): its PDF
    /// is then PDF/A-2b.
    pub archival: bool,
    /// "Side" / "Page", for page numbers of printed pages ("Side 1 af 2").
    pub page_word: &'static str,
    /// "af" / "of", for page numbers.
    pub page_of: &'static str,
    pub blocks: Vec<Block>,
}

/// One block of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    /// Label–value pairs at the head of a document: Forum, Dato, Tid, Sted… A fact with an
    /// empty value is printed with a line to fill in by hand.
    Facts {
        facts: Vec<Fact>,
    },
    /// A notice set apart from the text: a provisional programme, or a cancelled meeting.
    Notice {
        level: NoticeLevel,
        text: String,
    },
    /// A section heading.
    Heading {
        text: String,
    },
    /// A numbered point of an agenda or a referat, kept whole on one page when printed.
    Item {
        /// "1", "2", …; empty for a point that is not numbered (a break).
        number: String,
        title: String,
        /// "kl. 13.30–13.50 · Drøftelse · Ansvarlig: Leder"
        meta: Option<String>,
        body: Vec<Block>,
    },
    Paragraph {
        text: Text,
    },
    List {
        numbered: bool,
        entries: Vec<Entry>,
    },
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Ruled lines to write on by hand (notes during the meeting).
    WriteIn {
        lines: u8,
    },
}

/// A label and its value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// How loud a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeLevel {
    /// Worth knowing: "Foreløbig: der kan forekomme ændringer."
    Info,
    /// Must not be missed: "AFLYST".
    Alert,
}

/// A run of text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub text: String,
    pub style: Style,
}

/// The style of a run of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    Plain,
    Strong,
    Emphasis,
    /// Small print: a prompt's source, the basis of a rule.
    Small,
    /// Set apart: "Det indstilles, at …".
    Lead,
    /// For whoever works with the data on a screen (a prompt's id and origin, to use in a
    /// plan): shown by the text formats, left out of the printed ones (PDF, Word).
    Reference,
}

/// One entry of a list, with lines under it (a prompt's source, "Spørg: …").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub text: String,
    /// Whether `text` is set in bold.
    pub strong: bool,
    /// Plain text right after `text` on the same line: " (p-rammer)", ": ny dato …".
    pub tail: String,
    pub notes: Vec<Text>,
}

impl Doc {
    /// An empty document in `lang`.
    pub fn new(lang: Lang) -> Self {
        let w = lang.words();
        Doc {
            lang: lang.tag(),
            page_word: w.page,
            page_of: w.page_of,
            ..Doc::default()
        }
    }
}

impl Doc {
    /// What the document is called where its title stands alone (a PDF's or Word file's
    /// properties, a viewer's tab): "Dagsorden – LMU-møde i april", so that the agenda, the
    /// referat and the prep sheet of one meeting can be told apart.
    pub fn full_title(&self) -> String {
        match (self.kind.is_empty(), self.title.is_empty()) {
            // "Dialogspørgsmål: Roller og relationer" says what it is already.
            (false, false) if self.title.starts_with(&self.kind) => self.title.clone(),
            (false, false) => format!("{} – {}", self.kind, self.title),
            (true, _) => self.title.clone(),
            (false, true) => self.kind.clone(),
        }
    }
}

impl Text {
    pub fn new(style: Style, text: impl Into<String>) -> Self {
        Text {
            text: text.into(),
            style,
        }
    }
    pub fn plain(text: impl Into<String>) -> Self {
        Text::new(Style::Plain, text)
    }
}

impl Block {
    pub fn heading(text: impl Into<String>) -> Self {
        Block::Heading { text: text.into() }
    }
    pub fn paragraph(style: Style, text: impl Into<String>) -> Self {
        Block::Paragraph {
            text: Text::new(style, text),
        }
    }
}

impl Entry {
    pub fn new(text: impl Into<String>) -> Self {
        Entry {
            text: text.into(),
            strong: false,
            tail: String::new(),
            notes: Vec::new(),
        }
    }
}
