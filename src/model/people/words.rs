//! Words of a cell: where they start and end, and what separates them
//! (spaces, line breaks, commas, semicolons).

use std::ops::Range;

use super::classes::{parse_initials, scan_initials};
use super::letters::{Case, collapse_whitespace, protected_commas};

/// A word of a cell: its bytes and what separates it from the word before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// Byte range in the cell.
    pub(super) span: Range<usize>,
    /// A line break stands before the word.
    pub(super) line_break: bool,
    /// A comma or semicolon stands before the word.
    pub(super) hard: bool,
}

/// Splits `text` into words at whitespace, commas and semicolons, keeping a
/// comma typed inside initials ("А,В.") or inside quotes in its word.
pub(super) fn tokenize(text: &str, case: Case) -> Vec<Word> {
    let protected = protected_commas(text);
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let (mut line_break, mut hard) = (false, false);
    for (i, c) in text.char_indices() {
        let separator = match c {
            ';' => Some((false, true)),
            ',' => {
                let kept = protected.binary_search(&i).is_ok()
                    || start.is_some_and(|s| is_initials_comma(text, s, i, case));
                (!kept).then_some((false, true))
            }
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                Some((true, false))
            }
            c if c.is_whitespace() => Some((false, false)),
            _ => None,
        };
        match separator {
            Some((line, comma)) => {
                if let Some(s) = start.take() {
                    words.push(Word {
                        span: s..i,
                        line_break,
                        hard,
                    });
                    (line_break, hard) = (false, false);
                }
                line_break |= line;
                hard |= comma;
            }
            None if start.is_none() => start = Some(i),
            None => {}
        }
    }
    if let Some(s) = start {
        words.push(Word {
            span: s..text.len(),
            line_break,
            hard,
        });
    }
    words
}

/// Whether the comma at byte `comma`, in the word starting at `word_start`,
/// stands between two initials ("А,В.", "А, В.") rather than between entries.
fn is_initials_comma(text: &str, word_start: usize, comma: usize, case: Case) -> bool {
    let before = text.get(word_start..comma).unwrap_or_default();
    let after = text
        .get(comma + 1..)
        .unwrap_or_default()
        .trim_start_matches(|c: char| c.is_whitespace() && !is_line_break(c));
    let next = after
        .split(|c: char| c.is_whitespace() || c == ';')
        .next()
        .unwrap_or_default();
    match (scan_initials(before, case), parse_initials(next, case)) {
        (Some((open, false)), Some(more)) => open.len() + more.len() <= 3,
        _ => false,
    }
}

/// Whether `c` breaks a line.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Ranges of word indices between the words that `starts_piece` marks.
pub(super) fn pieces(words: &[Word], starts_piece: impl Fn(&Word) -> bool) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, word) in words.iter().enumerate().skip(1) {
        if starts_piece(word) {
            ranges.push(start..i);
            start = i;
        }
    }
    if start < words.len() {
        ranges.push(start..words.len());
    }
    ranges
}

/// The byte range covered by the words `range`.
pub(super) fn byte_span(words: &[Word], range: Range<usize>) -> Option<Range<usize>> {
    let first = words.get(range.start)?;
    let last = words.get(range.end.checked_sub(1)?)?;
    Some(first.span.start..last.span.end)
}

/// The text of the words `range`, whitespace collapsed.
pub(super) fn span_text(text: &str, words: &[Word], range: Range<usize>) -> String {
    byte_span(words, range)
        .and_then(|span| text.get(span))
        .map(collapse_whitespace)
        .unwrap_or_default()
}
