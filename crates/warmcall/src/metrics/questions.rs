//! Question detection and counts (SPEC §5 "Questions").
//!
//! One token-based classifier over lowercase words, driven by the
//! `[questions]` lists of the language's lexicon. A sentence is tokenised
//! once (commas remembered as clause boundaries); every rule then looks at a
//! handful of tokens, so classification costs one pass plus hash look-ups.
//! docs/questions.md describes the rules and the choices made where the spec
//! is silent.

use std::collections::HashSet;

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{QuestionBasis, QuestionItem, QuestionKind, QuestionStats, Questions, Role};
use std::sync::Arc;

use crate::rules::{
    words_of, Compiler, Kind, ListId, Matcher, RuleError, Tokens, View, WordId, CAPITALISED, CLAUSE_START, UNKNOWN,
};

// One bit per word list: `Bits` is wide enough for every list of the
// `[questions]` lexicon (64 lists filled a `u64`).
type Bits = u128;
const QWORDS: Bits = 1 << 0;
const QMODS: Bits = 1 << 1;
const DETERMINERS: Bits = 1 << 2;
const CONCESSIVE: Bits = 1 << 3;
const RELATIVE_SUBJECTS: Bits = 1 << 4;
const COMMA_RELATIVES: Bits = 1 << 5;
const DEICTIC: Bits = 1 << 6;
const TRAILING: Bits = 1 << 7;
const AUX_TAG_BLOCKERS: Bits = 1 << 8;
const PROPOSAL_AUX: Bits = 1 << 9;
const IN_PLACE: Bits = 1 << 10;
const IN_PLACE_FOLLOW: Bits = 1 << 11;
const FILLERS: Bits = 1 << 12;
const SKIPPABLE: Bits = 1 << 13;
const PRONOUNS: Bits = 1 << 14;
const SUBJECT_WORDS: Bits = 1 << 15;
const AUX: Bits = 1 << 16;
const NOT_VERBS: Bits = 1 << 17;
const V1_PRONOUNS: Bits = 1 << 18;
const PREPS: Bits = 1 << 19;
const EXCL: Bits = 1 << 20;
const NARRATIVE: Bits = 1 << 21;
const COND_THEN: Bits = 1 << 22;
const COND_AUX: Bits = 1 << 23;
const CLOSED_COMP: Bits = 1 << 24;
const EMBEDDING: Bits = 1 << 25;
const TIME_WORDS: Bits = 1 << 26;
const TAG_BLOCKERS: Bits = 1 << 27;
const NEGATIONS: Bits = 1 << 28;
const SUBORDINATORS: Bits = 1 << 29;
/// First words of invitations and indirect questions (the `may_invite` fast
/// path): with the fillers, one look-up answers both of its questions.
const HEAD_TRIGGER: Bits = FIRST_INVITATION | FIRST_INDIRECT;
// First words of each phrase list: a phrase look-up at a token without its
// list's bit is skipped without hashing the word again.
const FIRST_NON_OPENER: Bits = 1 << 31;
const FIRST_INVITATION: Bits = 1 << 32;
const FIRST_EXPLAIN: Bits = 1 << 33;
const FIRST_INDIRECT: Bits = 1 << 34;
const FIRST_TOPIC: Bits = 1 << 35;
const FIRST_PROPOSAL: Bits = 1 << 36;
const FIRST_TAG: Bits = 1 << 37;
const FIRST_TAIL_TAG: Bits = 1 << 38;
const FIRST_REFER_BACK: Bits = 1 << 39;
// Classes of the generalising rules (issues 16, 17; docs/questions.md).
const FIRST_PERSON: Bits = 1 << 40;
const PARTICLES: Bits = 1 << 41;
const REPORTING: Bits = 1 << 42;
const ELL_CONJ: Bits = 1 << 43;
const ELL_START: Bits = 1 << 44;
const ELL_BLOCK: Bits = 1 << 45;
const IMP_PARTICLES: Bits = 1 << 46;
const IMP_SOFT: Bits = 1 << 47;
const IMP_SUBJECTS: Bits = 1 << 48;
const ADDRESSEE: Bits = 1 << 49;
const STATE: Bits = 1 << 50;
const DECL_BLOCK: Bits = 1 << 51;
const ADDR_TAIL: Bits = 1 << 52;
const AGREEMENT: Bits = 1 << 53;
const RATE_UNITS: Bits = 1 << 54;
const IN_PLACE_RATE: Bits = 1 << 55;
const CHECK_OPENERS: Bits = 1 << 56;
const FIRST_FINAL_NON_OPENER: Bits = 1 << 57;
const FIRST_ELLIPTICAL: Bits = 1 << 58;
const ALTERNATIVE: Bits = 1 << 59;
/// Subjects whose inversion mid-utterance asks (English: no V2 order).
const INVERTED_SUBJECTS: Bits = 1 << 60;
/// Words that open a yes/no answer ("yes", "nee"): timing evidence.
const ANSWER_WORDS: Bits = 1 << 61;
const FIRST_ELL_PHRASE: Bits = 1 << 62;
/// Verb forms that head a subjectless yes/no question in speech ("got your …").
const SUBJECTLESS_VERBS: Bits = 1 << 63;
/// Object starts after such a verb that make it ask: the listener's or a polarity word.
const SUBJECTLESS_OBJECTS: Bits = 1 << 64;
/// A final word that asks to confirm a statement ("… then").
const CONFIRM_FINALS: Bits = 1 << 65;
/// Words that make a statement with such a final a report or farewell.
const CONFIRM_BLOCKERS: Bits = 1 << 66;
/// Words before the final that make it a time adverb or a closing.
const CONFIRM_FINAL_BLOCKERS: Bits = 1 << 67;
/// Words that, as a whole turn, ask the other to repeat ("pardon", "eh").
const REPAIR: Bits = 1 << 68;
/// Words that make "X or Y" a fixed phrase or an estimate, not a choice.
const ALT_BLOCKERS: Bits = 1 << 69;
/// Determiners of a noun subject after a verb-first finite verb (Dutch).
const V1_DETERMINERS: Bits = 1 << 70;
/// Adverbs that may close such a question ("nog", "weer").
const V1_ADVERBS: Bits = 1 << 71;
// A capitalised subordinator or hesitation ("If", "Or", "Cos") also starts a
// new sentence in cased transcripts: CHAT transcribers capitalise sentence starts.
/// Words that may open a sentence inside an unpunctuated, cased segment.
const BOUNDARY: Bits = QWORDS | FILLERS | AUX | PRONOUNS | NEGATIONS | SUBORDINATORS | TRAILING;

/// The `[questions]` word lists: each is the engine class of the same name
/// (`@auxiliaries`, `@fillers`, …), so its words are in the analyzer's one
/// vocabulary and a token's lists are one table look-up by word id.
const WORD_CLASSES: &[(&str, Bits)] = &[
    ("question_words", QWORDS),
    ("question_word_modifiers", QMODS),
    ("determiner_question_words", DETERMINERS),
    ("concessive_markers", CONCESSIVE),
    ("relative_subject_starts", RELATIVE_SUBJECTS),
    ("comma_relatives", COMMA_RELATIVES),
    ("deictic_words", DEICTIC),
    ("trailing_hesitations", TRAILING),
    ("aux_tag_blockers", AUX_TAG_BLOCKERS),
    ("proposal_auxiliaries", PROPOSAL_AUX),
    ("in_place_words", IN_PLACE),
    ("in_place_followers", IN_PLACE_FOLLOW),
    ("fillers", FILLERS),
    ("skippable", SKIPPABLE),
    ("subject_pronouns", PRONOUNS),
    ("subject_words", SUBJECT_WORDS),
    ("auxiliaries", AUX),
    ("not_verbs", NOT_VERBS),
    ("v1_pronouns", V1_PRONOUNS),
    ("prepositions", PREPS),
    ("exclamative_words", EXCL),
    ("narrative_markers", NARRATIVE),
    ("conditional_then", COND_THEN),
    ("conditional_aux", COND_AUX),
    ("closed_complementizers", CLOSED_COMP),
    ("embedding_verbs", EMBEDDING),
    ("time_words", TIME_WORDS),
    ("tag_blockers", TAG_BLOCKERS),
    ("negations", NEGATIONS),
    ("subordinators", SUBORDINATORS),
    ("first_person", FIRST_PERSON),
    ("particles", PARTICLES),
    ("reporting_verbs", REPORTING),
    ("ellipsis_conjunctions", ELL_CONJ),
    ("ellipsis_starts", ELL_START),
    ("ellipsis_blockers", ELL_BLOCK),
    ("imperative_particles", IMP_PARTICLES),
    ("imperative_soft_particles", IMP_SOFT),
    ("imperative_subjects", IMP_SUBJECTS),
    ("addressee_subjects", ADDRESSEE),
    ("state_markers", STATE),
    ("declarative_blockers", DECL_BLOCK),
    ("addressee_tail_tags", ADDR_TAIL),
    ("agreement_words", AGREEMENT),
    ("rate_units", RATE_UNITS),
    ("in_place_rate_words", IN_PLACE_RATE),
    ("check_openers", CHECK_OPENERS),
    ("alternative_conjunctions", ALTERNATIVE),
    ("inverted_subjects", INVERTED_SUBJECTS),
    ("answer_words", ANSWER_WORDS),
    ("subjectless_verbs", SUBJECTLESS_VERBS),
    ("subjectless_objects", SUBJECTLESS_OBJECTS),
    ("confirm_finals", CONFIRM_FINALS),
    ("confirm_blockers", CONFIRM_BLOCKERS),
    ("confirm_final_blockers", CONFIRM_FINAL_BLOCKERS),
    ("repair_initiators", REPAIR),
    ("alternative_blockers", ALT_BLOCKERS),
    ("v1_noun_determiners", V1_DETERMINERS),
    ("v1_question_adverbs", V1_ADVERBS),
];

/// The `[questions]` phrase lists (classes of multi-word entries), each
/// with the bit its first words carry.
const PHRASE_CLASSES: &[(&str, Bits)] = &[
    ("non_question_openers", FIRST_NON_OPENER),
    ("final_non_question_openers", FIRST_FINAL_NON_OPENER),
    ("elliptical_openers", FIRST_ELLIPTICAL),
    ("invitations", FIRST_INVITATION),
    ("explain_phrases", FIRST_EXPLAIN),
    ("indirect", FIRST_INDIRECT),
    ("topic_openers", FIRST_TOPIC),
    ("proposal_openers", FIRST_PROPOSAL),
    ("tags", FIRST_TAG),
    ("tail_tags", FIRST_TAIL_TAG),
    ("refer_back", FIRST_REFER_BACK),
    ("ellipsis_phrases", FIRST_ELL_PHRASE),
];

/// Classes of one word each that are no list of their own bit: clitics
/// written apart, the negative tag suffix, and the stop words of the
/// follow-up rule.
const OTHER_CLASSES: &[(&str, &str)] = &[
    ("clitics", "questions.clitics"),
    ("tag_negation_suffix", "questions.tag_negation_suffix"),
    ("stopwords", "stopwords.words"),
];

