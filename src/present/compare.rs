//! Two values of one field compared word by word, for showing them side by
//! side: each value's lines of words, a word marked when the other value
//! lacks it there.

use super::words::{Piece, diff};

/// One word of a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word.
    pub text: String,
    /// Whether the value compared with lacks it here.
    pub marked: bool,
}

/// `value` as lines of words (its own line breaks kept), each word marked
/// when `other` lacks it. Texts too long to compare come unmarked.
pub fn marked_lines(value: &str, other: &str) -> Vec<Vec<Word>> {
    let marks: Vec<bool> = match diff(other, value) {
        Some(pieces) => pieces
            .iter()
            .flat_map(|piece| match piece {
                Piece::Same(w) => vec![false; w.len()],
                Piece::Added(w) => vec![true; w.len()],
                Piece::Removed(_) => Vec::new(),
            })
            .collect(),
        None => Vec::new(),
    };
    let mut marks = marks.into_iter();
    value
        .lines()
        .map(|line| {
            line.split_whitespace()
                .map(|word| Word {
                    text: word.to_string(),
                    marked: marks.next().unwrap_or(false),
                })
                .collect()
        })
        .collect()
}

/// `value`'s lines as plain text, each word `other` lacks in [brackets]:
/// the marks where no colour can be shown (the command line).
pub fn bracketed_lines(value: &str, other: &str) -> Vec<String> {
    marked_lines(value, other)
        .iter()
        .map(|line| {
            line.iter()
                .map(|w| match w.marked {
                    true => format!("[{}]", w.text),
                    false => w.text.clone(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_the_other_value_lacks_are_marked_and_lines_kept() {
        assert_eq!(
            bracketed_lines(
                "Провести городской семинар\nдля учителей",
                "Провести семинар для учителей математики"
            ),
            ["Провести [городской] семинар", "для учителей"]
        );
        assert_eq!(
            bracketed_lines(
                "Провести семинар для учителей математики",
                "Провести семинар"
            ),
            ["Провести семинар [для] [учителей] [математики]"]
        );
    }
}
