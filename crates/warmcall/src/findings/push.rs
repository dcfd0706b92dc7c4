//! Push detection (SPEC §6.1) and readiness at each push (SPEC §6.2).
//!
//! A sentence is a push when it names a next step with the seller and has a
//! form that invites or imposes it, or when it offers a concrete time for
//! meeting again with a question or proposal form. Context then removes
//! confirmations of a step the customer proposed or agreed to, and callbacks
//! the customer asked for.

use std::collections::BTreeSet;

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{PushCategory, PushItem, Pushes, QuestionKind, Questions, Readiness, Role};
use crate::rules::{Compiler, Hits, LeadWords, ListId, Matcher, Token, Tokens, View};
use crate::Error;

use super::signals::{AgentOffer, SignalHit, SignalRules};
use super::text_scan::{content_words, find_quick, has_pause_mark};
use crate::report::SignalKind;

/// Categories in the order the lexicon names them.
const CATEGORIES: [(PushCategory, &str); 5] = [
    (PushCategory::Appointment, "appointment"),
    (PushCategory::Visit, "visit"),
    (PushCategory::Demo, "demo"),
    (PushCategory::Callback, "callback"),
    (PushCategory::Close, "close"),
];

/// The push lists in the language's matcher, by index into
/// [`PushRules::ids`]. The first four are framed by the code: a form
/// counts at the start of a clause (after fillers, or after a conjunction
/// mid-sentence), a question word only opening the sentence.
const FORM: usize = 0;
const FORM_START: usize = 1;
const ASSUMPTIVE: usize = 2;
const WH_START: usize = 3;
const FORM_EXCEPTIONS: usize = 4;
const NOT_PUSH: usize = 5;
const NEGATION_EXCEPTIONS: usize = 6;
const SEND_VERBS: usize = 7;
const COMMIT_VERBS: usize = 8;
const AVAILABILITY: usize = 9;
const TIME: usize = 10;
const VAGUE_TIME: usize = 11;
const INFO_SEND: usize = 12;
/// Each category's step list (weak steps follow at [`WEAK`]), in
/// [`CATEGORIES`] order.
const STEP: usize = 13;
const WEAK: usize = STEP + CATEGORIES.len();
const LISTS: usize = WEAK + CATEGORIES.len();

/// At most this many fillers before a form ("so, okay, well, shall we"):
/// more than people stack, and a bound on the walk back.
const MAX_FILLERS: usize = 8;

/// Compiled push rules of one language: the ids of its lists in the
/// language's matcher, and the masks of the scans that read them.
#[derive(Debug)]
pub(crate) struct PushRules {
    ids: [ListId; LISTS],
    /// Every push list.
    all: u128,
    /// The lists form exceptions change (forms read without them).
    forms: u128,
    /// The step lists and what an assumptive clause reads.
    clause: u128,
    /// The step lists.
    steps: u128,
}

/// Reusable buffers for classifying sentences (allocated once per call).
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    hits: Hits,
    forms: Hits,
    other: Hits,
    toks: Vec<Token>,
    toks2: Vec<Token>,
    spans: Vec<(usize, usize)>,
}

/// What one agent sentence is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Judged {
    /// Its category when on its own it is a push.
    pub category: Option<PushCategory>,
    /// It offers to send information.
    pub offers_info: bool,
    /// A question or proposal form opens it.
    pub opens_with_form: bool,
}

