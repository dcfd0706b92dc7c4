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

use super::patterns::{normalize, normalize_into, Hits, PhraseSet, Phrases};

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

/// The lists matched in one pass, in this order (the push stage's concrete
/// times too: one pass over a customer sentence answers both).
const LISTS: [&str; 14] = [
    "signals.interest",
    "signals.need",
    "signals.info_request",
    "signals.rejection",
    "signals.concern",
    "signals.acceptance",
    "signals.callback_request",
    "signals.proposal",
    "pushes.time",
    "signals.negation_start",
    "signals.negated_want",
    "signals.clock",
    "signals.hesitation",
    "signals.go_ahead",
];
const INTEREST: usize = 0;
const NEED: usize = 1;
const INFO: usize = 2;
const REJECTION: usize = 3;
const CONCERN: usize = 4;
const ACCEPTANCE: usize = 5;
const CALLBACK: usize = 6;
const PROPOSAL: usize = 7;
const TIME: usize = 8;
const NEG_START: usize = 9;
const NEG_WANT: usize = 10;
const CLOCK: usize = 11;
const HESITATION: usize = 12;
const GO_AHEAD: usize = 13;

/// Compiled signal rules of one language.
#[derive(Debug)]
pub(crate) struct SignalRules {
    lists: PhraseSet,
    callback_request: Phrases,
    bare_no: Vec<String>,
    deferral: Phrases,
    clock: Phrases,
}

impl SignalRules {
    pub(crate) fn new(lex: &Lexicon) -> Result<SignalRules, Error> {
        Ok(SignalRules {
            lists: PhraseSet::new(lex, &LISTS)?,
            callback_request: Phrases::new(lex, "signals.callback_request")?,
            bare_no: lex.list("signals.bare_no").iter().map(|s| normalize(s)).collect(),
            deferral: Phrases::new(lex, "signals.deferral")?,
            clock: Phrases::new(lex, "signals.clock")?,
        })
    }

    /// True when normalised customer text puts contact off to a vague time
    /// ("bel me over een maand", "call me next month"): without a concrete
    /// time that is a continuation, whatever time the push named.
    pub(crate) fn defers(&self, n: &str) -> bool {
        self.deferral.is_match(n)
    }

    /// True when normalised text names a clock time ("about eleven",
    /// "kwart voor negen").
    pub(crate) fn has_clock(&self, n: &str) -> bool {
        self.clock.is_match(n)
    }

    /// True when normalised customer text asks to be called back.
    pub(crate) fn asks_callback(&self, n: &str) -> bool {
        self.callback_request.is_match(n)
    }

    /// Kinds in one customer sentence. `prev`: what the agent's previous
    /// turn offered. `has_time`: the sentence names a concrete time.
    #[cfg(test)]
    fn classify(&self, sentence: &str, prev: AgentOffer, has_time: bool) -> Vec<SignalKind> {
        self.classify_normalized(&normalize(sentence), prev, has_time)
    }

    /// [`SignalRules::classify`] of a sentence already normalised.
    #[cfg(test)]
    fn classify_normalized(&self, n: &str, prev: AgentOffer, has_time: bool) -> Vec<SignalKind> {
        self.classify_hits(n, self.lists.matches(n), prev, has_time)
    }

    /// [`SignalRules::classify_normalized`] with the list matches of `n`.
    fn classify_hits(&self, n: &str, m: Hits, prev: AgentOffer, has_time: bool) -> Vec<SignalKind> {
        let bare = n.trim_end_matches(['.', '!', ',', '?']).trim();
        let mut out = Vec::new();
        let proposed = prev.push || prev.proposal;
        // A negative reply to a proposal is a rejection: a reply that opens
        // with a negation word ("Nee hoor, voor nu even niet", "No, mate")
        // unless it names a time (a counter-proposal: "not Tuesday but
        // Wednesday at two"), or a negated want, need or interest anywhere
        // ("daar heb ik geen behoefte aan", "we're not going ahead").
        // "No, go on" answers "or is this a bad time?": a negation that
        // lets the caller carry on refuses nothing.
        let negative_reply = proposed && m.has(NEG_START) && !m.has(TIME) && !m.has(CLOCK) && !m.has(GO_AHEAD);
        let rejection = m.has(REJECTION)
            || m.has(NEG_WANT)
            || negative_reply
            || (prev.push && self.bare_no.iter().any(|b| b == bare));
        if rejection {
            out.push(SignalKind::Rejection);
        }
        if m.has(INFO) || (prev.info && !rejection && m.has(ACCEPTANCE)) {
            out.push(SignalKind::InfoRequest);
        }
        if m.has(INTEREST) {
            out.push(SignalKind::Interest);
        }
        if m.has(NEED) {
            out.push(SignalKind::Need);
        }
        if m.has(CONCERN) {
            out.push(SignalKind::Concern);
        }
        // A hesitation ("not sure yet", "ik weet het nog niet") is not
        // decisive, even with an agreeing word in it.
        let accepts = prev.push && m.has(ACCEPTANCE) && !m.has(HESITATION);
        // Without a proposal just before, a time only counts with a proposing
        // or confirming form ("Zullen we zeggen dinsdag om tien?", "See you
        // Thursday"): "Sure, I was away last Monday" accepts nothing. After a
        // proposal, a clock time the customer names is a (counter-)proposal
        // ("Maak er maar kwart voor negen van", "call me about eleven").
        let proposes = (has_time && m.has(PROPOSAL)) || (proposed && m.has(CLOCK));
        if !rejection && (accepts || proposes || m.has(CALLBACK)) {
            out.push(SignalKind::Acceptance);
        }
        out
    }
}

