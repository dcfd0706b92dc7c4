//! Every class of the question rules (issue 16): per language a sentence in
//! which the class's word decides the result, and a near miss (the word
//! swapped for a similar one not in the class, or the phrase broken) that
//! comes out differently. Our own sales-call wording, none copied from
//! `../shared/eval`. Classes whose effect is on follow-ups or on timing
//! (`stopwords`, `refer_back`, `answer_words`) are tested through the
//! [`crate::Analyzer`] on a small transcript below.

use super::*;

use QuestionKind::{Closed, Open, Tag};

/// Words mode (speech-to-text without `?`).
const W: bool = false;
/// Punctuated mode.
const P: bool = true;

/// `(sentence, punctuated, expected kind)`.
type Sent = (&'static str, bool, Option<QuestionKind>);
/// `(class, positives, near misses)`.
type Case = (&'static str, &'static [Sent], &'static [Sent]);

const EN: &[Case] = &[
    // One-word classes (`WORD_CLASSES`).
    (
        "question_words",
        &[("how do you track the orders", W, Some(Open))],
        &[("however you track the orders", W, None)],
    ),
    // A modifier is skipped before the subject of a free relative;
    // "fast" is no modifier, so its pronoun is not seen as one.
    (
        "question_word_modifiers",
        &[("how quickly you grow depends on the team", W, None)],
        &[("how fast you grow depends on the team", W, Some(Open))],
    ),
    // A determiner question word in place before its noun and a follower.
    (
        "determiner_question_words",
        &[("you went with which supplier in the end", W, Some(Open))],
        &[("you went with what supplier in the end", W, None)],
    ),
    (
        "concessive_markers",
        &[("which plan you ever go for the price stays the same", W, None)],
        &[("which plan you go for the price stays the same", W, Some(Open))],
    ),
    (
        "relative_subject_starts",
        &[("where the van is parked does not matter", W, None)],
        &[("where each van is parked does not matter", W, Some(Open))],
    ),
    (
        "comma_relatives",
        &[("we switched supplier last spring, which made the difference", W, None)],
        &[(
            "we switched supplier last spring, what made the difference",
            W,
            Some(Open),
        )],
    ),
    // A deictic pronoun may sit in a short lead-in; a personal one may not.
    (
        "deictic_words",
        &[("sorry about that, is now a good time", W, Some(Closed))],
        &[("sorry about it, is now a good time", W, None)],
    ),
    (
        "trailing_hesitations",
        &[("they keep the spares in the van do they or", W, Some(Tag))],
        &[("they keep the spares in the van do they now", W, None)],
    ),
    (
        "aux_tag_blockers",
        &[("we haven't signed up yet, nor have they", W, None)],
        &[("we haven't signed up yet, have they", W, Some(Tag))],
    ),
    (
        "in_place_words",
        &[("so the contract renews when", W, Some(Open))],
        &[("so the contract renews then", W, None)],
    ),
    (
        "in_place_followers",
        &[("you're paying what for the fuel cards", W, Some(Open))],
        &[("you're paying what the others pay", W, None)],
    ),
    (
        "fillers",
        &[("well what does your week look like", W, Some(Open))],
        &[("honestly what does your week look like", W, None)],
    ),
    (
        "skippable",
        &[("talk me briefly through the rollout", P, Some(Open))],
        &[("talk me slowly through the rollout", P, None)],
    ),
    (
        "subject_pronouns",
        &[("can they start on monday", W, Some(Closed))],
        &[("can staff start on monday", W, None)],
    ),
    (
        "subject_words",
        &[("is tomorrow still okay for you", W, Some(Closed))],
        &[("is later still okay for you", W, None)],
    ),
    (
        "auxiliaries",
        &[("did you get the new price list", W, Some(Closed))],
        &[("and you get the new price list", W, None)],
    ),
    (
        "prepositions",
        &[("on which road do you deliver", W, Some(Open))],
        &[("along which road do you deliver", W, None)],
    ),
    (
        "exclamative_words",
        &[("what great news", W, None)],
        &[("what other news", W, Some(Open))],
    ),
    (
        "narrative_markers",
        &[("then does he suddenly ring back asking for the old price", W, None)],
        &[(
            "then does he really ring back asking for the old price",
            W,
            Some(Closed),
        )],
    ),
    (
        "conditional_then",
        &[("should you need a hand just ring the office", W, None)],
        &[("should you need a hand with the office", W, Some(Closed))],
    ),
    (
        "conditional_aux",
        &[("should you need more time, we can wait a week", W, None)],
        &[("do you need more time, we can wait a week", W, Some(Closed))],
    ),
    (
        "closed_complementizers",
        &[("i was wondering whether the van is still available", P, Some(Closed))],
        &[("i was wondering when the van is available", P, Some(Open))],
    ),
    (
        "embedding_verbs",
        &[("do you know who signs off on budgets", W, Some(Open))],
        &[("do you check who signs off on budgets", W, Some(Closed))],
    ),
    (
        "time_words",
        &[("how about friday?", P, Some(Closed))],
        &[("how about finance?", P, Some(Open))],
    ),
    (
        "tag_blockers",
        &[("the loading bay is on the right", W, None)],
        &[("the loading bay is open till six right", W, Some(Tag))],
    ),
    (
        "negations",
        &[("the driver never calls ahead does he", W, Some(Tag))],
        &[("the driver always calls ahead does he", W, None)],
    ),
    (
        "subordinators",
        &[("if i send the quote today could you sign it this week", W, Some(Closed))],
        &[("maybe i send the quote today could you sign it this week", W, None)],
    ),
    (
        "first_person",
        &[("can we talk about how you plan the routes", W, Some(Closed))],
        &[("can you talk about how you plan the routes", W, Some(Open))],
    ),
    (
        "reporting_verbs",
        &[("my boss said how do we know it works", W, None)],
        &[("my boss thought how do we know it works", W, Some(Open))],
    ),
    (
        "ellipsis_conjunctions",
        &[("and your warehouse staff", W, Some(Open))],
        &[("or your warehouse staff", W, None)],
    ),
    (
        "ellipsis_starts",
        &[("and your drivers", W, Some(Open))],
        &[("and the drivers", W, None)],
    ),
    (
        "ellipsis_blockers",
        &[("and your weekend too", W, None)],
        &[("and your weekend plans", W, Some(Open))],
    ),
    (
        "addressee_subjects",
        &[("you're still with the same broker", W, Some(Closed))],
        &[("they're still with the same broker", W, None)],
    ),
    (
        "state_markers",
        &[("you already have a cleaner for the offices", W, Some(Closed))],
        &[("you recently had a cleaner for the offices", W, None)],
    ),
    (
        "check_openers",
        &[("so you run three sites", W, Some(Closed))],
        &[("and you run three sites", W, None)],
    ),
    (
        "declarative_blockers",
        &[("so you need a bigger van", W, None)],
        &[("so you drive a bigger van", W, Some(Closed))],
    ),
    (
        "agreement_words",
        &[("we prefer the yearly plan too right", W, None)],
        &[("we prefer the yearly plan now right", W, Some(Tag))],
    ),
    // "what a" in place is no exclamative before a rate.
    (
        "rate_units",
        &[("that costs you what a month", W, Some(Open))],
        &[("that costs you what a fortune", W, None)],
    ),
    (
        "alternative_conjunctions",
        &[("by card or by bank transfer", W, Some(Closed))],
        &[("by card and by bank transfer", W, None)],
    ),
    (
        "inverted_subjects",
        &[("the quote looks fine er could we start next month", W, Some(Closed))],
        &[("the quote looks fine er could they start next month", W, None)],
    ),
    // Phrase classes (`PHRASE_CLASSES`).
    (
        "non_question_openers",
        &[("who knows what the price will be next year", W, None)],
        &[("who decides what the price will be next year", W, Some(Open))],
    ),
    (
        "final_non_question_openers",
        &[("we sell boxes tape and what have you", W, None)],
        &[("and what have you tried so far", W, Some(Open))],
    ),
    (
        "elliptical_openers",
        &[("everything clear so far", W, Some(Closed))],
        &[("everything arrived so far", W, None)],
    ),
    (
        "invitations",
        &[("fill me in on the last audit", P, Some(Open))],
        &[("filled me in on the last audit", P, None)],
    ),
    (
        "explain_phrases",
        &[("could you expand on the delivery terms", W, Some(Open))],
        &[("could you agree on the delivery terms", W, Some(Closed))],
    ),
    (
        "indirect",
        &[("i'd be keen to know how the team is split", P, Some(Open))],
        &[("i'd be keen to see how the team is split", P, None)],
    ),
    // Without the phrase, "how" + modifier + pronoun is a free relative.
    (
        "topic_openers",
        &[("how come you switched suppliers", W, Some(Open))],
        &[("how often you switched suppliers", W, None)],
    ),
    (
        "proposal_openers",
        &[("what would you say to a call on monday", W, Some(Closed))],
        &[("what would you need for a call on monday", W, Some(Open))],
    ),
    (
        "tags",
        &[("That's the Leeds office, correct?", P, Some(Tag))],
        &[("That's the Leeds office, exactly?", P, Some(Closed))],
    ),
    (
        "tail_tags",
        &[("the invoice goes to head office is that right", W, Some(Tag))],
        &[("the invoice goes to head office is that all", W, None)],
    ),
    (
        "ellipsis_phrases",
        &[("and the others in the office", W, Some(Open))],
        &[("and the boxes in the office", W, None)],
    ),
    // Other classes (`OTHER_CLASSES`).
    (
        "clitics",
        &[("you 've got the keys have n't you", W, Some(Tag))],
        &[("you 've got the keys have nt you", W, None)],
    ),
    (
        "tag_negation_suffix",
        &[("the price won't change will it", W, Some(Tag))],
        &[("the price will change will it", W, None)],
    ),
    (
        "subjectless_verbs",
        &[("fancy anything else", W, Some(Closed))],
        &[("ordered anything else", W, None)],
    ),
    (
        "subjectless_objects",
        &[("got your login", W, Some(Closed))],
        &[("got the login", W, None)],
    ),
    (
        "confirm_finals",
        &[("so the boiler goes in the loft then", W, Some(Closed))],
        &[("so the boiler goes in the loft", W, None)],
    ),
    (
        "confirm_blockers",
        &[("so the fitter is coming on friday then", W, Some(Closed))],
        &[("so the fitter was coming on friday then", W, None)],
    ),
    (
        "confirm_final_blockers",
        &[("you pay by card at the desk then", W, Some(Closed))],
        &[("you pay by card at the desk and that's it then", W, None)],
    ),
    ("repair_initiators", &[("huh", W, Some(Open))], &[("hmm", W, None)]),
    (
        "alternative_blockers",
        &[("monthly or yearly", W, Some(Closed))],
        &[("sooner or later", W, None)],
    ),
];

const NL: &[Case] = &[
    // One-word classes (`WORD_CLASSES`).
    (
        "question_words",
        &[("hoe plannen jullie de ritten", W, Some(Open))],
        &[("zo plannen jullie de ritten", W, None)],
    ),
    // A modifier is skipped before the subject of a free relative;
    // "makkelijk" is no modifier, so its pronoun is not seen as one.
    (
        "question_word_modifiers",
        &[("hoe vaak u bestelt maakt voor de prijs niet uit", W, None)],
        &[("hoe makkelijk u bestelt maakt voor de prijs niet uit", W, Some(Open))],
    ),
    (
        "determiner_question_words",
        &[("jullie hebben nu hoeveel bussen in de vloot", W, Some(Open))],
        &[("jullie hebben nu wat bussen in de vloot", W, None)],
    ),
    (
        "concessive_markers",
        &[("welke bus u ook kiest, de service blijft gelijk", W, None)],
        &[("welke bus u straks kiest, de service blijft gelijk", W, Some(Open))],
    ),
    (
        "relative_subject_starts",
        &[("waar de bus staat weet ik niet", W, None)],
        &[("waar elke bus staat weet ik niet", W, Some(Open))],
    ),
    (
        "comma_relatives",
        &[("we werken nu met een planner, wat alles makkelijker maakt", W, None)],
        &[("we werken nu met een planner, wie alles bijhoudt", W, Some(Open))],
    ),
    (
        "deictic_words",
        &[("dit was het, heeft u verder nog vragen", W, Some(Closed))],
        &[("ik denk het, heeft u verder nog vragen", W, None)],
    ),
    (
        "trailing_hesitations",
        &[("u levert ook op zaterdag toch of", W, Some(Tag))],
        &[("u levert ook op zaterdag toch nog", W, None)],
    ),
    (
        "proposal_auxiliaries",
        &[(
            "zullen we dinsdag afspreken, dan breng ik de monsters mee",
            W,
            Some(Closed),
        )],
        &[("kunnen we dinsdag afspreken, dan breng ik de monsters mee", W, None)],
    ),
    (
        "in_place_words",
        &[("de nieuwe bus komt dan wanneer", W, Some(Open))],
        &[("de nieuwe bus komt dan morgen", W, None)],
    ),
    (
        "in_place_followers",
        &[("jullie rijden hoeveel kilometer per dag", W, Some(Open))],
        &[("jullie rijden hoeveel kilometer zonder pauze", W, None)],
    ),
    (
        "fillers",
        &[("nou hoe lang duurt de levering", W, Some(Open))],
        &[("tja hoe lang duurt de levering", W, None)],
    ),
    (
        "skippable",
        &[("ik vroeg me eigenlijk af of jullie ook leasen", P, Some(Closed))],
        &[("ik vroeg me gisteren af of jullie ook leasen", P, None)],
    ),
    (
        "subject_pronouns",
        &[("is er nog ruimte in de planning", W, Some(Closed))],
        &[("is daar nog ruimte in de planning", W, None)],
    ),
    (
        "subject_words",
        &[("past de ochtend beter", W, Some(Closed))],
        &[("past morgen beter", W, None)],
    ),
    (
        "auxiliaries",
        &[("heeft uw bedrijf een eigen werkplaats", W, Some(Closed))],
        &[("bouwt uw bedrijf een eigen werkplaats", W, None)],
    ),
    // A function word + pronoun is no verb-first question.
    (
        "not_verbs",
        &[("nu je het zegt, de levering was inderdaad laat", W, None)],
        &[("merk je het ook, de levering was inderdaad laat", W, Some(Closed))],
    ),
    (
        "v1_pronouns",
        &[("rijden jullie ook in het weekend", W, Some(Closed))],
        &[("rijden chauffeurs ook in het weekend", W, None)],
    ),
    (
        "prepositions",
        &[("met welke leverancier werkt u nu", W, Some(Open))],
        &[("zonder welke leverancier werkt u nu", W, None)],
    ),
    (
        "exclamative_words",
        &[("wat handig zeg", W, None)],
        &[("wat nog meer", W, Some(Open))],
    ),
    (
        "narrative_markers",
        &[("belt ze opeens terug met een tegenbod", W, None)],
        &[("belt ze morgen terug met een tegenbod", W, Some(Closed))],
    ),
    (
        "conditional_then",
        &[("wilt u een offerte dan stuur ik die vandaag", W, None)],
        &[("wilt u een offerte of stuur ik eerst een brochure", W, Some(Closed))],
    ),
    (
        "closed_complementizers",
        &[("ik ben benieuwd of jullie ook leasen", P, Some(Closed))],
        &[("ik ben benieuwd hoe jullie leasen", P, Some(Open))],
    ),
    (
        "embedding_verbs",
        &[("kunt u aangeven wie de offerte tekent", W, Some(Open))],
        &[("kunt u regelen wie de offerte tekent", W, Some(Closed))],
    ),
    (
        "time_words",
        &[("wat vindt u van een demo", W, Some(Closed))],
        &[("wat vindt u van een korting", W, Some(Open))],
    ),
    (
        "tag_blockers",
        &[("het kost wat meer maar toch", W, None)],
        &[("het kost wat meer toch", W, Some(Tag))],
    ),
    // A negation after the named party makes it no ellipsis.
    (
        "negations",
        &[("en uw vennoot nooit", W, None)],
        &[("en uw vennoot dan", W, Some(Open))],
    ),
    // A short lead-in that starts with a subordinator leads into nothing.
    (
        "subordinators",
        &[("als afgesproken, stuurt u de papieren op", W, None)],
        &[("zoals afgesproken, stuurt u de papieren op", W, Some(Closed))],
    ),
    (
        "first_person",
        &[("kan ik u vertellen hoe wij dat aanpakken", W, Some(Closed))],
        &[("kunt u vertellen hoe jullie dat aanpakken", W, Some(Open))],
    ),
    (
        "particles",
        &[("nee hoor dat hoeft niet", W, None)],
        &[("hoor je dat verschil", W, Some(Closed))],
    ),
    (
        "reporting_verbs",
        &[("mijn baas vroeg hoe kunnen we dat betalen", W, None)],
        &[("mijn baas dacht hoe kunnen we dat betalen", W, Some(Open))],
    ),
    (
        "ellipsis_conjunctions",
        &[("en jouw monteurs", W, Some(Open))],
        &[("of jouw monteurs", W, None)],
    ),
    (
        "ellipsis_starts",
        &[("en qua planning", W, Some(Open))],
        &[("en de planning", W, None)],
    ),
    (
        "ellipsis_blockers",
        &[("en jouw weekend ook", W, None)],
        &[("en jouw weekend dan", W, Some(Open))],
    ),
    (
        "imperative_particles",
        &[("stuurt u het maar door", W, None)],
        &[("stuurt u het ook door", W, Some(Closed))],
    ),
    (
        "imperative_soft_particles",
        &[("vult u het formulier even in", W, None)],
        &[("vult u het formulier zelf in", W, Some(Closed))],
    ),
    (
        "imperative_subjects",
        &[("vult u het formulier even in", W, None)],
        &[("vul jij het formulier even in", W, Some(Closed))],
    ),
    (
        "addressee_subjects",
        &[("jullie rijden al met elektrische bussen", W, Some(Closed))],
        &[("zij rijden al met elektrische bussen", W, None)],
    ),
    (
        "state_markers",
        &[("u werkt momenteel met een eigen planner", W, Some(Closed))],
        &[("u werkte vroeger met een eigen planner", W, None)],
    ),
    (
        "check_openers",
        &[("dus u regelt de inkoop zelf", W, Some(Closed))],
        &[("en u regelt de inkoop zelf", W, None)],
    ),
    (
        "declarative_blockers",
        &[("dus u wilt de bus nu huren", W, None)],
        &[("dus u huurt de bus nu", W, Some(Closed))],
    ),
    (
        "addressee_tail_tags",
        &[("jullie doen de administratie zelf zeker", W, Some(Tag))],
        &[("jullie doen de administratie zelf graag", W, None)],
    ),
    (
        "agreement_words",
        &[("dat vind ik ook hè", W, None)],
        &[("dat vind ik lastig hè", W, Some(Tag))],
    ),
    (
        "rate_units",
        &[("de lease kost jullie wat per bus", W, Some(Open))],
        &[("de lease kost jullie wat extra", W, None)],
    ),
    (
        "in_place_rate_words",
        &[("de lease kost jullie wat per bus", W, Some(Open))],
        &[("de lease kost jullie iets per bus", W, None)],
    ),
    (
        "alternative_conjunctions",
        &[("op kantoor of op locatie", W, Some(Closed))],
        &[("op kantoor en op locatie", W, None)],
    ),
    // Phrase classes (`PHRASE_CLASSES`).
    (
        "non_question_openers",
        &[("wie weet wat de prijs volgend jaar doet", W, None)],
        &[("wie bepaalt wat de prijs volgend jaar doet", W, Some(Open))],
    ),
    (
        "final_non_question_openers",
        &[("we leveren dozen tape en wat al niet", W, None)],
        &[("en wat heeft u al niet geprobeerd", W, Some(Open))],
    ),
    (
        "elliptical_openers",
        &[("alles goed daar", W, Some(Closed))],
        &[("alles klaar daar", W, None)],
    ),
    (
        "invitations",
        &[("geef me een beeld van uw vloot", P, Some(Open))],
        &[("geef me een lijst van uw vloot", P, None)],
    ),
    (
        "explain_phrases",
        &[("kunt u de werkwijze toelichten", W, Some(Open))],
        &[("kunt u de werkwijze aanpassen", W, Some(Closed))],
    ),
    (
        "indirect",
        &[("ik zou graag weten hoeveel bussen u heeft", P, Some(Open))],
        &[("ik zou graag zien hoeveel bussen u heeft", P, None)],
    ),
    (
        "proposal_openers",
        &[("wat dacht u van dinsdagochtend", W, Some(Closed))],
        &[("wat vond u van dinsdagochtend", W, Some(Open))],
    ),
    (
        "tags",
        &[("De offerte is binnen, klopt het?", P, Some(Tag))],
        &[("De offerte is binnen, klopt de prijs?", P, Some(Closed))],
    ),
    (
        "tail_tags",
        &[("jullie werken met vaste ploegen of niet", W, Some(Tag))],
        &[("jullie werken met vaste ploegen of zo", W, None)],
    ),
    (
        "ellipsis_phrases",
        &[("en de anderen op kantoor", W, Some(Open))],
        &[("en de dozen op kantoor", W, None)],
    ),
    (
        "repair_initiators",
        &[("wablief", W, Some(Open))],
        &[("welnee", W, None)],
    ),
    (
        "alternative_blockers",
        &[("maandelijks of jaarlijks", W, Some(Closed))],
        &[("vroeg of laat", W, None)],
    ),
    (
        "v1_noun_determiners",
        &[("loopt de levering nog", W, Some(Closed))],
        &[("loopt levering nog", W, None)],
    ),
    (
        "v1_question_adverbs",
        &[("draait die pomp inmiddels", W, Some(Closed))],
        &[("draait die pomp dicht", W, None)],
    ),
];

/// Classes whose effect is on follow-ups or timing, tested through the
/// analyzer below: `(language, class)`.
const VIA_ANALYZER: &[(&str, &str)] = &[
    ("en", "refer_back"),
    ("nl", "refer_back"),
    ("en", "stopwords"),
    ("nl", "stopwords"),
    ("en", "answer_words"),
    ("nl", "answer_words"),
];

/// Shipped, non-empty classes without a case, each with its reason.
const EXEMPT: &[(&str, &str, &str)] = &[
    (
        "en",
        "proposal_auxiliaries",
        "only stops a verb-first conditional, and an English one needs a `conditional_aux` \
         (should, had, were), which \"shall\" is not: no sentence changes",
    ),
    (
        "nl",
        "topic_openers",
        "every entry is a question word + a verb, \"als\" or a modifier, which the \
         question-word head already reads as open: no sentence changes",
    ),
];

fn check(lang: &str, cases: &[Case]) {
    let m = crate::analyzer::LangModel::new(Lexicon::builtin(lang).unwrap()).unwrap();
    let kind = |s: &str, punct: bool| m.questions.classify(s, punct);
    let mut bad = Vec::new();
    for (class, pos, near) in cases {
        for &(s, punct, want) in pos.iter() {
            let got = kind(s, punct);
            if got != want {
                bad.push(format!(
                    "{lang} {class}: {s:?} (punct={punct}) → {got:?}, want {want:?}"
                ));
            }
        }
        for &(s, punct, want) in near.iter() {
            let got = kind(s, punct);
            if got != want {
                bad.push(format!(
                    "{lang} {class} near miss: {s:?} (punct={punct}) → {got:?}, want {want:?}"
                ));
            }
            // A near miss comes out unlike the positive it varies.
            if pos.iter().any(|&(_, _, p)| p == want) {
                bad.push(format!("{lang} {class} near miss: {s:?} expects what a positive does"));
            }
        }
        if pos.is_empty() || near.is_empty() {
            bad.push(format!("{lang} {class}: needs a positive and a near miss"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn english_question_classes_decide_and_near_misses_do_not() {
    check("en", EN);
}

#[test]
fn dutch_question_classes_decide_and_near_misses_do_not() {
    check("nl", NL);
}

/// The follow-up flag of the agent's last question after a customer turn.
fn last_follow_up(lang: &str, customer: &str, question: &str) -> bool {
    let t = crate::Transcript::builder()
        .untimed(
            "A",
            if lang == "nl" {
                "Hoe gaat het?"
            } else {
                "How are things?"
            },
        )
        .untimed("C", customer)
        .untimed("A", question)
        .build();
    let a = crate::Analyzer::new(crate::Config::default().agent("A").language(lang)).unwrap();
    let q = a.analyze(&t).questions.expect("text present");
    let last = q.items.last().expect("a question");
    assert_eq!(last.text, question, "{lang}: {question:?} must be a question");
    last.follow_up
}

#[test]
fn refer_back_makes_a_follow_up_without_a_shared_word() {
    // Positive: the refer-back phrase; near miss: the same question with
    // another verb. The customer's turn shares no content word with either.
    assert!(last_follow_up(
        "en",
        "Fine, thanks.",
        "You mentioned a new depot, when does it open?"
    ));
    assert!(!last_follow_up(
        "en",
        "Fine, thanks.",
        "You opened a new depot, when does it open?"
    ));
    assert!(last_follow_up(
        "nl",
        "Goed, we hebben het erg druk.",
        "U noemde een nieuwe vestiging, wanneer gaat die open?"
    ));
    assert!(!last_follow_up(
        "nl",
        "Goed, we hebben het erg druk.",
        "U opende een nieuwe vestiging, wanneer gaat die open?"
    ));
}

#[test]
fn stopwords_never_make_a_follow_up() {
    // Positive: the only shared word is a stop word; near miss: a word of
    // the same length and use that is not one.
    assert!(!last_follow_up("en", "It is really tricky.", "Is it really?"));
    assert!(last_follow_up("en", "It is truly tricky.", "Is it truly?"));
    assert!(!last_follow_up("nl", "Het is eigenlijk lastig.", "Hoezo eigenlijk?"));
    assert!(last_follow_up("nl", "Het is werkelijk lastig.", "Hoezo werkelijk?"));
}

/// Agent closed questions of a timed call: a statement about the customer,
/// the customer's reply 0.3 s after it.
fn answered_closed(lang: &str, statement: &str, reply: &str) -> usize {
    let t = crate::Transcript::builder()
        .segment("A", 0.0, 3.0, statement)
        .segment("C", 3.3, 6.0, reply)
        .segment(
            "A",
            6.5,
            8.0,
            if lang == "nl" {
                "fijn om te horen"
            } else {
                "good to hear"
            },
        )
        .build();
    let a = crate::Analyzer::new(crate::Config::default().agent("A").language(lang)).unwrap();
    a.analyze(&t).questions.expect("text present").agent.closed
}

#[test]
fn answer_words_make_a_quick_reply_an_answer() {
    assert_eq!(
        answered_closed("en", "you're running two vans on lease", "yeah we are until the summer"),
        1
    );
    assert_eq!(
        answered_closed(
            "en",
            "you're running two vans on lease",
            "mostly we are until the summer"
        ),
        0
    );
    assert_eq!(
        answered_closed("nl", "jullie rijden met twee bestelbussen", "jazeker sinds vorig jaar"),
        1
    );
    assert_eq!(
        answered_closed(
            "nl",
            "jullie rijden met twee bestelbussen",
            "meestal wel sinds vorig jaar"
        ),
        0
    );
}

/// Every class the question rules read, in each language whose list is
/// not empty, has a case above, is tested through the analyzer, or is
/// exempt with a reason; and every case names such a class.
#[test]
fn every_question_class_has_cases() {
    let mut missing = Vec::new();
    for (lang, cases) in [("en", EN), ("nl", NL)] {
        let lex = Lexicon::builtin(lang).unwrap();
        let classes: Vec<(&str, String)> = list_classes().collect();
        for (name, key) in &classes {
            let shipped = !lex.list(key).is_empty();
            let cased = cases.iter().any(|(c, _, _)| c == name);
            let via = VIA_ANALYZER.contains(&(lang, *name));
            let exempt = EXEMPT.iter().any(|&(l, c, _)| l == lang && c == *name);
            if shipped && !(cased || via || exempt) {
                missing.push(format!("{lang}: no case for class {name}"));
            }
            if !shipped && (cased || via || exempt) {
                missing.push(format!("{lang}: class {name} is empty but has a case or exemption"));
            }
        }
        for (c, _, _) in cases.iter() {
            if !classes.iter().any(|(n, _)| n == c) {
                missing.push(format!("{lang}: case for unknown class {c}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
