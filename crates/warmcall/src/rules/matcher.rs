//! Named lists of patterns compiled into one matcher per language.
//!
//! Each pattern is indexed by what can start it: the word ids of its
//! possible first words (a table indexed by word id), word prefixes (by
//! first byte), numbers, clock times, or any token (a leading gap). A scan
//! of a sentence probes that index once per token and tries only the
//! patterns found there, so a token no rule starts with costs one table
//! probe. Why not a word-level automaton: classes, optional parts and gaps
//! make the patterns a small regular language over ids, but the lists are
//! short (a few hundred patterns) and almost every sentence fails at the
//! first word, so the index does the automaton's work where it matters and
//! a backtracking check of the few candidates is simpler to get right,
//! reports where each hit is, and keeps compile time and memory near zero.

use super::pattern::{Alt, Item, Node, Parser, PatternError};
use super::token::{Kind, View, CAPITALISED, CLAUSE_START};
use super::vocab::{Vocab, WordId, UNKNOWN};

/// A list's index in its [`Matcher`].
pub(crate) type ListId = usize;

/// The most lists one matcher holds (one bit each in [`Hits`]).
pub(crate) const MAX_LISTS: usize = 128;

/// Why a class or list did not compile.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}: {source}")]
#[non_exhaustive]
pub struct RuleError {
    /// The class (`classes.NAME`) or list name.
    pub name: String,
    /// The pattern's error.
    pub source: PatternError,
}

impl RuleError {
    /// This error as a configuration error of language `lang`'s lexicon:
    /// its key is the class or list (`lexicon.en.signals.interest`).
    pub(crate) fn in_lexicon(self, lang: &str) -> crate::Error {
        crate::Error::Config {
            key: format!("lexicon.{lang}.{}", self.name),
            line: 0,
            message: self.source.to_string(),
        }
    }
}

/// What can start a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Starter {
    Word(WordId),
    Prefix(Box<str>),
    Number,
    Clock,
    /// A capitalised word (`#cap`): offered only at such words.
    Cap,
    Any,
}

/// Collects classes and lists, then builds a [`Matcher`].
#[derive(Debug)]
pub(crate) struct Compiler {
    vocab: Vocab,
    class_names: Vec<String>,
    classes: Vec<Alt>,
    lists: Vec<String>,
    /// Per list, where its hits may start ([`Compiler::add_led`]).
    leads: Vec<Option<Lead>>,
    /// Per list, true when it is read only at a given place
    /// ([`Compiler::add_anchored`]) and never scanned for.
    anchored: Vec<bool>,
    /// `(list, pattern)`.
    patterns: Vec<(ListId, Alt)>,
}

/// Where a led list's hits may start, as the caller gives it: at a clause
/// start (or the sentence start only), after up to `max_skip` of the
/// `skip` words, or right after one of the `after` words (a conjunction
/// that opens a new clause mid-sentence). Words are single words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LeadWords<'a> {
    pub skip: &'a [String],
    pub after: &'a [String],
    pub max_skip: usize,
    pub sentence_start: bool,
}

/// [`LeadWords`] compiled: sorted word ids.
#[derive(Debug, Clone, PartialEq)]
struct Lead {
    skip: Box<[WordId]>,
    after: Box<[WordId]>,
    max_skip: usize,
    sentence_start: bool,
}

impl Lead {
    /// True when a hit may start at token `p`: walking back over skip
    /// words, a clause start (the sentence start) or an `after` word comes
    /// first.
    fn admits(&self, v: View<'_>, p: usize) -> bool {
        let is_word = |q: usize, set: &[WordId]| {
            let t = &v.toks[q];
            t.kind == Kind::Word && set.binary_search(&t.word).is_ok()
        };
        let mut q = p;
        for skipped in 0..=self.max_skip {
            let start = if self.sentence_start {
                q == 0
            } else {
                v.clause_boundary(q)
            };
            if start || (!self.sentence_start && q > 0 && is_word(q - 1, &self.after)) {
                return true;
            }
            // Skip words may stand apart by commas ("So, um, shall we").
            if skipped == self.max_skip || q == 0 || !is_word(q - 1, &self.skip) {
                return false;
            }
            q -= 1;
        }
        false
    }
}

impl Compiler {
    /// Compiles the classes `(name, entries)`; entries are patterns and
    /// may name other classes (not themselves, directly or not).
    #[cfg(test)]
    pub(crate) fn new(classes: &[(&str, &[String])]) -> Result<Compiler, RuleError> {
        Compiler::with_vocab(Vocab::default(), classes)
    }

    /// [`Compiler::new`] interning into `vocab` (which may hold words
    /// already: ids stay as they are).
    pub(crate) fn with_vocab(mut vocab: Vocab, classes: &[(&str, &[String])]) -> Result<Compiler, RuleError> {
        let class_names: Vec<String> = classes.iter().map(|(n, _)| n.to_string()).collect();
        let mut bodies = Vec::with_capacity(classes.len());
        for (name, entries) in classes {
            let lookup = |n: &str| class_names.iter().position(|c| c == n);
            let mut p = Parser {
                vocab: &mut vocab,
                class: &lookup,
            };
            let mut body = Alt::new();
            for e in entries.iter() {
                let alt = p.parse(e).map_err(|source| RuleError {
                    name: format!("classes.{name}"),
                    source,
                })?;
                body.extend(alt);
            }
            bodies.push(body);
        }
        let c = Compiler {
            vocab,
            class_names,
            classes: bodies,
            lists: Vec::new(),
            leads: Vec::new(),
            anchored: Vec::new(),
            patterns: Vec::new(),
        };
        for i in 0..c.classes.len() {
            c.check_class(i, &mut Vec::new())?;
        }
        Ok(c)
    }

