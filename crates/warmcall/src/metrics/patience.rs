//! Hand-off gaps: patience, wait after question, patience after objections
//! (SPEC §5 "Patience", "Patience after objections").
//!
//! The sequence is the non-backchannel segments with times, in start order.
//! A hand-off is a customer segment directly followed in that sequence by an
//! agent segment; its gap runs from the customer's end to the agent's start,
//! overlap counting as 0.

use super::{interval, mean, median, round3};
use crate::context::Ctx;
use crate::findings::signals::SignalHit;
use crate::report::{Patience, Questions, Role, SignalKind};

/// Patience; `None` unless fully timed.
pub(crate) fn compute(ctx: &Ctx<'_>, questions: Option<&Questions>, signals: &[SignalHit]) -> Option<Patience> {
    if !ctx.timed() {
        return None;
    }
    let segs = ctx.segs();
    let seq: Vec<(usize, f64, f64)> = segs
        .iter()
        .enumerate()
        .filter(|&(i, _)| !ctx.backchannel[i])
        .filter_map(|(i, s)| interval(s).map(|(a, b)| (i, a, b)))
        .collect();
    let objection = |i: usize| {
        signals
            .iter()
            .any(|h| h.segment == i && matches!(h.kind, SignalKind::Rejection | SignalKind::Concern))
    };
    let (mut handoffs, mut after_question, mut after_objection) = (Vec::new(), Vec::new(), Vec::new());
    for w in seq.windows(2) {
        let ((p, _, p_end), (n, n_start, _)) = (w[0], w[1]);
        let gap = (n_start - p_end).max(0.0);
        match (ctx.role[p], ctx.role[n]) {
            (Role::Customer, Role::Agent) => {
                handoffs.push(gap);
                if objection(p) {
                    after_objection.push(gap);
                }
            }
            (Role::Agent, Role::Customer) if ends_in_question(ctx, questions, p) => after_question.push(gap),
            _ => {}
        }
    }
    Some(Patience {
        handoffs: handoffs.len(),
        mean_s: mean(&handoffs).map(round3),
        median_s: median(&handoffs).map(round3),
        wait_after_question_mean_s: mean(&after_question).map(round3),
        after_objection_mean_s: mean(&after_objection).map(round3),
    })
}

/// Whether agent segment `i` ends in a question: its last sentence is one of
/// the detected questions (tags too: the seller asked and can wait), or,
/// without a question detector's answer, its text ends in `?`.
fn ends_in_question(ctx: &Ctx<'_>, questions: Option<&Questions>, i: usize) -> bool {
    let text = ctx.segs()[i].text.trim_end();
    let Some(q) = questions else {
        return text.ends_with('?');
    };
    let Some((_, last)) = crate::text::sentences(text).last() else {
        return false;
    };
    q.items.iter().any(|it| {
        let t = it.text.trim();
        it.segment == i && it.role == Role::Agent && !t.is_empty() && (last.contains(t) || t.contains(last))
    })
}
