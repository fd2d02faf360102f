//! Numbers and sizes as each language writes them: «10 000», «534 байта»,
//! «5 КБ»; "10,000", "534 bytes", "5 KB".

use super::Lang;

/// A whole number with the language's thousands separator: a narrow
/// no-break space in Russian from five digits on («2024», «10 000»), a
/// comma in English from four ("1,000").
pub fn number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let (separator, from) = match lang {
        Lang::Ru => ('\u{202f}', 5),
        Lang::En => (',', 4),
    };
    let sign = if n < 0 { "-" } else { "" };
    if digits.len() < from {
        return format!("{sign}{digits}");
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

/// A size in bytes as people say it: «534 байта», «5 КБ», «256 МБ».
pub fn size(bytes: u64, lang: Lang) -> String {
    const KB: u64 = 1024;
    match bytes {
        b if b < KB => crate::tr!(lang, "size-bytes", count = b),
        b if b < KB * KB => crate::tr!(lang, "size-kb", count = b.div_ceil(KB)),
        b if b < KB * KB * KB => crate::tr!(lang, "size-mb", count = b.div_ceil(KB * KB)),
        b => crate::tr!(lang, "size-gb", count = b.div_ceil(KB * KB * KB)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(number(2024, Lang::Ru), "2024");
        assert_eq!(number(10_000, Lang::Ru), "10\u{202f}000");
        assert_eq!(number(-1_234_567, Lang::Ru), "-1\u{202f}234\u{202f}567");
        assert_eq!(number(999, Lang::En), "999");
        assert_eq!(number(1000, Lang::En), "1,000");
        assert_eq!(number(123_456, Lang::En), "123,456");
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(534, Lang::Ru), "534 байта");
        assert_eq!(size(500, Lang::Ru), "500 байт");
        assert_eq!(size(1, Lang::Ru), "1 байт");
        assert_eq!(size(5 * 1024, Lang::Ru), "5 КБ");
        assert_eq!(size(256 * 1024 * 1024, Lang::Ru), "256 МБ");
        assert_eq!(size(1, Lang::En), "1 byte");
        assert_eq!(size(5 * 1024, Lang::En), "5 KB");
    }
}
