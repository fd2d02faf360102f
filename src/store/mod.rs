//! The Automerge document behind a `.karta` file. [`Doc`] and [`StoreError`]
//! live here, the names in the document in [`schema`]; the rest is grouped
//! by concern:
//!
//! - [`read`]: the document into a roadmap model (whole, per object, or only
//!   what changes touched) and finding what a person names;
//! - [`write`]: edits, each one change with its author;
//! - [`disk`]: the file: safe load, atomic save, lock, journal, compaction,
//!   the view cache;
//! - [`exchange`]: other copies coming in: merges, bundles, checks on what
//!   comes from outside, conflicts;
//! - [`history`]: the changes put into words, the roadmap at a point of its
//!   history, what changed since.

pub mod disk;
pub mod exchange;
pub mod history;
pub mod read;
pub mod schema;
pub mod write;

use std::path::PathBuf;

use disk::{file, saving};
use exchange::{bundle, chunks, validate};
use read::fields;

use automerge::transaction::CommitOptions;
use automerge::{ActorId, Author, AutoCommit, ChangeHash, ROOT, ReadDoc};

use crate::model::Roadmap;

pub use file::{open, save};

/// Everything that can go wrong with a roadmap document. Each message is one
/// line naming the file when there is one.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is larger than any roadmap could be.
    #[error("{path}: file is too large for a roadmap ({size} bytes, the limit is {limit})")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are not an Automerge document, or a damaged one.
    #[error("{path}: not a readable karta file ({reason})")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What the decoder said.
        reason: String,
    },
    /// An Automerge document, but not a karta roadmap.
    #[error("{path}: an Automerge document, but not a karta roadmap")]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// Written by a newer karta.
    #[error(
        "{path}: written in karta format version {version}, this karta reads up to {supported}; update karta"
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// Its format version.
        version: u64,
        /// The newest this build reads.
        supported: u64,
    },
    /// An operation on the document failed.
    #[error("document error: {0}")]
    Automerge(#[from] automerge::AutomergeError),
    /// Automerge failed inside an operation (a caught panic): nothing was
    /// changed on disk.
    #[error("Automerge failed while {0}; nothing was saved")]
    Failed(String),
    /// An edit named something that is not in the roadmap.
    #[error("{0}")]
    NotFound(crate::i18n::Message),
    /// Two files that are not copies of one roadmap.
    #[error(
        "{path}: not a copy of this roadmap (roadmap id {theirs}, this one is {mine}); separately imported files are never mixed"
    )]
    DifferentRoadmap {
        /// The file refused.
        path: PathBuf,
        /// The roadmap id of the document merged into.
        mine: String,
        /// The roadmap id found in the file.
        theirs: String,
    },
    /// A bundle whose earlier changes this copy does not have yet.
    #[error(
        "{path}: these changes continue {count} earlier change(s) this copy has not received yet; merge the earlier bundle or the whole file from its sender first"
    )]
    MissingPrerequisites {
        /// The bundle.
        path: PathBuf,
        /// How many changes are missing.
        count: usize,
    },
    /// A bundle that is cut off or damaged: nothing of it is applied.
    #[error("{path}: the file of changes is {}; nothing was applied, ask the sender for it again", damage_words(*.damage))]
    Damaged {
        /// The bundle.
        path: PathBuf,
        /// What is wrong with it.
        damage: chunks::Damage,
    },
    /// A file of changes given where a roadmap is expected.
    #[error(
        "{path}: this is a file of changes, not a roadmap; merge it into your roadmap with karta merge"
    )]
    IsBundle {
        /// The file.
        path: PathBuf,
    },
    /// A merge that would nest sections deeper than a roadmap is shown.
    #[error(
        "{path}: merging it would nest sections {depth} levels deep (karta shows at most {limit}); not merged"
    )]
    TooDeep {
        /// The file refused.
        path: PathBuf,
        /// How deep the merged sections would nest.
        depth: usize,
        /// The deepest level shown.
        limit: usize,
    },
    /// A device, a pipe or another special file given as a file to read
    /// (it could be read without end).
    #[error("{path}: not a regular file (a device or a pipe)")]
    NotAFile {
        /// The file given.
        path: PathBuf,
    },
    /// A move that would put a section inside itself (a parent cycle).
    #[error("a section cannot move into itself or into a section within it")]
    IntoItself,
    /// The file's advisory lock is held by another program for too long.
    #[error(
        "{path}: locked by another program ({lock} exists); try again, or remove the lock file if no karta is running"
    )]
    Locked {
        /// The file.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
}