/// What the agent's turn just before a customer segment offered.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct AgentOffer {
    /// A push sentence (context-free decision; the push stage refines it).
    pub push: bool,
    /// An offer to send information.
    pub info: bool,
    /// A sentence opened by a question or proposal form (a push or not).
    pub proposal: bool,
}

/// Signals in customer segments, in segment order (and sentence order within
/// a segment). One forward pass: the offer of the latest agent turn is kept
/// until the next agent turn starts. `offer_of(i)`: what agent segment `i`
/// offers (the push stage classifies the agent's sentences).
pub(crate) fn detect(ctx: &Ctx<'_>, rules: &SignalRules, offer_of: impl Fn(usize) -> AgentOffer) -> Vec<SignalHit> {
    let mut out = Vec::new();
    if !ctx.has_text {
        return out;
    }
    let mut offer = AgentOffer::default();
    let mut in_agent_turn = false;
    let mut n = String::new();
    for i in 0..ctx.segs().len() {
        if ctx.role[i] == Role::Agent {
            if !ctx.backchannel[i] {
                let o = offer_of(i);
                if in_agent_turn {
                    offer.push |= o.push;
                    offer.info |= o.info;
                    offer.proposal |= o.proposal;
                } else {
                    offer = o;
                }
                in_agent_turn = true;
            }
            continue;
        }
        // A backchannel can only answer a proposal made right before it
        // ("Ja." to "Zal ik dinsdag langskomen?"); elsewhere it just listens.
        if ctx.backchannel[i] && !(i > 0 && ctx.role[i - 1] == Role::Agent && !ctx.backchannel[i - 1]) {
            continue;
        }
        if !ctx.backchannel[i] {
            in_agent_turn = false;
        }
        for (_, sentence) in ctx.sentences(i) {
            normalize_into(sentence, &mut n);
            let m = rules.lists.matches(&n);
            for kind in rules.classify_hits(&n, m, offer, m.has(TIME)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(lang: &str, sentence: &str, push: bool) -> Vec<SignalKind> {
        let rules = SignalRules::new(&Lexicon::builtin(lang).expect("lexicon")).expect("rules");
        let offer = AgentOffer {
            push,
            info: false,
            proposal: push,
        };
        let times = crate::findings::push::PushRules::new(&Lexicon::builtin(lang).expect("lexicon")).expect("rules");
        rules.classify(sentence, offer, times.has_time(&normalize(sentence)))
    }

    #[test]
    fn customer_sentences_carry_their_signals() {
        use SignalKind::*;
        let cases: &[(&str, &str, bool, &[SignalKind])] = &[
            ("nl", "Nee, luister, ik heb geen interesse.", false, &[Rejection]),
            ("nl", "Dat is eigenlijk niks voor ons.", false, &[Rejection]),
            ("nl", "Nee.", false, &[]),
            ("nl", "Nee.", true, &[Rejection]),
            ("nl", "Nee, dat zeker niet.", false, &[]),
            ("nl", "Nou, ik weet het niet hoor.", true, &[]),
            ("nl", "Eh, ik lees het eerst wel even, hoor.", true, &[]),
            ("nl", "Stuur maar even wat informatie op.", false, &[InfoRequest]),
            ("nl", "Hm, ja. Klinkt interessant eigenlijk.", false, &[Interest]),
            ("nl", "We lopen er elke week op vast.", false, &[Need]),
            ("nl", "Ja.", true, &[Acceptance]),
            ("nl", "Ja.", false, &[]),
            ("nl", "Zullen we zeggen dinsdag om tien uur?", false, &[Acceptance]),
            ("nl", "We zitten nog vast tot eind volgend jaar.", false, &[Concern]),
            ("en", "Sorry, no, we're really not interested.", false, &[Rejection]),
            ("en", "Uh, tomorrow's tough, I'm out on jobs all day.", true, &[Concern]),
            ("en", "Can you just email me some info?", false, &[InfoRequest]),
            (
                "en",
                "Honestly, we've got a real problem with our current machine.",
                false,
                &[Need],
            ),
            ("en", "That sounds good, actually.", false, &[Interest]),
            ("en", "So nine would work.", true, &[Acceptance]),
            ("en", "Sure.", true, &[Acceptance]),
            ("en", "No.", false, &[]),
            ("en", "Sure, I was away last Monday.", false, &[]),
            ("en", "Okay, see you tomorrow at nine.", false, &[Acceptance]),
            ("en", "I'd rather see what you can do first.", true, &[]),
        ];
        for (lang, s, push, want) in cases {
            assert_eq!(kinds(lang, s, *push), want.to_vec(), "{lang}: {s} (after push: {push})");
        }
    }
}
