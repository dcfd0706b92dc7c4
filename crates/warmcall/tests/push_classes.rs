//! Push word classes (SPEC §6.1): the examples of issue 16 point 1, and for
//! every class or form added to the lexicon one positive and one near miss,
//! in phrasings of their own (none is a sentence of `../shared/eval`).

use warmcall::report::PushCategory::{self, Appointment, Callback, Close, Demo, Visit};
use warmcall::{Analyzer, Config};

fn analyzer() -> Analyzer {
    Analyzer::new(Config::default()).expect("default config")
}

/// Records a failure unless `sentence` is a push of category `want`.
fn push(a: &Analyzer, f: &mut Vec<String>, lang: &str, sentence: &str, want: PushCategory) {
    let got = a.push_category(lang, sentence);
    if got != Some(want) {
        f.push(format!("{lang}: want {want:?}, got {got:?}: {sentence}"));
    }
}

/// Records a failure when `sentence` is a push.
fn no_push(a: &Analyzer, f: &mut Vec<String>, lang: &str, sentence: &str) {
    if let Some(got) = a.push_category(lang, sentence) {
        f.push(format!("{lang}: want no push, got {got:?}: {sentence}"));
    }
}

#[test]
fn issue_16_examples_are_pushes_of_the_right_category() {
    let a = analyzer();
    let mut f = Vec::new();
    push(&a, &mut f, "en", "Can you sign the contract today?", Close);
    push(&a, &mut f, "en", "Do you want to book a demo?", Demo);
    push(&a, &mut f, "en", "Are you interested in a free trial?", Close);
    push(&a, &mut f, "en", "How many licences would you like to order?", Close);
    push(&a, &mut f, "en", "Could you do Thursday, say half ten?", Appointment);
    push(&a, &mut f, "en", "Shall I put one aside for you?", Close);
    push(&a, &mut f, "en", "Let's get you over to the showroom this week.", Visit);
    push(
        &a,
        &mut f,
        "en",
        "Would you like to donate to the children today?",
        Close,
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn giving_to_a_cause_is_a_close() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Would you consider a small contribution to the shelter?",
        Close,
    );
    push(
        &a,
        &mut f,
        "en",
        "Could you give a few pounds to the appeal this month?",
        Close,
    );
    push(
        &a,
        &mut f,
        "en",
        "Can I put your name down as a sponsor for the fun run?",
        Close,
    );
    push(
        &a,
        &mut f,
        "en",
        "Will you pledge ten euros a month to the food bank?",
        Close,
    );
    no_push(&a, &mut f, "en", "Our donors fund the whole reading programme.");
    no_push(&a, &mut f, "en", "I'm going to donate my own fee to the shelter.");
    push(
        &a,
        &mut f,
        "nl",
        "Wilt u een kleine bijdrage leveren aan het dierenasiel?",
        Close,
    );
    push(
        &a,
        &mut f,
        "nl",
        "Zou u iets willen doneren voor de voedselbank?",
        Close,
    );
    no_push(
        &a,
        &mut f,
        "nl",
        "Vorig jaar hebben onze donateurs een nieuw dak betaald.",
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn reserving_is_a_close() {
    let a = analyzer();
    let mut f = Vec::new();
    push(&a, &mut f, "en", "Shall I hold one for you until Friday?", Close);
    push(&a, &mut f, "en", "Can I reserve the blue sofa in your name?", Close);
    no_push(&a, &mut f, "en", "The reserve list was full last spring.");
    push(&a, &mut f, "nl", "Zal ik de groene fiets voor u apart zetten?", Close);
    push(&a, &mut f, "nl", "Mag ik twee kaartjes voor u reserveren?", Close);
    no_push(
        &a,
        &mut f,
        "nl",
        "Vorige maand waren alle plekken al gereserveerd door anderen.",
    );
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn enrolling_takes_the_category_of_what_it_is_for() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Shall I enrol your son in the spring swimming course?",
        Close,
    );
    push(&a, &mut f, "en", "Can I register you for the Thursday webinar?", Demo);
    push(
        &a,
        &mut f,
        "en",
        "Would you like to subscribe to the monthly box?",
        Close,
    );
    no_push(&a, &mut f, "en", "Enrolment closed last week.");
    push(&a, &mut f, "nl", "Zal ik u aanmelden voor de cursus in maart?", Close);
    push(
        &a,
        &mut f,
        "nl",
        "Mag ik u inschrijven voor de demonstratie van vrijdag?",
        Demo,
    );
    no_push(&a, &mut f, "nl", "De inschrijving sloot gisteren.");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn pilots_trials_orders_and_bank_details_are_close() {
    let a = analyzer();
    let mut f = Vec::new();
    push(&a, &mut f, "en", "Shall we start a pilot with your night shift?", Close);
    no_push(&a, &mut f, "en", "The pilot at the other depot went well.");
    no_push(&a, &mut f, "en", "We trialled a pilot for, I want to say, six weeks.");
    push(
        &a,
        &mut f,
        "en",
        "How many crates do you want to order for the summer?",
        Close,
    );
    no_push(&a, &mut f, "en", "How many crates did the bakery go through?");
    push(
        &a,
        &mut f,
        "en",
        "Can I take your IBAN so the first month goes out today?",
        Close,
    );
    no_push(&a, &mut f, "en", "Your IBAN is printed on the old invoice.");
    push(
        &a,
        &mut f,
        "nl",
        "Zullen we met een pilot in één filiaal beginnen?",
        Close,
    );
    push(&a, &mut f, "nl", "Mag ik uw IBAN noteren voor de machtiging?", Close);
    push(&a, &mut f, "nl", "Zal ik de prijs voor dit jaar vastzetten?", Close);
    no_push(&a, &mut f, "nl", "Het IBAN staat onderaan de factuur.");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn showroom_and_premises_are_visits_tours_of_a_product_demos() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Why don't you pop down to the showroom on Saturday?",
        Visit,
    );
    push(
        &a,
        &mut f,
        "en",
        "Shall I walk you round the warehouse when you're here?",
        Visit,
    );
    push(
        &a,
        &mut f,
        "en",
        "Would you like a tour of the reporting screens?",
        Demo,
    );
    no_push(
        &a,
        &mut f,
        "en",
        "I'll send the brochure over to the office this afternoon.",
    );
    push(&a, &mut f, "nl", "Zal ik u door het pand rondleiden?", Visit);
    push(&a, &mut f, "nl", "Zal ik u de planningsmodule even tonen?", Demo);
    push(&a, &mut f, "nl", "Komt u morgen even langs in de showroom?", Visit);
    no_push(&a, &mut f, "nl", "De showroom is vorige maand verbouwd.");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn meeting_words_and_inverted_modal_proposals_are_appointments() {
    let a = analyzer();
    let mut f = Vec::new();
    push(&a, &mut f, "nl", "Kunt u vrijdag om half drie?", Appointment);
    push(&a, &mut f, "nl", "Past woensdagochtend in uw agenda?", Appointment);
    push(
        &a,
        &mut f,
        "nl",
        "Heeft u deze week nog een gaatje om bij te praten?",
        Appointment,
    );
    push(&a, &mut f, "nl", "Zullen we donderdag even overleggen?", Appointment);
    no_push(&a, &mut f, "nl", "Donderdag om drie uur is prima, ik zet het erin.");
    no_push(&a, &mut f, "nl", "Kunt u mij vertellen hoe het inkoopproces loopt?");
    // After a fronted condition the verb comes first in any Dutch main
    // clause: an instruction for that case, not a proposal.
    no_push(
        &a,
        &mut f,
        "nl",
        "Zodra de voorraad op is, kiest u in het portaal een nieuwe bestelling en die wordt vrijdag geleverd.",
    );
    no_push(
        &a,
        &mut f,
        "nl",
        "Wanneer de monteur klaar is, tekent u het werkbon en dan is de levering afgerond.",
    );
    push(
        &a,
        &mut f,
        "nl",
        "Kunt u zodra het past een bestelling plaatsen?",
        Close,
    );
    push(
        &a,
        &mut f,
        "en",
        "When suits you for a proper chat next week?",
        Appointment,
    );
    push(&a, &mut f, "en", "Could you manage Tuesday at four?", Appointment);
    push(
        &a,
        &mut f,
        "en",
        "Are you up for a quick online meeting on Monday?",
        Appointment,
    );
    no_push(&a, &mut f, "en", "Monday at four it is, see you then.");
    no_push(&a, &mut f, "en", "Tuesday's perfect, I'll put it in my diary.");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn phoning_again_is_a_callback() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Shall I give you a buzz on Thursday morning?",
        Callback,
    );
    push(
        &a,
        &mut f,
        "en",
        "Can I get in touch by phone once you have spoken to your partner?",
        Callback,
    );
    no_push(&a, &mut f, "en", "Do get in touch whenever suits you.");
    push(
        &a,
        &mut f,
        "nl",
        "Zal ik u vrijdag aan het eind van de ochtend nog even bellen?",
        Callback,
    );
    push(
        &a,
        &mut f,
        "nl",
        "Hoe laat kan ik u morgen het beste bereiken, zal ik bellen?",
        Callback,
    );
    no_push(&a, &mut f, "nl", "U belt mij maar als het u uitkomt.");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn confirmations_and_information_are_not_pushes() {
    let a = analyzer();
    let mut f = Vec::new();
    no_push(&a, &mut f, "en", "Great, I'll book the tasting as agreed.");
    no_push(
        &a,
        &mut f,
        "en",
        "Shall I email you some details about the pilot scheme?",
    );
    no_push(&a, &mut f, "en", "Thank you for your donation.");
    no_push(&a, &mut f, "nl", "Top, dan plan ik het zoals we afspraken.");
    no_push(&a, &mut f, "nl", "Zal ik u wat informatie mailen over het abonnement?");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn keeping_something_for_the_customer_starting_a_switch_and_noting_them_down_are_close() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Can I keep the last two crates for you till Monday?",
        Close,
    );
    push(&a, &mut f, "en", "Shall I save those seats for you?", Close);
    no_push(&a, &mut f, "en", "We keep spare parts for you in the van.");
    push(
        &a,
        &mut f,
        "nl",
        "Zal ik het hele traject alvast voor u in gang zetten?",
        Close,
    );
    push(
        &a,
        &mut f,
        "nl",
        "Wilt u vandaag nog overstappen naar ons pakket?",
        Close,
    );
    no_push(&a, &mut f, "nl", "De overstap van vorig jaar ging zonder problemen.");
    push(
        &a,
        &mut f,
        "nl",
        "Zal ik jullie noteren voor de cursus in maart?",
        Close,
    );
    no_push(&a, &mut f, "nl", "Ik zal het even noteren in het dossier.");
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn contacting_the_customer_again_is_a_callback() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Could I contact you again after the holidays?",
        Callback,
    );
    no_push(&a, &mut f, "en", "You can contact us on the number on the invoice.");
    push(
        &a,
        &mut f,
        "nl",
        "Mag ik u in het voorjaar nog eens benaderen?",
        Callback,
    );
    no_push(&a, &mut f, "nl", "Wij benaderen alleen bestaande klanten.");
    assert!(f.is_empty(), "{f:#?}");
}

