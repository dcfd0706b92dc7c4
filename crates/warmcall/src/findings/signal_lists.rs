//! Every shipped class and signal list, each with sentences it must hit and
//! near misses it must not, in our own phrasing (none from ../shared/eval).

use crate::analyzer::LangModel;
use crate::lexicon::Lexicon;
use crate::rules::{Hits, Tokens};

/// `(list or @class, hits, near misses)`.
use super::push_lists::Case;

const EN: &[Case] = &[
    // Classes.
    (
        "@weekday",
        &["Sunday suits"],
        &["the weekend suits", "Mondays are hard"],
    ),
    ("@month", &["early in March"], &["early in the spring"]),
    ("@hour_word", &["at eleven"], &["at thirteen"]),
    ("@hour", &["by noon", "at 14", "at 9:45", "about seven"], &["at 300"]),
    (
        "@clock_time",
        &[
            "10:15 then",
            "7 pm",
            "nine o'clock",
            "quarter to six",
            "half eight",
            "eleven thirty",
        ],
        &["half the team", "quarter of them", "9 people"],
    ),
    (
        "@day",
        &["tomorrow it is", "the day after tomorrow", "Friday", "this evening"],
        &["this week", "every day"],
    ),
    (
        "@date",
        &[
            "June 3rd",
            "the 14th of May",
            "2 of October",
            "on the ninth",
            "the third of March",
        ],
        &[
            "June was busy",
            "the 14 of us",
            "for the first time",
            "the second option",
        ],
    ),
    ("@ordinal", &["the ninth", "twenty-first"], &["ninety", "the nine"]),
    ("@few", &["a couple of", "3", "a few"], &["several"]),
    ("@opener", &["erm"], &["look"]),
    ("@agree", &["all right", "yup"], &["alrighty"]),
    ("@reply_no", &["nah"], &["now"]),
    ("@neg_aux", &["mustn't", "needn't"], &["mustn", "must"]),
    ("@neg", &["shouldn't", "not", "cannot"], &["note", "knot"]),
    ("@appeal", &["helpful"], &["helpless"]),
    ("@send", &["forward"], &["forwards"]),
    ("@document", &["price list", "leaflet"], &["price war"]),
    ("@partner", &["director"], &["directory"]),
    // Lists.
    (
        "signals.interest",
        &[
            "That's really clever.",
            "I like the sound of that.",
            "Tell me more.",
            "Interesting.",
            "That would be useful.",
            "That's exactly what we need.",
            "That sounds really rather promising.",
            "I'm interested, go on.",
            "I'd like to hear more.",
            "That could help us.",
        ],
        &[
            "That sounded off to me.",
            "I'm not sure that interests anyone.",
            "That couldn't work.",
        ],
    ),
    (
        "signals.need",
        &[
            "We have a problem with stock.",
            "Too many problems.",
            "Month end is a nightmare.",
            "The printer jams.",
            "It breaks down weekly.",
            "I want less admin.",
            "I'd love to automate it.",
            "We're stuck.",
            "It's a waste.",
            "It hurts us.",
            "It's a pain.",
            "It's a headache.",
            "Staff are burning out.",
            "The tool is not smart enough.",
            "We can't keep up.",
            "I'm buried in invoices.",
            "Orders get lost.",
            "It takes too much time.",
            "It's costing us.",
            "We lose leads.",
            "We're losing staff.",
            "It's frustrating.",
            "It's annoying.",
            "We'd like to grow.",
            "We need a way to plan better, we're looking for a way.",
            "We are looking for something simpler.",
            "I need fewer spreadsheets.",
            "We're struggling with the rota.",
            "It takes us forever.",
        ],
        &["We looked at it once.", "Do you need my email?", "It takes an hour."],
    ),
    (
        "signals.info_request",
        &[
            "If you email it, I'll read it.",
            "Put it in an email.",
            "Some info would help.",
            "Just send me the details.",
            "Could you maybe email that over?",
            "Send us your brochure please.",
        ],
        &["I sent them the details last week.", "You can't send people that."],
    ),
    (
        "signals.rejection",
        &[
            "Not interested.",
            "I'd rather you didn't.",
            "I'd rather not.",
            "No need.",
            "We'll pass.",
            "Take us off your list.",
            "Stop calling.",
            "We're not looking to change.",
            "We're not in the market.",
            "We're happy with our provider.",
            "No we're good.",
            "It's not something we need.",
            "We don't need it.",
            "I don't want it.",
            "Please remove my number.",
            "No thanks.",
            "We are all set, really.",
            "Please don't call again.",
            "That's not for me.",
        ],
        &["Thanks, no.", "We are set to grow.", "I'll call you."],
    ),
    (
        "signals.concern",
        &[
            "What's the cost?",
            "The price is high.",
            "We've already got one.",
            "We're still in a lease.",
            "We're locked in.",
            "Times are tough.",
            "I have no time.",
            "I don't have time.",
            "How do I know it works?",
            "We're busy.",
            "I'm gun-shy.",
            "I'm skeptical.",
            "I'm not sure.",
            "I'm worried.",
            "My concern is support.",
            "I'm in the middle of something.",
            "It sounds expensive.",
            "We already have a supplier.",
            "I'm a bit sceptical.",
            "My manager decides that.",
        ],
        &["It's cheap enough.", "My manager is lovely."],
    ),
    (
        "signals.acceptance",
        &[
            "Works for me.",
            "That would work.",
            "Sounds good.",
            "Let's do it.",
            "Perfect.",
            "Fine.",
            "See you then.",
            "Talk Monday.",
            "Deal.",
            "Happy to.",
            "Yes that one.",
            "That works.",
            "Okay, sure.",
            "Yes please.",
            "Right, go on then.",
            "Book me in for that.",
        ],
        &["That worked once.", "Not on your life."],
    ),
    (
        "signals.callback_request",
        &[
            "Ring me tomorrow.",
            "Call me back after lunch.",
            "Give me a ring.",
            "Try me again next week.",
        ],
        &["I'll call them back.", "She gave me a ring for my birthday."],
    ),
    (
        "signals.proposal",
        &[
            "See you Friday.",
            "Talk tomorrow.",
            "That would suit.",
            "How about noon?",
            "Can we do Monday?",
            "Could we do ten?",
            "Does the morning work?",
            "Shall we?",
            "Thursday suits for me.",
            "Would ten work for you?",
        ],
        &["That doesn't matter.", "We shall see."],
    ),
    (
        "signals.time",
        &["Tuesday then.", "At half past two.", "At ten.", "On the 3rd of June."],
        &["Some time soon.", "At last."],
    ),
    (
        "@day_is",
        &["Saturday's a write-off", "tomorrow's looking good"],
        &["Saturdays are quiet", "the morning's fine"],
    ),
    ("@hour_is", &["ten's perfect"], &["tens of them", "ten is a lot"]),
    ("@suits", &["Friday is ideal"], &["Friday is payday"]),
    ("@unsuited", &["Friday is awkward"], &["Friday is payday"]),
    (
        "signals.time_refused",
        &[
            "Friday looks busy.",
            "Wednesday's no good for us.",
            "Monday won't really work.",
            "Not Friday though.",
            "We can't do Thursday.",
        ],
        &["Wednesday is good.", "Monday will work.", "Not till the spring."],
    ),
    (
        "signals.time_offered",
        &[
            "Wednesday suits.",
            "Friday's free.",
            "Maybe Thursday instead?",
            "But tomorrow could work.",
        ],
        &["Wednesday's full.", "Friday was great.", "But tomorrow's gone."],
    ),
    (
        "signals.bare_no",
        &["Nope.", "No thanks!"],
        &["No, not really.", "Nope, not him."],
    ),
    (
        "signals.negation_start",
        &["Sorry, no.", "Never.", "Not right now, mate."],
        &["I said no.", "Nothing yet.", "Not bad at all."],
    ),
    (
        "signals.go_ahead",
        &[
            "Fire away.",
            "Not at all.",
            "What can I do for you?",
            "Carry on.",
            "It's fine, go on.",
            "You're not disturbing me.",
            "I've got a minute.",
        ],
        &["Go away.", "It's not fine."],
    ),
    (
        "signals.negated_want",
        &[
            "We're pulling out.",
            "We're buying elsewhere.",
            "We're not really after that.",
            "I didn't really want it.",
            "We're going with another firm.",
            "We're sticking with what we have.",
        ],
        &["I'm not sure.", "I wanted it.", "We're going with you."],
    ),
    (
        "signals.clock",
        &["Say eleven?", "Around 4:30.", "At 7pm."],
        &["Say hello.", "About twenty people."],
    ),
    (
        "signals.deferral",
        &[
            "A few weeks from now.",
            "Sometime in spring.",
            "Some time next year.",
            "Call in a couple of weeks.",
            "Later this year maybe.",
            "After Christmas.",
            "Leave it a few months.",
            "In September.",
        ],
        &["In a minute.", "After all.", "Next door."],
    ),
    (
        "signals.hesitation",
        &[
            "I don't know yet.",
            "I need to think it over.",
            "I'm not sure yet.",
            "Let me think.",
            "I'll sleep on it.",
        ],
        &["Sure.", "Let me in."],
    ),
];

