//! The tokenizer: one pass over a sentence into words, numbers and clock
//! times with their byte spans, a case-folded form and a word id, and the
//! punctuation between them kept as clause and sentence boundaries.
//!
//! Words are runs of letters and digits (`char::is_alphanumeric`); an
//! apostrophe or hyphen between two letters stays inside the word
//! ("don't", "o'clock", "e-mail", "m'n"), and so does a leading apostrophe
//! before one or two letters (Dutch "'s avonds", "'t"; English clitics
//! written apart, "it 's", "you 're"). Letters and digits
//! split ("9am" is `9` + `am`), so a number is always its own token. Single
//! letters joined by dots are one word without the dots ("a.m." is `am`,
//! "e.g." is `eg`). Digits joined by `:`, `.` or `,` are one number; one
//! shaped like a clock time (`10:30`, `9.15`, hour ≤ 24, minutes < 60) is a
//! [`Kind::Clock`].
//!
//! ASCII text takes a byte loop; other text the same rules over `char`s.
//! The two agree on ASCII input (tested), so the fast path is only faster.

use super::vocab::{Vocab, WordId};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A word.
    Word,
    /// A number (digits, maybe joined by `.`, `,` or `:`).
    Number,
    /// A clock-time shape such as `10:30` or `9.15`.
    Clock,
}

/// The token starts a clause: the sentence's first word, or the first after
/// clause punctuation (`, ; : – ( )` and the like).
pub(crate) const CLAUSE_START: u8 = 1;
/// The token is the last of its sentence.
pub(crate) const SENTENCE_END: u8 = 2;
/// The token is the first of its sentence.
pub(crate) const SENTENCE_START: u8 = 4;
/// The token is a word whose first character is upper case in the text
/// ("Sanne", "ACME", "I"): the folded form loses case, and rules about
/// names and company names need it (`#cap`).
pub(crate) const CAPITALISED: u8 = 8;

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte span in the text given to [`Tokenizer::push_sentence`] (plus
    /// its offset).
    pub start: u32,
    /// End of the span (exclusive).
    pub end: u32,
    /// Span of the folded form in [`Tokens::folded`].
    fstart: u32,
    fend: u32,
    /// The word id ([`super::vocab::UNKNOWN`] for words no rule names and
    /// for numbers).
    pub word: WordId,
    /// What it is.
    pub kind: Kind,
    /// [`CLAUSE_START`], [`SENTENCE_START`], [`SENTENCE_END`],
    /// [`CAPITALISED`].
    pub flags: u8,
}

impl Token {
    /// True when a flag is set.
    pub(crate) fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// The tokens of one or more sentences and their folded text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    /// Every token in text order.
    pub toks: Vec<Token>,
    /// The folded forms, back to back.
    folded: String,
}

impl Tokens {
    /// Empty buffers sized for `bytes` of text.
    pub(crate) fn with_capacity(bytes: usize) -> Tokens {
        Tokens {
            toks: Vec::with_capacity(bytes / 4 + 1),
            folded: String::with_capacity(bytes),
        }
    }

    /// `text` tokenized on its own as one sentence, with `vocab`'s ids:
    /// for a sentence that is not part of a call's shared tokens (the
    /// library's one-sentence questions, a push's text, a whole first
    /// segment). Read it with [`Tokens::whole`].
    pub(crate) fn sentence(vocab: &Vocab, text: &str) -> Tokens {
        let mut out = Tokens::default();
        Tokenizer::new(vocab).push_sentence(text, 0, &mut out);
        out
    }

    /// Empties the buffers, keeping their memory: for a caller that builds
    /// a sentence of its own from another's tokens.
    pub(crate) fn clear(&mut self) {
        self.toks.clear();
        self.folded.clear();
    }

