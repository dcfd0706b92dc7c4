//! Praat TextGrids (`.TextGrid`), in the long text format (`xmin = 0`,
//! `intervals [1]:`) and the short one (the same values, one per line).
//! Both are the same sequence of values once the labels are dropped, so one
//! reader takes the values in order: the file header, the grid's span, then
//! per tier its class, name, span, count and items. What it decides
//! (docs/formats.md, `## Praat TextGrid`):
//!
//! - Each interval tier is a speaker, named by the tier; intervals with
//!   empty text are pauses, not speech. Point tiers (`TextTier`) mark
//!   events, not speech, and are skipped; so are tiers whose name says they
//!   are not one speaker's words (the shared rule of [`super::tiers`]:
//!   gaze, gesture, translation, phones, …), all listed in one warning.
//!   `ParseOptions::tier_speakers` names a tier's speaker or skips it.
//! - Times are seconds, `Timing::Full`.
//! - The binary TextGrid (`ooBinaryFile`) is refused by name.

use std::collections::BTreeMap;

use super::assemble::{check_times, settle_timing};
use super::tiers::not_speech_word;
use crate::{Error, Format, Segment, Transcript, Warning};

/// One value of the file and the line it is on.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Num(f64),
    Str(String),
    Flag,
}

struct Values {
    items: Vec<(usize, Value)>,
    pos: usize,
    last_line: usize,
}

impl Values {
    fn next(&mut self, expected: &str) -> Result<(usize, Value), Error> {
        match self.items.get(self.pos) {
            Some(v) => {
                self.pos += 1;
                Ok(v.clone())
            }
            None => Err(Error::parse(
                Format::TextGrid,
                self.last_line,
                format!("{expected} (the file ends early)"),
                "",
            )),
        }
    }

    fn num(&mut self, expected: &str) -> Result<(usize, f64), Error> {
        match self.next(expected)? {
            (line, Value::Num(n)) => Ok((line, n)),
            (line, other) => Err(Error::parse(Format::TextGrid, line, expected, &describe(&other))),
        }
    }

    fn string(&mut self, expected: &str) -> Result<(usize, String), Error> {
        match self.next(expected)? {
            (line, Value::Str(s)) => Ok((line, s)),
            (line, other) => Err(Error::parse(Format::TextGrid, line, expected, &describe(&other))),
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Num(n) => n.to_string(),
        Value::Str(s) => format!("\"{s}\""),
        Value::Flag => "<exists>".to_string(),
    }
}

/// The values of a Praat text file: quoted strings (`""` inside is a
/// quote), numbers and `<flags>`; labels (`xmin =`, `item [1]:`) and `!`
/// comments are skipped.
fn values(text: &str) -> Values {
    let mut items = Vec::new();
    let mut line = 1;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '"' => {
                let start_line = line;
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some((_, '"')) => {
                            if chars.peek().is_some_and(|(_, c)| *c == '"') {
                                chars.next();
                                s.push('"');
                            } else {
                                break;
                            }
                        }
                        Some((_, ch)) => {
                            if ch == '\n' {
                                line += 1;
                            }
                            s.push(ch);
                        }
                        // An unclosed string: the file was cut off inside it.
                        None => break,
                    }
                }
                items.push((start_line, Value::Str(s)));
            }
            '!' => {
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            c if c.is_whitespace() => {}
            _ => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_whitespace() || d == '"' {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                let word = &text[i..end];
                if word.starts_with('<') && word.ends_with('>') {
                    items.push((line, Value::Flag));
                } else if word.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') {
                    if let Ok(n) = word.parse::<f64>() {
                        items.push((line, Value::Num(n)));
                    }
                }
            }
        }
    }
    Values {
        items,
        pos: 0,
        last_line: line,
    }
}

/// Most items a count may announce: more than a file of this size can hold
/// is a broken count, not a reason to reserve memory.
fn check_count(n: f64, line: usize, left: usize) -> Result<usize, Error> {
    if n < 0.0 || n.fract() != 0.0 || n > left as f64 {
        return Err(Error::parse(
            Format::TextGrid,
            line,
            "a count of items the file holds",
            &n.to_string(),
        ));
    }
    Ok(n as usize)
}

