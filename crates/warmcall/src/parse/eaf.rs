//! ELAN annotation documents (`.eaf`): tiers of annotations whose times are
//! `TIME_SLOT` references in milliseconds. What it does where ELAN leaves
//! room (docs/formats.md, `## ELAN`, says the same for users):
//!
//! - A tier is read as one speaker's speech when it is a top-level tier (no
//!   `PARENT_REF`) whose id and linguistic type name nothing but speech.
//!   Skipped, and listed in one warning when they hold annotations:
//!   dependent tiers (words, glosses, translations hang under the utterance
//!   they describe, so reading them would count its words twice), tiers
//!   whose id starts with `%` (the CHAT habit for dependent tiers), and
//!   tiers whose id or type has a word for something that is not speech
//!   ([`super::tiers::NOT_SPEECH`]: gaze, gesture, translation, comment, …).
//! - `ParseOptions::tier_speakers` (config `[tiers]`) overrides the rule: a
//!   named tier is read under the given speaker label (a dependent tier
//!   too: reference annotations take their times from the annotation they
//!   refer to, through any depth of nesting), and an empty label skips it.
//! - The speaker label is the tier id; the tier's `PARTICIPANT` becomes the
//!   display name when it says something else.
//! - Slots without a `TIME_VALUE` (unaligned, as in subdivisions) take a
//!   time interpolated between the aligned slots around them in
//!   `TIME_ORDER`, as ELAN draws them. Consecutive annotations of one tier
//!   with the same times (a symbolic subdivision into words) are one
//!   segment.
//! - Empty annotations are skipped: an empty box is no speech.

use std::collections::{BTreeMap, HashMap};

use super::assemble::{check_times, settle_timing};
use super::tiers::not_speech_word;
use super::xml;
use crate::{Error, Format, Segment, Transcript, Warning};

/// How an annotation gets its times.
enum Anchor<'a> {
    Slots(&'a str, &'a str),
    Ref(&'a str),
}

/// One annotation read from a speech tier, before speakers are numbered.
struct Raw {
    tier: usize,
    label: String,
    start: Option<f64>,
    end: Option<f64>,
    text: String,
    line: usize,
}

