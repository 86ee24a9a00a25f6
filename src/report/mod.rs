//! Pure functions from the model and a query to rows and documents.

pub mod agenda;
pub mod calendar;
pub mod diff;
pub mod doc;
pub mod list;
pub mod plan;
pub mod prep;
pub mod prompts;
pub mod show;
pub mod site;
pub mod timeline;

/// A table of display strings, for the table, Markdown and CSV renderers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}
