//! Transcriber (`.trs`) XML: `<Turn speaker="spk1" startTime endTime>`
//! holding the words, cut by `<Sync time="…"/>` marks. What it decides
//! (docs/formats.md, `## Transcriber`):
//!
//! - Each stretch between two `Sync` marks (or a mark and the turn's end)
//!   is a segment. The label is the speaker id (`spk1`); the `name` of
//!   `<Speaker>` under `<Speakers>` is the display name.
//! - A turn of two speakers (`speaker="spk1 spk2"`) marks whose words are
//!   whose with `<Who nb="1"/>`: each part goes to its speaker, with the
//!   stretch's times (they overlap, as the speech did).
//! - A turn without a speaker (music, silence) is not speech: skipped, and
//!   counted in a warning when it holds words. `<Event>`, `<Comment>` and
//!   `<Background>` are annotations, not words.

use std::collections::HashMap;

use super::assemble::{check_times, settle_timing};
use super::xml;
use crate::{Error, Format, Segment, Transcript, Warning};

fn time_attr(
    doc: &roxmltree::Document<'_>,
    text: &str,
    node: roxmltree::Node<'_, '_>,
    name: &str,
) -> Result<Option<f64>, Error> {
    match node.attribute(name) {
        None => Ok(None),
        Some(v) => match v.trim().parse::<f64>() {
            Ok(t) if t.is_finite() => Ok(Some(t)),
            _ => Err(xml::error_at(
                doc,
                text,
                node,
                Format::Trs,
                format!("{name} in seconds"),
            )),
        },
    }
}

/// The words from one `Sync` to the next: start, line, and the words of
/// each `Who` part (index into the turn's speakers, words).
type Stretch = (Option<f64>, usize, Vec<(usize, String)>);

