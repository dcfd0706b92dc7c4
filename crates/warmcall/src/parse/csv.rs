//! CSV/TSV transcripts with a header row (SPEC §3): columns named like
//! start/begin, end/stop (or a duration), speaker/participant, text/utterance;
//! comma, tab or semicolon separated; times in seconds, milliseconds or clock
//! notation. Quoting (embedded separators, newlines, doubled quotes) is left
//! to the `csv` crate. The choices are in docs/formats.md, "CSV/TSV".

use crate::parse::timecode::parse_clock;
use crate::{Error, Format, Segment, Timing, Transcript, Warning};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Start,
    End,
    Duration,
    Speaker,
    Text,
}

/// The unit a column header names, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitHint {
    Ms,
    Seconds,
}

const TEXT_WORDS: &[&str] = &[
    "text",
    "utterance",
    "utterances",
    "transcript",
    "transcription",
    "content",
    "sentence",
    "words",
    "annotation",
    "message",
    "caption",
    "tekst",
    "uiting",
];
const SPEAKER_WORDS: &[&str] = &[
    "speaker",
    "participant",
    "spk",
    "spreker",
    "deelnemer",
    "who",
    "name",
    "tier",
    "speakerlabel",
    "speakername",
];
const START_WORDS: &[&str] = &[
    "start",
    "begin",
    "onset",
    "starttime",
    "begintime",
    "tstart",
    "starttijd",
    "begintijd",
];
const END_WORDS: &[&str] = &[
    "end", "stop", "offset", "endtime", "stoptime", "tend", "eind", "einde", "eindtijd",
];
const DURATION_WORDS: &[&str] = &["dur", "duration", "duur", "length"];
/// A channel or role column names the speaker when nothing else does
/// (call-centre exports: `channel` 0/1, `role` agent/customer).
const SPEAKER_FALLBACK_WORDS: &[&str] = &["channel", "role", "party", "author", "kanaal", "rol"];
/// A lone `time` column is a start time when nothing else is.
const TIME_WORDS: &[&str] = &["time", "timestamp", "tijd", "tijdstip"];
const MS_WORDS: &[&str] = &["ms", "msec", "msecs", "millis", "milliseconds", "milliseconden"];
const S_WORDS: &[&str] = &["s", "sec", "secs", "seconds", "seconden"];

