//! Lexicon lists compiled into matchers. Every entry of a `[pushes]` or
//! `[signals]` list is a regular expression over normalised text (lowercase,
//! straight apostrophes, single spaces), matched on whole words.

use regex::Regex;

use crate::lexicon::Lexicon;
use crate::Error;

/// Lowercases, straightens apostrophes and collapses whitespace, so lexicon
/// entries can be written once in plain lowercase.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
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
        out.extend(c.to_lowercase());
    }
    out
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

    /// The union of several lists as one matcher.
    pub(crate) fn union(lex: &Lexicon, names: &[String]) -> Result<Phrases, Error> {
        let all: Vec<String> = names.iter().flat_map(|n| lex.list(n).iter().cloned()).collect();
        match alternation(&all) {
            None => Ok(Phrases(None)),
            Some(alt) => {
                compile(lex, &names.join("|"), &format!(r"(?:^|\b)(?:{alt})(?:\b|$)")).map(|r| Phrases(Some(r)))
            }
        }
    }

    /// True when any entry occurs in `text` (normalised).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.0.as_ref().is_some_and(|r| r.is_match(text))
    }

    /// Removes every occurrence (used to neutralise exceptions before a test).
    pub(crate) fn strip(&self, text: &str) -> String {
        match &self.0 {
            Some(r) => r.replace_all(text, " ").into_owned(),
            None => text.to_string(),
        }
    }
}

/// Several lists matched in one pass: which of them occur in a text.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet(regex::RegexSet);

impl PhraseSet {
    /// Compiles the lists `names` (an empty list never matches).
    pub(crate) fn new(lex: &Lexicon, names: &[&str]) -> Result<PhraseSet, Error> {
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

    /// For each list, in the order given, whether it occurs in `text`.
    pub(crate) fn matches(&self, text: &str) -> Vec<bool> {
        let m = self.0.matches(text);
        (0..self.0.len()).map(|i| m.matched(i)).collect()
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

/// Word count without pause notation: `(.)`, `(..)`, `(1.2)`, `[pause]`,
/// `[stilte]`, `[silence 3s]` are not words (SPEC §6.2).
pub(crate) fn content_words(text: &str) -> usize {
    use std::sync::OnceLock;
    static PAUSE: OnceLock<Regex> = OnceLock::new();
    let re = PAUSE.get_or_init(|| {
        Regex::new(r"(?i)\(\s*(?:\.+|\d+(?:[.,]\d+)?\s*s?)\s*\)|\[\s*(?:pause|stilte|silence|stil)[^\]]*\]")
            .expect("static pattern")
    });
    if text.contains('(') || text.contains('[') {
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
