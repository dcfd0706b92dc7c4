//! Pushes, customer signals, outcome and the findings of SPEC §6.
//!
//! Each finding rule is a small function over the call's figures (and the
//! signals), so it can be tested with hand-built inputs. `compute` runs them
//! all and sorts the result in time order.

pub(crate) mod messages;
pub(crate) mod outcome;
pub(crate) mod push;
pub(crate) mod signals;
pub(crate) mod text_scan;

#[cfg(test)]
mod push_lists;
#[cfg(test)]
mod signal_lists;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use crate::context::Ctx;
use crate::metrics::questions::QuestionRules;
use crate::report::{Figures, Finding, OutcomeKind, PushCategory, PushItem, QuestionKind, Role, Severity, SignalKind};
use crate::Timing;
use signals::SignalHit;

/// Every finding, in time order: judgments of the measured and detected
/// figures (`fig`) and the customer's `signals`. `questions`: the question rules,
/// for a call whose question stage found nothing to count.
pub(crate) fn compute(
    ctx: &Ctx<'_>,
    fig: &Figures<'_>,
    signals: &[SignalHit],
    questions: &QuestionRules,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let profile = ctx.cfg.active_profile();
    let push_findings = profile.is_none_or(|p| p.push_findings);
    if push_findings {
        if let Some(p) = fig.pushes {
            out.extend(premature_push(ctx, &p.items));
            out.extend(info_request_overridden(ctx, &p.items, signals));
            out.extend(jumped_on_interest(ctx, &p.items, signals));
            out.extend(visit_without_need(ctx, &p.items, signals));
            out.extend(push_after_no(ctx, &p.items, signals, fig));
            out.extend(repeated_pushes(ctx, &p.items));
        }
    }
    out.extend(talk_dominance(ctx, fig));
    out.extend(long_monologue(ctx, fig));
    out.extend(short_customer_story(ctx, fig));
    out.extend(low_patience(ctx, fig));
    // Agent questions with their places, looked up once for both rules.
    let questions = agent_questions(ctx, fig, questions);
    out.extend(no_wait_after_question(ctx, &questions));
    out.extend(question_band(ctx, fig));
    out.extend(silences(ctx, &questions));
    out.extend(no_next_step(ctx, fig));
    out.extend(not_a_conversation(ctx, fig));
    sort(&mut out);
    out
}

/// Time order: findings with a time or segment first, by time (segment
/// index when untimed); call-level findings last.
fn sort(f: &mut [Finding]) {
    f.sort_by(|a, b| {
        let key = |x: &Finding| {
            (
                x.segment.is_none() && x.start_s.is_none(),
                x.start_s.unwrap_or(0.0),
                x.segment,
            )
        };
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1)).then(ka.2.cmp(&kb.2))
    });
}

fn finding(
    ctx: &Ctx<'_>,
    id: &str,
    severity: Severity,
    segment: Option<usize>,
    evidence: String,
    detail: &str,
) -> Finding {
    Finding {
        id: id.to_string(),
        severity,
        segment,
        start_s: segment.and_then(|s| ctx.segs().get(s)).and_then(|s| s.start_s),
        evidence,
        message: messages::message(id, &ctx.cfg.ui_lang, detail),
    }
}

fn push_finding(ctx: &Ctx<'_>, id: &str, severity: Severity, p: &PushItem, detail: &str) -> Finding {
    Finding {
        start_s: p.start_s,
        ..finding(ctx, id, severity, Some(p.segment), p.text.clone(), detail)
    }
}

/// A push below the readiness thresholds.
pub(crate) fn premature_push(ctx: &Ctx<'_>, pushes: &[PushItem]) -> Vec<Finding> {
    pushes
        .iter()
        .filter(|p| p.premature)
        .map(|p| {
            let nl = ctx.cfg.ui_lang.eq_ignore_ascii_case("nl");
            let share = p
                .readiness
                .customer_share_so_far
                .map(|s| {
                    if nl {
                        format!(", spreekaandeel klant {s:.2}")
                    } else {
                        format!(", customer share {s:.2}")
                    }
                })
                .unwrap_or_default();
            let answered = p.readiness.answered_open_questions;
            let detail = if nl {
                format!("{answered} beantwoorde open vragen{share}")
            } else {
                format!("{answered} answered open questions{share}")
            };
            push_finding(ctx, "premature-push", Severity::High, p, &detail)
        })
        .collect()
}

