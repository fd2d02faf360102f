//! The roadmap as a calendar (iCalendar, RFC 5545): one to-do (VTODO) per
//! activity whose deadline has a date. A date is the due day (DUE); a span
//! gives DTSTART and DUE; a recurring deadline repeats by an RRULE when its
//! windows follow a yearly rule (every year or every N years, in one or more
//! months), else by the list of their first days (RDATE). UIDs are made of
//! the activity's and the roadmap's ids, so a calendar that imports the file
//! again updates its to-dos instead of duplicating them. Written by hand:
//! the format is a few lines per item.

use chrono::{Datelike, Days, NaiveDate, Utc};

use crate::model::{Activity, Roadmap, Status, deadline};

/// The roadmap as iCalendar text (CRLF line ends, long lines folded).
pub fn to_string(roadmap: &Roadmap) -> String {
    let ctx = roadmap.deadline_context();
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//karta//roadmap//RU".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("X-WR-CALNAME:{}", escape(&roadmap.meta.title)),
    ];
    for (path, a) in roadmap.activities_with_path() {
        let d = deadline::parse(&a.deadline, &ctx);
        let Some(dates) = dates_of(&d) else {
            continue;
        };
        lines.push("BEGIN:VTODO".to_string());
        lines.push(format!("UID:{}.{}@karta", a.id, roadmap.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("SUMMARY:{}", escape(&summary(a))));
        lines.push(format!("DESCRIPTION:{}", escape(&description(a))));
        if let Some(section) = path.last() {
            let title = format!("{} {}", section.number, section.title);
            lines.push(format!("CATEGORIES:{}", escape(title.trim())));
        }
        lines.push(format!("STATUS:{}", status(&a.status)));
        if let Some(start) = dates.start {
            lines.push(format!("DTSTART;VALUE=DATE:{}", day(start)));
        }
        lines.push(format!("DUE;VALUE=DATE:{}", day(dates.due)));
        lines.extend(dates.repeat);
        lines.push("END:VTODO".to_string());
    }
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect()
}

/// When a to-do starts, is due and repeats.
struct Dates {
    start: Option<NaiveDate>,
    due: NaiveDate,
    repeat: Vec<String>,
}

/// The dates of a deadline; None when it has none (event-driven,
/// continuous, not understood).
fn dates_of(d: &deadline::Deadline) -> Option<Dates> {
    use deadline::DeadlineKind as K;
    match d.kind {
        K::Date => Some(Dates {
            start: None,
            due: d.end?,
            repeat: Vec::new(),
        }),
        K::Period => Some(Dates {
            start: d.start,
            due: d.end?,
            repeat: Vec::new(),
        }),
        K::Recurring => {
            let first = d.occurrences.first()?;
            let starts: Vec<NaiveDate> = d.occurrences.iter().map(|s| s.start).collect();
            // DUE must come after DTSTART: a one-day window starts the day before.
            let start = if first.start < first.end {
                first.start
            } else {
                first.end.checked_sub_days(Days::new(1))?
            };
            let shift = (first.start - start).num_days();
            let starts: Vec<NaiveDate> = starts
                .iter()
                .filter_map(|s| s.checked_sub_days(Days::new(shift as u64)))
                .collect();
            Some(Dates {
                start: Some(start),
                due: first.end,
                repeat: repetition(&starts),
            })
        }
        _ => None,
    }
}

/// The RRULE that gives exactly these first days, else an RDATE list.
fn repetition(starts: &[NaiveDate]) -> Vec<String> {
    let (Some(first), Some(last)) = (starts.first(), starts.last()) else {
        return Vec::new();
    };
    if starts.len() < 2 {
        return Vec::new();
    }
    let mut months: Vec<u32> = starts.iter().map(|s| s.month()).collect();
    months.sort_unstable();
    months.dedup();
    let mut years: Vec<i32> = starts.iter().map(|s| s.year()).collect();
    years.dedup();
    let interval = years.get(1).map_or(1, |y| y - years[0]).max(1);
    let month_day = first.day();
    let rule: Vec<NaiveDate> = (first.year()..=last.year())
        .step_by(interval as usize)
        .flat_map(|y| {
            months
                .iter()
                .filter_map(move |m| NaiveDate::from_ymd_opt(y, *m, month_day))
        })
        .filter(|d| d >= first && d <= last)
        .collect();
    if rule == starts {
        let by_month: Vec<String> = months.iter().map(u32::to_string).collect();
        let interval = if interval > 1 {
            format!(";INTERVAL={interval}")
        } else {
            String::new()
        };
        vec![format!(
            "RRULE:FREQ=YEARLY{interval};BYMONTH={};BYMONTHDAY={month_day};COUNT={}",
            by_month.join(","),
            starts.len()
        )]
    } else {
        let days: Vec<String> = starts[1..].iter().map(|d| day(*d)).collect();
        vec![format!("RDATE;VALUE=DATE:{}", days.join(","))]
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

fn summary(a: &Activity) -> String {
    let first = a.text.lines().next().unwrap_or("");
    format!("{} {first}", a.number).trim().to_string()
}

fn description(a: &Activity) -> String {
    let mut out = a.text.clone();
    out.push_str(&format!("\n\nСроки: {}", a.deadline));
    if !a.responsible.is_empty() {
        out.push_str(&format!("\nОтветственные: {}", a.responsible.join(", ")));
    }
    out
}

fn status(s: &Status) -> &'static str {
    match s {
        Status::Planned | Status::Other(_) => "NEEDS-ACTION",
        Status::InProgress => "IN-PROCESS",
        Status::Done => "COMPLETED",
        Status::Cancelled => "CANCELLED",
    }
}

/// Escapes a TEXT value: backslash, `;`, `,` and line breaks.
fn escape(s: &str) -> String {
    crate::model::text::sanitize(s)
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\t', " ")
        .replace('\n', "\\n")
}

/// A content line folded at 75 octets (never inside a character), with CRLF.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn yearly_windows_make_a_rule_others_a_list() {
        assert_eq!(
            repetition(&[d(2021, 12, 1), d(2022, 6, 1), d(2022, 12, 1), d(2023, 6, 1)]),
            ["RRULE:FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=1;COUNT=4"]
        );
        assert_eq!(
            repetition(&[d(2021, 9, 1), d(2024, 9, 1)]),
            ["RRULE:FREQ=YEARLY;INTERVAL=3;BYMONTH=9;BYMONTHDAY=1;COUNT=2"]
        );
        assert_eq!(
            repetition(&[d(2021, 9, 1), d(2022, 3, 15)]),
            ["RDATE;VALUE=DATE:20220315"]
        );
    }

    #[test]
    fn long_lines_fold_between_characters() {
        let line = format!("SUMMARY:{}", "мероприятие ".repeat(20));
        let folded = fold(&line);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line.trim_end());
        assert_eq!(escape("a;b,c\nd\\"), "a\\;b\\,c\\nd\\\\");
    }
}
