//! Language detection: counts each lexicon's function words (`[detect]`
//! lists, chosen not to overlap between languages) over the whole transcript.
//! The language the source declares (Whisper, AssemblyAI, CHAT) decides only
//! when the words do not: no text, a tie, or fewer than
//! [`MIN_EVIDENCE`] function words for the winner.

use std::collections::HashSet;

use unicode_segmentation::UnicodeSegmentation;

use crate::analyzer::LangModel;
use crate::Transcript;

/// The winner needs at least this many function words to overrule a
/// declared language.
pub(crate) const MIN_EVIDENCE: usize = 3;

/// One language's function words, bucketed by first byte and length:
/// detection looks up every word of every transcript, and most words fall
/// in an empty bucket, or one of a single entry, which costs far less than
/// hashing them. Words of up to eight bytes are compared as one `u64`.
#[derive(Debug)]
pub(crate) struct FunctionWords {
    /// The words, sorted by bucket.
    words: Vec<Box<str>>,
    /// `packed(word)` of each word (0 for words over eight bytes).
    keys: Vec<u64>,
    /// `words[start[k]..start[k + 1]]` are bucket `k`'s words, with
    /// `k = first byte * (max_len + 1) + length`.
    start: Box<[u32]>,
    /// The longest word, in bytes.
    max_len: usize,
}

/// A word as [`FunctionWords::contains`] looks it up: lowercase already
/// except for ASCII capitals, which are folded here. That matches
/// lowercasing first because no entry holds an ASCII capital.
struct Probe<'a> {
    word: &'a [u8],
    /// The word ASCII-lowercased and packed, when it has at most eight bytes.
    key: u64,
}

impl<'a> Probe<'a> {
    #[inline]
    fn new(word: &'a [u8]) -> Probe<'a> {
        let key = if word.len() <= 8 {
            ascii_lower_u64(packed(word))
        } else {
            0
        };
        Probe { word, key }
    }
}

/// Up to eight bytes as a little-endian `u64`, zero padded. Two loads that
/// overlap in the middle (equal bytes, so or-ing them is harmless) instead
/// of a copy of variable length, which compiled to a `memcpy` call.
#[inline]
fn packed(w: &[u8]) -> u64 {
    let n = w.len();
    debug_assert!(n <= 8);
    let le32 = |b: &[u8]| u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let le16 = |b: &[u8]| u64::from(u16::from_le_bytes([b[0], b[1]]));
    match n {
        4..=8 => le32(&w[..4]) | le32(&w[n - 4..]) << (8 * (n - 4)),
        2..=3 => le16(&w[..2]) | le16(&w[n - 2..]) << (8 * (n - 2)),
        1 => u64::from(w[0]),
        _ => 0,
    }
}

/// Lowercases the ASCII capitals among eight packed bytes and leaves every
/// other byte (non-ASCII ones included) as it is.
#[inline]
fn ascii_lower_u64(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // Per byte, no carries: low7 + 0x80 - b'A' sets the high bit when
    // low7 >= 'A'; low7 + 0x80 - b'Z' - 1 when low7 > 'Z'.
    let ge_a = low7 + ONES * u64::from(0x80 - b'A');
    let gt_z = low7 + ONES * u64::from(0x80 - b'Z' - 1);
    let upper = ge_a & !gt_z & !x & HIGH;
    x | (upper >> 2)
}

impl FunctionWords {
    /// The entries of `set`. Words are looked up lowercased, so an entry with
    /// an ASCII capital could never match and is left out.
    pub(crate) fn new(set: &HashSet<String>) -> FunctionWords {
        let mut words: Vec<Box<str>> = set
            .iter()
            .filter(|w| !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase()))
            .map(|w| w.as_str().into())
            .collect();
        let max_len = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let bucket = |w: &[u8]| usize::from(w[0]) * (max_len + 1) + w.len();
        words.sort_unstable_by_key(|w| bucket(w.as_bytes()));
        let keys = words
            .iter()
            .map(|w| if w.len() <= 8 { packed(w.as_bytes()) } else { 0 })
            .collect();
        let start = (0..=256 * (max_len + 1))
            .map(|k| words.partition_point(|w| bucket(w.as_bytes()) < k) as u32)
            .collect();
        FunctionWords {
            words,
            keys,
            start,
            max_len,
        }
    }

    /// Whether the probed word lowercased is one of the words.
    #[inline]
    fn contains(&self, p: &Probe<'_>) -> bool {
        let w = p.word;
        let Some(&b) = w.first() else {
            return false;
        };
        if w.len() > self.max_len {
            return false;
        }
        let k = usize::from(b.to_ascii_lowercase()) * (self.max_len + 1) + w.len();
        let (lo, hi) = (self.start[k] as usize, self.start[k + 1] as usize);
        if w.len() <= 8 {
            // Same bucket, so same length: equal keys are equal words.
            self.keys[lo..hi].contains(&p.key)
        } else {
            self.words[lo..hi].iter().any(|e| e.as_bytes().eq_ignore_ascii_case(w))
        }
    }

