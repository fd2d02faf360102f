//! The names of paragraph styles (`word/styles.xml`), so that a title is
//! known whatever the language of the Word that wrote it.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::body::val;
use crate::import::Problem;

/// The names of paragraph styles by id (`a3` → `Title` in a Russian Word).
pub(super) fn style_names(xml: &str) -> Result<HashMap<String, String>, Problem> {
    let mut reader = Reader::from_str(xml);
    let mut names = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader
            .read_event()
            .map_err(|e| Problem::BadXml(format!("word/styles.xml: {e}")))?
        {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => {
                    current = e.attributes().flatten().find_map(|a| {
                        (a.key.local_name().as_ref() == "styleId").then(|| a.value.to_string())
                    });
                }
                "name" => {
                    if let (Some(id), Some(name)) = (&current, val(&e)) {
                        names.insert(id.clone(), name);
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(names)
}
