//! JSON: the stable contract for scripts. Pretty-printed, with a final newline.

use std::io::Write;

use super::{Document, Rendered, Renderer, Spec, write_json};

/// JSON.
pub const SPEC: Spec = Spec {
    extension: "json",
    recognised: &["json"],
    second_choice: false,
    binary: false,
    render,
};

fn render(_: &Renderer, doc: &Document<'_>, out: &mut dyn Write) -> Rendered {
    if matches!(doc, Document::Calendar(_)) {
        return Ok(false);
    }
    write_json(doc, out)?;
    Ok(true)
}
