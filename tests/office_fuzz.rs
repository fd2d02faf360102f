//! The Word and Excel readers never panic, whatever the container holds.

use std::io::Write as _;
use std::path::Path;

use karta::import::import_bytes;
use proptest::prelude::*;

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start");
        out.write_all(text.as_bytes()).expect("write");
    }
    out.finish().expect("finish").into_inner()
}

fn fragments() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<w:tbl>".to_string()),
            Just("</w:tbl>".to_string()),
            Just("<w:tr>".to_string()),
            Just("</w:tr>".to_string()),
            Just("<w:tc>".to_string()),
            Just("</w:tc>".to_string()),
            Just("<w:p>".to_string()),
            Just("</w:p>".to_string()),
            Just("<w:p/>".to_string()),
            Just("<w:r><w:t>".to_string()),
            Just("</w:t></w:r>".to_string()),
            Just("<w:gridSpan w:val=\"99999999999\"/>".to_string()),
            Just("<w:gridSpan w:val=\"0\"/>".to_string()),
            Just("<w:vMerge/>".to_string()),
            Just("<w:vMerge w:val=\"restart\"/>".to_string()),
            Just("<w:trPr><w:tblHeader/><w:gridBefore w:val=\"70\"/></w:trPr>".to_string()),
            Just("<w:numPr><w:ilvl w:val=\"12\"/><w:numId w:val=\"1\"/></w:numPr>".to_string()),
            Just("<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>".to_string()),
            Just("<w:pStyle w:val=\"Title\"/>".to_string()),
            Just("<w:drawing>".to_string()),
            Just("</w:drawing>".to_string()),
            Just("&amp;&#0;&#x110000;&bogus;".to_string()),
            Just("№ п/п</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Мероприятия</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Сроки".to_string()),
            "[а-яА-Я0-9 .,;]{0,10}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

const NUMBERING: &str = "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"-9223372036854775808\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.%9.%0%\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"-9223372036854775808\"/></w:lvlOverride></w:num></w:numbering>";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_word_bodies_never_panic(body in fragments()) {
        let document = format!("<w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>");
        let bytes = zip(&[
            ("word/document.xml", document),
            ("word/numbering.xml", NUMBERING.to_string()),
        ]);
        let _ = import_bytes(&bytes, Path::new("x.docx"), None);
    }

    #[test]
    fn damaged_containers_never_panic(cut in 0usize..4000, flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..8)) {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, t) in ["№", "Мероприятие", "Сроки"].iter().enumerate() {
            sheet.write_string(0, r as u16, *t).expect("write");
            sheet.write_string(1, r as u16, "1.1.").expect("write");
        }
        let xlsx = book.save_to_buffer().expect("xlsx");
        let docx = zip(&[("word/document.xml", "<w:document><w:body><w:p/></w:body></w:document>".to_string())]);
        for mut bytes in [xlsx, docx] {
            for (at, b) in &flips {
                let n = bytes.len();
                bytes[at % n] = *b;
            }
            bytes.truncate(cut.max(4));
            let _ = import_bytes(&bytes, Path::new("x"), None);
        }
    }
}