    /// Appends token `k` of `v`, its folded form copied, with clause
    /// start flag `clause_start`: a sentence read with some tokens left out
    /// (a spoken repetition) or joined ([`Tokens::join_last`]).
    pub(crate) fn push_from(&mut self, v: &View<'_>, k: usize, clause_start: bool) {
        let at = self.folded.len();
        self.folded.push_str(v.fold(k));
        let mut t = v.toks[k];
        t.fstart = at as u32;
        t.fend = self.folded.len() as u32;
        t.flags = t.flags & !CLAUSE_START | if clause_start { CLAUSE_START } else { 0 };
        self.toks.push(t);
    }

    /// Joins token `k` of `v` to the last token pushed: one word written
    /// in parts ("is n't", "it 's"). Its folded form is the parts' joined,
    /// its id the joined word's in `vocab`, its span runs over both.
    pub(crate) fn join_last(&mut self, vocab: &Vocab, v: &View<'_>, k: usize) {
        let Some(last) = self.toks.last_mut() else {
            return;
        };
        debug_assert_eq!(last.fend as usize, self.folded.len(), "join_last after push_from");
        self.folded.push_str(v.fold(k));
        last.fend = self.folded.len() as u32;
        last.end = v.toks[k].end;
        last.word = vocab.id(&self.folded[last.fstart as usize..]);
        last.flags |= v.toks[k].flags & SENTENCE_END;
    }

    /// Removes the last token pushed (its folded form ends the buffer).
    pub(crate) fn pop(&mut self) {
        if let Some(t) = self.toks.pop() {
            self.folded.truncate(t.fstart as usize);
        }
    }

    /// A view of every token (of a [`Tokens::sentence`]).
    pub(crate) fn whole(&self) -> View<'_> {
        self.view(0..self.toks.len())
    }

    /// The folded form of token `t` (lowercase, apostrophes straightened).
    pub(crate) fn fold(&self, t: &Token) -> &str {
        &self.folded[t.fstart as usize..t.fend as usize]
    }

    /// A view of tokens `range` (one sentence) for the matcher.
    pub(crate) fn view(&self, range: std::ops::Range<usize>) -> View<'_> {
        View {
            toks: &self.toks[range],
            folded: &self.folded,
        }
    }
}

/// The tokens of one sentence, as the matcher reads them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    /// The tokens.
    pub toks: &'a [Token],
    folded: &'a str,
}

impl<'a> View<'a> {
    /// The folded form of token `i`.
    pub(crate) fn fold(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.folded[t.fstart as usize..t.fend as usize]
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when a clause boundary lies just before token `p` (`p` in
    /// `0..=len`): the sentence edge or clause punctuation.
    pub(crate) fn clause_boundary(&self, p: usize) -> bool {
        p == 0 || p == self.toks.len() || self.toks[p].is(CLAUSE_START)
    }

    /// Tokens `range` as a sentence of their own (a clause, say): `^` and
    /// `$` match at its edges.
    pub(crate) fn sub(&self, range: std::ops::Range<usize>) -> View<'a> {
        View {
            toks: &self.toks[range],
            folded: self.folded,
        }
    }

    /// This sentence with the tokens of `spans` (sorted, not overlapping
    /// ranges) left out, as if those words had not been said: the token
    /// after a gap takes over the boundary before it (a sentence or clause
    /// start). `buf` holds the copy. Rules read a sentence this way when a
    /// phrase must not count towards a list ("let's say" is no proposal
    /// form).
    pub(crate) fn without<'b>(&self, spans: &[(usize, usize)], buf: &'b mut Vec<Token>) -> View<'b>
    where
        'a: 'b,
    {
        buf.clear();
        let mut carried = 0u8;
        let mut k = 0;
        for (p, t) in self.toks.iter().enumerate() {
            while k < spans.len() && spans[k].1 <= p {
                k += 1;
            }
            if k < spans.len() && spans[k].0 <= p {
                if p == spans[k].0 {
                    carried |= t.flags & (CLAUSE_START | SENTENCE_START);
                }
                continue;
            }
            let mut t = *t;
            t.flags |= std::mem::take(&mut carried);
            buf.push(t);
        }
        if carried != 0 {
            if let Some(t) = buf.last_mut() {
                t.flags |= SENTENCE_END;
            }
        }
        View {
            toks: buf,
            folded: self.folded,
        }
    }
}

