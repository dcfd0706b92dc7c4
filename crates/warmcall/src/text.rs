//! Small text helpers shared by parsers and metrics.

use unicode_segmentation::UnicodeSegmentation;

/// Counts words the way every metric does: Unicode words (UAX #29), with an
/// ASCII fast path, so "it's" is one word and "—" is none.
pub fn word_count(text: &str) -> usize {
    // On ASCII a word is a run of [A-Za-z0-9_] joined across single
    // apostrophes, dots and commas followed by a letter or digit (it's, 3.5,
    // 1,000). A word starts at a word byte unless the byte before is a word
    // byte, or a joiner between a word byte and a letter or digit. That test
    // looks only at the two bytes before, so eight bytes are classified and
    // tested at once in a `u64` (one flag per byte, in its high bit), the
    // last two bytes' flags carried to the next eight. Any non-ASCII byte
    // hands the text to the Unicode segmenter.
    let b = text.as_bytes();
    let (mut n, mut seen) = (0usize, 0u64);
    let (mut prev_word, mut prev_joiner) = (0u64, 0u64);
    let mut chunks = b.chunks_exact(8);
    let mut step = |x: u64| {
        let c = Swar::classify(x);
        seen |= c.non_ascii;
        let w1 = c.word << 8 | prev_word >> 56;
        let w2 = c.word << 16 | prev_word >> 48;
        let j1 = c.joiner << 8 | prev_joiner >> 56;
        let start = c.word & !(w1 | (j1 & w2 & c.alnum));
        n += start.count_ones() as usize;
        (prev_word, prev_joiner) = (c.word, c.joiner);
    };
    for c in &mut chunks {
        step(u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Zero bytes after the text start no word and end none.
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        step(u64::from_le_bytes(last));
    }
    if seen == 0 {
        n
    } else {
        text.unicode_words().count()
    }
}

/// The byte classes of [`word_count`]'s ASCII path for eight bytes, each as
/// the high bit of its byte.
struct Swar {
    word: u64,
    alnum: u64,
    joiner: u64,
    non_ascii: u64,
}

impl Swar {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = !Self::HIGH;

    #[inline]
    fn classify(x: u64) -> Swar {
        let ascii = !x & Self::HIGH;
        let low7 = x & Self::LOW7;
        // Per byte, without carries (low7 <= 0x7f): the high bit of
        // low7 + 0x80 - c is set exactly when low7 >= c.
        let ge = |c: u8| (low7 + Self::ONES * u64::from(0x80 - c)) & Self::HIGH;
        let range = |a: u8, z: u8| ge(a) & !ge(z + 1);
        // Exact byte equality: a zero byte of x ^ c, found without carries.
        let eq = |c: u8| {
            let y = x ^ (Self::ONES * u64::from(c));
            !(((y & Self::LOW7) + Self::LOW7) | y) & Self::HIGH
        };
        let alnum = (range(b'0', b'9') | range(b'A', b'Z') | range(b'a', b'z')) & ascii;
        Swar {
            word: alnum | eq(b'_'),
            alnum,
            joiner: eq(b'\'') | eq(b'.') | eq(b','),
            non_ascii: x & Self::HIGH,
        }
    }
}

/// Iterates the Unicode words of `text`, lowercased.
pub fn words_lower(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words().map(|w| w.to_lowercase())
}

/// Splits text into sentences (UAX #29), trimmed, with their byte offsets;
/// empty sentences are skipped. Every stage that reasons per sentence
/// (questions, pushes, signals) uses this one splitter so they agree.
///
/// Text made only of ASCII, Latin-1, Latin Extended-A and common general
/// punctuation (the Dutch and English of sales calls) takes a hand-written
/// implementation of the UAX #29 sentence rules over those characters, which
/// gives the same boundaries as `unicode-segmentation` (tested against it on
/// generated strings and every eval transcript) several times faster; any
/// other character hands the whole text to `unicode-segmentation`.
pub fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let fast = text.is_ascii() || text.chars().all(|c| sb_class(c).is_some());
    let (fast_it, slow_it) = if fast {
        (Some(FastSentences { text, pos: 0 }), None)
    } else {
        (None, Some(text.split_sentence_bound_indices()))
    };
    fast_it
        .into_iter()
        .flatten()
        .chain(slow_it.into_iter().flatten())
        .filter_map(|(i, s)| {
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            (!t.is_empty()).then_some((i + lead, t))
        })
}

/// UAX #29 Sentence_Break classes that occur in the fast path's characters
/// (no OLetter, Sep, Extend or Format: texts holding those go the slow way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sb {
    Other,
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
}

