//! Custom trackers (SPEC §7): named phrase lists counted per side, with the
//! segment and time of every hit; case-insensitive, whole words only.

use warmcall::report::Role;
use warmcall::{Analyzer, Config, Transcript};

fn call() -> Transcript {
    Transcript::builder()
        .segment(
            "Sam",
            0.0,
            5.0,
            "Hi, this is Sam from Acme. Do you use Salesforce or HubSpot today?",
        )
        .segment(
            "Jo",
            5.5,
            12.0,
            "We moved off SALESFORCE last year; the price per  month was too high.",
        )
        .segment("Sam", 12.5, 16.0, "What did the price increase do to your team?")
        .segment(
            "Jo",
            16.5,
            22.0,
            "Priceless question. The pricing killed it, and hubspot was cheaper.",
        )
        .segment("Sam", 22.5, 25.0, "Mm.")
        .build()
}

fn analyzer(cfg: Config) -> Analyzer {
    Analyzer::new(cfg.agent("Sam")).unwrap()
}

#[test]
fn trackers_count_per_side_with_segment_and_time() {
    let a = analyzer(
        Config::default()
            .tracker("competitor", &["Salesforce", "HubSpot"])
            .tracker("price", &["price", "per month", "price increase"]),
    );
    let r = a.analyze(&call());
    assert_eq!(r.trackers.len(), 2);

    let comp = &r.trackers[0];
    assert_eq!(comp.name, "competitor");
    assert_eq!((comp.agent, comp.customer), (2, 2), "{:#?}", comp.hits);
    let segs: Vec<(usize, Option<f64>, Role, &str)> = comp
        .hits
        .iter()
        .map(|h| (h.segment, h.start_s, h.role, h.phrase.as_str()))
        .collect();
    assert_eq!(
        segs,
        [
            (0, Some(0.0), Role::Agent, "Salesforce"),
            (0, Some(0.0), Role::Agent, "HubSpot"),
            (1, Some(5.5), Role::Customer, "Salesforce"),
            (3, Some(16.5), Role::Customer, "HubSpot"),
        ],
        "case-insensitive; the phrase is reported as configured"
    );

    let price = &r.trackers[1];
    // Customer: "price" and "per  month" (two spaces) in segment 1; not
    // "Priceless" nor "pricing". Agent: "price increase" counted once, not
    // again as "price".
    let hits: Vec<(usize, &str)> = price.hits.iter().map(|h| (h.segment, h.phrase.as_str())).collect();
    assert_eq!(hits, [(1, "price"), (1, "per month"), (2, "price increase")]);
    assert_eq!((price.agent, price.customer), (1, 2));
}

#[test]
fn no_trackers_no_entries_and_a_tracker_without_hits_is_listed() {
    let r = analyzer(Config::default()).analyze(&call());
    assert!(r.trackers.is_empty());
    let r = analyzer(Config::default().tracker("legal", &["lawyer", "GDPR"])).analyze(&call());
    assert_eq!(r.trackers.len(), 1);
    assert_eq!((r.trackers[0].agent, r.trackers[0].customer), (0, 0));
    assert!(r.trackers[0].hits.is_empty());
}

#[test]
fn unicode_phrases_match_whole_words() {
    let t = Transcript::builder()
        .segment(
            "Sam",
            0.0,
            3.0,
            "Guten Tag, hier ist Sam. Was kostet Ihnen das ÜBERSTUNDENPROBLEM?",
        )
        .segment(
            "Jo",
            3.5,
            6.0,
            "Überstunden sind teuer, und die Überstundenregelung auch.",
        )
        .build();
    let r = analyzer(Config::default().tracker("overtime", &["Überstunden", "überstundenproblem"])).analyze(&t);
    let hits: Vec<(usize, &str)> = r.trackers[0]
        .hits
        .iter()
        .map(|h| (h.segment, h.phrase.as_str()))
        .collect();
    assert_eq!(hits, [(0, "überstundenproblem"), (1, "Überstunden")]);
}

#[test]
fn bad_tracker_configs_are_errors() {
    let err = Analyzer::new(Config::default().tracker("empty", &[])).unwrap_err();
    assert!(err.to_string().contains("trackers[0].phrases"), "{err}");
    let err = Analyzer::new(Config::default().tracker("blank", &["  "])).unwrap_err();
    assert!(err.to_string().contains("trackers[0].phrases"), "{err}");
    let err = Analyzer::new(Config::default().tracker("a", &["x"]).tracker("a", &["y"])).unwrap_err();
    assert!(err.to_string().contains("trackers[1].name"), "{err}");
}
