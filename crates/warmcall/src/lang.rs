//! Language detection: counts each lexicon's function words (`[detect]`
//! lists, chosen not to overlap between languages) over the whole transcript.
//! The language the source declares (Whisper, AssemblyAI, CHAT) decides only
//! when the words do not: no text, a tie, or fewer than
//! [`MIN_EVIDENCE`] function words for the winner.

use std::collections::HashSet;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::{ascii_lower_u64, packed_u64};
use crate::Transcript;

/// The winner needs at least this many function words to overrule a
/// declared language.
pub(crate) const MIN_EVIDENCE: usize = 3;

/// Every language's function words in one table, bucketed by first byte
/// and length: detection looks up every word of every transcript, and most
/// words fall in an empty bucket, or one of a single entry, which costs far
/// less than hashing them. Words of up to eight bytes are compared as one
/// `u64`. Each entry carries a bit per language that lists it, so a word
/// takes one look-up whatever the number of languages.
#[derive(Debug)]
pub(crate) struct FunctionWords {
    /// The words, sorted by bucket, each once.
    words: Vec<Box<str>>,
    /// `packed_u64(word)` of each word (0 for words over eight bytes).
    keys: Vec<u64>,
    /// Bit `i` of `masks[j]`: `words[j]` is a function word of language `i`.
    masks: Vec<u64>,
    /// `words[start[k]..start[k + 1]]` are bucket `k`'s words, with
    /// `k = first byte * (max_len + 1) + length`.
    start: Box<[u32]>,
    /// The longest word, in bytes.
    max_len: usize,
    /// The words of up to eight bytes again, in an open-addressing table
    /// keyed by `packed_u64(word)`: most words looked up are that short, and a
    /// multiply and one slot (rarely two) answer them, where the bucket
    /// needs its bounds loaded and a scan.
    short: Box<[Slot]>,
    /// `64 - log2(short.len())`: the hash is the top bits of a multiply.
    short_shift: u32,
}

/// One slot of [`FunctionWords::short`]; `mask == 0` marks it empty (every
/// entry is some language's word).
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    len: u64,
    mask: u64,
}

const SLOT_HASH_K: u64 = 0x9e37_79b9_7f4a_7c15;

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
            ascii_lower_u64(packed_u64(word))
        } else {
            0
        };
        Probe { word, key }
    }
}

impl FunctionWords {
    /// Most languages one table can hold (a bit each).
    pub(crate) const MAX_LANGS: usize = 64;

    /// One language's words: bit 0.
    #[cfg(test)]
    pub(crate) fn new(set: &HashSet<String>) -> FunctionWords {
        FunctionWords::combined(&[set])
    }