/// The Sentence_Break class of `c` (values as in unicode-segmentation's
/// tables), or `None` outside the fast path's repertoire.
fn sb_class(c: char) -> Option<Sb> {
    use Sb::*;
    Some(match c {
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Sp,
        '\n' => Lf,
        '\r' => Cr,
        '!' | '?' | '\u{203c}' | '\u{203d}' => STerm,
        '.' | '\u{2024}' => ATerm,
        '"'
        | '\''
        | '('
        | ')'
        | '['
        | ']'
        | '{'
        | '}'
        | '\u{ab}'
        | '\u{bb}'
        | '\u{2018}'..='\u{201f}'
        | '\u{2039}'
        | '\u{203a}' => Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => SContinue,
        '0'..='9' => Numeric,
        'a'..='z' | '\u{aa}' | '\u{b5}' | '\u{ba}' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Lower,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Upper,
        // Latin Extended-A: every character is a cased letter.
        '\u{100}'..='\u{17f}' => {
            if c.is_lowercase() {
                Lower
            } else {
                Upper
            }
        }
        '\u{0}'..='\u{7f}'
        | '\u{a1}'..='\u{ac}'
        | '\u{ae}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{203f}'
        | '\u{20ac}' => Other,
        _ => return None,
    })
}

/// Class and byte length of the character at byte `i` (a char boundary,
/// inside the fast path's repertoire).
#[inline]
fn sb_at(text: &str, i: usize) -> (Sb, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (ASCII_SB[b as usize], 1);
    }
    let c = text[i..].chars().next().expect("char boundary");
    (sb_class(c).unwrap_or(Sb::Other), c.len_utf8())
}

const ASCII_SB: [Sb; 128] = {
    let mut t = [Sb::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = match i as u8 {
            b'\t' | 0x0b | 0x0c | b' ' => Sb::Sp,
            b'\n' => Sb::Lf,
            b'\r' => Sb::Cr,
            b'!' | b'?' => Sb::STerm,
            b'.' => Sb::ATerm,
            b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sb::Close,
            b',' | b'-' | b':' | b';' => Sb::SContinue,
            b'0'..=b'9' => Sb::Numeric,
            b'a'..=b'z' => Sb::Lower,
            b'A'..=b'Z' => Sb::Upper,
            _ => Sb::Other,
        };
        i += 1;
    }
    t
};

/// Sentences of a text whose every character [`sb_class`] knows.
struct FastSentences<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for FastSentences<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        self.pos = sentence_end(self.text, start);
        Some((start, &self.text[start..self.pos]))
    }
}

/// End (exclusive) of the sentence starting at byte `start`: the UAX #29
/// rules SB3-SB11 over the classes of [`Sb`].
fn sentence_end(text: &str, start: usize) -> usize {
    use Sb::*;
    let n = text.len();
    let after_para = |i: usize, c: Sb, len: usize| {
        // SB3: CR × LF; SB4: break after a paragraph separator.
        let j = i + len;
        if c == Cr && text.as_bytes().get(j) == Some(&b'\n') {
            j + 1
        } else {
            j
        }
    };
    let mut prev = text[..start].chars().next_back().map(|c| sb_class(c).unwrap_or(Other));
    let mut i = start;
    while i < n {
        let (c, len) = sb_at(text, i);
        match c {
            Cr | Lf => return after_para(i, c, len),
            ATerm | STerm => {
                let mut j = i + len;
                let next = (j < n).then(|| sb_at(text, j).0);
                // SB6: ATerm × Numeric; SB7: (Upper | Lower) ATerm × Upper.
                if c == ATerm && (next == Some(Numeric) || (matches!(prev, Some(Upper | Lower)) && next == Some(Upper)))
                {
                    prev = Some(c);
                    i = j;
                    continue;
                }
                // SB9, SB10: no break inside SATerm Close* Sp*.
                let mut last = c;
                while j < n {
                    let (k, l) = sb_at(text, j);
                    if k != Close {
                        break;
                    }
                    j += l;
                    last = k;
                }
                while j < n {
                    let (k, l) = sb_at(text, j);
                    if k != Sp {
                        break;
                    }
                    j += l;
                    last = k;
                }
                if j >= n {
                    return n;
                }
                let (k, l) = sb_at(text, j);
                match k {
                    // SB11 with its optional ParaSep.
                    Cr | Lf => return after_para(j, k, l),
                    // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
                    SContinue | ATerm | STerm => {
                        prev = Some(last);
                        i = j;
                        continue;
                    }
                    _ => {}
                }
                // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
                if c == ATerm && lower_follows(text, j) {
                    prev = Some(last);
                    i = j;
                    continue;
                }
                return j;
            }
            _ => {
                prev = Some(c);
                i += len;
                // Only terminators and paragraph separators stop a sentence,
                // and only the class of the character before one matters:
                // plain ASCII runs are skipped a byte at a time.
                let run = i;
                i = skip_plain(text.as_bytes(), i);
                if i > run {
                    prev = Some(ASCII_SB[usize::from(text.as_bytes()[i - 1])]);
                }
            }
        }
    }
    n
}

