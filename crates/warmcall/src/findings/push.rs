//! Push detection (SPEC §6.1) and readiness at each push (SPEC §6.2).
//!
//! A sentence is a push when it names a next step with the seller and has a
//! form that invites or imposes it, or when it offers a concrete time for
//! meeting again with a question or proposal form. Context then removes
//! confirmations of a step the customer proposed or agreed to, and callbacks
//! the customer asked for.

use std::borrow::Cow;
use std::collections::BTreeSet;

use regex::Regex;

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{PushCategory, PushItem, Pushes, QuestionKind, Questions, Readiness, Role};
use crate::rules::Matcher;
use crate::Error;

use super::patterns::{
    content_words, find_quick, has_pause_mark, normalize, normalize_into, ClauseStart, Hits, PhraseSet, Phrases,
};
use super::signals::{AgentOffer, SignalHit, SignalRules};
use crate::report::SignalKind;

/// Categories in the order the lexicon names them.
const CATEGORIES: [(PushCategory, &str); 5] = [
    (PushCategory::Appointment, "appointment"),
    (PushCategory::Visit, "visit"),
    (PushCategory::Demo, "demo"),
    (PushCategory::Callback, "callback"),
    (PushCategory::Close, "close"),
];

/// Compiled push rules of one language.
#[derive(Debug)]
pub(crate) struct PushRules {
    forms: ClauseStart,
    assumptive: ClauseStart,
    time: Phrases,
    vague_time: Phrases,
    wh_start: Option<Regex>,
    not_push: Phrases,
    form_exceptions: Phrases,
    negation_exceptions: Phrases,
    send_verbs: Phrases,
    commit_verbs: Phrases,
    /// The step lists, the time lists, availability and info_send, matched
    /// in one pass (by [`PhraseSet::matches_sparse`]: few sentences name
    /// any) (indices: [`STEP`], [`WEAK`], [`TIME`], ...). Any step,
    /// time or availability form ([`CANDIDATE`]): without one a sentence is
    /// no push.
    lists: PhraseSet,
}

/// Index of each category's step list in [`PushRules::lists`] (weak steps
/// follow at [`WEAK`]), in [`CATEGORIES`] order.
const STEP: usize = 0;
const WEAK: usize = CATEGORIES.len();
const TIME: usize = 2 * CATEGORIES.len();
const VAGUE_TIME: usize = TIME + 1;
const AVAILABILITY: usize = TIME + 2;
/// Lists below this index make a sentence a push candidate.
const CANDIDATE: usize = TIME + 3;
const INFO_SEND: usize = CANDIDATE;

impl PushRules {
    pub(crate) fn new(lex: &Lexicon) -> Result<PushRules, Error> {
        let clause = |name: &str| ClauseStart::new(lex, name, "pushes.fillers", "pushes.conjunctions");
        let phrases = |name: &str| Phrases::new(lex, name);
        let wh = lex.list("pushes.wh_words");
        let wh_start = if wh.is_empty() {
            None
        } else {
            let fill = lex.list("pushes.fillers");
            let fill = if fill.is_empty() {
                String::new()
            } else {
                format!(r"(?:(?:{})[\s,]+)*", fill.join("|"))
            };
            Some(
                Regex::new(&format!(r"^{fill}(?:{})\b", wh.join("|"))).map_err(|e| Error::Config {
                    key: format!("lexicon.{}.pushes.wh_words", lex.lang),
                    line: 0,
                    message: format!("bad pattern: {e}"),
                })?,
            )
        };
        let mut names: Vec<String> = CATEGORIES.iter().map(|(_, n)| format!("pushes.steps.{n}")).collect();
        names.extend(CATEGORIES.iter().map(|(_, n)| format!("pushes.weak_steps.{n}")));
        names.extend(
            [
                "pushes.time",
                "pushes.vague_time",
                "pushes.availability",
                "pushes.info_send",
            ]
            .map(String::from),
        );
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        Ok(PushRules {
            lists: PhraseSet::new(lex, &names)?,
            forms: clause("pushes.forms")?,
            assumptive: clause("pushes.assumptive")?,
            time: phrases("pushes.time")?,
            vague_time: phrases("pushes.vague_time")?,
            wh_start,
            not_push: phrases("pushes.not_push")?,
            form_exceptions: phrases("pushes.form_exceptions")?,
            negation_exceptions: phrases("pushes.negation_exceptions")?,
            send_verbs: phrases("pushes.send_verbs")?,
            commit_verbs: phrases("pushes.commit_verbs")?,
        })
    }

