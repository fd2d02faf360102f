//! Reading one object of a karta document in a single pass over its keys
//! (`map_range`) instead of a `get` per field, as the document is now or as
//! it was at some heads. Values keep the forgiving rules of
//! [`crate::store::read`]: a mistyped field reads as empty.

use std::borrow::Cow;

use automerge::iter::MapRange;
use automerge::{ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, ScalarValueRef, ValueRef};

/// Where reads look: the document as it is, or as it was at some heads.
pub struct View<'a, D> {
    doc: &'a D,
    at: Option<&'a [ChangeHash]>,
}

impl<D> Clone for View<'_, D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<D> Copy for View<'_, D> {}

impl<'a, D: ReadDoc> View<'a, D> {
    /// The document as it is.
    pub fn now(doc: &'a D) -> Self {
        View { doc, at: None }
    }

    /// The document as it was at `heads`.
    pub fn at(doc: &'a D, heads: &'a [ChangeHash]) -> Self {
        View {
            doc,
            at: Some(heads),
        }
    }

    /// The document read.
    pub fn doc(&self) -> &'a D {
        self.doc
    }

    /// Every key of the map `obj` with its value, in key order.
    pub fn entries(&self, obj: &ObjId) -> impl Iterator<Item = (Cow<'a, str>, Raw<'a>)> + 'a {
        self.flagged(obj).map(|(key, raw, _)| (key, raw))
    }

    /// Every key of the map `obj` with its value and whether other copies
    /// set the key concurrently (the value is then Automerge's pick).
    pub fn flagged(&self, obj: &ObjId) -> impl Iterator<Item = (Cow<'a, str>, Raw<'a>, bool)> + 'a {
        let range: MapRange<'a> = match self.at {
            Some(heads) => self.doc.map_range_at(obj, .., heads),
            None => self.doc.map_range(obj, ..),
        };
        range.map(|item| {
            let raw = Raw::of(&item.value, || item.id());
            (item.key, raw, item.conflict)
        })
    }

    /// Every value at `obj[key]` (several when copies set it
    /// concurrently), the one Automerge shows first.
    pub fn all(&self, obj: &ObjId, key: &str) -> Vec<(automerge::Value<'a>, ObjId)> {
        let found = match self.at {
            Some(heads) => self.doc.get_all_at(obj, key, heads),
            None => self.doc.get_all(obj, key),
        };
        let mut values = found.unwrap_or_default();
        // Automerge lists the values in the order of the operations that
        // wrote them; the one it shows is the last.
        values.reverse();
        values
    }

    /// Every map at `obj[key]`, the one Automerge shows first.
    pub fn all_maps(&self, obj: &ObjId, key: &str) -> Vec<ObjId> {
        self.all(obj, key)
            .into_iter()
            .filter(|(v, _)| matches!(v, automerge::Value::Object(ObjType::Map)))
            .map(|(_, id)| id)
            .collect()
    }

    /// The cells of the activity map `activity`, by column key. Two copies
    /// that each created the `cells` map concurrently (files of older
    /// versions created it on the first cell edit) leave two maps under one
    /// key: the cells are the union of all of them, each key read from the
    /// first map, in the order of [`View::all_maps`], that holds it.
    pub fn cells(&self, activity: &ObjId) -> Vec<(String, String)> {
        let mut cells: Vec<(String, String)> = Vec::new();
        for map in self.all_maps(activity, crate::store::schema::node::CELLS) {
            for (key, raw) in self.entries(&map) {
                if !cells.iter().any(|(k, _)| *k == key) {
                    cells.push((key.into_owned(), self.text_of(raw)));
                }
            }
        }
        cells.sort();
        cells
    }

    /// The cells of `activity` given the value its `cells` key holds and
    /// whether that key is in conflict (read by [`View::flagged`]): one
    /// map read directly, several merged by [`View::cells`].
    pub fn cells_from(
        &self,
        activity: &ObjId,
        raw: Raw<'_>,
        conflict: bool,
    ) -> Vec<(String, String)> {
        match raw {
            _ if conflict => self.cells(activity),
            Raw::Map(map) => self
                .entries(&map)
                .map(|(k, raw)| (k.into_owned(), self.text_of(raw)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The cells map of `activity` holding the cell `key` (the first of
    /// [`View::all_maps`] that has it), or the one Automerge shows.
    pub fn cells_map_for(&self, activity: &ObjId, key: &str) -> Option<ObjId> {
        let maps = self.all_maps(activity, crate::store::schema::node::CELLS);
        maps.iter()
            .find(|m| !self.all(m, key).is_empty())
            .or(maps.first())
            .cloned()
    }

    /// The map object at `obj[key]`.
    pub fn map(&self, obj: &ObjId, key: &str) -> Option<ObjId> {
        let found = match self.at {
            Some(heads) => self.doc.get_at(obj, key, heads),
            None => self.doc.get(obj, key),
        };
        match found {
            Ok(Some((automerge::Value::Object(ObjType::Map), id))) => Some(id),
            _ => None,
        }
    }

    /// The text of the text object `obj` (empty when it is not one).
    pub fn text(&self, obj: &ObjId) -> String {
        match self.at {
            Some(heads) => self.doc.text_at(obj, heads),
            None => self.doc.text(obj),
        }
        .unwrap_or_default()
    }

    /// A value as a string field reads (short fields and free text alike):
    /// the text of a text object (another implementation, such as
    /// Automerge-JS 3, may write any string as one), a scalar string as it
    /// is, anything else empty.
    pub fn text_of(&self, raw: Raw<'_>) -> String {
        match raw {
            Raw::Text(obj) => self.text(&obj),
            Raw::Str(s) => s.into_owned(),
            _ => String::new(),
        }
    }
}

/// One stored value, classified.
#[derive(Debug, Clone)]
pub enum Raw<'a> {
    /// A scalar string.
    Str(Cow<'a, str>),
    /// A text object (read on demand).
    Text(ObjId),
    /// A map object.
    Map(ObjId),
    /// A boolean.
    Bool(bool),
    /// A number, as `ScalarValue::as_u64` reads it.
    Number(Option<u64>),
    /// Anything else (lists, bytes, null…).
    Other,
}

impl<'a> Raw<'a> {
    fn of(value: &ValueRef<'a>, id: impl FnOnce() -> ObjId) -> Raw<'a> {
        match value {
            ValueRef::Object(ObjType::Text) => Raw::Text(id()),
            ValueRef::Object(ObjType::Map) => Raw::Map(id()),
            ValueRef::Object(_) => Raw::Other,
            ValueRef::Scalar(ScalarValueRef::Str(s)) => Raw::Str(s.clone()),
            ValueRef::Scalar(ScalarValueRef::Boolean(b)) => Raw::Bool(*b),
            ValueRef::Scalar(s) => Raw::Number(whole_number(&s.into())),
        }
    }

    /// Whether the value is `true`.
    pub fn is_true(&self) -> bool {
        matches!(self, Raw::Bool(true))
    }

    /// The value as an unsigned number.
    pub fn number(&self) -> Option<u64> {
        match self {
            Raw::Number(n) => *n,
            _ => None,
        }
    }
}

/// A number as a field holding a count or a stage reads it: an unsigned
/// or a non-negative signed integer, or a float holding a whole number
/// (another implementation may write any of them); a negative or
/// fractional number, or anything else, is none.
pub fn whole_number(value: &ScalarValue) -> Option<u64> {
    match value {
        ScalarValue::Uint(n) => Some(*n),
        ScalarValue::Int(n) => u64::try_from(*n).ok(),
        ScalarValue::F64(f) if *f >= 0.0 && f.fract() == 0.0 && *f < 1e15 => Some(*f as u64),
        _ => None,
    }
}