impl PushRules {
    /// Adds the `[pushes]` lists of `lex` to `compiler`.
    pub(crate) fn new(lex: &Lexicon, compiler: &mut Compiler) -> Result<PushRules, Error> {
        // A form counts at the start of a clause: after clause
        // punctuation or a conjunction ("... and give you a call
        // tomorrow"), maybe after a few fillers ("So, okay, shall we...").
        let (fillers, conjunctions) = (lex.list("pushes.fillers"), lex.list("pushes.conjunctions"));
        let clause = LeadWords {
            skip: fillers,
            after: conjunctions,
            max_skip: MAX_FILLERS,
            sentence_start: false,
        };
        let opening = LeadWords {
            sentence_start: true,
            after: &[],
            ..clause
        };
        let mut ids = [0; LISTS];
        let led: [(usize, &str, &LeadWords<'_>); 4] = [
            (FORM, "pushes.forms", &clause),
            (FORM_START, "pushes.forms", &opening),
            (ASSUMPTIVE, "pushes.assumptive", &clause),
            (WH_START, "pushes.wh_words", &opening),
        ];
        for (i, name, lead) in led {
            ids[i] = compiler
                .add_led(name, lex.list(name), lead)
                .map_err(|e| e.in_lexicon(&lex.lang))?;
        }
        let plain = [
            (FORM_EXCEPTIONS, "pushes.form_exceptions".to_string()),
            (NOT_PUSH, "pushes.not_push".into()),
            (NEGATION_EXCEPTIONS, "pushes.negation_exceptions".into()),
            (SEND_VERBS, "pushes.send_verbs".into()),
            (COMMIT_VERBS, "pushes.commit_verbs".into()),
            (AVAILABILITY, "pushes.availability".into()),
            (TIME, "pushes.time".into()),
            (VAGUE_TIME, "pushes.vague_time".into()),
            (INFO_SEND, "pushes.info_send".into()),
        ]
        .into_iter()
        .chain(
            CATEGORIES
                .iter()
                .enumerate()
                .map(|(k, (_, n))| (STEP + k, format!("pushes.steps.{n}"))),
        )
        .chain(
            CATEGORIES
                .iter()
                .enumerate()
                .map(|(k, (_, n))| (WEAK + k, format!("pushes.weak_steps.{n}"))),
        );
        for (i, name) in plain {
            ids[i] = compiler
                .add_list(&name, lex.list(&name))
                .map_err(|e| e.in_lexicon(&lex.lang))?;
        }
        let mask = |which: &mut dyn Iterator<Item = usize>| which.fold(0u128, |m, i| m | 1 << ids[i]);
        let steps = mask(&mut (STEP..LISTS));
        Ok(PushRules {
            ids,
            all: mask(&mut (0..LISTS)),
            forms: mask(&mut [FORM, FORM_START, ASSUMPTIVE].into_iter()),
            clause: steps | mask(&mut [SEND_VERBS, COMMIT_VERBS].into_iter()),
            steps,
        })
    }

    /// The matcher's id of a push list by its lexicon name
    /// (`pushes.steps.demo`); `pushes.forms` is the clause-start form list,
    /// the one a proposal anywhere in a sentence is read from.
    #[cfg(test)]
    pub(crate) fn list_id(&self, name: &str) -> Option<ListId> {
        let plain = [
            ("pushes.forms", FORM),
            ("pushes.assumptive", ASSUMPTIVE),
            ("pushes.wh_words", WH_START),
            ("pushes.form_exceptions", FORM_EXCEPTIONS),
            ("pushes.not_push", NOT_PUSH),
            ("pushes.negation_exceptions", NEGATION_EXCEPTIONS),
            ("pushes.send_verbs", SEND_VERBS),
            ("pushes.commit_verbs", COMMIT_VERBS),
            ("pushes.availability", AVAILABILITY),
            ("pushes.time", TIME),
            ("pushes.vague_time", VAGUE_TIME),
            ("pushes.info_send", INFO_SEND),
        ];
        if let Some(&(_, i)) = plain.iter().find(|(n, _)| *n == name) {
            return Some(self.ids[i]);
        }
        let (base, cat) = if let Some(c) = name.strip_prefix("pushes.steps.") {
            (STEP, c)
        } else {
            (WEAK, name.strip_prefix("pushes.weak_steps.")?)
        };
        CATEGORIES
            .iter()
            .position(|(_, n)| *n == cat)
            .map(|k| self.ids[base + k])
    }

    fn has(&self, hits: &Hits, list: usize) -> bool {
        hits.has(self.ids[list])
    }

    /// The category when `sentence` (one sentence of plain text) on its
    /// own is a push.
    pub(crate) fn sentence_category(&self, m: &Matcher, sentence: &str) -> Option<PushCategory> {
        let toks = Tokens::sentence(m.vocab(), sentence);
        self.judge(m, toks.whole(), &mut Scratch::default()).category
    }

    /// Of one agent sentence's tokens: its push category (when on its own
    /// it is a push), whether it offers to send information ("Zal ik de
    /// informatie mailen?", "Would you like the information by email?":
    /// agreeing to that is a continuation, not an advance), and whether a
    /// proposal form opens it. One scan serves all three.
    pub(crate) fn judge(&self, m: &Matcher, v: View<'_>, s: &mut Scratch) -> Judged {
        m.scan_only(v, self.all, &mut s.hits);
        if s.hits.is_empty() {
            return Judged::default();
        }
        // Fixed phrases that only look like a form ("let's say…") do not
        // count towards the forms: those are read without them.
        let excepted = self.has(&s.hits, FORM_EXCEPTIONS);
        if excepted {
            let fv = without_all(m, v, self.ids[FORM_EXCEPTIONS], &mut s.toks, &mut s.spans);
            m.scan_only(fv, self.forms, &mut s.forms);
        }
        let forms = if excepted { &s.forms } else { &s.hits };
        let (form, opens_with_form, assumes) = (
            self.has(forms, FORM),
            self.has(forms, FORM_START),
            self.has(forms, ASSUMPTIVE),
        );
        let step = self.step_in(&s.hits);
        let offers_info = self.has(&s.hits, INFO_SEND) && step.is_none() && form;
        let candidate = step.is_some() || [TIME, VAGUE_TIME, AVAILABILITY].iter().any(|&l| self.has(&s.hits, l));
        if !candidate {
            return Judged {
                category: None,
                offers_info,
                opens_with_form,
            };
        }
        // A question that opens with a question word asks *about* something
        // ("Wie tekent het contract?") unless a proposal form stands there
        // ("Wat dacht u van dinsdag?", "When's the best time to call you back?").
        let refuted = (self.has(&s.hits, WH_START) && !opens_with_form) || self.negated(m, v, s);
        let category = if refuted {
            None
        } else if let Some(cat) = step {
            if form {
                Some(cat)
            } else if assumes {
                self.assumed(m, v, s)
            } else {
                None
            }
        } else if self.has(&s.hits, INFO_SEND) {
            // No step named: a time offered for meeting again is an
            // appointment, but not when the time is for sending information.
            None
        } else {
            let concrete = self.has(&s.hits, TIME);
            let available = self.has(&s.hits, AVAILABILITY) && (concrete || self.has(&s.hits, VAGUE_TIME));
            ((form && concrete) || available).then_some(PushCategory::Appointment)
        };
        Judged {
            category,
            offers_info,
            opens_with_form,
        }
    }

    /// True when a not-push phrase (a question about a step, the past,
    /// initiative left with the customer, a negation) stands in the
    /// sentence, read without the negations that propose ("why don't we").
    fn negated(&self, m: &Matcher, v: View<'_>, s: &mut Scratch) -> bool {
        if !self.has(&s.hits, NOT_PUSH) {
            return false;
        }
        if !self.has(&s.hits, NEGATION_EXCEPTIONS) {
            return true;
        }
        let nv = without_all(m, v, self.ids[NEGATION_EXCEPTIONS], &mut s.toks2, &mut s.spans);
        m.scan_only(nv, 1 << self.ids[NOT_PUSH], &mut s.other);
        self.has(&s.other, NOT_PUSH)
    }

    /// The step the assumptive clauses of a sentence impose ("I'll bring
    /// brochures, and if you dig out the agreement…" is no close): each
    /// assumptive form imposes only the step in its own clause. Sending a
    /// document ("I'll send you the quote today") is the seller's own
    /// action: without a commitment verb (sign, order) its close step does
    /// not count.
    fn assumed(&self, m: &Matcher, v: View<'_>, s: &mut Scratch) -> Option<PushCategory> {
        // Read as the forms were: without form exceptions.
        let fv = if self.has(&s.hits, FORM_EXCEPTIONS) {
            without_all(m, v, self.ids[FORM_EXCEPTIONS], &mut s.toks, &mut s.spans)
        } else {
            v
        };
        m.all_hits(fv, self.ids[ASSUMPTIVE], &mut s.spans);
        let mut best = None;
        for k in 0..s.spans.len() {
            let a = s.spans[k].0;
            let end = (a + 1..fv.len()).find(|&p| fv.clause_boundary(p)).unwrap_or(fv.len());
            m.scan_only(fv.sub(a..end), self.clause, &mut s.other);
            let h = &s.other;
            let just_sending = self.has(h, SEND_VERBS) && !self.has(h, COMMIT_VERBS);
            let pick = |base: usize| {
                CATEGORIES
                    .iter()
                    .enumerate()
                    .filter(|(i, (c, _))| !(just_sending && *c == PushCategory::Close) && self.has(h, base + i))
                    .map(|(_, (c, _))| *c)
                    .max()
            };
            best = best.max(pick(STEP).or_else(|| pick(WEAK)));
        }
        best
    }

    /// The most committing step named in a sentence's tokens (weak steps
    /// only when no other is named).
    pub(crate) fn step(&self, m: &Matcher, v: View<'_>, hits: &mut Hits) -> Option<PushCategory> {
        m.scan_only(v, self.steps, hits);
        self.step_in(hits)
    }

    /// [`PushRules::step`] from a scan's hits.
    fn step_in(&self, hits: &Hits) -> Option<PushCategory> {
        let strongest = |base: usize| {
            CATEGORIES
                .iter()
                .enumerate()
                .filter(|(i, _)| self.has(hits, base + i))
                .map(|(_, (c, _))| *c)
                .max()
        };
        strongest(STEP).or_else(|| strongest(WEAK))
    }

    /// Whether a sentence (plain text) names a concrete time (day, date,
    /// clock time) and whether it names a vague one ("next week").
    pub(crate) fn times(&self, m: &Matcher, sentence: &str) -> (bool, bool) {
        let toks = Tokens::sentence(m.vocab(), sentence);
        let mut hits = Hits::default();
        m.scan_only(toks.whole(), 1 << self.ids[TIME] | 1 << self.ids[VAGUE_TIME], &mut hits);
        (self.has(&hits, TIME), self.has(&hits, VAGUE_TIME))
    }
}

/// `v` with every hit of list `l` left out (as if those words had not
/// been said), in `buf`.
fn without_all<'b>(
    m: &Matcher,
    v: View<'b>,
    l: ListId,
    buf: &'b mut Vec<Token>,
    spans: &mut Vec<(usize, usize)>,
) -> View<'b> {
    m.all_hits(v, l, spans);
    v.without(spans, buf)
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
pub(crate) fn agent_sentences<'a>(ctx: &Ctx<'a>, rules: &PushRules, matcher: &Matcher) -> AgentSentences<'a> {
    let segs = ctx.segs();
    let mut out = AgentSentences {
        sentences: Vec::new(),
        start: Vec::with_capacity(segs.len() + 1),
    };
    let mut scratch = Scratch::default();
    for i in 0..segs.len() {
        out.start.push(out.sentences.len());
        if ctx.role[i] != Role::Agent || ctx.backchannel[i] {
            continue;
        }
        for (offset, text, v) in ctx.sentence_tokens(i) {
            let j = rules.judge(matcher, v, &mut scratch);
            out.sentences.push(AgentSentence {
                offset,
                text,
                category: j.category,
                offers_info: j.offers_info,
                proposes: j.category.is_some() || j.opens_with_form,
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
    let mut hits = Hits::default();
    for &j in turn {
        for (_, _, v) in ctx.sentence_tokens(j) {
            if let Some(c) = rules.step(matcher, v, &mut hits) {
                agreed = agreed.max(c);
            }
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