const NL: &[Case] = &[
    ("@weekday", &["woensdagavond", "op zaterdag"], &["weekend", "dagelijks"]),
    ("@month", &["in augustus"], &["in de zomer"]),
    ("@hour_word", &["om elf"], &["om dertien"]),
    ("@hour_plural", &["voor negenen"], &["voor negen"]),
    ("@hour", &["om half", "om kwart over", "om 10:45"], &["om wat"]),
    (
        "@clock_time",
        &[
            "10.15",
            "8 uur",
            "zeven uur",
            "kwart voor drie",
            "voor elven",
            "9 uur 's avonds",
        ],
        &["8 mensen", "een half jaar"],
    ),
    (
        "@day",
        &["overmorgen", "donderdagochtend", "vanavond"],
        &["morgens", "gisteren"],
    ),
    (
        "@date",
        &["3 mei", "de 12e juni", "op de negende", "de derde maart"],
        &["de 12 van ons", "voor de eerste keer"],
    ),
    ("@ordinal", &["negende", "eenentwintigste"], &["negen", "twintig"]),
    ("@few", &["een aantal", "paar", "6"], &["veel"]),
    ("@opener", &["tja"], &["zeg"]),
    ("@agree", &["jawel"], &["jammer"]),
    ("@reply_no", &["welnee", "nee hoor"], &["neem"]),
    ("@send", &["opsturen"], &["opstaan"]),
    ("@document", &["prijslijst"], &["prijs"]),
    ("@partner", &["compagnon"], &["compagnie"]),
    ("@appeal", &["aantrekkelijk"], &["aantrekken"]),
    ("@we", &["wij"], &["wie"]),
    (
        "signals.interest",
        &[
            "Dat is wel interessant.",
            "Daar wil ik wel meer over weten.",
            "Interessant.",
            "Is dat iets voor ons?",
            "Daar heb ik wel oren naar.",
            "Dat wil ik wel eens zien.",
            "Dat klinkt eigenlijk best aantrekkelijk.",
            "Lijkt me wel handig.",
            "Vertel eens meer.",
            "Dat spreekt me wel aan.",
        ],
        &["Dat klonk vreemd.", "Vertel het maar aan hem."],
    ),
    (
        "signals.need",
        &[
            "We hebben een probleem.",
            "Veel problemen.",
            "Het is een gedoe.",
            "Het is elke week een puzzel.",
            "Het is een drama.",
            "We willen graag minder papier.",
            "Dat zou al fijn zijn.",
            "De printer is kapot.",
            "Er klopt vaak niks van.",
            "Het loopt in het honderd.",
            "Veel overuren.",
            "We hebben last van storingen.",
            "We hebben behoefte aan overzicht.",
            "Dat kan schelen.",
            "Dat scheelt.",
            "Het is lastig.",
            "Dat is ons knelpunt.",
            "Het kost ons klanten.",
            "We verliezen orders.",
            "Het is irritant.",
            "Het kost te veel tijd.",
            "Wij lopen er steeds weer tegenaan.",
            "We zoeken iets eenvoudigers.",
            "Ik heb echt hulp nodig.",
            "Het is frustrerend.",
        ],
        &["Wij lopen hard.", "Zoek het maar uit."],
    ),
    (
        "signals.info_request",
        &[
            "Zet het maar op de mail.",
            "Per mail graag.",
            "Stuur me de folder maar.",
            "Kunt u dat even mailen?",
            "Mail het maar.",
        ],
        &["Ik heb gisteren gemaild.", "Hij stuurt de bus."],
    ),
    (
        "signals.rejection",
        &[
            "Niet geïnteresseerd.",
            "Hoeft niet.",
            "Ik hoef niks.",
            "Laat maar zitten.",
            "Liever niet.",
            "Bel me niet meer.",
            "Geen behoefte.",
            "Niet voor ons.",
            "We doen het niet.",
            "Ik doe het niet.",
            "Haal me van de lijst.",
            "Niks voor ons.",
            "We zijn al voorzien.",
            "Ik wil er niks mee.",
            "Hoeft voor mij niet.",
            "Stop maar.",
            "Niet nodig.",
            "Nee, dank je.",
            "Geen interesse.",
            "Echt niet.",
            "Daar begin ik niet aan.",
        ],
        &["Interesse heb ik wel.", "Dat is echt niet duur."],
    ),
    (
        "signals.concern",
        &[
            "Wat kost het?",
            "De kosten zijn hoog.",
            "De prijs.",
            "Geen tijd.",
            "We hebben al een leverancier.",
            "We zitten nog vast.",
            "Ons contract loopt nog.",
            "Hoe weet ik dat?",
            "Ik vertrouw het niet.",
            "Ze beloofden veel.",
            "Ze beloven veel.",
            "We gaan verhuizen.",
            "De baas moet het goedkeuren.",
            "Niet in mijn eentje.",
            "We zijn tevreden.",
            "Ik twijfel.",
            "Het is me te duur.",
            "Ik heb het nu erg druk.",
            "Onze baas beslist dat.",
        ],
        &["Het is goedkoop.", "Onze baas is op vakantie."],
    ),
    (
        "signals.acceptance",
        &[
            "Dat is goed.",
            "Nou vooruit.",
            "Vooruit dan.",
            "Afgesproken.",
            "Doen we.",
            "Graag.",
            "Akkoord.",
            "Zeker.",
            "Dat kan.",
            "Is goed.",
            "Zet het maar in de agenda.",
            "Ja dat kan.",
            "Doe maar.",
            "Dat lukt.",
            "Dat lijkt me een prima idee.",
            "Ja hoor.",
            "Regel het dan maar.",
            "Tot vrijdag.",
        ],
        &["Dat lijkt me lastig.", "Tot ziens."],
    ),
    (
        "signals.callback_request",
        &[
            "Bel morgen maar.",
            "Bel me morgen.",
            "Belt u vanmiddag maar terug.",
            "Kunt u mij volgende week bellen?",
        ],
        &["Ik belde gisteren.", "Hij belt nooit."],
    ),
    (
        "signals.proposal",
        &[
            "Tot morgen.",
            "Dat past.",
            "Kan dat?",
            "Kunt u dinsdag?",
            "Zou vrijdag kunnen?",
            "Zullen we zeggen donderdag?",
            "Past het dinsdag?",
            "Wat dacht u van maandag?",
        ],
        &["Het paste niet.", "Wat dacht hij?"],
    ),
    (
        "signals.time",
        &["Op 3 juni.", "Donderdag dan.", "Om half drie.", "Om 9 uur."],
        &["Ooit een keer.", "Om de hoek."],
    ),
    (
        "signals.time_refused",
        &[
            "Vrijdag zit ik helemaal vol.",
            "Woensdag gaat hem niet worden.",
            "Niet op maandag.",
        ],
        &["Vrijdag zit ik thuis.", "Woensdag gaat prima."],
    ),
    (
        "signals.time_offered",
        &[
            "Dinsdag is prima.",
            "Vrijdag schikt.",
            "Vrijdag komt me beter uit.",
            "Woensdagmiddag wel.",
            "Zaterdag kan ik.",
        ],
        &["Vrijdag kwam hij.", "Zaterdag werk ik."],
    ),
    ("signals.bare_no", &["Nee.", "Nee hoor."], &["Nee, dat niet."]),
    (
        "signals.negation_start",
        &["Nou, nee.", "Liever niet.", "Niet nu."],
        &["Ik zei nee.", "Niets."],
    ),
    (
        "signals.go_ahead",
        &[
            "Gaat u uw gang.",
            "U stoort niet.",
            "Helemaal niet.",
            "Ik heb wel even tijd.",
            "Wat kan ik voor u doen?",
            "Zeg het maar.",
            "Ga je gang.",
            "Het komt prima uit.",
        ],
        &["Ga weg.", "Het komt slecht uit."],
    ),
    (
        "signals.negated_want",
        &[
            "Niet geïnteresseerd.",
            "Dat hoeft echt niet.",
            "We gaan er niet mee verder.",
            "We trekken ons terug.",
            "We kopen het elders.",
            "Ik blijf waar ik zit.",
            "Bel me maar niet.",
            "Het heeft echt geen zin.",
            "Geen belangstelling.",
            "We willen niet meer.",
            "Ik wil het niet veranderen.",
            "We gaan met een andere partij verder.",
        ],
        &["We willen graag meer.", "We gaan verder."],
    ),
    (
        "signals.clock",
        &["Om elf.", "Kwart over tien.", "Voor twaalven."],
        &["Om het even.", "Voor iedereen."],
    ),
    (
        "signals.deferral",
        &[
            "Misschien een keer.",
            "Later.",
            "Ergens in het voorjaar.",
            "Over een paar weken.",
            "Na de vakantie.",
            "Volgende maand.",
            "In oktober.",
        ],
        &["Over de brug.", "Na de lunch."],
    ),
    (
        "signals.hesitation",
        &[
            "Ik twijfel nog.",
            "Ik moet er even over nadenken.",
            "Nog even nadenken.",
            "Ik weet het nog niet.",
            "Ik moet het even overleggen.",
        ],
        &["Ik weet het.", "Ik moet weg."],
    ),
];

