//! Numbers as roadmaps write them ("2.", "2.4.", "10.3.1."): reading their
//! parts and finding the number a new activity takes.

/// The parts of a number as written: "10.3.1." → [10, 3, 1]. Anything that
/// is not a dotted run of whole numbers gives no parts.
pub fn parts(number: &str) -> Vec<u64> {
    let trimmed = number.trim().trim_end_matches('.');
    if trimmed.is_empty() {
        return Vec::new();
    }
    trimmed
        .split('.')
        .map(|p| p.trim().parse().ok())
        .collect::<Option<Vec<u64>>>()
        .unwrap_or_default()
}

/// Writes parts as a number: [2, 5] → "2.5.".
pub fn write(parts: &[u64]) -> String {
    parts.iter().map(|p| format!("{p}.")).collect()
}

/// The number for a new activity added at the end of a section numbered
/// `section` whose activities are numbered `siblings`: one more than the
/// highest of them one level below the section ("2.4." → "2.5."; sub-items
/// such as "2.4.1." do not count), "2.1." for the first, and nothing when
/// neither the section nor its activities are numbered.
pub fn next_number<'a>(section: &str, siblings: impl IntoIterator<Item = &'a str>) -> String {
    let base = parts(section);
    let mut highest: Option<Vec<u64>> = None;
    for sibling in siblings {
        let p = parts(sibling);
        let fits = if base.is_empty() {
            !p.is_empty()
        } else {
            p.len() == base.len() + 1 && p.starts_with(&base)
        };
        if fits
            && highest
                .as_ref()
                .is_none_or(|h| p.len() < h.len() || (p.len() == h.len() && p > *h))
        {
            highest = Some(p);
        }
    }
    match highest {
        Some(mut p) => {
            if let Some(last) = p.last_mut() {
                *last += 1;
            }
            write(&p)
        }
        None if !base.is_empty() => write(&[base.as_slice(), &[1]].concat()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_and_written_as_roadmaps_write_them() {
        assert_eq!(parts("10.3.1."), [10, 3, 1]);
        assert_eq!(parts(" 2.4 "), [2, 4]);
        assert!(parts("II").is_empty());
        assert!(parts("").is_empty());
        assert_eq!(write(&[2, 5]), "2.5.");
    }

    #[test]
    fn a_new_activity_takes_the_next_number_of_its_section() {
        assert_eq!(next_number("2.", ["2.1.", "2.2.", "2.4."]), "2.5.");
        assert_eq!(next_number("2.", ["2.1.", "2.1.1.", "2.1.2."]), "2.2.");
        assert_eq!(next_number("2.", []), "2.1.");
        assert_eq!(next_number("10.", ["10.1", "10.9", "10.10"]), "10.11.");
        assert_eq!(next_number("", ["3.1.", "3.2."]), "3.3.");
        assert_eq!(next_number("", ["", "без номера"]), "");
        assert_eq!(next_number("", []), "");
    }
}
