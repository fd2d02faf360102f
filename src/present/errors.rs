//! Errors as the user reads them: one line, in her language, naming the
//! file and saying what is wrong in plain words (no decoder messages, no
//! hashes).

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::store::StoreError;
use crate::store::exchange::chunks::Damage;
use crate::tr;

/// A store error that does not name its file, with the file it is about.
#[derive(Debug)]
pub struct InFile {
    /// The file.
    pub file: PathBuf,
    /// The error.
    pub error: StoreError,
}

impl std::fmt::Display for InFile {
    /// In English, for logs; people read [`error_line`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.error)
    }
}

impl std::error::Error for InFile {}

/// The error and its causes as one line in `lang`. A store error is told
/// in words of its own; any other keeps its text, each cause once.
pub fn error_line(e: &anyhow::Error, lang: Lang) -> String {
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        return one_line(&format!("{}: {}", e, io_words(io, lang)));
    }
    let mut text = String::new();
    for cause in e.chain() {
        let (words, whole) = cause_words(cause, lang);
        if !text.contains(&words) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&words);
        }
        if whole {
            break;
        }
    }
    one_line(&text)
}

/// What the user reads when karta failed inside itself (a panic): one
/// line in `lang`, pointing to the log file `log` for the details.
pub fn panic_line(lang: Lang, log: Option<&Path>) -> String {
    one_line(&format!(
        "{}{}",
        tr!(lang, "internal-error"),
        details_in_log(lang, log)
    ))
}

/// Where the details of an internal error are (" (подробности — в
/// ФАЙЛ)"), or nothing without a log file.
pub fn details_in_log(lang: Lang, log: Option<&Path>) -> String {
    match log {
        Some(log) => format!(" ({} {})", tr!(lang, "details-in"), log.display()),
        None => String::new(),
    }
}

/// One error of a chain in words: the store's in `lang` (and true: they
/// tell their causes themselves), others as they say themselves.
fn cause_words(e: &(dyn std::error::Error + 'static), lang: Lang) -> (String, bool) {
    if let Some(store) = e.downcast_ref::<StoreError>() {
        return (store_error(store, lang), true);
    }
    if let Some(sync) = e.downcast_ref::<crate::sync::SyncError>() {
        return (super::sync::sync_error(sync, lang), true);
    }
    if let Some(message) = e.downcast_ref::<crate::i18n::Message>() {
        return (message.text(lang), false);
    }
    if let Some(InFile { file, error }) = e.downcast_ref::<InFile>() {
        let words = format!("{}: {}", file.display(), store_error(error, lang));
        return (words, true);
    }
    (e.to_string(), false)
}

/// A store error in words.
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    let at = |path: &Path| path.display().to_string();
    match e {
        StoreError::Io { path, source } => format!("{}: {}", at(path), io_words(source, lang)),
        StoreError::TooLarge { path, size, limit } => tr!(
            lang,
            "error-too-large",
            file = at(path),
            size = crate::i18n::size(*size, lang),
            limit = crate::i18n::size(*limit, lang)
        ),
        // In English the decoder's reason stays, for whoever looks into
        // the file; a Russian reader gets the plain words alone.
        StoreError::Corrupt { .. } if lang == Lang::En => e.to_string(),
        StoreError::Corrupt { path, .. } => tr!(lang, "error-corrupt", file = at(path)),
        StoreError::Foreign { path } => tr!(lang, "error-foreign", file = at(path)),
        StoreError::NewerFormat {
            path,
            version,
            supported,
        } => tr!(
            lang,
            "error-newer-format",
            file = at(path),
            version = *version,
            supported = *supported
        ),
        StoreError::Automerge(_) | StoreError::Failed(_) => tr!(lang, "error-failed"),
        StoreError::NotFound(message) => message.text(lang),
        StoreError::DifferentRoadmap { path, .. } => {
            tr!(lang, "error-different-roadmap", file = at(path))
        }
        StoreError::MissingPrerequisites { path, count } => tr!(
            lang,
            "error-missing-earlier",
            file = at(path),
            count = *count
        ),
        StoreError::Damaged { path, damage } => tr!(
            lang,
            "error-damaged",
            file = at(path),
            damage = match damage {
                Damage::NotAChunk => tr!(lang, "damage-unreadable"),
                Damage::CutOff => tr!(lang, "damage-cut-off"),
                Damage::Corrupted => tr!(lang, "damage-corrupted"),
                Damage::UnknownKind => tr!(lang, "damage-unknown"),
            }
        ),
        StoreError::IsBundle { path } => tr!(lang, "error-is-bundle", file = at(path)),
        StoreError::TooDeep { path, depth, limit } => tr!(
            lang,
            "error-too-deep",
            file = at(path),
            depth = *depth,
            limit = *limit
        ),
        StoreError::NotAFile { path } => tr!(lang, "error-not-a-file", file = at(path)),
        StoreError::IntoItself => tr!(lang, "error-into-itself"),
        StoreError::Locked { path, lock } => {
            tr!(lang, "error-locked", file = at(path), lock = at(lock))
        }
    }
}