/// One interval of a speech tier: label, start, end, words, line.
type Raw = (String, Option<f64>, Option<f64>, String, usize);

/// The error for Praat's binary format, which is not read.
pub(crate) fn binary_refusal() -> Error {
    Error::Unsupported {
        path: None,
        name: "A binary Praat TextGrid".into(),
        reason: "save it from Praat as a text file".into(),
    }
}

/// Parses a TextGrid (line ends normalised, BOM removed).
pub(crate) fn parse(text: &str, tier_speakers: &BTreeMap<String, String>) -> Result<Transcript, Error> {
    if text.trim_start().starts_with("ooBinaryFile") {
        return Err(binary_refusal());
    }
    let mut v = values(text);
    let (line, kind) = v.string("File type = \"ooTextFile\"")?;
    if kind != "ooTextFile" {
        return Err(Error::parse(
            Format::TextGrid,
            line,
            "File type = \"ooTextFile\"",
            &kind,
        ));
    }
    let (line, class) = v.string("Object class = \"TextGrid\"")?;
    if class != "TextGrid" {
        return Err(Error::parse(
            Format::TextGrid,
            line,
            "Object class = \"TextGrid\"",
            &class,
        ));
    }
    v.num("the grid's xmin")?;
    v.num("the grid's xmax")?;
    let mut t = Transcript::empty(Format::TextGrid);
    match v.next("tiers? <exists>")? {
        (_, Value::Flag) => {}
        (line, other) => {
            return Err(Error::parse(
                Format::TextGrid,
                line,
                "tiers? <exists>",
                &describe(&other),
            ))
        }
    }
    let left = v.items.len() - v.pos;
    let (line, n) = v.num("the number of tiers")?;
    let tiers = check_count(n, line, left)?;
    let mut skipped = Vec::new();
    let mut raws: Vec<Raw> = Vec::new();
    for _ in 0..tiers {
        let (_, class) = v.string("a tier class (\"IntervalTier\" or \"TextTier\")")?;
        let (_, name) = v.string("a tier name")?;
        v.num("the tier's xmin")?;
        v.num("the tier's xmax")?;
        let left = v.items.len() - v.pos;
        let (line, n) = v.num("the number of intervals or points")?;
        let count = check_count(n, line, left)?;
        let name = name.trim().to_string();
        let label = match (tier_speakers.get(&name), class.as_str()) {
            (Some(l), _) if l.trim().is_empty() => {
                skipped.push(format!("{name:?} (skipped by the config)"));
                None
            }
            (_, "TextTier") => {
                skipped.push(format!("{name:?} (a point tier)"));
                None
            }
            (Some(l), _) => Some(l.trim().to_string()),
            (None, _) => match not_speech_word(&name) {
                Some(w) => {
                    skipped.push(format!("{name:?} (named {w})"));
                    None
                }
                None => Some(name.clone()),
            },
        };
        if class == "TextTier" {
            for _ in 0..count {
                v.num("a point's time")?;
                v.string("a point's mark")?;
            }
            continue;
        }
        if class != "IntervalTier" {
            return Err(Error::parse(
                Format::TextGrid,
                line,
                "a tier class \"IntervalTier\" or \"TextTier\"",
                &class,
            ));
        }
        for _ in 0..count {
            let (line, start) = v.num("an interval's xmin")?;
            let (_, end) = v.num("an interval's xmax")?;
            let (_, words) = v.string("an interval's text")?;
            let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
            if let (Some(label), false) = (&label, words.is_empty()) {
                let (s, e) = check_times(&mut t.warnings, line, "interval", Some(start), Some(end));
                raws.push((label.clone(), s, e, words, line));
            }
        }
    }
    if !skipped.is_empty() {
        t.warnings.push(Warning::new(
            0,
            format!(
                "{} TextGrid tier(s) not read as speech: {}; name a tier under [tiers] in the config to read it",
                skipped.len(),
                skipped.join(", ")
            ),
        ));
    }
    raws.sort_by(|a, b| a.1.unwrap_or(f64::INFINITY).total_cmp(&b.1.unwrap_or(f64::INFINITY)));
    for (label, s, e, words, line) in raws {
        let speaker = t.speaker_index(&label);
        let mut seg = Segment::new(speaker, s, e, words);
        seg.source_line = line;
        t.segments.push(seg);
    }
    settle_timing(&mut t);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    const LONG: &str = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0 \nxmax = 4.5 \ntiers? <exists> \nsize = 3 \nitem []: \n    item [1]:\n        class = \"IntervalTier\" \n        name = \"Sanne\" \n        xmin = 0 \n        xmax = 4.5 \n        intervals: size = 2 \n        intervals [1]:\n            xmin = 0 \n            xmax = 2.25 \n            text = \"Zeg het \"\"maar\"\".\" \n        intervals [2]:\n            xmin = 2.25 \n            xmax = 4.5 \n            text = \"\" \n    item [2]:\n        class = \"TextTier\" \n        name = \"events\" \n        xmin = 0 \n        xmax = 4.5 \n        points: size = 1 \n        points [1]:\n            number = 1 \n            mark = \"click\" \n    item [3]:\n        class = \"IntervalTier\" \n        name = \"Peter\" \n        xmin = 0 \n        xmax = 4.5 \n        intervals: size = 1 \n        intervals [1]:\n            xmin = 2.5 \n            xmax = 4 \n            text = \"Ja.\" \n";

    #[test]
    fn long_format_tiers_are_speakers() {
        let t = parse(LONG, &BTreeMap::new()).unwrap();
        assert_eq!(t.timing, Timing::Full);
        let got: Vec<(&str, f64, &str)> = t
            .segments
            .iter()
            .map(|s| (t.label(s), s.start_s.unwrap(), s.text.as_str()))
            .collect();
        assert_eq!(got, [("Sanne", 0.0, "Zeg het \"maar\"."), ("Peter", 2.5, "Ja.")]);
        assert_eq!(t.segments[1].source_line, 39);
        assert!(t.warnings[0].message.contains("\"events\" (a point tier)"));
    }

    #[test]
    fn short_format_reads_the_same() {
        let short = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\n0\n4.5\n<exists>\n1\n\"IntervalTier\"\n\"Sanne\"\n0\n4.5\n1\n0\n2.25\n\"Zeg het maar.\"\n";
        let t = parse(short, &BTreeMap::new()).unwrap();
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.segments[0].end_s, Some(2.25));
    }

    #[test]
    fn phone_tiers_skip_and_config_reads_them() {
        let text = LONG.replace("\"Peter\"", "\"Peter - phones\"");
        let t = parse(&text, &BTreeMap::new()).unwrap();
        assert_eq!(t.speakers.len(), 1);
        assert!(t.warnings[0].message.contains("\"Peter - phones\" (named phones)"));
        let map: BTreeMap<String, String> = [("Peter - phones".to_string(), "Peter".to_string())].into();
        assert_eq!(parse(&text, &map).unwrap().speakers.len(), 2);
    }

    #[test]
    fn truncated_and_wrong_files_name_their_line() {
        let cut = &LONG[..LONG.find("item [3]").unwrap() + 30];
        let e = parse(cut, &BTreeMap::new()).unwrap_err();
        assert!(e.to_string().contains("the file ends early"), "{e}");
        assert_eq!(e.line(), 33);
        let e = parse(&LONG.replace("size = 3", "size = 900000"), &BTreeMap::new()).unwrap_err();
        assert_eq!(e.line(), 7, "{e}");
        let e = parse(
            "File type = \"ooTextFile\"\nObject class = \"Sound\"\n",
            &BTreeMap::new(),
        )
        .unwrap_err();
        assert_eq!(e.line(), 2);
        assert!(parse("ooBinaryFile\0", &BTreeMap::new())
            .unwrap_err()
            .to_string()
            .contains("binary Praat TextGrid"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n)?([0-9.e-]{1,4}|\"[a-z\"]{0,3}\"?|<exists>|[a-z\\[\\]:=]{1,4}|\n| ){0,30}") {
            let _ = parse(&s, &BTreeMap::new());
        }
    }
}
