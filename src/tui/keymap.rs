//! Keymaps: which key does which [`Action`] in which [`Mode`], read from
//! `keymaps/*.toml` (built in) and the user's own `keymap.toml`, which
//! overrides only the keys it names.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use toml::Spanned;

use super::action::{Action, Mode};
use crate::i18n::Lang;

/// The built-in keymaps by name.
pub const BUILT_IN: [(&str, &str); 2] = [
    ("default", include_str!("../../keymaps/default.toml")),
    ("vim", include_str!("../../keymaps/vim.toml")),
];

/// A key with its modifiers, as written in keymap files ("Ctrl-s", "J").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt and (for keys that are not characters) Shift.
    pub mods: KeyModifiers,
}

impl Key {
    /// A key from a terminal event: Shift is dropped from characters, whose
    /// case already says it.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut mods =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key {
            code: event.code,
            mods,
        }
    }

    /// Reads "Ctrl-s", "Alt-Enter", "Shift-Up", "J", "?", "F1", "Space".
    pub fn parse(text: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        while let Some((prefix, after)) = rest.split_once(['-', '+']) {
            let modifier = match prefix.to_lowercase().as_str() {
                "ctrl" | "c" => KeyModifiers::CONTROL,
                "alt" | "a" | "m" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                _ => break,
            };
            if after.is_empty() {
                break;
            }
            mods |= modifier;
            rest = after;
        }
        let code = key_code(rest)?;
        if let KeyCode::Char(c) = code {
            if mods.contains(KeyModifiers::SHIFT) && c.is_alphabetic() {
                mods.remove(KeyModifiers::SHIFT);
                let upper = c.to_uppercase().next().unwrap_or(c);
                return Some(Key {
                    code: KeyCode::Char(upper),
                    mods,
                });
            }
            mods.remove(KeyModifiers::SHIFT);
        }
        Some(Key { code, mods })
    }

    /// The same physical key on the Latin layout, for keys typed on the
    /// Russian one ("о" → "j", "Й" → "Q", "." → "/").
    pub fn latin_twin(self) -> Option<Key> {
        let KeyCode::Char(c) = self.code else {
            return None;
        };
        let lower = c.to_lowercase().next().unwrap_or(c);
        let twin = RUSSIAN_LAYOUT
            .iter()
            .find(|(ru, _)| *ru == lower)
            .map(|(_, en)| *en)?;
        let twin = if c != lower {
            twin.to_ascii_uppercase()
        } else {
            twin
        };
        Some(Key {
            code: KeyCode::Char(twin),
            mods: self.mods,
        })
    }
}

/// ЙЦУКЕН keys and the QWERTY keys they sit on.
const RUSSIAN_LAYOUT: [(char, char); 35] = [
    ('й', 'q'),
    ('ц', 'w'),
    ('у', 'e'),
    ('к', 'r'),
    ('е', 't'),
    ('н', 'y'),
    ('г', 'u'),
    ('ш', 'i'),
    ('щ', 'o'),
    ('з', 'p'),
    ('х', '['),
    ('ъ', ']'),
    ('ф', 'a'),
    ('ы', 's'),
    ('в', 'd'),
    ('а', 'f'),
    ('п', 'g'),
    ('р', 'h'),
    ('о', 'j'),
    ('л', 'k'),
    ('д', 'l'),
    ('ж', ';'),
    ('э', '\''),
    ('я', 'z'),
    ('ч', 'x'),
    ('с', 'c'),
    ('м', 'v'),
    ('и', 'b'),
    ('т', 'n'),
    ('ь', 'm'),
    ('б', ','),
    ('ю', '.'),
    ('ё', '`'),
    ('.', '/'),
    (',', '?'),
];

fn key_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let code = match name.to_lowercase().as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "space" => KeyCode::Char(' '),
        other => {
            let n: u8 = other.strip_prefix('f')?.parse().ok()?;
            (1..=12).contains(&n).then_some(KeyCode::F(n))?
        }
    };
    Some(code)
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            write!(f, "Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Delete => write!(f, "Del"),
            KeyCode::Insert => write!(f, "Ins"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One action's keys and description in one mode.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    /// The action.
    pub action: Action,
    /// Its keys, first one shown in hints.
    pub keys: Vec<Key>,
    /// Description in Russian, if the file gives one.
    pub description: Option<String>,
    /// Description in English, if the file gives one.
    pub description_en: Option<String>,
    /// Whether the hint bar shows it.
    pub hint: bool,
}

impl Binding {
    /// The description in `lang`, else the other language's, else the
    /// action's own.
    pub fn describe(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ru => (&self.description, &self.description_en),
            Lang::En => (&self.description_en, &self.description),
        };
        first
            .as_deref()
            .or(second.as_deref())
            .unwrap_or_else(|| self.action.describe(lang))
    }
}