/// Damage in words, for [`StoreError::Damaged`].
fn damage_words(damage: chunks::Damage) -> &'static str {
    match damage {
        chunks::Damage::NotAChunk => "not readable",
        chunks::Damage::CutOff => "cut off (incomplete)",
        chunks::Damage::Corrupted => "damaged",
        chunks::Damage::UnknownKind => "of an unknown kind",
    }
}

/// How the message of a change that resolves a conflict starts.
pub const RESOLVE_PREFIX: &str = "resolve ";

/// A roadmap document open for reading and editing.
pub struct Doc {
    doc: AutoCommit,
    author: Option<String>,
    created: bool,
    ids: schema::IdSource,
    /// The heads up to which changes were handed out by
    /// [`Doc::save_incremental`] (the heads at loading, at first).
    journaled: Vec<ChangeHash>,
    /// Whether the edits being made resolve a conflict (their messages
    /// then say `resolve …`, and history tells it so).
    resolving: bool,
    /// Set when Automerge failed inside an operation on this document: it
    /// may be inconsistent, so it is never saved.
    damaged: bool,
    /// The bytes of its file this document was last read from or wrote.
    seen: Option<saving::Seen>,
}

impl Doc {
    /// Creates a new document holding `roadmap` (fresh ids where missing),
    /// recorded as one change by `author`.
    pub fn create(
        roadmap: &Roadmap,
        author: Option<&str>,
        message: &str,
    ) -> Result<Doc, StoreError> {
        let mut doc = Doc {
            doc: AutoCommit::new(),
            author: None,
            created: true,
            ids: schema::IdSource::Random,
            journaled: Vec::new(),
            resolving: false,
            damaged: false,
            seen: None,
        };
        doc.set_author(author);
        schema::write_roadmap(&mut doc.doc, roadmap)?;
        doc.commit(message);
        Ok(doc)
    }

    /// Opens a document from bytes already read (`path` names it in errors).
    pub fn from_bytes(bytes: &[u8], path: &std::path::Path) -> Result<Doc, StoreError> {
        if bytes.starts_with(bundle::MAGIC_PREFIX.as_bytes()) {
            return Err(StoreError::IsBundle {
                path: path.to_path_buf(),
            });
        }
        let doc = file::decode(bytes, path)?;
        Doc::check_format(&doc, path)?;
        let mut doc = Doc::from_loaded(doc);
        doc.seen = Some(saving::Seen::of(bytes, doc.journaled.clone()));
        Ok(doc)
    }

    /// An empty stand-in for a document still loading: it holds no roadmap,
    /// so an edit of it fails and saving it over a roadmap file is refused
    /// (it is not a copy of that roadmap).
    pub fn placeholder() -> Doc {
        Doc {
            doc: AutoCommit::new(),
            author: None,
            created: false,
            ids: schema::IdSource::Random,
            journaled: Vec::new(),
            resolving: false,
            damaged: false,
            seen: None,
        }
    }

    /// Wraps a loaded document, giving it a fresh actor id for this session
    /// (a reused actor id across diverged copies breaks later merges).
    pub(crate) fn from_loaded(mut doc: AutoCommit) -> Doc {
        doc.set_actor(ActorId::random());
        let journaled = doc.get_heads();
        Doc {
            doc,
            author: None,
            created: false,
            ids: schema::IdSource::Random,
            journaled,
            resolving: false,
            damaged: false,
            seen: None,
        }
    }

    /// Whether this document was created in this session (not loaded from
    /// a file or forked): saving it may replace an unrelated file.
    pub(crate) fn is_created(&self) -> bool {
        self.created
    }

