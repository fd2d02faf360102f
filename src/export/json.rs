//! The JSON export: a stable contract that tests and other tools rely on.
//!
//! `{"id","title","municipality","approval":{"number","date"}|null,
//! "period":{"from","to"}|null,"notes","columns":[{"key","title","role"}],
//! "activities":[…],"sections":[{"id","number","title","kind","stage",
//! "responsible":[…],"sections":[…],"activities":[…]}]}`; an activity is
//! `{"id","number","text","deadline":{"text","kind","start","end","guess"},
//! "responsible":[…],"status", …the roadmap's other columns by key…}`,
//! with `"stage"` (1–9) when one was set by hand and
//! `"comments":[{"id","author","time","text"}]` when it has comments.

use serde_json::{Map, Value, json};

use crate::model::text::{is_clean, sanitize};
use crate::model::{Activity, Comment, DeadlineContext, Roadmap, Section, deadline};

/// The roadmap as a JSON value; every string in it (keys too) made safe
/// to show by [`sanitize`].
pub fn to_value(roadmap: &Roadmap) -> Value {
    let mut value = raw_value(roadmap);
    clean(&mut value);
    value
}

fn raw_value(roadmap: &Roadmap) -> Value {
    let ctx = roadmap.deadline_context();
    let m = &roadmap.meta;
    let mut value = json!({
        "id": roadmap.id,
        "title": m.title,
        "municipality": m.municipality,
        "approval": m.approval.as_ref().map(|a| json!({
            "number": a.number,
            "date": a.date.map(|d| d.to_string()),
        })),
        "period": m.period.map(|p| json!({"from": p.from.to_string(), "to": p.to.to_string()})),
        "notes": m.notes,
        "columns": roadmap.columns.iter().map(|c| json!({
            "key": c.key, "title": c.title, "role": c.role_name(),
        })).collect::<Vec<_>>(),
        "activities": Value::Null,
        "sections": Value::Null,
    });
    put_tree(&mut value, &roadmap.sections, &roadmap.activities, &ctx);
    value
}

/// Sanitises every string and key of a JSON value, without recursion.
fn clean(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if !is_clean(s) => *s = sanitize(s),
            Value::Array(list) => stack.extend(list.iter_mut()),
            Value::Object(map) => {
                if !map.keys().all(|k| is_clean(k)) {
                    let entries = std::mem::take(map);
                    for (k, v) in entries {
                        map.entry(sanitize(&k)).or_insert(v);
                    }
                }
                stack.extend(map.values_mut());
            }
            _ => {}
        }
    }
}

/// The roadmap as pretty-printed JSON text.
pub fn to_string(roadmap: &Roadmap) -> String {
    serde_json::to_string_pretty(&to_value(roadmap)).unwrap_or_default() + "\n"
}

fn section(s: &Section, ctx: &DeadlineContext) -> Value {
    let mut value = json!({
        "id": s.id,
        "number": s.number,
        "title": s.title,
        "kind": s.kind.as_str(),
        "stage": s.stage.map(|st| st.number()),
        "responsible": s.responsible,
    });
    put_tree(&mut value, &s.sections, &s.activities, ctx);
    value
}

/// Puts `sections` and `activities` into an object as arrays built in
/// place (through `json!` each level would copy everything below it).
fn put_tree(
    value: &mut Value,
    sections: &[Section],
    activities: &[Activity],
    ctx: &DeadlineContext,
) {
    if let Value::Object(map) = value {
        let sections = sections.iter().map(|c| section(c, ctx)).collect();
        let activities = activities.iter().map(|a| activity(a, ctx)).collect();
        map.insert("sections".into(), Value::Array(sections));
        map.insert("activities".into(), Value::Array(activities));
    }
}

/// One activity as JSON.
pub fn activity(a: &Activity, ctx: &DeadlineContext) -> Value {
    let d = deadline::parse(&a.deadline, ctx);
    let mut map = Map::new();
    map.insert("id".into(), json!(a.id));
    map.insert("number".into(), json!(a.number));
    map.insert("text".into(), json!(a.text));
    map.insert(
        "deadline".into(),
        json!({
            "text": a.deadline,
            "kind": d.kind.as_str(),
            "start": d.start.map(|x| x.to_string()),
            "end": d.end.map(|x| x.to_string()),
            "guess": d.guess,
        }),
    );
    map.insert("responsible".into(), json!(a.responsible));
    map.insert("status".into(), json!(a.status.as_str()));
    if let Some(stage) = a.stage {
        map.insert("stage".into(), json!(stage.number()));
    }
    if !a.comments.is_empty() {
        map.insert(
            "comments".into(),
            a.comments.iter().map(comment).collect::<Vec<_>>().into(),
        );
    }
    for (key, value) in &a.cells {
        map.entry(key.clone()).or_insert_with(|| json!(value));
    }
    Value::Object(map)
}

/// One comment as JSON; `time` in UTC, RFC 3339.
fn comment(c: &Comment) -> Value {
    let time = chrono::DateTime::from_timestamp_millis(c.time)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    json!({"id": c.id, "author": c.author, "time": time, "text": c.text})
}
