//! Property: replicas of a roadmap written before comments and approvals
//! existed (no `comments` or `approvals` maps) comment, edit and remove
//! comments, approve editions and edit fields at random, and undo as the
//! editor does (a removed comment brought back, an approval of their own
//! withdrawn), exchanging whole files and bundles; every copy ends with the
//! same comments in the same order and the same approvals, nothing written
//! is lost (every comment never removed is there, none removed and not
//! brought back is, every approval not withdrawn is listed), and what
//! changed since the approved edition reads the same everywhere.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use karta::store::exchange::bundle::{read_incoming, write_bundle};
use karta::store::exchange::merge::merge_incoming;
use karta::store::history::since::{Since, report};
use karta::store::write::approvals::approvals;
use karta::store::write::edit::ActivityField;
use karta::store::{self, Doc};
use proptest::prelude::*;

const REPLICAS: usize = 3;
const AUTHORS: [&str; REPLICAS] = ["Иванова И.И.", "Колосов В.Г.", "Сенюта Л.А."];

#[derive(Debug, Clone)]
enum Op {
    Comment(usize, usize, u8),
    Edit(usize, usize, u8),
    Remove(usize, usize),
    Approve(usize, u8),
    Restore(usize, usize),
    Withdraw(usize),
    Set(usize, usize, u8),
    Send(usize, usize),
    SendBundle(usize, usize),
}

fn op() -> impl Strategy<Value = Op> {
    let r = 0..REPLICAS;
    prop_oneof![
        3 => (r.clone(), 0..6usize, 0..4u8).prop_map(|(a, b, c)| Op::Comment(a, b, c)),
        1 => (r.clone(), 0..12usize, 0..4u8).prop_map(|(a, b, c)| Op::Edit(a, b, c)),
        1 => (r.clone(), 0..12usize).prop_map(|(a, b)| Op::Remove(a, b)),
        1 => (r.clone(), 0..4u8).prop_map(|(a, b)| Op::Approve(a, b)),
        1 => (r.clone(), 0..12usize).prop_map(|(a, b)| Op::Restore(a, b)),
        1 => r.clone().prop_map(Op::Withdraw),
        1 => (r.clone(), 0..6usize, 0..4u8).prop_map(|(a, b, c)| Op::Set(a, b, c)),
        2 => (r.clone(), r.clone()).prop_map(|(a, b)| Op::Send(a, b)),
        2 => (r.clone(), r).prop_map(|(a, b)| Op::SendBundle(a, b)),
    ]
}

/// What the replicas did, to check nothing was lost.
#[derive(Default)]
struct Written {
    comments: BTreeSet<String>,
    removed: BTreeSet<String>,
    restored: BTreeSet<String>,
    approvals: BTreeSet<String>,
    withdrawn: BTreeSet<String>,
    /// The approvals each replica made, in order.
    made: [Vec<String>; REPLICAS],
}

fn activities(doc: &Doc) -> Vec<String> {
    doc.roadmap()
        .activities_with_path()
        .iter()
        .map(|(_, a)| a.id.clone())
        .collect()
}

