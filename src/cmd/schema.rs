//! `medtrio schema`: the JSON Schema of a data file, for editors and validators.

use std::io::Write;

use anyhow::Result;

use crate::cli::SchemaArgs;
use crate::schema::schema_json;

pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> Result<()> {
    out.write_all(schema_json(args.file).as_bytes())?;
    Ok(())
}
