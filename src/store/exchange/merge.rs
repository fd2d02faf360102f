//! Merging copies of one roadmap: what another copy (or bundle) would
//! change, per author, before accepting it; and the merge itself.

use std::path::{Path, PathBuf};

use automerge::{ChangeHash, ROOT, ReadDoc};

use crate::store::exchange::bundle::{Bundle, Incoming, applicable, apply_bundle, read_incoming};
use crate::store::exchange::pending::Pending;
use crate::store::exchange::risks::{MergeRisks, merge_risks};
use crate::store::history::changes::{Change, ChangeKind, Field};
use crate::store::history::entries;
use crate::store::write::trash::{Deleted, deleted_items};
use crate::store::{Doc, StoreError, schema};

/// The changes of one author, folded: several edits of one field show as one
/// change from the first old value to the last new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorChanges {
    /// The author's name, when recorded.
    pub author: Option<String>,
    /// The author's changes in the order they were made.
    pub changes: Vec<Change>,
}

/// What a merge brings in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergePreview {
    /// Hashes of the Automerge changes the merge adds.
    pub applied: Vec<ChangeHash>,
    /// The visible changes, grouped by author in order of first appearance.
    pub by_author: Vec<AuthorChanges>,
}

impl MergePreview {
    /// Whether the merge adds nothing at all.
    pub fn is_empty(&self) -> bool {
        self.applied.is_empty()
    }
}

/// What became of one file given to [`merge_files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    /// Merged: how many Automerge changes it added that the copy lacked.
    Merged(usize),
    /// A bundle continuing changes this copy has not received: kept aside
    /// and applied by a later merge that brings them.
    KeptAside,
}

/// One file merged by [`merge_files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedFile {
    /// The file.
    pub path: PathBuf,
    /// What became of it.
    pub outcome: FileOutcome,
}

/// What [`merge_files`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Each file given, in order.
    pub files: Vec<MergedFile>,
    /// Bundles kept aside by an earlier merge that this one applied, with
    /// how many changes each added.
    pub released: Vec<usize>,
    /// Everything the files brought in.
    pub preview: MergePreview,
    /// What the merge put at risk: deleted items edited unseen, new
    /// conflicts, numbers now shared (see [`crate::store::exchange::risks`]).
    pub risks: MergeRisks,
    /// Whether MINE was written.
    pub saved: bool,
    /// The conflicts MINE holds as written (0 when it was not).
    pub conflicts: usize,
}

/// What merging `theirs` into `mine` would change; neither is touched.
pub fn preview(mine: &Doc, theirs: &Doc) -> Result<MergePreview, StoreError> {
    let mut merged = mine.scratch_copy();
    let mut theirs = theirs.scratch_copy();
    let applied = merge_document(&mut merged, &mut theirs, Path::new("theirs"))?;
    let mut preview = describe_applied(&mut merged, &applied);
    in_my_numbers(&mut preview, &numbers(mine));
    Ok(preview)
}

/// Merges every file of `others` (whole copies or bundles) into the file
/// `mine`; with `dry_run`, only says what would change. Bundles are applied
/// in the order their changes depend on each other, whatever the order
/// given; one that continues changes not received yet is kept aside in
/// `pending` (when given) and applied by a later merge. Any failure leaves
/// `mine` untouched; the save is atomic and merges what another program
/// wrote meanwhile.
pub fn merge_files(
    mine: &Path,
    others: &[PathBuf],
    author: Option<&str>,
    dry_run: bool,
    pending: Option<&Path>,
) -> Result<MergeOutcome, StoreError> {
    let mut doc = crate::store::open(mine)?;
    doc.set_author(author);
    let mut before = doc.scratch_copy();
    let my_numbers = numbers(&doc);
    let incoming: Vec<(PathBuf, Incoming)> = others
        .iter()
        .map(|path| Ok((path.clone(), read_incoming(path)?)))
        .collect::<Result<_, StoreError>>()?;
    let kept = pending.map(|dir| Pending::new(dir, &doc.roadmap_id()));
    let mut outcomes: Vec<Option<FileOutcome>> = vec![None; incoming.len()];
    let mut applied = Vec::new();
    let mut waiting: Vec<(Option<usize>, PathBuf, Bundle)> = Vec::new();
    for (i, (path, item)) in incoming.into_iter().enumerate() {
        match item {
            Incoming::Document(theirs) => {
                let added = merge_incoming(&mut doc, Incoming::Document(theirs), &path)?;
                outcomes[i] = Some(FileOutcome::Merged(added.len()));
                applied.extend(added);
            }
            Incoming::Bundle(bundle) => {
                check_same_roadmap(&doc, &bundle, &path)?;
                waiting.push((Some(i), path, bundle));
            }
        }
    }
    if let Some(kept) = &kept {
        waiting.extend(kept.list().into_iter().map(|(p, b)| (None, p, b)));
    }
    let mut released = Vec::new();
    let mut applied_stored = Vec::new();
    loop {
        let ready = waiting
            .iter()
            .position(|(_, _, b)| doc.has_all(&b.hashes) || applicable(&mut doc, b));
        let Some(index) = ready else { break };
        let (given, path, bundle) = waiting.remove(index);
        let added = merge_incoming(&mut doc, Incoming::Bundle(bundle), &path)?;
        match given {
            Some(i) => outcomes[i] = Some(FileOutcome::Merged(added.len())),
            None => {
                released.push(added.len());
                applied_stored.push(path);
            }
        }
        applied.extend(added);
    }
    for (given, path, _) in &waiting {
        let Some(i) = given else { continue };
        match (&kept, dry_run) {
            (Some(kept), false) => {
                kept.keep(path)?;
            }
            (None, _) => {
                return Err(StoreError::MissingPrerequisites {
                    path: path.clone(),
                    count: 1,
                });
            }
            (Some(_), true) => {}
        }
        outcomes[*i] = Some(FileOutcome::KeptAside);
    }
    let mut preview = describe_applied(&mut doc, &applied);
    in_my_numbers(&mut preview, &my_numbers);
    let risks = if applied.is_empty() {
        MergeRisks::default()
    } else {
        merge_risks(&mut before, &mut doc)
    };
    let saved = !dry_run && !applied.is_empty();
    let mut open_conflicts = 0;
    if saved {
        crate::store::save(mine, &mut doc)?;
        open_conflicts = crate::store::exchange::conflicts::conflicts(&doc).len();
    }
    if !dry_run && let Some(kept) = &kept {
        for path in &applied_stored {
            kept.release(path);
        }
    }
    let files = others
        .iter()
        .zip(outcomes)
        .map(|(path, outcome)| MergedFile {
            path: path.clone(),
            outcome: outcome.unwrap_or(FileOutcome::Merged(0)),
        })
        .collect();
    Ok(MergeOutcome {
        files,
        released,
        preview,
        risks,
        saved,
        conflicts: open_conflicts,
    })
}

