//! GitHub-flavoured Markdown tables and text.

use std::io::{self, Write};

use crate::report::TextTable;

pub fn render_table(table: &TextTable, out: &mut dyn Write) -> io::Result<()> {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape_cell(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", row(&table.headers))?;
    writeln!(out, "|{}|", vec!["---"; table.headers.len()].join("|"))?;
    for r in &table.rows {
        writeln!(out, "{}", row(r))?;
    }
    Ok(())
}

/// A table cell: `|` escaped, line breaks as `<br>`, so that no text breaks the table.
pub fn escape_cell(text: &str) -> String {
    escape_inline(text)
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

/// Inline text: characters that would start Markdown or HTML syntax are escaped.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_do_not_break_a_table() {
        let table = TextTable {
            headers: vec!["a".into(), "b".into()],
            rows: vec![vec!["x|y".into(), "line\nbreak".into()]],
        };
        let mut out = Vec::new();
        render_table(&table, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "| a | b |\n|---|---|\n| x\\|y | line<br>break |\n"
        );
    }
}
