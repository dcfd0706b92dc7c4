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
    short: HashMap<u64, WordId, BuildHasherDefault<WordHasher>>,
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
    let mut b = [0u8; 8];
    b[..w.len()].copy_from_slice(w);
    Some(u64::from_le_bytes(b))
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab {
            short: HashMap::default(),
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
            None => self.ids.insert(folded.into(), id),
        };
        id
    }

    /// The id of a folded word; [`UNKNOWN`] when no rule names it.
    #[inline]
    pub(crate) fn id(&self, folded: &str) -> WordId {
        match pack(folded.as_bytes()) {
            Some(k) => self.short.get(&k),
            None => self.ids.get(folded),
        }
        .copied()
        .unwrap_or(UNKNOWN)
    }

    /// Number of ids, [`UNKNOWN`] included.
    pub(crate) fn len(&self) -> usize {
        self.words.len()
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
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(SEED);
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
    }
}
