//! What changed inside a long text, word by word: «…на сайте ГУО [+и в
//! социальных сетях]» instead of two whole paragraphs.

/// Longest texts compared word by word (longer ones are quoted whole).
const MAX_WORDS: usize = 600;
/// Unchanged words kept around each change.
const CONTEXT: usize = 3;

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Words in both texts.
    Same(Vec<&'a str>),
    /// Words only in the old text.
    Removed(Vec<&'a str>),
    /// Words only in the new text.
    Added(Vec<&'a str>),
}

/// The word diff of two texts (a longest common subsequence of words), or
/// None when either is too long to compare.
pub fn diff<'a>(old: &'a str, new: &'a str) -> Option<Vec<Piece<'a>>> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    if a.len() > MAX_WORDS || b.len() > MAX_WORDS {
        return None;
    }
    // lcs[i][j]: the longest common run of a[i..] and b[j..].
    let mut lcs = vec![vec![0u16; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let push = |pieces: &mut Vec<Piece<'a>>, piece: Piece<'a>| match (pieces.last_mut(), piece) {
        (Some(Piece::Same(v)), Piece::Same(w))
        | (Some(Piece::Removed(v)), Piece::Removed(w))
        | (Some(Piece::Added(v)), Piece::Added(w)) => v.extend(w),
        (_, piece) => pieces.push(piece),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            push(&mut pieces, Piece::Same(vec![a[i]]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(&mut pieces, Piece::Removed(vec![a[i]]));
            i += 1;
        } else {
            push(&mut pieces, Piece::Added(vec![b[j]]));
            j += 1;
        }
    }
    Some(pieces)
}

/// A text change told by its changed words: unchanged runs shortened to a
/// few words around the change, removed words as `[-…]`, added as `[+…]`.
/// None when the texts are too long to compare or share nothing.
pub fn changed_words(old: &str, new: &str) -> Option<String> {
    let pieces = diff(old, new)?;
    if !pieces.iter().any(|p| matches!(p, Piece::Same(_))) {
        return None;
    }
    let last = pieces.len().saturating_sub(1);
    let parts: Vec<String> = pieces
        .iter()
        .enumerate()
        .map(|(n, piece)| match piece {
            Piece::Added(w) => format!("[+{}]", w.join(" ")),
            Piece::Removed(w) => format!("[-{}]", w.join(" ")),
            Piece::Same(w) => {
                let (first, end) = (n == 0, n == last);
                if first && !end && w.len() > CONTEXT {
                    format!("…{}", w[w.len() - CONTEXT..].join(" "))
                } else if end && !first && w.len() > CONTEXT {
                    format!("{} …", w[..CONTEXT].join(" "))
                } else if !first && !end && w.len() > 2 * CONTEXT {
                    format!(
                        "{} … {}",
                        w[..CONTEXT].join(" "),
                        w[w.len() - CONTEXT..].join(" ")
                    )
                } else {
                    w.join(" ")
                }
            }
        })
        .collect();
    Some(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_addition_at_the_end_shows_the_words_before_it() {
        assert_eq!(
            changed_words(
                "Размещение информации о ходе мониторинга на сайте ГУО",
                "Размещение информации о ходе мониторинга на сайте ГУО и в социальных сетях"
            )
            .as_deref(),
            Some("…на сайте ГУО [+и в социальных сетях]")
        );
    }

    #[test]
    fn a_replaced_word_in_the_middle_keeps_context_on_both_sides() {
        assert_eq!(
            changed_words(
                "Провести городской семинар для заместителей директоров по УВР в марте",
                "Провести областной семинар для заместителей директоров по УВР в марте"
            )
            .as_deref(),
            Some("Провести [-городской] [+областной] семинар для заместителей …")
        );
    }

    #[test]
    fn texts_with_nothing_in_common_are_not_diffed() {
        assert_eq!(changed_words("один два", "три четыре"), None);
    }
}
