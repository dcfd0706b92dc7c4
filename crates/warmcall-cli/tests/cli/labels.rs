//! Speaker labels as real exports write them, end to end: the issue 18
//! case of a Zoom transcript whose display names carry tags.

use crate::util::{records, run, write, Record};

#[test]
fn tagged_and_lower_case_zoom_names_are_speakers_not_unknown() {
    let d = tempfile::tempdir().unwrap();
    let cue = |i: usize, who: &str, text: &str| {
        format!(
            "{}\n00:00:{:02}.000 --> 00:00:{:02}.500\n{who}: {text}\n\n",
            i + 1,
            i * 3,
            i * 3 + 2
        )
    };
    let mut vtt = String::from("WEBVTT\n\n");
    let lines = [
        (
            "Ashlee Kupor (SL)",
            "Hi Gabe, this is Ashlee from Acme, thanks for making the time.",
        ),
        ("gabe l", "Sure, happy to talk."),
        ("Ashlee Kupor (SL) (Host)", "How do you handle invoices today?"),
        ("gabe l", "Mostly by hand, in spreadsheets."),
        ("Ashlee Kupor (SL)", "What does that cost your team each week?"),
        ("gabe l", "A couple of days, honestly."),
    ];
    for (i, (who, text)) in lines.iter().enumerate() {
        vtt.push_str(&cue(i, who, text));
    }
    write(&d.path().join("zoom.vtt"), vtt);
    let r = run(d.path(), &["analyze", "zoom.vtt", "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = records(&r.stdout);
    let Record::Call(c) = &recs[0] else {
        panic!("{:?}", r.stdout)
    };
    let speakers: Vec<&str> = c["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["label"].as_str().unwrap())
        .collect();
    assert_eq!(speakers, ["Ashlee Kupor (SL)", "gabe l"], "{c}");
    // Nobody is "Unknown" and both speak: the figures are about the two
    // named people, whichever the role detector takes for the seller.
    assert_ne!(c["roles"]["agent"], "Unknown", "{c}");
    for s in c["speakers"].as_array().unwrap() {
        assert!(s["speech_s"].as_f64().unwrap() > 0.0, "{s}");
    }
    // The fix the warnings name: --agent with the label as shown.
    let r = run(
        d.path(),
        &["analyze", "zoom.vtt", "-f", "jsonl", "--agent", "Ashlee Kupor (SL)"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let recs = records(&r.stdout);
    let Record::Call(c) = &recs[0] else {
        panic!("{:?}", r.stdout)
    };
    assert_eq!(c["roles"]["agent"], "Ashlee Kupor (SL)", "{c}");
    assert_eq!(c["talk"]["agent_share_of_speech"], 0.5, "{c}");
}