/// Applies to `doc` the bundles kept aside in `kept` whose prerequisites
/// it now has, in the order they depend on each other (one may wait for
/// another); returns each file applied with the changes it added. The
/// files stay where they are until [`Pending::release`]d.
pub fn apply_kept(
    doc: &mut Doc,
    kept: &Pending,
) -> Result<Vec<(PathBuf, Vec<ChangeHash>)>, StoreError> {
    let mut waiting = kept.list();
    let mut applied = Vec::new();
    while let Some(index) = waiting
        .iter()
        .position(|(_, b)| doc.has_all(&b.hashes) || applicable(doc, b))
    {
        let (path, bundle) = waiting.remove(index);
        let added = merge_incoming(doc, Incoming::Bundle(bundle), &path)?;
        applied.push((path, added));
    }
    Ok(applied)
}

/// The deleted items someone edited without seeing the deletion.
pub fn deleted_but_edited(doc: &mut Doc) -> Vec<Deleted> {
    deleted_items(doc)
        .into_iter()
        .filter(|d| !d.unseen.is_empty())
        .collect()
}

/// Refuses a bundle of another roadmap.
fn check_same_roadmap(doc: &Doc, bundle: &Bundle, path: &Path) -> Result<(), StoreError> {
    if bundle.roadmap_id != doc.roadmap_id() {
        return Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: doc.roadmap_id(),
            theirs: bundle.roadmap_id.clone(),
        });
    }
    Ok(())
}

/// Merges what a file holds into `doc`; returns the hashes added.
pub fn merge_incoming(
    doc: &mut Doc,
    incoming: Incoming,
    path: &Path,
) -> Result<Vec<ChangeHash>, StoreError> {
    let before = doc.heads();
    let added = match incoming {
        Incoming::Document(mut theirs) => merge_document(doc, &mut theirs, path)?,
        Incoming::Bundle(bundle) => apply_bundle(doc, &bundle, path)?,
    };
    check_single_identity(doc, path)?;
    crate::store::exchange::validate::check_nesting(doc.automerge(), &before, path)?;
    Ok(added)
}

/// Merges a whole copy into `doc` after checking it is a copy of the same
/// roadmap.
fn merge_document(
    doc: &mut Doc,
    theirs: &mut Doc,
    path: &Path,
) -> Result<Vec<ChangeHash>, StoreError> {
    if theirs.roadmap_id() != doc.roadmap_id() {
        return Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: doc.roadmap_id(),
            theirs: theirs.roadmap_id(),
        });
    }
    doc.merge(theirs)
}

/// Refuses a merge that left two roadmap identities at the root (changes of
/// a separately created roadmap smuggled in).
fn check_single_identity(doc: &Doc, path: &Path) -> Result<(), StoreError> {
    let ids = doc
        .automerge()
        .get_all(ROOT, schema::K_ID)
        .map(|v| v.len())
        .unwrap_or(0);
    if ids > 1 {
        return Err(StoreError::DifferentRoadmap {
            path: path.to_path_buf(),
            mine: doc.roadmap_id(),
            theirs: "another".to_string(),
        });
    }
    Ok(())
}