    /// [`FunctionWords::contains`] for one word.
    #[cfg(test)]
    fn contains_folded(&self, w: &[u8]) -> bool {
        self.contains(&Probe::new(w))
    }
}

/// Picks the language model to use and says why. `choice` is `auto` or a code.
pub(crate) fn detect(t: &Transcript, models: &[LangModel], choice: &str) -> (usize, String) {
    let langs: Vec<(&str, &FunctionWords)> = models
        .iter()
        .map(|m| (m.lex.lang.as_str(), &m.function_words))
        .collect();
    detect_with(t, &langs, choice)
}

/// [`detect`] over `(code, function words)` pairs.
pub(crate) fn detect_with(t: &Transcript, langs: &[(&str, &FunctionWords)], choice: &str) -> (usize, String) {
    if choice != "auto" {
        if let Some(i) = langs.iter().position(|(l, _)| *l == choice) {
            return (i, "explicit".to_string());
        }
    }
    let mut counts = vec![0usize; langs.len()];
    let mut total = 0usize;
    let mut buf = String::new();
    for seg in &t.segments {
        for_each_word(&seg.text, &mut buf, |w| {
            total += 1;
            let probe = Probe::new(w);
            for ((_, set), count) in langs.iter().zip(counts.iter_mut()) {
                if set.contains(&probe) {
                    *count += 1;
                }
            }
        });
    }
    let summary = langs
        .iter()
        .zip(&counts)
        .map(|((l, _), c)| format!("{l} {c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let best = (0..langs.len())
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    let tie = counts.iter().filter(|&&c| c == counts[best]).count() > 1;
    let decided = !tie && counts.get(best).copied().unwrap_or(0) >= MIN_EVIDENCE;
    if decided {
        return (best, format!("function words ({summary}) of {total} words"));
    }
    if let Some(declared) = &t.language {
        let code = normalise_code(declared);
        if let Some(i) = langs.iter().position(|(l, _)| *l == code) {
            return (
                i,
                format!("declared by the source ({declared}); too few function words to decide ({summary})"),
            );
        }
    }
    if counts.iter().all(|&c| c == 0) {
        let i = langs.iter().position(|(l, _)| *l == "en").unwrap_or(0);
        return (i, "default (no function words to detect from)".to_string());
    }
    (
        best,
        format!("function words ({summary}) of {total} words; weak evidence, first language on a tie"),
    )
}

/// `eng`, `en_uk`, `en-US`, `Dutch`, `nld` → a two-letter code.
fn normalise_code(declared: &str) -> String {
    let code = declared.trim().to_lowercase();
    match code.as_str() {
        "eng" | "english" => "en".into(),
        "nld" | "dut" | "dutch" | "nederlands" => "nl".into(),
        other => other
            .split(['-', '_'])
            .next()
            .and_then(|c| c.get(..2))
            .unwrap_or(other)
            .to_string(),
    }
}

/// Calls `f` with each word of `text`, lowercased except for ASCII capitals
/// (which [`FunctionWords::contains`] folds), curly apostrophes made
/// straight (`don’t` → `don't`). ASCII text takes a byte-level path: this
/// runs over every word of every transcript.
fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&[u8])) {
    if text.is_ascii() {
        // Runs of [A-Za-z0-9'] with the apostrophes at their ends trimmed.
        let b = text.as_bytes();
        let is_w = |c: u8| WORD_BYTE[usize::from(c)];
        let mut i = 0;
        while i < b.len() {
            if !is_w(b[i]) {
                i += 1;
                continue;
            }
            let mut s = i;
            while i < b.len() && is_w(b[i]) {
                i += 1;
            }
            let mut e = i;
            while s < e && b[s] == b'\'' {
                s += 1;
            }
            while e > s && b[e - 1] == b'\'' {
                e -= 1;
            }
            if s < e {
                f(&b[s..e]);
            }
        }
    } else {
        for w in text.unicode_words() {
            buf.clear();
            for c in w.chars() {
                if c == '’' {
                    buf.push('\'');
                } else {
                    buf.extend(c.to_lowercase());
                }
            }
            f(buf.as_bytes());
        }
    }
}

