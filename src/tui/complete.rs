//! Completion of what is typed from a list of names (people in the
//! roadmap, files in its folder): a name matches when one of its words
//! starts with the typed text, and repeated Tabs cycle through every match
//! of what was typed before the first one.

/// Names to complete from, and the cycle under way.
#[derive(Debug, Clone, Default)]
pub struct Completion {
    names: Vec<String>,
    cycle: Option<Cycle>,
}

/// The matches of the text typed before the first Tab, and the one picked.
#[derive(Debug, Clone)]
struct Cycle {
    matches: Vec<String>,
    at: usize,
}

/// How many matches a popup shows at most.
pub const SHOWN: usize = 8;

impl Completion {
    /// Completion from `names`, in their order.
    pub fn new(names: Vec<String>) -> Completion {
        Completion { names, cycle: None }
    }

    /// Whether there is nothing to complete from.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The names with a word starting with `typed` (ignoring case), in
    /// order; every name when nothing is typed.
    pub fn matching(&self, typed: &str) -> Vec<&str> {
        let typed = typed.trim().to_lowercase();
        self.names
            .iter()
            .filter(|name| starts_a_word(&name.to_lowercase(), &typed))
            .map(String::as_str)
            .collect()
    }

    /// The next match (`forward`) or the previous one, cycling through the
    /// matches of `typed` (the text before the first step); None when
    /// nothing matches.
    pub fn step(&mut self, typed: &str, forward: bool) -> Option<&str> {
        let cycle = match self.cycle.take() {
            Some(mut cycle) => {
                let n = cycle.matches.len();
                cycle.at = if forward {
                    (cycle.at + 1) % n
                } else {
                    (cycle.at + n - 1) % n
                };
                cycle
            }
            None => {
                let matches: Vec<String> = self
                    .matching(typed)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let last = matches.len().checked_sub(1)?;
                let at = if forward { 0 } else { last };
                Cycle { matches, at }
            }
        };
        let cycle = self.cycle.insert(cycle);
        cycle.matches.get(cycle.at).map(String::as_str)
    }

    /// Ends the cycle: the user typed something else.
    pub fn reset(&mut self) {
        self.cycle = None;
    }

    /// What a popup lists: the matches of the cycle under way with the one
    /// picked, else those of `typed` (leaving out a name typed in full).
    pub fn shown(&self, typed: &str) -> (Vec<&str>, Option<usize>) {
        if let Some(cycle) = &self.cycle {
            let matches = cycle.matches.iter().map(String::as_str).collect();
            return (matches, Some(cycle.at));
        }
        let typed = typed.trim().to_lowercase();
        let matches = self
            .matching(&typed)
            .into_iter()
            .filter(|name| name.to_lowercase() != typed)
            .collect();
        (matches, None)
    }
}

/// Whether `typed` starts at the beginning of a word of `name` (both
/// lower-cased): at its start or after a character that is not a letter
/// or digit.
fn starts_a_word(name: &str, typed: &str) -> bool {
    let mut previous: Option<char> = None;
    for (i, c) in name.char_indices() {
        let word_start = previous.is_none_or(|p| !p.is_alphanumeric());
        if word_start && name[i..].starts_with(typed) {
            return true;
        }
        previous = Some(c);
    }
    typed.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Completion {
        Completion::new(
            ["Кирьянова Н.Е.", "Мякишева Н.В.", "Ниязова Т.А.", "ГУО"]
                .map(String::from)
                .to_vec(),
        )
    }

    #[test]
    fn a_name_matches_from_the_start_of_any_of_its_words() {
        let c = people();
        assert_eq!(c.matching("кирь"), ["Кирьянова Н.Е."]);
        assert_eq!(c.matching("Н."), ["Кирьянова Н.Е.", "Мякишева Н.В."]);
        assert_eq!(
            c.matching("н"),
            ["Кирьянова Н.Е.", "Мякишева Н.В.", "Ниязова Т.А."]
        );
        assert!(
            c.matching("янова").is_empty(),
            "not from the middle of a word"
        );
        assert_eq!(c.matching("").len(), 4, "nothing typed: every name");
    }

    #[test]
    fn steps_cycle_through_every_match_both_ways() {
        let mut c = people();
        let forward: Vec<String> = (0..4)
            .map(|_| c.step("н", true).expect("a match").to_string())
            .collect();
        assert_eq!(
            forward,
            [
                "Кирьянова Н.Е.",
                "Мякишева Н.В.",
                "Ниязова Т.А.",
                "Кирьянова Н.Е."
            ]
        );
        assert_eq!(c.shown("whatever typed now").1, Some(0));
        assert_eq!(c.step("", false), Some("Ниязова Т.А."));
        c.reset();
        assert_eq!(c.step("мяк", false), Some("Мякишева Н.В."));
        c.reset();
        assert_eq!(c.step("нет такого", true), None);
    }
}
