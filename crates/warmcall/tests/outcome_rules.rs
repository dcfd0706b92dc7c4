//! The composed outcome rules (SPEC §6.4, docs/findings.md "Outcome"): for
//! each word class and rule one exchange it decides and one near miss it
//! must leave alone, in both languages. Every exchange is written here (none
//! is copied from `../shared/eval`) and judged as a call: the seller's
//! sentence, then the customer's reply.

use warmcall::{Analyzer, Config, Transcript};

fn outcome(lang: &str, seller: &str, customer: &str) -> String {
    let t = Transcript::builder()
        .untimed("Seller", seller)
        .untimed("Customer", customer)
        .build();
    let a = Analyzer::new(Config::default().agent("Seller").language(lang)).expect("config");
    let r = a.analyze(&t);
    serde_json::to_value(r.outcome.kind)
        .expect("kind")
        .as_str()
        .unwrap_or("?")
        .to_string()
}

fn check(cases: &[(&str, &str, &str, &str)]) {
    let mut wrong = Vec::new();
    for (lang, seller, customer, want) in cases {
        let got = outcome(lang, seller, customer);
        if got != *want {
            wrong.push(format!("{lang}: {seller} || {customer}: got {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A reply that opens with a negation word rejects a proposal; the same
/// reply to a discovery question is just an answer.
#[test]
fn negation_at_the_start_of_a_reply_to_a_proposal_rejects_it() {
    check(&[
        // Issue 16's example.
        (
            "nl",
            "Zal ik woensdag even bij u langskomen?",
            "Nee hoor, voor nu even niet.",
            "no-sale",
        ),
        ("nl", "Heeft u al een alarmsysteem?", "Nee, nog niet.", "unknown"),
        (
            "en",
            "Shall I come by on Wednesday?",
            "Nah, we'll leave it, cheers.",
            "no-sale",
        ),
        ("en", "Do you have an alarm system already?", "No, not yet.", "unknown"),
    ]);
}

/// A negation before a want, need or interest rejects wherever it stands;
/// the want or need itself does not.
#[test]
fn a_negated_want_or_need_is_a_rejection() {
    check(&[
        (
            "nl",
            "Zal ik een offerte voor u maken?",
            "Daar heb ik eigenlijk geen behoefte aan.",
            "no-sale",
        ),
        (
            "nl",
            "Zal ik een offerte voor u maken?",
            "We hebben behoefte aan iets eenvoudigers.",
            "unknown",
        ),
        (
            "en",
            "Shall I draw up a quote for you?",
            "Honestly, we don't need one.",
            "no-sale",
        ),
        (
            "en",
            "Shall I draw up a quote for you?",
            "We need one that fits in the van.",
            "unknown",
        ),
    ]);
}

/// A clock time the customer names after a proposal is a counter-proposal;
/// a bare day while they look it up decides nothing; a negation with a time
/// is a counter-proposal, not a rejection.
#[test]
fn a_clock_time_from_the_customer_is_an_advance() {
    check(&[
        (
            "nl",
            "Zal ik donderdag om negen uur langskomen?",
            "Liever om kwart over elf.",
            "advance",
        ),
        (
            "nl",
            "Zal ik donderdag om negen uur langskomen?",
            "Donderdag? Even in de agenda kijken.",
            "unknown",
        ),
        (
            "nl",
            "Zal ik donderdag om negen uur langskomen?",
            "Nee, donderdag niet, maar vrijdag om elf uur wel.",
            "advance",
        ),
        (
            "en",
            "Shall I pop by on Thursday at nine?",
            "Better at half eleven.",
            "advance",
        ),
        (
            "en",
            "Shall I pop by on Thursday at nine?",
            "Thursday, let me check with the boss.",
            "unknown",
        ),
        (
            "en",
            "Shall I pop by on Thursday at nine?",
            "No, not Thursday, Friday at four suits me.",
            "advance",
        ),
    ]);
}

/// Contact put off to a vague time is a continuation, even when the push
/// named a concrete one; with a concrete time of their own it is an advance.
#[test]
fn a_deferral_without_a_concrete_time_is_a_continuation() {
    check(&[
        (
            "nl",
            "Zal ik u donderdag om tien uur terugbellen?",
            "Bel me over een week of drie maar.",
            "continuation",
        ),
        (
            "nl",
            "Zal ik u donderdag om tien uur terugbellen?",
            "Bel me vrijdag om elf uur maar.",
            "advance",
        ),
        (
            "en",
            "Can I ring you back on Friday at ten?",
            "Give me a ring in a few weeks instead.",
            "continuation",
        ),
        (
            "en",
            "Can I ring you back on Friday at ten?",
            "Ring me on Monday at four instead.",
            "advance",
        ),
    ]);
}

/// Agreeing to a close (a step that happens now) is an advance without a
/// time; a hesitation with an agreeing word in it decides nothing.
#[test]
fn accepting_a_step_now_advances_and_a_hesitation_does_not() {
    check(&[
        (
            "nl",
            "Zal ik de bestelling voor u plaatsen?",
            "Goed, plaats hem maar.",
            "advance",
        ),
        (
            "nl",
            "Zal ik de bestelling voor u plaatsen?",
            "Goed, maar ik weet het nog niet zeker.",
            "unknown",
        ),
        (
            "en",
            "Shall I place the order for you?",
            "Okay, put it through.",
            "advance",
        ),
        (
            "en",
            "Shall I place the order for you?",
            "Okay, but I'm not sure yet.",
            "unknown",
        ),
    ]);
}

/// A send imperative opening a clause asks for information (a
/// continuation); a sentence about sending decides nothing.
#[test]
fn a_send_imperative_is_an_information_request() {
    check(&[
        (
            "nl",
            "Zal ik een keer langskomen?",
            "Mail me eerst de prijzen maar.",
            "continuation",
        ),
        (
            "nl",
            "Zal ik een keer langskomen?",
            "Mijn collega heeft u vorige week gemaild.",
            "unknown",
        ),
        (
            "en",
            "Could I pop round one day?",
            "Maybe, but email me the figures first.",
            "continuation",
        ),
        (
            "en",
            "Could I pop round one day?",
            "I emailed your colleague last week.",
            "unknown",
        ),
    ]);
}

/// "No, go on" answers "or is this a bad time?": a negation that lets the
/// caller carry on rejects nothing; the same negation without it does.
#[test]
fn a_negation_that_lets_the_caller_carry_on_is_no_rejection() {
    check(&[
        (
            "en",
            "Can you spare five minutes, or have I caught you mid-job?",
            "No no, fire away, I'm just having lunch.",
            "unknown",
        ),
        (
            "en",
            "Can you spare five minutes, or have I caught you mid-job?",
            "No, sorry, I'm up a ladder.",
            "no-sale",
        ),
        (
            "nl",
            "Zal ik u nu even kort bijpraten, of komt het slecht uit?",
            "Nee hoor, zeg het maar, ik zit net even.",
            "unknown",
        ),
        (
            "nl",
            "Zal ik u nu even kort bijpraten, of komt het slecht uit?",
            "Nee, ik sta net op de bouw.",
            "no-sale",
        ),
    ]);
}

/// A refused step is a rejection; a feared loss said with the same "ik wil
/// niet" is a need, not a refusal.
#[test]
fn not_wanting_a_loss_is_no_refusal() {
    check(&[
        (
            "nl",
            "Zal ik volgende week bij u langskomen?",
            "Nee, wij willen niet overstappen.",
            "no-sale",
        ),
        (
            "nl",
            "Zal ik volgende week bij u langskomen?",
            "Ik wil het niet, hoor.",
            "no-sale",
        ),
        (
            "nl",
            "Zal ik volgende week bij u langskomen?",
            "Ik wil niet nog een klant mislopen, dus dinsdag om tien uur graag.",
            "advance",
        ),
    ]);
}

#[test]
fn a_day_the_customer_says_suits_advances_and_a_day_they_turn_down_is_no_time() {
    let visit_en = "Could I swing by one afternoon next week to measure up?";
    let visit_nl = "Zal ik volgende week een middag langskomen om op te meten?";
    check(&[
        // A day said to suit: the customer names the time.
        ("en", visit_en, "Wednesday works for us.", "advance"),
        ("en", visit_en, "Friday's fine, any time after lunch.", "advance"),
        ("en", visit_en, "Monday's out, but Thursday suits.", "advance"),
        ("nl", visit_nl, "Vrijdag komt ons het beste uit.", "advance"),
        ("nl", visit_nl, "Maandag zit ik vol, dinsdag wel.", "advance"),
        // A day turned down is no time: the deferral decides.
        (
            "en",
            visit_en,
            "Wednesday's tricky, give me a ring in a few weeks.",
            "continuation",
        ),
        (
            "nl",
            visit_nl,
            "Vrijdag is lastig, bel me over een paar weken maar.",
            "continuation",
        ),
        // A day named for something else proposes nothing.
        ("en", visit_en, "Friday was when the last lot came.", "unknown"),
    ]);
}

#[test]
fn agreeing_to_have_something_sent_is_a_continuation_whatever_the_sending_verb() {
    check(&[
        (
            "en",
            "Shall I shoot the price list over to you?",
            "Yes please, do.",
            "continuation",
        ),
        (
            "en",
            "Can I fire the spec sheet across to you?",
            "Yeah, go on then.",
            "continuation",
        ),
        (
            "nl",
            "Zal ik de voorwaarden even naar u doormailen?",
            "Ja, doe maar.",
            "continuation",
        ),
        ("nl", "Zal ik het overzicht even appen?", "Ja graag.", "continuation"),
        // Sending named as something done, not offered: no offer to accept.
        ("en", "We shot the price list over last week.", "Right, yes.", "unknown"),
    ]);
}
