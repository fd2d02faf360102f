//! Names of responsible people and bodies, however they were spelled.
//!
//! "Л.А. Сенюта" = "Сенюта Л.А." = "Сенюта Л. А."; "А,В. Харько" = "Харько А.В.";
//! lists are separated by spaces, commas or line breaks. Bodies ("УО",
//! "ГУО администрации г. Черногорска", "МАУ ДПО «ЦНМО»") are kept as phrases.
//!
//! A person is a surname next to its initials, in either order. Initials are
//! one to three capital letters, each followed by "." (or by "," typed by
//! mistake), the last dot may be missing ("А.М"). A surname is a capitalised
//! Cyrillic word, possibly hyphenated, that is not a deadline word (months,
//! "Ежегодно", "До", "По"…). Latin letters that look Cyrillic count as Cyrillic.
//! Glued capitals without dots ("АВ") are never read as initials: they look
//! just like the abbreviations of bodies ("УО", "ОО").

use std::ops::Range;

/// Capitalised words that are never surnames: months in the forms deadlines
/// use them in, and the other words deadline phrases start with.
const NOT_SURNAMES: &[&str] = &[
    "январь",
    "января",
    "январе",
    "февраль",
    "февраля",
    "феврале",
    "март",
    "марта",
    "марте",
    "апрель",
    "апреля",
    "апреле",
    "май",
    "мая",
    "мае",
    "июнь",
    "июня",
    "июне",
    "июль",
    "июля",
    "июле",
    "август",
    "августа",
    "августе",
    "сентябрь",
    "сентября",
    "сентябре",
    "октябрь",
    "октября",
    "октябре",
    "ноябрь",
    "ноября",
    "ноябре",
    "декабрь",
    "декабря",
    "декабре",
    "ежегодно",
    "ежемесячно",
    "ежеквартально",
    "еженедельно",
    "ежедневно",
    "постоянно",
    "регулярно",
    "до",
    "по",
    "во",
    "со",
    "на",
    "от",
    "за",
    "при",
    "для",
    "после",
    "итогам",
    "течение",
    "конца",
    "начала",
    "года",
    "год",
    "квартал",
    "полугодие",
    "весь",
    "согласно",
];

/// Bodies known under several names: every phrase of a row (folded to lower
/// case) names the body whose key is the row's first phrase.
const BODY_ALIASES: &[&[&str]] = &[
    &[
        "оо",
        "образовательные организации",
        "образовательные организации (оо)",
    ],
    &[
        "доо",
        "дошкольные образовательные организации",
        "дошкольные образовательные организации (доо)",
    ],
    &[
        "уо",
        "управление образования",
        "управление образования (уо)",
    ],
];

/// Splits a responsible cell into entries, one per person or body, each as
/// written (trimmed, whitespace collapsed). "Л.А. Сенюта И.П. Корчевская"
/// gives two entries; "УО, УМК," gives "УО" and "УМК".
///
/// Commas and semicolons always separate entries (except a comma typed inside
/// initials, "А,В.", or inside quotes or brackets). A piece made only of
/// people is split into the people; otherwise each of its lines is a person
/// list or one body phrase.
pub fn split_entries(cell: &str) -> Vec<String> {
    let words = tokenize(cell, Case::Strict);
    let classes = classify_all(cell, &words, Case::Strict);
    pieces(&words, |w| w.hard)
        .into_iter()
        .flat_map(|piece| piece_entries(cell, &words, &classes, piece))
        .collect()
}

/// The key under which all spellings of one person or body meet: equal keys
/// mean the same person or body. People: "сенюта л.а."; bodies: folded to
/// lower case with quotes unified, and known aliases ("ОО", "образовательные
/// организации") brought to one key.
pub fn entry_key(entry: &str) -> String {
    match parse_person(entry) {
        Some(person) => person.key(),
        None => body_key(entry),
    }
}

/// The canonical spelling of an entry: "Сенюта Л.А." for people; bodies
/// trimmed, with spaces collapsed, trailing commas dropped and quotes
/// balanced ("МАУ ДПО «ЦНМО" gives "МАУ ДПО «ЦНМО»").
pub fn display_name(entry: &str) -> String {
    match parse_person(entry) {
        Some(person) => person.display(),
        None => display_body(entry),
    }
}

/// Whether an entry names one person (a surname with its initials) rather
/// than a body.
pub fn is_person(entry: &str) -> bool {
    parse_person(entry).is_some()
}

/// Splits a deadline cell that also names people ("Декабрь 2021 Колосов В.Г.
/// Кирьянова Н.Е.") into the deadline text and the names found in it.
///
/// Names are lists of people at the end (or the start) of a line; a bare
/// surname right after such a list at the end of a line is kept as a name
/// fragment (cut by a page break). Names are returned as written; the
/// deadline keeps the other text as written, trimmed of the separators the
/// names left behind. A cell without names comes back trimmed.
pub fn split_deadline_and_names(cell: &str) -> (String, Vec<String>) {
    let words = tokenize(cell, Case::Strict);
    let classes = classify_all(cell, &words, Case::Strict);
    let runs = name_runs(&classes, &words);
    if runs.is_empty() {
        return (cell.trim().to_string(), Vec::new());
    }
    let names = runs
        .iter()
        .flatten()
        .map(|unit| span_text(cell, &words, unit.clone()))
        .collect();
    let covered: Vec<Range<usize>> = runs
        .iter()
        .filter_map(|run| byte_span(&words, run.first()?.start..run.last()?.end))
        .collect();
    (remaining_text(cell, &covered), names)
}

// ---------------------------------------------------------------- letters

/// How strictly letter case is read: split cells demand capitalised names;
/// a single entry may fall back to any case ("сенюта л.а").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Strict,
    Relaxed,
}

