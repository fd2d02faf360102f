//! The heading block above a roadmap's table: the approving order (number and
//! date), the title, the municipality, the period and the preamble kept as
//! notes.

use chrono::NaiveDate;

use crate::model::{Approval, Period};

use super::html;

/// What the heading block says.
#[derive(Debug, Default, PartialEq)]
pub struct Heading {
    /// Title of the roadmap, lines joined.
    pub title: String,
    /// Municipality in the nominative case, when found.
    pub municipality: String,
    /// The approving order.
    pub approval: Option<Approval>,
    /// Period named in the title ("на 2020-2021 годы").
    pub period: Option<Period>,
    /// Everything above the title: an order's preamble, a brief.
    pub notes: String,
}

/// Reads the heading block (the lines above the table, blank lines as empty
/// strings).
pub fn read(lines: &[String]) -> Heading {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| html::to_text(&html::strip_bold(l)).replace('\n', " "))
        .collect();
    let title_at = lines.iter().rposition(|l| is_title_line(l));
    let (title, notes_end) = match title_at {
        Some(i) => (collect_title(&lines, i), i),
        None => (String::new(), lines.len()),
    };
    let notes = join_paragraphs(&lines[..notes_end]);
    let approval = find_approval(&lines);
    let period = find_period(&title);
    let municipality = find_municipality(&title)
        .or_else(|| lines.iter().find_map(|l| find_municipality(l)))
        .unwrap_or_default();
    Heading {
        title,
        municipality,
        approval,
        period,
        notes,
    }
}

fn is_title_line(line: &str) -> bool {
    let l = line.to_lowercase();
    line.chars().count() < 300
        && (l.starts_with("дорожная карта") || l.starts_with("план мероприятий"))
}

/// The title line with the lines that continue it (a following line, or one
/// after a single blank line that starts with "по", "(" or a lower-case letter).
fn collect_title(lines: &[String], start: usize) -> String {
    let mut parts = vec![lines[start].trim().to_string()];
    let mut i = start + 1;
    while i < lines.len() {
        let line = lines[i].trim();
        if !line.is_empty() {
            parts.push(line.to_string());
            i += 1;
            continue;
        }
        match lines.get(i + 1).map(|l| l.trim()) {
            Some(next) if continues_title(next) => {
                parts.push(next.to_string());
                i += 2;
            }
            _ => break,
        }
    }
    parts.join(" ")
}

fn continues_title(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.starts_with("по ")
        || line.starts_with('(')
        || line.chars().next().is_some_and(char::is_lowercase)
}

