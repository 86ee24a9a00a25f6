//! CSV with the csv crate: RFC 4180, or what Danish Excel opens right.

use std::io::{self, Write};

use crate::report::TextTable;

/// The two dialects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 4180: comma, CRLF, no byte-order mark.
    Rfc4180,
    /// Danish Excel: `;`, a UTF-8 byte-order mark, CRLF.
    Excel,
}

pub fn render(table: &TextTable, dialect: Dialect, out: &mut dyn Write) -> io::Result<()> {
    if dialect == Dialect::Excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if dialect == Dialect::Excel {
            b';'
        } else {
            b','
        })
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(&table.headers).map_err(into_io)?;
    for row in &table.rows {
        writer
            .write_record(row.iter().map(|cell| protect(cell).into_owned()))
            .map_err(into_io)?;
    }
    writer.flush()
}

fn into_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A cell that a spreadsheet would run as a formula gets a leading `'`, as OWASP advises.
fn protect(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TextTable {
        TextTable {
            headers: vec!["id".into(), "text".into()],
            rows: vec![
                vec!["a".into(), "=SUM(A1)".into()],
                vec!["b".into(), "Æble; \"ø\"".into()],
            ],
        }
    }

    #[test]
    fn rfc_4180() {
        let mut out = Vec::new();
        render(&table(), Dialect::Rfc4180, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,text\r\na,'=SUM(A1)\r\nb,\"Æble; \"\"ø\"\"\"\r\n"
        );
    }

    #[test]
    fn excel() {
        let mut out = Vec::new();
        render(&table(), Dialect::Excel, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}id;text\r\na;'=SUM(A1)\r\nb;\"Æble; \"\"ø\"\"\"\r\n"
        );
    }
}