/// Splits sentences into [`Tokens`] with the word ids of a [`Vocab`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tokenizer<'v> {
    vocab: &'v Vocab,
}

/// A token before its word id is known: spans only.
struct Raw {
    start: usize,
    end: usize,
    kind: Kind,
    /// Clause punctuation stood between the previous token and this one.
    boundary: bool,
}

impl<'v> Tokenizer<'v> {
    /// A tokenizer over `vocab`.
    pub(crate) fn new(vocab: &'v Vocab) -> Tokenizer<'v> {
        Tokenizer { vocab }
    }

    /// Appends the tokens of `sentence` (at byte `offset` of its segment)
    /// to `out`; returns the index range they take.
    pub(crate) fn push_sentence(&self, sentence: &str, offset: usize, out: &mut Tokens) -> std::ops::Range<usize> {
        let first = out.toks.len();
        if sentence.is_ascii() {
            // ASCII folds in one go: the sentence is copied and lowercased
            // once (vectorised), and a token's folded form is its own span
            // of that copy; only a token with a backtick or a dot (an
            // abbreviation, "a.m.") is folded on its own after it.
            let base = out.folded.len();
            out.folded.push_str(sentence);
            out.folded[base..].make_ascii_lowercase();
            scan(sentence.as_bytes(), &mut |r: Raw| {
                let t = &sentence.as_bytes()[r.start..r.end];
                let (fstart, fend) = if r.kind == Kind::Word && t.iter().any(|&c| c == b'`' || c == b'.') {
                    let at = out.folded.len();
                    fold_into(&sentence[r.start..r.end], &mut out.folded);
                    (at, out.folded.len())
                } else {
                    (base + r.start, base + r.end)
                };
                let cap = r.kind == Kind::Word && t[0].is_ascii_uppercase();
                self.push_folded(offset, r, fstart, fend, cap, out);
            });
        } else {
            scan_unicode(sentence, &mut |r| {
                let fstart = out.folded.len();
                let text = &sentence[r.start..r.end];
                fold_into(text, &mut out.folded);
                let fend = out.folded.len();
                let cap = r.kind == Kind::Word && text.chars().next().is_some_and(char::is_uppercase);
                self.push_folded(offset, r, fstart, fend, cap, out);
            });
        }
        let last = out.toks.len();
        if last > first {
            out.toks[first].flags |= SENTENCE_START | CLAUSE_START;
            out.toks[last - 1].flags |= SENTENCE_END;
        }
        first..last
    }

    #[inline]
    fn push_folded(&self, offset: usize, r: Raw, fstart: usize, fend: usize, cap: bool, out: &mut Tokens) {
        let word = match r.kind {
            Kind::Word => self.vocab.id(&out.folded[fstart..fend]),
            _ => super::vocab::UNKNOWN,
        };
        out.toks.push(Token {
            start: (offset + r.start) as u32,
            end: (offset + r.end) as u32,
            fstart: fstart as u32,
            fend: fend as u32,
            word,
            kind: r.kind,
            flags: if r.boundary { CLAUSE_START } else { 0 } | if cap { CAPITALISED } else { 0 },
        });
    }
}

/// Appends the folded form of a token's text: lowercase, apostrophes
/// straightened, dots of a dotted abbreviation dropped.
fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        let b = s.as_bytes();
        if !b.iter().any(|&c| c == b'`' || c == b'.') {
            // The usual word: copy, then lowercase in place.
            let at = out.len();
            out.push_str(s);
            out[at..].make_ascii_lowercase();
            return;
        }
        for &c in b {
            match c {
                b'`' => out.push('\''),
                b'.' if !b[0].is_ascii_digit() => {}
                _ => out.push(c.to_ascii_lowercase() as char),
            }
        }
        return;
    }
    let digit = s.starts_with(|c: char| c.is_ascii_digit());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => out.push('\''),
            '.' if !digit => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Clause punctuation: a boundary between the tokens on either side.