/// Paragraphs of the notes: runs of blank lines collapse to one.
fn join_paragraphs(lines: &[String]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in lines {
        let t = line.trim();
        if t.is_empty() && out.last().is_none_or(|l| l.is_empty()) {
            continue;
        }
        out.push(t);
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// Parses "26.02.2022" (also "26.02.22").
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim().trim_end_matches(['г', '.', ' ']);
    let mut parts = s.split('.');
    let d: u32 = parts.next()?.trim().parse().ok()?;
    let m: u32 = parts.next()?.trim().parse().ok()?;
    let y_str = parts.next()?.trim();
    if parts.next().is_some() {
        return None;
    }
    let mut y: i32 = y_str.parse().ok()?;
    if y_str.len() == 2 {
        y += 2000;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses "«12» января 2024 г." (also without the quotes or the "г.").
pub fn parse_date_in_words(s: &str) -> Option<NaiveDate> {
    const MONTHS: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    let cleaned = s.replace(['«', '»', '"', '“', '”'], " ");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let [day, month, year, ..] = words.as_slice() else {
        return None;
    };
    let month = MONTHS.iter().position(|m| month.to_lowercase() == *m)? as u32 + 1;
    let year: i32 = year.trim_end_matches(['г', '.']).parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

/// The approving order: either lines of their own ("22.06.2020", "№ 242"), or
/// a stamp line "от 26.02.2022 № 20".
fn find_approval(lines: &[String]) -> Option<Approval> {
    let own_date = lines.iter().find_map(|l| parse_date(l));
    let own_number = lines
        .iter()
        .find_map(|l| l.trim().strip_prefix('№').map(|n| n.trim().to_string()))
        .filter(|n| !n.is_empty() && !n.contains(' '));
    if let (Some(date), Some(number)) = (own_date, own_number) {
        return Some(Approval {
            number,
            date: Some(date),
        });
    }
    let short = |l: &&String| l.chars().count() < 160;
    let approved = lines
        .iter()
        .position(|l| l.to_lowercase().contains("утвержд"));
    approved
        .and_then(|at| {
            lines[at..]
                .iter()
                .take(8)
                .filter(short)
                .find_map(|l| stamp(l))
        })
        .or_else(|| lines.iter().filter(short).find_map(|l| stamp(l)))
}

/// "… от 26.02.2022 № 20" in one line.
fn stamp(line: &str) -> Option<Approval> {
    let at = line.find("от ")?;
    let rest = &line[at + "от ".len()..];
    let (date, after) = rest.split_once('№')?;
    let date = parse_date(date).or_else(|| parse_date_in_words(date))?;
    let number = after
        .split_whitespace()
        .next()?
        .trim_end_matches([',', '.', ';']);
    Some(Approval {
        number: number.to_string(),
        date: Some(date),
    })
}

/// "на 2020-2021 годы", "на 2022-2025 гг.", "на 2021 год" in the title.
pub fn find_period(title: &str) -> Option<Period> {
    let words: Vec<&str> = title.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !w.eq_ignore_ascii_case("на") {
            continue;
        }
        let Some(next) = words.get(i + 1) else {
            continue;
        };
        let spec = next.trim_end_matches(['.', ',', 'г']);
        let years: Vec<i32> = spec
            .split(['-', '–', '—'])
            .filter_map(|y| y.trim().parse().ok())
            .filter(|y| (1990..=2100).contains(y))
            .collect();
        match years.as_slice() {
            [from, to] if from <= to => return Period::years(*from, *to),
            [one] => return Period::years(*one, *one),
            _ => {}
        }
    }
    None
}

/// The municipality named in a line, in the nominative case: "город Тында",
/// "Лысьвенский городской округ", "Сасовский муниципальный район".
pub fn find_municipality(line: &str) -> Option<String> {
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    for i in 0..words.len() {
        if let Some(m) = district(&lower, &words, i) {
            return Some(m);
        }
    }
    for i in 0..words.len() {
        if let Some(m) = city(&lower, &words, i) {
            return Some(m);
        }
    }
    None
}

/// "<Adjective> муниципальный район / городской округ" in any case.
fn district(lower: &[String], words: &[String], i: usize) -> Option<String> {
    let adj = lower.get(i)?;
    let (a, b) = (lower.get(i + 1)?, lower.get(i + 2)?);
    let kind = match (a.as_str(), b.as_str()) {
        ("муниципальный", "район") | ("муниципального", "района") | ("муниципальном", "районе") => {
            "муниципальный район"
        }
        ("городской", "округ") | ("городского", "округа") | ("городском", "округе") => {
            "городской округ"
        }
        _ => return None,
    };
    if !words[i].chars().next().is_some_and(char::is_uppercase)
        || !adj.ends_with("ск") && !adj.contains("ск")
    {
        return None;
    }
    let stem = ["ского", "ском", "ский", "кого", "ком", "кий"]
        .iter()
        .find_map(|end| adj.strip_suffix(end).map(|s| (s, *end)))?;
    let base = if stem.1.starts_with('с') {
        format!("{}ский", stem.0)
    } else {
        format!("{}кий", stem.0)
    };
    Some(format!("{} {kind}", capitalise(&base)))
}

/// "город/города/городе/г. <Name>" → "город <Name>".
fn city(lower: &[String], words: &[String], i: usize) -> Option<String> {
    if !matches!(lower.get(i)?.as_str(), "город" | "города" | "городе" | "г") {
        return None;
    }
    let name = words.get(i + 1)?;
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let name = capitalise(&name.to_lowercase());
    let nominative = if let Some(s) = name
        .strip_suffix("ска")
        .or_else(|| name.strip_suffix("ске"))
    {
        format!("{s}ск")
    } else if let Some(s) = name.strip_suffix('ы') {
        format!("{s}а")
    } else if let Some(s) = name.strip_suffix("ах") {
        format!("{s}ы")
    } else {
        name
    };
    Some(format!("город {nominative}"))
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn approval_stamp_and_title_after_a_blank_line() {
        let h = read(&lines(
            "Утверждена\nприказом отдела образования\nадминистрации города Лесосибирска\nот 26.02.2022 № 20\n\nДорожная карта\n\nПо внесению изменений в муниципальные механизмы управления качеством образования\n",
        ));
        assert_eq!(
            h.approval,
            Some(Approval {
                number: "20".into(),
                date: NaiveDate::from_ymd_opt(2022, 2, 26)
            })
        );
        assert_eq!(
            h.title,
            "Дорожная карта По внесению изменений в муниципальные механизмы управления качеством образования"
        );
        assert_eq!(h.municipality, "город Лесосибирск");
        assert_eq!(h.period, None);
        assert!(h.notes.starts_with("Утверждена\nприказом"));
    }

    #[test]
    fn order_on_lines_of_its_own_and_period_in_title() {
        let h = read(&lines(
            "АДМИНИСТРАЦИЯ ГОРОДА ТЫНДЫ\n\n22.06.2020\n\n№ 242\n\nВ соответствии с приказом от 11.11.2019 № 1390\n\nПлан мероприятий\n\n(«Дорожная карта») по развитию МСОКО на территории города Тынды на 2020-2021 годы\n",
        ));
        assert_eq!(h.approval.as_ref().map(|a| a.number.as_str()), Some("242"));
        assert_eq!(
            h.approval.and_then(|a| a.date),
            NaiveDate::from_ymd_opt(2020, 6, 22)
        );
        assert_eq!(h.period, Period::years(2020, 2021));
        assert_eq!(h.municipality, "город Тында");
        assert!(
            h.title
                .starts_with("План мероприятий («Дорожная карта») по развитию")
        );
    }

    #[test]
    fn municipalities_in_their_cases() {
        assert_eq!(
            find_municipality("обучающихся Лысьвенского городского округа на 2021-2024 гг")
                .as_deref(),
            Some("Лысьвенский городской округ")
        );
        assert_eq!(
            find_municipality("ДОРОЖНАЯ КАРТА Сасовский муниципальный район").as_deref(),
            Some("Сасовский муниципальный район")
        );
        assert_eq!(
            find_municipality("в муниципальном образовании город Черногорск на 2022-2025 гг.")
                .as_deref(),
            Some("город Черногорск")
        );
        assert_eq!(find_municipality("План мероприятий"), None);
    }

    #[test]
    fn approval_stamp_beside_another_order() {
        let h = read(&lines(
            "СОГЛАСОВАНО\nпротокол от 10.01.2024 № 3\nУТВЕРЖДЕНО\nприказом управления образования\nот «12» января 2024 г. № 15-од\n",
        ));
        assert_eq!(
            h.approval,
            Some(Approval {
                number: "15-од".into(),
                date: NaiveDate::from_ymd_opt(2024, 1, 12)
            })
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("26.02.2022"),
            NaiveDate::from_ymd_opt(2022, 2, 26)
        );
        assert_eq!(parse_date("01.03.22"), NaiveDate::from_ymd_opt(2022, 3, 1));
        assert_eq!(parse_date("31.02.2022"), None);
        assert_eq!(parse_date("№ 242"), None);
    }
}
