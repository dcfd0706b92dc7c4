//! Every shipped class and signal list, each with sentences it must hit and
//! near misses it must not, in our own phrasing (none from ../shared/eval).

use crate::analyzer::LangModel;
use crate::lexicon::Lexicon;
use crate::rules::{Hits, Tokenizer, Tokens};

/// `(list or @class, hits, near misses)`.
type Case = (&'static str, &'static [&'static str], &'static [&'static str]);

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
            "Just send me the details.",
            "Could you maybe email that over?",
            "Send us your brochure please.",
        ],
        &["I sent them the details last week.", "You can't send people that."],
    ),
    (
        "signals.rejection",
        &[
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
            "Call me back after lunch.",
            "Give me a ring.",
            "Try me again next week.",
        ],
        &["I'll call them back.", "She gave me a ring for my birthday."],
    ),
    (
        "signals.proposal",
        &[
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
        &["I'm not sure yet.", "Let me think.", "I'll sleep on it."],
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
            "Wij lopen er steeds weer tegenaan.",
            "We zoeken iets eenvoudigers.",
            "Ik heb echt hulp nodig.",
            "Het is frustrerend.",
        ],
        &["Wij lopen hard.", "Zoek het maar uit."],
    ),
    (
        "signals.info_request",
        &["Stuur me de folder maar.", "Kunt u dat even mailen?", "Mail het maar."],
        &["Ik heb gisteren gemaild.", "Hij stuurt de bus."],
    ),
    (
        "signals.rejection",
        &[
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
            "Het is me te duur.",
            "Ik heb het nu erg druk.",
            "Onze baas beslist dat.",
        ],
        &["Het is goedkoop.", "Onze baas is op vakantie."],
    ),
    (
        "signals.acceptance",
        &[
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
            "Bel me morgen.",
            "Belt u vanmiddag maar terug.",
            "Kunt u mij volgende week bellen?",
        ],
        &["Ik belde gisteren.", "Hij belt nooit."],
    ),
    (
        "signals.proposal",
        &[
            "Zullen we zeggen donderdag?",
            "Past het dinsdag?",
            "Wat dacht u van maandag?",
        ],
        &["Het paste niet.", "Wat dacht hij?"],
    ),
    (
        "signals.time",
        &["Donderdag dan.", "Om half drie.", "Om 9 uur."],
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
        &["Vrijdag komt me beter uit.", "Woensdagmiddag wel.", "Zaterdag kan ik."],
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
        &["Zeg het maar.", "Ga je gang.", "Het komt prima uit."],
        &["Ga weg.", "Het komt slecht uit."],
    ),
    (
        "signals.negated_want",
        &[
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
            "Over een paar weken.",
            "Na de vakantie.",
            "Volgende maand.",
            "In oktober.",
        ],
        &["Over de brug.", "Na de lunch."],
    ),
    (
        "signals.hesitation",
        &["Ik weet het nog niet.", "Ik moet het even overleggen."],
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
                let mut toks = Tokens::default();
                let r = Tokenizer::new(m.vocab()).push_sentence(s, 0, &mut toks);
                let mut h = Hits::default();
                m.scan(toks.view(r), &mut h);
                h.has(id)
            })
        } else {
            let lm = &lm;
            let id = lm.signals.list_id(target).unwrap_or_else(|| panic!("no list {target}"));
            Box::new(move |s: &str| {
                let mut toks = Tokens::default();
                let r = Tokenizer::new(lm.rules.vocab()).push_sentence(s, 0, &mut toks);
                let mut h = Hits::default();
                lm.rules.scan(toks.view(r), &mut h);
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
