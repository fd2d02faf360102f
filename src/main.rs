//! karta: roadmaps of municipal education departments.

use karta::store::file::{panic_text, quietly};

fn main() -> std::process::ExitCode {
    let cli = karta::cli_help::parse();
    let lang = karta::cli::language(&cli);
    // A failure inside a library (Automerge on a document nobody foresaw)
    // ends the command with one line instead of a crash report; with
    // RUST_BACKTRACE set, panics are left to print as usual.
    let outcome = if std::env::var_os("RUST_BACKTRACE").is_some() {
        Ok(karta::cli::run(cli))
    } else {
        quietly(|| karta::cli::run(cli))
    };
    match outcome {
        Ok(Ok(())) => std::process::ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("karta: {}", karta::present::errors::error_line(&e, lang));
            std::process::ExitCode::FAILURE
        }
        Err(panic) => {
            eprintln!(
                "karta: {} ({})",
                karta::tr!(lang, "internal-error"),
                panic_text(panic.as_ref())
            );
            std::process::ExitCode::FAILURE
        }
    }
}
