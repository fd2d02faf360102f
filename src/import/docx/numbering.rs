//! Word's automatic numbering (`word/numbering.xml`): list definitions,
//! counters as the document runs, numbers in their formats.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::body::val;
use crate::import::Problem;

/// One level of a numbered list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
    /// No separator between the label and the text (`w:suff` = nothing).
    joined: bool,
}

/// Word's automatic numbering: the list definitions and the counters as the
/// document runs.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// abstractNumId → its levels.
    abstract_levels: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, i64>)>,
    /// abstractNumId → counters by level.
    counters: HashMap<String, [Option<i64>; 9]>,
    /// numIds whose start overrides were applied.
    started: Vec<String>,
}

impl Numbering {
    pub(super) fn parse(xml: &str) -> Result<Numbering, Problem> {
        let mut reader = Reader::from_str(xml);
        let mut n = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| Problem::BadXml(format!("word/numbering.xml: {e}")))?;
            let (e, empty) = match event {
                Event::Eof => break,
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abstract_id = None,
                        "num" => num_id = None,
                        "lvl" | "lvlOverride" => level = None,
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            let attr = |name: &str| {
                e.attributes().flatten().find_map(|a| {
                    (a.key.local_name().as_ref() == name).then(|| a.value.to_string())
                })
            };
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abstract_id = attr("abstractNumId"),
                "num" if !empty => num_id = attr("numId"),
                "lvl" | "lvlOverride" if !empty => {
                    level = attr("ilvl").and_then(|v| v.parse().ok()).filter(|l| *l < 9);
                }
                "abstractNumId" => {
                    if let (Some(num), Some(v)) = (&num_id, val(&e)) {
                        n.nums.entry(num.clone()).or_default().0 = v;
                    }
                }
                "startOverride" => {
                    if let (Some(num), Some(l), Some(v)) =
                        (&num_id, level, val(&e).and_then(|v| v.parse().ok()))
                    {
                        n.nums.entry(num.clone()).or_default().1.insert(l, v);
                    }
                }
                name @ ("start" | "numFmt" | "lvlText" | "suff") => {
                    let (Some(a), Some(l)) = (&abstract_id, level) else {
                        continue;
                    };
                    let levels = n.abstract_levels.entry(a.clone()).or_default();
                    if levels.len() <= l {
                        levels.resize(l + 1, Level::default());
                    }
                    let v = val(&e).unwrap_or_default();
                    let lvl = &mut levels[l];
                    match name {
                        "start" => lvl.start = v.parse().unwrap_or(1),
                        "numFmt" => lvl.format = v,
                        "lvlText" => lvl.text = v,
                        _ => lvl.joined = v == "nothing",
                    }
                }
                _ => {}
            }
        }
        Ok(n)
    }

    /// The label of the next paragraph of list `num_id` at `level` ("1.2."),
    /// advancing the counters, and whether the text follows it without a
    /// space; None for no list.
    pub(super) fn next(&mut self, num_id: &str, level: usize) -> Option<(String, bool)> {
        let (abstract_id, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstract_levels.get(&abstract_id)?.clone();
        let lvl = levels.get(level)?;
        let counters = self.counters.entry(abstract_id).or_insert([None; 9]);
        if !self.started.iter().any(|s| s == num_id) {
            self.started.push(num_id.to_string());
            for (l, start) in &overrides {
                if let Some(c) = counters.get_mut(*l) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        counters[level] = Some(counters[level].map_or(lvl.start, |c| c.saturating_add(1)));
        for c in counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        if lvl.format == "bullet" {
            return Some(("-".to_string(), false));
        }
        let mut label = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let value = counters[l].unwrap_or_else(|| levels.get(l).map_or(1, |x| x.start));
                    let format = levels.get(l).map_or("decimal", |x| x.format.as_str());
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        Some((label, lvl.joined))
    }
}

/// A counter in a list's number format.
fn format_number(n: i64, format: &str) -> String {
    const RUSSIAN: &[char] = &[
        'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т',
        'у', 'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
    ];
    let letters = |alphabet: &[char], upper: bool| {
        if n < 1 {
            return n.to_string();
        }
        let len = alphabet.len() as i64;
        let c = alphabet[((n - 1) % len) as usize];
        let repeat = ((n - 1) / len + 1).min(10) as usize;
        let s: String = std::iter::repeat_n(c, repeat).collect();
        if upper { s.to_uppercase() } else { s }
    };
    let latin: Vec<char> = ('a'..='z').collect();
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "lowerLetter" => letters(&latin, false),
        "upperLetter" => letters(&latin, true),
        "russianLower" => letters(RUSSIAN, false),
        "russianUpper" => letters(RUSSIAN, true),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

/// A number in Roman numerals (1–3999; others in digits).
fn roman(mut n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in table {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_numbers_in_their_formats() {
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(3, "russianLower"), "в");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(12, "decimal"), "12");
        assert_eq!(format_number(i64::MIN, "upperRoman"), i64::MIN.to_string());
    }

    #[test]
    fn counters_run_on_and_restart_below() {
        let xml = "<w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"5\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2.\"/><w:suff w:val=\"nothing\"/></w:lvl></w:abstractNum><w:num w:numId=\"2\"><w:abstractNumId w:val=\"5\"/></w:num></w:numbering>";
        let mut n = Numbering::parse(xml).expect("numbering");
        let labels: Vec<(String, bool)> =
            [(0, "2"), (1, "2"), (1, "2"), (0, "2"), (1, "2"), (0, "9")]
                .iter()
                .filter_map(|(level, id)| n.next(id, *level))
                .collect();
        let texts: Vec<&str> = labels.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(texts, ["1.", "1.1.", "1.2.", "2.", "2.1."]);
        assert!(labels[1].1, "no space after a level with suff nothing");
    }
}
