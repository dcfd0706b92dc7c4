//! A JSON document's outline: for every key path, which kinds of value it
//! holds and how often, with arrays folded into one outline of their
//! elements. Shape detection reads the outline instead of guessing from a
//! top-level key: a shape is claimed only when the keys it reads are there
//! with the types it reads.
//!
//! The outline is built in one pass without building the document: values
//! deeper than [`MAX_DEPTH`] are skipped (serde's `IgnoredAny` walks them
//! without recursion), and an object's keys are compared in place, so a key
//! costs an allocation only the first time it is seen.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Nesting (objects and arrays both count) below which values are outlined;
/// the deepest shape read (Deepgram's words, AWS's speaker items, Watson's
/// time stamps) sits at seven.
const MAX_DEPTH: usize = 8;

/// Distinct keys recorded per object outline: objects keyed by ids would
/// otherwise grow without bound. Keys beyond are skipped.
const MAX_KEYS: usize = 64;

/// The kinds of JSON value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null = 0,
    Bool = 1,
    Number = 2,
    String = 3,
    Array = 4,
    Object = 5,
}

/// The outline of every value found at one key path.
#[derive(Debug, Default)]
pub(crate) struct Outline {
    /// How many values of each [`Kind`] were found here.
    kinds: [usize; 6],
    /// Keys of the objects found here, in order of first appearance, each
    /// with the outline of its values.
    keys: Vec<(Box<str>, Outline)>,
    /// The outline of the elements of the arrays found here.
    items: Option<Box<Outline>>,
    /// The first string found here (shape tags, unit suffixes).
    first_str: Option<Box<str>>,
}

impl Outline {
    /// Reads `text` into an outline. On a syntax error the outline holds
    /// everything read before it, which is enough to name the shape of a
    /// truncated file.
    pub(crate) fn read(text: &str, into: &mut Outline) -> Result<(), serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(text);
        Seed { node: into, depth: 0 }.deserialize(&mut de)?;
        de.end()
    }

    /// How many values of `kind` were found here.
    pub(crate) fn count(&self, kind: Kind) -> usize {
        self.kinds[kind as usize]
    }

    /// Values found here that are not null.
    pub(crate) fn present(&self) -> usize {
        self.kinds.iter().sum::<usize>() - self.count(Kind::Null)
    }

    /// True when every non-null value here is one of `kinds` (and there is
    /// at least one).
    pub(crate) fn only(&self, kinds: &[Kind]) -> bool {
        let fit: usize = kinds.iter().map(|&k| self.count(k)).sum();
        fit > 0 && fit == self.present()
    }

    /// The outline under `key` of the objects here.
    pub(crate) fn key(&self, key: &str) -> Option<&Outline> {
        self.keys.iter().find(|(k, _)| &**k == key).map(|(_, o)| o)
    }

    /// The outline of the elements of the arrays here.
    pub(crate) fn items(&self) -> Option<&Outline> {
        self.items.as_deref()
    }

    /// The outline of the elements under `key`, when `key` holds arrays of
    /// objects only (an empty array counts).
    pub(crate) fn records(&self, key: &str) -> Option<&Outline> {
        let o = self.key(key)?;
        if !o.only(&[Kind::Array]) {
            return None;
        }
        match o.items() {
            Some(items) if items.only(&[Kind::Object]) || items.kinds == [0; 6] => Some(items),
            None => Some(&EMPTY),
            Some(_) => None,
        }
    }

    /// How many of the objects here hold `key` with a value of one of
    /// `kinds`; `None` when some hold it with another kind.
    pub(crate) fn typed(&self, key: &str, kinds: &[Kind]) -> Option<usize> {
        match self.key(key) {
            None => Some(0),
            Some(o) if o.present() == 0 => Some(0),
            Some(o) if o.only(kinds) => Some(o.present()),
            Some(_) => None,
        }
    }

    /// True when every object here holds `key` with a value of one of
    /// `kinds` (and there is at least one object).
    #[cfg(test)]
    pub(crate) fn all(&self, key: &str, kinds: &[Kind]) -> bool {
        let n = self.count(Kind::Object);
        n > 0 && self.typed(key, kinds) == Some(n)
    }

    /// True when some object here holds `key` with a value of one of
    /// `kinds`, and none holds it with another kind.
    pub(crate) fn some(&self, key: &str, kinds: &[Kind]) -> bool {
        self.typed(key, kinds).is_some_and(|n| n > 0)
    }

    /// The keys of the objects here, in order of first appearance, with
    /// whether any value of each is not null.
    pub(crate) fn key_names(&self) -> impl Iterator<Item = (&str, bool)> {
        self.keys.iter().map(|(k, o)| (&**k, o.present() > 0))
    }

    /// The first string found here.
    pub(crate) fn first_str(&self) -> Option<&str> {
        self.first_str.as_deref()
    }

    fn add(&mut self, kind: Kind) {
        self.kinds[kind as usize] += 1;
    }
}