/// Lowercase alphanumeric tokens of a header cell (`start_time (ms)` →
/// `start time ms`).
fn tokens(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The role and unit hint of one header cell.
fn classify_column(name: &str) -> (Option<Col>, Option<UnitHint>) {
    let toks = tokens(name);
    // `startMs`, `end_sec`: a role word glued to a unit.
    let split = |t: &str, words: &[&str]| -> Option<Option<UnitHint>> {
        if words.contains(&t) {
            return Some(None);
        }
        words.iter().find_map(|w| {
            let rest = t.strip_prefix(w)?;
            if MS_WORDS.contains(&rest) {
                Some(Some(UnitHint::Ms))
            } else if S_WORDS.contains(&rest) {
                Some(Some(UnitHint::Seconds))
            } else {
                None
            }
        })
    };
    let mut hint = None;
    // ELAN writes `Begin Time - ss.msec` (seconds) and `Begin Time - msec`.
    if toks.iter().any(|t| t == "ss") {
        hint = Some(UnitHint::Seconds);
    } else if toks.iter().any(|t| MS_WORDS.contains(&t.as_str())) {
        hint = Some(UnitHint::Ms);
    } else if toks.iter().any(|t| S_WORDS.contains(&t.as_str())) {
        hint = Some(UnitHint::Seconds);
    }
    for (col, words) in [
        (Col::Text, TEXT_WORDS),
        (Col::Speaker, SPEAKER_WORDS),
        (Col::Start, START_WORDS),
        (Col::End, END_WORDS),
        (Col::Duration, DURATION_WORDS),
    ] {
        for t in &toks {
            if let Some(h) = split(t, words) {
                return (Some(col), h.or(hint));
            }
        }
    }
    (None, hint)
}

/// The separator of a header line: the most frequent of tab, semicolon and
/// comma outside quotes (tab wins ties, then semicolon).
fn separator(line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let seps = [b'\t', b';', b','];
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(2);
    if counts[best] == 0 {
        b','
    } else {
        seps[best]
    }
}

/// Column indices found in a header row.
#[derive(Debug, Default)]
struct Columns {
    start: Option<usize>,
    end: Option<usize>,
    duration: Option<usize>,
    speaker: Option<usize>,
    text: Option<usize>,
    /// Unit named by a time column's header, with that header.
    hint: Option<(UnitHint, String)>,
}

impl Columns {
    fn from_header<'a>(cells: impl IntoIterator<Item = &'a str>) -> Columns {
        let mut c = Columns::default();
        let mut time_fallback = None;
        let mut speaker_fallback = None;
        for (i, name) in cells.into_iter().enumerate() {
            let (role, hint) = classify_column(name);
            let slot = match role {
                Some(Col::Start) => &mut c.start,
                Some(Col::End) => &mut c.end,
                Some(Col::Duration) => &mut c.duration,
                Some(Col::Speaker) => &mut c.speaker,
                Some(Col::Text) => &mut c.text,
                None => {
                    let toks = tokens(name);
                    if time_fallback.is_none() && toks.iter().any(|t| TIME_WORDS.contains(&t.as_str())) {
                        time_fallback = Some((i, hint, name.trim().to_string()));
                    }
                    if speaker_fallback.is_none() && toks.iter().any(|t| SPEAKER_FALLBACK_WORDS.contains(&t.as_str())) {
                        speaker_fallback = Some(i);
                    }
                    continue;
                }
            };
            if slot.is_none() {
                *slot = Some(i);
                if matches!(role, Some(Col::Start | Col::End | Col::Duration)) && c.hint.is_none() {
                    c.hint = hint.map(|h| (h, name.trim().to_string()));
                }
            }
        }
        if c.speaker.is_none() {
            c.speaker = speaker_fallback;
        }
        if c.start.is_none() {
            if let Some((i, hint, name)) = time_fallback {
                c.start = Some(i);
                if c.hint.is_none() {
                    c.hint = hint.map(|h| (h, name));
                }
            }
        }
        c
    }

    fn is_header(&self) -> bool {
        self.text.is_some() && (self.speaker.is_some() || self.start.is_some())
    }
}

/// One time value as written.
#[derive(Debug, Clone, Copy)]
struct Raw {
    value: f64,
    clock: bool,
}

fn parse_time(s: &str) -> Option<Raw> {
    let s = s.trim();
    if s.contains(':') {
        return parse_clock(s).map(|value| Raw { value, clock: true });
    }
    let v: f64 = if s.contains(',') && !s.contains('.') && s.matches(',').count() == 1 {
        s.replace(',', ".").parse().ok()?
    } else {
        s.parse().ok()?
    };
    (v.is_finite() && v >= 0.0).then_some(Raw { value: v, clock: false })
}

struct Row {
    line: usize,
    speaker: String,
    start: Option<Raw>,
    end: Option<Raw>,
    duration: Option<Raw>,
    text: String,
}