/// Agent non-backchannel turns after segment `after`, each as its segment
/// indices, at most `n` of them.
fn agent_turns_after(ctx: &Ctx<'_>, after: usize, n: usize) -> Vec<Vec<usize>> {
    let mut turns: Vec<Vec<usize>> = Vec::new();
    let mut in_agent = false;
    for i in after + 1..ctx.segs().len() {
        if ctx.backchannel[i] {
            continue;
        }
        if ctx.role[i] == Role::Agent {
            if !in_agent {
                if turns.len() == n {
                    break;
                }
                turns.push(Vec::new());
            }
            turns.last_mut().expect("pushed").push(i);
            in_agent = true;
        } else {
            in_agent = false;
        }
    }
    turns
}

/// The customer asked for information and one of the agent's next two turns
/// pushes for a call, visit, demo or appointment.
pub(crate) fn info_request_overridden(ctx: &Ctx<'_>, pushes: &[PushItem], signals: &[SignalHit]) -> Vec<Finding> {
    let mut flagged = BTreeSet::new();
    let mut out = Vec::new();
    for h in signals.iter().filter(|h| h.kind == SignalKind::InfoRequest) {
        let turns = agent_turns_after(ctx, h.segment, 2);
        let hit = pushes
            .iter()
            .find(|p| p.category != PushCategory::Close && turns.iter().flatten().any(|&s| s == p.segment));
        if let Some(p) = hit {
            if flagged.insert(p.segment) {
                out.push(Finding {
                    evidence: format!("{} → {}", h.evidence, p.text),
                    ..push_finding(ctx, "info-request-overridden", Severity::High, p, "")
                });
            }
        }
    }
    out
}

/// A premature push in the agent's first turn after an interest signal.
pub(crate) fn jumped_on_interest(ctx: &Ctx<'_>, pushes: &[PushItem], signals: &[SignalHit]) -> Vec<Finding> {
    let mut flagged = BTreeSet::new();
    let mut out = Vec::new();
    for h in signals.iter().filter(|h| h.kind == SignalKind::Interest) {
        let turns = agent_turns_after(ctx, h.segment, 1);
        for p in pushes
            .iter()
            .filter(|p| p.premature && turns.iter().flatten().any(|&s| s == p.segment))
        {
            if flagged.insert(p.segment) {
                out.push(Finding {
                    evidence: format!("{} → {}", h.evidence, p.text),
                    ..push_finding(ctx, "jumped-on-interest", Severity::High, p, "")
                });
            }
        }
    }
    out
}

/// A visit push before the customer stated any need.
pub(crate) fn visit_without_need(ctx: &Ctx<'_>, pushes: &[PushItem], signals: &[SignalHit]) -> Vec<Finding> {
    pushes
        .iter()
        .filter(|p| p.category == PushCategory::Visit)
        .filter(|p| {
            !signals
                .iter()
                .any(|h| h.kind == SignalKind::Need && h.segment < p.segment)
        })
        .map(|p| push_finding(ctx, "visit-without-need", Severity::Warn, p, ""))
        .collect()
}

/// A push after a customer rejection with no answered open question in
/// between.
pub(crate) fn push_after_no(
    ctx: &Ctx<'_>,
    pushes: &[PushItem],
    signals: &[SignalHit],
    fig: &Figures<'_>,
) -> Vec<Finding> {
    let answers = push::answer_segments(ctx, fig.questions);
    pushes
        .iter()
        .filter_map(|p| {
            let no = signals
                .iter()
                .rev()
                .find(|h| h.kind == SignalKind::Rejection && h.segment < p.segment)?;
            if answers.iter().any(|&a| a > no.segment && a < p.segment) {
                return None;
            }
            Some(Finding {
                evidence: format!("{} → {}", no.evidence, p.text),
                ..push_finding(ctx, "push-after-no", Severity::High, p, "")
            })
        })
        .collect()
}