fn check(lang: &str, cases: &[Case]) {
    let lex = Lexicon::builtin(lang).expect("lexicon");
    let lm = LangModel::new(lex.clone()).expect("rules");
    let mut failures = Vec::new();
    for (target, hits, misses) in cases {
        let list_text = target.to_string();
        let hit: Box<dyn Fn(&str) -> bool> = if let Some(class) = target.strip_prefix('@') {
            // A class is tested through a list that names only it.
            let mut c = crate::rules::compiler(&lex).expect("classes");
            let id = c.add_list("t", &[format!("@{class}")]).expect("class pattern");
            let m = c.finish();
            Box::new(move |s: &str| {
                let toks = Tokens::sentence(m.vocab(), s);
                let mut h = Hits::default();
                m.scan(toks.whole(), &mut h);
                h.has(id)
            })
        } else {
            let lm = &lm;
            let id = lm.signals.list_id(target).unwrap_or_else(|| panic!("no list {target}"));
            Box::new(move |s: &str| {
                let toks = Tokens::sentence(lm.rules.vocab(), s);
                let mut h = Hits::default();
                lm.rules.scan(toks.whole(), &mut h);
                h.has(id)
            })
        };
        for s in *hits {
            if !hit(s) {
                failures.push(format!("{lang} {list_text}: should hit {s:?}"));
            }
        }
        for s in *misses {
            if hit(s) {
                failures.push(format!("{lang} {list_text}: near miss hit {s:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_classes_and_lists_hit_and_near_misses_do_not() {
    check("en", EN);
}

#[test]
fn dutch_classes_and_lists_hit_and_near_misses_do_not() {
    check("nl", NL);
}

/// Every entry of every signal list, compiled on its own, hits one of its
/// list's positive sentences: a pattern nobody wrote a sentence for is
/// untested however many the list has.
#[test]
fn every_signal_entry_has_a_positive() {
    let mut missing = super::push_lists::entries_without_positive("en", EN);
    missing.extend(super::push_lists::entries_without_positive("nl", NL));
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_shipped_class_and_signal_list_has_cases() {
    for (lang, cases) in [("en", EN), ("nl", NL)] {
        let lex = Lexicon::builtin(lang).unwrap();
        let named: Vec<String> = lex
            .names_under("classes.")
            .map(|n| format!("@{}", &n["classes.".len()..]))
            .chain(lex.names_under("signals.").map(str::to_string))
            .collect();
        for n in named {
            assert!(cases.iter().any(|(t, _, _)| *t == n), "{lang}: no cases for {n}");
        }
    }
}
