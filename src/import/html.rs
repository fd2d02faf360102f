//! HTML remnants in cells of text exported from Word (`<p>`, `<ul>`, `<ol>`,
//! `<li>`, `<i>`, `<br>`, entities) turned into plain-text lines.
//!
//! Word's exporter writes list items of `<ul>`/`<ol>` inline ("<ul> - a - b",
//! "<ol> 1. a 2. b"); they become one line each ("- a", "1. a"), paragraphs
//! become lines, and every other tag is dropped. No general HTML parser does
//! this splitting of inline items, so it is done here.

/// What kind of list the text is inside.
#[derive(Clone, Copy, PartialEq)]
enum List {
    None,
    Bullets,
    Numbers(u32),
}

/// The longest tag taken for one of the known tags (with its attributes);
/// a longer `<…>` is text.
const MAX_TAG: usize = 256;

/// Converts a cell with HTML remnants into plain text lines (joined by `\n`),
/// in time linear in the cell's length.
pub fn to_text(cell: &str) -> String {
    if !cell.contains('<') && !cell.contains('&') {
        return cell.trim().to_string();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut list = List::None;
    let mut closes = Closes::default();
    let mut at = 0;
    while at < cell.len() {
        let rest = &cell[at..];
        if rest.starts_with('<')
            && let Some(end) = closes.after(cell, at + 1)
            && end - at <= MAX_TAG
        {
            let tag = cell[at + 1..end].trim().to_lowercase();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if is_known_tag(&name) {
                handle_tag(&tag, &name, &mut list, &mut current, &mut lines);
                at = end + 1;
                continue;
            }
        }
        let next = rest
            .char_indices()
            .skip(1)
            .find(|(_, c)| *c == '<')
            .map_or(rest.len(), |(i, _)| i);
        let chunk = &rest[..next];
        push_chunk(&decode_entities(chunk), &mut list, &mut current, &mut lines);
        at += next;
    }
    flush(&mut current, &mut lines);
    lines.join("\n")
}

/// The position of the first `>` at or after a position, remembered so
/// that a cell of many `<` and no `>` is not searched again for each.
#[derive(Default)]
struct Closes {
    /// Searched from, and the `>` found there (None: none to the end).
    known: Option<(usize, Option<usize>)>,
}

impl Closes {
    fn after(&mut self, cell: &str, from: usize) -> Option<usize> {
        match self.known {
            Some((start, found)) if start <= from && found.is_none_or(|f| f >= from) => found,
            _ => {
                let found = cell[from..].find('>').map(|i| from + i);
                self.known = Some((from, found));
                found
            }
        }
    }
}

fn is_known_tag(name: &str) -> bool {
    matches!(
        name,
        "p" | "ul"
            | "ol"
            | "li"
            | "i"
            | "b"
            | "em"
            | "strong"
            | "u"
            | "br"
            | "span"
            | "div"
            | "sup"
            | "sub"
    )
}

fn handle_tag(
    tag: &str,
    name: &str,
    list: &mut List,
    current: &mut String,
    lines: &mut Vec<String>,
) {
    let closing = tag.starts_with('/');
    match name {
        "p" | "div" | "br" => flush(current, lines),
        "ul" if !closing => {
            flush(current, lines);
            *list = List::Bullets;
        }
        "ol" if !closing => {
            flush(current, lines);
            *list = List::Numbers(0);
        }
        "ul" | "ol" => {
            flush(current, lines);
            *list = List::None;
        }
        "li" if !closing => {
            flush(current, lines);
            match list {
                List::Numbers(n) => {
                    *n += 1;
                    current.push_str(&format!("{n}. "));
                }
                _ => current.push_str("- "),
            }
        }
        "li" => flush(current, lines),
        _ => {}
    }
}

/// Adds text, splitting inline list items (" - item", " 2. item") into lines
/// when inside a list.
fn push_chunk(chunk: &str, list: &mut List, current: &mut String, lines: &mut Vec<String>) {
    match *list {
        List::None => current.push_str(chunk),
        List::Bullets => {
            let padded = format!(" {chunk}");
            let mut pieces = padded.split(" - ");
            if let Some(first) = pieces.next() {
                current.push_str(first);
            }
            for piece in pieces {
                flush(current, lines);
                current.push_str("- ");
                current.push_str(piece);
            }
        }
        List::Numbers(mut n) => {
            let mut rest = chunk;
            loop {
                let marker = format!("{}. ", n + 1);
                let found = find_item_start(rest, &marker);
                match found {
                    Some(i) => {
                        current.push_str(&rest[..i]);
                        flush(current, lines);
                        n += 1;
                        current.push_str(&marker);
                        rest = &rest[i + marker.len()..];
                    }
                    None => {
                        current.push_str(rest);
                        break;
                    }
                }
            }
            *list = List::Numbers(n);
        }
    }
}

/// Position of `marker` ("2. ") at the start of `s` or after a space.
fn find_item_start(s: &str, marker: &str) -> Option<usize> {
    if s.trim_start().starts_with(marker) {
        return Some(s.len() - s.trim_start().len());
    }
    s.match_indices(marker).map(|(i, _)| i).find(|&i| {
        s[..i].ends_with(' ') && !s[..i].trim_end().ends_with(|c: char| c.is_ascii_digit())
    })
}

fn flush(current: &mut String, lines: &mut Vec<String>) {
    let line = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !line.is_empty() {
        lines.push(line);
    }
    current.clear();
}

/// Decodes the few HTML entities Word leaves behind.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&laquo;", "«")
        .replace("&raquo;", "»")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Whether the cell is wrapped in emphasis markup that marks a heading
/// (`<i>…</i>`, `<b>…</b>`, `**…**`).
pub fn is_emphasised(cell: &str) -> bool {
    let t = cell.trim();
    (t.starts_with("<i>") && t.ends_with("</i>"))
        || (t.starts_with("<b>") && t.ends_with("</b>"))
        || (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
}

/// Removes Markdown bold markers (`**`).
pub fn strip_bold(s: &str) -> String {
    s.replace("**", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_lines() {
        assert_eq!(
            to_text("<p>2022</p> <p>До конца апреля 2022</p> <p>До конца мая 2022г.</p>"),
            "2022\nДо конца апреля 2022\nДо конца мая 2022г."
        );
        assert_eq!(to_text("<p>До 01.11.2021</p>"), "До 01.11.2021");
    }

    #[test]
    fn inline_bullets_become_items() {
        let cell = "<p>Определить сведения:</p> <ul style=\"list-style-type: none\"> - по качеству программ - по качеству условий (кадровые, психолого-педагогические) </ul>";
        assert_eq!(
            to_text(cell),
            "Определить сведения:\n- по качеству программ\n- по качеству условий (кадровые, психолого-педагогические)"
        );
    }

    #[test]
    fn inline_numbers_become_items() {
        let cell = "<ol style=\"list-style-type: none\"> 1. Систематизировать показатели. 2. Определить факторы, влияющие на 3 результата ";
        assert_eq!(
            to_text(cell),
            "1. Систематизировать показатели.\n2. Определить факторы, влияющие на 3 результата"
        );
    }

    #[test]
    fn li_tags_and_entities() {
        assert_eq!(
            to_text("<ul><li>один &amp; два</li><li>три&nbsp;четыре</li></ul>"),
            "- один & два\n- три четыре"
        );
        assert_eq!(to_text("<i>1.2 Система</i>"), "1.2 Система");
        assert_eq!(to_text("a < b"), "a < b");
        assert_eq!(to_text("<unknown>x"), "<unknown>x");
    }

    #[test]
    fn emphasis_marks_headings() {
        assert!(is_emphasised("<i>1.2 Система</i>"));
        assert!(is_emphasised("**ДОРОЖНАЯ КАРТА**"));
        assert!(!is_emphasised("1.2 Система"));
    }
}