    /// Rejects a class that names itself through other classes, or one
    /// that can match no word at all.
    fn check_class(&self, i: usize, path: &mut Vec<usize>) -> Result<(), RuleError> {
        let fail = |message: String| RuleError {
            name: format!("classes.{}", self.class_names[i]),
            source: PatternError {
                pattern: format!("@{}", self.class_names[i]),
                message,
            },
        };
        if path.contains(&i) {
            let names: Vec<String> = path
                .iter()
                .chain([&i])
                .map(|&c| format!("@{}", self.class_names[c]))
                .collect();
            return Err(fail(format!(
                "classes name each other in a circle: {}",
                names.join(" → ")
            )));
        }
        path.push(i);
        let mut refs = Vec::new();
        collect_classes(&self.classes[i], &mut refs);
        for r in refs {
            self.check_class(r, path)?;
        }
        path.pop();
        Ok(())
    }

    /// Adds a named list; an empty list never hits.
    pub(crate) fn add_list(&mut self, name: &str, patterns: &[String]) -> Result<ListId, RuleError> {
        self.add(name, patterns, false)
    }

    /// Adds a named list that is only asked whether it matches at a given
    /// token ([`Matcher::match_at`]): what follows a place another rule
    /// found ("this is {name} (from | >)"). It is not indexed, so scans
    /// never try it, and a pattern may match no word (`>` alone: the place
    /// is a clause end).
    pub(crate) fn add_anchored(&mut self, name: &str, patterns: &[String]) -> Result<ListId, RuleError> {
        self.add(name, patterns, true)
    }

    fn add(&mut self, name: &str, patterns: &[String], anchored: bool) -> Result<ListId, RuleError> {
        let id = self.lists.len();
        assert!(id < MAX_LISTS, "at most {MAX_LISTS} lists in one matcher");
        self.lists.push(name.to_string());
        self.leads.push(None);
        self.anchored.push(anchored);
        for src in patterns {
            let names = &self.class_names;
            let lookup = |n: &str| names.iter().position(|c| c == n);
            let alt = Parser {
                vocab: &mut self.vocab,
                class: &lookup,
            }
            .parse(src)
            .map_err(|source| RuleError {
                name: name.to_string(),
                source,
            })?;
            if !anchored && nullable_alt(&self.classes, &alt) {
                return Err(RuleError {
                    name: name.to_string(),
                    source: PatternError {
                        pattern: src.clone(),
                        message: "it can match without any word: make at least one word required".into(),
                    },
                });
            }
            self.patterns.push((id, alt));
        }
        Ok(id)
    }

    /// Adds a named list whose hits count only after `lead` (at a clause
    /// start, say, maybe after fillers): the entries are indexed by their
    /// own words as in any list, and the place before a candidate is
    /// checked backwards, so the lead's common words ("and", "so") start
    /// no pattern.
    pub(crate) fn add_led(
        &mut self,
        name: &str,
        entries: &[String],
        lead: &LeadWords<'_>,
    ) -> Result<ListId, RuleError> {
        let mut words = |list: &[String], what: &str| -> Result<Box<[WordId]>, RuleError> {
            let mut ids = Vec::new();
            for w in list {
                let fail = |message: String| RuleError {
                    name: name.to_string(),
                    source: PatternError {
                        pattern: w.clone(),
                        message,
                    },
                };
                let folded = super::pattern::words_of(w).map_err(fail)?;
                let [one] = folded.as_slice() else {
                    return Err(fail(format!("{what} are single words")));
                };
                ids.push(self.vocab.intern(one));
            }
            ids.sort_unstable();
            ids.dedup();
            Ok(ids.into())
        };
        let led = Lead {
            skip: words(lead.skip, "the words a lead may skip")?,
            after: words(lead.after, "the words a lead may follow")?,
            max_skip: lead.max_skip,
            sentence_start: lead.sentence_start,
        };
        let id = self.add_list(name, entries)?;
        self.leads[id] = Some(led);
        Ok(id)
    }

    /// The vocabulary with every word of the classes and lists added, for
    /// a caller that builds one vocabulary over several languages first.
    pub(crate) fn into_vocab(self) -> Vocab {
        self.vocab
    }

