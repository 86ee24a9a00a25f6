//! JSON: the stable contract for scripts. Pretty-printed, with a final newline.

use std::io::{self, Write};

use serde::Serialize;

pub fn render<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}