/// Parses CSV or TSV with a header row.
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let Some(first) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(Error::Empty {
            path: None,
            why: "the CSV input is empty".into(),
        });
    };
    // Excel may write `sep=;` above the header.
    let (sep, text, skipped_lines) = match first.trim().strip_prefix("sep=") {
        Some(c) if c.len() == 1 || c == "\\t" => {
            let i = text.find(first).unwrap_or(0) + first.len();
            let sep = if c == "\\t" { b'\t' } else { c.as_bytes()[0] };
            let skipped = text[..i].matches('\n').count() + 1;
            (sep, text.get(i + 1..).unwrap_or(""), skipped)
        }
        _ => (separator(first), text, 0),
    };
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let line_of = |p: Option<&::csv::Position>| p.map_or(0, |p| p.line() as usize + skipped_lines);
    let mut rdr = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = rdr.records();
    let header = match records.next() {
        Some(Ok(r)) => r,
        Some(Err(e)) => return Err(Error::parse(Format::Csv, 1, "a header row", &e.to_string())),
        None => return Err(Error::parse(Format::Csv, 1, "a header row", "")),
    };
    let header_line = line_of(header.position()).max(1);
    let cols = Columns::from_header(header.iter());
    if !cols.is_header() {
        return Err(Error::parse(
            Format::Csv,
            header_line,
            "a header row naming a text column (text, utterance, transcript…) and a speaker or start column",
            first,
        ));
    }
    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    let mut first_bad: Option<(usize, String)> = None;
    let width = header.len();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = line_of(e.position());
                warnings.push(Warning::new(line, format!("unreadable row skipped: {e}")));
                first_bad.get_or_insert((line, e.to_string()));
                continue;
            }
        };
        let line = line_of(rec.position());
        let mut bad = |why: String, warnings: &mut Vec<Warning>| {
            warnings.push(Warning::new(line, format!("row skipped: {why}")));
            first_bad.get_or_insert((line, rec.iter().collect::<Vec<_>>().join(sep_name_char(sep))));
        };
        if rec.iter().all(str::is_empty) {
            continue;
        }
        if rec.len() < width && cols.text.is_some_and(|i| i >= rec.len()) {
            bad(
                format!("{} fields where the header has {width}", rec.len()),
                &mut warnings,
            );
            continue;
        }
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
        let text: String = get(cols.text).split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            bad("empty text".into(), &mut warnings);
            continue;
        }
        let speaker = match cols.speaker {
            // The label clean-up every format shares: `@` and role or
            // pronoun tags (`Ann Lee (Host)`) dropped, whitespace collapsed.
            Some(_) => super::labels::clean_label(get(cols.speaker)).unwrap_or_default(),
            None => "Speaker 1".to_string(),
        };
        if speaker.is_empty() {
            bad("empty speaker".into(), &mut warnings);
            continue;
        }
        let mut time = |col: Option<usize>, what: &str, warnings: &mut Vec<Warning>| -> Result<Option<Raw>, ()> {
            if col.is_none() {
                return Ok(None);
            }
            let v = get(col);
            match parse_time(v) {
                Some(r) => Ok(Some(r)),
                None => {
                    let shown = if v.is_empty() {
                        "empty".to_string()
                    } else {
                        format!("{v:?}")
                    };
                    bad(format!("{what} time is {shown}, not a number or hh:mm:ss"), warnings);
                    Err(())
                }
            }
        };
        let Ok(start) = time(cols.start, "start", &mut warnings) else {
            continue;
        };
        let Ok(end) = time(cols.end, "end", &mut warnings) else {
            continue;
        };
        let Ok(duration) = time(cols.duration, "duration", &mut warnings) else {
            continue;
        };
        rows.push(Row {
            line,
            speaker,
            start,
            end,
            duration,
            text,
        });
    }
    if rows.is_empty() {
        let (line, found) = first_bad.unwrap_or((header_line + 1, String::new()));
        return Err(Error::parse(
            Format::Csv,
            line,
            "at least one data row with text (and readable times) after the header",
            &found,
        ));
    }

    let has_start = cols.start.is_some();
    let has_end = cols.end.is_some() || cols.duration.is_some();
    let scale = if has_start || has_end {
        let (scale, why) = choose_unit(&cols, &rows);
        warnings.push(Warning::new(header_line, why));
        scale
    } else {
        warnings.push(Warning::new(
            header_line,
            "no start or end column: segments are untimed (timing none)",
        ));
        1.0
    };

    let mut t = Transcript::empty(Format::Csv);
    for r in rows {
        let conv = |raw: Option<Raw>| raw.map(|r| if r.clock { r.value } else { r.value * scale });
        let start = conv(r.start);
        let end = match (conv(r.end), conv(r.duration), start) {
            (Some(e), _, _) => Some(e),
            (None, Some(d), Some(s)) => Some(s + d),
            _ => None,
        };
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                t.warnings.push(Warning::new(
                    r.line,
                    format!("row skipped: end {e:.3} s is before start {s:.3} s"),
                ));
                continue;
            }
        }
        let speaker = t.speaker_index(&r.speaker);
        t.segments.push(Segment {
            speaker,
            start_s: start,
            end_s: end,
            text: r.text,
            source_line: r.line,
        });
    }
    let mut all = warnings;
    all.append(&mut t.warnings);
    t.warnings = all;
    if t.segments.is_empty() {
        return Err(Error::parse(
            Format::Csv,
            header_line + 1,
            "at least one row whose end is not before its start",
            "",
        ));
    }
    if has_start {
        if let Some(line) = t
            .segments
            .windows(2)
            .find(|w| w[1].start_s < w[0].start_s)
            .map(|w| w[1].source_line)
        {
            t.warnings
                .push(Warning::new(line, "times go backwards here; rows sorted by start time"));
            t.sort_by_start();
        }
    }
    match (has_start, has_end) {
        (true, true) => t.timing = Timing::Full,
        (true, false) => {
            t.infer_ends_from_starts();
            t.warnings.push(Warning::new(
                header_line,
                "no end column: each segment is taken to end where the next one starts (timing start_only)",
            ));
        }
        (false, _) => {
            if has_end {
                t.warnings.push(Warning::new(
                    header_line,
                    "an end column without a start column is ignored (timing none)",
                ));
            }
            for s in &mut t.segments {
                s.start_s = None;
                s.end_s = None;
            }
            t.timing = Timing::None;
        }
    }
    Ok(t)
}

