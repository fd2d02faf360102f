//! Roadmaps in and out the way offices hold them: Word and Excel files made
//! by this test code (never by hand), read by the real binary and written
//! back.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;
use serde_json::Value;

/// The binary with its own config and cache folders.
fn karta(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("karta").expect("binary");
    cmd.env("KARTA_CONFIG_DIR", dir.join("config"))
        .env("KARTA_CACHE_DIR", dir.join("cache"));
    cmd
}

/// A zip with the given parts.
fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, text) in parts {
        out.start_file(*name, options).expect("start");
        out.write_all(text.as_bytes()).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A .docx whose body is `body` (WordprocessingML), with `numbering`.
fn docx(body: &str, numbering: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let numbering = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering {W}>{numbering}</w:numbering>"
    );
    zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
        ),
        ("word/document.xml", &document),
        ("word/numbering.xml", &numbering),
    ])
}

/// A paragraph; `num` = (numId, level) for automatic numbering.
fn p(text: &str, num: Option<(u32, u32)>) -> String {
    let num = num
        .map(|(id, lvl)| format!("<w:pPr><w:numPr><w:ilvl w:val=\"{lvl}\"/><w:numId w:val=\"{id}\"/></w:numPr></w:pPr>"))
        .unwrap_or_default();
    let text = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    format!("<w:p>{num}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

/// A cell with properties `pr` and paragraphs.
fn tc(pr: &str, paragraphs: &[String]) -> String {
    format!("<w:tc><w:tcPr>{pr}</w:tcPr>{}</w:tc>", paragraphs.concat())
}

/// A plain cell of one paragraph.
fn cell(text: &str) -> String {
    tc("", &[p(text, None)])
}

fn tr(header: bool, cells: &[String]) -> String {
    let pr = if header {
        "<w:trPr><w:tblHeader/></w:trPr>"
    } else {
        ""
    };
    format!("<w:tr>{pr}{}</w:tr>", cells.concat())
}

fn tbl(rows: &[String]) -> String {
    format!("<w:tbl><w:tblPr/>{}</w:tbl>", rows.concat())
}

/// Lists: numId 1 = "%1." / "%1.%2.".
const NUMBERING: &str = "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";

/// A Word roadmap with every case of the issue: the approval block in a
/// borderless layout table beside another order, the title in paragraphs, a
/// header row repeated with a row of column numbers, section rows merged
/// across, automatic numbering, a responsible merged down, cells of several
/// paragraphs, a completion column, and the table split in two.
fn word_roadmap() -> Vec<u8> {
    let header = || {
        tr(
            true,
            &[
                cell("№ п/п"),
                cell("Мероприятия"),
                cell("Сроки"),
                cell("Ответственные"),
                cell("Отметка о выполнении"),
            ],
        )
    };
    let numbers = tr(true, &["1", "2", "3", "4", "5"].map(cell));
    let section = |title: &str| {
        tr(
            false,
            &[tc("<w:gridSpan w:val=\"5\"/>", &[p(title, Some((1, 0)))])],
        )
    };
    let activity = |text: &[&str], deadline: &str, responsible: &str, merge: &str, done: &str| {
        let paragraphs: Vec<String> = text.iter().map(|t| p(t, None)).collect();
        let responsible = if merge == "continue" {
            tc("<w:vMerge/>", &[p("", None)])
        } else {
            tc(merge, &[p(responsible, None)])
        };
        tr(
            false,
            &[
                tc("", &[p("", Some((1, 1)))]),
                tc("", &paragraphs),
                cell(deadline),
                responsible,
                cell(done),
            ],
        )
    };
    let layout = tbl(&[tr(
        false,
        &[
            tc(
                "",
                &[
                    p("СОГЛАСОВАНО", None),
                    p("на заседании методического совета", None),
                    p("протокол от 10.01.2024 № 3", None),
                ],
            ),
            tc(
                "",
                &[
                    p("УТВЕРЖДЕНО", None),
                    p("приказом управления образования", None),
                    p("от «12» января 2024 г. № 15-од", None),
                ],
            ),
        ],
    )]);
    let first = tbl(&[
        header(),
        numbers,
        section("Нормативное обеспечение"),
        activity(
            &["Разработать положение о МСОКО", "и утвердить его приказом"],
            "Январь 2024",
            "Фролова Е.В.",
            "<w:vMerge w:val=\"restart\"/>",
            "выполнено",
        ),
        activity(
            &["Утвердить план мониторинга"],
            "до 01.03.2024",
            "",
            "continue",
            "в работе",
        ),
    ]);
    let second = tbl(&[
        header(),
        section("Методическое сопровождение"),
        activity(
            &["Провести семинар для заместителей директоров"],
            "Октябрь 2024",
            "МБУ «ЦРО»",
            "",
            "перенесено на ноябрь",
        ),
    ]);
    let body = [
        layout,
        p("", None),
        p("План мероприятий («дорожная карта»)", None),
        p(
            "по развитию муниципальной системы оценки качества образования в городе Энске на 2024-2025 годы",
            None,
        ),
        p("", None),
        first,
        p("", None),
        second,
        p("Начальник управления образования ________ Н.Н. Иванова", None),
    ]
    .concat();
    docx(&body, NUMBERING)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn import(dir: &Path, source: &Path, output: &str) -> PathBuf {
    let out = dir.join(output);
    let done = karta(dir)
        .arg("import")
        .arg(source)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    out
}

fn json(dir: &Path, file: &Path) -> Value {
    let out = karta(dir)
        .args(["export", "--format", "json"])
        .arg(file)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn a_word_roadmap_comes_in_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = write(dir.path(), "roadmap.docx", &word_roadmap());
    let file = import(dir.path(), &source, "r.karta");
    let v = json(dir.path(), &file);
    assert_eq!(
        v["title"],
        "План мероприятий («дорожная карта») по развитию муниципальной системы оценки качества образования в городе Энске на 2024-2025 годы"
    );
    assert_eq!(v["municipality"], "город Энск");
    assert_eq!(v["approval"]["number"], "15-од");
    assert_eq!(v["approval"]["date"], "2024-01-12");
    assert_eq!(v["period"]["from"], "2024-01-01");
    let titles: Vec<&str> = v["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c["title"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        [
            "№ п/п",
            "Мероприятия",
            "Сроки",
            "Ответственные",
            "Отметка о выполнении"
        ]
    );
    let sections = v["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 2, "{v:#}");
    assert_eq!(sections[0]["number"], "1.");
    assert_eq!(sections[0]["title"], "Нормативное обеспечение");
    assert_eq!(sections[1]["number"], "2.");
    let a = &sections[0]["activities"];
    assert_eq!(a[0]["number"], "1.1.");
    assert_eq!(
        a[0]["text"],
        "Разработать положение о МСОКО\nи утвердить его приказом"
    );
    assert_eq!(a[0]["deadline"]["text"], "Январь 2024");
    assert_eq!(a[0]["responsible"][0], "Фролова Е.В.");
    assert_eq!(a[0]["status"], "done");
    assert_eq!(a[0]["col1"], "выполнено");
    assert_eq!(a[1]["number"], "1.2.");
    assert_eq!(a[1]["responsible"][0], "Фролова Е.В.", "merged down");
    assert_eq!(a[1]["status"], "in_progress");
    let b = &sections[1]["activities"];
    assert_eq!(b.as_array().map(Vec::len), Some(1), "{v:#}");
    assert_eq!(b[0]["number"], "2.1.");
    assert_eq!(b[0]["responsible"][0], "МБУ «ЦРО»");
    assert_eq!(b[0]["status"], "planned");
    assert_eq!(b[0]["col1"], "перенесено на ноябрь");
}

#[test]
fn damaged_and_foreign_containers_are_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let full = word_roadmap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("cut.docx", full[..full.len() / 2].to_vec(), "архив"),
        ("other.docx", zip(&[("a.txt", "x")]), "не документ Word"),
        (
            "bad.docx",
            zip(&[("word/document.xml", "<w:document><w:body><w:p></w:body>")]),
            "XML",
        ),
        ("empty.docx", docx("", ""), "таблица не найдена"),
    ];
    for (name, bytes, expected) in cases {
        let source = write(dir.path(), name, &bytes);
        let out = karta(dir.path())
            .arg("import")
            .arg(&source)
            .arg("-o")
            .arg(dir.path().join(format!("{name}.karta")))
            .output()
            .expect("run");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}");
        assert!(
            err.contains(name) && err.contains(expected) && err.lines().count() == 1,
            "{name}: {err}"
        );
    }
}

/// The JSON of a roadmap without ids and notes: what a round trip keeps.
fn content(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.remove("id");
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    if let Value::Object(map) = &mut v {
        map.remove("notes");
    }
    v
}

fn export(dir: &Path, file: &Path, format: &str, output: &str) -> PathBuf {
    let out = dir.join(output);
    let done = karta(dir)
        .arg("export")
        .arg(file)
        .args(["--format", format, "-o"])
        .arg(&out)
        .output()
        .expect("run");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    out
}

#[test]
fn word_to_karta_to_word_to_karta_is_the_same_roadmap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let source = write(d, "roadmap.docx", &word_roadmap());
    let first = import(d, &source, "first.karta");
    let again = export(d, &first, "docx", "again.docx");
    let second = import(d, &again, "second.karta");
    assert_eq!(content(json(d, &first)), content(json(d, &second)));
}

#[test]
fn the_five_samples_come_back_from_word_and_excel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    for (name, _, _) in SAMPLES {
        let sample = project(&format!("samples/{name}.karta"));
        let expected = content(json(d, &sample));
        for format in ["docx", "xlsx"] {
            let out = export(d, &sample, format, &format!("{name}.{format}"));
            let back = import(d, &out, &format!("{name}.{format}.karta"));
            assert_eq!(content(json(d, &back)), expected, "{name} through {format}");
        }
    }
}