/// The lower-case Cyrillic letter a Cyrillic letter or a Latin look-alike
/// stands for.
fn cyrillic_lower(c: char) -> Option<char> {
    let lower = match c {
        'а'..='я' | 'ё' => c,
        'А'..='Я' => char::from_u32(u32::from(c) + 0x20)?,
        'Ё' => 'ё',
        'A' | 'a' => 'а',
        'B' => 'в',
        'C' | 'c' => 'с',
        'E' | 'e' => 'е',
        'H' => 'н',
        'K' => 'к',
        'M' => 'м',
        'O' | 'o' => 'о',
        'P' | 'p' => 'р',
        'T' => 'т',
        'X' | 'x' => 'х',
        'y' => 'у',
        _ => return None,
    };
    Some(lower)
}

/// The upper-case Cyrillic letter for `c`, or `c` itself when it is no
/// Cyrillic letter or look-alike.
fn cyrillic_upper(c: char) -> char {
    cyrillic_lower(c)
        .and_then(|l| l.to_uppercase().next())
        .unwrap_or(c)
}

/// A capital Cyrillic letter or a Latin capital that looks like one.
fn is_capital(c: char) -> bool {
    cyrillic_lower(c).is_some() && c.is_uppercase()
}

/// A small Cyrillic letter or a Latin small letter that looks like one.
fn is_small(c: char) -> bool {
    cyrillic_lower(c).is_some() && c.is_lowercase()
}

/// Whether `c` may start a name part (a surname or an initial) in `case`.
fn is_name_capital(c: char, case: Case) -> bool {
    match case {
        Case::Strict => is_capital(c),
        Case::Relaxed => cyrillic_lower(c).is_some(),
    }
}

/// Whether `c` may continue a surname in `case`.
fn is_name_small(c: char, case: Case) -> bool {
    match case {
        Case::Strict => is_small(c),
        Case::Relaxed => cyrillic_lower(c).is_some(),
    }
}

/// Folds one character for a key: lower case, "ё" as "е", look-alikes as
/// Cyrillic when `cyrillic` is set.
fn fold_char(c: char, cyrillic: bool) -> String {
    let mapped = if cyrillic { cyrillic_lower(c) } else { None };
    match mapped {
        Some('ё') => "е".to_string(),
        Some(l) => l.to_string(),
        None => c
            .to_lowercase()
            .map(|l| if l == 'ё' { 'е' } else { l })
            .collect(),
    }
}

/// Folds a name word for comparison: lower-case Cyrillic, "ё" as "е".
fn fold_name(word: &str) -> String {
    word.chars().map(|c| fold_char(c, true)).collect()
}

/// The text with every run of whitespace turned into one space, trimmed.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ----------------------------------------------------------------- quotes

/// Whether a quote character opens or closes a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteRole {
    Open,
    Close,
}

/// The role of `c` given the innermost open quote `top`; `None` for
/// characters that are no quotes (and for a stray "»").
fn quote_role(c: char, top: Option<char>) -> Option<QuoteRole> {
    match c {
        '«' | '„' => Some(QuoteRole::Open),
        '»' if top == Some('«') => Some(QuoteRole::Close),
        '“' if matches!(top, Some('„' | '“')) => Some(QuoteRole::Close),
        '”' if matches!(top, Some('„' | '“' | '”')) => Some(QuoteRole::Close),
        '"' if top == Some('"') => Some(QuoteRole::Close),
        '“' | '”' | '"' => Some(QuoteRole::Open),
        _ => None,
    }
}

/// The quote that closes the opening quote `open`.
fn closing_quote(open: char) -> char {
    match open {
        '«' => '»',
        '„' => '“',
        '“' => '”',
        other => other,
    }
}

/// Whether `c` is any of the quote characters a key unifies.
fn is_quote(c: char) -> bool {
    matches!(c, '«' | '»' | '"' | '“' | '”' | '„')
}

/// The text with every quote left open closed at its end.
fn close_quotes(text: &str) -> String {
    let mut open: Vec<char> = Vec::new();
    for c in text.chars() {
        match quote_role(c, open.last().copied()) {
            Some(QuoteRole::Open) => open.push(c),
            Some(QuoteRole::Close) => {
                open.pop();
            }
            None => {}
        }
    }
    let mut closed = text.to_string();
    closed.extend(open.iter().rev().map(|&c| closing_quote(c)));
    closed
}

/// Byte positions of the commas that stand inside quotes or brackets closed
/// later on the same line; such commas do not separate entries.
fn protected_commas(text: &str) -> Vec<usize> {
    let mut protected = Vec::new();
    let mut open: Vec<char> = Vec::new();
    let mut inside = Vec::new();
    for (i, c) in text.char_indices() {
        let role = match c {
            '\n' | '\r' | ';' => {
                open.clear();
                inside.clear();
                continue;
            }
            ',' if !open.is_empty() => {
                inside.push(i);
                continue;
            }
            '(' => Some(QuoteRole::Open),
            ')' if open.last() == Some(&'(') => Some(QuoteRole::Close),
            _ => quote_role(c, open.last().copied()),
        };
        match role {
            Some(QuoteRole::Open) => open.push(c),
            Some(QuoteRole::Close) => {
                open.pop();
                if open.is_empty() {
                    protected.append(&mut inside);
                }
            }
            None => {}
        }
    }
    protected
}

// ------------------------------------------------------------------ words

/// A word of a cell: its bytes and what separates it from the word before.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    /// Byte range in the cell.
    span: Range<usize>,
    /// A line break stands before the word.
    line_break: bool,
    /// A comma or semicolon stands before the word.
    hard: bool,
}