    /// The matcher over every list added.
    pub(crate) fn finish(mut self) -> Matcher {
        // Classes first, until no class changes (classes name classes, with
        // no circle: as many passes as classes suffice), then the lists.
        for _ in 0..=self.classes.len() {
            let before = self.classes.clone();
            for i in 0..self.classes.len() {
                let c = simplify(&self.classes, &self.classes[i]);
                self.classes[i] = c;
            }
            if before == self.classes {
                break;
            }
        }
        // Each alternative at a pattern's start (through a leading class or
        // group) becomes its own entry: it is then offered only at its own
        // first words, and filtered by its own required words ("the day
        // after tomorrow" of @day is tried at "the" only, and only when
        // "day", "after" and "tomorrow" are all candidates in the sentence).
        let patterns = std::mem::take(&mut self.patterns);
        for (list, alt) in patterns {
            let alt = simplify(&self.classes, &alt);
            let mut seqs = Vec::new();
            for seq in alt {
                expand_start(&self.classes, seq, &mut seqs, 0);
            }
            for seq in seqs {
                self.patterns.push((list, vec![seq]));
            }
        }
        let mut by_word: Vec<Vec<u32>> = vec![Vec::new(); self.vocab.len()];
        let mut by_prefix: Vec<(Box<str>, u32)> = Vec::new();
        let mut on_number = Vec::new();
        let mut on_clock = Vec::new();
        let mut on_cap = Vec::new();
        let mut on_any = Vec::new();
        for (i, (list, alt)) in self.patterns.iter().enumerate() {
            let i = i as u32;
            if self.anchored[*list] {
                continue;
            }
            let mut starters = Vec::new();
            first_alt(&self.classes, alt, &mut starters);
            for s in starters {
                let slot = match s {
                    Starter::Word(w) => &mut by_word[w as usize],
                    Starter::Prefix(p) => {
                        if !by_prefix.contains(&(p.clone(), i)) {
                            by_prefix.push((p, i));
                        }
                        continue;
                    }
                    Starter::Number => &mut on_number,
                    Starter::Clock => &mut on_clock,
                    Starter::Cap => &mut on_cap,
                    Starter::Any => &mut on_any,
                };
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        by_prefix.sort();
        // A known word's prefix patterns are found once here and indexed
        // under its id: at scan time only unknown words need the prefix
        // search.
        for (id, w) in self.vocab.words() {
            for (x, i) in &by_prefix {
                let slot = &mut by_word[id as usize];
                if w.starts_with(&**x) && !slot.contains(i) {
                    slot.push(*i);
                }
            }
        }
        let mut prefix_keys = vec![0u64; 1 << 10];
        for (x, _) in &by_prefix {
            let b = x.as_bytes();
            let keys: Vec<usize> = match b {
                [a] => (0..256).map(|c| usize::from(*a) << 8 | c).collect(),
                [a, c, ..] => vec![usize::from(*a) << 8 | usize::from(*c)],
                [] => Vec::new(),
            };
            for k in keys {
                prefix_keys[k / 64] |= 1 << (k % 64);
            }
        }
        let required: Vec<Option<Box<[WordId]>>> = self
            .patterns
            .iter()
            .map(|(_, alt)| {
                // A pattern that can only start at a number is filtered on
                // its other items (at_start would leave it out entirely).
                let mut st = Vec::new();
                first_alt(&self.classes, alt, &mut st);
                let numeric = st.iter().all(|s| matches!(s, Starter::Number | Starter::Clock));
                required_words(&self.classes, alt, !numeric)
            })
            .collect();
        let required_sig = required
            .iter()
            .map(|r: &Option<Box<[WordId]>>| {
                r.as_ref()
                    .map_or(u64::MAX, |ws| ws.iter().fold(0, |m, w| m | 1 << (w % 64)))
            })
            .collect();
        // The index holds each pattern with its list ([`Candidate`]): a scan
        // that does not want a list (or has its hit already) passes its
        // patterns over without loading them, which is most of the
        // candidates (measured: 1.9 M of 3.0 M on the 5 MB corpus).
        assert!(self.patterns.len() < 1 << 24, "at most 2^24 patterns in one matcher");
        let pack = |i: &u32| Candidate(*i | (self.patterns[*i as usize].0 as u32) << 24);
        let mut word_start = Vec::with_capacity(by_word.len() + 1);
        let mut word_pats = Vec::new();
        for pats in &by_word {
            word_start.push(word_pats.len() as u32);
            word_pats.extend(pats.iter().map(pack));
        }
        word_start.push(word_pats.len() as u32);
        let by_prefix: Vec<(Box<str>, Candidate)> = by_prefix.iter().map(|(x, i)| (x.clone(), pack(i))).collect();
        let (on_number, on_clock, on_cap, on_any): (Vec<Candidate>, Vec<Candidate>, Vec<Candidate>, Vec<Candidate>) = (
            on_number.iter().map(pack).collect(),
            on_clock.iter().map(pack).collect(),
            on_cap.iter().map(pack).collect(),
            on_any.iter().map(pack).collect(),
        );
        let mut by_list = vec![Vec::new(); self.lists.len()];
        for (i, (list, alt)) in self.patterns.iter().enumerate() {
            let first = match alt.as_slice() {
                [seq] => match seq.first() {
                    Some(Item {
                        node: Node::Word(w),
                        optional: false,
                    }) => Some(*w),
                    _ => None,
                },
                _ => None,
            };
            by_list[*list].push((i as u32, first));
        }
        let class_sets: Vec<Option<Box<[WordId]>>> = (0..self.classes.len())
            .map(|c| {
                let mut out = Vec::new();
                single_words(&self.classes, &self.classes[c], &mut out).then(|| {
                    out.sort_unstable();
                    out.dedup();
                    out.into_boxed_slice()
                })
            })
            .collect();
        let literal = self
            .patterns
            .iter()
            .map(|(_, alt)| literal_of(alt, &class_sets))
            .collect();
        let any_lists = on_any.iter().fold(0u128, |m, c| m | 1 << c.list());
        let word_lists = (0..by_word.len())
            .map(|w| {
                word_pats[word_start[w] as usize..word_start[w + 1] as usize]
                    .iter()
                    .fold(any_lists, |m, c| m | 1 << c.list())
            })
            .collect();
        Matcher {
            word_lists,
            literal,
            class_sets,
            by_list,
            vocab: self.vocab,
            class_names: self.class_names,
            classes: self.classes,
            lists: self.lists,
            leads: self.leads,
            patterns: self.patterns,
            word_start,
            word_pats,
            by_prefix,
            prefix_keys,
            required,
            required_sig,
            on_number,
            on_clock,
            on_cap,
            on_any,
        }
    }
}

/// A pattern the index offers, with its list: pattern index in the low
/// 24 bits, list id above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Candidate(u32);

impl Candidate {
    #[inline]
    fn list(self) -> ListId {
        (self.0 >> 24) as ListId
    }

    #[inline]
    fn pattern(self) -> usize {
        (self.0 & 0x00ff_ffff) as usize
    }
}

/// One item of a literal pattern.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lit {
    /// This word.
    Word(WordId),
    /// A run of words of this one-word class (`@class*`).
    Run(usize),
}

/// `alt` as a literal pattern, when it is one sequence of required words
/// and `@class*` runs of one-word classes.
fn literal_of(alt: &Alt, class_sets: &[Option<Box<[WordId]>>]) -> Option<Box<[Lit]>> {
    let [seq] = alt.as_slice() else {
        return None;
    };
    seq.iter()
        .map(|it| match (&it.node, it.optional) {
            (Node::Word(w), false) => Some(Lit::Word(*w)),
            (Node::Many(c), false) if class_sets[*c].is_some() => Some(Lit::Run(*c)),
            _ => None,
        })
        .collect()
}

/// Splits `seq` into one sequence per alternative of its first consuming
/// item when that item is a required class or group (after leading
/// anchors), recursively, up to a bound that keeps the pattern count small.
fn expand_start(classes: &[Alt], seq: Vec<Item>, out: &mut Vec<Vec<Item>>, depth: usize) {
    let k = seq
        .iter()
        .position(|it| !matches!(it.node, Node::SentStart | Node::ClauseStart));
    let inner = match k.map(|k| &seq[k]) {
        Some(Item {
            node: Node::Class(c),
            optional: false,
        }) => Some(&classes[*c]),
        Some(Item {
            node: Node::Group(g),
            optional: false,
        }) => Some(g),
        _ => None,
    };
    match (k, inner) {
        (Some(k), Some(inner)) if depth < 4 && inner.len() <= 16 => {
            for alt_seq in inner {
                let mut s: Vec<Item> = seq[..k].to_vec();
                s.extend(alt_seq.iter().cloned());
                s.extend(seq[k + 1..].iter().cloned());
                expand_start(classes, s, out, depth + 1);
            }
        }
        _ => out.push(seq),
    }
}

/// `alt` with groups and classes of single words turned into one
/// [`Node::Set`] each, and a group of one item into that item: the same
/// language, tested with fewer steps.
fn simplify(classes: &[Alt], alt: &Alt) -> Alt {
    let mut words: Vec<WordId> = Vec::new();
    let mut rest: Alt = Vec::new();
    for seq in alt {
        let seq: Vec<Item> = seq
            .iter()
            .map(|it| {
                let node = match &it.node {
                    Node::Group(g) => {
                        let g = simplify(classes, g);
                        match g.as_slice() {
                            [one] if one.len() == 1 && !one[0].optional => one[0].node.clone(),
                            _ => Node::Group(g),
                        }
                    }
                    Node::Class(c) => match classes[*c].as_slice() {
                        [one] if one.len() == 1 && !one[0].optional && matches!(one[0].node, Node::Set(_)) => {
                            one[0].node.clone()
                        }
                        _ => Node::Class(*c),
                    },
                    n => n.clone(),
                };
                Item {
                    node,
                    optional: it.optional,
                }
            })
            .collect();
        match seq.as_slice() {
            [Item {
                node: Node::Word(w),
                optional: false,
            }] => words.push(*w),
            [Item {
                node: Node::Set(ws),
                optional: false,
            }] => words.extend(ws.iter()),
            _ => rest.push(seq),
        }
    }
    if !words.is_empty() {
        words.sort_unstable();
        words.dedup();
        let node = match words.as_slice() {
            [w] => Node::Word(*w),
            _ => Node::Set(words.into()),
        };
        rest.insert(0, vec![Item { node, optional: false }]);
    }
    rest
}

/// Adds the words of `alt` to `out`; false when some alternative is not
/// exactly one required word (or a class or group of such).
fn single_words(classes: &[Alt], alt: &Alt, out: &mut Vec<WordId>) -> bool {
    alt.iter().all(|seq| match seq.as_slice() {
        [Item { node, optional: false }] => match node {
            Node::Word(w) => {
                out.push(*w);
                true
            }
            Node::Set(ws) => {
                out.extend(ws.iter());
                true
            }
            Node::Class(c) => single_words(classes, &classes[*c], out),
            Node::Group(g) => single_words(classes, g, out),
            _ => false,
        },
        _ => false,
    })
}

fn collect_classes(alt: &Alt, out: &mut Vec<usize>) {
    for seq in alt {
        for it in seq {
            match &it.node {
                Node::Class(c) | Node::Many(c) => out.push(*c),
                Node::Group(g) => collect_classes(g, out),
                _ => {}
            }
        }
    }
}

fn nullable_node(classes: &[Alt], n: &Node) -> bool {
    match n {
        Node::Class(c) => nullable_alt(classes, &classes[*c]),
        Node::Group(g) => nullable_alt(classes, g),
        Node::Gap(_)
        | Node::GapToClause(_)
        | Node::SentGap(_)
        | Node::Many(_)
        | Node::SentStart
        | Node::SentEnd
        | Node::ClauseStart
        | Node::ClauseEnd
        | Node::Joined => true,
        _ => false,
    }
}

fn nullable_alt(classes: &[Alt], alt: &Alt) -> bool {
    alt.iter()
        .any(|seq| seq.iter().all(|it| it.optional || nullable_node(classes, &it.node)))
}

/// What can start `alt`, added to `out`.
fn first_alt(classes: &[Alt], alt: &Alt, out: &mut Vec<Starter>) {
    for seq in alt {
        first_seq(classes, seq, out);
    }
}

fn first_seq(classes: &[Alt], seq: &[Item], out: &mut Vec<Starter>) {
    for it in seq {
        match &it.node {
            Node::Word(w) => out.push(Starter::Word(*w)),
            Node::Set(ws) => out.extend(ws.iter().map(|&w| Starter::Word(w))),
            Node::Prefix(p) => out.push(Starter::Prefix(p.clone())),
            Node::Num | Node::Hour => out.push(Starter::Number),
            Node::Clock => out.push(Starter::Clock),
            Node::Cap => out.push(Starter::Cap),
            Node::Gap(_) | Node::GapToClause(_) | Node::SentGap(_) | Node::Any => out.push(Starter::Any),
            Node::Class(c) | Node::Many(c) => first_alt(classes, &classes[*c], out),
            Node::Group(g) => first_alt(classes, g, out),
            Node::SentStart | Node::SentEnd | Node::ClauseStart | Node::ClauseEnd | Node::Joined => {}
        }
        if !(it.optional || nullable_node(classes, &it.node)) {
            return;
        }
    }
}

/// Words of which one must occur for `alt` to match, when it starts at
/// a word token: per alternative, the smallest word set of its required
/// items (a class or group answers for its own alternatives); alternatives
/// that can only start with a number or clock time are left out (they
/// cannot start at a word; at a number the pattern is tried unfiltered).
/// `None` when some alternative has no such item.
fn required_words(classes: &[Alt], alt: &Alt, at_start: bool) -> Option<Box<[WordId]>> {
    let mut all = Vec::new();
    for seq in alt {
        if at_start {
            let mut st = Vec::new();
            first_seq(classes, seq, &mut st);
            if st.iter().all(|s| matches!(s, Starter::Number | Starter::Clock)) {
                continue;
            }
        }
        all.extend(required_seq(classes, seq, at_start)?.iter());
    }
    all.sort_unstable();
    all.dedup();
    Some(all.into())
}

/// [`required_words`] of one sequence.
fn required_seq(classes: &[Alt], seq: &[Item], at_start: bool) -> Option<Box<[WordId]>> {
    let mut best: Option<Box<[WordId]>> = None;
    let mut first_words = None;
    for (i, it) in seq.iter().enumerate() {
        if it.optional || nullable_node(classes, &it.node) {
            continue;
        }
        // Only the first item starts where the pattern starts.
        let here = at_start && i == 0;
        let inner = match &it.node {
            Node::Class(c) => required_words(classes, &classes[*c], here),
            Node::Group(g) => required_words(classes, g, here),
            _ => None,
        };
        let own = inner.or_else(|| {
            let mut st = Vec::new();
            first_seq(classes, std::slice::from_ref(it), &mut st);
            let words: Option<Vec<WordId>> = st
                .iter()
                .map(|s| match s {
                    Starter::Word(w) => Some(*w),
                    _ => None,
                })
                .collect();
            words.filter(|w| !w.is_empty()).map(Into::into)
        });
        if let Some(w) = own {
            // At the start, the first item's word is the one the index
            // offered the pattern for: present by construction, so it
            // filters nothing; any later item is better (ties: the later).
            if here && matches!(it.node, Node::Word(_) | Node::Set(_)) {
                first_words = Some(w);
                continue;
            }
            if best.as_ref().is_none_or(|b| w.len() <= b.len()) {
                best = Some(w);
            }
        }
    }
    best.or(first_words)
}

/// The compiled lists of one language.
#[derive(Debug)]
pub(crate) struct Matcher {
    vocab: Vocab,
    class_names: Vec<String>,
    classes: Vec<Alt>,
    lists: Vec<String>,
    leads: Vec<Option<Lead>>,
    patterns: Vec<(ListId, Alt)>,
    /// Per class, its words (sorted) when every entry is one word: a
    /// `@class*` run tests a token with one binary search.
    class_sets: Vec<Option<Box<[WordId]>>>,
    /// Per pattern, its words when it is only words and `@class*` runs of
    /// one-word classes (most phrase lists): matched by a loop over ids
    /// instead of the general backtracking through continuations, with
    /// the same ends in the same order.
    literal: Vec<Option<Box<[Lit]>>>,
    /// Each list's patterns, in the order they were written, with the word
    /// each must start with when it starts with one word (asked at a token,
    /// a pattern of another first word is passed over untried).
    by_list: Vec<Vec<(u32, Option<WordId>)>>,
    /// Patterns by the id of a word that can start them: word `w`'s are
    /// `word_pats[word_start[w]..word_start[w + 1]]` (one flat array, so a
    /// probe is two loads from the same cache lines).
    word_start: Vec<u32>,
    word_pats: Vec<Candidate>,
    /// Per word id, the lists of the patterns [`Matcher::candidates`]
    /// offers at it when it is not capitalised (its own and those that
    /// start anywhere), one bit each.
    word_lists: Vec<u128>,
    /// Patterns that can start with a prefix wildcard, sorted by prefix.
    by_prefix: Vec<(Box<str>, Candidate)>,
    /// One bit per first two bytes of any prefix in `by_prefix`: most
    /// words skip the prefix search on one bit test.
    prefix_keys: Vec<u64>,
    /// Per pattern, words of which one must occur in the sentence for it
    /// to match (`None`: no such set), tested before matching.
    required: Vec<Option<Box<[WordId]>>>,
    /// Per pattern, its required words folded like [`Hits::sig`] (all
    /// bits when it has none).
    required_sig: Vec<u64>,
    on_number: Vec<Candidate>,
    on_clock: Vec<Candidate>,
    /// Patterns that can start at a capitalised word (`#cap`), tried only
    /// at such words.
    on_cap: Vec<Candidate>,
    on_any: Vec<Candidate>,
}

/// Which lists hit in a sentence, and where the first hit of each is.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hits {
    bits: u128,
    /// Token span of each list's first hit (valid where the bit is set).
    spans: Vec<(u16, u16)>,
    /// The word ids present in the sentence, one bit each.
    present: Vec<u64>,
    /// The same folded into 64 bits (id mod 64): a pattern none of whose
    /// required words' bits is here is passed over on one test.
    sig: u64,
}

