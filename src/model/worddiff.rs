//! The words that changed between two versions of a text: what a long
//! text's change shows instead of both versions whole («…на сайте ГУО [+и в
//! социальных сетях]»).

/// A run of words of the new text, or of the old one that went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Words in both versions.
    Same(String),
    /// Words only the new version has.
    Added(String),
    /// Words only the old version had.
    Removed(String),
}

/// Longest texts compared word by word (in words); longer ones are shown as
/// removed whole and added whole.
const MAX_WORDS: usize = 2000;

/// The pieces that turn `old` into `new`, word by word (a longest common
/// subsequence of their words; runs of one kind joined).
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    if a.len() > MAX_WORDS || b.len() > MAX_WORDS {
        let mut out = Vec::new();
        push(&mut out, Piece::Removed(a.join(" ")));
        push(&mut out, Piece::Added(b.join(" ")));
        return out;
    }
    // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lengths = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lengths[i][j] = if a[i] == b[j] {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(&mut out, Piece::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lengths[i + 1][j] >= lengths[i][j + 1]) {
            push(&mut out, Piece::Removed(a[i].to_string()));
            i += 1;
        } else {
            push(&mut out, Piece::Added(b[j].to_string()));
            j += 1;
        }
    }
    out
}

/// Adds a piece, joining it to the last one when of the same kind.
fn push(out: &mut Vec<Piece>, piece: Piece) {
    let words = |p: &Piece| match p {
        Piece::Same(w) | Piece::Added(w) | Piece::Removed(w) => w.is_empty(),
    };
    if words(&piece) {
        return;
    }
    match (out.last_mut(), piece) {
        (Some(Piece::Same(s)), Piece::Same(w))
        | (Some(Piece::Added(s)), Piece::Added(w))
        | (Some(Piece::Removed(s)), Piece::Removed(w)) => {
            s.push(' ');
            s.push_str(&w);
        }
        (_, piece) => out.push(piece),
    }
}

/// Words of context kept on each side of a change.
const CONTEXT: usize = 4;

/// The pieces of [`diff`] with unchanged runs between changes cut to a
/// few words of context on each side («…» where words were left out).
pub fn excerpt(old: &str, new: &str) -> Vec<Piece> {
    let pieces = diff(old, new);
    let last = pieces.len().saturating_sub(1);
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| match piece {
            Piece::Same(w) => {
                let words: Vec<&str> = w.split(' ').collect();
                let keep_head = if i == 0 { 0 } else { CONTEXT };
                let keep_tail = if i == last { 0 } else { CONTEXT };
                if words.len() <= keep_head + keep_tail {
                    return Piece::Same(w);
                }
                let head = words[..keep_head].join(" ");
                let tail = words[words.len() - keep_tail..].join(" ");
                Piece::Same(match (head.is_empty(), tail.is_empty()) {
                    (true, true) => "…".to_string(),
                    (true, false) => format!("…{tail}"),
                    (false, true) => format!("{head}…"),
                    (false, false) => format!("{head} … {tail}"),
                })
            }
            other => other,
        })
        .collect()
}

/// The change in one line: [`excerpt`] with added words as `[+…]` and
/// removed ones as `[-…]`.
pub fn marked(old: &str, new: &str) -> String {
    let parts: Vec<String> = excerpt(old, new)
        .into_iter()
        .map(|piece| match piece {
            Piece::Added(w) => format!("[+{w}]"),
            Piece::Removed(w) => format!("[-{w}]"),
            Piece::Same(w) => w,
        })
        .collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_words_are_marked_with_a_little_context() {
        assert_eq!(
            marked(
                "Размещение информации о результатах на сайте ГУО",
                "Размещение информации о результатах на сайте ГУО и в социальных сетях"
            ),
            "…результатах на сайте ГУО [+и в социальных сетях]"
        );
    }

    #[test]
    fn removed_and_replaced_words() {
        assert_eq!(
            marked("Провести семинар в мае", "Провести вебинар в мае"),
            "Провести [-семинар] [+вебинар] в мае"
        );
        assert_eq!(marked("a b c", "a c"), "a [-b] c");
        assert_eq!(marked("", "новое"), "[+новое]");
        assert_eq!(
            diff("x y", "x y"),
            vec![Piece::Same("x y".to_string())],
            "no change, one piece"
        );
    }

    #[test]
    fn long_unchanged_runs_between_changes_are_cut() {
        let old = "a b c d e f g h i j k l";
        let new = "A b c d e f g h i j k L";
        assert_eq!(marked(old, new), "[-a] [+A] b c d e … h i j k [-l] [+L]");
    }
}
