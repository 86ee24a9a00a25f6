//! Pure functions from the model and a query to rows and documents.

pub mod actions;
pub mod agenda;
pub mod calendar;
pub mod cycle;
pub mod decisions;
pub mod diff;
pub mod doc;
pub mod followup;
pub mod issue;
pub mod list;
pub mod minutes;
pub mod plan;
pub mod prep;
pub mod prompts;
pub mod rollup;
pub mod show;
pub mod site;
pub mod timeline;
pub mod week;

/// A table of display strings, for the table, Markdown and CSV renderers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The example municipality's data, for the unit tests of the reports.
#[cfg(test)]
pub(crate) fn example() -> crate::model::Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/havnekoebing");
    match crate::load::load(&crate::load::DataSource::Dir(dir)) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("the example does not load: {problems:?}"),
    }
}