/// Parses an ELAN document (line ends already normalised, BOM removed).
/// `tier_speakers` maps tier ids to speaker labels (empty: skip the tier).
pub(crate) fn parse(text: &str, tier_speakers: &BTreeMap<String, String>) -> Result<Transcript, Error> {
    let doc = xml::document(text, Format::Eaf)?;
    let root = doc.root_element();
    if !root.has_tag_name("ANNOTATION_DOCUMENT") {
        return Err(xml::error_at(
            &doc,
            text,
            root,
            Format::Eaf,
            "an ELAN <ANNOTATION_DOCUMENT> root element",
        ));
    }
    if let Some(header) = xml::children(root, "HEADER").next() {
        let unit = header.attribute("TIME_UNITS").unwrap_or("milliseconds");
        if unit != "milliseconds" {
            return Err(xml::error_at(
                &doc,
                text,
                header,
                Format::Eaf,
                "TIME_UNITS=\"milliseconds\" (the only unit ELAN writes)",
            ));
        }
    }
    let slots = time_slots(&doc, text, root)?;
    let types: HashMap<&str, roxmltree::Node<'_, '_>> = xml::children(root, "LINGUISTIC_TYPE")
        .filter_map(|n| n.attribute("LINGUISTIC_TYPE_ID").map(|id| (id, n)))
        .collect();
    let mut anchors: HashMap<&str, Anchor<'_>> = HashMap::new();
    for a in root.descendants().filter(|n| n.is_element()) {
        let Some(id) = a.attribute("ANNOTATION_ID") else {
            continue;
        };
        if a.has_tag_name("ALIGNABLE_ANNOTATION") {
            let (Some(r1), Some(r2)) = (a.attribute("TIME_SLOT_REF1"), a.attribute("TIME_SLOT_REF2")) else {
                return Err(xml::error_at(
                    &doc,
                    text,
                    a,
                    Format::Eaf,
                    "TIME_SLOT_REF1 and TIME_SLOT_REF2 on an ALIGNABLE_ANNOTATION",
                ));
            };
            anchors.insert(id, Anchor::Slots(r1, r2));
        } else if a.has_tag_name("REF_ANNOTATION") {
            let Some(r) = a.attribute("ANNOTATION_REF") else {
                return Err(xml::error_at(
                    &doc,
                    text,
                    a,
                    Format::Eaf,
                    "ANNOTATION_REF on a REF_ANNOTATION",
                ));
            };
            anchors.insert(id, Anchor::Ref(r));
        }
    }

    let lines = xml::LineIndex::new(text);
    let mut t = Transcript::empty(Format::Eaf);
    let mut skipped: Vec<String> = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    let mut display: HashMap<String, String> = HashMap::new();
    let mut unresolved = 0usize;
    for (ti, tier) in xml::children(root, "TIER").enumerate() {
        let id = tier.attribute("TIER_ID").unwrap_or("").trim();
        let annotations: Vec<_> = xml::children(tier, "ANNOTATION")
            .filter_map(|a| a.children().find(|c| c.is_element()))
            .collect();
        let label = match tier_speakers.get(id) {
            Some(l) if l.trim().is_empty() => {
                if !annotations.is_empty() {
                    skipped.push(format!("{id:?} (skipped by the config)"));
                }
                continue;
            }
            Some(l) => l.trim().to_string(),
            None => match not_speech(tier, &types) {
                Some(why) => {
                    if !annotations.is_empty() {
                        skipped.push(format!("{id:?} ({why})"));
                    }
                    continue;
                }
                None => id.to_string(),
            },
        };
        if label.is_empty() {
            return Err(xml::error_at(&doc, text, tier, Format::Eaf, "a TIER_ID on every tier"));
        }
        if let Some(p) = tier.attribute("PARTICIPANT").map(str::trim) {
            if !p.is_empty() && p != label {
                display.entry(label.clone()).or_insert_with(|| p.to_string());
            }
        }
        for a in annotations {
            let value = xml::children(a, "ANNOTATION_VALUE")
                .next()
                .map(xml::all_text)
                .unwrap_or_default();
            let words = value.split_whitespace().collect::<Vec<_>>().join(" ");
            if words.is_empty() {
                continue;
            }
            let line = lines.line(a);
            let (start, end) = match a.attribute("ANNOTATION_ID").and_then(|id| times(id, &anchors, &slots)) {
                Some((s, e)) => check_times(&mut t.warnings, line, "annotation", Some(s), Some(e)),
                None => {
                    unresolved += 1;
                    (None, None)
                }
            };
            // A symbolic subdivision gives every word its parent's times:
            // one stretch of speech, one segment.
            if let Some(last) = raws.last_mut() {
                if last.tier == ti && start.is_some() && last.start == start && last.end == end {
                    last.text.push(' ');
                    last.text.push_str(&words);
                    continue;
                }
            }
            raws.push(Raw {
                tier: ti,
                label: label.clone(),
                start,
                end,
                text: words,
                line,
            });
        }
    }
    if !skipped.is_empty() {
        t.warnings.push(Warning::new(
            0,
            format!(
                "{} ELAN tier(s) not read as speech: {}; name a tier under [tiers] in the config to read it",
                skipped.len(),
                skipped.join(", ")
            ),
        ));
    }
    if unresolved > 0 {
        t.warnings.push(Warning::new(
            0,
            format!("{unresolved} annotation(s) whose times could not be resolved; kept without times"),
        ));
    }
    if raws.is_empty() {
        return Err(Error::Empty {
            path: None,
            why: if skipped.is_empty() {
                "no ELAN tier holds an annotation with words".to_string()
            } else {
                format!(
                    "no ELAN tier reads as speech (not read: {}); name the speech tiers under [tiers] in the config",
                    skipped.join(", ")
                )
            },
        });
    }
    // Speakers numbered in order of their first words in time.
    raws.sort_by(|a, b| match (a.start, b.start) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    for r in raws {
        let speaker = t.speaker_index(&r.label);
        let mut seg = Segment::new(speaker, r.start, r.end, r.text);
        seg.source_line = r.line;
        t.segments.push(seg);
    }
    for s in &mut t.speakers {
        s.display_name = display.get(&s.label).cloned();
    }
    settle_timing(&mut t);
    Ok(t)
}

/// Why a tier is not speech by the module's rule, or `None` when it is.
fn not_speech(tier: roxmltree::Node<'_, '_>, types: &HashMap<&str, roxmltree::Node<'_, '_>>) -> Option<String> {
    let id = tier.attribute("TIER_ID").unwrap_or("").trim();
    if let Some(parent) = tier.attribute("PARENT_REF") {
        return Some(format!("depends on {parent:?}"));
    }
    if id.starts_with('%') {
        return Some("a %-tier".to_string());
    }
    let type_ref = tier.attribute("LINGUISTIC_TYPE_REF").unwrap_or("");
    if let Some(w) = not_speech_word(id) {
        return Some(format!("named {w}"));
    }
    if let Some(w) = not_speech_word(type_ref) {
        return Some(format!("of type {type_ref:?}, {w}"));
    }
    // A top-level tier of a type that cannot be time-aligned is a broken
    // document by ELAN's rules; its times could not be read anyway.
    if types
        .get(type_ref)
        .and_then(|ty| ty.attribute("TIME_ALIGNABLE"))
        .is_some_and(|a| a == "false")
    {
        return Some(format!("of type {type_ref:?}, not time-alignable"));
    }
    None
}

/// `TIME_ORDER` as seconds per slot id; unaligned slots interpolated
/// between their aligned neighbours in document order.
fn time_slots<'a>(
    doc: &'a roxmltree::Document<'a>,
    text: &str,
    root: roxmltree::Node<'a, 'a>,
) -> Result<HashMap<&'a str, Option<f64>>, Error> {
    let mut order: Vec<(&str, Option<f64>)> = Vec::new();
    for order_node in xml::children(root, "TIME_ORDER") {
        for slot in xml::children(order_node, "TIME_SLOT") {
            let Some(id) = slot.attribute("TIME_SLOT_ID") else {
                return Err(xml::error_at(doc, text, slot, Format::Eaf, "a TIME_SLOT_ID"));
            };
            let value = match slot.attribute("TIME_VALUE") {
                None => None,
                Some(v) => match v.trim().parse::<f64>() {
                    Ok(ms) if ms.is_finite() => Some(ms / 1000.0),
                    _ => {
                        return Err(xml::error_at(
                            doc,
                            text,
                            slot,
                            Format::Eaf,
                            "a TIME_VALUE in milliseconds",
                        ))
                    }
                },
            };
            order.push((id, value));
        }
    }
    let mut out = HashMap::with_capacity(order.len());
    for (i, &(id, v)) in order.iter().enumerate() {
        let v = v.or_else(|| {
            let (pi, prev) = order[..i]
                .iter()
                .enumerate()
                .rev()
                .find_map(|(j, s)| s.1.map(|v| (j, v)))?;
            let (ni, next) = order[i + 1..]
                .iter()
                .enumerate()
                .find_map(|(j, s)| s.1.map(|v| (i + 1 + j, v)))?;
            Some(prev + (next - prev) * (i - pi) as f64 / (ni - pi) as f64)
        });
        out.insert(id, v);
    }
    Ok(out)
}