/// A loaded keymap.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: BTreeMap<Mode, Vec<Binding>>,
    lookup: HashMap<(Mode, Key), Action>,
}

/// A keymap file that cannot be used: names the file and the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct KeymapError {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
struct EntryFile {
    keys: Vec<Spanned<String>>,
    description: Option<String>,
    description_en: Option<String>,
    #[serde(default)]
    hint: bool,
}

type FileTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, EntryFile>>;

impl Keymap {
    /// A built-in keymap by name (`default`, `vim`).
    pub fn built_in(name: &str) -> Result<Keymap, KeymapError> {
        let (file, text) =
            BUILT_IN
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or_else(|| KeymapError {
                    file: "config.toml".to_string(),
                    line: 1,
                    message: format!("no built-in keymap «{name}» (default, vim)"),
                })?;
        let mut keymap = Keymap::default();
        keymap.apply(&format!("keymaps/{file}.toml"), text)?;
        Ok(keymap)
    }

    /// The built-in `base` keymap with the user's file on top, if it exists.
    pub fn load(base: &str, user: Option<&Path>) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::built_in(base)?;
        if let Some(path) = user.filter(|p| p.exists()) {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| KeymapError {
                file: name.clone(),
                line: 1,
                message: e.to_string(),
            })?;
            keymap.apply(&name, &text)?;
        }
        Ok(keymap)
    }

    /// Adds the bindings of a keymap file; each key it names moves to its
    /// new action, other keys stay as they were.
    pub fn apply(&mut self, file: &str, text: &str) -> Result<(), KeymapError> {
        let error = |span: std::ops::Range<usize>, message: String| KeymapError {
            file: file.to_string(),
            line: line_of(text, span.start),
            message,
        };
        let tables: FileTables = toml::from_str(text)
            .map_err(|e| error(e.span().unwrap_or(0..0), e.message().to_string()))?;
        for (mode_name, entries) in tables {
            let mode = Mode::parse(mode_name.get_ref()).ok_or_else(|| {
                error(
                    mode_name.span(),
                    format!("unknown mode «{}»", mode_name.get_ref()),
                )
            })?;
            for (action_name, entry) in entries {
                let action = Action::parse(action_name.get_ref()).ok_or_else(|| {
                    error(
                        action_name.span(),
                        format!("unknown action «{}»", action_name.get_ref()),
                    )
                })?;
                let mut keys = Vec::new();
                for key in &entry.keys {
                    let parsed = Key::parse(key.get_ref())
                        .ok_or_else(|| error(key.span(), format!("bad key «{}»", key.get_ref())))?;
                    keys.push(parsed);
                }
                self.bind(mode, action, keys, entry);
            }
        }
        Ok(())
    }

    fn bind(&mut self, mode: Mode, action: Action, keys: Vec<Key>, entry: EntryFile) {
        let list = self.bindings.entry(mode).or_default();
        for binding in list.iter_mut() {
            binding.keys.retain(|k| !keys.contains(k));
        }
        match list.iter_mut().find(|b| b.action == action) {
            Some(b) => {
                b.keys.extend(keys.iter().copied());
                b.description = entry.description.or(b.description.take());
                b.description_en = entry.description_en.or(b.description_en.take());
                b.hint |= entry.hint;
            }
            None => list.push(Binding {
                action,
                keys: keys.clone(),
                description: entry.description,
                description_en: entry.description_en,
                hint: entry.hint,
            }),
        }
        list.sort_by_key(|b| b.action);
        for key in keys {
            self.lookup.insert((mode, key), action);
        }
    }

    /// The action of a key in a mode. In modes where typing is not text,
    /// a key of the Russian layout works as its Latin twin when it has no
    /// binding of its own.
    pub fn action(&self, mode: Mode, key: Key) -> Option<Action> {
        if let Some(action) = self.lookup.get(&(mode, key)) {
            return Some(*action);
        }
        if matches!(mode, Mode::Edit | Mode::Prompt) {
            return None;
        }
        self.lookup.get(&(mode, key.latin_twin()?)).copied()
    }

    /// The bindings of a mode, in the order of [`Action`].
    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.bindings.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// Every key of an action in a mode, first the one hints show.
    pub fn keys_of(&self, mode: Mode, action: Action) -> &[Key] {
        self.bindings(mode)
            .iter()
            .find(|b| b.action == action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// `text` with the first key of an action and what it does in brackets
    /// ("Справка (Esc — закрыть)"); just `text` when no key does it.
    pub fn titled(&self, text: &str, mode: Mode, action: Action, does: &str) -> String {
        match self.key_of(mode, action) {
            Some(key) => format!("{text} ({key} — {does})"),
            None => text.to_string(),
        }
    }

    /// The first key of an action in a mode, for messages ("нажмите ?").
    pub fn key_of(&self, mode: Mode, action: Action) -> Option<Key> {
        self.bindings(mode)
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first().copied())
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).unwrap_or(text).matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::view::ViewId;

    fn key(s: &str) -> Key {
        Key::parse(s).expect("key")
    }

    #[test]
    fn keys_are_read_as_written() {
        assert_eq!(
            key("Ctrl-s"),
            Key {
                code: KeyCode::Char('s'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(
            key("J"),
            Key {
                code: KeyCode::Char('J'),
                mods: KeyModifiers::NONE
            }
        );
        assert_eq!(key("Shift-j"), key("J"));
        assert_eq!(
            key("-"),
            Key {
                code: KeyCode::Char('-'),
                mods: KeyModifiers::NONE
            }
        );
        assert_eq!(key("Alt-Enter").mods, KeyModifiers::ALT);
        assert_eq!(key("F12").code, KeyCode::F(12));
        assert_eq!(Key::parse("Ctrl-Nothing"), None);
        assert_eq!(key("Ctrl-r").to_string(), "Ctrl-r");
    }

    #[test]
    fn every_built_in_keymap_loads_and_has_the_required_keys() {
        for (name, _) in BUILT_IN {
            let k = Keymap::built_in(name).expect(name);
            for (s, action) in [
                ("Down", Action::Down),
                ("j", Action::Down),
                ("Ctrl-r", Action::Redo),
                ("Ctrl-s", Action::Save),
                ("/", Action::Search),
                ("?", Action::Help),
                ("q", Action::Quit),
                ("1", Action::ShowView(ViewId::default())),
                ("Tab", Action::NextView),
                ("u", Action::Undo),
                ("s", Action::Status),
                ("f", Action::Filter),
                ("m", Action::Move),
            ] {
                assert_eq!(k.action(Mode::Normal, key(s)), Some(action), "{name}: {s}");
            }
        }
        let k = Keymap::built_in("default").expect("default");
        for (s, action) in [
            ("Enter", Action::Edit),
            ("e", Action::Edit),
            ("a", Action::AddActivity),
            ("A", Action::AddSection),
            ("d", Action::Delete),
        ] {
            assert_eq!(k.action(Mode::Normal, key(s)), Some(action), "{s}");
        }
    }

    #[test]
    fn russian_layout_keys_work_as_their_latin_twins() {
        let k = Keymap::built_in("default").expect("default");
        assert_eq!(k.action(Mode::Normal, key("о")), Some(Action::Down));
        assert_eq!(k.action(Mode::Normal, key("й")), Some(Action::Quit));
        assert_eq!(k.action(Mode::Normal, key("Ф")), Some(Action::AddSection));
        assert_eq!(k.action(Mode::Normal, key(".")), Some(Action::Search));
        assert_eq!(
            k.action(Mode::Confirm, key("н")),
            Some(Action::No),
            "its own binding first"
        );
        assert_eq!(k.action(Mode::Edit, key("о")), None, "typing stays typing");
    }

    #[test]
    fn a_user_file_overrides_only_the_keys_it_names() {
        let mut k = Keymap::built_in("default").expect("default");
        k.apply(
            "user.toml",
            "[normal]\ndelete = { keys = [\"x\", \"q\"] }\n",
        )
        .expect("apply");
        assert_eq!(k.action(Mode::Normal, key("x")), Some(Action::Delete));
        assert_eq!(k.action(Mode::Normal, key("d")), Some(Action::Delete));
        assert_eq!(k.action(Mode::Normal, key("q")), Some(Action::Delete));
        assert_eq!(k.action(Mode::Normal, key("Ctrl-q")), Some(Action::Quit));
    }

    #[test]
    fn bad_files_name_the_line() {
        let mut k = Keymap::default();
        let err = k
            .apply(
                "user.toml",
                "[normal]\nup = { keys = [\"k\"] }\nfly = { keys = [\"x\"] }\n",
            )
            .expect_err("unknown action");
        assert_eq!(err.to_string(), "user.toml:3: unknown action «fly»");
        let err = k
            .apply("user.toml", "[normal]\n\nup = { keys = [\"Ctrl-Nope\"] }\n")
            .expect_err("bad key");
        assert_eq!(err.to_string(), "user.toml:3: bad key «Ctrl-Nope»");
        let err = k.apply("user.toml", "[normal\n").expect_err("syntax");
        assert!(err.to_string().starts_with("user.toml:1: "), "{err}");
    }
}
