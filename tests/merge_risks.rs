//! Before accepting a merge the receiver is told what it puts at risk:
//! which of her fields will be in conflict, which of her edited items the
//! sender deleted, which numbers two activities will share. `karta merge
//! --dry-run` and `karta merge` print the same lines.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::*;

/// The binary as `author` would run it, with her own config folder.
fn karta(dir: &Path, author: &str) -> Command {
    let config = dir.join(author);
    fs::create_dir_all(&config).expect("config dir");
    fs::write(config.join("config.toml"), format!("name = \"{author}\"\n")).expect("config");
    Command::from_std(karta_command(&config))
}

/// Runs a command and returns its standard output.
fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines marked ‼.
fn risks(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with('‼')).collect()
}

#[test]
fn merge_and_its_dry_run_tell_conflicts_deleted_edits_and_duplicate_numbers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mine = d.join("mine.karta");
    run(karta(d, "Иванова И.И.")
        .args(["import", source("lysva").to_str().expect("path"), "-o"])
        .arg(&mine));
    let theirs = d.join("theirs.karta");
    fs::copy(&mine, &theirs).expect("copy");
    let set = |who: &str, file: &Path, args: [&str; 3]| {
        run(karta(d, who).arg("set").arg(file).args(args));
    };
    set("Иванова И.И.", &mine, ["1.1", "deadline", "Май 2022"]);
    set("Иванова И.И.", &mine, ["1.4", "deadline", "Март 2022"]);
    set("Корчевская И.П.", &theirs, ["1.1", "deadline", "Июнь 2022"]);
    set("Корчевская И.П.", &theirs, ["1.3", "number", "1.2."]);
    run(karta(d, "Корчевская И.П.")
        .arg("rm")
        .arg(&theirs)
        .arg("1.4"));

    let before = fs::read(&mine).expect("read");
    let dry = run(karta(d, "Иванова И.И.")
        .arg("merge")
        .arg(&mine)
        .arg(&theirs)
        .arg("--dry-run"));
    assert_eq!(
        fs::read(&mine).expect("read"),
        before,
        "a dry run writes nothing"
    );
    let told = risks(&dry);
    assert_eq!(told.len(), 3, "{dry}");
    assert!(
        told[0].starts_with("‼ Корчевская И.П. удалила 1.4. «")
            && told[0].contains("а вы изменили в нём срок: «Сентябрь-октябрь» → «Март 2022»"),
        "{dry}"
    );
    assert!(
        told[1].starts_with("‼ будет конфликт — 1.1. «")
            && told[1].ends_with("срок: «Май 2022» (вы) или «Июнь 2022» (Корчевская И.П.)"),
        "{dry}"
    );
    assert!(
        told[2].starts_with("‼ номер 1.2. будет у 2 мероприятий: «"),
        "{dry}"
    );

    let merged = run(karta(d, "Иванова И.И.")
        .arg("merge")
        .arg(&mine)
        .arg(&theirs));
    assert_eq!(risks(&merged), told, "the merge says the same");

    let again = run(karta(d, "Иванова И.И.")
        .arg("merge")
        .arg(&mine)
        .arg(&theirs));
    assert!(
        risks(&again).is_empty(),
        "nothing new the second time: {again}"
    );
}