/// Days of the month in words, meeting with a proposer, "want me to", and
/// a lead of several fillers before the form.
#[test]
fn ordinal_days_meeting_and_long_leads() {
    let a = analyzer();
    let mut f = Vec::new();
    push(
        &a,
        &mut f,
        "en",
        "Do you want me to pencil you in for the ninth?",
        Appointment,
    );
    push(
        &a,
        &mut f,
        "en",
        "Want me to book you a slot on the twenty-first?",
        Appointment,
    );
    push(&a, &mut f, "en", "Shall we meet on the third of May?", Appointment);
    push(
        &a,
        &mut f,
        "en",
        "So, um, well, okay, shall we pop by on the twelfth?",
        Visit,
    );
    push(&a, &mut f, "nl", "Zullen we op de negende even bijpraten?", Appointment);
    push(
        &a,
        &mut f,
        "nl",
        "Kan ik u de derde maart om tien uur bellen?",
        Callback,
    );
    // Near misses: an ordinal that is not a day, meeting a need, a
    // question word before a form that is not at the clause start.
    no_push(&a, &mut f, "en", "Could we look at the first option together?");
    no_push(&a, &mut f, "en", "Would that meet your needs for the second site?");
    no_push(&a, &mut f, "en", "When did you last want me to call?");
    no_push(&a, &mut f, "nl", "Wilt u het voor de eerste keer proberen?");
    assert!(f.is_empty(), "{}", f.join("\n"));
}
