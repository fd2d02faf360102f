//! Positions of items among their siblings as strings that sort in order
//! (fractional indexing): an item can always be put between two others
//! without touching them, so concurrent moves never duplicate or lose items.
//!
//! A position is a non-empty string of base-36 digits (`0-9a-z`) that does
//! not end in `0`; positions compare as plain strings. Malformed positions
//! read from a file still sort (as strings) and never make these functions
//! panic.

const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
const BASE: u32 = 36;

fn digit_value(c: u8) -> u32 {
    DIGITS.iter().position(|d| *d == c).unwrap_or(0) as u32
}

fn digit_char(v: u32) -> char {
    DIGITS
        .get(v.min(BASE - 1) as usize)
        .map_or('z', |d| *d as char)
}

/// A position strictly between `before` and `after` (either may be absent:
/// the start or the end of the list). If the bounds are out of order (as
/// concurrent edits can leave them), the result is after `before`.
pub fn between(before: Option<&str>, after: Option<&str>) -> String {
    let a: Vec<u32> = before.map_or_else(Vec::new, digits);
    let b: Option<Vec<u32>> = after.map(digits).filter(|b| {
        let a_str = to_string(&a);
        to_string(b) > a_str && !b.is_empty()
    });
    let mid = midpoint(&a, b.as_deref());
    to_string(&mid)
}

/// `n` positions in increasing order, spread evenly so that later inserts
/// between any two stay short. Used when a whole list is written at once.
pub fn spread(n: usize) -> Vec<String> {
    let mut width = 1;
    let mut room = (BASE - 1) as usize;
    while room < n {
        width += 1;
        room = room.saturating_mul(BASE as usize);
    }
    let step = (room + 1) / (n + 1);
    (1..=n)
        .map(|i| {
            let mut v = i * step.max(1);
            let mut out = vec![0u32; width];
            for slot in out.iter_mut().rev() {
                *slot = (v % BASE as usize) as u32;
                v /= BASE as usize;
            }
            while out.len() > 1 && out.last() == Some(&0) {
                out.pop();
            }
            to_string(&out)
        })
        .collect()
}

fn digits(s: &str) -> Vec<u32> {
    s.bytes().map(digit_value).collect()
}

fn to_string(d: &[u32]) -> String {
    d.iter().map(|v| digit_char(*v)).collect()
}

/// The classic midpoint of two digit strings read as fractions 0.a and 0.b
/// (b absent = 1). Requires a < b when b is present.
fn midpoint(a: &[u32], b: Option<&[u32]>) -> Vec<u32> {
    if let Some(b) = b {
        let mut n = 0;
        while n < b.len() && a.get(n).copied().unwrap_or(0) == b[n] {
            n += 1;
        }
        if n >= b.len() {
            // b is a prefix-equal of a padded with zeros: no room; go after a.
            return after_all(a);
        }
        if n > 0 {
            let mut out = b[..n].to_vec();
            out.extend(midpoint(a.get(n..).unwrap_or(&[]), Some(&b[n..])));
            return out;
        }
    }
    let da = a.first().copied().unwrap_or(0);
    let db = b.and_then(|b| b.first().copied()).unwrap_or(BASE);
    if db > da + 1 {
        return vec![(da + db) / 2];
    }
    match b {
        Some(b) if b.len() > 1 => vec![b[0]],
        _ => {
            let mut out = vec![da];
            out.extend(midpoint(a.get(1..).unwrap_or(&[]), None));
            out
        }
    }
}

fn after_all(a: &[u32]) -> Vec<u32> {
    let mut out = a.to_vec();
    out.push(BASE / 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn first_position_and_appends_sort() {
        let mut list = vec![between(None, None)];
        for _ in 0..200 {
            let next = between(list.last().map(String::as_str), None);
            assert!(next > *list.last().unwrap());
            list.push(next);
        }
        for _ in 0..200 {
            let first = between(None, list.first().map(String::as_str));
            assert!(first < list[0], "{first} < {}", list[0]);
            list.insert(0, first);
        }
    }

    #[test]
    fn spread_is_increasing_and_leaves_room() {
        for n in [0, 1, 2, 35, 36, 100, 1300, 10_000] {
            let keys = spread(n);
            assert_eq!(keys.len(), n);
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "{} < {}", w[0], w[1]);
                let mid = between(Some(&w[0]), Some(&w[1]));
                assert!(w[0] < mid && mid < w[1]);
            }
            assert!(keys.iter().all(|k| !k.ends_with('0')));
        }
    }

    #[test]
    fn out_of_order_or_malformed_bounds_do_not_panic() {
        let p = between(Some("z"), Some("a"));
        assert!(p.as_str() > "z");
        let p = between(Some("b"), Some("b"));
        assert!(p.as_str() > "b");
        let _ = between(Some("ЖЖ"), Some(""));
        let _ = between(Some(""), Some("0"));
        let _ = between(Some("a0"), Some("a"));
    }

    proptest! {
        #[test]
        fn between_is_strictly_between(a in "[0-9a-z]{0,6}[1-9a-z]", b in "[0-9a-z]{0,6}[1-9a-z]") {
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            prop_assume!(lo != hi);
            let m = between(Some(&lo), Some(&hi));
            prop_assert!(lo < m && m < hi, "{} < {} < {}", lo, m, hi);
            prop_assert!(!m.ends_with('0'));
        }
    }
}