fn sep_name_char(sep: u8) -> &'static str {
    match sep {
        b'\t' => "\t",
        b';' => ";",
        _ => ",",
    }
}

/// Chooses seconds or milliseconds for the numeric time values and says why
/// (SPEC §3): the header's unit when it names one; else milliseconds when
/// every value is within 0.01 of a whole number and the largest is ≥ 1000.
fn choose_unit(cols: &Columns, rows: &[Row]) -> (f64, String) {
    let values: Vec<f64> = rows
        .iter()
        .flat_map(|r| [r.start, r.end, r.duration])
        .flatten()
        .filter(|r| !r.clock)
        .map(|r| r.value)
        .collect();
    if let Some((hint, name)) = &cols.hint {
        return match hint {
            UnitHint::Ms => (
                0.001,
                format!("times read as milliseconds: the header says so ({name:?})"),
            ),
            UnitHint::Seconds => (1.0, format!("times read as seconds: the header says so ({name:?})")),
        };
    }
    if values.is_empty() {
        return (1.0, "times read as clock times (hh:mm:ss)".to_string());
    }
    let max = values.iter().copied().fold(0.0, f64::max);
    let fraction = values.iter().copied().find(|v| (v - v.round()).abs() > 0.01);
    match fraction {
        None if max >= 1000.0 => (
            0.001,
            format!(
                "times read as milliseconds: every time is a whole number (within 0.01) and the largest is {} (≥ 1000)",
                fmt_num(max)
            ),
        ),
        None => (
            1.0,
            format!(
                "times read as seconds: every time is a whole number but the largest is {} (< 1000)",
                fmt_num(max)
            ),
        ),
        Some(v) => (
            1.0,
            format!("times read as seconds: some times have fractions (e.g. {})", fmt_num(v)),
        ),
    }
}

