//! The approved edition and what changed since, from the command line:
//! `karta approve` records the roadmap as it stands, later approvals keep
//! the earlier ones (in every copy, even when two copies approve at once),
//! and `karta diff --since approved` lists every change since in words,
//! grouped by section, with who made it — as text (a golden file),
//! Markdown and a Word «лист изменений».

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;

/// The binary as `author` runs it (see `common::karta_as`).
fn karta(dir: &Path, author: &str) -> Command {
    Command::from_std(karta_as(dir, author))
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn sample(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::copy(project("samples/lysva.karta"), &path).expect("copy");
    path
}

/// Runs `karta ARGS…` on `file` as `author`.
fn on(dir: &Path, author: &str, file: &Path, args: &[&str]) -> String {
    let mut cmd = karta(dir, author);
    cmd.arg(args[0]).arg(file).args(&args[1..]);
    stdout(&mut cmd)
}

/// The text with every "YYYY-MM-DD HH:MM" (a time of a change, by the
/// clock of the test run) replaced by "[время]".
fn without_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let shape = "0000-00-00 00:00";
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let fits = i + shape.len() <= chars.len()
            && shape.chars().enumerate().all(|(k, s)| {
                let c = chars[i + k];
                if s == '0' { c.is_ascii_digit() } else { c == s }
            });
        if fits {
            out.push_str("[время]");
            i += shape.len();
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn diff_since_the_approved_edition_lists_every_change_in_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let file = sample(d, "lysva.karta");
    let said = on(
        d,
        "Иванова И.И.",
        &file,
        &["approve", "--number", "491/01-08", "--date", "2021-10-28"],
    );
    assert!(said.contains("приказ от 28.10.2021 № 491/01-08"), "{said}");
    let none = on(d, "x", &file, &["diff", "--since", "approved"]);
    assert!(none.contains("изменений нет"), "{none}");

    // Scripted edits by two people.
    on(
        d,
        "Иванова И.И.",
        &file,
        &["set", "1.1", "deadline", "Январь 2022"],
    );
    on(
        d,
        "Иванова И.И.",
        &file,
        &[
            "set",
            "2.3",
            "result",
            "Повышение эффективности управленческой деятельности по вопросам обеспечения качества образования. Адресная помощь на сайте ГУО и в социальных сетях.",
        ],
    );
    on(
        d,
        "Колосов В.Г.",
        &file,
        &["set", "2.1", "status", "выполнено"],
    );
    on(
        d,
        "Колосов В.Г.",
        &file,
        &["set", "2.2", "responsible", "Управление образования; ЦНМО"],
    );
    on(
        d,
        "Колосов В.Г.",
        &file,
        &[
            "add",
            "--section",
            "2",
            "--text",
            "Семинар для заместителей директоров",
            "--deadline",
            "Май 2022",
        ],
    );
    on(d, "Колосов В.Г.", &file, &["rm", "1.3"]);
    on(
        d,
        "Колосов В.Г.",
        &file,
        &["comment", "1.1", "Перенесли из-за ГИА"],
    );

    let text = on(d, "x", &file, &["diff", "--since", "approved"]);
    insta::assert_snapshot!("diff_since_approved", without_times(&text));

    let md = d.join("changes.md");
    on(
        d,
        "x",
        &file,
        &[
            "diff",
            "--since",
            "approved",
            "--format",
            "md",
            "-o",
            md.to_str().expect("path"),
        ],
    );
    let md = fs::read_to_string(&md).expect("md");
    assert!(md.contains("## раздел 2."), "{md}");
    assert!(
        md.contains("**[+помощь на сайте ГУО и в социальных сетях.]**"),
        "{md}"
    );

    let docx = d.join("changes.docx");
    on(
        d,
        "x",
        &file,
        &[
            "diff",
            "--format",
            "docx",
            "-o",
            docx.to_str().expect("path"),
        ],
    );
    let bytes = fs::read(&docx).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut body = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("body"),
        &mut body,
    )
    .expect("read");
    assert!(body.contains("Лист изменений"));
    assert!(body.contains(
        "<w:u w:val=\"single\"/></w:rPr><w:t xml:space=\"preserve\">помощь на сайте ГУО"
    ));

    // Since a change named by the first digits of its hash (as karta log
    // shows it): only what came after it.
    let log = on(d, "x", &file, &["log", "--number", "2.2"]);
    let hash = log
        .lines()
        .find(|l| l.contains("Колосов В.Г."))
        .and_then(|l| l.split_whitespace().next())
        .expect("the change of 2.2")
        .to_string();
    let since_change = on(d, "x", &file, &["diff", "--since", &hash]);
    assert!(
        since_change.contains("после изменения от") && since_change.contains("Колосов В.Г."),
        "{since_change}"
    );
    assert!(
        since_change.contains("Семинар для заместителей директоров"),
        "{since_change}"
    );
    assert!(
        !since_change.contains("Январь 2022") && !since_change.contains("ЦНМО"),
        "not what came before it, nor it: {since_change}"
    );

    let since_day = on(d, "x", &file, &["diff", "--since", "2000-01-01"]);
    assert!(since_day.contains("Изменения с 01.01.2000"), "{since_day}");
    karta(d, "x")
        .arg("diff")
        .arg(&file)
        .args(["--format", "docx"])
        .assert()
        .failure();
}

#[test]
fn a_later_approval_keeps_the_earlier_ones_in_every_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mine = sample(d, "mine.karta");
    let theirs = sample(d, "theirs.karta");
    let unapproved = on(d, "x", &mine, &["approvals"]);
    assert!(
        unapproved.contains("утверждённых редакций нет"),
        "{unapproved}"
    );
    karta(d, "x")
        .arg("diff")
        .arg(&mine)
        .assert()
        .failure()
        .stderr(predicates::str::contains("karta approve"));
    // Two copies approve at once (neither has an approvals map yet).
    on(
        d,
        "Иванова И.И.",
        &mine,
        &["approve", "--number", "20", "--date", "2022-02-26"],
    );
    on(
        d,
        "Колосов В.Г.",
        &theirs,
        &["approve", "--number", "21", "--date", "2022-03-01"],
    );
    on(
        d,
        "Иванова И.И.",
        &mine,
        &["set", "1.1", "deadline", "Январь 2022"],
    );
    on(
        d,
        "Иванова И.И.",
        &mine,
        &["merge", theirs.to_str().expect("path")],
    );
    on(
        d,
        "Колосов В.Г.",
        &theirs,
        &["merge", mine.to_str().expect("path")],
    );
    for file in [&mine, &theirs] {
        let list = on(d, "x", file, &["approvals"]);
        let first = list.find("№ 20").expect(&list);
        let second = list.find("№ 21").expect(&list);
        assert!(first < second, "oldest order first: {list}");
        assert!(
            list.contains("Иванова И.И.") && list.contains("Колосов В.Г."),
            "{list}"
        );
    }
    let log = on(d, "x", &mine, &["log"]);
    assert!(
        log.contains("утвердила редакцию: приказ от 26.02.2022 № 20"),
        "{log}"
    );
    // A new edition: the earlier approval stays listed, and what changed
    // is counted from the latest.
    on(
        d,
        "Иванова И.И.",
        &mine,
        &["approve", "--number", "30", "--date", "2023-01-10"],
    );
    let list = on(d, "x", &mine, &["approvals"]);
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(
        list.lines()
            .last()
            .is_some_and(|l| l.contains("№ 30") && l.ends_with("— 0")),
        "{list}"
    );
    let diff = on(d, "x", &mine, &["diff"]);
    assert!(diff.contains("изменений нет"), "{diff}");
}
