//! Errors as the user reads them: one line, in her language, naming the
//! file and saying what is wrong in plain words (no decoder messages, no
//! hashes).

use std::io::ErrorKind;
use std::path::Path;

use crate::i18n::Lang;
use crate::model::text::one_line;
use crate::store::StoreError;
use crate::store::exchange::chunks::Damage;

/// The error and its causes as one line in `lang`. A store error is told
/// in words of its own; any other keeps its text, each cause once.
pub fn error_line(e: &anyhow::Error, lang: Lang) -> String {
    if let Some(store) = e.downcast_ref::<StoreError>() {
        return one_line(&store_error(store, lang));
    }
    if let Some(sync) = e.downcast_ref::<crate::sync::SyncError>() {
        return one_line(&super::sync::sync_error(sync, lang));
    }
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        return one_line(&format!("{}: {}", e, io_words(io, lang)));
    }
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = match cause.downcast_ref::<StoreError>() {
            Some(store) => store_error(store, lang),
            None => cause.to_string(),
        };
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    one_line(&text)
}

/// What the user reads when karta failed inside itself (a panic): one
/// line in `lang`, pointing to the log file `log` for the details.
pub fn panic_line(lang: Lang, log: Option<&Path>) -> String {
    one_line(&format!(
        "{}{}",
        lang.t(
            "внутренняя ошибка; больше ничего не сохранено",
            "internal error; nothing more was saved"
        ),
        details_in_log(lang, log)
    ))
}

/// Where the details of an internal error are (" (подробности — в
/// ФАЙЛ)"), or nothing without a log file.
pub fn details_in_log(lang: Lang, log: Option<&Path>) -> String {
    match log {
        Some(log) => format!(
            " ({} {})",
            lang.t("подробности — в", "details in"),
            log.display()
        ),
        None => String::new(),
    }
}

/// A store error in words.
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    let at = |path: &Path| path.display().to_string();
    match e {
        StoreError::Io { path, source } => format!("{}: {}", at(path), io_words(source, lang)),
        StoreError::TooLarge { path, size, limit } => format!(
            "{}: файл слишком велик для дорожной карты ({}, допускается до {})",
            at(path),
            size_words(*size),
            size_words(*limit)
        ),
        StoreError::Corrupt { path, .. } => format!(
            "{}: файл повреждён или это не файл karta; ваши файлы не изменены",
            at(path)
        ),
        StoreError::Foreign { path } => format!(
            "{}: это документ Automerge, но не дорожная карта karta",
            at(path)
        ),
        StoreError::NewerFormat {
            path,
            version,
            supported,
        } => format!(
            "{}: файл записан более новой версией karta (формат {version}, эта версия читает до {supported}); обновите karta",
            at(path)
        ),
        StoreError::Automerge(_) | StoreError::Failed(_) => {
            "не удалось выполнить изменение в документе; ничего не сохранено".to_string()
        }
        StoreError::NotFound(text) => text.clone(),
        StoreError::DifferentRoadmap { path, .. } => format!(
            "{}: это не копия этой дорожной карты, а другая (импортированная отдельно); такие файлы не объединяются",
            at(path)
        ),
        StoreError::MissingPrerequisites { path, count } => format!(
            "{}: эти изменения продолжают более ранние, которых у вас ещё нет ({count} {}); сначала объедините более ранний файл изменений или весь файл отправителя",
            at(path),
            crate::plural::choose(*count, "изменение", "изменения", "изменений")
        ),
        StoreError::Damaged { path, damage } => format!(
            "{}: файл изменений {}; ничего не применено — попросите отправителя прислать его ещё раз",
            at(path),
            match damage {
                Damage::NotAChunk => "не читается",
                Damage::CutOff => "обрезан (пришёл не полностью)",
                Damage::Corrupted => "повреждён",
                Damage::UnknownKind => "неизвестного вида",
            }
        ),
        StoreError::IsBundle { path } => format!(
            "{}: это файл изменений, а не дорожная карта; объедините его со своей картой: karta merge КАРТА {}",
            at(path),
            at(path)
        ),
        StoreError::TooDeep { path, depth, limit } => format!(
            "{}: после объединения разделы были бы вложены на {depth} уровней (karta показывает до {limit}); не объединено",
            at(path)
        ),
        StoreError::NotAFile { path } => format!(
            "{}: это не обычный файл, а устройство или канал; karta читает только файлы",
            at(path)
        ),
        StoreError::IntoItself => {
            "раздел нельзя перенести в самого себя или в его же подраздел".to_string()
        }
        StoreError::Locked { path, lock } => format!(
            "{}: файл занят другой программой ({} существует); попробуйте ещё раз или удалите этот файл, если karta не запущена",
            at(path),
            at(lock)
        ),
    }
}

/// What an I/O error means, in words.
fn io_words(e: &std::io::Error, lang: Lang) -> String {
    let words = match e.kind() {
        ErrorKind::NotFound => lang.t("файл не найден", "no such file"),
        ErrorKind::PermissionDenied => lang.t("нет доступа к файлу", "permission denied"),
        ErrorKind::IsADirectory => lang.t("это папка, а не файл", "a folder, not a file"),
        ErrorKind::AlreadyExists => lang.t("файл уже существует", "the file already exists"),
        ErrorKind::StorageFull => lang.t("на диске нет места", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => lang.t("диск только для чтения", "read-only disk"),
        _ => return one_line(&e.to_string()),
    };
    words.to_string()
}

/// A size in bytes as people say it: «534 байта», «5 КБ», «256 МБ».
pub fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    match bytes {
        b if b < KB => format!(
            "{b} {}",
            crate::plural::choose(b as usize, "байт", "байта", "байт")
        ),
        b if b < KB * KB => format!("{} КБ", b.div_ceil(KB)),
        b if b < KB * KB * KB => format!("{} МБ", b.div_ceil(KB * KB)),
        b => format!("{} ГБ", b.div_ceil(KB * KB * KB)),
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
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_words(534), "534 байта");
        assert_eq!(size_words(500), "500 байт");
        assert_eq!(size_words(5 * 1024), "5 КБ");
        assert_eq!(size_words(256 * 1024 * 1024), "256 МБ");
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
        assert!(store_error(&io, Lang::En).contains("нет.karta"));
    }
}
