//! `BENCHMARKS.md`: medians side by side with Automerge-JS and the JSON
//! floor, and the ratios that count.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde_json::Value;

use super::run::Timings;

/// What was measured for one size.
pub struct SizeResult {
    /// `1k×10k`.
    pub label: String,
    /// Fixture stem, `a1000-e10000`: the key of the JS results.
    pub stem: String,
    /// karta's and bare Automerge-rs's medians.
    pub timings: Timings,
    /// Peak RSS of opening the file to a model, bytes.
    pub peak_rss: Option<u64>,
    /// File sizes, bytes.
    pub files: BTreeMap<String, u64>,
}

/// Rows: (label, karta key, bare Rust key, JS key, JSON floor key).
const ROWS: [(&str, &str, &str, &str, &str); 10] = [
    (
        "open: file → usable model",
        "open",
        "open.bare",
        "open.model",
        "open.json",
    ),
    ("open: bare document load", "open.bare", "", "open", ""),
    (
        "read_roadmap (document → model)",
        "read_roadmap",
        "",
        "tojs",
        "",
    ),
    (
        "save after one edit, incremental",
        "save.incremental",
        "",
        "save.incremental",
        "",
    ),
    (
        "save after one edit, full",
        "save.full",
        "",
        "save.full",
        "",
    ),
    (
        "merge file with 1,000 changes + model",
        "merge",
        "merge.bare",
        "merge",
        "",
    ),
    (
        "apply bundle of 1,000 changes + model",
        "bundle.apply",
        "bundle.apply.bare",
        "bundle.apply",
        "",
    ),
    (
        "make bundle of 1,000 changes",
        "bundle.make",
        "",
        "bundle.make",
        "",
    ),
    ("full export to JSON", "export.json", "", "export.json", ""),
    ("search over all text", "search", "", "search", ""),
];

fn ms(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| {
        if v < 10.0 {
            format!("{v:.2}")
        } else {
            format!("{v:.0}")
        }
    })
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "–".into(),
    }
}

fn mb(v: Option<u64>) -> String {
    v.map_or("–".into(), |v| format!("{:.1} MB", v as f64 / 1e6))
}

/// Renders the whole report. `js` is the JS script's output (may be
/// `Null`); `machine` and `command` describe how it was made.
pub fn render(results: &[SizeResult], js: &Value, machine: &str, command: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Benchmarks\n");
    let _ = writeln!(
        out,
        "Medians in milliseconds (fewer is better). *karta* is the store plus the roadmap model; *Automerge-rs* the bare `automerge` 0.12 calls under it; *Automerge-JS* `@automerge/automerge` 3.x in Node on the same files; the *JSON floor* is `serde_json` parsing the roadmap's JSON export (no CRDT). Ratios are karta / JS and karta / JSON floor.\n"
    );
    let _ = writeln!(out, "Machine: {machine}\n\nReproduce: `{command}`\n");
    for r in results {
        let j = &js["sizes"][&r.stem];
        let get_js = |k: &str| j[k].as_f64();
        let _ = writeln!(out, "## {} ({} activities × edits)\n", r.label, r.stem);
        let _ = writeln!(
            out,
            "| workload | karta | Automerge-rs | Automerge-JS | JSON floor | karta / JS | karta / JSON |\n|---|---:|---:|---:|---:|---:|---:|"
        );
        for (name, k, bare, jk, floor) in ROWS {
            let karta = r.timings.get(k).copied();
            let bare = r.timings.get(bare).copied();
            let jsv = get_js(jk);
            let fl = r.timings.get(floor).copied();
            let _ = writeln!(
                out,
                "| {name} | {} | {} | {} | {} | {} | {} |",
                ms(karta),
                ms(bare),
                ms(jsv),
                ms(fl),
                ratio(karta, jsv),
                ratio(karta, fl)
            );
        }
        let js_rss = j["peak_rss"].as_u64();
        let _ = writeln!(
            out,
            "| peak RSS, open to model | {} | | {} | | {} | |",
            mb(r.peak_rss),
            mb(js_rss),
            ratio(r.peak_rss.map(|v| v as f64), js_rss.map(|v| v as f64))
        );
        if let Some(errors) = js["errors"][&r.stem].as_array() {
            let _ = writeln!(out, "\nAutomerge-JS failed (wasm panic, `–` above):");
            for e in errors {
                let _ = writeln!(out, "- {}", e.as_str().unwrap_or_default());
            }
        }
        let file = r.files.get("karta").copied();
        let json = r.files.get("json").copied();
        let gz = j["json_gzip"].as_u64();
        let _ = writeln!(
            out,
            "\nFile: {} (.karta), JSON export {}, gzip of the JSON {}: .karta / gzip = {}.\n",
            mb(file),
            mb(json),
            mb(gz),
            ratio(file.map(|v| v as f64), gz.map(|v| v as f64))
        );
        frames_table(&mut out, &r.timings);
    }
    samples_table(&mut out, js);
    out
}

/// The editor's frame times, when they were measured (see
/// [`super::frames`]).
fn frames_table(out: &mut String, t: &Timings) {
    if !t.contains_key(super::frames::KEYS[0].0) {
        return;
    }
    let (w, h) = super::frames::SCREEN;
    let _ = writeln!(
        out,
        "Editor frames: the real editor driven by its keymap, drawn on a {w}×{h} `TestBackend`.\n\n| workload | median | p99 | target |\n|---|---:|---:|---|"
    );
    let rows = super::frames::KEYS.iter().chain([&super::frames::UNDO_KEY]);
    for (key, name) in rows {
        let p99 = t.get(&format!("{key}.p99")).copied();
        let target = if p99.is_some() {
            "≤ 2 ms median, ≤ 8 ms p99"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {target} |",
            ms(t.get(*key).copied()),
            p99.map_or(String::new(), |v| ms(Some(v)))
        );
    }
    let _ = writeln!(out);
}

/// The five samples: the `.karta` file of an unedited import against the
/// gzip of its JSON export (the JS script measured the gzip).
fn samples_table(out: &mut String, js: &Value) {
    let Some(gz) = js["samples"].as_object().filter(|m| !m.is_empty()) else {
        return;
    };
    let _ = writeln!(
        out,
        "## Unedited imports: file size against gzip of the JSON export\n\n| sample | .karta bytes | gzip(JSON) bytes | ratio (target ≤ 1.5×) |\n|---|---:|---:|---:|"
    );
    for (name, g) in gz {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(format!("{name}.karta"));
        let size = std::fs::metadata(path).map(|m| m.len()).ok();
        let g = g.as_u64();
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} |",
            size.map_or("–".into(), |v| v.to_string()),
            g.map_or("–".into(), |v| v.to_string()),
            ratio(size.map(|v| v as f64), g.map(|v| v as f64))
        );
    }
    let _ = writeln!(out);
}
