//! karta: roadmaps of municipal education departments.

use clap::Parser;
use karta::store::file::{panic_text, quietly};

fn main() -> std::process::ExitCode {
    let cli = karta::cli::Cli::parse();
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
            eprintln!("karta: {}", message(&e));
            std::process::ExitCode::FAILURE
        }
        Err(panic) => {
            eprintln!(
                "karta: internal error ({}); nothing more was saved",
                panic_text(panic.as_ref())
            );
            std::process::ExitCode::FAILURE
        }
    }
}

/// The error and its causes as one line, each cause once: a cause whose
/// text the message already holds (an I/O error shown with its file) is
/// not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    karta::model::text::one_line(&text)
}
