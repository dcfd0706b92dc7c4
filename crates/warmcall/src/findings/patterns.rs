//! Lexicon lists compiled into matchers. Every entry of a `[pushes]` or
//! `[signals]` list is a regular expression over normalised text (lowercase,
//! straight apostrophes, single spaces), matched on whole words.

use std::borrow::Cow;

use regex::Regex;

use crate::lexicon::Lexicon;
use crate::Error;

/// Lowercases, straightens apostrophes and collapses whitespace, so lexicon
/// entries can be written once in plain lowercase.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::new();
    normalize_into(s, &mut out);
    out
}

/// [`normalize`] into `out` (its old content is dropped), so a loop over
/// sentences can reuse one buffer instead of allocating per sentence.
///
/// The result is a fixed point: `normalize(normalize(s)) == normalize(s)`
/// (checked for every `char` in the tests), which lets callers skip
/// normalising text again when nothing in it changed.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    let t = s.trim();
    if t.is_ascii() {
        normalize_ascii(t, out);
        return;
    }
    out.reserve(s.len());
    let mut space = false;
    for c in t.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        // Most text is ASCII: skip the general case-mapping iterator.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// [`normalize`] of trimmed ASCII text (runs on every sentence).
fn normalize_ascii(t: &str, out: &mut String) {
    // Usual case: single spaces only, no control character, no backtick:
    // then normalising is just lowercasing (vectorised by std). The tests
    // are folds without early exit so that they vectorise too.
    let b = t.as_bytes();
    let odd_byte = b.iter().fold(false, |acc, &c| acc | (c < b' ') | (c == b'`'));
    let double_space = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(false, |acc, (&p, &c)| acc | ((p == b' ') & (c == b' ')));
    if !odd_byte && !double_space {
        out.push_str(t);
        out.make_ascii_lowercase();
        return;
    }
    let mut space = false;
    for &b in t.as_bytes() {
        // The ASCII characters `char::is_whitespace` knows.
        if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(if b == b'`' {
            '\''
        } else {
            b.to_ascii_lowercase() as char
        });
    }
}

/// The alternation of a list's entries, each in a non-capturing group;
/// `None` for an empty list.
fn alternation(list: &[String]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    Some(list.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|"))
}

fn compile(lex: &Lexicon, name: &str, pattern: &str) -> Result<Regex, Error> {
    Regex::new(pattern).map_err(|e| Error::Config {
        key: format!("lexicon.{}.{name}", lex.lang),
        line: 0,
        message: format!("bad pattern: {e}"),
    })
}

/// One lexicon list as a whole-word matcher. An empty list never matches.
#[derive(Debug, Clone)]
pub(crate) struct Phrases(Option<Regex>);

impl Phrases {
    /// Compiles the list `name`.
    pub(crate) fn new(lex: &Lexicon, name: &str) -> Result<Phrases, Error> {
        match alternation(lex.list(name)) {
            None => Ok(Phrases(None)),
            Some(alt) => compile(lex, name, &format!(r"(?:^|\b)(?:{alt})(?:\b|$)")).map(|r| Phrases(Some(r))),
        }
    }

    /// True when any entry occurs in `text` (normalised).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.0.as_ref().is_some_and(|r| r.is_match(text))
    }

    /// Removes every occurrence (used to neutralise exceptions before a
    /// test); borrowed when there is none.
    pub(crate) fn strip<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match &self.0 {
            Some(r) => r.replace_all(text, " "),
            None => Cow::Borrowed(text),
        }
    }
}

/// Several lists matched in one pass: which of them occur in a text.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet(regex::RegexSet);

impl PhraseSet {
    /// Compiles the lists `names` (an empty list never matches).
    pub(crate) fn new(lex: &Lexicon, names: &[&str]) -> Result<PhraseSet, Error> {
        // One bit per list in `Hits`.
        assert!(names.len() < 64, "at most 63 lists in a PhraseSet");
        let patterns: Vec<String> = names
            .iter()
            .map(|n| match alternation(lex.list(n)) {
                Some(alt) => format!(r"(?:^|\b)(?:{alt})(?:\b|$)"),
                None => r"[^\s\S]".to_string(),
            })
            .collect();
        regex::RegexSet::new(&patterns)
            .map(PhraseSet)
            .map_err(|e| Error::Config {
                key: format!("lexicon.{}.{}", lex.lang, names.join("|")),
                line: 0,
                message: format!("bad pattern: {e}"),
            })
    }