    /// The entries of `sets`, entry `i` as language `i` (at most
    /// [`FunctionWords::MAX_LANGS`]). Words are looked up lowercased, so an
    /// entry with an ASCII capital could never match and is left out.
    pub(crate) fn combined(sets: &[&HashSet<String>]) -> FunctionWords {
        assert!(sets.len() <= Self::MAX_LANGS, "too many languages for one table");
        let mut merged: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
        for (i, set) in sets.iter().enumerate() {
            for w in set.iter() {
                if !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
                    *merged.entry(w.as_str()).or_insert(0) |= 1 << i;
                }
            }
        }
        let max_len = merged.keys().map(|w| w.len()).max().unwrap_or(0);
        let bucket = |w: &[u8]| usize::from(w[0]) * (max_len + 1) + w.len();
        let mut entries: Vec<(&str, u64)> = merged.into_iter().collect();
        entries.sort_by_key(|(w, _)| bucket(w.as_bytes()));
        let words: Vec<Box<str>> = entries.iter().map(|(w, _)| (*w).into()).collect();
        let masks: Vec<u64> = entries.iter().map(|&(_, m)| m).collect();
        let keys: Vec<u64> = words
            .iter()
            .map(|w| if w.len() <= 8 { packed_u64(w.as_bytes()) } else { 0 })
            .collect();
        let start = (0..=256 * (max_len + 1))
            .map(|k| words.partition_point(|w| bucket(w.as_bytes()) < k) as u32)
            .collect();
        let n_short = words.iter().filter(|w| w.len() <= 8).count();
        // At most a quarter full: a miss, the common case, stops at the
        // first or second slot.
        let size = (4 * n_short).next_power_of_two().max(16);
        let short_shift = 64 - size.trailing_zeros();
        let mut short = vec![Slot::default(); size].into_boxed_slice();
        for (i, w) in words.iter().enumerate().filter(|(_, w)| w.len() <= 8) {
            let key = keys[i];
            let mut h = (key.wrapping_mul(SLOT_HASH_K) >> short_shift) as usize;
            while short[h].mask != 0 {
                h = (h + 1) & (size - 1);
            }
            short[h] = Slot {
                key,
                len: w.len() as u64,
                mask: masks[i],
            };
        }
        FunctionWords {
            words,
            keys,
            masks,
            start,
            max_len,
            short,
            short_shift,
        }
    }

    /// The languages (bit `i` for language `i`) whose function words hold
    /// the probed word lowercased; 0 for none.
    #[inline]
    fn lookup(&self, p: &Probe<'_>) -> u64 {
        let n = p.word.len();
        if (1..=8).contains(&n) {
            let mut h = (p.key.wrapping_mul(SLOT_HASH_K) >> self.short_shift) as usize;
            loop {
                let s = self.short[h];
                if s.mask == 0 {
                    return 0;
                }
                if s.key == p.key && s.len == n as u64 {
                    return s.mask;
                }
                h = (h + 1) & (self.short.len() - 1);
            }
        }
        self.lookup_bucket(p)
    }

    /// [`FunctionWords::lookup`] through the buckets, for any length (the
    /// tests compare it with the table of short words).
    #[inline]
    fn lookup_bucket(&self, p: &Probe<'_>) -> u64 {
        let w = p.word;
        let Some(&b) = w.first() else {
            return 0;
        };
        if w.len() > self.max_len {
            return 0;
        }
        let k = usize::from(b.to_ascii_lowercase()) * (self.max_len + 1) + w.len();
        let (lo, hi) = (self.start[k] as usize, self.start[k + 1] as usize);
        // Entries are unique, so at most one matches.
        let at = if w.len() <= 8 {
            // Same bucket, so same length: equal keys are equal words.
            self.keys[lo..hi].iter().position(|&k| k == p.key)
        } else {
            self.words[lo..hi]
                .iter()
                .position(|e| e.as_bytes().eq_ignore_ascii_case(w))
        };
        at.map_or(0, |j| self.masks[lo + j])
    }

    /// Whether language `lang` lists `w` lowercased, for the tests.
    #[cfg(test)]
    fn contains_folded(&self, w: &[u8], lang: usize) -> bool {
        let p = Probe::new(w);
        assert_eq!(
            self.lookup(&p),
            self.lookup_bucket(&p),
            "{:?}",
            String::from_utf8_lossy(w)
        );
        self.lookup(&p) & (1 << lang) != 0
    }
}

/// The language detector of an analyzer: the codes of its languages and
/// their function words in one table, built once.
#[derive(Debug)]
pub(crate) struct Detector {
    codes: Vec<String>,
    words: FunctionWords,
}

impl Detector {
    /// A detector over `(code, function words)` pairs, in the analyzer's
    /// language order.
    pub(crate) fn new(langs: &[(&str, &HashSet<String>)]) -> Detector {
        let sets: Vec<&HashSet<String>> = langs.iter().map(|&(_, s)| s).collect();
        Detector {
            codes: langs.iter().map(|&(c, _)| c.to_string()).collect(),
            words: FunctionWords::combined(&sets),
        }
    }
}

/// The language chosen for a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Choice {
    /// The analyzer's language at this index.
    Model(usize),
    /// A language without a lexicon (`fr`, or `und` when the words match
    /// no lexicon and the source declares nothing): its judgments are not
    /// made rather than made with another language's rules.
    Unsupported(String),
}

/// Below this many words, a low share of function words says little (a
/// pangram, a few headings): detection decides as it always has.
pub(crate) const MIN_WORDS_TO_REFUSE: usize = 100;

