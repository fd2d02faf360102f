//! karta: roadmaps of municipal education departments.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = karta::cli::Cli::parse();
    match karta::cli::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let message = karta::model::text::one_line(&format!("{e:#}"));
            eprintln!("karta: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
