//! How the call ended (SPEC §6.4, after Huthwaite): the latest decisive
//! customer act decides.
//!
//! - acceptance of a step with a concrete time, of a close (a step that
//!   happens now: an order, a trial, a pledge), or a step the customer
//!   proposes with a time: `advance`; acceptance of a step without a time
//!   (a callback "some time") or one the customer puts off to a vague time
//!   ("bel me over een maand"): `continuation`;
//! - an information request: `continuation`;
//! - a rejection: `no-sale`;
//! - none of these: `unknown`.

use crate::context::Ctx;
use crate::report::{Outcome, OutcomeKind, PushCategory, Pushes, SignalKind};

use super::push::PushRules;
use super::signals::SignalHit;
use crate::rules::Matcher;

/// The outcome and the segment that decided it: from the customer's
/// `signals` (each with what it says about time) and the agent's `pushes`,
/// with the push rules for the times the pushes name.
pub(crate) fn compute(
    ctx: &Ctx<'_>,
    rules: &PushRules,
    matcher: &Matcher,
    signals: &[SignalHit],
    pushes: Option<&Pushes>,
) -> Outcome {
    let mut decided: Option<(OutcomeKind, usize)> = None;
    for hit in signals {
        let kind = match hit.kind {
            SignalKind::Rejection => OutcomeKind::NoSale,
            SignalKind::InfoRequest => OutcomeKind::Continuation,
            SignalKind::Acceptance => {
                let accepted = pushes.and_then(|p| p.items.iter().rev().find(|it| it.segment < hit.segment));
                let push_time = accepted.is_some_and(|p| {
                    let (time, vague) = rules.times(matcher, &p.text);
                    time || (p.category != PushCategory::Callback && vague)
                });
                // A close happens now (an order, a trial, a pledge): agreeing
                // to it advances the sale without a time.
                let step_now = accepted.is_some_and(|p| p.category == PushCategory::Close);
                let own_time = hit.when.time || hit.when.clock;
                if !own_time && hit.when.defers {
                    // "Bel me over een maand maar": contact put off to a
                    // vague time, whatever time the push named.
                    OutcomeKind::Continuation
                } else if own_time || push_time || step_now {
                    OutcomeKind::Advance
                } else {
                    OutcomeKind::Continuation
                }
            }
            _ => continue,
        };
        // Within one segment a later sentence overrides an earlier one, and an
        // advance is never undone by a bare acceptance without a time after it.
        if kind == OutcomeKind::Continuation
            && hit.kind == SignalKind::Acceptance
            && matches!(decided, Some((OutcomeKind::Advance, _)))
        {
            continue;
        }
        decided = Some((kind, hit.segment));
    }
    match decided {
        Some((kind, seg)) => Outcome {
            kind,
            segment: Some(seg),
            evidence: Some(ctx.segs()[seg].text.clone()),
        },
        None => Outcome {
            kind: OutcomeKind::Unknown,
            segment: None,
            evidence: None,
        },
    }
}