/// Three or more pushes in one call, reported at the push that reaches the
/// threshold.
pub(crate) fn repeated_pushes(ctx: &Ctx<'_>, pushes: &[PushItem]) -> Vec<Finding> {
    let n = ctx.cfg.findings.repeated_pushes.max(1);
    if pushes.len() < n {
        return Vec::new();
    }
    let p = &pushes[n - 1];
    vec![push_finding(
        ctx,
        "repeated-pushes",
        Severity::Warn,
        p,
        &pushes.len().to_string(),
    )]
}

/// Agent share of speech above the threshold.
pub(crate) fn talk_dominance(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    match fig.talk.agent_share_of_speech {
        Some(s) if s > ctx.cfg.findings.talk_dominance_share => {
            let detail = format!("{:.0}%", s * 100.0);
            vec![finding(
                ctx,
                "talk-dominance",
                Severity::Warn,
                None,
                format!("agent_share_of_speech {s:.2}"),
                &detail,
            )]
        }
        _ => Vec::new(),
    }
}

fn quote(ctx: &Ctx<'_>, seg: usize) -> String {
    let t = ctx.segs().get(seg).map(|s| s.text.trim()).unwrap_or("");
    match t.char_indices().nth(160) {
        Some((i, _)) => format!("{}…", &t[..i]),
        None => t.to_string(),
    }
}

/// The longest agent monologue over the threshold (seconds; words untimed).
pub(crate) fn long_monologue(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    let Some(run) = &fig.turns.longest_agent_monologue else {
        return Vec::new();
    };
    let f = &ctx.cfg.findings;
    let detail = match run.s {
        Some(s) if s > f.long_monologue_s => format!("{s:.0} s"),
        None if run.words > f.long_monologue_words => format!("{} words", run.words),
        _ => return Vec::new(),
    };
    let mut x = finding(
        ctx,
        "long-monologue",
        Severity::Warn,
        Some(run.segment),
        quote(ctx, run.segment),
        &detail,
    );
    x.start_s = run.start_s.or(x.start_s);
    vec![x]
}

/// The longest customer story below the threshold in a timed discovery call
/// of at least `min_discovery_call_s`.
pub(crate) fn short_customer_story(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    let f = &ctx.cfg.findings;
    if !ctx.cfg.active_profile().is_some_and(|p| p.discovery_findings) || ctx.t.timing == Timing::None {
        return Vec::new();
    }
    if fig.span_s.is_none_or(|s| s < f.min_discovery_call_s) {
        return Vec::new();
    }
    let Some(story) = fig.turns.longest_customer_story.as_ref() else {
        return Vec::new();
    };
    let Some(s) = story.s else {
        return Vec::new();
    };
    if s >= f.short_story_s {
        return Vec::new();
    }
    let mut f = finding(
        ctx,
        "short-customer-story",
        Severity::Info,
        Some(story.segment),
        quote(ctx, story.segment),
        &format!("{s:.0} s"),
    );
    f.start_s = story.start_s.or(f.start_s);
    vec![f]
}

/// Mean hand-off gap below the threshold over enough hand-offs.
pub(crate) fn low_patience(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    let f = &ctx.cfg.findings;
    match fig.patience {
        Some(p) if p.handoffs >= f.low_patience_min_handoffs && p.mean_s.is_some_and(|m| m < f.low_patience_s) => {
            let m = p.mean_s.unwrap_or(0.0);
            vec![finding(
                ctx,
                "low-patience",
                Severity::Warn,
                None,
                format!("mean_s {m:.2} over {} hand-offs", p.handoffs),
                &format!("{m:.2} s"),
            )]
        }
        _ => Vec::new(),
    }
}

