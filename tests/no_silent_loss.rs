//! Property: nobody's work is ever gone without a trace. Three replicas
//! edit at random (short fields, typing into text and cells, deletions,
//! conflict resolutions) and exchange whole files and bundles — bundles
//! delivered late, out of order, twice, cut off or damaged. At the end every
//! edit any replica made is either in the final roadmap, or listed as a
//! conflict, or kept in the recycle bin — unless a later edit of the same
//! field was made by someone who had seen it.

use std::path::{Path, PathBuf};

use automerge::ChangeHash;
use karta::model::{Activity, Column, ColumnRole, Roadmap, Section, default_columns};
use karta::store::exchange::bundle::write_bundle;
use karta::store::exchange::conflicts::{conflicts, resolve};
use karta::store::exchange::merge::merge_files;
use karta::store::history::changes::Field;
use karta::store::write::edit::{ActivityField, NodeKind};
use karta::store::write::trash::deleted_items;
use karta::store::{self, Doc};
use proptest::prelude::*;

const REPLICAS: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    /// Set a short field to one of a few values.
    Set(usize, usize, u8, u8),
    /// Type a word at the end of an activity's text (`true`) or its result.
    Type(usize, usize, bool),
    /// Delete an activity.
    Delete(usize, usize),
    /// Resolve one of the replica's conflicts by picking a value or typing one.
    Resolve(usize, usize, u8),
    /// Post a bundle of what was not yet posted to the receiver.
    Post(usize, usize),
    /// Deliver one of the receiver's bundles: intact, twice, cut or damaged.
    Deliver(usize, usize, u8),
    /// Send the whole file.
    Send(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let r = 0..REPLICAS;
    prop_oneof![
        3 => (r.clone(), 0..12usize, 0..2u8, 0..3u8).prop_map(|(a, b, c, d)| Op::Set(a, b, c, d)),
        2 => (r.clone(), 0..12usize, any::<bool>()).prop_map(|(a, b, c)| Op::Type(a, b, c)),
        1 => (r.clone(), 0..12usize).prop_map(|(a, b)| Op::Delete(a, b)),
        2 => (r.clone(), 0..4usize, 0..3u8).prop_map(|(a, b, c)| Op::Resolve(a, b, c)),
        3 => (r.clone(), r.clone()).prop_map(|(a, b)| Op::Post(a, b)),
        3 => (r.clone(), 0..4usize, 0..5u8).prop_map(|(a, b, c)| Op::Deliver(a, b, c)),
        1 => (r.clone(), r).prop_map(|(a, b)| Op::Send(a, b)),
    ]
}

/// One edit made, to check for at the end.
#[derive(Debug, Clone)]
struct Edit {
    /// The change that made it.
    hash: ChangeHash,
    activity: String,
    field: Field,
    /// The value set, or the word typed (found inside the text).
    value: String,
    typed: bool,
    /// Edits of the same field the editing replica had when it made this one.
    seen: Vec<ChangeHash>,
}

struct World {
    dir: PathBuf,
    files: Vec<PathBuf>,
    docs: Vec<Doc>,
    edits: Vec<Edit>,
    /// Bundles waiting for each receiver.
    mailbox: Vec<Vec<Vec<u8>>>,
    /// What each sender last posted to each receiver.
    posted: Vec<Vec<Vec<ChangeHash>>>,
    words: usize,
}

fn roadmap() -> Roadmap {
    let mut columns = default_columns();
    columns.push(Column::new("result", "Результат", ColumnRole::Result));
    let activity = |n: &str| Activity {
        number: n.to_string(),
        text: format!("Мероприятие {n}"),
        deadline: "Декабрь 2024".into(),
        cells: [("result".to_string(), "Итог".to_string())].into(),
        ..Activity::default()
    };
    Roadmap {
        columns,
        sections: (1..=2)
            .map(|n| Section {
                number: format!("{n}."),
                title: format!("Раздел {n}"),
                activities: (1..=3).map(|i| activity(&format!("{n}.{i}."))).collect(),
                ..Section::default()
            })
            .collect(),
        ..Roadmap::default()
    }
}