/// Every standing comment as (activity, comment id, author, text), in the
/// order shown.
fn comments(doc: &Doc) -> Vec<(String, String, String, String)> {
    doc.roadmap()
        .activities_with_path()
        .iter()
        .flat_map(|(_, a)| {
            a.comments
                .iter()
                .map(|c| (a.id.clone(), c.id.clone(), c.author.clone(), c.text.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn send(docs: &mut [Doc], files: &[PathBuf], from: usize, to: usize, as_bundle: bool, dir: &Path) {
    if from == to {
        return;
    }
    let path = if as_bundle {
        let known = docs[to].heads();
        let (bytes, _) = write_bundle(&mut docs[from], &known);
        let path = dir.join(format!("bundle-{from}-{to}.karta-changes"));
        std::fs::write(&path, bytes).expect("write bundle");
        path
    } else {
        store::save(&files[from], &mut docs[from]).expect("save");
        files[from].clone()
    };
    let incoming = read_incoming(&path).expect("read");
    merge_incoming(&mut docs[to], incoming, &path).expect("merge");
}

fn apply(op: &Op, docs: &mut [Doc], files: &[PathBuf], dir: &Path, written: &mut Written) {
    let words = [
        "согласовать с опекой",
        "перенесли из-за ГИА",
        "ок",
        "Ё и «кавычки»",
    ];
    match *op {
        Op::Comment(r, a, v) => {
            let list = activities(&docs[r]);
            let id = &list[a % list.len()];
            let comment = docs[r].add_comment(id, words[v as usize]).expect("comment");
            written.comments.insert(comment);
        }
        Op::Edit(r, c, v) => {
            let standing = comments(&docs[r]);
            if !standing.is_empty() {
                let id = &standing[c % standing.len()].1;
                docs[r]
                    .edit_comment(id, &format!("{} (уточнено)", words[v as usize]))
                    .expect("edit");
            }
        }
        Op::Remove(r, c) => {
            let standing = comments(&docs[r]);
            if !standing.is_empty() {
                let id = standing[c % standing.len()].1.clone();
                docs[r].remove_comment(&id).expect("remove");
                written.removed.insert(id);
            }
        }
        Op::Approve(r, v) => {
            let date = NaiveDate::from_ymd_opt(2022, 1 + u32::from(v), 10).expect("date");
            let approved = docs[r]
                .approve(&format!("{}/{r}", 10 + v), date)
                .expect("approve");
            written.approvals.insert(approved.id.clone());
            written.made[r].push(approved.id);
        }
        Op::Restore(r, c) => {
            let removed: Vec<&String> = written.removed.iter().collect();
            if !removed.is_empty() {
                let id = removed[c % removed.len()].clone();
                // Not in this copy yet: nothing to bring back.
                if docs[r].set_comment(&id, Some("возвращён")).is_ok() {
                    written.restored.insert(id);
                }
            }
        }
        Op::Withdraw(r) => {
            if let Some(id) = written.made[r].pop()
                && docs[r].withdraw_approval(&id).expect("withdraw")
            {
                written.withdrawn.insert(id);
            }
        }
        Op::Set(r, a, v) => {
            let list = activities(&docs[r]);
            let id = &list[a % list.len()];
            let value = ["Май 2025", "Июнь 2025", "2026", "Ежегодно"][v as usize];
            docs[r]
                .set_activity_field(id, &ActivityField::Deadline, value)
                .expect("set");
        }
        Op::Send(from, to) => send(docs, files, from, to, false, dir),
        Op::SendBundle(from, to) => send(docs, files, from, to, true, dir),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn every_copy_ends_with_the_same_comments_and_approvals(
        ops in prop::collection::vec(op(), 1..24),
        order in Just((0..REPLICAS).collect::<Vec<_>>()).prop_shuffle(),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let files: Vec<PathBuf> = (0..REPLICAS)
            .map(|i| dir.path().join(format!("r{i}.karta")))
            .collect();
        let mut docs: Vec<Doc> = files
            .iter()
            .zip(AUTHORS)
            .map(|(f, author)| {
                std::fs::copy(common::project("samples/lysva.karta"), f).expect("copy");
                let mut doc = store::open(f).expect("open");
                doc.set_author(Some(author));
                doc
            })
            .collect();
        let mut written = Written::default();
        for op in &ops {
            apply(op, &mut docs, &files, dir.path(), &mut written);
        }
        let hub = order[0];
        for &from in &order[1..] {
            send(&mut docs, &files, from, hub, true, dir.path());
        }
        for &to in &order[1..] {
            send(&mut docs, &files, hub, to, false, dir.path());
        }
        let first = comments(&docs[0]);
        let listed: Vec<Vec<String>> = docs
            .iter()
            .map(|d| approvals(d.automerge()).into_iter().map(|a| a.id).collect())
            .collect();
        for (i, doc) in docs.iter().enumerate() {
            prop_assert_eq!(&comments(doc), &first, "comments of copy {}", i);
            prop_assert_eq!(&listed[i], &listed[0], "approvals of copy {}", i);
        }
        let standing: BTreeSet<String> = first.iter().map(|c| c.1.clone()).collect();
        let kept: BTreeSet<String> =
            written.comments.difference(&written.removed).cloned().collect();
        let may: BTreeSet<String> = kept.union(&written.restored).cloned().collect();
        prop_assert!(kept.is_subset(&standing), "every comment never removed is there");
        prop_assert!(standing.is_subset(&may), "none removed and not brought back");
        let listed: BTreeSet<String> = listed[0].iter().cloned().collect();
        let expected: BTreeSet<String> =
            written.approvals.difference(&written.withdrawn).cloned().collect();
        prop_assert_eq!(listed, expected.clone(), "every approval not withdrawn listed");
        if !expected.is_empty() {
            let reports: Vec<_> = docs
                .iter_mut()
                .map(|d| report(d, &Since::Approved).expect("diff").groups)
                .collect();
            for r in &reports {
                prop_assert_eq!(r, &reports[0], "the same changes since the approval");
            }
        }
    }
}