    /// Which lists, by their index in the order given, occur in `text`.
    pub(crate) fn matches(&self, text: &str) -> Hits {
        let mut bits = 0u64;
        for i in self.0.matches(text).iter() {
            bits |= 1 << i;
        }
        Hits(bits)
    }

    /// [`PhraseSet::matches`] for sets that most texts match none of (the
    /// push lists over agent sentences: ~5-13 % of them match any). The
    /// existence test stops at the first match, runs the unrolled
    /// non-overlapping search and allocates nothing, so the overlapping
    /// scan runs only for the few texts where some list occurs. Same
    /// result: no list occurs exactly when the set does not match.
    pub(crate) fn matches_sparse(&self, text: &str) -> Hits {
        if self.0.is_match(text) {
            self.matches(text)
        } else {
            Hits(0)
        }
    }
}

/// The lists of a [`PhraseSet`] that matched, one bit per list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Hits(u64);

impl Hits {
    /// True when list `i` matched.
    pub(crate) fn has(self, i: usize) -> bool {
        self.0 >> i & 1 == 1
    }

    /// True when any of the first `n` lists matched.
    pub(crate) fn any_below(self, n: usize) -> bool {
        self.0 & ((1u64 << n) - 1) != 0
    }
}

/// A list whose entries count only at the start of a clause: the sentence
/// start, after a comma, semicolon, colon or dash, or after a conjunction,
/// with any fillers in between ("En zal ik…", "Great, could I…", "… and
/// give you a call").
#[derive(Debug, Clone)]
pub(crate) struct ClauseStart {
    anywhere: Option<Regex>,
    at_start: Option<Regex>,
}

impl ClauseStart {
    /// Compiles list `name` with the language's `fillers` and `conjunctions`.
    pub(crate) fn new(lex: &Lexicon, name: &str, fillers: &str, conjunctions: &str) -> Result<ClauseStart, Error> {
        let Some(alt) = alternation(lex.list(name)) else {
            return Ok(ClauseStart {
                anywhere: None,
                at_start: None,
            });
        };
        let fill = alternation(lex.list(fillers))
            .map(|f| format!(r"(?:(?:{f})[\s,]+)*"))
            .unwrap_or_default();
        let conj = alternation(lex.list(conjunctions))
            .map(|c| format!(r"|\s(?:{c})\s+"))
            .unwrap_or_default();
        let anywhere = compile(
            lex,
            name,
            &format!(r"(?:^|[,;:]\s*|\s[-–—]\s*{conj}){fill}(?:{alt})(?:\b|$)"),
        )?;
        let at_start = compile(lex, name, &format!(r"^{fill}(?:{alt})(?:\b|$)"))?;
        Ok(ClauseStart {
            anywhere: Some(anywhere),
            at_start: Some(at_start),
        })
    }

    /// True when an entry starts any clause of `text`.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.anywhere.as_ref().is_some_and(|r| r.is_match(text))
    }

    /// The rest of each clause an entry starts: from the entry to the next
    /// comma, semicolon or sentence mark.
    pub(crate) fn clauses<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let Some(r) = &self.anywhere else {
            return Vec::new();
        };
        r.find_iter(text)
            .map(|m| {
                let rest = &text[m.start()..];
                let body = rest.trim_start_matches([',', ';', ':', ' ']);
                let skip = rest.len() - body.len();
                let end = body.find([',', ';', '.', '?', '!']).unwrap_or(body.len());
                &rest[skip..skip + end]
            })
            .collect()
    }

    /// True when an entry starts the sentence.
    pub(crate) fn at_start(&self, text: &str) -> bool {
        self.at_start.as_ref().is_some_and(|r| r.is_match(text))
    }
}