/// Splits `text` into words at whitespace, commas and semicolons, keeping a
/// comma typed inside initials ("А,В.") or inside quotes in its word.
fn tokenize(text: &str, case: Case) -> Vec<Word> {
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
fn pieces(words: &[Word], starts_piece: impl Fn(&Word) -> bool) -> Vec<Range<usize>> {
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
fn byte_span(words: &[Word], range: Range<usize>) -> Option<Range<usize>> {
    let first = words.get(range.start)?;
    let last = words.get(range.end.checked_sub(1)?)?;
    Some(first.span.start..last.span.end)
}

/// The text of the words `range`, whitespace collapsed.
fn span_text(text: &str, words: &[Word], range: Range<usize>) -> String {
    byte_span(words, range)
        .and_then(|span| text.get(span))
        .map(collapse_whitespace)
        .unwrap_or_default()
}

// ---------------------------------------------------------- word classes

/// What a word can be in a name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Class {
    /// "Л.А.", "А,В.", "А.М", "Л.": the letters, upper-case Cyrillic.
    Initials(Vec<char>),
    /// A capitalised word that may be a surname.
    Surname,
    /// "Г.Л.Горошникова": initials glued to a surname that starts at the
    /// given byte offset of the word.
    Glued(Vec<char>, usize),
    /// Anything else.
    Other,
}

/// Classifies every word of `text`.
fn classify_all(text: &str, words: &[Word], case: Case) -> Vec<Class> {
    words
        .iter()
        .map(|w| classify(text.get(w.span.clone()).unwrap_or_default(), case))
        .collect()
}

/// What `word` can be in a name.
fn classify(word: &str, case: Case) -> Class {
    if let Some(letters) = parse_initials(word, case) {
        Class::Initials(letters)
    } else if is_surname(word, case) {
        Class::Surname
    } else if let Some((letters, offset)) = split_glued(word, case) {
        Class::Glued(letters, offset)
    } else {
        Class::Other
    }
}

/// Reads letters each followed by "." or ",": the letters (upper case) and
/// whether the last one has its dot. `None` when `word` is anything else.
fn scan_initials(word: &str, case: Case) -> Option<(Vec<char>, bool)> {
    let mut letters = Vec::new();
    let mut terminated = true;
    for c in word.chars() {
        if terminated && is_name_capital(c, case) {
            letters.push(cyrillic_upper(c));
            terminated = false;
        } else if !terminated && matches!(c, '.' | ',') {
            terminated = true;
        } else {
            return None;
        }
    }
    (letters.len() <= 3).then_some((letters, terminated))
}

/// The letters of an initials word: one to three letters each followed by
/// "." or ","; the last dot may be missing when there are several letters.
fn parse_initials(word: &str, case: Case) -> Option<Vec<char>> {
    let (letters, terminated) = scan_initials(word, case)?;
    let complete = terminated || letters.len() > 1;
    (!letters.is_empty() && complete).then_some(letters)
}

/// Whether `word` may be a surname: a capitalised word of Cyrillic letters
/// (or look-alikes), possibly hyphenated, and no deadline word.
fn is_surname(word: &str, case: Case) -> bool {
    let letters = word.chars().filter(|&c| c != '-').count();
    letters >= 2
        && word
            .split('-')
            .enumerate()
            .all(|(i, part)| is_surname_part(part, i == 0, case))
        && !word
            .split('-')
            .any(|part| NOT_SURNAMES.contains(&fold_name(part).as_str()))
}

/// Whether one hyphen-separated part of a word may belong to a surname; only
/// the first part must be capitalised ("Петрова-Водкина", "Мамин-сибиряк").
fn is_surname_part(part: &str, first: bool, case: Case) -> bool {
    let mut chars = part.chars();
    let Some(head) = chars.next() else {
        return false;
    };
    let head_ok = if first {
        is_name_capital(head, case)
    } else {
        cyrillic_lower(head).is_some()
    };
    head_ok && chars.all(|c| is_name_small(c, case))
}

/// Splits "Г.Л.Горошникова" into its initials and the byte offset of its
/// surname.
fn split_glued(word: &str, case: Case) -> Option<(Vec<char>, usize)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut letters = Vec::new();
    let mut offset = 0;
    for pair in chars.chunks(2) {
        match pair {
            [(_, letter), (dot, '.')] if is_name_capital(*letter, case) => {
                letters.push(cyrillic_upper(*letter));
                offset = dot + 1;
            }
            _ => break,
        }
    }
    let surname = word.get(offset..)?;
    let fits = (1..=3).contains(&letters.len()) && is_surname(surname, case);
    fits.then_some((letters, offset))
}

// ------------------------------------------------------- reading people

/// Which way round the people of a list are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    /// "Сенюта Л.А." only.
    SurnameFirst,
    /// "Л.А. Сенюта" only.
    InitialsFirst,
    /// Both, mixed within the list.
    Either,
}

/// The orders to try for a list of words, the order of its first pair first.
fn orders(classes: &[Class]) -> [Order; 3] {
    match classes.first() {
        Some(Class::Initials(_)) => [Order::InitialsFirst, Order::SurnameFirst, Order::Either],
        _ => [Order::SurnameFirst, Order::InitialsFirst, Order::Either],
    }
}

/// Whether the words `at..at + count` form one person's initials: one
/// initials word, or several single-letter ones ("Л. А.").
fn initials_group(classes: &[Class], at: usize, count: usize) -> bool {
    match classes.get(at..at + count) {
        Some([Class::Initials(_)]) => true,
        Some(group) if count > 1 => group
            .iter()
            .all(|c| matches!(c, Class::Initials(l) if l.len() == 1)),
        _ => false,
    }
}

/// The ends of the people that may start at word `k` when read in `order`,
/// preferred first. A person never spans a comma or semicolon.
fn person_ends(classes: &[Class], words: &[Word], k: usize, order: Order) -> Vec<usize> {
    let mut ends = Vec::new();
    match classes.get(k) {
        Some(Class::Glued(..)) => ends.push(k + 1),
        Some(Class::Surname) if order != Order::InitialsFirst => ends.extend(
            (1..=3)
                .rev()
                .filter(|&g| initials_group(classes, k + 1, g))
                .map(|g| k + 1 + g),
        ),
        Some(Class::Initials(_)) if order != Order::SurnameFirst => ends.extend(
            (1..=3)
                .rev()
                .filter(|&g| {
                    initials_group(classes, k, g) && classes.get(k + g) == Some(&Class::Surname)
                })
                .map(|g| k + g + 1),
        ),
        _ => {}
    }
    ends.retain(|&end| {
        words
            .get(k + 1..end)
            .is_some_and(|inner| inner.iter().all(|w| !w.hard))
    });
    ends
}

