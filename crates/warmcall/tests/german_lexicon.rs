//! Adding a language needs no code (SPEC §4, §7): a config naming a German
//! lexicon file (testdata/lexicon-de/de.toml, via testdata/config/german.toml)
//! makes warmcall detect German and run every text rule with German lists.
#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use common::load_config;
use warmcall::report::Role;
use warmcall::{Analyzer, Transcript};

fn german_analyzer() -> Analyzer {
    let cfg = load_config(common::testdata().join("config/german.toml")).expect("german.toml loads");
    Analyzer::new(cfg.agent("Lena")).expect("the German lexicon compiles")
}

/// A short German discovery call. Lena's "Mhm." and "Genau." are
/// backchannels inside the customer's story: they must not break it.
fn call() -> Transcript {
    Transcript::builder()
        .segment(
            "Lena",
            0.0,
            4.0,
            "Guten Tag, hier ist Lena von Planwerk. Haben Sie kurz Zeit?",
        )
        .segment(
            "Herr Roth",
            4.5,
            7.0,
            "Ja, ein paar Minuten habe ich. Worum geht es denn?",
        )
        .segment(
            "Lena",
            7.5,
            11.0,
            "Wie planen Sie im Moment die Schichten in Ihrem Betrieb?",
        )
        .segment(
            "Herr Roth",
            11.5,
            18.0,
            "Das machen wir noch mit Excel, und das ist ehrlich gesagt sehr mühsam für uns.",
        )
        .segment("Lena", 18.2, 18.6, "Mhm.")
        .segment(
            "Herr Roth",
            18.8,
            24.0,
            "Jede Woche sitze ich einen halben Tag daran, und trotzdem fehlen oft Leute.",
        )
        .segment("Lena", 24.5, 27.0, "Was kostet Sie das im Monat ungefähr?")
        .segment(
            "Herr Roth",
            27.5,
            34.0,
            "Schwer zu sagen, aber die Überstunden sind teuer. Der Preis für eine Lösung müsste stimmen.",
        )
        .segment("Lena", 34.2, 34.6, "Genau.")
        .segment(
            "Herr Roth",
            34.8,
            38.0,
            "Und die Mitarbeiter sind auch nicht zufrieden damit.",
        )
        .segment(
            "Lena",
            38.5,
            42.0,
            "Erzählen Sie mal, wer bei Ihnen über so etwas entscheidet.",
        )
        .segment(
            "Herr Roth",
            42.5,
            46.0,
            "Das entscheide ich zusammen mit meinem Geschäftsführer.",
        )
        .build()
}

#[test]
fn german_is_detected_from_a_lexicon_file() {
    let a = german_analyzer();
    assert!(
        a.languages().any(|l| l == "de"),
        "languages: {:?}",
        a.languages().collect::<Vec<_>>()
    );
    let r = a.analyze(&call());
    println!("language {} ({})", r.source.language, r.source.language_basis);
    assert_eq!(r.source.language, "de", "basis: {}", r.source.language_basis);
    assert!(r.source.language_basis.contains("de "), "{}", r.source.language_basis);
    // The tracker from the same config file counts German words per side.
    let preis = &r.trackers[0];
    assert_eq!(preis.name, "preis");
    assert_eq!((preis.agent, preis.customer), (0, 1), "{:?}", preis.hits);
    assert_eq!(preis.hits[0].role, Role::Customer);
    assert_eq!(preis.hits[0].segment, 7);
}

/// The figures need the metric stages; this is the end-to-end check that
/// German backchannels and questions are recognised from the file's lists.
#[test]
fn german_figures_come_out() {
    let r = german_analyzer().analyze(&call());
    println!(
        "turns {} · agent questions {:?} · talk share {:?}",
        r.turns.count,
        r.questions.as_ref().map(|q| q.agent.total),
        r.talk.agent_share_of_speech
    );
    // Without German backchannels "Mhm." and "Genau." would each break the
    // customer's run: 12 turns instead of 8.
    assert_eq!(
        r.turns.count, 8,
        "German backchannels must not break the customer's turns"
    );
    let q = r.questions.as_ref().expect("questions are measured for German text");
    assert!(
        q.agent.total >= 3,
        "the three '?' questions of Lena at least: {:#?}",
        q.items
    );
    assert!(q.items.iter().all(|i| i.role == Role::Agent || i.segment == 1));
    assert!(r.talk.agent_share_of_speech.is_some_and(|s| s < 0.5));
    assert!(r.score.warmth.is_some());
}
