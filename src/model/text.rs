//! Untrusted text made safe to keep and to show: control characters, terminal
//! escape sequences and bidirectional overrides removed.

/// Removes terminal escape sequences (`ESC [ … final`, `ESC ] … BEL/ST`,
/// other `ESC x`), C0/C1 control characters other than line feed and tab,
/// and Unicode bidirectional overrides. Carriage returns are dropped.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(needs_care) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            skip_escape(&mut chars);
        } else if c == '\u{9b}' {
            skip_csi(&mut chars);
        } else if !needs_care(c) || c == '\n' || c == '\t' {
            out.push(c);
        }
    }
    out
}

/// Whether [`sanitize`] would leave `s` as it is.
pub fn is_clean(s: &str) -> bool {
    !s.chars().any(needs_care) || sanitize(s) == s
}

/// Like [`sanitize`], but also turns line feeds and tabs into spaces: for one
/// line of a table.
pub fn one_line(s: &str) -> String {
    sanitize(s).replace(['\n', '\t'], " ")
}

fn needs_care(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('_') | Some('^') | Some('X') => {
            // String sequences end with BEL or ESC \.
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escapes_and_controls() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(sanitize("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(sanitize("x\u{1b}]8;;http://e\u{1b}\\y"), "xy");
        assert_eq!(sanitize("line\r\nnext\u{0}\u{8}"), "line\nnext");
        assert_eq!(sanitize("\u{202e}abc"), "abc");
        assert_eq!(sanitize("Декабрь\t2021"), "Декабрь\t2021");
        assert_eq!(one_line("a\nb\tc"), "a b c");
    }
}