/// What an I/O error means, in words.
fn io_words(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        ErrorKind::NotFound => tr!(lang, "io-not-found"),
        ErrorKind::PermissionDenied => tr!(lang, "io-permission"),
        ErrorKind::IsADirectory => tr!(lang, "io-folder"),
        ErrorKind::AlreadyExists => tr!(lang, "io-exists"),
        ErrorKind::StorageFull => tr!(lang, "io-disk-full"),
        ErrorKind::ReadOnlyFilesystem => tr!(lang, "io-read-only"),
        _ => one_line(&e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_told_in_one_line_of_the_users_language_naming_the_log() {
        let caught = crate::store::disk::file::quietly::<()>(|| {
            panic!("called `Option::unwrap()`\n  at types.rs:42\nstack backtrace:")
        });
        assert!(caught.is_err());
        let log = Path::new("/home/методист/.config/karta/karta.log");
        let line = panic_line(Lang::Ru, Some(log));
        assert_eq!(
            line,
            "внутренняя ошибка; больше ничего не сохранено (подробности — в /home/методист/.config/karta/karta.log)"
        );
        assert_eq!(
            panic_line(Lang::En, None),
            "internal error; nothing more was saved"
        );
        assert!(!line.contains("unwrap") && !line.contains('\n'));
    }

    #[test]
    fn store_errors_are_told_in_russian_naming_the_file() {
        let e = StoreError::Damaged {
            path: "почта/изменения.karta-changes".into(),
            damage: Damage::CutOff,
        };
        let line = store_error(&e, Lang::Ru);
        assert!(
            line.starts_with("почта/изменения.karta-changes: "),
            "{line}"
        );
        assert!(line.contains("обрезан"), "{line}");
        let io = StoreError::Io {
            path: "нет.karta".into(),
            source: std::io::Error::from(ErrorKind::NotFound),
        };
        assert_eq!(store_error(&io, Lang::Ru), "нет.karta: файл не найден");
        assert_eq!(store_error(&io, Lang::En), "нет.karta: no such file");
        let big = StoreError::TooLarge {
            path: "большой.karta".into(),
            size: 300 * 1024 * 1024,
            limit: 256 * 1024 * 1024,
        };
        assert_eq!(
            store_error(&big, Lang::Ru),
            "большой.karta: файл слишком велик для дорожной карты (300 МБ, допускается до 256 МБ)"
        );
        let early = StoreError::MissingPrerequisites {
            path: "изм.karta-changes".into(),
            count: 3,
        };
        assert!(store_error(&early, Lang::Ru).contains("(3 изменения)"));
        assert!(store_error(&early, Lang::En).contains("3 earlier changes"));
    }
}
