//! Word ids: every word a class or pattern names gets one, interned when
//! the rules compile; every other word shares [`UNKNOWN`]. The matcher then
//! compares integers, and indexes its patterns by the id of their first
//! word.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A word's id in one [`Vocab`].
pub(crate) type WordId = u32;

/// The id every word no rule names shares (and numbers).
pub(crate) const UNKNOWN: WordId = 0;

/// The interned words of one language's rules.
#[derive(Debug, Clone)]
pub(crate) struct Vocab {
    /// Words of up to 8 bytes by their bytes packed into an integer (no
    /// word holds a NUL byte, so the packing is one to one): most words
    /// are short, and an integer key hashes in one multiply and compares
    /// without a memcmp.
    short: ShortTable,
    /// Longer words.
    ids: HashMap<Box<str>, WordId, BuildHasherDefault<WordHasher>>,
    words: Vec<Box<str>>,
}

/// The bytes of a word of at most 8 bytes as one integer.
#[inline]
fn pack(w: &[u8]) -> Option<u64> {
    if w.len() > 8 {
        return None;
    }
    // A shift loop, not a copy into a buffer: a variable-length copy is a
    // memcpy call, which cost more than the rest of the lookup.
    Some(w.iter().rev().fold(0u64, |k, &b| k << 8 | u64::from(b)))
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            short: ShortTable::default(),
            ids: HashMap::default(),
            words: vec!["".into()],
        }
    }
}

impl Vocab {
    /// The id of a folded word, adding it when new.
    pub(crate) fn intern(&mut self, folded: &str) -> WordId {
        let known = self.id(folded);
        if known != UNKNOWN || folded.is_empty() {
            return known;
        }
        let id = self.words.len() as WordId;
        self.words.push(folded.into());
        match pack(folded.as_bytes()) {
            Some(k) => self.short.insert(k, id),
            None => {
                self.ids.insert(folded.into(), id);
            }
        }
        id
    }

    /// The id of a folded word; [`UNKNOWN`] when no rule names it.
    #[inline]
    pub(crate) fn id(&self, folded: &str) -> WordId {
        match pack(folded.as_bytes()) {
            Some(k) => self.short.get(k),
            None => self.ids.get(folded).copied().unwrap_or(UNKNOWN),
        }
    }

    /// Every interned word with its id ([`UNKNOWN`] excluded).
    pub(crate) fn words(&self) -> impl Iterator<Item = (WordId, &str)> {
        self.words.iter().enumerate().skip(1).map(|(i, w)| (i as WordId, &**w))
    }

    /// Number of ids, [`UNKNOWN`] included.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// An open-addressing table from packed short words to ids: the lookup
/// every word token of every sentence makes, so it is one multiply, one
/// shift and (almost always) one compare in a table of a few KB, kept at
/// most a quarter full.
#[derive(Debug, Clone)]
struct ShortTable {
    /// `(key, id)`; key 0 (the empty word) marks a free slot.
    slots: Vec<(u64, WordId)>,
    shift: u32,
    len: usize,
}

impl Default for ShortTable {
    fn default() -> ShortTable {
        ShortTable {
            slots: vec![(0, UNKNOWN); 16],
            shift: 64 - 4,
            len: 0,
        }
    }
}

impl ShortTable {
    #[inline]
    fn slot(&self, k: u64) -> usize {
        (k.wrapping_mul(SEED) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, k: u64) -> WordId {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        loop {
            let (key, id) = self.slots[i];
            if key == k {
                return id;
            }
            if key == 0 {
                return UNKNOWN;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, k: u64, id: WordId) {
        if (self.len + 1) * 4 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.slots = vec![(0, UNKNOWN); old.len() * 2];
            self.shift -= 1;
            self.len = 0;
            for (key, v) in old.into_iter().filter(|(key, _)| *key != 0) {
                self.insert(key, v);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(k);
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (k, id);
        self.len += 1;
    }
}

/// A small multiplicative hash (FxHash's): words are short and come from
/// our own rules and transcripts, so hash flooding is no concern, and
/// SipHash would cost more than the rest of a token's lookup.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            h = (h.rotate_left(5) ^ w).wrapping_mul(SEED);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(SEED);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(SEED);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_words_get_ids_and_unknown_share_one() {
        let mut v = Vocab::default();
        let a = v.intern("tuesday");
        assert_eq!(v.intern("tuesday"), a);
        assert_ne!(a, UNKNOWN);
        assert_eq!(v.id("tuesday"), a);
        assert_eq!(v.id("tuesdays"), UNKNOWN);
        // Short and long words, and a short word that is a prefix of one.
        let long = v.intern("wednesday");
        let short = v.intern("wed");
        assert_eq!((v.id("wednesday"), v.id("wed"), v.id("wednes")), (long, short, UNKNOWN));
        assert_eq!(v.len(), 4);
        // The short table grows and keeps every word.
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        let ids: Vec<WordId> = words.iter().map(|w| v.intern(w)).collect();
        for (w, id) in words.iter().zip(ids) {
            assert_eq!(v.id(w), id);
        }
        assert_eq!(v.id("w500"), UNKNOWN);
    }
}
