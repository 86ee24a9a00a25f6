//! CSV with the csv crate: RFC 4180, or what Danish Excel opens right. The columns are the
//! JSON rows' own fields, in their order, so the two never disagree: a list becomes its
//! items joined with ", ", a list of objects their values joined with " – " and " | ".

use std::io::{self, Write};

use serde_json::Value;

use super::wrap::inert_commands;
use super::{Document, Rendered, Renderer, Spec};

/// CSV.
pub const SPEC: Spec = Spec {
    extension: "csv",
    recognised: &["csv"],
    second_choice: false,
    binary: false,
    render,
};

fn render(renderer: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    let Some((headers, rows)) = doc.csv_rows() else {
        return Ok(false);
    };
    // One row is serialized at a time, so a list of every meeting is never held twice.
    let mut failed = None;
    let table = rows.map_while(|row| match row {
        Ok(row) => Some(
            headers
                .iter()
                .map(|h| cell(row.get(h).unwrap_or(&Value::Null)))
                .collect(),
        ),
        Err(e) => {
            failed = Some(e);
            None
        }
    });
    write(&headers, table, renderer.settings().excel, out)?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok(true)
}

/// A JSON value as one cell.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_object) => items
            .iter()
            .map(|item| match item {
                Value::Object(fields) => fields
                    .values()
                    .map(cell)
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" – "),
                other => cell(other),
            })
            .collect::<Vec<_>>()
            .join(" | "),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// Writes the header and rows: `,` and CRLF (RFC 4180), or for Excel `;`, CRLF and a BOM.
fn write(
    headers: &[String],
    rows: impl IntoIterator<Item = Vec<String>>,
    excel: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if excel {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(headers).map_err(into_io)?;
    for row in rows {
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

/// A cell that a spreadsheet would run as a formula gets a leading `'`, as OWASP advises; and
/// a cell printed in a CI log runs no workflow command from any of its lines (a line break in
/// a quoted cell starts a line of the log): see [`inert_commands`].
fn protect(cell: &str) -> std::borrow::Cow<'_, str> {
    let controls = cell
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    let cell: std::borrow::Cow<'_, str> = if controls || cell.contains("::") || cell.contains("##[")
    {
        cell.split_inclusive('\n')
            .map(|line| {
                // An escape sequence never reaches a terminal the CSV is printed on: control
                // characters but tab and line ends are shown as their pictures (`␛`).
                inert_commands(line)
                    .chars()
                    .map(|c| match c {
                        '\t' | '\n' | '\r' => c,
                        c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or(c),
                        '\u{7f}' => '\u{2421}',
                        c if c.is_control() => '\u{fffd}',
                        c => c,
                    })
                    .collect::<String>()
            })
            .collect::<String>()
            .into()
    } else {
        cell.into()
    };
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_starts_no_workflow_command_on_any_of_its_lines() {
        assert_eq!(
            protect("a\n::error::x ##[y]"),
            "a\n\u{200b}::error::x ##\u{200b}[y]"
        );
        assert_eq!(protect("a::b"), "a::b");
        assert_eq!(protect("x\u{1b}[31m\r\ny"), "x␛[31m\r\ny");
    }

    fn table() -> (Vec<String>, Vec<Vec<String>>) {
        (
            vec!["id".into(), "text".into()],
            vec![
                vec!["a".into(), "=SUM(A1)".into()],
                vec!["b".into(), "Æble; \"ø\"".into()],
            ],
        )
    }

    #[test]
    fn rfc_4180() {
        let (h, r) = table();
        let mut out = Vec::new();
        write(&h, r, false, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,text\r\na,'=SUM(A1)\r\nb,\"Æble; \"\"ø\"\"\"\r\n"
        );
    }

    #[test]
    fn excel() {
        let (h, r) = table();
        let mut out = Vec::new();
        write(&h, r, true, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}id;text\r\na;'=SUM(A1)\r\nb;\"Æble; \"\"ø\"\"\"\r\n"
        );
    }

    #[test]
    fn lists_join_and_objects_flatten() {
        let v: Value = serde_json::json!([{"id": "s1", "section": "A", "text": "x"}, {"id": "s2", "section": "B", "text": "y"}]);
        assert_eq!(cell(&v), "s1 – A – x | s2 – B – y");
        assert_eq!(cell(&serde_json::json!(["a", "b"])), "a, b");
        assert_eq!(cell(&Value::Null), "");
    }
}