/// ASCII bytes whose class is neither a terminator nor a paragraph separator.
const ASCII_PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 128 {
        t[i] = !matches!(ASCII_SB[i], Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm);
        i += 1;
    }
    t
};

/// The first byte from `i` on that is not [`ASCII_PLAIN`] (or the end):
/// eight bytes per step, testing for a high bit or one of the five stop
/// bytes at once; sentences run for dozens of bytes between stops.
fn skip_plain(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = !HIGH;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // Exact per-byte equality: a zero byte of x ^ c, without carries.
        let eq = |c: u8| {
            let y = x ^ (ONES * u64::from(c));
            !(((y & LOW7) + LOW7) | y) & HIGH
        };
        let stop = (x & HIGH) | eq(b'\r') | eq(b'\n') | eq(b'.') | eq(b'!') | eq(b'?');
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && ASCII_PLAIN[usize::from(b[i])] {
        i += 1;
    }
    i
}

/// Whether a Lower comes before any Upper, paragraph separator or
/// terminator from byte `j` on (the look-ahead of SB8).
fn lower_follows(text: &str, mut j: usize) -> bool {
    while j < text.len() {
        let (k, l) = sb_at(text, j);
        match k {
            Sb::Lower => return true,
            Sb::Upper | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm => return false,
            _ => j += l,
        }
    }
    false
}

