//! Terminal tables with comfy-table, fitted to a width; long texts wrap.

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};

use crate::report::TextTable;

/// How a table is drawn.
#[derive(Clone, Copy, Debug)]
pub struct TableStyle {
    /// The width to fit, in columns.
    pub width: u16,
    /// Whether to use bold headers (only on a terminal that allows colour).
    pub styled: bool,
}

/// Columns whose cells are all this short keep their width.
const SHORT_CELL: usize = 20;

pub fn render(table: &TextTable, style: TableStyle, out: &mut dyn Write) -> io::Result<()> {
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
        render(
            &table,
            TableStyle {
                width: 40,
                styled: false,
            },
            &mut out,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(text.lines().count() > 5);
        assert!(!text.contains('\u{1b}'));
    }
}
