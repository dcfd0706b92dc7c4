//! Customer signals (SPEC §6.2): interest, need, information request,
//! rejection, concern and acceptance, per customer sentence.
//!
//! Most kinds are lexicon lists. Two need context: a bare "nee"/"no" is a
//! rejection only when it answers a proposed step (answering a question it is
//! just an answer), and acceptance is agreeing to a step the agent proposed in
//! their previous turn, or the customer proposing a step with a time
//! themselves ("Zullen we zeggen dinsdag om tien uur?", "Bel morgen maar").

use crate::context::Ctx;
use crate::lexicon::Lexicon;
use crate::report::{Role, SignalKind};
use crate::Error;

use super::patterns::{normalize, Phrases};

/// A signal in a customer segment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignalHit {
    /// Segment index.
    pub segment: usize,
    /// Kind.
    pub kind: SignalKind,
    /// The phrase or sentence that carried it.
    pub evidence: String,
}

impl SignalHit {
    /// A hit.
    #[allow(dead_code)]
    pub(crate) fn new(segment: usize, kind: SignalKind, evidence: impl Into<String>) -> SignalHit {
        SignalHit {
            segment,
            kind,
            evidence: evidence.into(),
        }
    }
}

/// Compiled signal rules of one language.
#[derive(Debug)]
pub(crate) struct SignalRules {
    interest: Phrases,
    need: Phrases,
    info_request: Phrases,
    rejection: Phrases,
    concern: Phrases,
    acceptance: Phrases,
    callback_request: Phrases,
    proposal: Phrases,
    bare_no: Vec<String>,
}

impl SignalRules {
    pub(crate) fn new(lex: &Lexicon) -> Result<SignalRules, Error> {
        let p = |name: &str| Phrases::new(lex, name);
        Ok(SignalRules {
            interest: p("signals.interest")?,
            need: p("signals.need")?,
            info_request: p("signals.info_request")?,
            rejection: p("signals.rejection")?,
            concern: p("signals.concern")?,
            acceptance: p("signals.acceptance")?,
            callback_request: p("signals.callback_request")?,
            proposal: p("signals.proposal")?,
            bare_no: lex.list("signals.bare_no").iter().map(|s| normalize(s)).collect(),
        })
    }

    /// True when normalised customer text asks to be called back.
    pub(crate) fn asks_callback(&self, n: &str) -> bool {
        self.callback_request.is_match(n)
    }

    /// Kinds in one customer sentence. `prev`: what the agent's previous
    /// turn offered. `has_time`: the sentence names a concrete time.
    fn classify(&self, sentence: &str, prev: AgentOffer, has_time: bool) -> Vec<SignalKind> {
        let after_push = prev.push;
        let n = normalize(sentence);
        let bare = n.trim_end_matches(['.', '!', ',', '?']).trim();
        let mut out = Vec::new();
        let rejection = self.rejection.is_match(&n) || (after_push && self.bare_no.iter().any(|b| b == bare));
        if rejection {
            out.push(SignalKind::Rejection);
        }
        if self.info_request.is_match(&n) || (prev.info && !rejection && self.acceptance.is_match(&n)) {
            out.push(SignalKind::InfoRequest);
        }
        if self.interest.is_match(&n) {
            out.push(SignalKind::Interest);
        }
        if self.need.is_match(&n) {
            out.push(SignalKind::Need);
        }
        if self.concern.is_match(&n) {
            out.push(SignalKind::Concern);
        }
        let accepts = after_push && self.acceptance.is_match(&n);
        let proposes = has_time && (self.proposal.is_match(&n) || self.acceptance.is_match(&n));
        if !rejection && (accepts || proposes || self.callback_request.is_match(&n)) {
            out.push(SignalKind::Acceptance);
        }
        out
    }
}

/// What the agent's turn just before a customer segment offered.
#[derive(Debug, Clone, Copy, Default)]
struct AgentOffer {
    /// A push sentence (context-free decision; the push stage refines it).
    push: bool,
    /// An offer to send information.
    info: bool,
}

/// What the agent turn just before customer segment `i` offered.
fn agent_offer_before(ctx: &Ctx<'_>, i: usize) -> AgentOffer {
    let rules = &ctx.lm.pushes;
    let mut offer = AgentOffer::default();
    let mut seen_agent = false;
    for j in (0..i).rev() {
        if ctx.backchannel[j] {
            continue;
        }
        match ctx.role[j] {
            Role::Agent => {
                seen_agent = true;
                for (_, s) in crate::text::sentences(&ctx.segs()[j].text) {
                    offer.push |= rules.sentence_category(s).is_some();
                    offer.info |= rules.offers_info(s);
                }
            }
            Role::Customer if seen_agent => break,
            Role::Customer => {}
        }
    }
    offer
}

/// Signals in customer segments, in segment order (and sentence order within
/// a segment).
pub(crate) fn detect(ctx: &Ctx<'_>) -> Vec<SignalHit> {
    let mut out = Vec::new();
    if !ctx.has_text {
        return out;
    }
    let rules = &ctx.lm.signals;
    let pushes = &ctx.lm.pushes;
    for i in 0..ctx.segs().len() {
        if ctx.role[i] != Role::Customer {
            continue;
        }
        // A backchannel can only answer a proposal made right before it
        // ("Ja." to "Zal ik dinsdag langskomen?"); elsewhere it just listens.
        if ctx.backchannel[i] && !(i > 0 && ctx.role[i - 1] == Role::Agent && !ctx.backchannel[i - 1]) {
            continue;
        }
        let prev = agent_offer_before(ctx, i);
        for (_, sentence) in crate::text::sentences(&ctx.segs()[i].text) {
            let n = normalize(sentence);
            let has_time = pushes.has_time(&n);
            for kind in rules.classify(sentence, prev, has_time) {
                out.push(SignalHit {
                    segment: i,
                    kind,
                    evidence: sentence.to_string(),
                });
            }
        }
    }
    out
}