/// `hay.find(needle)` for a short needle in a short text (a question in its
/// segment), without the general search's set-up per needle.
pub(crate) fn find_quick(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    if n.len() > h.len() {
        return None;
    }
    // Candidates are the places of the needle's first byte; a match there
    // is a char boundary (the needle starts with a char's first byte), so
    // this is `str::find`. After a few misses the general search takes over
    // (bounded work on repetitive text).
    let last = h.len() - n.len();
    let mut at = 0;
    for _ in 0..8 {
        match h[at..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(p) if h[at + p..].starts_with(n) => return Some(at + p),
            Some(p) if at + p == last => return None,
            Some(p) => at += p + 1,
        }
    }
    // `at` follows a first byte: step to the next char boundary.
    let at = (at..=h.len()).find(|&i| hay.is_char_boundary(i)).unwrap_or(h.len());
    hay[at..].find(needle).map(|p| p + at)
}

/// True when `text` holds `(` or `[`, where pause notation starts. Bytes, not
/// chars: both are ASCII, and no byte of a multi-byte UTF-8 character is.
pub(crate) fn has_pause_mark(text: &str) -> bool {
    // Blocks of 32 bytes or-reduced without early exit (vectorised), so a
    // long segment is scanned at SIMD speed.
    let mark = |acc: u8, &b: &u8| acc | u8::from(b == b'(') | u8::from(b == b'[');
    let blocks = text.as_bytes().chunks_exact(32);
    let rest = blocks.remainder();
    blocks.into_iter().any(|c| c.iter().fold(0, mark) != 0) || rest.iter().fold(0, mark) != 0
}