    /// The category when the sentence on its own is a push.
    pub(crate) fn sentence_category(&self, sentence: &str) -> Option<PushCategory> {
        self.category_normalized(&normalize(sentence))
    }

    /// [`PushRules::sentence_category`] of a sentence already normalised.
    pub(crate) fn category_normalized(&self, n: &str) -> Option<PushCategory> {
        let m = self.lists.matches_sparse(n);
        // Cheap first pass: most sentences name no step, time or availability.
        if !m.any_below(CANDIDATE) {
            return None;
        }
        self.category_of(n, &self.blank_form_exceptions(n), m)
    }

    /// Of a normalised agent sentence: its push category (when on its own
    /// it is a push) and whether it offers to send information ("Zal ik de
    /// informatie mailen?", "Would you like the information by email?":
    /// agreeing to that is a continuation, not an advance). One pass over
    /// the lists serves both.
    pub(crate) fn agent_sentence(&self, n: &str) -> (Option<PushCategory>, bool) {
        let m = self.lists.matches_sparse(n);
        // Cheap first pass: most sentences name no step, time or
        // availability, and offer no information.
        let candidate = m.any_below(CANDIDATE);
        if !candidate && !m.has(INFO_SEND) {
            return (None, false);
        }
        let f = self.blank_form_exceptions(n);
        let category = if candidate { self.category_of(n, &f, m) } else { None };
        let offers_info = m.has(INFO_SEND) && self.step_in(m).is_none() && self.forms.is_match(&f);
        (category, offers_info)
    }

    /// Fixed phrases that only look like a form ("let's say…") blanked out,
    /// for the form tests.
    fn blank_form_exceptions<'t>(&self, n: &'t str) -> Cow<'t, str> {
        match self.form_exceptions.strip(n) {
            // Nothing blanked: `n` is normalised already, and normalising is
            // a fixed point.
            Cow::Borrowed(_) => Cow::Borrowed(n),
            Cow::Owned(s) => Cow::Owned(normalize(&s)),
        }
    }

    /// The category of a push candidate `n` (normalised; `f`: the same with
    /// form exceptions blanked, `m`: its list matches).
    fn category_of(&self, n: &str, f: &str, m: Hits) -> Option<PushCategory> {
        // A question that opens with a question word asks *about* something
        // ("Wie tekent het contract?") unless a proposal form stands there
        // ("Wat dacht u van dinsdag?", "When's the best time to call you back?").
        if self.wh_start.as_ref().is_some_and(|r| r.is_match(n)) && !self.forms.at_start(f) {
            return None;
        }
        if self.not_push.is_match(&self.negation_exceptions.strip(n)) {
            return None;
        }
        let form = self.forms.is_match(f);
        if let Some(cat) = self.step_in(m) {
            if form {
                return Some(cat);
            }
            // An assumptive statement imposes only the step in its own
            // clause ("I'll bring brochures, and if you dig out the
            // agreement…" is no close).
            return self
                .assumptive
                .clauses(f)
                .into_iter()
                .filter_map(|c| self.assumed_step(c))
                .max();
        }
        // No step named: a time offered for meeting again is an appointment,
        // but not when the time is for sending information.
        if m.has(INFO_SEND) {
            return None;
        }
        let concrete = m.has(TIME);
        if (form && concrete) || (m.has(AVAILABILITY) && (concrete || m.has(VAGUE_TIME))) {
            return Some(PushCategory::Appointment);
        }
        None
    }

    /// The step an assumptive clause imposes. Sending a document ("I'll
    /// send you the quote today") is the seller's own action: without a
    /// commitment verb (sign, order) its close step does not count.
    fn assumed_step(&self, clause: &str) -> Option<PushCategory> {
        let just_sending = self.send_verbs.is_match(clause) && !self.commit_verbs.is_match(clause);
        let m = self.lists.matches_sparse(clause);
        let pick = |base: usize| {
            CATEGORIES
                .iter()
                .enumerate()
                .filter(|(i, (c, _))| !(just_sending && *c == PushCategory::Close) && m.has(base + i))
                .map(|(_, (c, _))| *c)
                .max()
        };
        pick(STEP).or_else(|| pick(WEAK))
    }

    /// The most committing step named in normalised text (weak steps only
    /// when no other is named).
    pub(crate) fn step(&self, n: &str) -> Option<PushCategory> {
        self.step_in(self.lists.matches_sparse(n))
    }

    /// [`PushRules::step`] from the list matches of a text.
    fn step_in(&self, m: Hits) -> Option<PushCategory> {
        let strongest = |base: usize| {
            CATEGORIES
                .iter()
                .enumerate()
                .filter(|(i, _)| m.has(base + i))
                .map(|(_, (c, _))| *c)
                .max()
        };
        strongest(STEP).or_else(|| strongest(WEAK))
    }

    /// True when a question or proposal form opens normalised text ("Shall
    /// I hold them for you?", "Zal ik de overstap regelen?"), whatever it
    /// proposes: a negative reply to it is a rejection.
    pub(crate) fn opens_with_form(&self, n: &str) -> bool {
        self.forms.at_start(&self.blank_form_exceptions(n))
    }

    /// True when normalised text names a concrete time (day, date, clock time).
    pub(crate) fn has_time(&self, n: &str) -> bool {
        self.time.is_match(n)
    }

    /// True when normalised text names a vague time ("next week").
    pub(crate) fn has_vague_time(&self, n: &str) -> bool {
        self.vague_time.is_match(n)
    }
}

