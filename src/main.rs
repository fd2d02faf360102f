//! karta: roadmaps of municipal education departments.

use karta::present::errors::{error_line, panic_line};
use karta::store::disk::file::quietly;

fn main() -> std::process::ExitCode {
    let cli = karta::cli_help::parse();
    let lang = karta::cli::language(&cli);
    karta::log::start();
    karta::log::panics_to_log();
    // A failure inside karta or a library (Automerge on a document nobody
    // foresaw) ends the command with one line in the user's language,
    // whatever RUST_BACKTRACE says; the details go to the log.
    match quietly(|| karta::cli::run(cli)) {
        Ok(Ok(())) => std::process::ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("karta: {}", error_line(&e, lang));
            std::process::ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("karta: {}", panic_line(lang, karta::log::file().as_deref()));
            std::process::ExitCode::FAILURE
        }
    }
}
