//! Terminal tables with comfy-table, fitted to a width; long texts wrap.

use std::io::{self, Write};

use comfy_table::{Cell, ContentArrangement, Table, presets};

use super::wrap::{cap, safe, width, wrap_to};
use super::{Document, Rendered, Renderer, Settings, Spec};
use crate::report::TextTable;

/// A table that fits the terminal. It writes `.txt`, but a `.txt` file is text first: a
/// table only where the command offers no text.
pub const SPEC: Spec = Spec {
    extension: "txt",
    recognised: &["txt", "text"],
    second_choice: true,
    binary: false,
    render,
};

fn render(renderer: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    let settings = renderer.settings();
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

/// The most characters a cell shows; a longer text is cut with "…" (the JSON keeps it all).
const MAX_CELL: usize = 400;

/// The narrowest a wrapping column gets.
const MIN_COLUMN: usize = 8;

/// A column whose texts are all this short (dates, statuses) is not wrapped if it can help it.
const SHORT_CELL: usize = 20;

/// The columns of a table and the border between them: `│ a ┆ b │` takes 3 a column, and 1.
fn chrome(columns: usize) -> usize {
    3 * columns + 1
}

fn draw(table: &TextTable, style: &Settings, out: &mut dyn Write) -> io::Result<()> {
    let cells: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| safe(&cap(c, MAX_CELL)).into_owned())
                .collect()
        })
        .collect();
    let headers: Vec<String> = table.headers.iter().map(|h| safe(h).into_owned()).collect();
    // Columns are left out, from the right, before a word is broken: "Administr-" / "ationen"
    // reads worse than a table without its last column, which the note under it names.
    let shown = columns_that_fit(&headers, &cells, usize::from(style.width));
    let left_out: Vec<&str> = (0..headers.len())
        .filter(|i| !shown.contains(i))
        .map(|i| headers[i].as_str())
        .collect();
    let pick = |row: &[String]| -> Vec<String> {
        shown
            .iter()
            .map(|&i| row.get(i).cloned().unwrap_or_default())
            .collect()
    };
    let headers = pick(&headers);
    let cells: Vec<Vec<String>> = cells.iter().map(|r| pick(r)).collect();
    let widths = column_widths(&headers, &cells, usize::from(style.width));
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled);
    if !style.styled {
        t.force_no_tty();
    } else {
        t.enforce_styling();
    }
    let wrapped = |text: &str, i: usize| wrap_to(text, widths[i], widths[i]).join("\n");
    t.set_header(headers.iter().enumerate().map(|(i, h)| {
        let cell = Cell::new(wrapped(h, i));
        if style.styled {
            cell.add_attribute(comfy_table::Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in &cells {
        t.add_row(row.iter().enumerate().map(|(i, c)| {
            let cell = Cell::new(wrapped(c, i));
            match status_colour(style, c) {
                Some(colour) => cell.fg(colour),
                None => cell,
            }
        }));
    }
    writeln!(out, "{t}")?;
    if !left_out.is_empty() {
        let w = style.lang.words();
        let note = format!(
            "{}: {} ({})",
            w.columns_left_out,
            left_out.join(", "),
            w.columns_left_out_help
        );
        let room = usize::from(style.width).max(20);
        for line in wrap_to(&note, room, room) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

/// The colour of a status word at a terminal: what needs doing in red (overdue, missing),
/// what is not as planned in yellow (cancelled, draft). Plain text everywhere else.
fn status_colour(style: &Settings, cell: &str) -> Option<comfy_table::Color> {
    use comfy_table::Color;
    if !style.styled {
        return None;
    }
    let w = style.lang.words();
    let cell = cell.trim().to_lowercase();
    [
        (w.overdue, Color::Red),
        (w.missing, Color::Red),
        (w.cancelled, Color::Yellow),
        (w.draft, Color::Yellow),
    ]
    .into_iter()
    .find(|(word, _)| cell == word.to_lowercase())
    .map(|(_, colour)| colour)
}

/// The columns, by index, that fit in `total` with every word whole (the first, the ids,
/// whole too): all of them if they can, else the most from the left, but never fewer than two.
fn columns_that_fit(headers: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let floor = |i: usize| {
        let cells = rows
            .iter()
            .filter_map(move |r| r.get(i))
            .chain(headers.get(i));
        if i == 0 {
            cells.map(|c| width(c)).max().unwrap_or(1)
        } else {
            cells
                .flat_map(|c| c.split_whitespace())
                .map(width)
                .max()
                .unwrap_or(1)
        }
    };
    let mut shown: Vec<usize> = (0..headers.len()).collect();
    while shown.len() > 2
        && shown.iter().map(|&i| floor(i)).sum::<usize>() + chrome(shown.len()) > total
    {
        shown.pop();
    }
    shown
}

/// How wide each column is, to fit `total` columns of terminal. Every column gets at least
/// its longest word (so that words are not broken, up to a limit), the first (the ids people
/// type next) its longest id; what room is left goes to the columns whose texts are longest,
/// in proportion.
fn column_widths(headers: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let n = headers.len();
    let column = |i: usize| {
        rows.iter()
            .filter_map(move |r| r.get(i))
            .chain(headers.get(i))
    };
    let longest_line: Vec<usize> = (0..n)
        .map(|i| column(i).map(|c| width(c)).max().unwrap_or(0).max(1))
        .collect();
    let longest_word: Vec<usize> = (0..n)
        .map(|i| {
            column(i)
                .flat_map(|c| c.split_whitespace())
                .map(width)
                .max()
                .unwrap_or(1)
        })
        .collect();
    let room = total.saturating_sub(chrome(n));
    if longest_line.iter().sum::<usize>() <= room {
        return longest_line;
    }
    // The floor of each column: the ids whole, the others their longest word.
    let mut widths: Vec<usize> = (0..n)
        .map(|i| {
            if i == 0 {
                longest_line[0]
            } else {
                longest_word[i]
            }
        })
        .collect();
    // Too wide even so: narrow the widest column, one step at a time, breaking its longest
    // words, but not below a usable width.
    while widths.iter().sum::<usize>() > room {
        let Some(i) = (1..n)
            .filter(|&i| widths[i] > MIN_COLUMN)
            .max_by_key(|&i| widths[i])
        else {
            break;
        };
        widths[i] -= 1;
    }
    let mut spare = room.saturating_sub(widths.iter().sum());
    // Short values (dates, statuses) read badly when broken: they get their whole width first.
    let mut short: Vec<usize> = (1..n).filter(|&i| longest_line[i] <= SHORT_CELL).collect();
    short.sort_by_key(|&i| longest_line[i]);
    for i in short {
        let need = longest_line[i].saturating_sub(widths[i]);
        if need <= spare {
            widths[i] += need;
            spare -= need;
        }
    }
    // The rest goes, one column at a time, to the column furthest from its whole width.
    while spare > 0 {
        let Some(i) = (0..n)
            .filter(|&i| widths[i] < longest_line[i])
            .max_by_key(|&i| (longest_line[i] - widths[i]) * 1000 / longest_line[i])
        else {
            break;
        };
        widths[i] += 1;
        spare -= 1;
    }
    widths
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
            site: false,
            internal: false,
            created: chrono::NaiveDate::MIN,
        };
        draw(&table, &settings, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
        assert!(text.lines().count() > 5);
        assert!(!text.contains('\u{1b}'));
    }

    fn drawn(headers: &[&str], rows: &[&[&str]], width: u16) -> String {
        let table = TextTable {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        };
        let settings = Settings {
            lang: crate::lang::Lang::Da,
            width,
            styled: false,
            excel: false,
            site: false,
            internal: false,
            created: chrono::NaiveDate::MIN,
        };
        let mut out = Vec::new();
        draw(&table, &settings, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn words_are_not_broken_when_a_column_can_hold_them() {
        let text = drawn(
            &["Id", "Aktivitet", "Forum", "Periode"],
            &[&[
                "dialog-omu-adm",
                "Dialogmøde i OMU Administrationen",
                "OMU Administrationen",
                "4. kvartal 2025",
            ]],
            80,
        );
        assert!(text.contains("Administrationen"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    }

    #[test]
    fn a_title_of_200_kb_without_spaces_fits_and_is_cut() {
        let long = "x".repeat(200_000);
        let text = drawn(&["Id", "Titel"], &[&["a", &long]], 60);
        assert!(text.lines().all(|l| l.chars().count() <= 60));
        assert!(text.contains('…'));
        assert!(text.len() < 4_000, "{}", text.len());
    }

    #[test]
    fn escape_sequences_in_a_cell_are_shown_not_run() {
        let text = drawn(&["Id", "Titel"], &[&["a", "\u{1b}[2J::warning::x"]], 60);
        assert!(!text.contains('\u{1b}'));
        assert!(text.contains("␛[2J::warning::x"));
    }
}