/// One sentence of an agent segment, classified once per analysis (the
/// signal stage reads what it offers, the push stage its category).
#[derive(Debug)]
pub(crate) struct AgentSentence<'a> {
    /// Byte offset in the segment.
    pub offset: usize,
    /// The sentence.
    pub text: &'a str,
    /// Its category when on its own it is a push.
    pub category: Option<PushCategory>,
    /// Whether it offers to send information.
    pub offers_info: bool,
    /// Whether a question or proposal form opens it.
    pub proposes: bool,
}

/// The sentences of every agent segment that is no backchannel.
#[derive(Debug, Default)]
pub(crate) struct AgentSentences<'a> {
    sentences: Vec<AgentSentence<'a>>,
    /// Where each segment's sentences start in `sentences` (one more entry
    /// than segments).
    start: Vec<usize>,
}

impl<'a> AgentSentences<'a> {
    /// The sentences of segment `i` (none unless an agent non-backchannel
    /// segment).
    pub(crate) fn of(&self, i: usize) -> &[AgentSentence<'a>] {
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.sentences[a..b],
            _ => &[],
        }
    }

    /// What agent segment `i` offers, for the signal stage.
    pub(crate) fn offer(&self, i: usize) -> AgentOffer {
        let mut offer = AgentOffer::default();
        for s in self.of(i) {
            offer.push |= s.category.is_some();
            offer.info |= s.offers_info;
            offer.proposal |= s.proposes;
        }
        offer
    }
}

/// The agent sentences of the analysis, classified once: what the agent
/// offers, which the signal stage and the push stage both read.
pub(crate) fn agent_sentences<'a>(ctx: &Ctx<'a>, rules: &PushRules) -> AgentSentences<'a> {
    let segs = ctx.segs();
    let mut out = AgentSentences {
        sentences: Vec::new(),
        start: Vec::with_capacity(segs.len() + 1),
    };
    let mut n = String::new();
    for i in 0..segs.len() {
        out.start.push(out.sentences.len());
        if ctx.role[i] != Role::Agent || ctx.backchannel[i] {
            continue;
        }
        for (offset, text) in ctx.sentences(i) {
            normalize_into(text, &mut n);
            let (category, offers_info) = rules.agent_sentence(&n);
            let proposes = category.is_some() || rules.opens_with_form(&n);
            out.sentences.push(AgentSentence {
                offset,
                text,
                category,
                offers_info,
                proposes,
            });
        }
    }
    out.start.push(out.sentences.len());
    out
}

/// Non-backchannel segment indices in order (the turn skeleton of SPEC §4).
pub(crate) fn main_segments(ctx: &Ctx<'_>) -> Vec<usize> {
    (0..ctx.segs().len()).filter(|&i| !ctx.backchannel[i]).collect()
}