/// `[A-Za-z0-9']`, the bytes of an ASCII word.
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'\'';
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_words_are_the_apostrophe_trimmed_runs() {
        for text in ["", "'", "It's 'quoted' DON'T x''y ''", "a,b;c  9am 'n' Z'", "''a''"] {
            let want: Vec<String> = text
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
                .map(|w| w.trim_matches('\'').to_ascii_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            let mut got = Vec::new();
            for_each_word(text, &mut String::new(), |w| {
                got.push(String::from_utf8(w.to_ascii_lowercase()).unwrap())
            });
            assert_eq!(got, want, "{text:?}");
        }
    }

    use super::*;
    use crate::lexicon::Lexicon;

    fn sets() -> Vec<(String, HashSet<String>)> {
        ["nl", "en"]
            .iter()
            .map(|c| {
                let lex = Lexicon::builtin(c).unwrap();
                let set = lex
                    .list("detect.function_words")
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect();
                (c.to_string(), set)
            })
            .collect()
    }

    fn detect_text(texts: &[&str], declared: Option<&str>) -> (String, String) {
        let owned = sets();
        let words: Vec<FunctionWords> = owned.iter().map(|(_, s)| FunctionWords::new(s)).collect();
        let langs: Vec<(&str, &FunctionWords)> = owned.iter().zip(&words).map(|((c, _), w)| (c.as_str(), w)).collect();
        let mut b = Transcript::builder();
        for (i, s) in texts.iter().enumerate() {
            b = b.untimed(if i % 2 == 0 { "A" } else { "B" }, s);
        }
        if let Some(d) = declared {
            b = b.language(d);
        }
        let t = b.build();
        let (i, basis) = detect_with(&t, &langs, "auto");
        (langs[i].0.to_string(), basis)
    }

    /// The overlapping loads pack what a zero-padded copy packs.
    #[test]
    fn packed_equals_padded_copy() {
        let bytes = b"abcdefgh";
        for n in 0..=8 {
            let mut a = [0u8; 8];
            a[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(packed(&bytes[..n]), u64::from_le_bytes(a), "{n}");
        }
    }

    /// The packed lowercasing changes exactly the bytes A-Z, whatever the
    /// other bytes are.
    #[test]
    fn packed_lowercase_touches_only_ascii_capitals() {
        for b in 0..=255u8 {
            for other in [0u8, b'A', b'z', 0x7f, 0x80, 0xc3, 0xff] {
                let x = u64::from_le_bytes([b, other, b, 0x5a, other, 0x40, b, 0x5b]);
                let want = u64::from_le_bytes(x.to_le_bytes().map(|c| c.to_ascii_lowercase()));
                assert_eq!(ascii_lower_u64(x), want, "{b:#x} {other:#x}");
            }
        }
    }

    /// The bucketed look-up answers what the hash set of lowercased words
    /// answered, capitals, accents, curly apostrophes and odd entries included.
    #[test]
    fn bucket_lookup_matches_the_set() {
        let mut set: HashSet<String> = [
            "a",
            "it's",
            "oké",
            "één",
            "don't",
            "ß",
            "i̇",
            "Upper",
            "",
            "zzzzzzzzzzzz",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        set.extend(sets().into_iter().flat_map(|(_, s)| s));
        let fw = FunctionWords::new(&set);
        for text in [
            "A it's IT'S It’s OKÉ oké Oké één ÉÉN Don’t DON'T ß SS upper Upper UPPER",
            "İ i̇ I zzzzzzzzzzzz ZZZZZZZZZZZZ zzzzzzzzzzzzz ''a'' b",
            "Ja, goeiemiddag, u spreekt met Jeroen. Heeft u even? THE The the",
        ] {
            let mut n = 0;
            for_each_word(text, &mut String::new(), |w| {
                let key = String::from_utf8(w.to_ascii_lowercase()).unwrap();
                assert_eq!(fw.contains_folded(w), set.contains(&key), "{key:?} in {text:?}");
                n += 1;
            });
            assert!(n > 5);
        }
    }

    #[test]
    fn lists_do_not_overlap() {
        let s = sets();
        let both: Vec<&String> = s[0].1.intersection(&s[1].1).collect();
        assert!(both.is_empty(), "{both:?}");
    }

    #[test]
    fn dutch_and_english() {
        assert_eq!(
            detect_text(
                &["Met Tom.", "Ja, goeiemiddag, u spreekt met Jeroen. Heeft u even?"],
                None
            )
            .0,
            "nl"
        );
        assert_eq!(
            detect_text(
                &["Hello?", "Hi there, is that Helen? I'm calling from Brightwater."],
                None
            )
            .0,
            "en"
        );
        // English loanwords and fillers in Dutch do not tip it.
        assert_eq!(
            detect_text(
                &["Oké, uh, we hebben een meeting is het niet?", "Ja, even kijken."],
                None
            )
            .0,
            "nl"
        );
        // Curly apostrophes count.
        assert_eq!(detect_text(&["I don’t know, it’s fine."], None).0, "en");
    }

    #[test]
    fn declared_language_is_the_fallback() {
        let (l, basis) = detect_text(&["Hm.", "Mm."], Some("en_uk"));
        assert_eq!(l, "en");
        assert!(basis.starts_with("declared"), "{basis}");
        let (l, basis) = detect_text(&["Ja, dat is het niet, maar wel goed."], Some("eng"));
        assert_eq!(l, "nl");
        assert!(basis.starts_with("function words"), "{basis}");
        let (l, basis) = detect_text(&["Hm."], None);
        assert_eq!(l, "en");
        assert!(basis.starts_with("default"), "{basis}");
    }

    #[test]
    fn codes() {
        assert_eq!(normalise_code("en_uk"), "en");
        assert_eq!(normalise_code("nl-NL"), "nl");
        assert_eq!(normalise_code("nld"), "nl");
        assert_eq!(normalise_code("English"), "en");
    }
}