/// Sentence-final marks count too (inside a sentence they end a clause).
fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2026}'
            | '\u{201c}'
            | '\u{201d}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{b4}')
}

/// Character classes the scanner distinguishes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    Other,
}

#[inline]
fn class_of(c: char) -> Class {
    if c.is_ascii() {
        return ASCII_CLASS[c as usize];
    }
    class_of_slow(c)
}

/// [`class_of_slow`] of every ASCII char, looked up on the hot path.
const ASCII_CLASS: [Class; 128] = {
    let mut t = [Class::Other; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            Class::Digit
        } else if b.is_ascii_alphabetic() {
            Class::Letter
        } else {
            Class::Other
        };
        i += 1;
    }
    t
};

fn class_of_slow(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_alphanumeric() {
        // Non-ASCII digits (Arabic-Indic, …) count as letters: numbers
        // are written with ASCII digits in every lexicon language.
        Class::Letter
    } else {
        Class::Other
    }
}

/// Random access to a sentence's characters: bytes on the ASCII path,
/// decoded `char`s on the Unicode path. One scanner generic over it keeps
/// the two paths equal by construction; the ASCII one skips UTF-8 decoding
/// and the Unicode tables and is monomorphised into a plain byte loop.
trait Chars {
    fn n(&self) -> usize;
    /// The char at `i` (`'\0'` past either end).
    fn at(&self, i: usize) -> char;
    /// Byte offset of char `i` (the text length past the end).
    fn off(&self, i: usize) -> usize;
}

impl Chars for [u8] {
    #[inline]
    fn n(&self) -> usize {
        self.len()
    }
    #[inline]
    fn at(&self, i: usize) -> char {
        self.get(i).map_or('\0', |&b| b as char)
    }
    #[inline]
    fn off(&self, i: usize) -> usize {
        i.min(self.len())
    }
}

/// Decoded chars with their byte offsets, and the text length.
struct Decoded<'a>(&'a [(usize, char)], usize);

impl Chars for Decoded<'_> {
    #[inline]
    fn n(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn at(&self, i: usize) -> char {
        self.0.get(i).map_or('\0', |&(_, c)| c)
    }
    #[inline]
    fn off(&self, i: usize) -> usize {
        self.0.get(i).map_or(self.1, |&(o, _)| o)
    }
}

