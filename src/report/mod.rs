//! Pure functions from the model and a query to rows and documents.

pub mod actions;
pub mod agenda;
pub mod attendance;
pub mod calendar;
pub mod choices;
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
pub mod state;
pub mod timeline;
pub mod training;
pub mod week;

impl<'a> crate::model::Catalog<'a> {
    /// A theme's title in the output language, falling back to Danish (`Lang::prefer`); the
    /// id itself for an unknown theme. Here, not in the model, so that the model knows no
    /// language.
    pub fn theme_title(&self, id: &'a str, lang: crate::lang::Lang) -> &'a str {
        match self.theme_titles(id) {
            Some((da, en)) => lang.prefer(da, en),
            None => id,
        }
    }
}

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