/// For every word position up to the furthest one reached, the start of the
/// last person of a reading of the words before it as a list of people
/// (`Some(0)` at position 0, `None` where no reading ends).
fn readings(classes: &[Class], words: &[Word], order: Order) -> Vec<Option<usize>> {
    let mut back = vec![Some(0)];
    let mut k = 0;
    while k < back.len() && k < classes.len() {
        if back[k].is_some() {
            for end in person_ends(classes, words, k, order) {
                if back.len() <= end {
                    back.resize(end + 1, None);
                }
                back[end].get_or_insert(k);
            }
        }
        k += 1;
    }
    back
}

/// The people (word ranges) of the reading that ends at `end`.
fn trace(back: &[Option<usize>], end: usize) -> Option<Vec<Range<usize>>> {
    let mut people = Vec::new();
    let mut e = end;
    while e > 0 {
        let s = (*back.get(e)?)?;
        people.push(s..e);
        e = s;
    }
    people.reverse();
    Some(people)
}

/// The words read as a list of one or more people, all of them used.
fn people(classes: &[Class], words: &[Word]) -> Option<Vec<Range<usize>>> {
    orders(classes)
        .into_iter()
        .filter_map(|order| trace(&readings(classes, words, order), classes.len()))
        .find(|people| !people.is_empty())
}

/// The entries of one comma-separated piece of a responsible cell: its
/// people when it is made only of people, else line by line.
fn piece_entries(
    text: &str,
    words: &[Word],
    classes: &[Class],
    piece: Range<usize>,
) -> Vec<String> {
    if let Some(people) = read_people(text, words, classes, piece.clone()) {
        return people;
    }
    let lines = pieces(words.get(piece.clone()).unwrap_or_default(), |w| {
        w.line_break
    });
    lines
        .into_iter()
        .flat_map(|line| {
            let line = line.start + piece.start..line.end + piece.start;
            read_people(text, words, classes, line.clone())
                .unwrap_or_else(|| vec![span_text(text, words, line)])
        })
        .collect()
}

/// The people of the words `range`, as written, when they are all people.
fn read_people(
    text: &str,
    words: &[Word],
    classes: &[Class],
    range: Range<usize>,
) -> Option<Vec<String>> {
    let found = people(classes.get(range.clone())?, words.get(range.clone())?)?;
    let shifted = found
        .into_iter()
        .map(|p| p.start + range.start..p.end + range.start);
    Some(shifted.map(|p| span_text(text, words, p)).collect())
}

// ------------------------------------------------------------ one person

/// A person read from an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    /// The surname as written.
    surname: String,
    /// The initials, upper-case Cyrillic.
    initials: Vec<char>,
}

impl Person {
    /// "сенюта л.а.": surname and initials folded.
    fn key(&self) -> String {
        let initials: String = self
            .initials
            .iter()
            .map(|&c| format!("{}.", fold_char(c, true)))
            .collect();
        format!("{} {initials}", fold_name(&self.surname))
    }

    /// "Сенюта Л.А.".
    fn display(&self) -> String {
        let surname: Vec<String> = self.surname.split('-').map(title_case).collect();
        let initials: String = self.initials.iter().map(|c| format!("{c}.")).collect();
        format!("{} {initials}", surname.join("-"))
    }
}

/// A name part with a Cyrillic capital first and small Cyrillic letters after.
fn title_case(part: &str) -> String {
    part.chars()
        .enumerate()
        .map(|(i, c)| match (i, cyrillic_lower(c)) {
            (0, _) => cyrillic_upper(c),
            (_, Some(l)) => l,
            (_, None) => c,
        })
        .collect()
}

/// The person an entry names, read with capitals first and in any case after
/// that; a reading in any case needs two initials at least, so that "г."
/// and "с." stay abbreviations of places.
fn parse_person(entry: &str) -> Option<Person> {
    person_in(entry, Case::Strict)
        .or_else(|| person_in(entry, Case::Relaxed).filter(|p| p.initials.len() >= 2))
}

/// The person `entry` names when all its words make exactly one person.
fn person_in(entry: &str, case: Case) -> Option<Person> {
    let words = tokenize(entry, case);
    let classes = classify_all(entry, &words, case);
    let units = people(&classes, &words)?;
    let [unit] = units.as_slice() else {
        return None;
    };
    let mut person = Person {
        surname: String::new(),
        initials: Vec::new(),
    };
    for i in unit.clone() {
        let text = words
            .get(i)
            .and_then(|w| entry.get(w.span.clone()))
            .unwrap_or_default();
        match classes.get(i) {
            Some(Class::Initials(letters)) => person.initials.extend(letters),
            Some(Class::Surname) => person.surname = text.to_string(),
            Some(Class::Glued(letters, offset)) => {
                person.initials.extend(letters);
                person.surname = text.get(*offset..).unwrap_or_default().to_string();
            }
            _ => {}
        }
    }
    Some(person)
}

// ---------------------------------------------------------------- bodies

/// A body as displayed: whitespace collapsed, commas and semicolons at the
/// ends dropped, quotes left open closed.
fn display_body(entry: &str) -> String {
    let collapsed = collapse_whitespace(entry);
    let trimmed = collapsed.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';'));
    close_quotes(trimmed)
}

/// A body's key: its display form folded (lower case, "ё" as "е",
/// look-alikes as Cyrillic in Cyrillic words, every quote as '"'), trailing
/// punctuation dropped, aliases brought to one key.
fn body_key(entry: &str) -> String {
    let folded: Vec<String> = display_body(entry).split(' ').map(fold_body_word).collect();
    let joined = folded.join(" ");
    let key = joined.trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
    BODY_ALIASES
        .iter()
        .find(|row| row.contains(&key))
        .and_then(|row| row.first())
        .unwrap_or(&key)
        .to_string()
}