impl Hits {
    /// How many lists hit.
    pub(crate) fn count(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// True when list `l` hit.
    #[inline]
    pub(crate) fn has(&self, l: ListId) -> bool {
        self.bits >> l & 1 == 1
    }

    /// Token range `start..end` of list `l`'s first hit: where a hit is,
    /// for rules that compose hits by position.
    #[allow(dead_code)] // read by tests
    pub(crate) fn span(&self, l: ListId) -> Option<(usize, usize)> {
        self.has(l)
            .then(|| self.spans[l])
            .map(|(a, b)| (a as usize, b as usize))
    }

    /// True when nothing hit.
    pub(crate) fn is_empty(&self) -> bool {
        self.bits == 0
    }
}

impl Matcher {
    /// The vocabulary the tokenizer gives ids from.
    pub(crate) fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// The word ids of class `name` when every entry of it is one word
    /// (through the classes it names), sorted: for a caller that asks of
    /// each token whether it is in the class, rather than where a pattern
    /// matches. `None` when there is no such class or an entry is more
    /// than one word (a sequence, a wildcard, an optional part).
    pub(crate) fn class_words(&self, name: &str) -> Option<Vec<WordId>> {
        let c = self.class_names.iter().position(|n| n == name)?;
        self.class_sets[c].as_ref().map(|ws| ws.to_vec())
    }

