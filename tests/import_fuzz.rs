//! The importer never panics, whatever the text.

mod common;

use karta::import::{Format, import_text};
use proptest::prelude::*;

const FORMATS: [Format; 3] = [Format::Tsv, Format::Markdown, Format::Csv];

fn alphabet() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\t".to_string()),
            Just("\n".to_string()),
            Just("|".to_string()),
            Just("|--|".to_string()),
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<ul style=\"x\"> - ".to_string()),
            Just("<ol> 1. ".to_string()),
            Just("<i>".to_string()),
            Just("**".to_string()),
            Just("№ п/п\tМероприятия\tСроки\tОтветственные\n".to_string()),
            Just("1.1.".to_string()),
            Just("Цели".to_string()),
            Just("Декабрь 202- январь 2022".to_string()),
            Just("Сенюта Л.А.".to_string()),
            Just("А,В.".to_string()),
            Just("\u{1b}[31m".to_string()),
            Just("\"".to_string()),
            "[а-яА-Я0-9 .,;:()«»-]{0,12}",
            any::<char>().prop_map(|c| c.to_string()),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_text_never_panics(text in alphabet()) {
        for format in FORMATS {
            let _ = import_text(&text, format);
        }
    }

    #[test]
    fn damaged_seeds_never_panic(cuts in proptest::collection::vec((0usize..40_000, 0usize..200), 1..6), name in 0usize..5) {
        let (sample, _, _) = common::SAMPLES[name];
        let mut text: Vec<char> = std::fs::read_to_string(common::source(sample)).expect("seed").chars().collect();
        for (at, len) in cuts {
            let start = at % text.len().max(1);
            let end = (start + len).min(text.len());
            text.drain(start..end);
        }
        let text: String = text.into_iter().collect();
        for format in FORMATS {
            if let Ok((roadmap, _)) = import_text(&text, format) {
                let _ = karta::export::json::to_string(&roadmap);
            }
        }
    }
}
