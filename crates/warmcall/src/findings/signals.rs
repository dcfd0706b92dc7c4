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
#[cfg(test)]
use crate::rules::View;
use crate::rules::{Compiler, Hits, ListId, Matcher};
use crate::Error;

/// A signal in a customer segment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SignalHit {
    /// Segment index.
    pub segment: usize,
    /// Kind.
    pub kind: SignalKind,
    /// The phrase or sentence that carried it.
    pub evidence: String,
    /// What the sentence says about time, for the outcome.
    pub when: When,
}

/// What a customer sentence says about time (the outcome reads it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct When {
    /// It names a concrete time (a day, a date, a clock time).
    pub time: bool,
    /// It names a clock time ("about eleven", "kwart voor negen").
    pub clock: bool,
    /// It puts contact off to a vague time ("bel me over een maand").
    pub defers: bool,
}

/// The lists, compiled into the language's one matcher; a scan of a
/// customer sentence answers all of them at once.
const LISTS: [&str; 18] = [
    "signals.interest",
    "signals.need",
    "signals.info_request",
    "signals.rejection",
    "signals.concern",
    "signals.acceptance",
    "signals.callback_request",
    "signals.proposal",
    "signals.time",
    "signals.negation_start",
    "signals.negated_want",
    "signals.clock",
    "signals.hesitation",
    "signals.go_ahead",
    "signals.bare_no",
    "signals.deferral",
    "signals.time_refused",
    "signals.time_offered",
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
const BARE_NO: usize = 14;
const DEFERRAL: usize = 15;
const TIME_REFUSED: usize = 16;
const TIME_OFFERED: usize = 17;

/// Signal rules of one language: the ids of its lists in the language's
/// matcher.
#[derive(Debug)]
pub(crate) struct SignalRules {
    ids: [ListId; LISTS.len()],
    /// One bit per list id above: the matcher holds other stages' lists
    /// too, which a customer sentence's scan leaves untried.
    mask: u128,
}

/// The hits of one sentence, read through the signal rules' list ids.
struct Found<'a> {
    hits: &'a Hits,
    ids: &'a [ListId; LISTS.len()],
}

impl Found<'_> {
    fn has(&self, list: usize) -> bool {
        self.hits.has(self.ids[list])
    }
}

impl SignalRules {
    /// Adds the `[signals]` lists of `lex` to `compiler`.
    pub(crate) fn new(lex: &Lexicon, compiler: &mut Compiler) -> Result<SignalRules, Error> {
        let mut ids = [0; LISTS.len()];
        for (id, name) in ids.iter_mut().zip(LISTS) {
            *id = compiler
                .add_list(name, lex.list(name))
                .map_err(|e| e.in_lexicon(&lex.lang))?;
        }
        let mask = ids.iter().fold(0u128, |m, &id| m | 1 << id);
        Ok(SignalRules { ids, mask })
    }

    /// The matcher's id of a signal list (`signals.interest`).
    #[cfg(test)]
    pub(crate) fn list_id(&self, name: &str) -> Option<ListId> {
        LISTS.iter().position(|l| *l == name).map(|i| self.ids[i])
    }

    /// The lists whose answer can matter after `prev` (a bit per list id):
    /// replies to a proposal (negations, bare "no", go-aheads) and
    /// agreement (acceptance, hesitation) mean nothing without an offer
    /// before them, so their patterns are not tried then.
    fn wanted(&self, prev: AgentOffer) -> u128 {
        let proposed = prev.push || prev.proposal;
        let mut skip = Vec::new();
        if !proposed {
            skip.extend([NEG_START, GO_AHEAD]);
        }
        if !prev.push {
            skip.extend([BARE_NO, HESITATION]);
            if !prev.info {
                skip.push(ACCEPTANCE);
            }
        }
        skip.iter().fold(self.mask, |m, &l| m & !(1u128 << self.ids[l]))
    }

    fn found<'a>(&'a self, hits: &'a Hits) -> Found<'a> {
        Found { hits, ids: &self.ids }
    }

    /// What a scanned sentence says about time. A day the customer turns
    /// down ("Tuesday's bad", "dinsdag is lastig") is no time they name,
    /// unless they offer one in the same sentence ("maandag lukt niet,
    /// woensdag wel").
    fn when(&self, hits: &Hits) -> When {
        let f = self.found(hits);
        When {
            time: Self::names_time(&f),
            clock: f.has(CLOCK),
            defers: f.has(DEFERRAL),
        }
    }

    fn names_time(f: &Found<'_>) -> bool {
        f.has(TIME_OFFERED) || (f.has(TIME) && !f.has(TIME_REFUSED))
    }

    /// True when customer segment `j` asks to be called back.
    pub(crate) fn asks_callback(&self, ctx: &Ctx<'_>, matcher: &Matcher, j: usize) -> bool {
        let mut hits = Hits::default();
        ctx.sentence_tokens(j).any(|(_, _, v)| {
            matcher.scan_only(v, 1 << self.ids[CALLBACK], &mut hits);
            self.found(&hits).has(CALLBACK)
        })
    }

    /// Kinds in one customer sentence's tokens. `prev`: what the agent's
    /// previous turn offered.
    #[cfg(test)]
    fn classify(&self, m: &Matcher, v: View<'_>, prev: AgentOffer) -> Vec<SignalKind> {
        let mut hits = Hits::default();
        m.scan_only(v, self.mask, &mut hits);
        self.classify_hits(&hits, prev)
    }

    /// [`SignalRules::classify`] of a sentence's hits.
    fn classify_hits(&self, hits: &Hits, prev: AgentOffer) -> Vec<SignalKind> {
        let m = self.found(hits);
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
        let rejection = m.has(REJECTION) || m.has(NEG_WANT) || negative_reply || (prev.push && m.has(BARE_NO));
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
        // A day the customer says suits ("Thursday works", "donderdag komt
        // goed uit") proposes it whatever came before.
        let proposes = (Self::names_time(&m) && m.has(PROPOSAL)) || m.has(TIME_OFFERED) || (proposed && m.has(CLOCK));
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
/// offers (the push stage classifies the agent's sentences). `matcher` is
/// the language's compiled matcher that `rules` name lists of.
pub(crate) fn detect(
    ctx: &Ctx<'_>,
    matcher: &Matcher,
    rules: &SignalRules,
    offer_of: impl Fn(usize) -> AgentOffer,
) -> Vec<SignalHit> {
    let mut out = Vec::new();
    if !ctx.has_text {
        return out;
    }
    let mut offer = AgentOffer::default();
    let mut in_agent_turn = false;
    let mut hits = Hits::default();
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
        let wanted = rules.wanted(offer);
        for (_, sentence, v) in ctx.sentence_tokens(i) {
            matcher.scan_only(v, wanted, &mut hits);
            if hits.is_empty() {
                continue;
            }
            let when = rules.when(&hits);
            for kind in rules.classify_hits(&hits, offer) {
                out.push(SignalHit {
                    segment: i,
                    kind,
                    evidence: sentence.to_string(),
                    when,
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
        let lm = crate::analyzer::LangModel::new(Lexicon::builtin(lang).expect("lexicon")).expect("rules");
        let offer = AgentOffer {
            push,
            info: false,
            proposal: push,
        };
        let toks = crate::rules::Tokens::sentence(lm.rules.vocab(), sentence);
        lm.signals.classify(&lm.rules, toks.whole(), offer)
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