    /// A list's id by name.
    #[cfg(test)]
    pub(crate) fn list(&self, name: &str) -> Option<ListId> {
        self.lists.iter().position(|l| l == name)
    }

    /// Which lists hit in one sentence's tokens, into `out` (reused).
    #[cfg(test)]
    pub(crate) fn scan(&self, v: View<'_>, out: &mut Hits) {
        self.scan_only(v, u128::MAX, out);
    }

    /// [`Matcher::scan`] for the lists whose bit is set in `wanted` only:
    /// a caller that knows some answers cannot matter here skips their
    /// patterns (the others read as not hit).
    pub(crate) fn scan_only(&self, v: View<'_>, wanted: u128, out: &mut Hits) {
        // Unwanted lists start out as hit, so no pattern of theirs is
        // tried, and are cleared at the end.
        out.bits = !wanted;
        out.spans.resize(self.lists.len(), (0, 0));
        out.present.clear();
        out.present.resize(self.vocab.len().div_ceil(64), 0);
        out.sig = 0;
        for t in v.toks {
            out.present[t.word as usize / 64] |= 1 << (t.word % 64);
            out.sig |= 1 << (t.word % 64);
        }
        for p in 0..v.len() {
            // Most words start patterns of lists this scan does not want, or
            // of lists that have hit: one test passes over all of them.
            let t = &v.toks[p];
            if t.kind == Kind::Word
                && t.word != UNKNOWN
                && !t.is(CAPITALISED)
                && self.word_lists[t.word as usize] & !out.bits == 0
            {
                continue;
            }
            self.candidates(v, p, |i| self.try_one(i, v, p, out));
        }
        out.bits &= wanted;
    }

