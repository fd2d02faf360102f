//! The message catalogue is whole: both languages parse, have the same
//! messages with the same variables shown, every `tr!`/`msg!` in the code
//! names a message that exists with exactly the variables it uses, and
//! every message is used. A missing translation fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The variables of one message: those shown, those only choosing a form
/// (a plural, a gender, a case).
#[derive(Debug, Default)]
struct Variables {
    shown: BTreeSet<String>,
    choosing: BTreeSet<String>,
}

impl Variables {
    fn all(&self) -> BTreeSet<String> {
        self.shown.union(&self.choosing).cloned().collect()
    }
}

/// The messages of an `.ftl` file by id; a syntax error fails the test.
fn catalogue(lang: &str) -> BTreeMap<String, Variables> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}/karta.ftl"));
    let text = std::fs::read_to_string(&path).expect("catalogue");
    let resource = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}: {errors:?}", path.display()),
    };
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = Variables::default();
                let pattern = m
                    .value
                    .unwrap_or_else(|| panic!("{lang}: {} has no value", m.id.name));
                pattern_vars(&pattern, &mut vars);
                assert!(
                    out.insert(m.id.name.to_string(), vars).is_none(),
                    "{lang}: {} twice",
                    m.id.name
                );
            }
            Entry::Junk { content } => panic!("{}: cannot read {content}", path.display()),
            _ => {}
        }
    }
    out
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut Variables) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut Variables) {
    match expression {
        Expression::Select { selector, variants } => {
            if let InlineExpression::VariableReference { id } = selector {
                vars.choosing.insert(id.name.to_string());
            }
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            vars.shown.insert(id.name.to_string());
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_vars(expression, vars)
        }
        Expression::Inline(_) => {}
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_variables() {
    let ru = catalogue("ru");
    let en = catalogue("en");
    let ru_ids: BTreeSet<&String> = ru.keys().collect();
    let en_ids: BTreeSet<&String> = en.keys().collect();
    assert_eq!(
        ru_ids.difference(&en_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in Russian only"
    );
    assert_eq!(
        en_ids.difference(&ru_ids).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "in English only"
    );
    for (id, vars) in &ru {
        // A variable that only chooses a form (gender, case) may be needed
        // by one language alone; what is shown must be shown in both.
        assert_eq!(vars.shown, en[id].shown, "{id}: variables shown differ");
    }
}

/// Every `tr!(lang, "id", name = value…)` and `msg!("id", …)` in the code:
/// (file, id, names of the variables given).
fn uses() -> Vec<(String, String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    collect_rs(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source");
        // Comments may show the macros in examples.
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (macro_name, id_at) in [("tr!(", 1), ("tr_static!(", 1), ("msg!(", 0)] {
            let mut rest = code.as_str();
            while let Some(i) = rest.find(macro_name) {
                rest = &rest[i + macro_name.len()..];
                let args = arguments(rest);
                let Some(id) = args
                    .get(id_at)
                    .and_then(|a| a.strip_prefix('"'))
                    .and_then(|a| a.strip_suffix('"'))
                else {
                    continue; // the macro's own definition
                };
                let names = args[id_at + 1..]
                    .iter()
                    .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_string()))
                    .collect();
                out.push((file.display().to_string(), id.to_string(), names));
            }
        }
    }
    out
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The arguments of a macro call starting right after its `(`, split at
/// top-level commas (strings, char literals and brackets respected).
fn arguments(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                current.push(c);
                while let Some(s) = chars.next() {
                    current.push(s);
                    if s == '\\' {
                        if let Some(e) = chars.next() {
                            current.push(e);
                        }
                    } else if s == '"' {
                        break;
                    }
                }
            }
            '\'' => {
                // A char literal: 'x' or '\x'.
                current.push(c);
                let look: String = chars.clone().take(3).collect();
                let len = if look.starts_with('\\') { 3 } else { 2 };
                if look.chars().nth(len - 1) == Some('\'') {
                    for _ in 0..len {
                        if let Some(s) = chars.next() {
                            current.push(s);
                        }
                    }
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                current.push(c);
            }
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => {
                depth -= 1;
                current.push(c);
            }
            ',' if depth == 0 => args.push(std::mem::take(&mut current).trim().to_string()),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        args.push(current.trim().to_string());
    }
    args
}

#[test]
fn every_message_the_code_asks_for_exists_with_the_variables_it_gives() {
    let ru = catalogue("ru");
    let en = catalogue("en");
    let uses = uses();
    assert!(uses.len() > 50, "only {} uses found", uses.len());
    let used: BTreeSet<&String> = uses.iter().map(|(_, id, _)| id).collect();
    let unused: Vec<&String> = ru.keys().filter(|id| !used.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    for (file, id, given) in uses {
        let (Some(r), Some(e)) = (ru.get(&id), en.get(&id)) else {
            panic!("{file}: message «{id}» is not in both catalogues");
        };
        let needed: BTreeSet<String> = r.all().union(&e.all()).cloned().collect();
        assert_eq!(given, needed, "{file}: «{id}» given other variables");
    }
}