static EMPTY: Outline = Outline {
    kinds: [0; 6],
    keys: Vec::new(),
    items: None,
    first_str: None,
};

struct Seed<'a> {
    node: &'a mut Outline,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.node.add(Kind::Null);
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        self.node.add(Kind::Null);
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.node.add(Kind::Bool);
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.node.add(Kind::Number);
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.node.add(Kind::Number);
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.node.add(Kind::Number);
        Ok(())
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.node.add(Kind::String);
        if self.node.first_str.is_none() {
            let mut end = v.len().min(64);
            while !v.is_char_boundary(end) {
                end -= 1;
            }
            self.node.first_str = Some(v[..end].into());
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        self.node.add(Kind::Array);
        if self.depth >= MAX_DEPTH {
            while a.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(());
        }
        let items = self.node.items.get_or_insert_with(Default::default);
        while a
            .next_element_seed(Seed {
                node: items,
                depth: self.depth + 1,
            })?
            .is_some()
        {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<(), A::Error> {
        self.node.add(Kind::Object);
        while let Some(slot) = a.next_key_seed(KeySeed { node: self.node })? {
            match slot {
                Some(i) if self.depth < MAX_DEPTH => a.next_value_seed(Seed {
                    node: &mut self.node.keys[i].1,
                    depth: self.depth + 1,
                })?,
                _ => {
                    a.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// Finds (or adds) a key's slot in an object outline; `None` when the
/// outline is full.
struct KeySeed<'a> {
    node: &'a mut Outline,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Option<usize>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<usize>, E> {
        if let Some(i) = self.node.keys.iter().position(|(k, _)| &**k == v) {
            return Ok(Some(i));
        }
        if self.node.keys.len() >= MAX_KEYS {
            return Ok(None);
        }
        self.node.keys.push((v.into(), Outline::default()));
        Ok(Some(self.node.keys.len() - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Outline {
        let mut o = Outline::default();
        Outline::read(text, &mut o).unwrap();
        o
    }

    #[test]
    fn arrays_fold_into_one_element_outline() {
        let o = outline(r#"{"segments":[{"start":1,"text":"a"},{"start":null,"text":"b","speaker":"A"}]}"#);
        let segs = o.records("segments").unwrap();
        assert_eq!(segs.count(Kind::Object), 2);
        assert!(segs.all("text", &[Kind::String]));
        assert!(!segs.all("start", &[Kind::Number]), "one start is null");
        assert!(segs.some("start", &[Kind::Number]));
        assert!(segs.some("speaker", &[Kind::String]));
        assert!(!segs.all("speaker", &[Kind::String]));
        let keys: Vec<(&str, bool)> = segs.key_names().collect();
        assert_eq!(keys, [("start", true), ("text", true), ("speaker", true)]);
    }

    #[test]
    fn wrong_types_are_seen() {
        let o = outline(r#"{"segments":{"a":1},"results":[1,{"x":1}]}"#);
        assert!(o.records("segments").is_none(), "an object is not records");
        assert!(o.records("results").is_none(), "a number among the records");
        let o = outline(r#"{"segments":[{"text":5}]}"#);
        assert_eq!(o.records("segments").unwrap().typed("text", &[Kind::String]), None);
    }

    #[test]
    fn a_syntax_error_keeps_what_was_read() {
        let mut o = Outline::default();
        assert!(Outline::read(r#"{"monologues":[{"speaker":1,"elements":[{"type":"te"#, &mut o).is_err());
        let m = o.records("monologues").unwrap();
        assert!(m.some("speaker", &[Kind::Number]));
        assert!(m.key("elements").is_some());
        let mut o = Outline::default();
        assert!(Outline::read("[1] x", &mut o).is_err(), "trailing characters");
    }

    #[test]
    fn deep_values_are_skipped_not_recursed() {
        let deep = format!(r#"{{"a":{}{}}}"#, "[".repeat(20_000), "]".repeat(20_000));
        let o = outline(&deep);
        assert_eq!(o.key("a").unwrap().count(Kind::Array), 1);
    }
}
