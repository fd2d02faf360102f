//! Property: replicas that edit at random and exchange real files (saved and
//! loaded bytes) in random orders end identical, with equal JSON exports and
//! no activity duplicated by concurrent moves.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use karta::model::{Activity, Roadmap, Section, default_columns};
use karta::store::exchange::bundle::{read_incoming, write_bundle};
use karta::store::exchange::merge::merge_incoming;
use karta::store::write::edit::{ActivityField, NodeKind};
use karta::store::{self, Doc};
use proptest::prelude::*;

const REPLICAS: usize = 3;

#[derive(Debug, Clone)]
enum Op {
    Set(usize, usize, u8, u8),
    Type(usize, usize, u8),
    Add(usize, usize),
    Move(usize, usize, usize),
    Delete(usize, usize),
    /// Send a whole file from one replica to another.
    Send(usize, usize),
    /// Send a bundle of what the receiver lacks.
    SendBundle(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let r = 0..REPLICAS;
    prop_oneof![
        (r.clone(), 0..20usize, 0..3u8, 0..4u8).prop_map(|(a, b, c, d)| Op::Set(a, b, c, d)),
        (r.clone(), 0..20usize, 0..4u8).prop_map(|(a, b, c)| Op::Type(a, b, c)),
        (r.clone(), 0..3usize).prop_map(|(a, b)| Op::Add(a, b)),
        (r.clone(), 0..20usize, 0..3usize).prop_map(|(a, b, c)| Op::Move(a, b, c)),
        (r.clone(), 0..20usize).prop_map(|(a, b)| Op::Delete(a, b)),
        (r.clone(), r.clone()).prop_map(|(a, b)| Op::Send(a, b)),
        (r.clone(), r).prop_map(|(a, b)| Op::SendBundle(a, b)),
    ]
}

fn small_roadmap() -> Roadmap {
    let activity = |n: &str| Activity {
        number: n.to_string(),
        text: format!("Мероприятие {n}"),
        deadline: "Декабрь 2024".into(),
        ..Activity::default()
    };
    let section = |n: usize| Section {
        number: format!("{n}."),
        title: format!("Раздел {n}"),
        activities: (1..=2).map(|i| activity(&format!("{n}.{i}."))).collect(),
        ..Section::default()
    };
    Roadmap {
        columns: default_columns(),
        sections: (1..=3).map(section).collect(),
        ..Roadmap::default()
    }
}

fn live_activities(doc: &Doc) -> Vec<String> {
    doc.roadmap()
        .activities_with_path()
        .iter()
        .map(|(_, a)| a.id.clone())
        .collect()
}

fn pick(list: &[String], i: usize) -> Option<&String> {
    (!list.is_empty()).then(|| &list[i % list.len()])
}

fn sections(doc: &Doc) -> Vec<String> {
    doc.roadmap()
        .sections
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

fn send(docs: &mut [Doc], files: &[PathBuf], from: usize, to: usize, as_bundle: bool, dir: &Path) {
    if from == to {
        return;
    }
    let path = if as_bundle {
        let known = docs[to].heads();
        let (bytes, _) = write_bundle(&mut docs[from], &known);
        let path = dir.join(format!("bundle-{from}-{to}.karta"));
        std::fs::write(&path, bytes).expect("write bundle");
        path
    } else {
        store::save(&files[from], &mut docs[from]).expect("save");
        files[from].clone()
    };
    let incoming = read_incoming(&path).expect("read");
    merge_incoming(&mut docs[to], incoming, &path).expect("merge");
}

fn apply(op: &Op, docs: &mut [Doc], files: &[PathBuf], dir: &Path) {
    match *op {
        Op::Set(r, a, field, v) => {
            if let Some(id) = pick(&live_activities(&docs[r]), a) {
                let (field, value) = match field {
                    0 => (
                        ActivityField::Deadline,
                        ["Май 2025", "Июнь 2025", "2026", "Ежегодно"][v as usize],
                    ),
                    1 => (
                        ActivityField::Status,
                        ["planned", "in_progress", "done", "cancelled"][v as usize],
                    ),
                    _ => (
                        ActivityField::Responsible,
                        ["УО", "УМК", "Колосов В.Г.", "ОО\nУО"][v as usize],
                    ),
                };
                docs[r].set_activity_field(id, &field, value).expect("set");
            }
        }
        Op::Type(r, a, v) => {
            if let Some(id) = pick(&live_activities(&docs[r]), a) {
                let old = docs[r]
                    .roadmap()
                    .activities_with_path()
                    .iter()
                    .find(|(_, x)| x.id == *id)
                    .map(|(_, x)| x.text.clone())
                    .unwrap_or_default();
                let text = format!("{old} {}", ["и", "для ОО", "(ВПР)", "Ё"][v as usize]);
                docs[r]
                    .set_activity_field(id, &ActivityField::Text, &text)
                    .expect("text");
            }
        }
        Op::Add(r, s) => {
            if let Some(section) = pick(&sections(&docs[r]), s) {
                let new = Activity {
                    text: format!("Новое от {r}"),
                    ..Activity::default()
                };
                docs[r].add_activity(section, None, &new).expect("add");
            }
        }
        Op::Move(r, a, s) => {
            let acts = live_activities(&docs[r]);
            if let (Some(id), Some(section)) = (pick(&acts, a), pick(&sections(&docs[r]), s)) {
                docs[r]
                    .move_node(NodeKind::Activity, id, section, None)
                    .expect("move");
            }
        }
        Op::Delete(r, a) => {
            if let Some(id) = pick(&live_activities(&docs[r]), a) {
                docs[r]
                    .set_deleted(NodeKind::Activity, id, true)
                    .expect("delete");
            }
        }
        Op::Send(from, to) => send(docs, files, from, to, false, dir),
        Op::SendBundle(from, to) => send(docs, files, from, to, true, dir),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn replicas_exchanging_files_converge(
        ops in prop::collection::vec(op(), 1..40),
        order in Just((0..REPLICAS).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let origin = dir.path().join("origin.karta");
        let mut first = Doc::create(&small_roadmap(), Some("Иванова И.И."), "new").expect("create");
        store::save(&origin, &mut first).expect("save");
        let files: Vec<PathBuf> = (0..REPLICAS).map(|i| dir.path().join(format!("r{i}.karta"))).collect();
        let mut docs: Vec<Doc> = files
            .iter()
            .map(|f| {
                std::fs::copy(&origin, f).expect("copy");
                store::open(f).expect("open")
            })
            .collect();
        for op in &ops {
            apply(op, &mut docs, &files, dir.path());
        }
        // Everyone sends to one replica (random), which sends back to all.
        let hub = order[0];
        for &from in &order[1..] {
            send(&mut docs, &files, from, hub, false, dir.path());
        }
        for &to in &order[1..] {
            send(&mut docs, &files, hub, to, false, dir.path());
        }
        let json: Vec<String> = docs
            .iter()
            .map(|d| karta::export::json::to_string(&d.roadmap()))
            .collect();
        prop_assert_eq!(&json[0], &json[1]);
        prop_assert_eq!(&json[1], &json[2]);
        for doc in &docs {
            let ids = live_activities(doc);
            let unique: HashSet<&String> = ids.iter().collect();
            prop_assert_eq!(unique.len(), ids.len(), "an activity appears twice");
        }
        let heads: Vec<_> = docs.iter_mut().map(|d| { let mut h = d.heads(); h.sort(); h }).collect();
        prop_assert_eq!(&heads[0], &heads[1]);
        prop_assert_eq!(&heads[1], &heads[2]);
    }
}