    /// Whether Automerge failed inside an operation on this document (it is
    /// then never saved).
    pub fn is_damaged(&self) -> bool {
        self.damaged
    }

    /// Whether every change named in `hashes` is already in this document
    /// (asked of the change graph: rebuilding a change from its ops to see
    /// it is there costs milliseconds in a long history).
    pub fn has_all(&mut self, hashes: &[ChangeHash]) -> bool {
        hashes
            .iter()
            .all(|h| self.doc.get_change_meta_by_hash(h).is_some())
    }

    /// A scratch copy sharing this document's history and author, for
    /// previews that must not touch the original.
    pub fn scratch_copy(&self) -> Doc {
        let mut copy = Doc::from_loaded(self.doc.clone());
        copy.set_author(self.author.clone().as_deref());
        copy
    }

    /// Makes the ids of items added from now on a deterministic sequence
    /// (for generated roadmaps); forks get their own sequences.
    pub fn seed_ids(&mut self, seed: u64) {
        self.ids = schema::IdSource::seeded(seed);
    }

    /// Sets the name recorded with every following change.
    pub fn set_author(&mut self, author: Option<&str>) {
        self.author = author.map(str::to_string);
        self.doc
            .set_author(author.map(|a| Author::from(a.as_bytes().to_vec())));
    }

