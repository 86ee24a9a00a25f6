//! `medtrio completions SHELL` and `medtrio man`: shell completions and the man page.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::cmd::output::write_file;
use crate::error::Failure;

/// The shell's script: it registers medtrio's completion, which asks medtrio itself
/// (`COMPLETE=SHELL medtrio -- …`), so that ids complete from the data as well as commands
/// and flags.
pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<()> {
    use clap_complete::Shell;
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::PowerShell => &Powershell,
        Shell::Elvish => &Elvish,
        // A shell clap_complete adds later gets the static script.
        _ => {
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "medtrio", &mut script);
            return Ok(out.write_all(&script)?);
        }
    };
    // Written to memory first: a closed pipe or a full disk is then an ordinary error.
    let mut script = Vec::new();
    shell.write_registration("COMPLETE", "medtrio", "medtrio", "medtrio", &mut script)?;
    Ok(out.write_all(&script)?)
}

/// The page of medtrio, of one command (`medtrio man actions done`), or all of them into a
/// folder, named as man finds them (`medtrio-actions-done.1`).
pub fn man(args: &ManArgs, out: &mut dyn Write) -> Result<()> {
    let mut top = Cli::command().disable_help_subcommand(true);
    // Built, so that each command's page is named `medtrio-agenda` and not `agenda`.
    top.build();
    if let Some(dir) = &args.out {
        if !dir.is_dir() {
            return Err(Failure::usage_with_help(
                format!("the folder `{}` does not exist", dir.display()),
                "make it first, e.g. `mkdir -p share/man/man1`",
            )
            .into());
        }
        let mut pages = Vec::new();
        collect(&top, &mut pages);
        for cmd in &pages {
            let page = page_of(cmd);
            let mut roff = Vec::new();
            page.render(&mut roff)?;
            write_file(&dir.join(page.get_filename()), &roff, args.force)?;
        }
        writeln!(out, "wrote {} man pages to {}", pages.len(), dir.display())?;
        return Ok(());
    }
    let mut cmd = &top;
    for (depth, name) in args.command.iter().enumerate() {
        cmd = match cmd.find_subcommand(name) {
            Some(sub) => sub,
            None => {
                let known: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                let path = args.command[..depth].join(" ");
                let within = if path.is_empty() {
                    "medtrio".to_owned()
                } else {
                    format!("medtrio {path}")
                };
                let help = crate::diagnostic::did_you_mean(crate::diagnostic::suggestions(
                    name,
                    known.iter().copied(),
                ))
                .unwrap_or_else(|| {
                    format!("the commands are {}", crate::diagnostic::backticked(known))
                });
                return Err(Failure::usage_with_help(
                    format!("`{within}` has no command `{name}`"),
                    help,
                )
                .into());
            }
        };
    }
    // A closed pipe (`medtrio man | head`) is an ordinary error, as in `completions`.
    let mut roff = Vec::new();
    page_of(cmd).render(&mut roff)?;
    Ok(out.write_all(&roff)?)
}

/// One page, its footer naming medtrio and its version (clap_mangen names the command).
fn page_of(cmd: &clap::Command) -> clap_mangen::Man {
    clap_mangen::Man::new(cmd.clone()).source(format!("medtrio {}", env!("CARGO_PKG_VERSION")))
}

/// A command and every command under it, parents first.
fn collect(cmd: &clap::Command, pages: &mut Vec<clap::Command>) {
    pages.push(cmd.clone());
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        collect(sub, pages);
    }
}