    /// Calls `f` with each pattern the index offers at token `p`: those
    /// its word can start (prefixes searched for unknown words only: a
    /// known word's prefix patterns are indexed under its id), those of a
    /// number, a clock time or a capitalised word, and those that can
    /// start anywhere.
    #[inline]
    fn candidates(&self, v: View<'_>, p: usize, mut f: impl FnMut(Candidate)) {
        let t = &v.toks[p];
        match t.kind {
            Kind::Word if t.word != UNKNOWN => {
                let w = t.word as usize;
                let (a, b) = (self.word_start[w] as usize, self.word_start[w + 1] as usize);
                self.word_pats[a..b].iter().for_each(|&i| f(i));
            }
            Kind::Word => {
                let w = v.fold(p);
                let b = w.as_bytes();
                let key = b.first().map_or(0, |&c| {
                    usize::from(c) << 8 | usize::from(b.get(1).copied().unwrap_or(0))
                });
                if !w.is_empty() && self.prefix_keys[key / 64] >> (key % 64) & 1 == 1 {
                    // Prefixes are sorted: those of `w` sit at or before its
                    // position in the order.
                    let end = self.by_prefix.partition_point(|(x, _)| &**x <= w);
                    for (x, pat) in self.by_prefix[..end].iter().rev() {
                        if x.as_bytes().first() != b.first() {
                            break;
                        }
                        if w.starts_with(&**x) {
                            f(*pat);
                        }
                    }
                }
            }
            Kind::Number => self.on_number.iter().for_each(|&i| f(i)),
            Kind::Clock => self.on_clock.iter().for_each(|&i| f(i)),
        }
        if t.is(CAPITALISED) {
            self.on_cap.iter().for_each(|&i| f(i));
        }
        self.on_any.iter().for_each(|&i| f(i));
    }