/// The step the customer proposed or agreed to in `turn` (their turn before
/// an agent turn), if they did: the step they named, a callback they asked
/// for, or the last push they answered; an appointment when only a time was
/// given.
fn agreed_step(
    ctx: &Ctx<'_>,
    rules: &PushRules,
    signal_rules: &SignalRules,
    matcher: &Matcher,
    turn: &[usize],
    accepted: &[bool],
    pushes: &[PushItem],
) -> Option<PushCategory> {
    if !turn.iter().any(|&j| accepted[j]) {
        return None;
    }
    let mut agreed = PushCategory::Appointment;
    for &j in turn {
        let n = normalize(&ctx.segs()[j].text);
        if let Some(c) = rules.step(&n) {
            agreed = agreed.max(c);
        }
        if signal_rules.asks_callback(ctx, matcher, j) {
            agreed = agreed.max(PushCategory::Callback);
        }
    }
    if let Some(p) = pushes.last() {
        agreed = agreed.max(p.category);
    }
    Some(agreed)
}

/// An agent question's place: segment and byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pos {
    segment: usize,
    offset: usize,
}

/// Agent open questions with their places, in order.
fn open_questions(ctx: &Ctx<'_>, questions: Option<&Questions>) -> Vec<Pos> {
    let Some(q) = questions else {
        return Vec::new();
    };
    let mut out: Vec<Pos> = q
        .items
        .iter()
        .filter(|it| it.role == Role::Agent && it.kind == QuestionKind::Open)
        .filter(|it| it.segment < ctx.segs().len())
        .map(|it| Pos {
            segment: it.segment,
            offset: find_quick(&ctx.segs()[it.segment].text, &it.text).unwrap_or(0),
        })
        .collect();
    out.sort();
    out
}

/// Customer turns as (first segment, last segment, words).
fn customer_turns(ctx: &Ctx<'_>) -> Vec<(usize, usize, usize)> {
    let mut turns: Vec<(usize, usize, usize)> = Vec::new();
    let mut open = false;
    for i in main_segments(ctx) {
        if ctx.role[i] == Role::Customer {
            let text = &ctx.segs()[i].text;
            // Without pause notation the content words are the segment's
            // words, counted already.
            let w = if has_pause_mark(text) {
                content_words(text)
            } else {
                ctx.words[i]
            };
            match (open, turns.last_mut()) {
                (true, Some(t)) => {
                    t.1 = i;
                    t.2 += w;
                }
                _ => turns.push((i, i, w)),
            }
            open = true;
        } else {
            open = false;
        }
    }
    turns
}

/// Open questions answered, each with the first segment of its answer:
/// a customer turn answers the last open question before it when it has
/// at least `answer_min_words` words; one turn answers at most one question.
fn answered_questions(ctx: &Ctx<'_>, open: &[Pos]) -> Vec<(Pos, usize)> {
    let min = ctx.cfg.push.answer_min_words;
    let mut out = Vec::new();
    let mut prev_end: Option<usize> = None;
    // `open` is sorted: the questions before a turn are a prefix of it, the
    // latest of them its last element (a scan per turn was quadratic).
    debug_assert!(open.is_sorted());
    for (first, last, words) in customer_turns(ctx) {
        let before = open.partition_point(|q| q.segment < first);
        let last_q = before
            .checked_sub(1)
            .map(|k| &open[k])
            .filter(|q| prev_end.is_none_or(|e| q.segment > e));
        if let Some(q) = last_q {
            if words >= min {
                out.push((*q, first));
            }
        }
        prev_end = Some(last);
    }
    out
}

/// Speech-time union of one side within `[.., until]`.
fn union_until(ctx: &Ctx<'_>, role: Role, until: f64) -> f64 {
    use crate::metrics::intervals::{total, union};
    total(&union(
        ctx.segs()
            .iter()
            .zip(&ctx.role)
            .filter(|(_, r)| **r == role)
            .filter_map(|(s, _)| Some((s.start_s?, s.end_s?.min(until)))),
    ))
}

