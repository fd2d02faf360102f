//! Sync errors in words: one line naming the server and what went wrong.

use crate::i18n::Lang;
use crate::sync::SyncError;

/// A sync error in `lang`.
pub fn sync_error(e: &SyncError, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        SyncError::BadAddress(server) => format!(
            "{server}: это не адрес сервера синхронизации (нужен ws://АДРЕС:ПОРТ или wss://АДРЕС/ПУТЬ)"
        ),
        SyncError::Unreachable { server, .. } => format!(
            "{server}: не удалось подключиться к серверу; ваш файл не изменён, синхронизируйте позже"
        ),
        SyncError::Unauthorized(server) => {
            format!("{server}: сервер не принял токен (--token или [sync] token в настройках)")
        }
        SyncError::Protocol { server, .. } => {
            format!("{server}: это не сервер синхронизации automerge-repo")
        }
        SyncError::Closed(server) => format!(
            "{server}: соединение оборвалось до конца обмена; ваш файл не изменён, повторите позже"
        ),
        SyncError::TimedOut(server) => {
            format!("{server}: сервер не ответил вовремя; ваш файл не изменён, повторите позже")
        }
        SyncError::Unavailable(server) => format!(
            "{server}: на сервере нет этой дорожной карты; сначала выложите её: karta share"
        ),
        SyncError::Refused { server, reason } => format!(
            "{server}: присланное сервером отклонено ({}); ничего из этого не принято, ваш файл не изменён",
            reason.words(lang)
        ),
    }
}
