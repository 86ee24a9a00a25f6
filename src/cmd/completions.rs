//! `medtrio completions SHELL` and `medtrio man`: shell completions and the man page.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};

pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    clap_complete::generate(args.shell, &mut Cli::command(), "medtrio", out);
    Ok(())
}

pub fn man(out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}