/// Every lexicon list the question rules read, as `(class, lexicon key)`:
/// the analyzer compiles them into each language's engine (and so into its
/// vocabulary) with the other word lists that are classes.
pub(crate) fn list_classes() -> impl Iterator<Item = (&'static str, String)> {
    WORD_CLASSES
        .iter()
        .chain(PHRASE_CLASSES)
        .map(|&(name, _)| (name, format!("questions.{name}")))
        .chain(OTHER_CLASSES.iter().map(|&(name, key)| (name, key.to_string())))
}

/// Hashes a packed content key (a `u128`) with one folded multiply instead
/// of hashing its sixteen bytes (or SipHash).
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u128` is used by `u128`; this keeps other input correct.
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u128(&mut self, k: u128) {
        let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29) ^ self.0;
        // Folded 64x64->128 multiply: every input bit reaches both the low
        // bits (bucket) and the high bits (hashbrown's control byte).
        let m = (x as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }
}

/// The first five characters of a content word, packed 21 bits per char
/// (see [`content_key`]).
type ContentKey = u128;
type KeyBuild = std::hash::BuildHasherDefault<KeyHasher>;
type KeySet = HashSet<ContentKey, KeyBuild>;

/// A phrase list of the question rules: an anchored list of the engine
/// (asked whether it matches at a token, never scanned), compiled from the
/// lexicon's plain phrases. The rules read a sentence's tokens after
/// cleaning them (repetitions dropped, clitics written apart joined), and
/// the engine matches the phrases on that cleaned sentence.
#[derive(Debug, Clone, Copy)]
struct Phrases {
    list: ListId,
    /// The word bit that every first word carries.
    first: Bits,
}

/// The phrase lists whose words may have `@skippable` words between them
/// ("tell me *a bit more* about", "I was *just* wondering").
const SKIPPING: &[&str] = &["non_question_openers", "invitations", "indirect"];

/// The phrase lists as the compiler took them, in [`PHRASE_CLASSES`]
/// order: each list's id and the first words of its entries.
#[derive(Debug, Clone)]
pub(crate) struct PhraseLists(Vec<(ListId, Vec<String>)>);

impl PhraseLists {
    /// Adds the phrase lists of `lex` to `compiler` as anchored lists:
    /// each entry's words, longest entry first (so "vertelt u het maar"
    /// wins over "vertelt u"), joined by `@skippable*` where the list
    /// allows skipped words.
    pub(crate) fn new(lex: &Lexicon, compiler: &mut Compiler) -> Result<PhraseLists, RuleError> {
        let mut ids = Vec::with_capacity(PHRASE_CLASSES.len());
        for &(name, _) in PHRASE_CLASSES {
            let key = format!("questions.{name}");
            let fail = |message: String, entry: &str| RuleError {
                name: key.clone(),
                source: crate::rules::PatternError {
                    pattern: entry.to_string(),
                    message,
                },
            };
            let mut entries: Vec<Vec<String>> = Vec::new();
            for e in lex.list(&key) {
                entries.push(words_of(e).map_err(|m| fail(m, e))?);
            }
            entries.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let sep = if SKIPPING.contains(&name) { " @skippable* " } else { " " };
            let patterns: Vec<String> = entries.iter().map(|w| w.join(sep)).collect();
            let firsts = entries.into_iter().filter_map(|w| w.into_iter().next()).collect();
            ids.push((compiler.add_anchored(&key, &patterns)?, firsts));
        }
        Ok(PhraseLists(ids))
    }
}

impl Phrases {
    /// The view the engine matches on: the cleaned sentence `toks` is a
    /// run of, up to token `end` of `toks`.
    fn view<'b>(toks: &[Tok<'b>], end: usize) -> View<'b> {
        let base = toks[0].k as usize;
        toks[0].src.view(base..base + end)
    }

    /// Matches a phrase starting at `i` (tokens up to `end`); returns the
    /// index after the match.
    fn match_at(&self, m: &Matcher, toks: &[Tok<'_>], i: usize, end: usize) -> Option<usize> {
        if !toks.get(i)?.is(self.first) {
            return None;
        }
        m.match_at(Self::view(toks, end), self.list, i)
    }

    /// True when `toks` is exactly one phrase.
    fn exact(&self, m: &Matcher, toks: &[Tok<'_>]) -> bool {
        toks.first().is_some_and(|t| t.is(self.first)) && m.matches_to_end(Self::view(toks, toks.len()), self.list, 0)
    }

    /// The start of a phrase that ends exactly at the end of `toks`.
    fn suffix(&self, m: &Matcher, toks: &[Tok<'_>]) -> Option<usize> {
        let n = toks.len();
        (1..=n.min(4))
            .rev()
            .find(|&k| self.exact(m, &toks[n - k..]))
            .map(|k| n - k)
    }

    /// Whether a phrase occurs anywhere.
    fn find(&self, m: &Matcher, toks: &[Tok<'_>]) -> Option<(usize, usize)> {
        (0..toks.len()).find_map(|i| self.match_at(m, toks, i, toks.len()).map(|e| (i, e)))
    }
}

/// One lowercase word of a sentence, as the question rules read it.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    w: &'a str,
    /// Its word id ([`UNKNOWN`] for a word no rule names, and a number).
    id: WordId,
    /// A number or clock time, not a word.
    num: bool,
    /// A clause mark (comma, semicolon, colon, dash, …) stands before this word.
    comma_before: bool,
    /// Written with a capital (used to find sentence starts in unpunctuated
    /// transcripts that keep case, such as CHAT).
    cap: bool,
    /// Bits of the word lists this word is on.
    f: Bits,
    /// The cleaned sentence the word is token `k` of: the phrase lists are
    /// matched by the engine on it.
    src: &'a Tokens,
    k: u32,
}

impl Tok<'_> {
    fn is(&self, bits: Bits) -> bool {
        self.f & bits != 0
    }
}

/// What the head of a clause says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// An invitation to talk ("vertel eens", "walk me through").
    Invitation,
    /// An indirect question, with the embedded question's kind.
    Indirect(QuestionKind),
    /// An interrogative question word, or "what about" + topic.
    Wh,
    /// A proposal of a time or step ("how about Thursday").
    Proposal,
    /// Finite verb or auxiliary + subject.
    YesNo,
    /// Starts like a question but is not one (exclamative, relative,
    /// conditional, …).
    NotQuestion,
    /// Nothing interrogative at the head.
    Plain,
}

/// Compiled question rules of one language.
#[derive(Debug)]
pub(crate) struct QuestionRules {
    /// The language's engine, which holds the phrase lists.
    rules: Arc<Matcher>,
    /// The bits of the word lists each word id is on: one look-up per token.
    bits: Vec<Bits>,
    /// Lists whose words may be empty (a language without the rule).
    has_v1: bool,
    has_cond_aux: bool,
    neg_suffix: Vec<String>,
    /// Clitics that join the word before them when written apart ("is n't").
    clitics: Vec<WordId>,
    non_openers: Phrases,
    /// Non-question openers only when they end the clause ("… and what have you").
    final_non_openers: Phrases,
    /// Short elliptical check-ins ("anything else", "alles duidelijk").
    elliptical: Phrases,
    invitations: Phrases,
    explain: Phrases,
    indirect: Phrases,
    topic: Phrases,
    proposal: Phrases,
    tags: Phrases,
    tail_tags: Phrases,
    refer_back: Phrases,
    /// Other parties named with a determiner ("the rest", "de collega's").
    ellipsis_phrases: Phrases,
    /// Stop words for follow-up detection, by word id.
    stopwords: Vec<bool>,
}

impl QuestionRules {
    /// The question rules of `lex`, over the classes [`list_classes`] and
    /// the phrase lists `lists` made in `rules` (its engine).
    pub(crate) fn new(lex: &Lexicon, rules: Arc<Matcher>, lists: &PhraseLists) -> Result<QuestionRules, String> {
        let list = |name: &str| lex.list(&format!("questions.{name}"));
        let class = |name: &str| {
            rules.class_words(name).ok_or_else(|| {
                let key = OTHER_CLASSES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(format!("questions.{name}"), |(_, k)| k.to_string());
                let phrase = lex
                    .list(&key)
                    .iter()
                    .find(|e| words_of(e).map_or(true, |w| w.len() != 1));
                format!(
                    "{key}: {:?} is not one word; every entry of this list is a single word \
(a token is looked up in it)",
                    phrase.map_or("", String::as_str)
                )
            })
        };
        let vocab = rules.vocab();
        let mut bits = vec![0 as Bits; vocab.len()];
        for &(name, bit) in WORD_CLASSES {
            for id in class(name)? {
                bits[id as usize] |= bit;
            }
        }
        let mut phrases = |name: &str| {
            let k = PHRASE_CLASSES
                .iter()
                .position(|(n, _)| *n == name)
                .expect("a phrase class");
            let (list, firsts) = &lists.0[k];
            let first = PHRASE_CLASSES[k].1;
            for w in firsts {
                bits[vocab.id(w) as usize] |= first;
            }
            Phrases { list: *list, first }
        };
        let (non_openers, final_non_openers, elliptical, invitations, explain, indirect) = (
            phrases("non_question_openers"),
            phrases("final_non_question_openers"),
            phrases("elliptical_openers"),
            phrases("invitations"),
            phrases("explain_phrases"),
            phrases("indirect"),
        );
        let (topic, proposal, tags, tail_tags, refer_back, ellipsis_phrases) = (
            phrases("topic_openers"),
            phrases("proposal_openers"),
            phrases("tags"),
            phrases("tail_tags"),
            phrases("refer_back"),
            phrases("ellipsis_phrases"),
        );
        let mut stopwords = vec![false; vocab.len()];
        for id in class("stopwords")? {
            stopwords[id as usize] = true;
        }
        // A word no list names shares the unknown id: it is on no list.
        bits[UNKNOWN as usize] = 0;
        let clitics = class("clitics")?;
        Ok(QuestionRules {
            has_v1: !list("v1_pronouns").is_empty(),
            has_cond_aux: !list("conditional_aux").is_empty(),
            neg_suffix: lex.list("questions.tag_negation_suffix").to_vec(),
            clitics,
            non_openers,
            final_non_openers,
            elliptical,
            invitations,
            explain,
            indirect,
            topic,
            proposal,
            tags,
            tail_tags,
            refer_back,
            ellipsis_phrases,
            stopwords,
            bits,
            rules,
        })
    }

    /// The list bits of word `id`.
    fn bits_of(&self, id: WordId) -> Bits {
        self.bits.get(id as usize).copied().unwrap_or(0)
    }

    /// Classifies one sentence, tokenized on its own with the engine's
    /// vocabulary. `punctuated`: the transcript holds `?` somewhere, so a
    /// question is a sentence ending in `?`, an invitation or an indirect
    /// question; otherwise the words decide.
    pub(crate) fn classify(&self, sentence: &str, punctuated: bool) -> Option<QuestionKind> {
        let toks = Tokens::sentence(self.rules.vocab(), sentence);
        self.classify_view(sentence, toks.whole(), punctuated)
    }

    /// [`QuestionRules::classify`] of a sentence and its tokens `v` (a
    /// call's shared tokens).
    pub(crate) fn classify_view(&self, sentence: &str, v: View<'_>, punctuated: bool) -> Option<QuestionKind> {
        let mut buf = Tokens::default();
        self.classify_with(sentence, v, punctuated, &mut buf)
            .map(|(kind, _)| kind)
    }

    /// [`QuestionRules::classify`] of a sentence and its tokens `v`, with
    /// caller-owned buffers; a question comes back with its cleaned tokens,
    /// so the follow-up check reads the same words.
    fn classify_with<'b>(
        &self,
        sentence: &str,
        v: View<'_>,
        punctuated: bool,
        buf: &'b mut Tokens,
    ) -> Option<(QuestionKind, Vec<Tok<'b>>)> {
        let q = ends_in_question_mark(sentence);
        if punctuated && !q && !self.may_invite(v) {
            return None;
        }
        let toks = self.tokenize(v, buf);
        if toks.is_empty() {
            return None;
        }
        if punctuated {
            return self.classify_tokens(&toks, q, true).map(|k| (k, toks));
        }
        // Unpunctuated but cased text (CHAT) runs several sentences together:
        // a capitalised opener word starts a new one. The strongest kind wins.
        let mut best: Option<QuestionKind> = None;
        let mut start = 0;
        for i in 1..=toks.len() {
            if i == toks.len()
                || (toks[i].cap && toks[i].is(BOUNDARY) && toks[i].w != "i" && !toks[i].w.starts_with("i'"))
            {
                let part_q = q && i == toks.len();
                if let Some(k) = self.classify_tokens(&toks[start..i], part_q, false) {
                    best = Some(match (best, k) {
                        (Some(QuestionKind::Open), _) | (_, QuestionKind::Open) => QuestionKind::Open,
                        (Some(QuestionKind::Closed), _) | (_, QuestionKind::Closed) => QuestionKind::Closed,
                        _ => QuestionKind::Tag,
                    });
                }
                start = i;
            }
        }
        best.map(|k| (k, toks))
    }

    /// Cheap pre-check for a sentence without `?` in a punctuated
    /// transcript: only an invitation or indirect question can make it a
    /// question, and those start a clause (after fillers) with a known word.
    fn may_invite(&self, v: View<'_>) -> bool {
        let mut clause_start = true;
        for (k, t) in v.toks.iter().enumerate() {
            if v.clause_boundary(k) {
                clause_start = true;
            }
            if clause_start {
                let f = self.bits_of(t.word);
                if f & HEAD_TRIGGER != 0 {
                    return true;
                }
                clause_start = f & FILLERS != 0;
            }
        }
        false
    }

    /// The words of a sentence's tokens `v` as the question rules read
    /// them, with their list bits: the tokens copied into `buf` (cleared
    /// first, so callers reuse it), English clitics written apart (CHAT's
    /// `is n't`, `it 's`) joined to their word, and immediate repetitions
    /// dropped ("is is there", "I I mean" carry no structure).
    fn tokenize<'b>(&self, v: View<'_>, buf: &'b mut Tokens) -> Vec<Tok<'b>> {
        buf.clear();
        let same_as_last = |buf: &Tokens, w: &str| buf.toks.last().is_some_and(|l| buf.fold(l) == w);
        for (k, t) in v.toks.iter().enumerate() {
            let comma_before = k > 0 && v.clause_boundary(k);
            if !comma_before && !buf.toks.is_empty() && self.clitics.contains(&t.word) {
                buf.join_last(self.rules.vocab(), &v, k);
                // The joined word may repeat the one before it ("it 's it 's").
                let n = buf.toks.len();
                if n >= 2
                    && !buf.toks[n - 1].is(CLAUSE_START)
                    && buf.fold(&buf.toks[n - 2]) == buf.fold(&buf.toks[n - 1])
                {
                    buf.pop();
                }
                continue;
            }
            if !comma_before && same_as_last(buf, v.fold(k)) {
                continue;
            }
            buf.push_from(&v, k, comma_before);
        }
        let src: &'b Tokens = buf;
        src.toks
            .iter()
            .enumerate()
            .map(|(k, t)| Tok {
                w: src.fold(t),
                id: t.word,
                num: t.kind != Kind::Word,
                comma_before: t.is(CLAUSE_START),
                cap: t.is(CAPITALISED),
                f: self.bits_of(t.word),
                src,
                k: k as u32,
            })
            .collect()
    }

    fn skip_fillers(&self, toks: &[Tok<'_>], mut i: usize, end: usize) -> usize {
        while i < end && toks[i].is(FILLERS) {
            i += 1;
        }
        i
    }

    fn classify_tokens(&self, toks: &[Tok<'_>], q: bool, punctuated: bool) -> Option<QuestionKind> {
        let n = toks.len();
        // "pardon", "eh" as the whole turn (fillers aside) ask to repeat:
        // open, with or without `?` ("Eh?" alone follows no statement to tag).
        if (q || !punctuated) && self.repair_turn(toks) {
            return Some(QuestionKind::Open);
        }
        // "Toch?", "Right?": a bare tag. Unpunctuated, a bare "right" is a backchannel.
        if self.tags.exact(&self.rules, toks) {
            // "can't you" standing alone is a tag even unpunctuated; a bare
            // "right" or "ja" is a backchannel, and a positive "do you" an
            // abandoned start.
            let negated = toks.first().is_some_and(|t| self.negated(t.w));
            return (q || (self.aux_pronoun_tag(toks) && negated)).then_some(QuestionKind::Tag);
        }
        // "and your colleagues", "en u": a turn that only names another
        // party after "and" asks the same question about it (open).
        if (q || !punctuated) && self.ellipsis(toks) {
            return Some(QuestionKind::Open);
        }
        // Clause starts and heads live on the stack: a sentence has a
        // handful of clauses, and this runs for every candidate sentence.
        let mut start_buf = [0usize; INLINE_CLAUSES];
        let spilled_starts: Vec<usize>;
        let clauses: &[usize] = match clause_starts_into(toks, &mut start_buf) {
            Some(k) => &start_buf[..k],
            None => {
                spilled_starts = clause_starts(toks);
                &spilled_starts
            }
        };
        let clause_end = |c: usize| clauses.get(c + 1).copied().unwrap_or(n);
        let head_of = |c: usize| self.head(toks, clauses[c], clause_end(c));
        let mut head_buf = [Head::Plain; INLINE_CLAUSES];
        let spilled_heads: Vec<Head>;
        let heads: &[Head] = if clauses.len() <= INLINE_CLAUSES {
            for (c, h) in head_buf.iter_mut().enumerate().take(clauses.len()) {
                *h = head_of(c);
            }
            &head_buf[..clauses.len()]
        } else {
            spilled_heads = (0..clauses.len()).map(head_of).collect();
            &spilled_heads
        };
        let h0 = heads[0];
        // Invitations and indirect questions count with or without `?`.
        for h in heads {
            match *h {
                Head::Invitation => return Some(QuestionKind::Open),
                Head::Indirect(k) => return Some(k),
                _ => {}
            }
        }
        if punctuated && !q {
            return None;
        }
        match h0 {
            Head::Wh => return Some(QuestionKind::Open),
            Head::Proposal => return Some(QuestionKind::Closed),
            Head::YesNo => return Some(self.yes_no_kind(toks)),
            _ => {}
        }
        // A free relative or exclamative head still takes a tag ("see what
        // you want is a little workshop don't you", "what a day isn't it").
        if matches!(h0, Head::Plain | Head::NotQuestion) && self.tag_tail(toks, clauses, q) {
            return Some(QuestionKind::Tag);
        }
        if h0 == Head::Plain
            && (self.elliptical_check(toks) || self.parallel_alternatives(toks) || self.bare_alternatives(toks))
        {
            return Some(QuestionKind::Closed);
        }
        // A later clause may carry the question ("U zei net dat …, hoe komt dat?").
        // After a statement clause, a relative ("…, which is great") or a
        // main clause with inversion ("Als u wacht, bent u te laat") is no
        // question; after a lead-in ("Hi Laura, can you …", "Out of
        // interest, how many …") it is.
        for c in 1..heads.len() {
            let (st, e) = (clauses[c], clause_end(c));
            let lead_in = (0..c).all(|p| self.is_lead_in(&toks[clauses[p]..clause_end(p)]));
            let last = c + 1 == heads.len();
            match heads[c] {
                Head::Wh => {
                    // "…, since, what, February": a lone question word mid-sentence is a hesitation.
                    let lone = e - st == 1 && !last;
                    let first = self.skip_fillers(toks, st, e);
                    let relative = first < e && toks[first].is(COMMA_RELATIVES);
                    if !lone && (lead_in || !relative || (q && last)) {
                        return Some(QuestionKind::Open);
                    }
                }
                Head::Proposal => return Some(QuestionKind::Closed),
                Head::YesNo if lead_in || q => return Some(self.yes_no_kind(toks)),
                _ => {}
            }
        }
        if h0 == Head::Plain && self.in_place(toks) {
            return Some(QuestionKind::Open);
        }
        // "when you say too slow what does that look like": a direct
        // question after a statement or a subordinate lead-in.
        if matches!(h0, Head::Plain | Head::NotQuestion) && self.inner_wh_question(toks) {
            return Some(QuestionKind::Open);
        }
        if matches!(h0, Head::Plain | Head::NotQuestion) && self.inner_inversion(toks) {
            return Some(self.yes_no_kind(toks));
        }
        if !punctuated && h0 == Head::Plain && self.verb_noun_question(toks) {
            return Some(QuestionKind::Closed);
        }
        if !punctuated && h0 == Head::Plain && self.confirming_final(toks) {
            return Some(QuestionKind::Closed);
        }
        if !punctuated && h0 == Head::Plain && self.subjectless_question(toks) {
            return Some(QuestionKind::Closed);
        }
        if !punctuated && h0 == Head::Plain && self.declarative_check(toks) {
            return Some(QuestionKind::Closed);
        }
        if q {
            if self.embedded_wh(toks) {
                return Some(QuestionKind::Open);
            }
            return Some(QuestionKind::Closed);
        }
        None
    }

    /// Open when a yes/no question asks to explain or tell ("Kunt u iets
    /// meer vertellen?") or embeds a question word ("Mag ik vragen wat …?").
    fn yes_no_kind(&self, toks: &[Tok<'_>]) -> QuestionKind {
        // "mag ik je iets vertellen over hoe …", "can I tell you how we …":
        // the speaker asks leave to talk; yes or no answers it.
        let i = self.skip_fillers(toks, 0, toks.len());
        if i + 1 < toks.len() && toks[i].is(AUX) && toks[i + 1].is(FIRST_PERSON) {
            return QuestionKind::Closed;
        }
        if let Some((_, e)) = self.explain.find(&self.rules, toks) {
            if !toks.get(e).is_some_and(|t| t.is(CLOSED_COMP)) {
                return QuestionKind::Open;
            }
        }
        if self.embedded_wh(toks) {
            return QuestionKind::Open;
        }
        QuestionKind::Closed
    }

    /// A question word right after a verb of asking, knowing or telling.
    fn embedded_wh(&self, toks: &[Tok<'_>]) -> bool {
        (1..toks.len()).any(|i| {
            let mut k = i;
            if toks[k].is(PREPS) && k + 1 < toks.len() {
                k += 1;
            }
            // "vragen wat", "weet u wat", "tell me what".
            let after_verb = toks[i - 1].is(EMBEDDING)
                || (i >= 2 && (toks[i - 1].is(PRONOUNS) || toks[i - 1].is(SKIPPABLE)) && toks[i - 2].is(EMBEDDING));
            toks[k].is(QWORDS) && after_verb
        })
    }

    /// How the clause `toks[start..end]` begins.
    fn head(&self, toks: &[Tok<'_>], start: usize, end: usize) -> Head {
        let i = self.skip_fillers(toks, start, end);
        if i >= end {
            return Head::Plain;
        }
        if self.non_openers.match_at(&self.rules, toks, i, end).is_some() {
            return Head::NotQuestion;
        }
        // "… and what have you" ends a list; "what have you done" asks.
        if let Some(e) = self.final_non_openers.match_at(&self.rules, toks, i, end) {
            if self.skip_fillers(toks, e, end) == end {
                return Head::NotQuestion;
            }
        }
        if self.invitations.match_at(&self.rules, toks, i, end).is_some() {
            return Head::Invitation;
        }
        if let Some(e) = self.indirect.match_at(&self.rules, toks, i, end) {
            // The embedded question decides the kind; "Can I ask a question?"
            // embeds none and is read as a plain yes/no question below.
            for t in &toks[e..end.min(e + 4)] {
                if t.is(CLOSED_COMP) {
                    return Head::Indirect(QuestionKind::Closed);
                }
                if t.is(QWORDS) {
                    return Head::Indirect(QuestionKind::Open);
                }
            }
        }
        if let Some(e) = self.proposal.match_at(&self.rules, toks, i, end) {
            if toks[e..].iter().any(|t| t.is(TIME_WORDS) || t.num) {
                return Head::Proposal;
            }
        }
        if self.topic.match_at(&self.rules, toks, i, end).is_some() {
            return Head::Wh;
        }
        // A preposition may lead the question word ("Met wie …", "Naar welk adres …").
        let wi = if toks[i].is(PREPS) && i + 1 < end && toks[i + 1].is(QWORDS) {
            i + 1
        } else {
            i
        };
        if toks[wi].is(QWORDS) {
            return self.wh_head(toks, wi, end);
        }
        // "goed hoor die heeft het druk": after a filler or evaluative word
        // "hoor", "zeg", "joh" are particles, not a verb opening a question.
        if i > start && toks[i].is(PARTICLES) {
            return Head::Plain;
        }
        self.verb_first_head(toks, i, end)
    }

    /// A clause led by a question word at `i`: interrogative unless it is an
    /// exclamative, a correlative, or a subordinate clause (subject right
    /// after the question word: "wat ik bedoel is", "when you switch").
    fn wh_head(&self, toks: &[Tok<'_>], i: usize, end: usize) -> Head {
        let w = toks[i].w;
        // "what's", "how's": the verb is attached.
        if w.contains('\'') {
            return Head::Wh;
        }
        let next = toks.get(i + 1).filter(|_| i + 1 < end);
        if let Some(nx) = next {
            // "what kind of work": a modifier with its preposition asks.
            let kind_of = nx.is(QMODS) && toks.get(i + 2).filter(|_| i + 2 < end).is_some_and(|t| t.is(PREPS));
            if !kind_of && nx.is(EXCL) && toks.get(i + 2).filter(|_| i + 2 < end).is_none_or(|t| !t.is(AUX)) {
                return Head::NotQuestion;
            }
            // Correlative "hoe langer …, hoe duurder …".
            if nx.w.len() > 3 && nx.w.ends_with("er") && toks[i + 2..].iter().any(|t| t.w == w) {
                return Head::NotQuestion;
            }
        }
        // A noun phrase right after the question word is the subject of a
        // free relative ("wat de levertijd is", "where the problem is"); a
        // question takes its verb there. Short elliptical clauses stay
        // questions ("waarom de uwe?" is rare; "wie nog meer?" common).
        if end > i + 2 && toks[i + 1].is(RELATIVE_SUBJECTS) && !toks[i].is(DETERMINERS) {
            return Head::NotQuestion;
        }
        let mut j = i + 1;
        let mut mods = 0;
        while j < end && mods < 2 && toks[j].is(QMODS) {
            j += 1;
            mods += 1;
        }
        if j >= end {
            return Head::Wh;
        }
        if toks[j].is(PRONOUNS) {
            return Head::NotQuestion;
        }
        // Concessive "welke leverancier u ook kiest": a determiner question
        // word, its noun, the subject and "ook". Without the marker the word
        // after the question word is the verb ("hoeveel verbruikt u").
        if toks[i].is(DETERMINERS)
            && !toks[j].is(AUX)
            && j + 2 < end
            && toks[j + 1].is(PRONOUNS)
            && toks[j + 2].is(CONCESSIVE)
        {
            return Head::NotQuestion;
        }
        Head::Wh
    }

    /// Finite verb or auxiliary first, then a subject: a yes/no question,
    /// unless a conditional ("Heeft u vragen, dan …") or narrative.
    fn verb_first_head(&self, toks: &[Tok<'_>], i: usize, end: usize) -> Head {
        if i + 1 >= end {
            return Head::Plain;
        }
        let (v, s) = (toks[i], toks[i + 1]);
        let known = v.is(AUX) && (s.is(PRONOUNS) || s.is(SUBJECT_WORDS));
        let generic = self.has_v1
            && s.is(V1_PRONOUNS)
            && !v.is(NOT_VERBS)
            && !v.is(QWORDS)
            && !v.is(PRONOUNS)
            && !v.is(SUBJECT_WORDS)
            && v.w.chars().all(char::is_alphabetic);
        if !(known || generic) {
            return Head::Plain;
        }
        if toks[i..end].iter().any(|t| t.is(NARRATIVE)) {
            return Head::NotQuestion;
        }
        // A modal particle makes a verb-first clause an imperative or a wish
        // ("scant u het maar in", "was het maar zo"); a polite "verb + u +
        // even" is an imperative when the verb is no auxiliary ("zet u er
        // even bij"; "heeft u even" still asks).
        let body = &toks[i + 2..end.min(i + 7)];
        if body.iter().any(|t| t.is(IMP_PARTICLES) && !t.comma_before)
            || (!v.is(AUX) && s.is(IMP_SUBJECTS) && body.iter().any(|t| t.is(IMP_SOFT)))
        {
            return Head::NotQuestion;
        }
        // Conditional: a main clause follows ("…, dan kunt u", "… just give me a ring").
        let n = toks.len();
        // "Zullen we …, dan neem ik …" proposes; it sets no condition.
        let can_condition = !v.is(PROPOSAL_AUX);
        for k in (i + 3..n).filter(|_| can_condition) {
            if toks[k].is(COND_THEN) && k + 1 < n {
                // "…, dan", "… dan kunt u", "… dan zet de chauffeur".
                let nl_style = !self.has_cond_aux
                    && (toks[k].comma_before
                        || (k + 2 < n
                            && toks[k + 2].is(PRONOUNS | SUBJECT_WORDS)
                            && !toks[k + 1].is(PRONOUNS | SUBJECT_WORDS)));
                let en_style = v.is(COND_AUX) && s.is(PRONOUNS);
                if nl_style || en_style {
                    return Head::NotQuestion;
                }
            }
        }
        if v.is(COND_AUX) && s.is(PRONOUNS) && toks[i + 2..].iter().any(|t| t.comma_before) {
            return Head::NotQuestion;
        }
        // "should you be out we'll leave a card": a contracted subject later
        // starts the main clause.
        if v.is(COND_AUX) && s.is(PRONOUNS) && toks[i + 2..].iter().any(|t| t.is(PRONOUNS) && t.w.contains('\'')) {
            return Head::NotQuestion;
        }
        Head::YesNo
    }

    /// A confirmation tail: a tag phrase as the last clause ("…, toch?"),
    /// a tail tag word, or "aux + pronoun" after a statement ("…, isn't it").
    fn tag_tail(&self, toks: &[Tok<'_>], clauses: &[usize], q: bool) -> bool {
        // A trailing hesitation does not hide the tag ("… do they or").
        let mut n = toks.len();
        while n > 1 && toks[n - 1].is(TRAILING) {
            n -= 1;
        }
        let toks = &toks[..n];
        if clauses.len() > 1 {
            let last = *clauses.last().expect("non-empty");
            // Without `?` only the unambiguous tails count: "…, ja." agrees.
            let list = if q { &self.tags } else { &self.tail_tags };
            if last < n && (list.exact(&self.rules, &toks[last..]) || self.aux_pronoun_tag(&toks[last..])) {
                return true;
            }
        }
        if let Some(st) = self.tail_tags.suffix(&self.rules, toks) {
            let statement = toks[..st].iter().any(|t| !t.is(FILLERS));
            // "I think so too, right", "ik ook hè": agreeing, not asking.
            let agreeing = toks[st - 1].is(AGREEMENT) && toks[..st].iter().any(|t| t.is(FIRST_PERSON));
            // The blockers guard one-word tails ("dead right", "maar toch");
            // a verb + pronoun tail ("isn't it", "in n it", "klopt dat") is
            // blocked only by a connective or question word before it
            // ("the tuner's dead in n it" asks).
            let pronoun_tail = st + 1 < n && toks[n - 1].is(PRONOUNS);
            let blockers = if pronoun_tail {
                TRAILING | COND_THEN | SUBORDINATORS | QWORDS
            } else {
                TAG_BLOCKERS | QWORDS | SUBORDINATORS
            };
            if statement && !agreeing && !toks[st - 1].is(blockers) {
                return true;
            }
        }
        // "u bent de eigenaar zeker": a tail word that confirms only a
        // statement about the listener.
        if n >= 3
            && toks[n - 1].is(ADDR_TAIL)
            && !toks[n - 2].is(TAG_BLOCKERS)
            && toks[..n - 1].iter().any(|t| t.is(ADDRESSEE))
            && !toks[..n - 1].iter().any(|t| t.is(FIRST_PERSON))
        {
            return true;
        }
        let negated = |w: &str| self.neg_suffix.iter().any(|s| w.ends_with(s.as_str()));
        if n >= 3 && self.aux_pronoun_tag(&toks[n - 2..]) {
            let before = toks[n - 3];
            if before.is(AUX_TAG_BLOCKERS | QWORDS) || (!negated(toks[n - 2].w) && self.verb_object(toks, n - 2)) {
                return false;
            }
            let negated_stmt = toks[..n - 2].iter().any(|t| t.is(NEGATIONS) || negated(t.w));
            if negated(toks[n - 2].w) || negated_stmt || self.echo_tag(toks, n - 2) {
                return true;
            }
        }
        // A tag with an afterthought: "… isn't it, the kitchen", "you can't
        // be hard on people can you really".
        // A negative tag mid-utterance before "and"/"but" (speech runs on):
        // "Toshiba could go in there couldn't it and the other one …"; not
        // after a pronoun that is its subject ("this isn't it and …"
        // states; "in there couldn't it" asks: a preposition governs "there").
        let runs_on = |k: usize| {
            let subject_before = toks[k - 1].is(PRONOUNS) && !toks[k - 2].is(PREPS);
            negated(toks[k].w) && toks[k + 2].is(TRAILING) && !subject_before && k + 3 < n
        };
        (2..n.saturating_sub(2)).any(|k| {
            (n - (k + 2) <= 3 || runs_on(k))
                && (negated(toks[k].w) || toks[..k].iter().any(|t| t.is(NEGATIONS) || negated(t.w)))
                && self.aux_pronoun_tag(&toks[k..k + 2])
                && !toks[k - 1].is(AUX_TAG_BLOCKERS | QWORDS)
                && (negated(toks[k].w) || !self.verb_object(toks, k))
        })
    }

    /// A positive "aux + pronoun" after a positive statement echoes the
    /// statement's own subject ("you're gonna turn them on their sides are
    /// you", "they call this the bedroom do they"): the pronoun repeats a
    /// subject pronoun of the statement (contraction removed). "If I were
    /// you" and "should you" are conditionals, not echoes; "the one that
    /// does it" is a relative clause.
    fn echo_tag(&self, toks: &[Tok<'_>], k: usize) -> bool {
        let (aux, pro) = (toks[k], toks[k + 1]);
        // "it's the one that does it": after a relative pronoun the verb and
        // pronoun are the relative clause's own.
        if aux.is(COND_AUX) || pro.w == "i" || k < 2 || toks[k - 1].is(COMMA_RELATIVES | DEICTIC) {
            return false;
        }
        let i = self.skip_fillers(toks, 0, k);
        if i >= k || toks[i].is(SUBORDINATORS | QWORDS | AUX) {
            return false;
        }
        toks[i..k - 1]
            .iter()
            .any(|t| t.is(PRONOUNS) && t.w.split('\'').next() == Some(pro.w))
    }

    /// English inversion inside an utterance: "aux + you/we" with words after
    /// it starts a new direct question after a hesitation or conjunction
    /// ("as far as er have you got a loo handy") or after a fronted
    /// subordinate clause ("if I lift it could you slide that in"). Dutch
    /// inverts every main clause after a fronted clause ("als u wacht, bent u
    /// te laat"), so its `inverted_subjects` list is empty. Not after a
    /// verb of saying (a quote), not "so do we" / "neither can we", not a
    /// conditional auxiliary ("if I were you").
    fn inner_inversion(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        let sub_start = {
            let i = self.skip_fillers(toks, 0, n);
            i < n && toks[i].is(SUBORDINATORS)
        };
        (2..n.saturating_sub(2)).any(|k| {
            let (before, aux, subj) = (toks[k - 1], toks[k], toks[k + 1]);
            if !aux.is(AUX) || aux.is(COND_AUX) || !subj.is(INVERTED_SUBJECTS) {
                return false;
            }
            if before.is(AUX | AUX_TAG_BLOCKERS | NEGATIONS) || before.w == "to" || self.negated(before.w) {
                return false;
            }
            if toks[k.saturating_sub(3)..k].iter().any(|t| t.is(REPORTING)) {
                return false;
            }
            let restart = before.is(TRAILING);
            (restart || (sub_start && k >= 3)) && toks[k + 2..].iter().any(|t| !t.is(TRAILING))
        })
    }

    /// A short opening that leaves the next clause's form intact: fillers,
    /// a greeting or vocative, a phrase like "out of interest".
    fn is_lead_in(&self, clause: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(clause, 0, clause.len());
        i == clause.len()
            || (clause.len() - i <= 3
                && !clause[i].is(SUBORDINATORS)
                && !clause[i..]
                    .iter()
                    .any(|t| (t.is(PRONOUNS) && !t.is(DEICTIC)) || t.is(QWORDS)))
    }

    /// After an auxiliary, "not" or "to", a positive "aux + pronoun" at `k`
    /// is a verb and its object ("we don't have it", "want to do it") unless
    /// the pronoun repeats the subject as a tag does ("you don't, do you").
    fn verb_object(&self, toks: &[Tok<'_>], k: usize) -> bool {
        let before = toks[k - 1];
        let after_verb = before.is(AUX)
            || before.w == "to"
            || before.w == "not"
            || self.neg_suffix.iter().any(|s| before.w.ends_with(s.as_str()));
        let subject = toks[..k - 1].iter().find(|t| t.is(PRONOUNS)).map(|t| t.w);
        after_verb && subject != Some(toks[k + 1].w)
    }

    fn aux_pronoun_tag(&self, t: &[Tok<'_>]) -> bool {
        t.len() == 2 && t[0].is(AUX) && t[1].is(PRONOUNS) && !self.neg_suffix.is_empty()
    }

    /// A question word standing in place in a statement ("en u betaalt nu
    /// hoeveel", "you're paying how much a month").
    fn in_place(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        let rate_at = |m: usize| m < n && toks[m].is(RATE_UNITS);
        (1..n).any(|k| {
            if toks[k - 1].is(EMBEDDING) {
                return false;
            }
            // "en dat kost u dan wat per maand": only before a rate.
            if toks[k].is(IN_PLACE_RATE) && (rate_at(k + 1) || rate_at(k + 2)) {
                return true;
            }
            // "what a month" in place is no exclamative "what a …".
            let exclamative = self.non_openers.match_at(&self.rules, toks, k, n).is_some() && !rate_at(k + 2);
            if !toks[k].is(IN_PLACE) || exclamative {
                return false;
            }
            let mut m = k + 1;
            while m < n && toks[m].is(QMODS) && m < k + 2 {
                m += 1;
            }
            if m == n || toks[m].is(IN_PLACE_FOLLOW) {
                return true;
            }
            // "how many days a week", "hoeveel medewerkers in …": the noun.
            (m > k + 1 || toks[k].is(DETERMINERS)) && (m + 1 == n || toks[m + 1].is(IN_PLACE_FOLLOW))
        })
    }

    /// A question word, an auxiliary and a subject in the middle of a
    /// statement start a direct question ("I mean where would you put it").
    fn inner_wh_question(&self, toks: &[Tok<'_>]) -> bool {
        // Not a quote right after a verb of saying ("and she said how did
        // you do that", "he asked me where do you …"); "u zei net dat …, hoe
        // komt dat" still asks.
        let reported = |k: usize| toks[k.saturating_sub(2)..k].iter().any(|t| t.is(REPORTING));
        (1..toks.len().saturating_sub(2)).any(|k| {
            toks[k].is(QWORDS)
                && !toks[k - 1].is(EMBEDDING)
                && !(k >= 2 && toks[k - 2].is(EMBEDDING))
                && toks[k + 1].is(AUX)
                && toks[k + 2].is(PRONOUNS)
                && !reported(k)
                && self.final_non_openers.match_at(&self.rules, toks, k, toks.len()) != Some(toks.len())
        })
    }

    fn negated(&self, w: &str) -> bool {
        self.neg_suffix.iter().any(|s| w.ends_with(s.as_str()))
    }

    /// "and your colleagues", "en u", "en qua budget": "and" (among the
    /// leading fillers) and then only a short phrase naming another party or
    /// topic; a bare addressee pronoun stands alone ("and you get …" is a
    /// statement), and "en u ook" / "and you too" return a wish.
    fn ellipsis(&self, toks: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(toks, 0, toks.len());
        let rest = &toks[i..];
        if i == 0 || !toks[..i].iter().any(|t| t.is(ELL_CONJ)) || rest.is_empty() {
            return false;
        }
        // "en de rest van het team", "and the others": a listed party, alone
        // or with a short prepositional phrase; nothing else may follow.
        if let Some(e) = self.ellipsis_phrases.match_at(&self.rules, toks, i, toks.len()) {
            let tail = &toks[e..];
            return tail.is_empty() || (tail[0].is(PREPS) && tail.len() <= 3 && !tail.iter().any(|t| t.is(AUX)));
        }
        if rest.len() > 4 {
            return false;
        }
        if !rest[0].is(ELL_START) || (rest[0].is(ADDRESSEE) && rest.len() > 1) {
            return false;
        }
        !rest[1..]
            .iter()
            .any(|t| t.is(AUX | PRONOUNS | ELL_BLOCK | DECL_BLOCK | QWORDS | NEGATIONS))
            && !rest[0].is(ELL_BLOCK)
    }

    /// "anything else", "all clear so far", "alles duidelijk": a short
    /// elliptical check-in (closed).
    fn elliptical_check(&self, toks: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(toks, 0, toks.len());
        let rest = &toks[i..];
        !rest.is_empty()
            && rest.len() <= 4
            && self
                .elliptical
                .match_at(&self.rules, toks, i, toks.len())
                .is_some_and(|e| toks.get(e).is_none_or(|t| !t.is(PREPS)))
            && !rest.iter().any(|t| t.is(AUX | PRONOUNS | ELL_BLOCK))
    }

    /// "per stuk of per doos", "by phone or by email": a short choice
    /// between two parallel phrases (both sides start with the same word),
    /// without a verb of its own.
    fn parallel_alternatives(&self, toks: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(toks, 0, toks.len());
        let rest = &toks[i..];
        if rest.len() < 4 || rest.len() > 8 || rest.iter().any(|t| t.is(AUX | PRONOUNS)) {
            return false;
        }
        (2..rest.len() - 1).any(|k| rest[k].is(ALTERNATIVE) && rest[k + 1].w == rest[0].w && k + 1 < rest.len() - 1)
    }

    /// Dutch verb first with a noun subject and a verb of no list (words
    /// mode): "draait die machine nog", "werkt de printer weer". The first
    /// word (after fillers) has a finite ending ("-t", "-en"), then a
    /// determiner (`v1_noun_determiners`), one or two noun-phrase words and
    /// then only, and at least one, adverb of `v1_question_adverbs`. An
    /// imperative ends in a particle or object instead ("zet die machine
    /// uit", "pak de printer even": "even" and "maar" are no such adverbs),
    /// and its stem has no "-t" unless the stem ends in one ("zet").
    fn verb_noun_question(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        let i = self.skip_fillers(toks, 0, n);
        if n < i + 4 || n > i + 7 {
            return false;
        }
        let v = &toks[i];
        let finite = v.w.chars().count() >= 4 && (v.w.ends_with('t') || v.w.ends_with("en"));
        if !finite
            || v.is(AUX | NOT_VERBS | QWORDS | PRONOUNS | FILLERS | V1_DETERMINERS | V1_ADVERBS | PARTICLES)
            || !toks[i + 1].is(V1_DETERMINERS)
        {
            return false;
        }
        let nominal = |t: &Tok<'_>| !t.num && !t.is(NOT_VERBS | AUX | PRONOUNS | V1_ADVERBS | IMP_PARTICLES | IMP_SOFT);
        let Some(adv) = (i + 2..n).find(|&k| toks[k].is(V1_ADVERBS)) else {
            return false;
        };
        (1..=2).contains(&(adv - i - 2))
            && toks[i + 2..adv].iter().all(nominal)
            && toks[adv..].iter().all(|t| t.is(V1_ADVERBS))
            && !toks[i..].iter().any(|t| t.comma_before)
    }

    /// A turn that is only a repair initiator, fillers aside: "pardon",
    /// "oh eh", "wablief". "sorry" is not one: alone it apologises as often.
    fn repair_turn(&self, toks: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(toks, 0, toks.len());
        toks.len() == i + 1 && toks[i].is(REPAIR)
    }

    /// A statement asked back for confirmation by its final word (words
    /// mode, English "then"): "so you're going for the bigger one then",
    /// "the keys are in the car then". The clause opens (after fillers) with
    /// a subject that is not the speaker, has at least four words before
    /// the final and no comma; a past or farewell word or a subordinator
    /// (`confirm_blockers`: "he was only a lad then", "see you then") or a
    /// time/closing word right before it (`confirm_final_blockers`: "there
    /// and then", "that's it then", "now then") makes it a statement.
    fn confirming_final(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        let i = self.skip_fillers(toks, 0, n);
        if n < i + 5 || !toks[n - 1].is(CONFIRM_FINALS) {
            return false;
        }
        let body = &toks[i..n - 1];
        body[0].is(PRONOUNS | ADDRESSEE | RELATIVE_SUBJECTS)
            && !body[0].is(FIRST_PERSON)
            && !toks[n - 2].is(CONFIRM_FINAL_BLOCKERS | TRAILING | PREPS)
            && !body
                .iter()
                .any(|t| t.is(CONFIRM_BLOCKERS | SUBORDINATORS | QWORDS | FIRST_PERSON) || t.comma_before)
            && !toks[n - 1].comma_before
    }

    /// A yes/no question with its subject and auxiliary dropped (words
    /// mode, English): the whole utterance is, after the fillers, two to
    /// five words, a verb form that heads such questions ("got", "seen",
    /// "fancy"; not a bare imperative) and then the listener's or a polarity
    /// word ("your", "anything"): "got your hand sets", "need anything else".
    /// A first person, negation, question word or comma makes it a report
    /// ("got your message I'll ring back").
    fn subjectless_question(&self, toks: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(toks, 0, toks.len());
        let rest = &toks[i..];
        (2..=5).contains(&rest.len())
            && rest[0].is(SUBJECTLESS_VERBS)
            && rest[1].is(SUBJECTLESS_OBJECTS)
            && !rest
                .iter()
                .any(|t| t.is(FIRST_PERSON | NEGATIONS | QWORDS) || t.comma_before)
    }

    /// "cash or card", "vandaag of morgen": the whole turn, fillers aside,
    /// is one word, "or"/"of" and another word: a choice offered (closed).
    /// Not when either side is a function word, a number or on
    /// `alternative_blockers` (fixed phrases and estimates: "sooner or
    /// later", "more or less", "two or three", "vroeg of laat").
    fn bare_alternatives(&self, toks: &[Tok<'_>]) -> bool {
        let i = self.skip_fillers(toks, 0, toks.len());
        let rest = &toks[i..];
        let content = |t: &Tok<'_>| {
            !t.num
                && !t.is(ALT_BLOCKERS
                    | PRONOUNS
                    | AUX
                    | NEGATIONS
                    | QWORDS
                    | FIRST_PERSON
                    | PREPS
                    | FILLERS
                    | TRAILING
                    | ALTERNATIVE
                    | DEICTIC)
        };
        rest.len() == 3
            && rest[1].is(ALTERNATIVE)
            && !rest[2].comma_before
            && content(&rest[0])
            && content(&rest[2])
            && rest[0].w != rest[2].w
    }

    /// A declarative question in speech (words mode): the listener as
    /// subject and a check on their present state, opened by "so"/"dus" or
    /// with "already", "still", "al", "nog", "dus" right after the verb
    /// ("dus jullie zitten nu bij …", "you've already got someone"). A
    /// future, a modal or a verb of saying makes it a statement ("you'll
    /// get", "u krijgt", "you said").
    fn declarative_check(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        let i = self.skip_fillers(toks, 0, n);
        if i + 2 >= n || !toks[i].is(ADDRESSEE) {
            return false;
        }
        let opened = toks[..i].iter().any(|t| t.is(CHECK_OPENERS));
        let state = toks[i + 1..n.min(i + 4)].iter().any(|t| t.is(STATE));
        (opened || state)
            && !toks[i..]
                .iter()
                .any(|t| t.is(DECL_BLOCK | QWORDS | FIRST_PERSON) || t.comma_before)
    }

    /// A statement about the listener (timing evidence, issue 17): the
    /// listener as subject after the fillers ("so you're with Eneco at the
    /// moment", "en jullie zitten nu nog bij KPN"), a verb after it, and no
    /// modal, future, verb of saying, negation, first person or question
    /// word (`declarative_blockers`): the speaker describes the listener's
    /// state rather than promising or reporting.
    fn addressee_statement(&self, toks: &[Tok<'_>]) -> bool {
        let n = toks.len();
        let i = self.skip_fillers(toks, 0, n);
        i + 1 < n
            && toks[i].is(ADDRESSEE)
            && !toks[i..]
                .iter()
                .any(|t| t.is(DECL_BLOCK | QWORDS | FIRST_PERSON | NEGATIONS))
    }

    /// Whether a reply (its first sentence's tokens) opens with a yes/no
    /// word ("yes we are", "Nee, hoor"). Reads only the first word: this
    /// runs after most agent statements of a timed call.
    fn opens_with_answer(&self, v: View<'_>) -> bool {
        v.toks.first().is_some_and(|t| self.bits_of(t.word) & ANSWER_WORDS != 0)
    }

    /// Whether an agent question (its tokens) refers back to what the
    /// customer said.
    fn refers_back(&self, toks: &[Tok<'_>]) -> bool {
        self.refer_back.find(&self.rules, toks).is_some()
    }

    /// Adds the content keys of a sentence's words (tokens `v`, the
    /// words the classifier sees) to `keys`. The classifier's dropping of
    /// immediate repetitions is left out: a repeated word adds the key it
    /// already added.
    fn add_content_keys(&self, v: View<'_>, keys: &mut KeySet) {
        for (k, t) in v.toks.iter().enumerate() {
            if t.kind != Kind::Word {
                continue;
            }
            if let Some(key) = content_key(v.fold(k), || self.is_stop(t.word)) {
                keys.insert(key);
            }
        }
    }

    /// True when word `id` is a stop word.
    fn is_stop(&self, id: WordId) -> bool {
        self.stopwords.get(id as usize).copied().unwrap_or(false)
    }
}

/// First five chars of a content word, or `None` for a stop word or a word
/// of fewer than four letters. The chars are packed 21 bits each (no word
/// holds a `\0`, so keys of different lengths differ): no String per word.
fn content_key(w: &str, is_stop: impl FnOnce() -> bool) -> Option<ContentKey> {
    // Fewer than four bytes: fewer than four letters.
    if w.len() < 4 {
        return None;
    }
    let letters = if w.is_ascii() {
        w.bytes().filter(u8::is_ascii_alphabetic).count()
    } else {
        w.chars().filter(|c| c.is_alphabetic()).count()
    };
    if letters < 4 || is_stop() {
        return None;
    }
    Some(w.chars().take(5).fold(0, |k, c| k << 21 | c as ContentKey))
}

/// Indices where clauses start: 0 and every word after a comma.
fn clause_starts(toks: &[Tok<'_>]) -> Vec<usize> {
    let mut v = vec![0];
    v.extend((1..toks.len()).filter(|&i| toks[i].comma_before));
    v
}

/// Clauses of one sentence kept on the stack; more go to the heap.
const INLINE_CLAUSES: usize = 16;

/// [`clause_starts`] into `out`: the count, or `None` when they do not fit.
fn clause_starts_into(toks: &[Tok<'_>], out: &mut [usize; INLINE_CLAUSES]) -> Option<usize> {
    let mut k = 1;
    for i in (1..toks.len()).filter(|&i| toks[i].comma_before) {
        *out.get_mut(k)? = i;
        k += 1;
    }
    Some(k)
}

/// Ends in `?`, allowing closing quotes and brackets after it.
fn ends_in_question_mark(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)]}".contains(c))
        .ends_with(['?', '？'])
}

/// Questions per side, by the language's question `rules` over the
/// sentences' tokens; `None` when the transcript has no text.
pub(crate) fn compute(ctx: &Ctx<'_>, rules: &QuestionRules) -> Option<Questions> {
    if !ctx.has_text {
        return None;
    }
    let segs = ctx.segs();
    let has_qmark = |s: &str| s.contains('?') || s.contains('？');
    let punctuated = segs.iter().any(|s| has_qmark(&s.text));
    let mut items: Vec<QuestionItem> = Vec::new();
    // The customer's previous turn: the latest maximal run of customer
    // non-backchannel segments, as 5-letter keys of its content words.
    // The keys grow with the run (`keyed` segments of it are in), only when
    // an agent question needs them.
    let mut last_role: Option<Role> = None;
    let mut cust_run: Vec<usize> = Vec::new();
    let mut cust_keys = KeySet::default();
    let mut keyed = 0;
    // The cleaned tokens of a sentence, reused for every sentence.
    let mut buf = Tokens::default();
    for (i, seg) in segs.iter().enumerate() {
        if ctx.words[i] == 0 {
            continue;
        }
        let role = ctx.role[i];
        let before = items.len();
        for (_, sentence, v) in ctx.sentence_tokens(i) {
            let Some((kind, toks)) = rules.classify_with(sentence, v, punctuated, &mut buf) else {
                continue;
            };
            let follow_up = role == Role::Agent && kind != QuestionKind::Tag && {
                for &c in &cust_run[keyed..] {
                    for (_, _, cv) in ctx.sentence_tokens(c) {
                        rules.add_content_keys(cv, &mut cust_keys);
                    }
                }
                keyed = cust_run.len();
                let reuse = toks.iter().any(|t| {
                    !t.num && content_key(t.w, || rules.is_stop(t.id)).is_some_and(|k| cust_keys.contains(&k))
                });
                reuse || (!cust_run.is_empty() && rules.refers_back(&toks))
            };
            items.push(QuestionItem {
                segment: i,
                start_s: seg.start_s,
                role,
                speaker: ctx.t.label(seg).to_string(),
                text: sentence.to_string(),
                kind,
                follow_up,
            });
        }
        if role == Role::Agent && items.len() == before && !ctx.backchannel[i] {
            if let Some(sentence) = answered_statement(ctx, rules, i, &mut buf) {
                items.push(QuestionItem {
                    segment: i,
                    start_s: seg.start_s,
                    role,
                    speaker: ctx.t.label(seg).to_string(),
                    text: sentence.to_string(),
                    kind: QuestionKind::Closed,
                    follow_up: false,
                });
            }
        }
        if ctx.backchannel[i] {
            continue;
        }
        if role == Role::Customer {
            if last_role != Some(Role::Customer) {
                cust_run.clear();
                cust_keys.clear();
                keyed = 0;
            }
            cust_run.push(i);
        }
        last_role = Some(role);
    }
    let stats = |side: Role| -> QuestionStats {
        let mut s = QuestionStats::default();
        let mut early = 0usize;
        let mut all_timed = true;
        for it in items.iter().filter(|it| it.role == side) {
            match it.kind {
                QuestionKind::Open => s.open += 1,
                QuestionKind::Closed => s.closed += 1,
                QuestionKind::Tag => {
                    s.tag += 1;
                    continue;
                }
            }
            if it.follow_up {
                s.follow_up += 1;
            }
            match (it.start_s, ctx.span) {
                (Some(t), Some((a, b))) if t < a + (b - a) / 3.0 => early += 1,
                (Some(_), Some(_)) => {}
                _ => all_timed = false,
            }
        }
        s.total = s.open + s.closed;
        if let Some(len) = ctx.span_len().filter(|&l| l > 0.0) {
            s.per_10_min = Some(s.total as f64 * 600.0 / len);
            if s.total > 0 && all_timed {
                s.first_third_share = Some(early as f64 / s.total as f64);
            }
        }
        s
    };
    Some(Questions {
        basis: if punctuated {
            QuestionBasis::Punctuation
        } else {
            QuestionBasis::Words
        },
        agent: stats(Role::Agent),
        customer: stats(Role::Customer),
        items,
    })
}

/// Timing evidence (issue 17): agent segment `i` ends in a statement about
/// the customer, and the customer answers it with yes/no within
/// `questions.answer_gap_s` (timed transcripts only; a backchannel is no
/// answer). Returns the statement, which then counts as a closed question.
fn answered_statement<'a>(ctx: &Ctx<'a>, rules: &QuestionRules, i: usize, buf: &mut Tokens) -> Option<&'a str> {
    let gap_max = ctx.cfg.questions.answer_gap_s;
    if gap_max <= 0.0 || ctx.t.timing != crate::Timing::Full {
        return None;
    }
    let segs = ctx.segs();
    let j = (i + 1..segs.len()).find(|&j| ctx.words[j] > 0)?;
    if ctx.role[j] != Role::Customer || ctx.backchannel[j] {
        return None;
    }
    let gap = segs[j].start_s? - segs[i].end_s?;
    if gap > gap_max
        || !ctx
            .sentence_tokens(j)
            .find(|(_, _, v)| v.len() > 0)
            .is_some_and(|(_, _, v)| rules.opens_with_answer(v))
    {
        return None;
    }
    // The statement is the segment's last sentence.
    let (_, last, v) = ctx.sentence_tokens(i).last()?;
    let toks = rules.tokenize(v, buf);
    rules.addressee_statement(&toks).then_some(last)
}

#[cfg(test)]
mod classes;

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(lang: &str) -> crate::analyzer::LangModel {
        crate::analyzer::LangModel::new(Lexicon::builtin(lang).unwrap()).unwrap()
    }

    use QuestionKind::{Closed, Open, Tag};

    #[test]
    fn clitics_written_apart_join_their_word() {
        let m = rules("en");
        let toks = crate::rules::Tokens::sentence(m.rules.vocab(), "it 's not is n't it, you 're sure");
        let mut buf = Tokens::default();
        let got: Vec<&str> = m
            .questions
            .tokenize(toks.whole(), &mut buf)
            .iter()
            .map(|t| t.w)
            .collect();
        assert_eq!(got, ["it's", "not", "isn't", "it", "you're", "sure"]);
        // The joined word has the list bits of the word written whole.
        let whole = crate::rules::Tokens::sentence(m.rules.vocab(), "isn't");
        let mut b2 = Tokens::default();
        let t = m.questions.tokenize(whole.whole(), &mut b2);
        let mut b3 = Tokens::default();
        let apart = m.questions.tokenize(toks.whole(), &mut b3);
        assert_eq!(apart[2].f, t[0].f);
        assert_ne!(t[0].f, 0);
    }

    #[test]
    fn a_phrase_in_a_one_word_list_is_refused_by_name() {
        let mut lex = Lexicon::builtin("en").unwrap();
        lex.add("questions.auxiliaries", &["would you".to_string()]);
        let err = crate::analyzer::LangModel::new(lex).unwrap_err().to_string();
        assert!(
            err.contains("questions.auxiliaries") && err.contains("\"would you\""),
            "{err}"
        );
        // A word added to a class reads like a shipped one.
        let mut lex = Lexicon::builtin("en").unwrap();
        lex.add("questions.auxiliaries", &["reckon".to_string()]);
        let m = crate::analyzer::LangModel::new(lex).unwrap();
        let kind = |m: &crate::analyzer::LangModel| m.questions.classify("reckon you could", false);
        assert_eq!(kind(&m), Some(Closed));
        assert_eq!(kind(&rules("en")), None);
    }

    #[test]
    fn every_question_list_is_a_class_of_the_engine() {
        for lang in ["en", "nl"] {
            let m = rules(lang);
            for &(name, _) in WORD_CLASSES {
                let ids = m.rules.class_words(name).unwrap_or_else(|| panic!("{lang} @{name}"));
                assert_eq!(
                    !ids.is_empty(),
                    !m.lex.list(&format!("questions.{name}")).is_empty(),
                    "{lang} @{name}"
                );
            }
        }
    }

    fn check(lang: &str, punct: bool, cases: &[(&str, Option<QuestionKind>)]) {
        let m = rules(lang);
        for (s, want) in cases {
            assert_eq!(m.questions.classify(s, punct), *want, "{lang} punct={punct}: {s:?}");
        }
    }

    #[test]
    fn a_whole_turn_repair_initiator_asks_to_repeat() {
        use QuestionKind::*;
        check(
            "en",
            true,
            &[
                ("Pardon?", Some(Open)),
                ("Eh?", Some(Open)),
                ("It's cold, eh?", Some(Tag)),
            ],
        );
        check(
            "en",
            false,
            &[
                ("oh pardon", Some(Open)),
                ("pardon me for asking", None),
                ("sorry", None),
            ],
        );
        check(
            "nl",
            true,
            &[("Wablief?", Some(Open)), ("Pardon, dat wist ik niet.", None)],
        );
        check("nl", false, &[("pardon", Some(Open)), ("eh", None)]);
    }

    #[test]
    fn question_mark_and_kinds() {
        check(
            "en",
            true,
            &[
                ("How are you?", Some(Open)),
                ("Do you have panels?", Some(Closed)),
                ("You've already got a supplier?", Some(Closed)),
                ("Monthly or annually?", Some(Closed)),
                ("We use spreadsheets.", None),
                ("Is it \"done?\"", Some(Closed)),
            ],
        );
    }

    #[test]
    fn lead_in_clause_and_preposition_make_open() {
        check(
            "nl",
            true,
            &[
                ("U zei net dat de facturen laat zijn, hoe komt dat?", Some(Open)),
                ("Met wie heeft u gesproken?", Some(Open)),
                ("En eh, waarom juist nu?", Some(Open)),
                ("Mag ik vragen wat u nu gebruikt?", Some(Open)),
                ("Ja, en hoe zit het met de service?", Some(Open)),
            ],
        );
        check(
            "en",
            true,
            &[("Out of interest, how many sites do you have?", Some(Open))],
        );
    }

    #[test]
    fn invitations_with_and_without_question_mark() {
        check(
            "nl",
            true,
            &[
                ("Vertel eens wat meer over jullie klanten.", Some(Open)),
                ("Vertelt u het maar.", Some(Open)),
                ("Neem me eens mee in hoe dat gaat.", Some(Open)),
                ("Kunt u iets meer vertellen over de situatie?", Some(Open)),
                ("Mijn collega vertelde me over jullie.", None),
                ("Laat me u even uitleggen hoe het werkt.", None),
                ("Ik vertel u zo meteen meer.", None),
            ],
        );
        check(
            "en",
            true,
            &[
                ("Walk me through what happens.", Some(Open)),
                ("Tell me more.", Some(Open)),
                ("Could you walk me through it?", Some(Open)),
                ("Let me tell you about our tariff.", None),
                ("My colleague told me about it.", None),
            ],
        );
    }

    #[test]
    fn indirect_questions_take_the_embedded_kind() {
        check(
            "nl",
            false,
            &[
                ("ik vroeg me af of u al een leverancier heeft", Some(Closed)),
                ("ik ben benieuwd hoe jullie dat doen", Some(Open)),
                ("ik wil even weten wat u betaalt", Some(Open)),
            ],
        );
        check(
            "en",
            true,
            &[
                ("I was wondering whether you have a supplier.", Some(Closed)),
                ("I'd love to know what matters most.", Some(Open)),
            ],
        );
    }

    #[test]
    fn tags() {
        check(
            "nl",
            true,
            &[
                ("Dat klopt, toch?", Some(Tag)),
                ("Toch?", Some(Tag)),
                ("Lastig, hè?", Some(Tag)),
                ("U heeft toch al een contract?", Some(Closed)),
            ],
        );
        check(
            "en",
            true,
            &[
                ("That's a lot, isn't it?", Some(Tag)),
                ("Right?", Some(Tag)),
                ("Right, shall I check that for you?", Some(Closed)),
                ("You downloaded it, is that right?", Some(Tag)),
                ("Isn't it time you got a better deal?", Some(Closed)),
            ],
        );
        check(
            "en",
            false,
            &[
                ("it adds up quickly doesn't it", Some(Tag)),
                ("you're still with them right", Some(Tag)),
                ("the form is on the right", None),
                ("they never do do they", Some(Tag)),
                ("we don't have it", None),
                ("I don't want to do it", None),
                ("you don't do you", Some(Tag)),
                ("right", None),
            ],
        );
        check("nl", false, &[("dat is best veel geld toch", Some(Tag))]);
    }

    #[test]
    fn words_mode_interrogative_forms() {
        check(
            "nl",
            false,
            &[
                ("heeft u even een momentje", Some(Closed)),
                ("gebruiken jullie al zonnepanelen", Some(Closed)),
                ("komt dat vaak voor", Some(Closed)),
                ("uh hoeveel mensen werken er", Some(Open)),
                ("en u betaalt nu hoeveel", Some(Open)),
                ("ik stuur u de offerte", None),
            ],
        );
        check(
            "en",
            false,
            &[
                ("have you got a minute", Some(Closed)),
                ("is now still a good time", Some(Closed)),
                ("so um how many people are on the team", Some(Open)),
                ("you're paying how much at the moment", Some(Open)),
                ("I'll send the quote over", None),
                ("do let me know", None),
                ("could be worse", None),
            ],
        );
    }

    #[test]
    fn question_word_openers_that_are_not_questions() {
        check(
            "nl",
            false,
            &[
                ("wat ik bedoel is dat het goed is", None),
                ("wat fijn dat je tijd hebt", None),
                ("wat een gedoe zeg", None),
                ("hoe dan ook ik stuur het op", None),
                ("wanneer u overstapt betaalt u niets", None),
                ("hoe langer je wacht hoe duurder het wordt", None),
                ("welke leverancier u ook kiest let op", None),
                ("hoeveel het wordt hangt af van het verbruik", None),
                ("wie weet wordt het goedkoper", None),
                ("heeft u vragen dan kunt u mij bellen", None),
                ("komt hij ineens binnen met een offerte", None),
            ],
        );
        check(
            "en",
            false,
            &[
                ("what i mean is you wouldn't have to", None),
                ("which is exactly why we built it", None),
                ("whoever handles it signs", None),
                ("when you switch there are no fees", None),
                ("should you have any questions just give me a ring", None),
                ("who knows prices might come down", None),
                ("how much it costs depends on usage", None),
                ("what a nightmare", None),
            ],
        );
    }

    #[test]
    fn every_listed_invitation_and_tag_of_the_spec() {
        check(
            "nl",
            true,
            &[
                ("Vertel me eens hoe dat ging.", Some(Open)),
                ("Schets eens hoe een maandag eruitziet.", Some(Open)),
                ("Leg eens uit hoe jullie plannen.", Some(Open)),
                ("Kun je dat toelichten?", Some(Open)),
                ("Je krijgt elke maand een overzicht, niet?", Some(Tag)),
                ("Dat is duur, of niet?", Some(Tag)),
                ("U bent de eigenaar, zeker?", Some(Tag)),
            ],
        );
        check(
            "en",
            true,
            &[
                ("Help me understand why it stalled.", Some(Open)),
                ("Talk me through a typical week.", Some(Open)),
                ("Describe your current process.", Some(Open)),
                ("Any questions so far?", Some(Closed)),
                ("That's the one you mentioned, yeah?", Some(Tag)),
                ("Pretty frustrating, huh?", Some(Tag)),
                ("You like it, don't you?", Some(Tag)),
                ("Why I'm calling is simple.", None),
            ],
        );
    }

    #[test]
    fn fast_path_agrees_with_the_full_reading() {
        let m = rules("en");
        let (r, vocab) = (&m.questions, m.rules.vocab());
        for s in [
            "So, tell me about it.",
            "We use spreadsheets.",
            "Okay, I'm curious how you do it.",
            "Right, describe it.",
        ] {
            let sentence = crate::rules::Tokens::sentence(vocab, s);
            let mut buf = Tokens::default();
            let toks = r.tokenize(sentence.whole(), &mut buf);
            assert_eq!(
                r.may_invite(sentence.whole()),
                r.classify_tokens(&toks, false, true).is_some(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn trap_words() {
        check(
            "nl",
            false,
            &[
                ("welkom bij energiek", None),
                ("waarschijnlijk is dat niet nodig", None),
            ],
        );
        check(
            "en",
            false,
            &[
                ("however the price is fixed", None),
                ("whatever you decide is fine", None),
            ],
        );
    }

    #[test]
    fn proposals_are_closed_topics_open() {
        check(
            "en",
            true,
            &[
                ("How about Thursday at ten?", Some(Closed)),
                ("What about the warranty side?", Some(Open)),
            ],
        );
        check(
            "nl",
            true,
            &[
                ("Wat dacht u van dinsdag?", Some(Closed)),
                ("Weet u wat u nu betaalt?", Some(Open)),
            ],
        );
    }

    #[test]
    fn chat_style_clitics_and_run_on_sentences() {
        check(
            "en",
            false,
            &[
                ("They do n't make them any more do they .", Some(Tag)),
                ("There 's not a lot more in here is there There 's a bedroom", Some(Tag)),
                (
                    "Mm Yeah and you could go in with cash Do you have any deposit at all .",
                    Some(Closed),
                ),
                ("Oh right .", None),
            ],
        );
    }

    fn analyze(t: &crate::Transcript, lang: &str) -> Questions {
        let a = crate::Analyzer::new(crate::Config::default().agent("A").language(lang)).unwrap();
        a.analyze(t).questions.expect("text present")
    }

    #[test]
    fn counts_per_side_tags_apart_rates_and_first_third() {
        let t = crate::Transcript::builder()
            .segment("A", 0.0, 5.0, "Hi, this is Sam from Acme. How are things?")
            .segment("C", 5.0, 10.0, "Busy. Who are you again?")
            .segment(
                "A",
                10.0,
                20.0,
                "Sam. Do you use any planning software? That's a lot of work, isn't it?",
            )
            .segment("C", 20.0, 25.0, "")
            .segment("C", 25.0, 40.0, "We use spreadsheets for the rosters.")
            .segment("A", 40.0, 60.0, "What happens with the rosters when someone is ill?")
            .build();
        let q = analyze(&t, "en");
        assert_eq!(q.basis, QuestionBasis::Punctuation);
        assert_eq!((q.agent.total, q.agent.open, q.agent.closed, q.agent.tag), (3, 2, 1, 1));
        assert_eq!((q.customer.total, q.customer.open), (1, 1));
        // 3 questions over a 60 s span.
        assert!((q.agent.per_10_min.unwrap() - 30.0).abs() < 1e-9);
        // First third = [0, 20): two of the three counted agent questions.
        assert!((q.agent.first_third_share.unwrap() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(q.items.len(), 5);
        let tag = q.items.iter().find(|i| i.kind == QuestionKind::Tag).unwrap();
        assert_eq!((tag.segment, tag.start_s, tag.speaker.as_str()), (2, Some(10.0), "A"));
        assert_eq!(tag.text, "That's a lot of work, isn't it?");
    }

    /// A statement about the customer, the customer's reply text and its
    /// start (the statement ends at 4.0 s): closed questions of the agent.
    fn answered(lang: &str, statement: &str, reply: &str, reply_start: f64, cfg: crate::Config) -> usize {
        let t = crate::Transcript::builder()
            .segment("A", 0.0, 4.0, statement)
            .segment("C", reply_start, reply_start + 3.0, reply)
            .segment("A", reply_start + 3.5, reply_start + 6.0, "okay that helps")
            .build();
        let a = crate::Analyzer::new(cfg.agent("A").language(lang)).unwrap();
        a.analyze(&t).questions.expect("text").agent.closed
    }

    #[test]
    fn a_quick_yes_no_reply_makes_a_statement_about_the_customer_a_question() {
        let d = crate::Config::default;
        // Quick yes/no reply that says more than a backchannel: a question.
        assert_eq!(
            answered(
                "en",
                "you're with eneco at the moment",
                "yes we are since last year",
                4.3,
                d()
            ),
            1
        );
        assert_eq!(
            answered(
                "nl",
                "en jullie werken met een eigen planner",
                "nee sinds vorig jaar niet meer",
                4.5,
                d()
            ),
            1
        );
        // The same statement answered after a long gap: no evidence.
        assert_eq!(
            answered(
                "en",
                "you're with eneco at the moment",
                "yes we are since last year",
                6.0,
                d()
            ),
            0
        );
        assert_eq!(
            answered(
                "nl",
                "en jullie werken met een eigen planner",
                "nee sinds vorig jaar niet meer",
                6.0,
                d()
            ),
            0
        );
        // A backchannel is no answer.
        assert_eq!(answered("en", "you're with eneco at the moment", "yeah", 4.2, d()), 0);
        assert_eq!(
            answered("nl", "en jullie werken met een eigen planner", "ja", 4.2, d()),
            0
        );
        // No second person: a statement about ourselves stays one.
        assert_eq!(
            answered(
                "en",
                "we're with eneco at the moment",
                "yes we know them well",
                4.2,
                d()
            ),
            0
        );
        assert_eq!(
            answered("nl", "wij zitten zelf ook bij kpn", "ja dat weet ik wel", 4.2, d()),
            0
        );
        // A promise about the customer is no state ("you'll get", "u krijgt").
        assert_eq!(
            answered(
                "en",
                "you'll get the quote tomorrow",
                "yes great thanks a lot",
                4.2,
                d()
            ),
            0
        );
        assert_eq!(
            answered("nl", "u krijgt de offerte morgen", "ja prima dank u wel", 4.2, d()),
            0
        );
        // A reply that does not open with yes/no is no evidence.
        assert_eq!(
            answered(
                "en",
                "you're with eneco at the moment",
                "we switched last spring",
                4.2,
                d()
            ),
            0
        );
        // The gap is configurable; 0 switches the rule off.
        let mut wide = d();
        wide.questions.answer_gap_s = 3.0;
        assert_eq!(
            answered(
                "en",
                "you're with eneco at the moment",
                "yes we are since last year",
                6.0,
                wide
            ),
            1
        );
        let mut off = d();
        off.questions.answer_gap_s = 0.0;
        assert_eq!(
            answered(
                "en",
                "you're with eneco at the moment",
                "yes we are since last year",
                4.3,
                off
            ),
            0
        );
        // Punctuated transcript (a `?` elsewhere): the full stop the
        // recogniser put there does not hide the evidence.
        let t = crate::Transcript::builder()
            .segment("A", 0.0, 2.0, "Hi Mark, how are you?")
            .segment("C", 2.2, 3.0, "Good thanks.")
            .segment("A", 3.2, 6.0, "Great. You're with Eneco at the moment.")
            .segment("C", 6.3, 8.0, "Yes, we are, since last year.")
            .build();
        assert_eq!(analyze(&t, "en").agent.closed, 1);
        // Untimed: no timing, no evidence.
        let t = crate::Transcript::builder()
            .untimed("A", "you're with eneco at the moment")
            .untimed("C", "yes we are since last year")
            .build();
        assert_eq!(analyze(&t, "en").agent.closed, 0);
    }

    #[test]
    fn words_basis_without_any_question_mark_and_untimed_rates_are_null() {
        let t = crate::Transcript::builder()
            .untimed("A", "goedemiddag u spreekt met sanne van planwerk")
            .untimed("C", "ja goedemiddag")
            .untimed("A", "hoe lossen jullie de planning nu op")
            .build();
        let q = analyze(&t, "nl");
        assert_eq!(q.basis, QuestionBasis::Words);
        assert_eq!((q.agent.open, q.agent.closed), (1, 0));
        assert_eq!(q.agent.per_10_min, None);
        assert_eq!(q.agent.first_third_share, None);
        assert_eq!(q.customer.first_third_share, None, "no questions: null");
    }

    #[test]
    fn follow_ups_reuse_the_customers_previous_turn_or_refer_back() {
        let t = crate::Transcript::builder()
            .untimed("A", "Hi, this is Sam from Acme. How do you plan your staff?")
            .untimed("C", "With spreadsheets, and the planning is chaos.")
            .untimed("A", "Mm.")
            .untimed("C", "Every single week.")
            // "spreadsheet" shares "sprea" with "spreadsheets"; the agent's
            // own "Mm." did not end the customer's turn.
            .untimed("A", "Who maintains the spreadsheet?")
            // Only stop words and short words in common: no follow-up.
            .untimed("A", "Would that be okay for you?")
            .untimed("C", "Sure.")
            .untimed("A", "You mentioned chaos earlier. Is it getting worse?")
            .untimed("C", "Tuesday works.")
            .untimed("A", "Shall we say ten o'clock then?")
            .build();
        let q = analyze(&t, "en");
        let fu: Vec<(&str, bool)> = q
            .items
            .iter()
            .filter(|i| i.role == Role::Agent)
            .map(|i| (i.text.as_str(), i.follow_up))
            .collect();
        assert_eq!(
            fu,
            vec![
                ("How do you plan your staff?", false),
                ("Who maintains the spreadsheet?", true),
                ("Would that be okay for you?", false),
                ("Is it getting worse?", false),
                ("Shall we say ten o'clock then?", false),
            ]
        );
        // "You mentioned chaos earlier." is no question; the refer-back
        // counts inside a question.
        let t2 = crate::Transcript::builder()
            .untimed("A", "Hi, this is Sam from Acme. How is business?")
            .untimed("C", "Fine.")
            .untimed("A", "You mentioned you were busy, what do you mean by busy?")
            .build();
        let q2 = analyze(&t2, "en");
        assert!(q2.items.last().unwrap().follow_up);
        assert_eq!(q2.agent.follow_up, 1);
    }
}
