//! The pattern language over words (docs/lexicon.md): words, `@class`,
//! groups with alternatives `(a | b c)`, optional items `x?`, prefix
//! wildcards `donat*`, runs of class words `@filler*`, bounded gaps `..3`, anchors (`^` `$` sentence start
//! and end, `<` `>` clause start and end), sentence-wide gaps `...3`, and
//! token predicates (`#num`, `#hour`, `#clock`, `#cap`, `#any`).

use super::token::{Kind, Tokenizer, Tokens};
use super::vocab::{Vocab, WordId};

/// Why a pattern did not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad pattern {pattern:?}: {message}")]
#[non_exhaustive]
pub struct PatternError {
    /// The pattern as written.
    pub pattern: String,
    /// What is wrong with it.
    pub message: String,
}

/// One element of a sequence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    /// A word (by id).
    Word(WordId),
    /// Any of these words (sorted ids): what a group or class of single
    /// words compiles to, tested with one binary search.
    Set(Box<[WordId]>),
    /// A word starting with this folded prefix.
    Prefix(Box<str>),
    /// A class, by index in the compiled classes.
    Class(usize),
    /// Zero or more words of a class (`@class*`), at most [`MANY_MAX`],
    /// each matched as one word: filler-like words that may stand between
    /// a phrase's words ("tell me *just a bit more* about").
    Many(usize),
    /// Alternatives.
    Group(Alt),
    /// Up to this many words of any kind, within one clause.
    Gap(u8),
    /// Up to this many words of one clause, then its end, inside the
    /// sentence: what `..N <` reads as (a gap that runs to the next clause,
    /// such as a fronted subordinate clause and its comma).
    GapToClause(u8),
    /// Up to this many tokens anywhere in the sentence, across clause
    /// punctuation: what a rule needs when a name or a company, commas
    /// and all, stands between two words it knows.
    SentGap(u8),
    /// Any number.
    Num,
    /// A number that can be an hour (one or two digits, at most 24).
    Hour,
    /// A clock-time shape (`10:30`).
    Clock,
    /// A word written with a capital first letter (a name, a company).
    Cap,
    /// Any one token (word, number or clock time).
    Any,
    /// Start of the sentence (zero width).
    SentStart,
    /// End of the sentence (zero width).
    SentEnd,
    /// Start of a clause (zero width).
    ClauseStart,
    /// End of a clause (zero width).
    ClauseEnd,
    /// No clause punctuation here, inside the sentence (zero width): the
    /// words on either side share a clause ("James Whitfield", not
    /// "Hello? Hello?").
    Joined,
}

/// The most words a `@class*` takes.
pub(crate) const MANY_MAX: usize = 8;

/// A node, maybe optional.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub node: Node,
    pub optional: bool,
}

/// Alternative sequences.
pub(crate) type Alt = Vec<Vec<Item>>;

/// Lexemes of the pattern syntax.
#[derive(Debug, Clone, PartialEq)]
enum Lex<'a> {
    Open,
    Close,
    Bar,
    Opt,
    Text(&'a str),
}

fn lex(src: &str) -> Vec<Lex<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in src.char_indices() {
        let single = match c {
            '(' => Some(Lex::Open),
            ')' => Some(Lex::Close),
            '|' => Some(Lex::Bar),
            '?' => Some(Lex::Opt),
            _ => None,
        };
        if c.is_whitespace() || single.is_some() {
            if let Some(s) = start.take() {
                out.push(Lex::Text(&src[s..i]));
            }
            out.extend(single);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Lex::Text(&src[s..]));
    }
    out
}

/// Parses patterns into [`Alt`]s, interning their words.
pub(crate) struct Parser<'a> {
    pub vocab: &'a mut Vocab,
    /// Class name to index.
    pub class: &'a dyn Fn(&str) -> Option<usize>,
}