/// One word of a body folded for its key.
fn fold_body_word(word: &str) -> String {
    let cyrillic = word
        .chars()
        .any(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'));
    word.chars()
        .map(|c| {
            if is_quote(c) {
                "\"".to_string()
            } else {
                fold_char(c, cyrillic)
            }
        })
        .collect()
}

// ------------------------------------------------------ deadline names

/// The lists of people found in a deadline cell, each as word ranges of
/// its people, leftmost first.
fn name_runs(classes: &[Class], words: &[Word]) -> Vec<Vec<Range<usize>>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < classes.len() {
        match run_at(classes, words, i) {
            Some(run) => {
                i = run.last().map_or(i + 1, |p| p.end.max(i + 1));
                runs.push(run);
            }
            None => i += 1,
        }
    }
    runs
}

/// The longest list of people starting at word `start` that ends a line (or
/// starts one), possibly followed by a trailing bare surname at the end of
/// a line. Lists in the order of the first pair win ties, then lists without
/// a fragment. The people are word ranges of the whole cell.
fn run_at(classes: &[Class], words: &[Word], start: usize) -> Option<Vec<Range<usize>>> {
    let cls = classes.get(start..)?;
    let ws = words.get(start..)?;
    if matches!(cls.first(), None | Some(Class::Other)) {
        return None;
    }
    let starts_line = start == 0 || ws.first().is_some_and(|w| w.line_break);
    let ends_line = |e: usize| ws.get(e).is_none_or(|w| w.line_break);
    let mut best: Option<Vec<Range<usize>>> = None;
    for order in orders(cls) {
        let back = readings(cls, ws, order);
        let complete = (1..back.len())
            .rev()
            .find(|&e| back[e].is_some() && (starts_line || ends_line(e)))
            .and_then(|end| trace(&back, end));
        let fragment = (2..=back.len())
            .rev()
            .find(|&e| {
                back[e - 1].is_some()
                    && cls.get(e - 1) == Some(&Class::Surname)
                    && ws.get(e - 1).is_some_and(|w| !w.hard)
                    && ends_line(e)
            })
            .and_then(|end| {
                let mut people = trace(&back, end - 1)?;
                people.push(end - 1..end);
                Some(people)
            });
        for run in complete.into_iter().chain(fragment) {
            if best.as_ref().is_none_or(|b| run_end(&run) > run_end(b)) {
                best = Some(run);
            }
        }
    }
    best.map(|run| {
        run.into_iter()
            .map(|p| p.start + start..p.end + start)
            .collect()
    })
}

/// The word index after the last person of a run.
fn run_end(run: &[Range<usize>]) -> usize {
    run.last().map_or(0, |p| p.end)
}

/// The cell without the byte ranges `covered`: untouched lines as written,
/// the rest of touched lines trimmed of separators, lines left empty dropped.
fn remaining_text(cell: &str, covered: &[Range<usize>]) -> String {
    let mut lines = Vec::new();
    let mut offset = 0;
    for line in cell.split('\n') {
        let range = offset..offset + line.len();
        offset = range.end + 1;
        let touching: Vec<&Range<usize>> = covered
            .iter()
            .filter(|c| c.start < range.end && c.end > range.start)
            .collect();
        if touching.is_empty() {
            lines.push(line.to_string());
            continue;
        }
        let kept = uncovered(cell, range, &touching);
        if !kept.is_empty() {
            lines.push(kept);
        }
    }
    lines.join("\n").trim().to_string()
}