fn scan<C: Chars + ?Sized, F: FnMut(Raw)>(cs: &C, emit: &mut F) {
    let n = cs.n();
    let at = |i: usize| cs.at(i);
    let mut i = 0;
    let mut boundary = false;
    while i < n {
        let c = at(i);
        match class_of(c) {
            Class::Other => {
                // A leading apostrophe before one or two letters and a
                // non-word character is part of the word: the shapes of a
                // clitic ("'s avonds", "'t", and the English "it 's",
                // "you 're", "we 'll" that CHAT transcribers write apart,
                // which the question rules join to their word). A quoted
                // short word ("'no'") keeps its closing quote and stays out.
                if is_apostrophe(c) && class_of(at(i + 1)) == Class::Letter {
                    let len = if class_of(at(i + 2)) == Class::Letter { 3 } else { 2 };
                    if class_of(at(i + len)) == Class::Other && !is_apostrophe(at(i + len)) {
                        emit(Raw {
                            start: cs.off(i),
                            end: cs.off(i + len),
                            kind: Kind::Word,
                            boundary,
                        });
                        boundary = false;
                        i += len;
                        continue;
                    }
                }
                // A hyphen inside a word is part of it (see below); a
                // spaced or hanging dash ends a clause.
                if c == '-' {
                    boundary |= i == 0 || at(i - 1) == ' ' || at(i + 1) == ' ' || i + 1 == n;
                } else if is_clause_punct(c) {
                    boundary = true;
                }
                i += 1;
            }
            Class::Digit => {
                let s = i;
                while class_of(at(i)) == Class::Digit {
                    i += 1;
                }
                let mut joins = 0;
                while matches!(at(i), ':' | '.' | ',') && class_of(at(i + 1)) == Class::Digit {
                    i += 1;
                    while class_of(at(i)) == Class::Digit {
                        i += 1;
                    }
                    joins += 1;
                }
                // An amount ("$0.30", "€ 9.15") is never a clock time.
                let money = (s > 0 && matches!(at(s - 1), '$' | '€' | '£'))
                    || (s > 1 && at(s - 1) == ' ' && matches!(at(s - 2), '$' | '€' | '£'));
                let kind = if joins == 1 && !money && is_clock(cs, s, i) {
                    Kind::Clock
                } else {
                    Kind::Number
                };
                emit(Raw {
                    start: cs.off(s),
                    end: cs.off(i),
                    kind,
                    boundary,
                });
                boundary = false;
            }
            Class::Letter => {
                let s = i;
                let single = |k: usize| class_of(at(k)) == Class::Letter && class_of(at(k + 1)) != Class::Letter;
                if single(i) && at(i + 1) == '.' && single(i + 2) && (i == 0 || class_of(at(i - 1)) != Class::Letter) {
                    // Dotted abbreviation: single letters joined by dots
                    // ("a.m.", "e.g."), the final dot included.
                    while single(i) && at(i + 1) == '.' {
                        i += 2;
                    }
                    if single(i) {
                        i += 1;
                    }
                } else {
                    loop {
                        while class_of(at(i)) == Class::Letter {
                            i += 1;
                        }
                        let j = at(i);
                        if (is_apostrophe(j) || j == '-') && class_of(at(i + 1)) == Class::Letter {
                            i += 1;
                            continue;
                        }
                        break;
                    }
                }
                emit(Raw {
                    start: cs.off(s),
                    end: cs.off(i),
                    kind: Kind::Word,
                    boundary,
                });
                boundary = false;
            }
        }
    }
}

/// True when chars `s..e` read `H:MM` or `HH.MM` with a real hour and minute.
fn is_clock<C: Chars + ?Sized>(cs: &C, s: usize, e: usize) -> bool {
    let Some(sep) = (s..e).find(|&k| matches!(cs.at(k), ':' | '.')) else {
        return false;
    };
    if !(1..=2).contains(&(sep - s)) || e - sep - 1 != 2 {
        return false;
    }
    let num = |a: usize, b: usize| (a..b).fold(0u32, |acc, k| acc * 10 + cs.at(k).to_digit(10).unwrap_or(0));
    num(s, sep) <= 24 && num(sep + 1, e) < 60
}

#[cfg(test)]
fn scan_ascii(b: &[u8], emit: &mut impl FnMut(Raw)) {
    scan(b, emit);
}