/// Agent questions (not tags) as (segment, byte offset, text): from the
/// question stage when it ran, else from the question classifier.
fn agent_questions(ctx: &Ctx<'_>, fig: &Figures<'_>, rules: &QuestionRules) -> Vec<(usize, usize, String)> {
    if let Some(q) = fig.questions {
        // Questions come in text order: each is searched for from where the
        // previous one in its segment ended, not from the segment's start
        // (quadratic on a long segment full of questions).
        let mut cursor = (usize::MAX, 0usize);
        return q
            .items
            .iter()
            .filter(|it| it.role == Role::Agent && it.kind != QuestionKind::Tag && it.segment < ctx.segs().len())
            .map(|it| {
                let text = &ctx.segs()[it.segment].text;
                let from = if cursor.0 == it.segment { cursor.1 } else { 0 };
                let off = text
                    .get(from..)
                    .and_then(|t| text_scan::find_quick(t, &it.text))
                    .map(|i| i + from)
                    .or_else(|| text.find(it.text.as_str()))
                    .unwrap_or(0);
                cursor = (it.segment, off + it.text.len());
                (it.segment, off, it.text.clone())
            })
            .collect();
    }
    let punctuated = ctx.segs().iter().any(|s| s.text.contains('?'));
    let mut out = Vec::new();
    for i in 0..ctx.segs().len() {
        if ctx.role[i] != Role::Agent {
            continue;
        }
        for (off, s, v) in ctx.sentence_tokens(i) {
            if matches!(
                rules.classify_view(s, v, punctuated),
                Some(QuestionKind::Open | QuestionKind::Closed)
            ) {
                out.push((i, off, s.to_string()));
            }
        }
    }
    out
}

/// An agent question followed by at least `no_wait_words` more agent words
/// before the customer's next segment (a backchannel counts as the customer
/// taking the floor). `questions`: from `agent_questions`, shared with
/// [`silences`].
pub(crate) fn no_wait_after_question(ctx: &Ctx<'_>, questions: &[(usize, usize, String)]) -> Vec<Finding> {
    let min = ctx.cfg.findings.no_wait_words;
    let mut out = Vec::new();
    let segs = ctx.segs();
    // Agent words in the run of agent segments after each segment, summed
    // once from the back rather than walked again for every question.
    let mut run_after = vec![0usize; segs.len()];
    for j in (0..segs.len().saturating_sub(1)).rev() {
        if ctx.role[j + 1] == Role::Agent {
            run_after[j] = ctx.words[j + 1] + run_after[j + 1];
        }
    }
    // Words after each question in its own segment: the stretch up to the
    // next question's end plus what follows that one, from the back, so a
    // long segment full of questions is counted once, not once per question.
    let mut rest_words = vec![0usize; questions.len()];
    let mut k = questions.len();
    while k > 0 {
        k -= 1;
        let (seg, off, text) = &questions[k];
        let end = off + text.len();
        let text_of = &segs[*seg].text;
        rest_words[k] = match questions.get(k + 1) {
            Some((next_seg, next_off, next_text)) if next_seg == seg && next_off + next_text.len() >= end => {
                let next_end = next_off + next_text.len();
                text_scan::content_words(text_of.get(end..next_end).unwrap_or("")) + rest_words[k + 1]
            }
            _ => text_scan::content_words(text_of.get(end..).unwrap_or("")),
        };
    }
    for ((seg, _, text), rest) in questions.iter().zip(rest_words) {
        let words = rest + run_after[*seg];
        if words >= min {
            out.push(finding(
                ctx,
                "no-wait-after-question",
                Severity::Info,
                Some(*seg),
                text.clone(),
                &words.to_string(),
            ));
        }
    }
    out
}

/// Agent questions below or above the profile's band, scaled to the span.
pub(crate) fn question_band(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    let (Some(profile), Some(q)) = (ctx.cfg.active_profile(), fig.questions) else {
        return Vec::new();
    };
    let Some((lo, hi)) = profile.question_band(fig.span_s) else {
        return Vec::new();
    };
    let n = q.agent.total as f64;
    let detail = format!("{} agent questions, band {lo:.0}–{hi:.0}", q.agent.total);
    let long_enough = fig
        .span_s
        .is_some_and(|s| s >= ctx.cfg.findings.few_questions_min_call_s);
    if n < lo && long_enough {
        vec![finding(
            ctx,
            "few-questions",
            Severity::Info,
            None,
            detail.clone(),
            &detail,
        )]
    } else if n > hi {
        vec![finding(
            ctx,
            "interrogation",
            Severity::Info,
            None,
            detail.clone(),
            &detail,
        )]
    } else {
        Vec::new()
    }
}