/// Word count without pause notation: `(.)`, `(..)`, `(1.2)`, `[pause]`,
/// `[stilte]`, `[silence 3s]` are not words (SPEC §6.2).
pub(crate) fn content_words(text: &str) -> usize {
    use std::sync::OnceLock;
    static PAUSE: OnceLock<Regex> = OnceLock::new();
    let re = PAUSE.get_or_init(|| {
        Regex::new(r"(?i)\(\s*(?:\.+|\d+(?:[.,]\d+)?\s*s?)\s*\)|\[\s*(?:pause|stilte|silence|stil)[^\]]*\]")
            .expect("static pattern")
    });
    if has_pause_mark(text) {
        crate::text::word_count(&re.replace_all(text, " "))
    } else {
        crate::text::word_count(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_lowercases_and_straightens() {
        assert_eq!(normalize("  Let’s   DO it "), "let's do it");
        // The ASCII path gives what the general one gives.
        for s in [
            "  Let`s \t\x0b DO\r\nit ",
            "A\x1fB  c",
            "",
            "   ",
            "x",
            "Plain Sentence, With CAPS.",
            "two  spaces",
            "tab\there",
            "back`tick",
            "del\x7fchar",
            " lead and trail ",
            "a \x0c b",
        ] {
            let slow: String = {
                let mut out = String::new();
                let mut space = false;
                for c in s.trim().chars() {
                    let c = if c == '`' { '\'' } else { c };
                    if c.is_whitespace() {
                        space = true;
                        continue;
                    }
                    if space && !out.is_empty() {
                        out.push(' ');
                    }
                    space = false;
                    out.extend(c.to_lowercase());
                }
                out
            };
            assert_eq!(normalize(s), slow, "{s:?}");
        }
    }

    #[test]
    fn normalize_into_reuses_the_buffer() {
        let mut buf = String::from("OLD CONTENT");
        normalize_into("  Shall WE?", &mut buf);
        assert_eq!(buf, "shall we?");
        normalize_into("Caf\u{e9}  \u{2019}T", &mut buf);
        assert_eq!(buf, "caf\u{e9} 't");
    }

    /// Callers skip normalising text again when nothing was blanked in it:
    /// that needs normalising to be a fixed point, for every character.
    #[test]
    fn normalize_is_a_fixed_point() {
        for c in (0..=0x10ffff_u32).filter_map(char::from_u32) {
            for s in [format!("{c}"), format!("A{c}b {c}{c}"), format!(" x\u{3a3}{c} Y ")] {
                let once = normalize(&s);
                assert_eq!(normalize(&once), once, "{:?} (U+{:04X})", s, c as u32);
            }
        }
    }

    #[test]
    fn find_quick_finds_what_find_finds() {
        let cases = [
            ("Shall we? Shall we?", "Shall we?"),
            ("  Shall we?", "Shall we?"),
            ("  Shall we?", " Shall we?"),
            ("  Shall we?", ""),
            ("", ""),
            ("", "x"),
            ("\u{a0}\u{2003}Qué?", "Qué?"),
            ("ab ab", "b"),
            ("a", "ab"),
            (" x", "  x"),
            ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy", "xxy"),
            ("ab", "ab"),
            ("abab", "ba"),
            ("caf\u{e9} caf\u{e9}?", "\u{e9}?"),
            ("a\u{e9}b\u{e9}c", "\u{e9}c"),
            (
                "\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}a\u{e9}b",
                "\u{e9}b",
            ),
            ("xaxaxaxaxaxaxaxaxaxaxaxaxb", "xb"),
            ("xaxaxaxaxaxaxaxaxaxaxaxaxa", "xb"),
        ];
        for (hay, needle) in cases {
            assert_eq!(find_quick(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
        }
    }

    #[test]
    fn find_quick_agrees_with_find_on_generated_text() {
        let alphabet = ['a', 'b', ' ', '\u{e9}', '\u{20ac}', '?'];
        let mut seed = 0x2545_f491_u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let hay: String = (0..next(40)).map(|_| alphabet[next(alphabet.len())]).collect();
            let needle: String = (0..next(4)).map(|_| alphabet[next(alphabet.len())]).collect();
            assert_eq!(find_quick(&hay, &needle), hay.find(&needle), "{hay:?} {needle:?}");
        }
    }

    /// One pass of a set says of each list what a matcher of that list says.
    #[test]
    fn phrase_set_agrees_with_each_list() {
        let texts = [
            "shall we say tuesday at ten?",
            "could i come by next week and show you?",
            "i'll send you the quote today, and you sign it.",
            "zullen we dinsdag om tien uur afspreken?",
            "no thanks",
            "ok",
            "caf\u{e9} \u{3a3}\u{3c3} tomorrow at nine",
            "",
        ];
        for lang in ["en", "nl"] {
            let lex = Lexicon::builtin(lang).unwrap();
            let names: Vec<&str> = [
                "pushes.steps.appointment",
                "pushes.steps.close",
                "pushes.weak_steps.demo",
                "pushes.time",
                "pushes.vague_time",
                "pushes.info_send",
                "signals.acceptance",
                "signals.rejection",
                "no.such.list",
            ]
            .to_vec();
            let set = PhraseSet::new(&lex, &names).unwrap();
            for t in texts {
                let hits = set.matches(t);
                for (i, name) in names.iter().enumerate() {
                    let one = Phrases::new(&lex, name).unwrap().is_match(t);
                    assert_eq!(hits.has(i), one, "{lang} {name}: {t:?}");
                }
                assert_eq!(hits.any_below(names.len()), (0..names.len()).any(|i| hits.has(i)));
            }
        }
    }

    /// Normalised sentences to compare matchers on: every eval sentence, the
    /// lines of the eval calls, and generated text of lexicon words mixed
    /// with non-ASCII letters (glued to words too, where Unicode `\b`
    /// differs from an ASCII one).
    pub(crate) fn sample_texts(lang: &str) -> Vec<String> {
        let eval = crate::test_support::shared_dir().join("eval");
        let read = |p: std::path::PathBuf| {
            std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{} not readable: {e}", p.display()))
        };
        let mut raw: Vec<String> = Vec::new();
        for (file, col) in [("pushes.tsv", 2), ("questions.tsv", 3)] {
            for line in read(eval.join(file)).lines().skip(1) {
                if let Some(s) = line.split('\t').nth(col) {
                    raw.push(s.to_string());
                }
            }
        }
        let mut calls: Vec<_> = std::fs::read_dir(eval.join("calls"))
            .expect("eval/calls")
            .map(|e| e.expect("entry").path())
            .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
            .collect();
        calls.sort();
        assert!(calls.len() >= 10, "eval calls missing");
        for p in calls {
            let text = String::from_utf8_lossy(&std::fs::read(&p).expect("call")).into_owned();
            for line in text.lines() {
                raw.extend(crate::text::sentences(line).map(|(_, s)| s.to_string()));
            }
        }
        let lex = Lexicon::builtin(lang).expect("lexicon");
        let mut words: Vec<String> = lex
            .all_phrases()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric() && c != '\'').map(str::to_string))
            .filter(|w| !w.is_empty())
            .collect();
        words.sort();
        words.dedup();
        let odd = [
            "é", "ß", "Σ", "ς", "’", "ü", "ı", "İ", "日本", "\u{a0}", "–", "1", "12:30", "ÉÉN", "naïef", "café",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..4000 {
            let mut s = String::new();
            for _ in 0..1 + next(12) {
                let w = if next(5) == 0 {
                    odd[next(odd.len())]
                } else {
                    &words[next(words.len())]
                };
                match next(8) {
                    0 => s.push_str(odd[next(odd.len())]),
                    1 => s.push_str(", "),
                    2 => {}
                    _ => s.push(' '),
                }
                s.push_str(w);
            }
            s.push(['.', '?', '!', ' '][next(4)]);
            raw.push(s);
        }
        raw.iter().map(|s| normalize(s)).collect()
    }

    /// The sparse test is an optimisation only: the same lists as the full
    /// scan, on every sample text.
    #[test]
    fn sparse_matches_are_the_matches() {
        if crate::test_support::shared_or_skip().is_none() {
            return;
        }
        for lang in ["en", "nl"] {
            let lex = Lexicon::builtin(lang).unwrap();
            let names: Vec<String> = lex
                .names_under("pushes.")
                .chain(lex.names_under("signals."))
                .map(String::from)
                .collect();
            let texts = sample_texts(lang);
            let mut hits = 0;
            for chunk in names.chunks(40) {
                let chunk: Vec<&str> = chunk.iter().map(String::as_str).collect();
                let set = PhraseSet::new(&lex, &chunk).unwrap();
                for t in &texts {
                    let full = set.matches(t);
                    assert_eq!(set.matches_sparse(t), full, "{lang}: {t:?}");
                    hits += usize::from(full != Hits::default());
                }
            }
            assert!(hits > 1000, "{lang}: only {hits} texts match anything");
        }
    }

    #[test]
    fn pause_mark_is_a_bracket_anywhere() {
        let long = "word ".repeat(20);
        let cases = [
            "".to_string(),
            "a".into(),
            "(".into(),
            "x[y".into(),
            "caf\u{e9} (1.2)".into(),
            "\u{ff08}".into(),
            "\u{1f600}]".into(),
            long.clone(),
            format!("{long}("),
            format!("[{long}"),
            format!("{}[{}", &long[..31], &long[31..]),
            format!("{}[{}", &long[..32], &long[32..]),
        ];
        for t in &cases {
            assert_eq!(has_pause_mark(t), t.contains(['(', '[']), "{t:?}");
        }
    }

    #[test]
    fn pause_notation_is_not_a_word() {
        assert_eq!(content_words("Geen idee eigenlijk. (1.2) Paar maanden?"), 5);
        assert_eq!(content_words("Eh (.) ja [pause] hoor"), 3);
    }

    #[test]
    fn clause_start_skips_fillers_and_conjunctions() {
        let lex = Lexicon::from_toml(
            "en",
            r#"f = ["so", "and"]
c = ["and"]
forms = ["shall i"]"#,
        )
        .unwrap();
        let cs = ClauseStart::new(&lex, "forms", "f", "c").unwrap();
        assert!(cs.is_match("so, shall i call"));
        assert!(cs.is_match("great, shall i call"));
        assert!(cs.is_match("i'll send it and shall i call"));
        assert!(!cs.is_match("the question shall i call"));
        assert!(cs.at_start("and shall i"));
    }
}