impl World {
    fn new(dir: &Path) -> World {
        let origin = dir.join("origin.karta");
        let mut first = Doc::create(&roadmap(), Some("Иванова И.И."), "new").expect("create");
        store::save(&origin, &mut first).expect("save");
        let files: Vec<PathBuf> = (0..REPLICAS)
            .map(|i| dir.join(format!("r{i}.karta")))
            .collect();
        let docs = files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                std::fs::copy(&origin, f).expect("copy");
                let mut doc = store::open(f).expect("open");
                doc.set_author(Some(["Иванова И.И.", "Сенюта Л.А.", "Колосов В.Г."][i]));
                doc
            })
            .collect();
        let heads = first.heads();
        World {
            dir: dir.to_path_buf(),
            files,
            docs,
            edits: Vec::new(),
            mailbox: vec![Vec::new(); REPLICAS],
            posted: vec![vec![heads; REPLICAS]; REPLICAS],
            words: 0,
        }
    }

    fn live(&self, r: usize) -> Vec<String> {
        self.docs[r]
            .roadmap()
            .activities_with_path()
            .iter()
            .map(|(_, a)| a.id.clone())
            .collect()
    }

    /// Records an edit just committed by replica `r`.
    fn record(&mut self, r: usize, activity: &str, field: Field, value: String, typed: bool) {
        let doc = &mut self.docs[r];
        let heads = doc.heads();
        assert_eq!(heads.len(), 1, "an edit just made is the only head");
        let hash = heads[0];
        assert!(
            self.edits.iter().all(|e| e.hash != hash),
            "an edit said to be made was not recorded: {activity} {field:?} {value:?}"
        );
        let seen = self
            .edits
            .iter()
            .filter(|e| e.activity == activity && e.field == field)
            .filter(|e| doc.has_all(&[e.hash]))
            .map(|e| e.hash)
            .collect();
        self.edits.push(Edit {
            hash,
            activity: activity.to_string(),
            field,
            value,
            typed,
            seen,
        });
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Set(r, a, field, v) => {
                let live = self.live(r);
                let Some(id) = pick(&live, a) else { return };
                let (target, field, value) = match field {
                    0 => (
                        ActivityField::Deadline,
                        Field::Deadline,
                        ["Май 2025", "Июнь 2025", "Ежегодно"][v as usize],
                    ),
                    _ => (
                        ActivityField::Status,
                        Field::Status,
                        ["in_progress", "done", "cancelled"][v as usize],
                    ),
                };
                if self.docs[r]
                    .set_activity_field(id, &target, value)
                    .expect("set")
                {
                    self.record(r, id, field, value.to_string(), false);
                }
            }
            Op::Type(r, a, in_text) => {
                let live = self.live(r);
                let Some(id) = pick(&live, a) else { return };
                self.words += 1;
                let word = format!("слово{}", self.words);
                let activity = self.docs[r].activity(id).expect("activity");
                let (target, field, old) = if in_text {
                    (ActivityField::Text, Field::Text, activity.text)
                } else {
                    let old = activity.cells.get("result").cloned().unwrap_or_default();
                    let field = Field::Column {
                        key: "result".into(),
                        title: String::new(),
                    };
                    (ActivityField::Cell("result".into()), field, old)
                };
                self.docs[r]
                    .set_activity_field(id, &target, &format!("{old} {word}"))
                    .expect("type");
                self.record(r, id, field, word, true);
            }
            Op::Delete(r, a) => {
                let live = self.live(r);
                if let Some(id) = pick(&live, a) {
                    self.docs[r]
                        .set_deleted(NodeKind::Activity, id, true)
                        .expect("delete");
                }
            }
            Op::Resolve(r, c, choice) => {
                let found = conflicts(&self.docs[r]);
                let Some(conflict) = found.get(c % found.len().max(1)) else {
                    return;
                };
                let value = match conflict.values.get(choice as usize) {
                    Some(v) if conflict.field != Field::Text => v.value.clone(),
                    _ => match conflict.field {
                        Field::Status => "planned".to_string(),
                        _ => format!("Решено {r}"),
                    },
                };
                let before = self.docs[r].heads();
                if resolve(&mut self.docs[r], &conflict.item, &conflict.field, &value)
                    .expect("resolve")
                {
                    assert_ne!(self.docs[r].heads(), before, "a resolution left no change");
                    let id = conflict.item.id.clone();
                    self.record(r, &id, normal(&conflict.field), value, false);
                }
            }
            Op::Post(from, to) => {
                if from == to {
                    return;
                }
                let since = self.posted[from][to].clone();
                let (bytes, count) = write_bundle(&mut self.docs[from], &since);
                if count > 0 {
                    self.posted[from][to] = self.docs[from].heads();
                    self.mailbox[to].push(bytes);
                }
            }
            Op::Deliver(to, k, how) => {
                if self.mailbox[to].is_empty() {
                    return;
                }
                let i = k % self.mailbox[to].len();
                let bytes = match how {
                    // Delivered twice: kept in the mailbox for another time.
                    0 => self.mailbox[to][i].clone(),
                    _ => self.mailbox[to].remove(i),
                };
                match how {
                    3 => self.deliver_damaged(to, &bytes[..bytes.len() * 2 / 3]),
                    4 => {
                        let mut damaged = bytes.clone();
                        let at = (k * 7919) % damaged.len();
                        damaged[at] ^= 0x20;
                        self.deliver_damaged(to, &damaged);
                        // The sender sends it again, intact.
                        self.mailbox[to].push(bytes);
                    }
                    _ => self.deliver(to, &bytes),
                }
            }
            Op::Send(from, to) => {
                if from != to {
                    store::save(&self.files[from], &mut self.docs[from]).expect("save");
                    let path = self.files[from].clone();
                    self.merge_into(to, &path).expect("merge a whole copy");
                }
            }
        }
    }

    fn merge_into(&mut self, to: usize, path: &Path) -> Result<(), store::StoreError> {
        store::save(&self.files[to], &mut self.docs[to]).expect("save");
        self.merge_saved(to, path)
    }

    /// Merges `path` into the file of `to` as saved, and reopens it.
    fn merge_saved(&mut self, to: usize, path: &Path) -> Result<(), store::StoreError> {
        let pending = self.dir.join(format!("data{to}"));
        let author = self.docs[to].author().map(str::to_string);
        let result = merge_files(
            &self.files[to],
            &[path.to_path_buf()],
            author.as_deref(),
            false,
            Some(&pending),
        );
        let mut doc = store::open(&self.files[to]).expect("reopen");
        doc.set_author(author.as_deref());
        self.docs[to] = doc;
        result.map(|_| ())
    }

    fn deliver(&mut self, to: usize, bytes: &[u8]) {
        let path = self.dir.join(format!("in{to}.karta-changes"));
        std::fs::write(&path, bytes).expect("write");
        self.merge_into(to, &path).expect("an intact bundle merges");
    }

    fn deliver_damaged(&mut self, to: usize, bytes: &[u8]) {
        store::save(&self.files[to], &mut self.docs[to]).expect("save");
        let before = std::fs::read(&self.files[to]).expect("read");
        let path = self.dir.join(format!("in{to}.karta-changes"));
        std::fs::write(&path, bytes).expect("write");
        let heads = {
            let mut h = self.docs[to].heads();
            h.sort();
            h
        };
        assert!(
            self.merge_saved(to, &path).is_err(),
            "a damaged bundle was accepted"
        );
        let mut after = self.docs[to].heads();
        after.sort();
        assert_eq!(after, heads, "a damaged bundle changed the roadmap");
        assert!(
            std::fs::read(&self.files[to]).expect("read") == before,
            "a damaged bundle changed the file"
        );
    }
}