/// Readiness before segment `seg` (the push's segment).
fn readiness(
    ctx: &Ctx<'_>,
    seg: usize,
    pos: Pos,
    open: &[Pos],
    answered: &[(Pos, usize)],
    signals: &[SignalHit],
) -> Readiness {
    let s = &ctx.segs()[seg];
    let words_before: usize = ctx.words[..seg].iter().sum();
    let words_total: usize = ctx.words.iter().sum();
    let (elapsed_s, elapsed_share) = match (ctx.span, s.start_s) {
        (Some((a, b)), Some(t)) => {
            let e = (t - a).max(0.0);
            (Some(e), (b > a).then(|| (e / (b - a)).min(1.0)))
        }
        _ => (
            None,
            (words_total > 0).then(|| words_before as f64 / words_total as f64),
        ),
    };
    let customer_share_so_far = match (ctx.timed(), s.start_s) {
        (true, Some(t)) => {
            let c = union_until(ctx, Role::Customer, t);
            let a = union_until(ctx, Role::Agent, t);
            (a + c > 0.0).then(|| c / (a + c))
        }
        _ => {
            let c: usize = (0..seg)
                .filter(|&i| ctx.role[i] == Role::Customer)
                .map(|i| ctx.words[i])
                .sum();
            (words_before > 0).then(|| c as f64 / words_before as f64)
        }
    };
    let kinds: BTreeSet<SignalKind> = signals.iter().filter(|h| h.segment < seg).map(|h| h.kind).collect();
    Readiness {
        elapsed_s,
        elapsed_share,
        customer_share_so_far,
        open_questions_so_far: open.iter().filter(|q| **q < pos).count(),
        answered_open_questions: answered.iter().filter(|(q, a)| *q < pos && *a < seg).count(),
        signals: kinds.into_iter().collect(),
    }
}

/// Pushes with readiness; `None` when the transcript has no text.
/// `sentences`: the agent sentences of [`agent_sentences`]; `signals`: the
/// customer signals (acceptances end a push, others are readiness).
pub(crate) fn detect(
    ctx: &Ctx<'_>,
    rules: &PushRules,
    signal_rules: &SignalRules,
    matcher: &Matcher,
    sentences: &AgentSentences<'_>,
    questions: Option<&Questions>,
    signals: &[SignalHit],
) -> Option<Pushes> {
    if !ctx.has_text {
        return None;
    }
    let open = open_questions(ctx, questions);
    let answered = answered_questions(ctx, &open);
    let mut accepted = vec![false; ctx.segs().len()];
    for h in signals.iter().filter(|h| h.kind == SignalKind::Acceptance) {
        if let Some(a) = accepted.get_mut(h.segment) {
            *a = true;
        }
    }
    let mut items: Vec<PushItem> = Vec::new();
    let mut customer_turn: Vec<usize> = Vec::new();
    let mut customer_spoke = false;
    let mut agreed: Option<PushCategory> = None;
    for i in main_segments(ctx) {
        if ctx.role[i] != Role::Agent {
            if !customer_spoke {
                customer_turn.clear();
            }
            customer_turn.push(i);
            customer_spoke = true;
            continue;
        }
        // The first agent segment after a customer turn decides what the
        // customer agreed to; it holds for the whole agent turn.
        if customer_spoke {
            agreed = agreed_step(ctx, rules, signal_rules, matcher, &customer_turn, &accepted, &items);
            customer_spoke = false;
        }
        let seg = &ctx.segs()[i];
        for &AgentSentence {
            offset,
            text: sentence,
            category,
            ..
        } in sentences.of(i)
        {
            let Some(category) = category else {
                continue;
            };
            // Confirming what the customer proposed or agreed to (or the
            // callback they asked for) is not a push; asking for more is.
            if agreed.is_some_and(|a| category <= a) {
                continue;
            }
            let pos = Pos { segment: i, offset };
            let readiness = readiness(ctx, i, pos, &open, &answered, signals);
            let premature = readiness.answered_open_questions < ctx.cfg.push.min_answered_open_questions
                || readiness
                    .customer_share_so_far
                    .is_some_and(|s| s < ctx.cfg.push.min_customer_share);
            items.push(PushItem {
                segment: i,
                start_s: seg.start_s,
                text: sentence.to_string(),
                category,
                premature,
                readiness,
            });
        }
    }
    Some(Pushes {
        count: items.len(),
        premature: items.iter().filter(|p| p.premature).count(),
        first_s: items.iter().find_map(|p| p.start_s),
        items,
    })
}

/// First segments of the customer turns that answered an agent open
/// question (for `push-after-no`).
pub(crate) fn answer_segments(ctx: &Ctx<'_>, questions: Option<&Questions>) -> Vec<usize> {
    answered_questions(ctx, &open_questions(ctx, questions))
        .into_iter()
        .map(|(_, a)| a)
        .collect()
}
