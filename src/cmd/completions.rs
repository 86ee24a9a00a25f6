//! `medtrio completions SHELL` and `medtrio man`: shell completions and the man page.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    // clap_complete panics when its writer fails; it writes to memory, and a closed pipe or
    // a full disk then comes back as an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "medtrio", &mut script);
    Ok(out.write_all(&script)?)
}

pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