/// An annotation's start and end, following references (to any depth, a
/// cycle or a dangling reference giving `None`).
fn times(id: &str, anchors: &HashMap<&str, Anchor<'_>>, slots: &HashMap<&str, Option<f64>>) -> Option<(f64, f64)> {
    let mut cur = id;
    for _ in 0..=anchors.len() {
        match anchors.get(cur)? {
            Anchor::Ref(r) => cur = r,
            Anchor::Slots(a, b) => return Some(((*slots.get(a)?)?, (*slots.get(b)?)?)),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    fn doc(tiers: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<ANNOTATION_DOCUMENT FORMAT="3.0" VERSION="3.0">
<HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
<TIME_ORDER>
<TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="0"/>
<TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="1500"/>
<TIME_SLOT TIME_SLOT_ID="ts3"/>
<TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="4500"/>
</TIME_ORDER>
{tiers}
<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="utt" TIME_ALIGNABLE="true"/>
<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="Gesture phases" TIME_ALIGNABLE="true"/>
<LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="words" CONSTRAINTS="Symbolic_Subdivision" TIME_ALIGNABLE="false"/>
</ANNOTATION_DOCUMENT>
"#
        )
    }

    fn tier(id: &str, attrs: &str, annotations: &[(&str, &str, &str, &str)]) -> String {
        let mut s = format!("<TIER TIER_ID=\"{id}\" LINGUISTIC_TYPE_REF=\"utt\" {attrs}>\n");
        for (aid, r1, r2, v) in annotations {
            s += &format!(
                "<ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"{aid}\" TIME_SLOT_REF1=\"{r1}\" TIME_SLOT_REF2=\"{r2}\"><ANNOTATION_VALUE>{v}</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>\n"
            );
        }
        s + "</TIER>\n"
    }

    #[test]
    fn top_level_tiers_are_speakers_and_unaligned_slots_interpolate() {
        let text = doc(&(tier(
            "Agent",
            "PARTICIPANT=\"Sanne\"",
            &[("a1", "ts1", "ts2", "Hello  there.")],
        ) + &tier("Klant", "", &[("a2", "ts3", "ts4", "Hi.")])));
        let t = parse(&text, &BTreeMap::new()).unwrap();
        assert_eq!(t.timing, Timing::Full);
        assert_eq!(t.speakers[0].label, "Agent");
        assert_eq!(t.speakers[0].display_name.as_deref(), Some("Sanne"));
        assert_eq!(t.segments[0].text, "Hello there.");
        // ts3 sits halfway between 1.5 s and 4.5 s.
        assert_eq!(t.segments[1].start_s, Some(3.0));
        assert_eq!(t.segments[1].source_line, 14);
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn non_speech_tiers_are_skipped_by_name_type_and_percent() {
        let gesture = "<TIER TIER_ID=\"Hands\" LINGUISTIC_TYPE_REF=\"Gesture phases\">\
            <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID=\"g\" TIME_SLOT_REF1=\"ts1\" TIME_SLOT_REF2=\"ts2\">\
            <ANNOTATION_VALUE>stroke</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION></TIER>";
        let text = doc(&(tier("A", "", &[("a1", "ts1", "ts2", "Yes.")])
            + &tier("A_gaze", "", &[("a2", "ts1", "ts2", "at B")])
            + &tier("%com", "", &[("a3", "ts1", "ts2", "laughs")])
            + gesture));
        let t = parse(&text, &BTreeMap::new()).unwrap();
        assert_eq!(t.speakers.len(), 1);
        let w = &t.warnings[0].message;
        assert!(w.starts_with("3 ELAN tier(s) not read as speech"), "{w}");
        assert!(
            w.contains("\"A_gaze\" (named gaze)") && w.contains("\"%com\" (a %-tier)"),
            "{w}"
        );
        assert!(w.contains("\"Hands\" (of type \"Gesture phases\", gesture)"), "{w}");
        // Near miss: a word that only contains a marker word is speech.
        let text = doc(&tier("Gazelle Notebaert", "", &[("a1", "ts1", "ts2", "Yes.")]));
        assert_eq!(
            parse(&text, &BTreeMap::new()).unwrap().speakers[0].label,
            "Gazelle Notebaert"
        );
    }

    #[test]
    fn config_maps_tiers_and_references_resolve_through_nesting() {
        let words = "<TIER TIER_ID=\"W\" PARENT_REF=\"A\" LINGUISTIC_TYPE_REF=\"words\">\
            <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"w1\" ANNOTATION_REF=\"a1\"><ANNOTATION_VALUE>ja</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\
            <ANNOTATION><REF_ANNOTATION ANNOTATION_ID=\"w2\" ANNOTATION_REF=\"w1\"><ANNOTATION_VALUE>hoor</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>\
            </TIER>";
        let text = doc(&(tier("A", "", &[("a1", "ts1", "ts2", "")]) + words));
        // By the rule the dependent tier is skipped and A is empty.
        let err = parse(&text, &BTreeMap::new()).unwrap_err();
        assert!(err.to_string().contains("\"W\" (depends on \"A\")"), "{err}");
        let map: BTreeMap<String, String> = [("W".to_string(), "Klant".to_string())].into();
        let t = parse(&text, &map).unwrap();
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.segments[0].text, "ja hoor");
        assert_eq!((t.segments[0].start_s, t.segments[0].end_s), (Some(0.0), Some(1.5)));
        assert_eq!(t.speakers[0].label, "Klant");
        // An empty label skips a tier the rule would read.
        let text = doc(&(tier("A", "", &[("a1", "ts1", "ts2", "x")]) + &tier("B", "", &[("b1", "ts1", "ts2", "y")])));
        let map: BTreeMap<String, String> = [("B".to_string(), String::new())].into();
        let t = parse(&text, &map).unwrap();
        assert_eq!(t.speakers.len(), 1);
        assert!(t.warnings[0].message.contains("\"B\" (skipped by the config)"));
    }

    #[test]
    fn broken_documents_name_their_line() {
        let text = doc(&tier("A", "", &[("a1", "ts1", "ts2", "x")]));
        let cut = &text[..text.find("</TIER>").unwrap()];
        let e = parse(cut, &BTreeMap::new()).unwrap_err();
        assert!(matches!(e, Error::Parse { .. }) && e.line() > 0, "{e}");
        assert!(e.to_string().contains("well-formed XML"), "{e}");
        let bad_slot = text.replace("TIME_VALUE=\"1500\"", "TIME_VALUE=\"soon\"");
        let e = parse(&bad_slot, &BTreeMap::new()).unwrap_err();
        assert_eq!(e.line(), 6, "{e}");
        let e = parse("<TEI><text/></TEI>", &BTreeMap::new()).unwrap_err();
        assert!(e.to_string().contains("ANNOTATION_DOCUMENT"), "{e}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(<[A-Z_]{0,6}( [A-Z_0-9]{1,6}=\"[a-z0-9%]{0,3}\"){0,3}/?>|</[A-Z_]{0,6}>|[a-z ]{0,4}){0,12}") {
            let _ = parse(&s, &BTreeMap::new());
        }
    }
}