fn fmt_num(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// True when `line` is a header row naming a text column and a speaker or
/// time column.
pub(crate) fn looks_like_header(line: &str) -> bool {
    let sep = separator(line) as char;
    let cells: Vec<&str> = line.split(sep).map(|c| c.trim().trim_matches('"')).collect();
    // Detection without an extension must not take `Speaker 1: Hi, some text`
    // for a header: header cells are short names, not sentences.
    let name_like = |c: &&str| c.chars().count() <= 40 && tokens(c).len() <= 5 && !c.contains(": ");
    cells.len() >= 2 && cells.iter().all(name_like) && Columns::from_header(cells).is_header()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_labels_share_the_clean_up() {
        let t = p("speaker,text\nAnn Lee (Host),Hi.\nBob,Yo.\nAnn Lee,Ok.\n@Bob  ,Fine.\nCo (Acme),Hm.\n");
        let labels: Vec<&str> = t.speakers.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["Ann Lee", "Bob", "Co (Acme)"]);
    }

    fn p(s: &str) -> Transcript {
        parse(s).unwrap()
    }

    fn unit_warning(t: &Transcript) -> &str {
        &t.warnings
            .iter()
            .find(|w| w.message.starts_with("times read as"))
            .expect("unit warning")
            .message
    }

    #[test]
    fn columns() {
        assert_eq!(classify_column("start_ms"), (Some(Col::Start), Some(UnitHint::Ms)));
        assert_eq!(classify_column("Start (ms)"), (Some(Col::Start), Some(UnitHint::Ms)));
        assert_eq!(classify_column("startMs"), (Some(Col::Start), Some(UnitHint::Ms)));
        assert_eq!(classify_column("end_sec"), (Some(Col::End), Some(UnitHint::Seconds)));
        assert_eq!(
            classify_column("Begin Time - ss.msec"),
            (Some(Col::Start), Some(UnitHint::Seconds))
        );
        assert_eq!(
            classify_column("Begin Time - msec"),
            (Some(Col::Start), Some(UnitHint::Ms))
        );
        assert_eq!(classify_column("start_time"), (Some(Col::Start), None));
        assert_eq!(classify_column("Participant"), (Some(Col::Speaker), None));
        assert_eq!(classify_column("Utterance"), (Some(Col::Text), None));
        assert_eq!(classify_column("stop"), (Some(Col::End), None));
        assert_eq!(classify_column("spreker"), (Some(Col::Speaker), None));
        assert_eq!(classify_column("id"), (None, None));
        assert!(looks_like_header("start,end,speaker,text"));
        assert!(looks_like_header("\"Speaker\";\"Begin\";\"Tekst\""));
        assert!(looks_like_header("start\tend\tspk\tutterance"));
        assert!(!looks_like_header("Ann: hello, world"));
        assert!(!looks_like_header("Speaker 1: Hi, I wanted to ask about the text"));
        assert!(!looks_like_header(
            "speaker,text and a very long cell that reads like a sentence of prose"
        ));
        assert!(looks_like_header(
            "Begin Time - ss.msec\tEnd Time - ss.msec\tTier\tAnnotation"
        ));
        assert!(!looks_like_header("id,name,email"));
    }

    #[test]
    fn seconds_ms_and_header_ms() {
        let t = p("start,end,speaker,text\n0.52,2.03,Klant,\"Bakkerij Smit, met Peter.\"\n2.23,11.96,Medewerker,Goedemorgen.\n");
        assert_eq!(t.timing, Timing::Full);
        assert_eq!(t.segments[0].text, "Bakkerij Smit, met Peter.");
        assert_eq!(t.segments[1].start_s, Some(2.23));
        assert!(unit_warning(&t).contains("seconds"), "{}", unit_warning(&t));

        let t = p("start,end,speaker,text\n520,2030,A,Hi.\n2230,16091.999999999998,B,Hello.\n");
        assert!((t.segments[1].end_s.unwrap() - 16.092).abs() < 1e-9);
        assert!(
            unit_warning(&t).contains("milliseconds: every time"),
            "{}",
            unit_warning(&t)
        );

        let t = p("start_ms,end_ms,speaker,text\n5,20,A,Hi.\n30,40,B,Hello.\n");
        assert_eq!(t.segments[1].start_s, Some(0.03));
        assert!(unit_warning(&t).contains("header says so"));

        // Whole numbers below 1000 stay seconds.
        let t = p("start,end,speaker,text\n1,3,A,Hi.\n4,9,B,Hello.\n");
        assert_eq!(t.segments[1].end_s, Some(9.0));
        assert!(unit_warning(&t).contains("< 1000"));
    }

    #[test]
    fn tsv_semicolon_and_clock() {
        let t = p("speaker\tstart\tend\ttext\nA\t1.5\t2\tHi, there.\nB\t2.5\t4\tYes.\n");
        assert_eq!(t.segments[0].text, "Hi, there.");
        assert_eq!(t.segments[0].start_s, Some(1.5));
        let t = p("spreker;begin;eind;tekst\nA;1,5;2,0;Hallo, daar.\nB;2,5;4;Ja.\n");
        assert_eq!(t.segments[0].start_s, Some(1.5));
        assert_eq!(t.segments[0].text, "Hallo, daar.");
        let t = p("start,end,speaker,text\n00:00:01.500,00:00:02.000,A,Hi.\n00:01:00,00:01:02,B,Yes.\n");
        assert_eq!(t.segments[1].start_s, Some(60.0));
        assert!(unit_warning(&t).contains("clock"));
    }

    #[test]
    fn excel_sep_line_and_role_columns() {
        let t = p("sep=;\nchannel;start;end;text\n0;0,5;1;Hallo?\n1;x;2;bad\n1;1,5;3;Goedemiddag.\n");
        assert_eq!(t.speakers[0].label, "0");
        assert_eq!(t.segments[1].start_s, Some(1.5));
        assert!(
            t.warnings.iter().any(|w| w.line == 4 && w.message.contains("skipped")),
            "{:?}",
            t.warnings
        );
        assert!(t
            .warnings
            .iter()
            .any(|w| w.line == 2 && w.message.contains("times read as")));
        let t = p("role,text\nagent,Hi.\ncustomer,Hello.\n");
        assert_eq!(t.speakers[1].label, "customer");
    }

    #[test]
    fn quoting() {
        let t = p("start,end,speaker,text\n0,1,\"Visser, Sanne\",\"She said \"\"no\"\",\nthen left.\"\n1,2,B,Ok.\n");
        assert_eq!(t.speakers[0].label, "Visser, Sanne");
        assert_eq!(t.segments[0].text, "She said \"no\", then left.");
        assert_eq!(t.segments[1].source_line, 4);
    }

    #[test]
    fn bad_rows_are_skipped_with_line() {
        let t =
            p("start,end,speaker,text\n0,1,A,Hi.\nx,2,B,Bad.\n3,2,B,Backwards.\n4\n5,6,,No speaker.\n6,7,B,Fine.\n");
        assert_eq!(t.segments.len(), 2);
        let lines: Vec<usize> = t
            .warnings
            .iter()
            .filter(|w| w.message.contains("skipped"))
            .map(|w| w.line)
            .collect();
        assert_eq!(lines, vec![3, 5, 6, 4]);
    }

    #[test]
    fn missing_time_columns() {
        let t = p("speaker,text\nA,Hi.\nB,Yo.\n");
        assert_eq!(t.timing, Timing::None);
        assert!(t.segments[0].start_s.is_none());
        let t = p("start,speaker,text\n0,A,Hi.\n3,B,Yo.\n");
        assert_eq!(t.timing, Timing::StartOnly);
        assert_eq!(t.segments[0].end_s, Some(3.0));
        let t = p("start,duration,speaker,text\n1,2,A,Hi.\n3,1,B,Yo.\n");
        assert_eq!(t.timing, Timing::Full);
        assert_eq!(t.segments[0].end_s, Some(3.0));
        let t = p("start,end,text\n0,1,Hi.\n");
        assert_eq!(t.speakers[0].label, "Speaker 1");
    }

    #[test]
    fn errors() {
        let e = parse("start,end,speaker,text\nx,y,A,Hi.\n").unwrap_err();
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e:?}");
        let e = parse("start,end,speaker,text\n").unwrap_err();
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e:?}");
        let e = parse("a,b,c\n1,2,3\n").unwrap_err();
        assert!(matches!(e, Error::Parse { line: 1, .. }), "{e:?}");
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        const FIELD: &str = "(|[0-9]{1,5}(\\.[0-9]{1,3})?|00:0[0-9]:[0-5][0-9]|Ann|\"a, b\"|\"x\"\"y\"|x|-1|1e400|NaN)";

        proptest! {
            #[test]
            fn arbitrary_text_never_panics(s in "(?s).{0,300}") {
                let _ = parse(&s);
                let _ = looks_like_header(&s);
            }

            #[test]
            fn parsed_rows_are_consistent(
                header in proptest::sample::select(vec!["start,end,speaker,text", "start_ms,stop,spk,utterance", "time,speaker,text", "speaker,text", "begin;duur;spreker;tekst"]),
                rows in proptest::collection::vec(proptest::collection::vec(FIELD, 0..6), 0..10),
            ) {
                let sep = if header.contains(';') { ";" } else { "," };
                let body: Vec<String> = rows.iter().map(|r| r.join(sep)).collect();
                let src = format!("{header}\n{}\n", body.join("\n"));
                if let Ok(t) = parse(&src) {
                    prop_assert!(!t.segments.is_empty());
                    for s in &t.segments {
                        prop_assert!(!s.text.is_empty());
                        if let (Some(a), Some(b)) = (s.start_s, s.end_s) {
                            prop_assert!(a.is_finite() && b.is_finite() && b >= a);
                        }
                    }
                }
            }
        }
    }
}
