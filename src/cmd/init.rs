//! `medtrio init DIR`: a small, valid starter data set with comments on every field.

use std::fs;
use std::io::Write;

use anyhow::Result;

use crate::cli::InitArgs;
use crate::cmd::output::write_file;
use crate::error::Failure;

const STARTER: [(&str, &str); 5] = [
    (
        "programme.yaml",
        include_str!("../../examples/starter/programme.yaml"),
    ),
    (
        "roadmap.yaml",
        include_str!("../../examples/starter/roadmap.yaml"),
    ),
    (
        "findings.yaml",
        include_str!("../../examples/starter/findings.yaml"),
    ),
    (
        "cycle.yaml",
        include_str!("../../examples/starter/cycle.yaml"),
    ),
    (
        "members.yaml",
        include_str!("../../examples/starter/members.yaml"),
    ),
];

/// The plain reference document for Word output: `--reference-docx reference.docx` takes its
/// styles, so a municipality can restyle it in Word with its own fonts and letterhead.
const REFERENCE: &str = "reference.docx";

pub fn run(args: &InitArgs, out: &mut dyn Write) -> Result<()> {
    let dir = &args.dir;
    if dir.is_file() {
        return Err(Failure::operation(
            format!("`{}` is a file", dir.display()),
            "give init a new folder name",
        )
        .into());
    }
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(Failure::operation(
            format!("`{}` is not empty", dir.display()),
            "give init a new or empty folder; nothing was written",
        )
        .into());
    }
    fs::create_dir_all(dir).map_err(|e| {
        Failure::operation(
            format!("cannot create `{}`: {e}", dir.display()),
            "check the parent folder's permissions",
        )
    })?;
    for (name, text) in STARTER {
        write_file(&dir.join(name), text.as_bytes(), false)?;
    }
    write_file(
        &dir.join(REFERENCE),
        &crate::render::docx::plain_reference(),
        false,
    )?;
    writeln!(
        out,
        "wrote a starter data set to {}; try: medtrio --data {} agenda lmu-moede-1",
        dir.display(),
        dir.display()
    )?;
    Ok(())
}
