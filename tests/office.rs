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
            "Фролова Е.В., начальник отдела общего образования",
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
            "МБУ «ЦРО» (Зайцева Н.П.)",
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
    exported_json(dir, file)
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
    assert_eq!(
        a[0]["responsible"],
        serde_json::json!(["Фролова Е.В., начальник отдела общего образования"])
    );
    assert_eq!(a[0]["status"], "done");
    assert_eq!(a[0]["col1"], "выполнено");
    assert_eq!(a[1]["number"], "1.2.");
    assert_eq!(a[1]["responsible"], a[0]["responsible"], "merged down");
    assert_eq!(a[1]["status"], "in_progress");
    let b = &sections[1]["activities"];
    assert_eq!(b.as_array().map(Vec::len), Some(1), "{v:#}");
    assert_eq!(b[0]["number"], "2.1.");
    assert_eq!(
        b[0]["responsible"],
        serde_json::json!(["МБУ «ЦРО»", "Зайцева Н.П."])
    );
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

/// An Excel roadmap written by the test: the approval block and the title in
/// cells above the table, a header with a row of column numbers, a section
/// row merged across, a responsible merged down, a date stored as a date, a
/// cell of two lines, an empty row, and a completion column.
fn excel_roadmap() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let put = |sheet: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, t: &str| {
        sheet.write_string(r, c, t).expect("write");
    };
    put(sheet, 0, 3, "УТВЕРЖДЕНО");
    put(sheet, 1, 3, "приказом от 15.08.2024 № 301");
    put(
        sheet,
        3,
        0,
        "План мероприятий («дорожная карта») по повышению качества образования в Энском муниципальном районе на 2024-2026 годы",
    );
    for (c, t) in ["№ п/п", "Мероприятие", "Срок", "Ответственный", "Статус"]
        .iter()
        .enumerate()
    {
        put(sheet, 5, c as u16, t);
        sheet
            .write_number(6, c as u16, c as f64 + 1.0)
            .expect("write");
    }
    sheet
        .merge_range(7, 0, 7, 4, "1. Мониторинг", &plain)
        .expect("merge");
    put(sheet, 8, 0, "1.1.");
    put(sheet, 8, 1, "Провести ВПР\nи проанализировать итоги");
    let day = ExcelDateTime::from_ymd(2025, 5, 20).expect("date");
    sheet
        .write_datetime_with_format(8, 2, &day, &date)
        .expect("date");
    sheet
        .merge_range(8, 3, 9, 3, "Иванова А.А.", &plain)
        .expect("merge");
    put(sheet, 8, 4, "выполнено");
    put(sheet, 9, 0, "1.2.");
    put(sheet, 9, 1, "=Сформировать отчёт");
    put(sheet, 9, 2, "Ежегодно, июнь");
    put(sheet, 9, 4, "в работе");
    put(sheet, 11, 0, "1.3.");
    put(sheet, 11, 1, "Обсудить на совещании");
    put(sheet, 11, 2, "Сентябрь 2025");
    put(sheet, 11, 3, "УО");
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn an_excel_roadmap_comes_in_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let source = write(d, "roadmap.xlsx", &excel_roadmap());
    let v = json(d, &import(d, &source, "r.karta"));
    assert_eq!(v["approval"]["number"], "301");
    assert_eq!(
        v["title"],
        "План мероприятий («дорожная карта») по повышению качества образования в Энском муниципальном районе на 2024-2026 годы"
    );
    assert_eq!(v["municipality"], "Энский муниципальный район");
    assert_eq!(v["period"]["to"], "2026-12-31");
    assert_eq!(v["columns"].as_array().map(Vec::len), Some(4), "{v:#}");
    let s = &v["sections"][0];
    assert_eq!(s["number"], "1.");
    let a = &s["activities"];
    assert_eq!(a.as_array().map(Vec::len), Some(3), "{v:#}");
    assert_eq!(a[0]["text"], "Провести ВПР\nи проанализировать итоги");
    assert_eq!(a[0]["deadline"]["text"], "20.05.2025");
    assert_eq!(a[0]["deadline"]["kind"], "date");
    assert_eq!(a[0]["status"], "done");
    assert_eq!(a[1]["responsible"][0], "Иванова А.А.", "merged down");
    assert_eq!(a[1]["text"], "=Сформировать отчёт");
    assert_eq!(a[1]["status"], "in_progress");
    assert_eq!(a[2]["responsible"][0], "УО");
    assert_eq!(a[2]["status"], "planned");
}

