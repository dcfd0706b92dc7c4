//! A custom tracker added in code: count how often competitors come up, and
//! on which side, in a transcript a dialer built from its own diarised
//! segments (no file involved).
//!
//! ```text
//! cargo run -q -p warmcall --example custom_tracker
//! ```
//!
//! The same tracker in a config file is
//! `[[trackers]] name = "competitor" phrases = ["Salesforce", "HubSpot"]`.
#![allow(clippy::print_stdout)]

use warmcall::report::Role;
use warmcall::{Analyzer, Config, Transcript};

fn main() -> Result<(), warmcall::Error> {
    let config = Config::default()
        .agent("Sam")
        .tracker("competitor", &["Salesforce", "HubSpot", "Pipedrive"])
        .tracker("pricing", &["price", "cost", "budget"]);
    let analyzer = Analyzer::new(config)?;

    // Speaker labels, start and end in seconds, text: what a diariser gives.
    let call = Transcript::builder()
        .segment(
            "Sam",
            0.0,
            4.0,
            "Hi Jo, this is Sam from Acme. What do you use for your pipeline today?",
        )
        .segment(
            "Jo",
            4.6,
            11.0,
            "We moved to HubSpot last year, before that it was Salesforce.",
        )
        .segment("Sam", 11.5, 14.0, "What made you leave Salesforce?")
        .segment(
            "Jo",
            15.8,
            26.0,
            "Mostly the cost. The budget was gone before we had it set up properly.",
        )
        .segment("Sam", 26.4, 29.0, "And how is HubSpot working out for the team?")
        .segment(
            "Jo",
            30.0,
            38.0,
            "Fine for email, but the reporting is weak and nobody trusts the numbers.",
        )
        .build();

    let report = analyzer.analyze(&call);
    println!(
        "{}",
        serde_json::to_string_pretty(&report.trackers).expect("reports serialise")
    );

    // The example runs in CI: check what it claims to show.
    let competitor = report
        .trackers
        .iter()
        .find(|t| t.name == "competitor")
        .expect("the competitor tracker is in the report");
    assert_eq!(competitor.agent, 2, "Sam names Salesforce and HubSpot once each");
    assert_eq!(competitor.customer, 2, "Jo names HubSpot and Salesforce");
    assert!(competitor.hits.iter().all(|h| h.start_s.is_some()));
    assert!(competitor
        .hits
        .iter()
        .any(|h| h.role == Role::Customer && h.phrase == "HubSpot"));
    let pricing = report
        .trackers
        .iter()
        .find(|t| t.name == "pricing")
        .expect("pricing tracker");
    assert_eq!(
        (pricing.agent, pricing.customer),
        (0, 2),
        "'cost' and 'budget', both from Jo"
    );
    Ok(())
}
