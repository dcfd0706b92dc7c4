//! "What to work on": how many warmth points each finding cost a call, and
//! the moment of the call that shows it best.
//!
//! Warmth is 100 × a weighted mean of components (SPEC §6.5), so what a call
//! lost is, per component, its renormalised weight × (1 − value) × 100. A
//! component's loss is put on the finding that names the same mistake:
//!
//! | component | finding |
//! |---|---|
//! | restraint | the push findings the component itself counted (its `findings` input), shared by count |
//! | listening | `talk-dominance` |
//! | curiosity | `few-questions` |
//! | monologue | `long-monologue` |
//! | patience | `low-patience` |
//!
//! A loss with no such finding in the call (a seller who talks too little,
//! a monologue just under the finding's threshold) is not put on any
//! finding: the page names mistakes the seller can be shown, not residue.

use warmcall::report::{Component, Report};
use warmcall::Transcript;

pub use crate::output::record::{Cost, Moment};

/// Component → the finding that names its loss.
const NAMED_BY: [(&str, &str); 4] = [
    ("listening", "talk-dominance"),
    ("curiosity", "few-questions"),
    ("monologue", "long-monologue"),
    ("patience", "low-patience"),
];

/// The findings of `r` that cost warmth, highest first.
pub fn costs(t: &Transcript, r: &Report) -> Vec<Cost> {
    let c = &r.score.components;
    let parts: [(&str, Option<&Component>); 5] = [
        ("listening", c.listening.as_ref()),
        ("curiosity", c.curiosity.as_ref()),
        ("patience", c.patience.as_ref()),
        ("monologue", c.monologue.as_ref()),
        ("restraint", c.restraint.as_ref()),
    ];
    let total_w: f64 = parts.iter().filter_map(|(_, x)| x.map(|x| x.weight)).sum();
    if total_w <= 0.0 || r.score.warmth.is_none() {
        return Vec::new();
    }
    let loss = |x: &Component| x.weight / total_w * (1.0 - x.value.clamp(0.0, 1.0)) * 100.0;
    let has = |id: &str| r.findings.iter().any(|f| f.id == id);
    let mut out: Vec<Cost> = Vec::new();
    for (name, comp) in parts {
        let Some(comp) = comp else { continue };
        let lost = loss(comp);
        if lost <= 0.0 {
            continue;
        }
        if name == "restraint" {
            // The component lists the push findings it counted, by id.
            let by_id: Vec<(String, f64)> = comp
                .inputs
                .get("findings")
                .and_then(|v| v.as_object())
                .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_f64()?))).collect())
                .unwrap_or_default();
            let n: f64 = by_id.iter().map(|x| x.1).sum();
            for (id, k) in by_id.into_iter().filter(|x| x.1 > 0.0) {
                out.push(Cost {
                    moment: moment(t, r, &id),
                    points: lost * k / n,
                    id,
                });
            }
        } else if let Some((_, id)) = NAMED_BY.iter().find(|(c, _)| *c == name) {
            if has(id) {
                out.push(Cost {
                    id: id.to_string(),
                    points: lost,
                    moment: moment(t, r, id),
                });
            }
        }
    }
    out.sort_by(|a, b| b.points.total_cmp(&a.points).then(a.id.cmp(&b.id)));
    out
}

/// The first instance of `id` that points at a line; for a call-level
/// finding about the seller's talking, the start of the longest monologue.
pub fn moment(t: &Transcript, r: &Report, id: &str) -> Option<Moment> {
    let seg = r
        .findings
        .iter()
        .filter(|f| f.id == id)
        .find_map(|f| f.segment)
        .or_else(|| match id {
            "talk-dominance" | "long-monologue" => r.turns.longest_agent_monologue.as_ref().map(|m| m.segment),
            _ => None,
        })?;
    let s = t.segments.get(seg)?;
    Some(Moment {
        segment: seg,
        start_s: s.start_s,
        quote: super::clip(&s.text, 180),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze(t: &Transcript) -> Report {
        let a = warmcall::Analyzer::new(warmcall::Config::default().agent("Sam")).unwrap();
        a.analyze(t)
    }

    /// A seller who pitches straight away and pushes for a visit twice.
    fn pushy() -> Transcript {
        let mut b = Transcript::builder();
        let pitch = "We make the best solar panels in the country and I am sure you will love them, \
                     they pay for themselves within five years and our installers are the best.";
        let mut at = 0.0;
        for k in 0..6 {
            b = b.segment("Sam", at, at + 20.0, pitch);
            at += 21.0;
            let reply = if k == 2 { "No, not interested." } else { "Hmm, okay." };
            b = b.segment("Jo", at, at + 2.0, reply);
            at += 3.0;
            if k % 3 == 1 {
                b = b.segment("Sam", at, at + 4.0, "Shall I come by on Tuesday at ten to show you?");
                at += 5.0;
                b = b.segment("Jo", at, at + 2.0, "Hmm.");
                at += 3.0;
            }
        }
        b.build()
    }

    #[test]
    fn push_findings_share_the_restraint_loss_and_point_at_their_line() {
        let t = pushy();
        let r = analyze(&t);
        let costs = costs(&t, &r);
        assert!(!costs.is_empty(), "{:?}", r.findings);
        let premature = costs
            .iter()
            .find(|c| c.id == "premature-push")
            .expect("premature-push costs warmth");
        assert!(premature.points > 0.0);
        let m = premature.moment.as_ref().unwrap();
        assert!(m.quote.contains("Shall I come by"), "{m:?}");
        // Sorted, and together no more than the warmth lost.
        assert!(costs.windows(2).all(|w| w[0].points >= w[1].points));
        let total: f64 = costs.iter().map(|c| c.points).sum();
        assert!(total <= 100.0 - r.score.warmth.unwrap() + 1e-9, "{total}");
        // Talk dominance is named and shown at the longest monologue.
        let td = costs.iter().find(|c| c.id == "talk-dominance").unwrap();
        assert!(td.moment.as_ref().unwrap().quote.starts_with("We make the best"));
    }

    #[test]
    fn a_listening_seller_loses_nothing_to_name() {
        // Near miss: pushes at the end after the customer told their story.
        let mut b = Transcript::builder();
        let mut at = 0.0;
        for q in [
            "What made you look at solar panels this year?",
            "How does your energy bill look at the moment?",
            "What would you want to change about that?",
        ] {
            b = b.segment("Sam", at, at + 4.0, q);
            at += 5.0;
            b = b.segment(
                "Jo",
                at,
                at + 30.0,
                "Well, our bills went up a lot last winter and my neighbour got panels and is very happy with them, \
                 so we started to wonder whether it would work on our roof too, which faces south.",
            );
            at += 31.0;
        }
        let t = b.build();
        let r = analyze(&t);
        let costs = costs(&t, &r);
        assert!(
            costs
                .iter()
                .all(|c| c.id != "talk-dominance" && c.id != "premature-push"),
            "{costs:?}"
        );
    }
}