impl Parser<'_> {
    /// Parses one pattern.
    pub(crate) fn parse(&mut self, src: &str) -> Result<Alt, PatternError> {
        let fail = |m: String| PatternError {
            pattern: src.to_string(),
            message: m,
        };
        let lexemes = lex(src);
        let mut pos = 0;
        let alt = self.alt(&lexemes, &mut pos).map_err(fail)?;
        if pos < lexemes.len() {
            return Err(fail("unbalanced ')'".into()));
        }
        if alt.iter().all(|s| s.is_empty()) {
            return Err(fail("empty pattern".into()));
        }
        Ok(alt)
    }

    fn alt(&mut self, lx: &[Lex<'_>], pos: &mut usize) -> Result<Alt, String> {
        let mut alt = vec![Vec::new()];
        while *pos < lx.len() {
            match &lx[*pos] {
                Lex::Close => break,
                Lex::Bar => {
                    *pos += 1;
                    alt.push(Vec::new());
                }
                Lex::Opt => return Err("'?' must follow a word, class or group".into()),
                Lex::Open => {
                    *pos += 1;
                    let inner = self.alt(lx, pos)?;
                    if lx.get(*pos) != Some(&Lex::Close) {
                        return Err("unclosed '('".into());
                    }
                    *pos += 1;
                    if inner.iter().any(|s| s.is_empty()) {
                        return Err("empty alternative in a group (use '?' for an optional part)".into());
                    }
                    let seq = alt.last_mut().expect("one sequence");
                    seq.push(Item {
                        node: Node::Group(inner),
                        optional: false,
                    });
                }
                Lex::Text(t) => {
                    *pos += 1;
                    let seq = alt.last_mut().expect("one sequence");
                    self.text(t, seq)?;
                }
            }
            if lx.get(*pos) == Some(&Lex::Opt) {
                *pos += 1;
                let seq = alt.last_mut().expect("one sequence");
                match seq.last_mut() {
                    Some(it) if !matches!(it.node, Node::Gap(_) | Node::GapToClause(_) | Node::SentGap(_)) => {
                        it.optional = true
                    }
                    Some(_) => return Err("a gap is optional already".into()),
                    None => return Err("'?' must follow a word, class or group".into()),
                }
            }
        }
        if alt.len() > 1 && alt.iter().any(|s| s.is_empty()) {
            return Err("empty alternative".into());
        }
        Ok(alt)
    }

    /// A word, class reference, wildcard, gap, predicate or anchor.
    fn text(&mut self, t: &str, seq: &mut Vec<Item>) -> Result<(), String> {
        let node = match t {
            "^" => Node::SentStart,
            "$" => Node::SentEnd,
            "<" => Node::ClauseStart,
            ">" => Node::ClauseEnd,
            "~" => Node::Joined,
            "#num" => Node::Num,
            "#hour" => Node::Hour,
            "#clock" => Node::Clock,
            "#cap" => Node::Cap,
            "#any" => Node::Any,
            _ if t.starts_with('#') => return Err(format!("unknown predicate {t} (#num, #hour, #clock, #cap, #any)")),
            _ if t.starts_with("...") => {
                let n: u8 = t[3..]
                    .parse()
                    .ok()
                    .filter(|n| (1..=9).contains(n))
                    .ok_or_else(|| format!("a sentence gap is ...N with N from 1 to 9, not {t}"))?;
                Node::SentGap(n)
            }
            _ if t.starts_with("..") => {
                let n: u8 = t[2..]
                    .parse()
                    .ok()
                    .filter(|n| (1..=9).contains(n))
                    .ok_or_else(|| format!("a gap is ..N with N from 1 to 9, not {t}"))?;
                Node::Gap(n)
            }
            _ if t.starts_with('@') => {
                let (name, many) = match t[1..].strip_suffix('*') {
                    Some(name) => (name, true),
                    None => (&t[1..], false),
                };
                let c = (self.class)(name).ok_or_else(|| format!("no class @{name}"))?;
                if many {
                    Node::Many(c)
                } else {
                    Node::Class(c)
                }
            }
            _ => {
                let (w, prefix) = match t.strip_suffix('*') {
                    Some(w) => (w, true),
                    None => (t, false),
                };
                let words = words_of(w)?;
                if prefix {
                    let [one] = words.as_slice() else {
                        return Err(format!("a wildcard ends one word, not {t}"));
                    };
                    Node::Prefix(one.as_str().into())
                } else {
                    let mut nodes: Vec<Node> = words.iter().map(|x| Node::Word(self.vocab.intern(x))).collect();
                    let last = nodes.pop().expect("at least one word");
                    seq.extend(nodes.into_iter().map(|node| Item { node, optional: false }));
                    last
                }
            }
        };
        // A gap right before `<` runs up to that clause start: one node,
        // since a plain gap never ends at one.
        if node == Node::ClauseStart {
            if let Some(Item {
                node: Node::Gap(n),
                optional: false,
            }) = seq.last()
            {
                let n = *n;
                seq.pop();
                seq.push(Item {
                    node: Node::GapToClause(n),
                    optional: false,
                });
                return Ok(());
            }
        }
        seq.push(Item { node, optional: false });
        Ok(())
    }
}