    /// The name recorded with this session's changes.
    pub fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }

    /// Runs edits that resolve a conflict: their changes are recorded as
    /// resolutions (`resolve …`), which history tells as «решил(а)
    /// конфликт».
    pub fn resolving<T>(&mut self, edit: impl FnOnce(&mut Doc) -> T) -> T {
        self.resolving = true;
        let out = edit(self);
        self.resolving = false;
        out
    }

    /// Commits pending edits as one change with a message and the current time.
    /// A failure inside Automerge commits nothing and marks the document
    /// damaged (never saved).
    pub fn commit(&mut self, message: &str) -> Option<ChangeHash> {
        let time = chrono::Utc::now().timestamp();
        let message = match message.strip_prefix("set ") {
            Some(rest) if self.resolving => format!("{RESOLVE_PREFIX}{rest}"),
            _ => message.to_string(),
        };
        let options = CommitOptions::default()
            .with_message(message)
            .with_time(time);
        let doc = &mut self.doc;
        match file::quietly(|| doc.commit_with(options)) {
            Ok(hash) => hash,
            Err(_) => {
                self.damaged = true;
                None
            }
        }
    }

    /// The roadmap's identity, shared by all its copies.
    pub fn roadmap_id(&self) -> String {
        read::get_str(&self.doc, &ROOT, schema::K_ID)
    }

    /// Reads one activity (None if there is none with this id).
    pub fn activity(&self, id: &str) -> Option<crate::model::Activity> {
        let map = read::get_map(&self.doc, &ROOT, schema::K_ACTIVITIES)?;
        let obj = read::get_map(&self.doc, &map, id)?;
        Some(read::read_activity(&self.doc, id, &obj))
    }

    /// Reads the whole roadmap.
    pub fn roadmap(&self) -> Roadmap {
        read::read_roadmap(&self.doc)
    }

    /// The whole document as bytes (compacted).
    pub fn to_bytes(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// A bundle of every change made after `heads`, for another copy that
    /// has those heads.
    pub fn changes_since(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    /// Applies a bundle of changes read from `path` (from
    /// [`Doc::changes_since`] or [`Doc::save_incremental`]) after checking
    /// them (see [`validate::check_changes`]); returns how many operations
    /// it held. They are applied to a copy first: nothing changes unless
    /// all of them apply and the result can be shown (no sections nested
    /// deeper than before and than [`crate::model::MAX_DEPTH`]).
    pub fn apply_bundle(
        &mut self,
        bytes: &[u8],
        path: &std::path::Path,
    ) -> Result<usize, StoreError> {
        let before = self.doc.get_heads();
        let mut trial = self.doc.clone();
        let grown = validate::apply_checked(&mut trial, bytes, path)?;
        validate::check_nesting(&trial, &before, path)?;
        self.doc = trial;
        Ok(grown)
    }

    /// The current heads of the document's history.
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// A copy of the document as another person's file would be: the same
    /// history, its own actor id, the same author.
    pub fn fork(&mut self) -> Doc {
        let mut copy = Doc::from_loaded(self.doc.fork());
        copy.set_author(self.author.clone().as_deref());
        copy.ids = self.ids.split();
        copy
    }

    /// Merges every change of `other` this document lacks; returns the
    /// hashes of the changes applied. The caller checks first that both are
    /// copies of one roadmap.
    pub fn merge(&mut self, other: &mut Doc) -> Result<Vec<ChangeHash>, StoreError> {
        let before = self.doc.get_heads();
        let (doc, theirs) = (&mut self.doc, &mut other.doc);
        match file::quietly(|| doc.merge(theirs)) {
            Ok(merged) => merged?,
            Err(_) => {
                self.damaged = true;
                return Err(StoreError::Failed("merging the copies".into()));
            }
        };
        Ok(self
            .doc
            .get_changes(&before)
            .iter()
            .map(|c| c.hash())
            .collect())
    }

    /// The changes made since the last call (or since loading), as bytes
    /// that `load_incremental` reads back: what the crash journal appends
    /// after every edit. (Automerge's own `save_incremental` would
    /// hand out the whole loaded history on its first call.)
    pub fn save_incremental(&mut self) -> Vec<u8> {
        let bytes = self.doc.save_after(&self.journaled);
        if !bytes.is_empty() {
            self.journaled = self.doc.get_heads();
        }
        bytes
    }

    /// A copy of the document to read in a worker thread while this one
    /// goes on being edited: the same history, its own actor id; never
    /// edited or saved.
    pub fn reading_copy(&self) -> Doc {
        Doc::from_loaded(self.doc.clone())
    }

    /// The underlying Automerge document, for reading.
    pub fn automerge(&self) -> &AutoCommit {
        &self.doc
    }

    /// A copy of the history as a plain Automerge document (for a sync
    /// session, which works on `Automerge` rather than `AutoCommit`): one
    /// copy, not the two that cloning the `AutoCommit` first would make.
    pub fn plain_copy(&mut self) -> automerge::Automerge {
        self.doc.document().clone()
    }

    /// The underlying Automerge document, for the edit functions.
    pub(crate) fn automerge_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }

    /// The document's format version: a whole number not below 0 (written
    /// by another implementation it may be a signed integer or a float); a
    /// document without one is taken as version 1.
    fn format_version(doc: &AutoCommit) -> Result<u64, String> {
        use automerge::{ScalarValue, Value};
        let value = match doc.get(ROOT, schema::K_VERSION) {
            Ok(None) => return Ok(schema::FORMAT_VERSION),
            Ok(Some((Value::Scalar(value), _))) => value,
            _ => return Err("its format version is not a number".to_string()),
        };
        if let Some(n) = fields::whole_number(&value) {
            return Ok(n);
        }
        match value.as_ref() {
            ScalarValue::Int(n) => Err(format!("its format version is negative ({n})")),
            other => Err(format!(
                "its format version is not a number ({})",
                crate::model::text::one_line(&format!("{other:?}"))
            )),
        }
    }

    /// Checks that a loaded document is a karta roadmap this build can read.
    pub(crate) fn check_format(doc: &AutoCommit, path: &std::path::Path) -> Result<(), StoreError> {
        let tag = read::get_str(doc, &ROOT, schema::K_FORMAT);
        if tag != schema::FORMAT_TAG {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        let version = Doc::format_version(doc).map_err(|reason| StoreError::Corrupt {
            path: path.to_path_buf(),
            reason,
        })?;
        if version > schema::FORMAT_VERSION {
            return Err(StoreError::NewerFormat {
                path: path.to_path_buf(),
                version,
                supported: schema::FORMAT_VERSION,
            });
        }
        if doc.get(ROOT, schema::K_ID).ok().flatten().is_none() {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        Ok(())
    }
}
