//! Plain text for the terminal and e-mail: `show` details.

use std::io::{self, Write};

use crate::report::show::Detail;

pub fn render_detail(detail: &Detail, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}  [{} {}]", detail.title, detail.kind, detail.id)?;
    let width = detail
        .fields
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in &detail.fields {
        let pad = " ".repeat(width - label.chars().count());
        writeln!(out, "  {label}:{pad} {value}")?;
    }
    for section in &detail.sections {
        writeln!(out)?;
        writeln!(out, "{}", section.heading)?;
        for line in &section.lines {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
