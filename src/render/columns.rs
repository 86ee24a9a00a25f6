//! How wide each column of a printed table is: from its content, as a browser sizes an
//! automatic table, so that the column of long texts ("Hvad", "Aktivitet") gets the room and
//! a column of dates or short names keeps its words whole. Used by the PDF and Word renderers,
//! which then give every table the same proportions.

/// The layout of one table: each column's share of the width (they add up to 1), and
/// whether it holds figures (set right-aligned).
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    pub shares: Vec<f64>,
    pub numeric: Vec<bool>,
    /// Whether the table has a header row worth printing (not every header is empty).
    pub header: bool,
}

/// Cell padding, in characters, that a column needs beyond its text.
const PADDING: usize = 3;

/// Lays out a table of `headers` and `rows` in a width of `budget` characters.
pub fn layout(headers: &[String], rows: &[Vec<String>], budget: usize) -> Columns {
    let n = headers
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let header = headers.iter().any(|h| !h.trim().is_empty());
    let cells = |c: usize| {
        let head = header.then(|| headers.get(c).map(String::as_str)).flatten();
        head.into_iter().chain(
            rows.iter()
                .filter_map(move |r| r.get(c).map(String::as_str)),
        )
    };
    let chars = |t: &str| t.chars().filter(|c| *c != '\u{ad}').count();
    let longest_word = |t: &str| t.split_whitespace().map(chars).max().unwrap_or(0);
    // A header may wrap to two lines ("Holdt møde / om det"): it asks for its longest word,
    // the body for its longest cell.
    let natural: Vec<usize> = (0..n)
        .map(|c| {
            let head = headers.get(c).map_or(0, |h| longest_word(h));
            let body = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| chars(t))
                .max()
                .unwrap_or(0);
            head.max(body).max(1) + PADDING
        })
        .collect();
    let least: Vec<usize> = (0..n)
        .map(|c| {
            let word = cells(c).map(longest_word).max().unwrap_or(0);
            // A word longer than a third of the line breaks anyway (a URL).
            word.min(budget / 3).max(3) + PADDING
        })
        .collect();
    let numeric: Vec<bool> = (0..n)
        .map(|c| {
            let mut body = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .peekable();
            body.peek().is_some() && body.all(is_figure)
        })
        .collect();

    let total: usize = natural.iter().sum();
    let widths: Vec<f64> = if total <= budget {
        // Everything fits on one line: the widest column takes what is left.
        let widest = (0..n).max_by_key(|c| natural[*c]).unwrap_or(0);
        let mut w: Vec<f64> = natural.iter().map(|x| *x as f64).collect();
        w[widest] += (budget - total) as f64;
        w
    } else {
        let floor: usize = least.iter().sum();
        let room = budget.saturating_sub(floor) as f64;
        let wants: Vec<f64> = (0..n)
            .map(|c| natural[c].saturating_sub(least[c]) as f64)
            .collect();
        let wanted: f64 = wants.iter().sum();
        (0..n)
            .map(|c| {
                least[c] as f64
                    + if wanted > 0.0 {
                        room * wants[c] / wanted
                    } else {
                        0.0
                    }
            })
            .collect()
    };
    let sum: f64 = widths.iter().sum();
    Columns {
        shares: widths.iter().map(|w| w / sum).collect(),
        numeric,
        header,
    }
}

/// "12", "3,5", "40 %", "1.200": a figure, set right-aligned.
fn is_figure(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '%' | ' ' | '-' | '+' | '\u{a0}')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_column_of_long_texts_gets_the_room_and_short_words_stay_whole() {
        let headers = strings(&["Hvad", "Hvem", "Hvornår", "Status"]);
        let rows = vec![strings(&[
            "Send udkastet til personaleplanlægningen til arbejdsmiljørepræsentanten",
            "Souschef",
            "15. dec. 2026",
            "åben",
        ])];
        let c = layout(&headers, &rows, 80);
        assert!(c.shares[0] > 0.5, "{:?}", c.shares);
        // "Souschef" and its padding fit in its column.
        assert!(c.shares[1] * 80.0 >= 10.0, "{:?}", c.shares);
        assert!((c.shares.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn figures_are_found_and_an_empty_header_is_no_header() {
        let headers = strings(&["", ""]);
        let rows = vec![
            strings(&["Møder", "12"]),
            strings(&["Handlingspunkter", "1.200"]),
        ];
        let c = layout(&headers, &rows, 80);
        assert_eq!(c.numeric, vec![false, true]);
        assert!(!c.header);
    }
}