/// The parts of `range` outside `covered` (sorted), each trimmed of
/// separators, joined by a space.
fn uncovered(cell: &str, range: Range<usize>, covered: &[&Range<usize>]) -> String {
    let mut parts = Vec::new();
    let mut cursor = range.start;
    for c in covered {
        parts.push(cursor..c.start.clamp(cursor, range.end));
        cursor = c.end.clamp(cursor, range.end);
    }
    parts.push(cursor..range.end);
    let texts: Vec<&str> = parts
        .into_iter()
        .filter_map(|p| cell.get(p))
        .map(|t| t.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';')))
        .filter(|t| !t.is_empty())
        .collect();
    texts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Owned strings for comparing with the functions' output.
    fn owned(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn splits_people_written_initials_first_or_surname_first() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Л.А. Сенюта И.П. Корчевская",
                &["Л.А. Сенюта", "И.П. Корчевская"],
            ),
            (
                "Сенюта Л.А. Корчевская И.П.",
                &["Сенюта Л.А.", "Корчевская И.П."],
            ),
            (
                "А,В. Харько В.В. Сапронова",
                &["А,В. Харько", "В.В. Сапронова"],
            ),
            (
                "Егорова О.Ю. Колосов В.Г. Гилязутдинова А.М",
                &["Егорова О.Ю.", "Колосов В.Г.", "Гилязутдинова А.М"],
            ),
            (
                "Н.В. Безруких Н.Е. Кирьянова",
                &["Н.В. Безруких", "Н.Е. Кирьянова"],
            ),
            (
                "А.В. Харько Г.Н. Шалыгина",
                &["А.В. Харько", "Г.Н. Шалыгина"],
            ),
            ("Л.А. Сенюта", &["Л.А. Сенюта"]),
            (
                "Л. А. Сенюта И. П. Корчевская",
                &["Л. А. Сенюта", "И. П. Корчевская"],
            ),
            (
                "Гилязутдинова А.М. Н.Е. Кирьянова",
                &["Гилязутдинова А.М.", "Н.Е. Кирьянова"],
            ),
            (
                "Л.А. Сенюта Корчевская И.П.",
                &["Л.А. Сенюта", "Корчевская И.П."],
            ),
            (
                "Петрова-Водкина Е.А. Иванов А.Б.В.",
                &["Петрова-Водкина Е.А.", "Иванов А.Б.В."],
            ),
            ("A.B. Харько", &["A.B. Харько"]),
            ("Ёлкина Ё.Ё. Алёшин П.П.", &["Ёлкина Ё.Ё.", "Алёшин П.П."]),
            (
                "Харько А, В. Сапронова В.В.",
                &["Харько А, В.", "Сапронова В.В."],
            ),
            (
                "Г.Л.Горошникова Т.Г. Воронова",
                &["Г.Л.Горошникова", "Т.Г. Воронова"],
            ),
        ];
        for (cell, expected) in cases {
            assert_eq!(split_entries(cell), owned(expected), "{cell}");
        }
    }

    #[test]
    fn splits_at_commas_semicolons_and_line_breaks() {
        let cases: &[(&str, &[&str])] = &[
            ("Иванов И.И., Петров П.П.", &["Иванов И.И.", "Петров П.П."]),
            (
                "Сенюта Л.А.; Корчевская И.П.",
                &["Сенюта Л.А.", "Корчевская И.П."],
            ),
            (
                "Сенюта Л.А.\nКорчевская И.П.",
                &["Сенюта Л.А.", "Корчевская И.П."],
            ),
            ("Сенюта Л.А.\r\nУО", &["Сенюта Л.А.", "УО"]),
            ("УО\nУМК", &["УО", "УМК"]),
            ("Гилязутдинова\nА.М", &["Гилязутдинова А.М"]),
            ("УО, Иванова И.И.", &["УО", "Иванова И.И."]),
            ("Г.Л.Горошникова, УО", &["Г.Л.Горошникова", "УО"]),
            ("", &[]),
            ("  , ;\n ,", &[]),
        ];
        for (cell, expected) in cases {
            assert_eq!(split_entries(cell), owned(expected), "{cell:?}");
        }
    }

    #[test]
    fn keeps_bodies_as_phrases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "УО, УМК, образовательные организации",
                &["УО", "УМК", "образовательные организации"],
            ),
            ("УО, УМК,", &["УО", "УМК"]),
            (
                "ГУО администрации г. Черногорска, ОО",
                &["ГУО администрации г. Черногорска", "ОО"],
            ),
            (
                "ГУО администрации г. Черногорска, ДОО",
                &["ГУО администрации г. Черногорска", "ДОО"],
            ),
            (
                "Управление образования, МАУ ДПО «ЦНМО», ОО",
                &["Управление образования", "МАУ ДПО «ЦНМО»", "ОО"],
            ),
            (
                "Управление образования, МАУ ДПО «ЦНМО",
                &["Управление образования", "МАУ ДПО «ЦНМО"],
            ),
            (
                "  Управление   образования ,\tОО ",
                &["Управление образования", "ОО"],
            ),
            ("ООО «Рога, копыта», ОО", &["ООО «Рога, копыта»", "ОО"]),
            (
                "образовательные организации (ОО, ДОО)",
                &["образовательные организации (ОО, ДОО)"],
            ),
            ("МАУ ДПО «ЦНМО, ОО", &["МАУ ДПО «ЦНМО", "ОО"]),
            ("Иванова И.И. УО", &["Иванова И.И. УО"]),
            ("Декабрь Колосов", &["Декабрь Колосов"]),
            ("Отчет", &["Отчет"]),
        ];
        for (cell, expected) in cases {
            assert_eq!(split_entries(cell), owned(expected), "{cell}");
        }
    }

    #[test]
    fn all_spellings_of_one_entry_share_a_key() {
        let groups: &[&[&str]] = &[
            &[
                "Л.А. Сенюта",
                "Сенюта Л.А.",
                "Сенюта Л. А.",
                "сенюта л.а",
                "СЕНЮТА Л.А.",
                "Сенюта   Л.А.",
                "Сенюта Л,А.",
                "Cенюта Л.A.",
            ],
            &["А,В. Харько", "Харько А.В.", "Харько А, В.", "A.B. Харько"],
            &[
                "Гилязутдинова А.М",
                "Гилязутдинова А.М.",
                "А.М. Гилязутдинова",
            ],
            &["Ёлкина Ё.Е.", "Елкина Е.Ё.", "ёлкина е.е."],
            &[
                "Петрова-Водкина Е.А.",
                "Е.А. Петрова-Водкина",
                "петрова-водкина е.а.",
            ],
            &["Горошникова Г.Л.", "Г.Л.Горошникова", "Г. Л. Горошникова"],
            &["Иванов А.Б.В.", "А.Б.В. Иванов", "Иванов А. Б. В."],
            &[
                "образовательные организации",
                "образовательные организации (ОО)",
                "ОО",
                "Образовательные  организации",
                "ОО,",
            ],
            &[
                "дошкольные образовательные организации",
                "ДОО",
                "дошкольные образовательные организации (ДОО)",
            ],
            &[
                "Управление образования",
                "управление образования",
                "УО",
                "УО.",
                "Управление\nобразования",
            ],
            &[
                "МАУ ДПО «ЦНМО»",
                "МАУ ДПО «ЦНМО",
                "МАУ ДПО \"ЦНМО\"",
                "мау дпо “ЦНМО”",
                "МАУ  ДПО „ЦНМО“",
            ],
            &[
                "ГУО администрации г. Черногорска",
                "ГУО  администрации г. Черногорска,",
                "гуо администрации г. черногорска",
            ],
            &["Школа Ёлочка", "школа елочка", "Шкoла Ёлочка"],
        ];
        for group in groups {
            let key = entry_key(group[0]);
            for entry in group.iter() {
                assert_eq!(entry_key(entry), key, "{entry} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn different_entries_have_different_keys() {
        let pairs = [
            ("ГУО администрации г. Черногорска", "УО"),
            ("ОО", "ДОО"),
            ("ОО", "ОУ"),
            ("УО", "УМК"),
            ("Сенюта Л.А.", "Сенюта Л.В."),
            ("Иванов И.И.", "Иванова И.И."),
            ("Иванов И.И.", "Иванов И."),
            ("Харько А.В.", "Харько АВ"),
            ("Гилязутдинова А.М.", "Гилязутдинова"),
            ("МАУ ДПО «ЦНМО»", "МАУ ДПО ЦНМО"),
        ];
        for (a, b) in pairs {
            assert_ne!(entry_key(a), entry_key(b), "{a} vs {b}");
        }
    }

    #[test]
    fn keys_are_readable() {
        let cases = [
            ("Л.А. Сенюта", "сенюта л.а."),
            ("Ёлкина Ё.Ё.", "елкина е.е."),
            ("ОО", "оо"),
            ("образовательные организации (ОО)", "оо"),
            ("Управление образования", "уо"),
            ("МАУ ДПО «ЦНМО", "мау дпо \"цнмо\""),
            ("УМК,", "умк"),
        ];
        for (entry, key) in cases {
            assert_eq!(entry_key(entry), key, "{entry}");
        }
    }

    #[test]
    fn display_names_are_canonical() {
        let cases = [
            ("Л.А. Сенюта", "Сенюта Л.А."),
            ("Сенюта Л. А.", "Сенюта Л.А."),
            ("А,В. Харько", "Харько А.В."),
            ("Гилязутдинова А.М", "Гилязутдинова А.М."),
            ("сенюта л.а", "Сенюта Л.А."),
            ("СЕНЮТА Л. А.", "Сенюта Л.А."),
            ("Kолосов B.Г.", "Колосов В.Г."),
            ("е.а. петрова-водкина", "Петрова-Водкина Е.А."),
            ("Иванов А.Б.В.", "Иванов А.Б.В."),
            ("Ёлкина Ё.Е.", "Ёлкина Ё.Е."),
            ("Г.Л.Горошникова", "Горошникова Г.Л."),
            ("  Сенюта \n Л.А. ", "Сенюта Л.А."),
            ("МАУ ДПО «ЦНМО", "МАУ ДПО «ЦНМО»"),
            ("МАУ ДПО «ЦНМО,", "МАУ ДПО «ЦНМО»"),
            ("  Управление   образования, ", "Управление образования"),
            ("УМК,", "УМК"),
            (
                "ГУО администрации г. Черногорска",
                "ГУО администрации г. Черногорска",
            ),
            ("ООО „Рога", "ООО „Рога“"),
            ("Центр \"Радуга", "Центр \"Радуга\""),
            ("Школа «Лицей «Радуга»", "Школа «Лицей «Радуга»»"),
            ("Гилязутдинова", "Гилязутдинова"),
            ("г. Черногорска", "г. Черногорска"),
            ("ОО", "ОО"),
            ("образовательные организации", "образовательные организации"),
            ("", ""),
        ];
        for (entry, display) in cases {
            assert_eq!(display_name(entry), display, "{entry}");
        }
    }

    #[test]
    fn tells_people_from_bodies() {
        let people = [
            "Сенюта Л.А.",
            "Л.А. Сенюта",
            "А,В. Харько",
            "Гилязутдинова А.М",
            "сенюта л.а",
            "Петрова-Водкина Е.А.",
            "Иванов А.Б.В.",
            "Г.Л.Горошникова",
            "Сенюта Л.А.,",
            "Ким Е.С.",
        ];
        for entry in people {
            assert!(is_person(entry), "{entry}");
        }
        let bodies = [
            "УО",
            "ОО",
            "ГУО администрации г. Черногорска",
            "МАУ ДПО «ЦНМО»",
            "г. Черногорска",
            "с. ивановка",
            "Гилязутдинова",
            "Декабрь Л.А.",
            "Харько АВ",
            "Сенюта Л.А. Корчевская И.П.",
            "Сенюта, Л.А.",
            "Иванова И.И. УО",
            "Л.А.",
            "Иванов А.Б.В.Г.",
            "",
        ];
        for entry in bodies {
            assert!(!is_person(entry), "{entry}");
        }
    }

    #[test]
    fn splits_names_off_deadlines() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Декабрь 2021 Колосов В.Г.",
                "Декабрь 2021",
                &["Колосов В.Г."],
            ),
            (
                "Декабрь 202- январь 2022 Сенюта Л.А. Корчевская И.П.",
                "Декабрь 202- январь 2022",
                &["Сенюта Л.А.", "Корчевская И.П."],
            ),
            (
                "Декабрь 2021, Кирьянова Н.Е.",
                "Декабрь 2021",
                &["Кирьянова Н.Е."],
            ),
            (
                "Декабрь 2021 Л.А. Сенюта Н.Е. Кирьянова",
                "Декабрь 2021",
                &["Л.А. Сенюта", "Н.Е. Кирьянова"],
            ),
            (
                "Декабрь 2021 Егорова О.Ю. Колосов В.Г. Гилязутдинова А.М",
                "Декабрь 2021",
                &["Егорова О.Ю.", "Колосов В.Г.", "Гилязутдинова А.М"],
            ),
            (
                "Ноябрь 2021-май 2022 Гилязутдинова А.М. Корчевская И.П.",
                "Ноябрь 2021-май 2022",
                &["Гилязутдинова А.М.", "Корчевская И.П."],
            ),
            (
                "Декабрь 2021 Егорова О.Ю. Колосов В.Г. Гилязутдинова",
                "Декабрь 2021",
                &["Егорова О.Ю.", "Колосов В.Г.", "Гилязутдинова"],
            ),
            (
                "Декабрь 2021 – май 2022 Колосов В.Г. Гилязутдинова А.М.",
                "Декабрь 2021 – май 2022",
                &["Колосов В.Г.", "Гилязутдинова А.М."],
            ),
            (
                "Декабрь 2021 Колосов В.Г., Кирьянова Н.Е.; Корчевская И.П.",
                "Декабрь 2021",
                &["Колосов В.Г.", "Кирьянова Н.Е.", "Корчевская И.П."],
            ),
            (
                "Сентябрь-октябрь Л.А. Сенюта",
                "Сентябрь-октябрь",
                &["Л.А. Сенюта"],
            ),
            ("Май Т.Г. Воронова", "Май", &["Т.Г. Воронова"]),
            ("Декабрь Л.А. Сенюта", "Декабрь", &["Л.А. Сенюта"]),
            (
                "Декабрь 2021 Сенюта Л. А. Корчевская",
                "Декабрь 2021",
                &["Сенюта Л. А.", "Корчевская"],
            ),
            (
                "Декабрь 2021 Сенюта Л.А. И.П. Корчевская",
                "Декабрь 2021",
                &["Сенюта Л.А.", "И.П. Корчевская"],
            ),
            (
                "  Декабрь 2021  Безруких Н.В.  ",
                "Декабрь 2021",
                &["Безруких Н.В."],
            ),
        ];
        for (cell, deadline, names) in cases {
            assert_eq!(
                split_deadline_and_names(cell),
                (deadline.to_string(), owned(names)),
                "{cell}"
            );
        }
    }

    #[test]
    fn finds_names_on_any_line() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Декабрь 2021 Егорова О.Ю. Колосов В.Г. Гилязутдинова\nА.М",
                "Декабрь 2021",
                &["Егорова О.Ю.", "Колосов В.Г.", "Гилязутдинова А.М"],
            ),
            (
                "Декабрь 2021\nСенюта Л.А.",
                "Декабрь 2021",
                &["Сенюта Л.А."],
            ),
            (
                "Сенюта Л.А.\nДекабрь 2021",
                "Декабрь 2021",
                &["Сенюта Л.А."],
            ),
            (
                "Декабрь 2021 Сенюта Л.А.\nянварь 2022",
                "Декабрь 2021\nянварь 2022",
                &["Сенюта Л.А."],
            ),
            (
                "Колосов В.Г., декабрь 2021",
                "декабрь 2021",
                &["Колосов В.Г."],
            ),
            (
                "Колосов В.Г. декабрь 2021 Кирьянова Н.Е.",
                "декабрь 2021",
                &["Колосов В.Г.", "Кирьянова Н.Е."],
            ),
            (
                "До 01.03.2022\nДо 15.04.2022 Сенюта Л.А.",
                "До 01.03.2022\nДо 15.04.2022",
                &["Сенюта Л.А."],
            ),
        ];
        for (cell, deadline, names) in cases {
            assert_eq!(
                split_deadline_and_names(cell),
                (deadline.to_string(), owned(names)),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn leaves_deadlines_without_names_alone() {
        let cells = [
            "До конца апреля",
            "Ежегодно, август",
            "Ежегодно (при наличии)",
            "Апрель-июнь В течение учебного года",
            "Декабрь Июнь",
            "По итогам учебного года.",
            "По итогам проведения оценочных процедур",
            "До 01.03.2022;",
            "До конца мая 2022г.",
            "1 раз в 3 года для каждой образовательной организации",
            "Октябрь-март 2021-2022",
            "Декабрь 2021 Гилязутдинова",
            "Декабрь 2021 Колосов В.Г. ознакомить",
            "",
        ];
        for cell in cells {
            assert_eq!(
                split_deadline_and_names(cell),
                (cell.to_string(), Vec::new()),
                "{cell}"
            );
        }
        assert_eq!(
            split_deadline_and_names("  Декабрь 2021 \n"),
            ("Декабрь 2021".to_string(), Vec::new())
        );
    }

    #[test]
    fn reads_long_cells() {
        let people = "Сенюта Л.А. ".repeat(3000);
        assert_eq!(split_entries(&people).len(), 3000);
        let (deadline, names) = split_deadline_and_names(&format!("Декабрь 2021 {people}"));
        assert_eq!((deadline.as_str(), names.len()), ("Декабрь 2021", 3000));

        let surnames = "Сенюта ".repeat(4000);
        assert_eq!(split_entries(&surnames), vec![surnames.trim().to_string()]);
        assert_eq!(split_deadline_and_names(&surnames).1, Vec::<String>::new());

        let initials = "Л. ".repeat(4000);
        assert_eq!(split_entries(&initials).len(), 1);
        assert!(!is_person(&initials));
    }

    /// A deterministic pseudo-random generator (64-bit LCG).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) as usize
        }

        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.next() % items.len()]
        }
    }

    /// A random cell of letters, initials, names, punctuation and digits.
    fn random_cell(rng: &mut Lcg) -> String {
        const PIECES: &[&str] = &[
            "А",
            "Б",
            "В",
            "Г",
            "Ё",
            "Л",
            "Я",
            "а",
            "е",
            "ё",
            "о",
            "я",
            "ы",
            "ь",
            "A",
            "B",
            "K",
            "a",
            "y",
            "x",
            ".",
            ".",
            ",",
            ",",
            ";",
            " ",
            " ",
            " ",
            "\n",
            "\r",
            "\t",
            "-",
            "0",
            "2",
            "9",
            "«",
            "»",
            "\"",
            "“",
            "”",
            "„",
            "(",
            ")",
            "Сенюта",
            "Л.А.",
            "А,В.",
            "А.М",
            "УО",
            "ОО",
            "г.",
            "Декабрь",
            "2021",
            "Ежегодно",
            "Петрова-Водкина",
            "\u{a0}",
        ];
        let len = rng.next() % 40;
        (0..len).map(|_| *rng.pick(PIECES)).collect()
    }

    #[test]
    fn never_panics_and_stays_consistent() {
        let mut rng = Lcg(2021);
        for _ in 0..5000 {
            let cell = random_cell(&mut rng);
            for entry in split_entries(&cell) {
                assert!(!entry.is_empty(), "{cell:?}");
                assert_eq!(entry, collapse_whitespace(&entry), "{cell:?}");
                let display = display_name(&entry);
                assert_eq!(entry_key(&display), entry_key(&entry), "{entry:?}");
                assert_eq!(is_person(&display), is_person(&entry), "{entry:?}");
            }
            let (deadline, names) = split_deadline_and_names(&cell);
            assert_eq!(deadline, deadline.trim(), "{cell:?}");
            assert!(names.iter().all(|n| !n.is_empty()), "{cell:?}");
            let _ = (entry_key(&cell), display_name(&cell), is_person(&cell));
        }
    }
}