    /// Every hit of list `l` in one sentence's tokens, left to right and
    /// not overlapping, as token ranges (into `out`, cleared first): for
    /// rules that read each place a list hits, not only whether it does.
    pub(crate) fn all_hits(&self, v: View<'_>, l: ListId, out: &mut Vec<(usize, usize)>) {
        out.clear();
        let n = v.len();
        let mut p = 0;
        while p < n {
            let mut end = None;
            self.candidates(v, p, |c| {
                if c.list() != l {
                    return;
                }
                let (_, alt) = &self.patterns[c.pattern()];
                if end.is_some() || self.leads[l].as_ref().is_some_and(|d| !d.admits(v, p)) {
                    return;
                }
                self.alt(alt, v, p, &mut |q| {
                    end = Some(q);
                    true
                });
            });
            match end {
                Some(e) => {
                    out.push((p, e));
                    p = e.max(p + 1);
                }
                None => p += 1,
            }
        }
    }

    /// Where a match of list `l` that starts at token `p` ends (`p` in
    /// `0..=len`), trying its patterns in order: for a rule that has found
    /// a place (a name, say) and asks what follows it. `None` when no
    /// pattern of `l` matches there.
    pub(crate) fn match_at(&self, v: View<'_>, l: ListId, p: usize) -> Option<usize> {
        let mut end = None;
        self.ends_at(v, l, p, &mut |q| {
            end = Some(q);
            true
        });
        end
    }

    /// True when a pattern of list `l` matches from token `p` to the end
    /// of `v`: `v` is one of the list's entries, from `p` on.
    pub(crate) fn matches_to_end(&self, v: View<'_>, l: ListId, p: usize) -> bool {
        self.ends_at(v, l, p, &mut |q| q == v.len())
    }

    /// Offers every end of a match of list `l` starting at token `p` to
    /// `k`, pattern by pattern in the order they were written, until `k`
    /// accepts one (returns true).
    fn ends_at(&self, v: View<'_>, l: ListId, p: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        if self.leads[l].as_ref().is_some_and(|d| !d.admits(v, p)) {
            return false;
        }
        let at = v.toks.get(p).map(|t| t.word);
        self.by_list[l]
            .iter()
            .filter(|(_, first)| first.is_none_or(|w| Some(w) == at))
            .any(|&(i, _)| match &self.literal[i as usize] {
                Some(lits) => self.lits(lits, v, p, k),
                None => self.alt(&self.patterns[i as usize].1, v, p, k),
            })
    }

    fn try_one(&self, c: Candidate, v: View<'_>, p: usize, out: &mut Hits) {
        if out.has(c.list()) {
            return;
        }
        let i = c.pattern();
        let (list, alt) = &self.patterns[i];
        if let Some(lead) = &self.leads[*list] {
            if !lead.admits(v, p) {
                return;
            }
        }
        if self.required_sig[i] & out.sig == 0 {
            return;
        }
        if let Some(req) = &self.required[i] {
            if !req.iter().any(|&w| out.present[w as usize / 64] >> (w % 64) & 1 == 1) {
                return;
            }
        }
        let mut end = None;
        if self.alt(alt, v, p, &mut |q| {
            end = Some(q);
            true
        }) {
            out.bits |= 1 << list;
            out.spans[*list] = (p as u16, end.unwrap_or(p) as u16);
        }
    }