/// Parses a Transcriber document (line ends normalised, BOM removed).
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let doc = xml::document(text, Format::Trs)?;
    let root = doc.root_element();
    if !root.has_tag_name("Trans") {
        return Err(xml::error_at(
            &doc,
            text,
            root,
            Format::Trs,
            "a Transcriber <Trans> root element",
        ));
    }
    let lines = xml::LineIndex::new(text);
    let mut t = Transcript::empty(Format::Trs);
    let names: HashMap<&str, &str> = root
        .descendants()
        .filter(|n| n.has_tag_name("Speaker"))
        .filter_map(|n| Some((n.attribute("id")?, n.attribute("name")?)))
        .collect();
    let mut unattributed = 0usize;
    for turn in root.descendants().filter(|n| n.has_tag_name("Turn")) {
        let speakers: Vec<&str> = turn.attribute("speaker").unwrap_or("").split_whitespace().collect();
        let turn_start = time_attr(&doc, text, turn, "startTime")?;
        let turn_end = time_attr(&doc, text, turn, "endTime")?;
        let mut stretches: Vec<Stretch> = vec![(turn_start, lines.line(turn), vec![(0, String::new())])];
        for n in turn.descendants().skip(1) {
            if n.is_text() {
                // Only words directly in the turn: an Event's or Comment's
                // description is not speech.
                if n.parent().is_some_and(|p| p == turn) {
                    let (_, _, parts) = stretches.last_mut().expect("one stretch at least");
                    let (_, words) = parts.last_mut().expect("one part at least");
                    words.push(' ');
                    words.push_str(n.text().unwrap_or(""));
                }
            } else if n.has_tag_name("Sync") {
                let at = time_attr(&doc, text, n, "time")?;
                let who = stretches.last().and_then(|s| s.2.last()).map_or(0, |p| p.0);
                stretches.push((at, lines.line(n), vec![(who, String::new())]));
            } else if n.has_tag_name("Who") {
                let nb = n.attribute("nb").and_then(|v| v.trim().parse::<usize>().ok());
                let Some(nb) = nb.filter(|&nb| nb >= 1) else {
                    return Err(xml::error_at(&doc, text, n, Format::Trs, "nb=\"1\" or higher on <Who>"));
                };
                let (_, _, parts) = stretches.last_mut().expect("one stretch at least");
                parts.push((nb - 1, String::new()));
            }
        }
        let ends: Vec<Option<f64>> = stretches
            .iter()
            .skip(1)
            .map(|s| s.0)
            .chain(std::iter::once(turn_end))
            .collect();
        for ((start, line, parts), end) in stretches.into_iter().zip(ends) {
            for (who, words) in parts {
                let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
                if words.is_empty() {
                    continue;
                }
                let Some(id) = speakers.get(who).or(speakers.first()) else {
                    unattributed += 1;
                    continue;
                };
                let (s, e) = check_times(&mut t.warnings, line, "stretch", start, end);
                let speaker = t.speaker_index(id);
                let mut seg = Segment::new(speaker, s, e, words);
                seg.source_line = line;
                t.segments.push(seg);
            }
        }
    }
    if unattributed > 0 {
        t.warnings.push(Warning::new(
            0,
            format!("{unattributed} stretch(es) of words in turns without a speaker skipped"),
        ));
    }
    for s in &mut t.speakers {
        s.display_name = names
            .get(s.label.as_str())
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && *n != s.label);
    }
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    const TRS: &str = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE Trans SYSTEM "trans-14.dtd">
<Trans scribe="x" audio_filename="call" version="2" version_date="230101">
<Speakers>
<Speaker id="spk1" name="Sanne Visser" check="no" dialect="native" accent="" scope="local"/>
<Speaker id="spk2" name="Peter" check="no" dialect="native" accent="" scope="local"/>
</Speakers>
<Episode>
<Section type="report" startTime="0" endTime="9">
<Turn speaker="spk1" startTime="0" endTime="4">
<Sync time="0"/>
Goedemiddag.
<Sync time="1.5"/>
Hoe gaat <Event desc="breath" type="noise" extent="instantaneous"/> het?
</Turn>
<Turn speaker="spk1 spk2" startTime="4" endTime="6">
<Sync time="4"/>
<Who nb="1"/>
Ja?
<Who nb="2"/>
Goed.
</Turn>
<Turn startTime="6" endTime="9">
<Sync time="6"/>
muziek
</Turn>
</Section>
</Episode>
</Trans>
"#;

    #[test]
    fn syncs_cut_turns_and_who_splits_overlaps() {
        let t = parse(TRS).unwrap();
        assert_eq!(t.timing, Timing::Full);
        let got: Vec<(&str, Option<f64>, Option<f64>, &str)> = t
            .segments
            .iter()
            .map(|s| (t.label(s), s.start_s, s.end_s, s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("spk1", Some(0.0), Some(1.5), "Goedemiddag."),
                ("spk1", Some(1.5), Some(4.0), "Hoe gaat het?"),
                ("spk1", Some(4.0), Some(6.0), "Ja?"),
                ("spk2", Some(4.0), Some(6.0), "Goed."),
            ]
        );
        assert_eq!(t.speakers[0].display_name.as_deref(), Some("Sanne Visser"));
        assert_eq!(t.segments[1].source_line, 13);
        assert_eq!(
            t.warnings[0].message,
            "1 stretch(es) of words in turns without a speaker skipped"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "<Trans>(<Speakers>(<Speaker id=\"s[12]\"( name=\"[a-z]{0,3}\")?/>){0,2}</Speakers>)?(<Turn( speaker=\"s[1-3]( s[12])?\")?( startTime=\"[0-9.x-]{0,3}\")?( endTime=\"[0-9.]{0,3}\")?>(<Sync time=\"[0-9.]{1,3}\"/>|<Who nb=\"[0-3]\"/>|[a-z ]{0,5}){0,4}</Turn>){0,3}</Trans>") {
            let _ = parse(&s);
        }
    }

    #[test]
    fn bad_documents_name_their_line() {
        let e = parse(&TRS.replace("time=\"1.5\"", "time=\"x\"")).unwrap_err();
        assert_eq!(e.line(), 13, "{e}");
        let e = parse(&TRS[..TRS.find("<Turn startTime").unwrap()]).unwrap_err();
        assert!(e.to_string().contains("well-formed XML"), "{e}");
        assert!(parse("<Trans/>").is_ok_and(|t| t.segments.is_empty()));
    }
}
