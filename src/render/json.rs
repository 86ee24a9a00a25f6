//! JSON: the stable contract for scripts. Pretty-printed, with a final newline.

use std::io::Write;

use super::{Document, Rendered, write_json};

pub fn render(doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    if matches!(doc, Document::Calendar(_)) {
        return Ok(false);
    }
    write_json(doc, out)?;
    Ok(true)
}