#[test]
fn exports_never_carry_a_formula() {
    use calamine::{Data, Reader as _, Xlsx};
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let source = write(d, "roadmap.xlsx", &excel_roadmap());
    let file = import(d, &source, "r.karta");
    let xlsx = export(d, &file, "xlsx", "out.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).expect("open");
    let sheet = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&sheet).expect("formulas");
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let cells = book.worksheet_range(&sheet).expect("cells");
    assert!(
        cells
            .used_cells()
            .any(|(_, _, c)| *c == Data::String("=Сформировать отчёт".into()))
    );
    let csv = export(d, &file, "csv", "out.csv");
    let bytes = std::fs::read(csv).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    assert!(text.lines().next().is_some_and(|h| h.ends_with(";Статус")));
    assert!(text.contains(";'=Сформировать отчёт;"));
    assert!(text.contains(";выполнено"));
}

#[test]
fn csv_as_russian_excel_saves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let text = "УТВЕРЖДЕНО;;;;\r\n\"приказом управления образования\r\nот 01.09.2024 № 77\";;;;\r\n;;;;\r\nПлан мероприятий (дорожная карта) по развитию МСОКО города Энска на 2024-2025 годы;;;;\r\n;;;;\r\n№ п/п;Мероприятия;Сроки;Ответственные;Отметка о выполнении\r\n1;2;3;4;5\r\n1. Оценка качества;;;;\r\n1.1.;\"Провести мониторинг\r\nпо итогам четверти\";Декабрь 2024;Фролова Е.В.;выполнено\r\n;;;;\r\n1.2.;Обсудить итоги;Январь 2025;УО;не выполнено\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let source = write(d, "roadmap.csv", &bytes);
    let v = json(d, &import(d, &source, "r.karta"));
    assert_eq!(v["approval"]["number"], "77");
    assert_eq!(v["municipality"], "город Энск");
    assert!(
        v["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("План мероприятий")),
        "{v:#}"
    );
    let s = &v["sections"];
    assert_eq!(s.as_array().map(Vec::len), Some(1), "{v:#}");
    let a = &s[0]["activities"];
    assert_eq!(a.as_array().map(Vec::len), Some(2), "{v:#}");
    assert_eq!(a[0]["text"], "Провести мониторинг\nпо итогам четверти");
    assert_eq!(a[0]["status"], "done");
    assert_eq!(a[1]["status"], "planned");
    assert_eq!(a[1]["col1"], "не выполнено");
}

#[test]
fn a_calendar_of_the_deadlines_with_stable_uids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let sample = project("samples/chernogorsk.karta");
    let read = |name: &str| std::fs::read_to_string(export(d, &sample, "ics", name)).expect("ics");
    let (one, two) = (read("a.ics"), read("b.ics"));
    let uids = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert!(!uids(&one).is_empty());
    assert_eq!(uids(&one), uids(&two));
    assert!(one.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(one.contains("RRULE:FREQ=YEARLY"));
    assert!(one.contains("DUE;VALUE=DATE:"));
    assert!(one.split("\r\n").all(|l| l.len() <= 75));
}

#[test]
fn errors_speak_english_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = write(dir.path(), "x.docx", &zip(&[("a.txt", "x")]));
    let out = karta(dir.path())
        .arg("import")
        .arg(&source)
        .args(["--lang", "en", "-o"])
        .arg(dir.path().join("x.karta"))
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("neither a Word document"), "{err}");
}