/// The visible changes made by the Automerge changes `applied` of `doc`,
/// grouped by author and folded.
pub fn describe_applied(doc: &mut Doc, applied: &[ChangeHash]) -> MergePreview {
    let wanted: std::collections::HashSet<&ChangeHash> = applied.iter().collect();
    let changes: Vec<Change> = entries(doc.automerge_mut(), |c, _| wanted.contains(&c.hash()))
        .iter()
        .flat_map(|e| e.flatten())
        .collect();
    MergePreview {
        applied: applied.to_vec(),
        by_author: group_by_author(changes),
    }
}

/// Groups changes by author and folds each author's repeated edits.
pub fn group_by_author(changes: Vec<Change>) -> Vec<AuthorChanges> {
    let mut groups: Vec<AuthorChanges> = Vec::new();
    for change in changes {
        match groups.iter_mut().find(|g| g.author == change.author) {
            Some(group) => group.changes.push(change),
            None => groups.push(AuthorChanges {
                author: change.author.clone(),
                changes: vec![change],
            }),
        }
    }
    for group in &mut groups {
        group.changes = collapse_renumbering(fold(std::mem::take(&mut group.changes)));
    }
    groups.retain(|g| !g.changes.is_empty());
    groups
}

/// Folds one author's changes: later edits of a field into the first, edits
/// of an item the author added into the addition, an added-then-deleted item
/// away.
fn fold(changes: Vec<Change>) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for change in changes {
        let added_here = out
            .iter()
            .position(|c| c.item.id == change.item.id && c.kind == ChangeKind::Added);
        if let Some(i) = added_here {
            match change.kind {
                ChangeKind::Removed => {
                    out.remove(i);
                }
                _ => out[i].item = change.item,
            }
            continue;
        }
        let same = out.iter().position(|c| same_target(c, &change));
        match (same, change.kind.clone()) {
            (Some(i), ChangeKind::FieldChanged { new, .. }) => {
                if let ChangeKind::FieldChanged { new: last, .. } = &mut out[i].kind {
                    *last = new;
                }
                out[i].item = change.item;
            }
            (Some(i), ChangeKind::Moved { to, .. }) => {
                if let ChangeKind::Moved { to: last, .. } = &mut out[i].kind {
                    *last = to;
                }
            }
            _ => out.push(change),
        }
    }
    out.retain(|c| !matches!(&c.kind, ChangeKind::FieldChanged { old, new, .. } if old == new));
    out
}

/// Numbers changed on this many items by one author are a renumbering,
/// told as one change.
const RENUMBERING: usize = 5;

/// One author's many number changes as one [`ChangeKind::Renumbered`], in
/// the place of the first of them.
fn collapse_renumbering(changes: Vec<Change>) -> Vec<Change> {
    let is_number = |c: &Change| {
        matches!(
            &c.kind,
            ChangeKind::FieldChanged {
                field: Field::Number,
                ..
            }
        )
    };
    let count = changes.iter().filter(|c| is_number(c)).count();
    if count < RENUMBERING {
        return changes;
    }
    let mut out = Vec::with_capacity(changes.len() - count + 1);
    for change in changes {
        if !is_number(&change) {
            out.push(change);
        } else if !out
            .iter()
            .any(|c| matches!(c.kind, ChangeKind::Renumbered { .. }))
        {
            out.push(Change {
                item: crate::store::history::changes::Item {
                    kind: crate::store::history::changes::ItemKind::Heading,
                    id: String::new(),
                    number: String::new(),
                    label: String::new(),
                },
                kind: ChangeKind::Renumbered { count },
                ..change
            });
        }
    }
    out
}

/// Names every item of a preview by the number it has in `mine` (the
/// sender's numbers may differ after a renumbering of theirs).
pub fn in_my_numbers(preview: &mut MergePreview, mine: &std::collections::HashMap<String, String>) {
    let rename = |item: &mut crate::store::history::changes::Item| {
        if let Some(number) = mine.get(&item.id) {
            item.number = number.clone();
        }
    };
    for group in &mut preview.by_author {
        for change in &mut group.changes {
            rename(&mut change.item);
            if let ChangeKind::Moved { from, to } = &mut change.kind {
                from.iter_mut().chain(to.iter_mut()).for_each(rename);
            }
        }
    }
}

/// Every item's number as it stands in `doc`, by id.
pub fn numbers(doc: &Doc) -> std::collections::HashMap<String, String> {
    crate::store::history::snapshot::snapshot(doc.automerge())
        .nodes
        .into_iter()
        .map(|(id, n)| {
            let number = n.number().to_string();
            (id, number)
        })
        .collect()
}

/// Whether two changes edit the same field (or place) of the same item.
fn same_target(a: &Change, b: &Change) -> bool {
    if a.item.id != b.item.id || a.item.kind != b.item.kind {
        return false;
    }
    match (&a.kind, &b.kind) {
        (ChangeKind::FieldChanged { field: x, .. }, ChangeKind::FieldChanged { field: y, .. }) => {
            field_key(x) == field_key(y)
        }
        (ChangeKind::Moved { .. }, ChangeKind::Moved { .. }) => true,
        _ => false,
    }
}

fn field_key(field: &Field) -> String {
    match field {
        Field::Column { key, .. } => format!("column:{key}"),
        Field::Heading(key) => format!("heading:{key}"),
        other => format!("{other:?}"),
    }
}
