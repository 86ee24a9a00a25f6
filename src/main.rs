use std::process::ExitCode;

fn main() -> ExitCode {
    medtrio::install_panic_hook();
    // `COMPLETE=bash medtrio -- medtrio agenda lm` (the script of `medtrio completions bash`
    // calls it): print the candidates and exit. Any other run goes on.
    clap_complete::CompleteEnv::with_factory(|| {
        <medtrio::cli::Cli as clap::CommandFactory>::command()
    })
    .complete();
    medtrio::run(std::env::args_os())
}