/// The share of a transcript's words that the winning language's function
/// words must reach for the text to count as that language. Dutch and
/// English calls, captions and chats of 100 words or more run from 30 % up
/// (the lowest of the eval and realdata sets is 32 %); French film
/// captions score 7.6 % on the Dutch list (`de`, `en`, `a` are French too).
pub(crate) const MIN_SHARE: f64 = 0.15;

/// The share the function words need to overrule a source that declares a
/// language without a lexicon. Higher than [`MIN_SHARE`], as a declaration
/// is evidence too and short texts are noisy: four French lines score 15 %
/// on the Dutch list (`je`, `de`), while Dutch and English calls score 30 %
/// and more.
pub(crate) const MIN_SHARE_AGAINST_DECLARED: f64 = 0.25;

/// Picks the language model to use, or finds that the transcript is in a
/// language without one, and says why. `choice` is `auto` or a code.
pub(crate) fn detect(t: &Transcript, d: &Detector, choice: &str) -> (Choice, String) {
    let langs: Vec<&str> = d.codes.iter().map(String::as_str).collect();
    if choice != "auto" {
        if let Some(i) = langs.iter().position(|l| *l == choice) {
            return (Choice::Model(i), "explicit".to_string());
        }
    }
    let (counts, total) = count(t, &langs, &d.words);
    let summary = summary(&langs, &counts);
    let best = counts.iter().copied().max().unwrap_or(0);
    let dominant = best >= MIN_EVIDENCE && best as f64 >= MIN_SHARE * total as f64;
    let declared = t.language.as_deref().map(|l| (l, normalise_code(l)));
    let declared_unknown = declared.as_ref().filter(|(_, code)| !langs.contains(&code.as_str()));
    if let Some((raw, code)) = declared_unknown {
        if !(dominant && best as f64 >= MIN_SHARE_AGAINST_DECLARED * total as f64) {
            return (
                Choice::Unsupported(code.clone()),
                format!(
                    "declared by the source ({raw}), which has no lexicon; the function words do not make it {} ({summary} of {total} words)",
                    langs.join(" or ")
                ),
            );
        }
    }
    if total >= MIN_WORDS_TO_REFUSE && !dominant {
        return (
            Choice::Unsupported("und".to_string()),
            format!(
                "undetermined: function words ({summary}) of {total} words; no lexicon's words reach {:.0} % of them",
                MIN_SHARE * 100.0
            ),
        );
    }
    let (i, mut basis) = decide(t, &langs, &counts, total, &summary);
    if let Some((raw, _)) = declared_unknown {
        basis.push_str(&format!("; the source declares {raw}, which the words overrule"));
    }
    (Choice::Model(i), basis)
}