fn pick(list: &[String], i: usize) -> Option<&String> {
    (!list.is_empty()).then(|| &list[i % list.len()])
}

/// A field as recorded (column titles left out).
fn normal(field: &Field) -> Field {
    match field {
        Field::Column { key, .. } => Field::Column {
            key: key.clone(),
            title: String::new(),
        },
        other => other.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_edit_is_kept_listed_or_superseded_knowingly(
        ops in prop::collection::vec(op(), 1..50),
        hub in 0..REPLICAS,
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut world = World::new(dir.path());
        for op in &ops {
            world.apply(op);
        }
        // Every bundle still in the mail arrives; then everyone exchanges
        // whole files through one replica.
        for to in 0..REPLICAS {
            while let Some(bytes) = world.mailbox[to].pop() {
                world.deliver(to, &bytes);
            }
        }
        for from in (0..REPLICAS).filter(|r| *r != hub) {
            world.apply(&Op::Send(from, hub));
        }
        for to in (0..REPLICAS).filter(|r| *r != hub) {
            world.apply(&Op::Send(hub, to));
        }
        let json: Vec<String> = world
            .docs
            .iter()
            .map(|d| karta::export::json::to_string(&d.roadmap()))
            .collect();
        prop_assert_eq!(&json[0], &json[1]);
        prop_assert_eq!(&json[1], &json[2]);
        let doc = &mut world.docs[0];
        let roadmap = doc.roadmap();
        let listed = conflicts(doc);
        let binned: Vec<String> = deleted_items(doc).into_iter().map(|d| d.item.id).collect();
        for edit in &world.edits {
            // Replaced by someone who had seen it: a new value set, or a
            // resolution (typing only adds words, it replaces nothing).
            let superseded = world
                .edits
                .iter()
                .any(|later| !later.typed && later.seen.contains(&edit.hash));
            if superseded {
                continue;
            }
            let Some(activity) = roadmap
                .activities_with_path()
                .into_iter()
                .map(|(_, a)| a)
                .find(|a| a.id == edit.activity)
            else {
                prop_assert!(
                    binned.contains(&edit.activity),
                    "{:?} is in a deleted activity missing from the bin",
                    edit
                );
                continue;
            };
            let now = match &edit.field {
                Field::Deadline => activity.deadline.clone(),
                Field::Status => activity.status.as_str().to_string(),
                Field::Text => activity.text.clone(),
                _ => activity.cells.get("result").cloned().unwrap_or_default(),
            };
            let shown = if edit.typed { now.contains(&edit.value) } else { now == edit.value };
            let in_conflict = listed.iter().any(|c| {
                c.item.id == edit.activity
                    && normal(&c.field) == edit.field
                    && c.values.iter().any(|v| {
                        if edit.typed { v.value.contains(&edit.value) } else { v.value == edit.value }
                    })
            });
            prop_assert!(
                shown || in_conflict,
                "{:?} is gone without a trace (now {:?})",
                edit,
                now
            );
        }
    }
}
