//! Sync through a server: `karta share`, `karta sync`, `karta serve`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::config::Config;
use crate::i18n::Lang;
use crate::store;
use crate::sync::once::{Exchanged, sync_file};
use crate::sync::servers::{self, Remote};

/// `karta share FILE --server URL [--token T]`: puts the roadmap on the
/// server, prints its `automerge:` URL and remembers the server for it.
pub fn share(
    file: &Path,
    server: Option<&str>,
    token: Option<&str>,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let doc = store::open(file)?;
    let roadmap = doc.roadmap_id();
    // The server given, else the one this roadmap was shared to, else the
    // config's, as for `karta sync`.
    let Some(remote) = servers::resolve(&roadmap, server, token, config)? else {
        bail!(
            "{}: {}",
            file.display(),
            lang.t(
                "укажите сервер: --server ws://АДРЕС:ПОРТ",
                "name the server: --server ws://HOST:PORT"
            )
        );
    };
    let exchanged = sync_file(file, doc, &remote, Some(&config.author()))?;
    let mut out = String::new();
    if let Err(e) = servers::remember(&roadmap, &remote) {
        let _ = writeln!(
            out,
            "{}: {e}",
            lang.t(
                "не удалось запомнить сервер",
                "could not remember the server"
            )
        );
    }
    let _ = writeln!(
        out,
        "{}: {} {} — {}",
        file.display(),
        lang.t("на сервере", "on the server"),
        remote.server,
        crate::sync::id::url(&roadmap)
    );
    let _ = writeln!(
        out,
        "{}",
        lang.t(
            "каждая копия этой дорожной карты найдёт её там сама: karta sync ФАЙЛ --server …",
            "every copy of this roadmap finds it there by itself: karta sync FILE --server …"
        )
    );
    told(&mut out, file, &remote, &exchanged, config, lang)?;
    super::print(&out)
}

/// `karta sync FILE [--server URL] [--token T]`: exchanges changes with the
/// roadmap's server and saves what came, with the summary of a merge.
pub fn sync(
    file: &Path,
    server: Option<&str>,
    token: Option<&str>,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let doc = store::open(file)?;
    let roadmap = doc.roadmap_id();
    let Some(remote) = servers::resolve(&roadmap, server, token, config)? else {
        bail!(
            "{}: {}",
            file.display(),
            lang.t(
                "сервер не известен: укажите --server ws://АДРЕС:ПОРТ (или [sync] server в настройках)",
                "no server known: give --server ws://HOST:PORT (or [sync] server in the config)"
            )
        );
    };
    let exchanged = sync_file(file, doc, &remote, Some(&config.author()))?;
    if server.is_some() && servers::remembered(&roadmap).ok().flatten().is_none() {
        let _ = servers::remember(&roadmap, &remote);
    }
    let mut out = String::new();
    told(&mut out, file, &remote, &exchanged, config, lang)?;
    super::print(&out)
}

/// What an exchange sent and brought, in words.
fn told(
    out: &mut String,
    file: &Path,
    remote: &Remote,
    exchanged: &Exchanged,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let (sent, received) = (exchanged.sent, exchanged.received);
    let _ = match lang {
        Lang::Ru => writeln!(
            out,
            "{}: отправлено изменений — {sent}, получено — {received}",
            remote.server
        ),
        Lang::En => writeln!(
            out,
            "{}: {sent} change(s) sent, {received} received",
            remote.server
        ),
    };
    let taken = &exchanged.taken;
    super::collab::summary(
        out,
        file,
        &taken.preview,
        &taken.risks,
        taken.saved.then_some(taken.conflicts),
        config,
        lang,
    )
}

/// `karta serve --port P --dir D [--listen ADDR] [--token T]`.
pub fn serve(
    port: u16,
    dir: PathBuf,
    listen: IpAddr,
    token: Option<String>,
    lang: Lang,
) -> Result<()> {
    let open_to_all = !listen.is_loopback() && token.is_none();
    let options = crate::sync::serve::Options {
        listen,
        port,
        dir: dir.clone(),
        token,
        lang,
    };
    crate::sync::serve::run(
        &options,
        |address| {
            let mut line = match lang {
                Lang::Ru => format!(
                    "karta serve: ws://{address} (хранилище {}); остановить — Ctrl-C\n",
                    dir.display()
                ),
                Lang::En => format!(
                    "karta serve: ws://{address} (storage {}); Ctrl-C stops it\n",
                    dir.display()
                ),
            };
            if open_to_all {
                line.push_str(lang.t(
                    "karta serve: без --token читать и менять дорожные карты может любой, кто достучится до сервера\n",
                    "karta serve: without --token anyone who reaches the server can read and change the roadmaps\n",
                ));
            }
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(line.as_bytes());
            let _ = stdout.flush();
        },
        std::future::pending(),
    )
}
