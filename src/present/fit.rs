//! Text cut to a number of terminal columns.

use unicode_width::UnicodeWidthChar;

/// Cuts text to `width` terminal columns, ending with "…" when cut.
pub fn fit(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            let rest_width: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
            if rest_width <= width {
                return text.to_string();
            }
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}
