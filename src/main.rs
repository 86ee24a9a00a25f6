use std::process::ExitCode;

fn main() -> ExitCode {
    medtrio::install_panic_hook();
    medtrio::run(std::env::args_os())
}
