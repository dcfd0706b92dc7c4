//! Push detection (SPEC §6.1) and readiness at each push (SPEC §6.2).
//!
//! A sentence is a push when it names a next step with the seller and has a
//! form that invites or imposes it, or when it offers a concrete time for
//! meeting again with a question or proposal form. Context then removes
//! confirmations of a step the customer proposed or agreed to, and callbacks
//! the customer asked for.

use std::collections::BTreeSet;

use regex::Regex;

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{PushCategory, PushItem, Pushes, QuestionKind, Questions, Readiness, Role};
use crate::Error;

use super::patterns::{content_words, normalize, ClauseStart, Phrases};
use super::signals::SignalHit;
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
    availability: Phrases,
    time: Phrases,
    vague_time: Phrases,
    wh_start: Option<Regex>,
    not_push: Phrases,
    form_exceptions: Phrases,
    negation_exceptions: Phrases,
    info_send: Phrases,
    send_verbs: Phrases,
    commit_verbs: Phrases,
    /// Any step, time or availability form: a sentence without one is no push.
    candidate: Phrases,
    steps: Vec<(PushCategory, Phrases)>,
    weak_steps: Vec<(PushCategory, Phrases)>,
}

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
        let mut steps = Vec::new();
        let mut weak_steps = Vec::new();
        for (cat, name) in CATEGORIES {
            steps.push((cat, phrases(&format!("pushes.steps.{name}"))?));
            weak_steps.push((cat, phrases(&format!("pushes.weak_steps.{name}"))?));
        }
        let mut any: Vec<String> = CATEGORIES
            .iter()
            .flat_map(|(_, n)| [format!("pushes.steps.{n}"), format!("pushes.weak_steps.{n}")])
            .collect();
        any.extend(["pushes.time", "pushes.vague_time", "pushes.availability"].map(String::from));
        Ok(PushRules {
            candidate: Phrases::union(lex, &any)?,
            forms: clause("pushes.forms")?,
            assumptive: clause("pushes.assumptive")?,
            availability: phrases("pushes.availability")?,
            time: phrases("pushes.time")?,
            vague_time: phrases("pushes.vague_time")?,
            wh_start,
            not_push: phrases("pushes.not_push")?,
            form_exceptions: phrases("pushes.form_exceptions")?,
            negation_exceptions: phrases("pushes.negation_exceptions")?,
            info_send: phrases("pushes.info_send")?,
            send_verbs: phrases("pushes.send_verbs")?,
            commit_verbs: phrases("pushes.commit_verbs")?,
            steps,
            weak_steps,
        })
    }

    /// The category when the sentence on its own is a push.
    pub(crate) fn sentence_category(&self, sentence: &str) -> Option<PushCategory> {
        let n = normalize(sentence);
        // Cheap first pass: most sentences name no step, time or availability.
        if !self.candidate.is_match(&n) {
            return None;
        }
        // A question that opens with a question word asks *about* something
        // ("Wie tekent het contract?") unless a proposal form stands there
        // ("Wat dacht u van dinsdag?", "When's the best time to call you back?").
        // Fixed phrases that only look like a form ("let's say…") are
        // blanked before the form tests.
        let f = normalize(&self.form_exceptions.strip(&n));
        if self.wh_start.as_ref().is_some_and(|r| r.is_match(&n)) && !self.forms.at_start(&f) {
            return None;
        }
        if self.not_push.is_match(&self.negation_exceptions.strip(&n)) {
            return None;
        }
        let form = self.forms.is_match(&f);
        if let Some(cat) = self.step(&n) {
            if form {
                return Some(cat);
            }
            // An assumptive statement imposes only the step in its own
            // clause ("I'll bring brochures, and if you dig out the
            // agreement…" is no close).
            return self
                .assumptive
                .clauses(&f)
                .into_iter()
                .filter_map(|c| self.assumed_step(c))
                .max();
        }
        // No step named: a time offered for meeting again is an appointment,
        // but not when the time is for sending information.
        if self.info_send.is_match(&n) {
            return None;
        }
        let concrete = self.time.is_match(&n);
        if (form && concrete) || (self.availability.is_match(&n) && (concrete || self.vague_time.is_match(&n))) {
            return Some(PushCategory::Appointment);
        }
        None
    }

    /// The step an assumptive clause imposes. Sending a document ("I'll
    /// send you the quote today") is the seller's own action: without a
    /// commitment verb (sign, order) its close step does not count.
    fn assumed_step(&self, clause: &str) -> Option<PushCategory> {
        let just_sending = self.send_verbs.is_match(clause) && !self.commit_verbs.is_match(clause);
        let pick = |list: &[(PushCategory, Phrases)]| {
            list.iter()
                .filter(|(c, p)| !(just_sending && *c == PushCategory::Close) && p.is_match(clause))
                .map(|(c, _)| *c)
                .max()
        };
        pick(&self.steps).or_else(|| pick(&self.weak_steps))
    }

    /// True when the sentence offers to send information ("Zal ik de
    /// informatie mailen?", "Would you like the information by email?"):
    /// agreeing to it is a continuation, not an advance.
    pub(crate) fn offers_info(&self, sentence: &str) -> bool {
        let n = normalize(sentence);
        if !self.info_send.is_match(&n) {
            return false;
        }
        let f = normalize(&self.form_exceptions.strip(&n));
        self.step(&n).is_none() && self.forms.is_match(&f)
    }

    /// The most committing step named in normalised text (weak steps only
    /// when no other is named).
    pub(crate) fn step(&self, n: &str) -> Option<PushCategory> {
        let strongest =
            |list: &[(PushCategory, Phrases)]| list.iter().filter(|(_, p)| p.is_match(n)).map(|(c, _)| *c).max();
        strongest(&self.steps).or_else(|| strongest(&self.weak_steps))
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

/// Non-backchannel segment indices in order (the turn skeleton of SPEC §4).
pub(crate) fn main_segments(ctx: &Ctx<'_>) -> Vec<usize> {
    (0..ctx.segs().len()).filter(|&i| !ctx.backchannel[i]).collect()
}

/// The step the customer proposed or agreed to in `turn` (their turn before
/// an agent turn), if they did: the step they named, a callback they asked
/// for, or the last push they answered; an appointment when only a time was
/// given.
fn agreed_step(ctx: &Ctx<'_>, turn: &[usize], accepted: &[bool], pushes: &[PushItem]) -> Option<PushCategory> {
    if !turn.iter().any(|&j| accepted[j]) {
        return None;
    }
    let rules = &ctx.lm.pushes;
    let mut agreed = PushCategory::Appointment;
    for &j in turn {
        let n = normalize(&ctx.segs()[j].text);
        if let Some(c) = rules.step(&n) {
            agreed = agreed.max(c);
        }
        if ctx.lm.signals.asks_callback(&n) {
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
            offset: ctx.segs()[it.segment].text.find(it.text.as_str()).unwrap_or(0),
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
            let w = content_words(&ctx.segs()[i].text);
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
    for (first, last, words) in customer_turns(ctx) {
        let last_q = open
            .iter()
            .filter(|q| q.segment < first && prev_end.is_none_or(|e| q.segment > e))
            .max();
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
    let mut iv: Vec<(f64, f64)> = ctx
        .segs()
        .iter()
        .zip(&ctx.role)
        .filter(|(_, r)| **r == role)
        .filter_map(|(s, _)| Some((s.start_s?, s.end_s?.min(until))))
        .filter(|(a, b)| b > a)
        .collect();
    iv.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut total = 0.0;
    let mut cur: Option<(f64, f64)> = None;
    for (a, b) in iv {
        match cur {
            Some((ca, cb)) if a <= cb => cur = Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += cb - ca;
                cur = Some((a, b));
            }
            None => cur = Some((a, b)),
        }
    }
    if let Some((a, b)) = cur {
        total += b - a;
    }
    total
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
pub(crate) fn detect(ctx: &Ctx<'_>, questions: Option<&Questions>, signals: &[SignalHit]) -> Option<Pushes> {
    if !ctx.has_text {
        return None;
    }
    let rules = &ctx.lm.pushes;
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
            agreed = agreed_step(ctx, &customer_turn, &accepted, &items);
            customer_spoke = false;
        }
        let seg = &ctx.segs()[i];
        for (offset, sentence) in crate::text::sentences(&seg.text) {
            let Some(category) = rules.sentence_category(sentence) else {
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
