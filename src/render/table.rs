//! Terminal tables with comfy-table, fitted to a width; long texts wrap.

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};

use super::{Document, Rendered, Settings};
use crate::report::TextTable;

pub fn render(doc: &Document<'_>, settings: &Settings, out: &mut dyn Write) -> Rendered {
    let Some(table) = doc.table(settings.lang) else {
        return Ok(false);
    };
    if table.rows.is_empty() {
        let w = settings.lang.words();
        let empty = match doc {
            Document::Diff(_) => w.no_changes,
            _ => w.nothing_found,
        };
        writeln!(out, "{empty}")?;
    } else {
        draw(&table, settings, out)?;
    }
    Ok(true)
}

/// Columns whose cells are all this short keep their width.
const SHORT_CELL: usize = 20;

fn draw(table: &TextTable, style: &Settings, out: &mut dyn Write) -> io::Result<()> {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if !style.styled {
        t.force_no_tty();
    } else {
        t.enforce_styling();
    }
    t.set_header(table.headers.iter().map(|h| {
        let cell = Cell::new(h);
        if style.styled {
            cell.add_attribute(comfy_table::Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in &table.rows {
        t.add_row(row);
    }
    // Ids are what people type next (`medtrio show ID`), and short values such as dates and
    // statuses read badly when broken, so only the long texts wrap.
    for (i, header) in table.headers.iter().enumerate() {
        let widest = table
            .rows
            .iter()
            .filter_map(|r| r.get(i))
            .chain(std::iter::once(header))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0);
        if i == 0 || widest <= SHORT_CELL {
            if let Some(column) = t.column_mut(i) {
                column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
            }
        }
    }
    writeln!(out, "{t}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_the_width_and_wraps() {
        let table = TextTable {
            headers: vec!["Id".into(), "Tekst".into()],
            rows: vec![vec!["a".into(), "ord ".repeat(40)]],
        };
        let mut out = Vec::new();
        let settings = Settings {
            lang: crate::lang::Lang::Da,
            width: 40,
            styled: false,
            excel: false,
        };
        draw(&table, &settings, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(text.lines().count() > 5);
        assert!(!text.contains('\u{1b}'));
    }
}