/// A gap in the union of all speech: start, end.
fn gaps(ctx: &Ctx<'_>) -> Vec<(f64, f64)> {
    let mut iv: Vec<(f64, f64)> = ctx
        .segs()
        .iter()
        .filter_map(|s| Some((s.start_s?, s.end_s?)))
        .filter(|(a, b)| b >= a)
        .collect();
    iv.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::new();
    let mut end: Option<f64> = None;
    for (a, b) in iv {
        if let Some(e) = end {
            if a > e {
                out.push((e, a));
            }
        }
        end = Some(end.map_or(b, |e: f64| e.max(b)));
    }
    out
}

/// Patient silences (≥ `patient_s` right after an agent question, broken by
/// the customer) and dead air (≥ `dead_air_s`, not a patient silence).
/// Fully timed transcripts only. `questions`: from `agent_questions`.
pub(crate) fn silences(ctx: &Ctx<'_>, questions: &[(usize, usize, String)]) -> Vec<Finding> {
    if !ctx.timed() {
        return Vec::new();
    }
    const EPS: f64 = 1e-6;
    let segs = ctx.segs();
    let mut out = Vec::new();
    for (start, end) in gaps(ctx) {
        let len = end - start;
        if len < ctx.cfg.silence.patient_s.min(ctx.cfg.silence.dead_air_s) {
            continue;
        }
        let before = (0..segs.len())
            .filter(|&i| segs[i].end_s.is_some_and(|e| (e - start).abs() < EPS))
            .max_by(|&a, &b| {
                segs[a]
                    .start_s
                    .unwrap_or(0.0)
                    .total_cmp(&segs[b].start_s.unwrap_or(0.0))
            });
        let after = (0..segs.len()).find(|&i| segs[i].start_s.is_some_and(|s| (s - end).abs() < EPS));
        let after_question = before.is_some_and(|b| {
            ctx.role[b] == Role::Agent
                && questions.iter().any(|(s, off, text)| {
                    *s == b
                        && segs[b]
                            .text
                            .get(off + text.len()..)
                            .is_some_and(|r| r.trim().is_empty())
                })
        });
        let patient =
            len >= ctx.cfg.silence.patient_s && after_question && after.is_some_and(|a| ctx.role[a] == Role::Customer);
        let detail = format!("{len:.1} s");
        if patient {
            let b = before.expect("checked");
            let mut f = finding(
                ctx,
                "patient-silence",
                Severity::Positive,
                Some(b),
                quote(ctx, b),
                &detail,
            );
            f.start_s = Some(start);
            out.push(f);
        } else if len >= ctx.cfg.silence.dead_air_s {
            let seg = before.or(after);
            let mut f = finding(
                ctx,
                "dead-air",
                Severity::Info,
                seg,
                seg.map(|s| quote(ctx, s)).unwrap_or_default(),
                &detail,
            );
            f.start_s = Some(start);
            out.push(f);
        }
    }
    out
}

/// A discovery call of at least `min_discovery_call_s` with no push and an
/// outcome other than advance.
pub(crate) fn no_next_step(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    if !ctx.cfg.active_profile().is_some_and(|p| p.discovery_findings) {
        return Vec::new();
    }
    let long = fig.span_s.is_some_and(|s| s >= ctx.cfg.findings.min_discovery_call_s);
    let no_push = fig.pushes.is_some_and(|p| p.count == 0);
    if long && no_push && fig.outcome.kind != OutcomeKind::Advance {
        vec![finding(ctx, "no-next-step", Severity::Info, None, String::new(), "")]
    } else {
        Vec::new()
    }
}

/// The customer said fewer than `not_a_conversation_words` words in all.
pub(crate) fn not_a_conversation(ctx: &Ctx<'_>, fig: &Figures<'_>) -> Vec<Finding> {
    if !ctx.has_text {
        return Vec::new();
    }
    let words: usize = (0..ctx.segs().len())
        .filter(|&i| ctx.role[i] == Role::Customer)
        .map(|i| ctx.words[i])
        .sum();
    let _ = fig;
    if words < ctx.cfg.findings.not_a_conversation_words {
        vec![finding(
            ctx,
            "not-a-conversation",
            Severity::Info,
            None,
            format!("customer words {words}"),
            &words.to_string(),
        )]
    } else {
        Vec::new()
    }
}