/// The byte range `part` takes within `whole`, where `part` is a slice of
/// `whole` (a line of a text, a label in a cue): lets a caller keep a range
/// instead of a borrow, or join neighbouring slices, without searching.
pub(crate) fn range_in(whole: &str, part: &str) -> std::ops::Range<usize> {
    let start = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    assert!(
        start <= whole.len() && part.len() <= whole.len() - start,
        "range_in: not a slice of the text"
    );
    start..start + part.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_in_locates_slices() {
        let whole = "caf\u{e9} line\nnext";
        for (from, to) in [(0, 0), (0, 5), (3, 10), (11, 15), (15, 15)] {
            assert_eq!(range_in(whole, &whole[from..to]), from..to);
        }
        let lines: Vec<&str> = whole.lines().collect();
        assert_eq!(range_in(whole, lines[1]), 11..15);
    }

    #[test]
    #[should_panic(expected = "not a slice")]
    fn range_in_refuses_other_text() {
        let other = String::from("elsewhere");
        range_in("some text", &other);
    }

    // The byte classes of the byte-at-a-time loop, kept to check the
    // eight-byte one. Bit positions matter: the loop shifts the joiner and
    // letter-or-digit bits onto the word bit.
    const WC_WORD: u8 = 1;
    const WC_ALNUM: u8 = 2;
    const WC_JOINER: u8 = 4;
    const WC_NON_ASCII: u8 = 8;

    /// Byte classes of the byte-at-a-time loop.
    const WC_CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut i = 0;
        while i < 256 {
            let c = i as u8;
            t[i] = if c.is_ascii_alphanumeric() {
                WC_WORD | WC_ALNUM
            } else if c == b'_' {
                WC_WORD
            } else if c == b'\'' || c == b'.' || c == b',' {
                WC_JOINER
            } else if c.is_ascii() {
                0
            } else {
                WC_NON_ASCII
            };
            i += 1;
        }
        t
    };

    /// The byte-at-a-time loop [`word_count`] had before it classified
    /// eight bytes at once.
    fn word_count_bytewise(text: &str) -> usize {
        let mut n = 0usize;
        let mut seen = 0u8;
        let (mut k1, mut k2) = (0u8, 0u8);
        for &c in text.as_bytes() {
            let k = WC_CLASS[usize::from(c)];
            seen |= k;
            let start = k & !(k1 | ((k1 >> 2) & k2 & (k >> 1))) & WC_WORD;
            n += usize::from(start);
            (k2, k1) = (k1, k);
        }
        if seen & WC_NON_ASCII == 0 {
            n
        } else {
            text.unicode_words().count()
        }
    }

    /// Every string of up to four word bytes, joiners and others, after
    /// every prefix of up to nine bytes (so across each position of the
    /// eight-byte step), counts as the byte-at-a-time loop counts; so do
    /// long generated strings.
    #[test]
    fn eight_bytes_at_once_matches_the_bytewise_loop() {
        let alphabet = [b'a', b'Z', b'7', b'_', b'\'', b'.', b',', b' ', b'-', 0x7f];
        let prefix = "b'.c,_ 9x";
        for p in 0..=prefix.len() {
            for len in 0..=4 {
                crate::test_support::every_string(&alphabet, len, |tail| {
                    let s: String = prefix[..p].chars().chain(tail.iter().map(|&b| char::from(b))).collect();
                    assert_eq!(word_count(&s), word_count_bytewise(&s), "{s:?}");
                });
            }
        }
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..300 {
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(alphabet[(seed % alphabet.len() as u64) as usize])
                })
                .collect();
            assert_eq!(word_count(&s), word_count_bytewise(&s), "{s:?}");
            for c in [b'\0', b'\t', b'@', b'`', b'[', b'{', b'/', b':', 0x7f] {
                let t = format!("{s}{}{s}", char::from(c));
                assert_eq!(word_count(&t), word_count_bytewise(&t), "{t:?}");
            }
        }
        for s in ["caf\u{e9} it's", "x\u{2014}y", "\u{80}", "ab\u{ff}"] {
            assert_eq!(word_count(s), word_count_bytewise(s), "{s:?}");
        }
    }

    /// Every ASCII byte has the class of the byte table.
    #[test]
    fn swar_classes_match_the_byte_table() {
        for c in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', c, 0, c, 0xff, c, b' ', c]);
            let k = Swar::classify(x);
            let bit = |m: u64| m >> 15 & 1 == 1;
            let t = WC_CLASS[usize::from(c)];
            assert_eq!(bit(k.word), t & WC_WORD != 0, "{c:#x}");
            assert_eq!(bit(k.alnum), t & WC_ALNUM != 0, "{c:#x}");
            assert_eq!(bit(k.joiner), t & WC_JOINER != 0, "{c:#x}");
            assert_eq!(bit(k.non_ascii), t & WC_NON_ASCII != 0, "{c:#x}");
        }
    }

    /// The byte loop [`word_count`] had before it carried byte classes.
    fn word_count_stateful(text: &str) -> usize {
        if !text.is_ascii() {
            return text.unicode_words().count();
        }
        let mut n = 0;
        let mut in_word = false;
        let b = text.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            let is_word = c.is_ascii_alphanumeric()
                || c == b'_'
                || ((c == b'\'' || c == b'.' || c == b',')
                    && in_word
                    && b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric()));
            if is_word && !in_word {
                n += 1;
            }
            in_word = is_word;
        }
        n
    }

    /// Every string of up to five characters over word bytes, joiners and
    /// others (and one non-ASCII letter) counts as the stateful loop counts.
    #[test]
    fn word_count_matches_the_stateful_loop_exhaustively() {
        let alphabet = ['a', 'Z', '7', '_', '\'', '.', ',', ' ', '-', '\u{e9}'];
        for len in 0..=5 {
            crate::test_support::every_string(&alphabet, len, |cs| {
                let s: String = cs.iter().collect();
                assert_eq!(word_count(&s), word_count_stateful(&s), "{s:?}");
            });
        }
    }

    /// The eight-byte skip stops where the byte loop stops: every byte as
    /// the stop at every offset of a longer plain run, and generated text.
    #[test]
    fn skip_plain_matches_the_byte_loop() {
        let bytewise = |b: &[u8], mut i: usize| {
            while i < b.len() && ASCII_PLAIN[usize::from(b[i])] {
                i += 1;
            }
            i
        };
        for c in 0..=255u8 {
            for at in 0..20 {
                let mut b = vec![b'a'; 24];
                b[at] = c;
                for from in 0..=at {
                    assert_eq!(skip_plain(&b, from), bytewise(&b, from), "{c:#x} at {at} from {from}");
                }
            }
        }
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let alphabet = b"ab .!?\r\n,'\x80\xc3z";
        for len in 0..200 {
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            for from in 0..=b.len() {
                assert_eq!(skip_plain(&b, from), bytewise(&b, from), "{b:?} from {from}");
            }
        }
    }

    #[test]
    fn ascii_fast_path_matches_unicode_words() {
        for s in [
            "Hello, it's me.",
            "  3.5 million -- no way  ",
            "U_S a-b c'd e.f, 1,000",
            "",
            "...",
            "Ja. Hm? Oké!",
        ] {
            assert_eq!(word_count(s), s.unicode_words().count(), "{s:?}");
        }
    }
}
