//! Merging copies of one roadmap: what another copy (or bundle) would
//! change, per author, before accepting it; and the merge itself.

use std::path::{Path, PathBuf};

use automerge::{ChangeHash, ROOT, ReadDoc};

use super::bundle::{Incoming, apply_bundle, read_incoming};
use super::changes::{Change, ChangeKind, Field};
use super::history::entries;
use super::{Doc, StoreError, schema};

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

/// One file merged by [`merge_files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedFile {
    /// The file.
    pub path: PathBuf,
    /// How many Automerge changes it added that the copy lacked.
    pub added: usize,
}

/// What [`merge_files`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    /// Each file given, in order.
    pub files: Vec<MergedFile>,
    /// Everything the files brought in.
    pub preview: MergePreview,
    /// Whether MINE was written.
    pub saved: bool,
}

/// What merging `theirs` into `mine` would change; neither is touched.
pub fn preview(mine: &Doc, theirs: &Doc) -> Result<MergePreview, StoreError> {
    let mut merged = mine.scratch_copy();
    let mut theirs = theirs.scratch_copy();
    let applied = merge_document(&mut merged, &mut theirs, Path::new("theirs"))?;
    Ok(describe_applied(&merged, &applied))
}

/// Merges every file of `others` (whole copies or bundles) into the file
/// `mine`; with `dry_run`, only says what would change. Any failure leaves
/// `mine` untouched; the save is atomic and merges what another program
/// wrote meanwhile.
pub fn merge_files(
    mine: &Path,
    others: &[PathBuf],
    author: Option<&str>,
    dry_run: bool,
) -> Result<MergeOutcome, StoreError> {
    let mut doc = super::open(mine)?;
    doc.set_author(author);
    let mut files = Vec::new();
    let mut applied = Vec::new();
    for path in others {
        let added = merge_incoming(&mut doc, read_incoming(path)?, path)?;
        files.push(MergedFile {
            path: path.clone(),
            added: added.len(),
        });
        applied.extend(added);
    }
    let preview = describe_applied(&doc, &applied);
    let saved = !dry_run && !applied.is_empty();
    if saved {
        super::save(mine, &mut doc)?;
    }
    Ok(MergeOutcome {
        files,
        preview,
        saved,
    })
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
    super::validate::check_nesting(doc, &before, path)?;
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
pub fn describe_applied(doc: &Doc, applied: &[ChangeHash]) -> MergePreview {
    let wanted: std::collections::HashSet<&ChangeHash> = applied.iter().collect();
    let changes: Vec<Change> = entries(doc.automerge(), |h| wanted.contains(h))
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
        group.changes = fold(std::mem::take(&mut group.changes));
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