fn scan_unicode(s: &str, emit: &mut impl FnMut(Raw)) {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    scan(&Decoded(&chars, s.len()), emit);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(v: &Vocab, s: &str) -> Vec<(String, Kind, u8)> {
        let mut out = Tokens::default();
        let r = Tokenizer::new(v).push_sentence(s, 0, &mut out);
        out.toks[r]
            .iter()
            .map(|t| (out.fold(t).to_string(), t.kind, t.flags))
            .collect()
    }

    fn words(s: &str) -> Vec<String> {
        toks(&Vocab::default(), s).into_iter().map(|(w, _, _)| w).collect()
    }

    #[test]
    fn words_numbers_and_clock_times() {
        assert_eq!(
            words("Don’t call me at 9am, OK?"),
            ["don't", "call", "me", "at", "9", "am", "ok"]
        );
        assert_eq!(
            words("Kom 's avonds om 10.30 of 9:15"),
            ["kom", "'s", "avonds", "om", "10.30", "of", "9:15"]
        );
        assert_eq!(words("e-mail it, a.m. or p.m."), ["e-mail", "it", "am", "or", "pm"]);
        assert_eq!(words("'quoted' -- yes - 1,000"), ["quoted", "yes", "1,000"]);
        let t = toks(&Vocab::default(), "at 10:30 or 3.5 or 25:00, fine $0.30");
        let kinds: Vec<Kind> = t.iter().map(|x| x.1).collect();
        use Kind::*;
        assert_eq!(kinds, [Word, Clock, Word, Number, Word, Number, Word, Number]);
    }

    #[test]
    fn boundaries_are_flags() {
        let t = toks(&Vocab::default(), "No, thanks; we're fine.");
        let f: Vec<u8> = t.iter().map(|x| x.2).collect();
        assert_eq!(
            f,
            [
                SENTENCE_START | CLAUSE_START | CAPITALISED,
                CLAUSE_START,
                CLAUSE_START,
                SENTENCE_END
            ]
        );
        // A near miss: a hyphen inside a word is no boundary.
        let t = toks(&Vocab::default(), "a follow-up call");
        assert_eq!(t.len(), 3);
        assert_eq!(t[2].2, SENTENCE_END);
    }

    #[test]
    fn unicode_folds_and_keeps_spans() {
        let v = Vocab::default();
        let mut out = Tokens::default();
        let s = "Ça VA, ÉÉN keer";
        let r = Tokenizer::new(&v).push_sentence(s, 7, &mut out);
        let got: Vec<(&str, &str)> = out.toks[r]
            .iter()
            .map(|t| (out.fold(t), &s[t.start as usize - 7..t.end as usize - 7]))
            .collect();
        assert_eq!(got, [("ça", "Ça"), ("va", "VA"), ("één", "ÉÉN"), ("keer", "keer")]);
    }

    #[test]
    fn clitics_written_apart_keep_their_apostrophe() {
        assert_eq!(
            words("it 's you 're we 'll is n't"),
            ["it", "'s", "you", "'re", "we", "'ll", "is", "n't"]
        );
        assert_eq!(
            words("ik ga 's avonds, 't is 'k weet"),
            ["ik", "ga", "'s", "avonds", "'t", "is", "'k", "weet"]
        );
        // A quoted short word keeps its quotes outside; a longer word after
        // an apostrophe is no clitic.
        assert_eq!(words("'no' 'yes' 'cause"), ["no", "yes", "cause"]);
    }

    #[test]
    fn capitalised_words_are_flagged() {
        let caps = |s: &str| -> Vec<bool> {
            toks(&Vocab::default(), s)
                .iter()
                .map(|x| x.2 & CAPITALISED != 0)
                .collect()
        };
        assert_eq!(caps("Hi Sam, it's ACME at 10"), [true, true, false, true, false, false]);
        // The Unicode path reads the same flag; a leading apostrophe is no
        // capital ("'T" is not a name), nor a number.
        assert_eq!(caps("Één Ölçer 'T élan"), [true, true, false, false]);
    }

    #[test]
    fn the_ascii_class_table_is_the_general_rule() {
        for b in 0u8..128 {
            assert!(class_of(b as char) == class_of_slow(b as char), "{b}");
        }
    }

    #[test]
    fn ascii_fast_path_equals_unicode_path() {
        // Every ASCII sentence shape the scanner distinguishes, and random
        // strings over the ASCII range.
        let mut samples: Vec<String> = [
            "Hi there, it's 10:30 - or 9.15? 'em e.g. mm-hmm 'k 2nd 1,000.50",
            "x.y.z. a. b a.b c'd 'x' -a- --",
            "",
            "   ",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let len = (seed % 24) as usize;
            let mut s = String::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let alphabet = b"aZ09 .,:;'-?!`\"()x\t";
                s.push(alphabet[(seed % alphabet.len() as u64) as usize] as char);
            }
            samples.push(s);
        }
        for s in samples {
            let mut a = Vec::new();
            scan_ascii(s.as_bytes(), &mut |r| a.push((r.start, r.end, r.kind, r.boundary)));
            let mut u = Vec::new();
            scan_unicode(&s, &mut |r| u.push((r.start, r.end, r.kind, r.boundary)));
            assert_eq!(a, u, "{s:?}");
        }
    }
}