fn summary(langs: &[&str], counts: &[usize]) -> String {
    langs
        .iter()
        .zip(counts)
        .map(|(l, c)| format!("{l} {c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Each language's function words in `t`, and all its words.
fn count(t: &Transcript, langs: &[&str], words: &FunctionWords) -> (Vec<usize>, usize) {
    let mut counts = vec![0usize; langs.len()];
    let mut total = 0usize;
    let mut buf = String::new();
    let count = |w: &[u8], total: &mut usize, counts: &mut [usize]| {
        *total += 1;
        let mut m = words.lookup(&Probe::new(w));
        while m != 0 {
            counts[m.trailing_zeros() as usize] += 1;
            m &= m - 1;
        }
    };
    let mut saved = vec![0usize; langs.len()];
    for seg in &t.segments {
        // The byte scan gives up at the first non-ASCII byte; the segment's
        // counts are then undone and it is read again as Unicode words.
        let total_before = total;
        saved.copy_from_slice(&counts);
        if !ascii_words(&seg.text, |w| count(w, &mut total, &mut counts)) {
            total = total_before;
            counts.copy_from_slice(&saved);
            unicode_words(&seg.text, &mut buf, |w| count(w, &mut total, &mut counts));
        }
    }
    (counts, total)
}

/// The language among `langs` from the counts: the winner when it has
/// [`MIN_EVIDENCE`] and no tie, else the declared language, else English on
/// no evidence at all, else the winner on weak evidence.
fn decide(t: &Transcript, langs: &[&str], counts: &[usize], total: usize, summary: &str) -> (usize, String) {
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
        if let Some(i) = langs.iter().position(|l| *l == code) {
            return (
                i,
                format!("declared by the source ({declared}); too few function words to decide ({summary})"),
            );
        }
    }
    if counts.iter().all(|&c| c == 0) {
        let i = langs.iter().position(|l| *l == "en").unwrap_or(0);
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
        "fra" | "fre" | "french" => "fr".into(),
        "spa" | "spanish" => "es".into(),
        "deu" | "ger" | "german" => "de".into(),
        other => other
            .split(['-', '_'])
            .next()
            .and_then(|c| c.get(..2))
            .unwrap_or(other)
            .to_string(),
    }
}

/// Calls `f` with each word of an ASCII `text`, ASCII capitals kept (which
/// [`FunctionWords::lookup`] folds): runs of `[A-Za-z0-9']` with the
/// apostrophes at their ends trimmed. Returns false, having stopped, at the
/// first non-ASCII byte: such text takes [`unicode_words`] instead. Checking
/// for that byte inside the scan (only where a word ends) spares a separate
/// pass over every segment.
fn ascii_words(text: &str, mut f: impl FnMut(&[u8])) -> bool {
    let b = text.as_bytes();
    let is_w = |c: u8| WORD_BYTE[usize::from(c)];
    let mut i = 0;
    while i < b.len() {
        if !is_w(b[i]) {
            if b[i] >= 0x80 {
                return false;
            }
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
    true
}

/// Calls `f` with each Unicode word of `text`, lowercased, curly apostrophes
/// made straight (`don’t` → `don't`).
fn unicode_words(text: &str, buf: &mut String, mut f: impl FnMut(&[u8])) {
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

/// The words [`detect`] counts in `text`: [`ascii_words`] when it is ASCII,
/// else [`unicode_words`].
#[cfg(test)]
fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&[u8])) {
    if text.is_ascii() {
        assert!(ascii_words(text, &mut f));
    } else {
        unicode_words(text, buf, f);
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
        let pairs: Vec<(&str, &HashSet<String>)> = owned.iter().map(|(c, s)| (c.as_str(), s)).collect();
        let d = Detector::new(&pairs);
        let mut b = Transcript::builder();
        for (i, s) in texts.iter().enumerate() {
            b = b.untimed(if i % 2 == 0 { "A" } else { "B" }, s);
        }
        if let Some(d) = declared {
            b = b.language(d);
        }
        let t = b.build();
        let (choice, basis) = detect(&t, &d, "auto");
        let Choice::Model(i) = choice else {
            panic!("{texts:?}: {choice:?} {basis}")
        };
        assert_eq!((i, basis.clone()), reference_detect(&t, &pairs), "{texts:?}");
        (pairs[i].0.to_string(), basis)
    }

    /// Detection as it was before the combined table: every word looked up
    /// in each language's hash set, ASCII checked before the scan.
    fn reference_detect(t: &Transcript, langs: &[(&str, &HashSet<String>)]) -> (usize, String) {
        let mut counts = vec![0usize; langs.len()];
        let mut total = 0usize;
        for seg in &t.segments {
            let words: Vec<String> = if seg.text.is_ascii() {
                seg.text
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
                    .map(|w| w.trim_matches('\'').to_ascii_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect()
            } else {
                seg.text
                    .unicode_words()
                    .map(|w| w.chars().map(|c| if c == '’' { '\'' } else { c }).collect::<String>())
                    .map(|w| w.to_lowercase())
                    .collect()
            };
            for w in words {
                total += 1;
                for ((_, set), c) in langs.iter().zip(counts.iter_mut()) {
                    if set.contains(&w) {
                        *c += 1;
                    }
                }
            }
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
        if !tie && counts.get(best).copied().unwrap_or(0) >= MIN_EVIDENCE {
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

    /// The combined table gives each word the languages whose sets hold it,
    /// overlapping and odd entries included, and detection over it decides
    /// and words its basis as the per-language sets did.
    #[test]
    fn combined_table_matches_the_sets_and_the_old_detection() {
        let mut owned = sets();
        let extra = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<HashSet<String>>();
        owned.push((
            "xx".into(),
            extra(&["de", "the", "één", "it's", "zzzzzzzzzzzz", "Upper", ""]),
        ));
        owned.push(("yy".into(), extra(&["the", "één", "a", "ß", "i̇", "zzzzzzzzzzzz"])));
        let pairs: Vec<(&str, &HashSet<String>)> = owned.iter().map(|(c, s)| (c.as_str(), s)).collect();
        let d = Detector::new(&pairs);
        let texts = [
            "A it's IT'S It’s OKÉ oké Oké één ÉÉN Don’t DON'T ß SS upper Upper UPPER",
            "İ i̇ I zzzzzzzzzzzz ZZZZZZZZZZZZ zzzzzzzzzzzzz ''a'' b the De",
            "Ja, goeiemiddag, u spreekt met Jeroen. Heeft u even? THE The the",
            "Hi there, is that Helen? I'm calling from Brightwater.",
            "café the and de het een, is it?",
            "the de the de café",
            "",
            "Hm.",
        ];
        for text in texts {
            for_each_word(text, &mut String::new(), |w| {
                let key = String::from_utf8(w.to_ascii_lowercase()).unwrap();
                for (i, (_, set)) in pairs.iter().enumerate() {
                    let listed = !key.is_empty() && set.contains(&key) && !key.bytes().any(|b| b.is_ascii_uppercase());
                    assert_eq!(d.words.contains_folded(w, i), listed, "{key:?} lang {i}");
                }
            });
        }
        for a in texts {
            for b in texts {
                for declared in [None, Some("en"), Some("yy"), Some("nld")] {
                    let mut tb = Transcript::builder().untimed("A", a).untimed("B", b).untimed("A", "ok");
                    if let Some(l) = declared {
                        tb = tb.language(l);
                    }
                    let t = tb.build();
                    let (i, basis) = reference_detect(&t, &pairs);
                    assert_eq!(detect(&t, &d, "auto"), (Choice::Model(i), basis), "{a:?} {b:?}");
                }
            }
        }
    }

    /// The open-addressing table of short words answers what the buckets
    /// answer: every listed word in every case, every string of up to three
    /// letters, and longer near misses.
    #[test]
    fn short_word_table_matches_the_buckets() {
        let owned = sets();
        let pairs: Vec<(&str, &HashSet<String>)> = owned.iter().map(|(c, s)| (c.as_str(), s)).collect();
        let d = Detector::new(&pairs);
        let fw = &d.words;
        let check = |w: &str| {
            let p = Probe::new(w.as_bytes());
            assert_eq!(fw.lookup(&p), fw.lookup_bucket(&p), "{w:?}");
            // Every prefix too (bytes: a cut inside a char is a near miss).
            for n in 0..w.len() {
                let p = Probe::new(&w.as_bytes()[..n]);
                assert_eq!(fw.lookup(&p), fw.lookup_bucket(&p), "{w:?} {n}");
            }
        };
        let mut hits = 0;
        for (_, set) in &owned {
            for w in set {
                check(w);
                check(&w.to_uppercase());
                check(&format!("{w}s"));
                hits += usize::from(fw.lookup(&Probe::new(w.as_bytes())) != 0);
            }
        }
        assert!(hits > 50, "{hits}");
        let letters: Vec<char> = ('a'..='z').chain(['\'', '0', 'E']).collect();
        for a in &letters {
            for b in &letters {
                for c in &letters {
                    check(&format!("{a}"));
                    check(&format!("{a}{b}"));
                    check(&format!("{a}{b}{c}"));
                }
            }
        }
    }

    /// The overlapping loads pack what a zero-padded copy packs.
    #[test]
    fn packed_equals_padded_copy() {
        let bytes = b"abcdefgh";
        for n in 0..=8 {
            let mut a = [0u8; 8];
            a[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(packed_u64(&bytes[..n]), u64::from_le_bytes(a), "{n}");
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
                assert_eq!(fw.contains_folded(w, 0), set.contains(&key), "{key:?} in {text:?}");
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