/// The folded words of a literal as the tokenizer reads them ("e-mail" is
/// one, "rock'n'roll" one); a digit is an error (numbers are `#num`).
pub(crate) fn words_of(t: &str) -> Result<Vec<String>, String> {
    // Most entries are one plain word: a run of ASCII letters is one token,
    // folded to lowercase (tested against the tokenizer below). Building
    // an analyzer reads a few thousand entries, twice.
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Ok(vec![t.to_ascii_lowercase()]);
    }
    let vocab = Vocab::default();
    let mut toks = Tokens::default();
    Tokenizer::new(&vocab).push_sentence(t, 0, &mut toks);
    if toks.toks.is_empty() {
        return Err(format!("{t:?} holds no word"));
    }
    if toks.toks.iter().any(|x| x.kind != Kind::Word) {
        return Err(format!("{t:?}: write numbers as #num, #hour or #clock"));
    }
    Ok(toks.toks.iter().map(|x| toks.fold(x).to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_word_reads_as_the_tokenizer_reads_it() {
        for w in ["monday", "Monday", "ACME", "x", "IJs"] {
            let vocab = Vocab::default();
            let mut toks = Tokens::default();
            Tokenizer::new(&vocab).push_sentence(w, 0, &mut toks);
            let slow: Vec<String> = toks.toks.iter().map(|x| toks.fold(x).to_string()).collect();
            assert_eq!(words_of(w).unwrap(), slow, "{w}");
        }
    }

    fn parse(src: &str) -> Result<Alt, PatternError> {
        let mut v = Vocab::default();
        let class = |n: &str| (n == "day").then_some(0);
        Parser {
            vocab: &mut v,
            class: &class,
        }
        .parse(src)
    }

    #[test]
    fn parses_the_syntax() {
        let a = parse("^ (well | oh)? no ..2 @day #hour donat*").unwrap();
        assert_eq!(parse("#cap ~ #cap").unwrap()[0][1].node, Node::Joined);
        let b = parse("this is #cap ...5 from #any").unwrap();
        assert_eq!(b[0][2].node, Node::Cap);
        assert_eq!(b[0][3].node, Node::SentGap(5));
        assert_eq!(b[0][5].node, Node::Any);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].len(), 7);
        assert!(a[0][1].optional);
        assert_eq!(a[0][4].node, Node::Class(0));
        assert_eq!(a[0][6].node, Node::Prefix("donat".into()));
        assert_eq!(parse("sign | sign up").unwrap().len(), 2);
        // A literal the tokenizer splits is a sequence.
        assert_eq!(parse("rock n roll").unwrap()[0].len(), 3);
    }

    #[test]
    fn rejects_bad_patterns() {
        for bad in [
            "", "(a", "a)", "?", "(a|)", "@nope", "..0", "..x", "at 10", "#digit", "a ..2?", "a |", "...0", "...x",
            "a ...3?", "#caps",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
    }
}