    /// A literal pattern ([`Matcher::literal`]) from token `p`: the ends of
    /// [`Matcher::alt`] over the same pattern, in its order.
    fn lits(&self, lits: &[Lit], v: View<'_>, p: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        let word_at = |q: usize| v.toks.get(q).filter(|t| t.kind == Kind::Word).map(|t| t.word);
        let mut q = p;
        for (i, l) in lits.iter().enumerate() {
            match l {
                Lit::Word(w) => {
                    if word_at(q) != Some(*w) {
                        return false;
                    }
                    q += 1;
                }
                Lit::Run(c) => {
                    let set = self.class_sets[*c].as_deref().unwrap_or_default();
                    for q in q..=q + super::pattern::MANY_MAX {
                        if self.lits(&lits[i + 1..], v, q, k) {
                            return true;
                        }
                        if word_at(q).is_none_or(|w| set.binary_search(&w).is_err()) {
                            return false;
                        }
                    }
                    return false;
                }
            }
        }
        k(q)
    }

    /// Continuation-passing match: `k` gets each end position and returns
    /// true to stop.
    fn alt(&self, alt: &Alt, v: View<'_>, p: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        alt.iter().any(|seq| self.seq(seq, v, p, k))
    }

    fn seq(&self, seq: &[Item], v: View<'_>, p: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        let Some((it, rest)) = seq.split_first() else {
            return k(p);
        };
        if self.node(&it.node, v, p, &mut |q| self.seq(rest, v, q, k)) {
            return true;
        }
        it.optional && self.seq(rest, v, p, k)
    }

    fn node(&self, node: &Node, v: View<'_>, p: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
        let n = v.len();
        let tok = v.toks.get(p);
        match node {
            Node::Word(w) => tok.is_some_and(|t| t.word == *w && t.kind == Kind::Word) && k(p + 1),
            Node::Set(ws) => tok.is_some_and(|t| t.kind == Kind::Word && ws.binary_search(&t.word).is_ok()) && k(p + 1),
            Node::Prefix(x) => tok.is_some_and(|t| t.kind == Kind::Word) && v.fold(p).starts_with(&**x) && k(p + 1),
            Node::Class(c) => self.alt(&self.classes[*c], v, p, k),
            Node::Many(c) => {
                // Shortest run first: the phrase's next word wins over one
                // more skipped word.
                for q in p..=p + super::pattern::MANY_MAX {
                    if k(q) {
                        return true;
                    }
                    let one_word = match (&self.class_sets[*c], v.toks.get(q)) {
                        (_, None) => false,
                        (Some(set), Some(t)) => t.kind == Kind::Word && set.binary_search(&t.word).is_ok(),
                        (None, Some(_)) => self.alt(&self.classes[*c], v, q, &mut |e| e == q + 1),
                    };
                    if !one_word {
                        return false;
                    }
                }
                false
            }
            Node::Group(g) => self.alt(g, v, p, k),
            Node::Gap(m) => {
                for j in 0..=*m as usize {
                    // The gap's words and the one after it share a clause.
                    if j > 0 && (p + j > n || (p + j < n && v.toks[p + j].is(CLAUSE_START))) {
                        break;
                    }
                    if k(p + j) {
                        return true;
                    }
                }
                false
            }
            Node::GapToClause(m) => {
                for j in 0..=*m as usize {
                    // The gap's words share a clause, and a clause starts
                    // right after them, inside the sentence.
                    if (j >= 2 && v.toks[p + j - 1].is(CLAUSE_START)) || p + j >= n {
                        break;
                    }
                    if v.toks[p + j].is(CLAUSE_START) && k(p + j) {
                        return true;
                    }
                }
                false
            }
            Node::Num => tok.is_some_and(|t| t.kind == Kind::Number) && k(p + 1),
            Node::Hour => {
                tok.is_some_and(|t| {
                    let f = v.fold(p);
                    t.kind == Kind::Number && f.len() <= 2 && f.parse::<u8>().is_ok_and(|h| h <= 24)
                }) && k(p + 1)
            }
            Node::Clock => tok.is_some_and(|t| t.kind == Kind::Clock) && k(p + 1),
            Node::Cap => tok.is_some_and(|t| t.kind == Kind::Word && t.is(CAPITALISED)) && k(p + 1),
            Node::Any => tok.is_some() && k(p + 1),
            Node::SentGap(m) => {
                for j in 0..=*m as usize {
                    if p + j > n {
                        break;
                    }
                    if k(p + j) {
                        return true;
                    }
                }
                false
            }
            Node::SentStart => p == 0 && k(p),
            Node::SentEnd => p == n && k(p),
            Node::ClauseStart => p < n && v.clause_boundary(p) && k(p),
            Node::ClauseEnd => p > 0 && v.clause_boundary(p) && k(p),
            Node::Joined => p > 0 && p < n && !v.clause_boundary(p) && k(p),
        }
    }
}
