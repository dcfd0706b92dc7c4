//! NIST RTTM diarisation: `SPEAKER file chan onset dur <NA> <NA> name <NA>
//! <NA>` lines. No text: segments have empty text and the timing is full.
//!
//! - `;;` comment lines and blank lines are skipped; other RTTM record types
//!   (`SPKR-INFO`, `LEXEME`, …) are skipped silently.
//! - Lines of a second recording (another file id) are skipped with a
//!   warning: mixing recordings would make every figure wrong.
//! - ESPnet writes the *end time* in the duration column. That variant is
//!   taken when every such value is at least its onset and reading them as
//!   durations would make more than a fifth of all turn time overlap another
//!   turn, and over twice the overlap of reading them as end times (read as
//!   durations, end times roughly double every turn's end, so later turns
//!   pile up on each other); a warning says so. A real duration file fails
//!   the first test as soon as one turn is shorter than its onset.
//! - Negative, non-finite or absurd times skip the line with a warning.

use super::assemble::MAX_TIME_S;
use crate::{Error, Format, Segment, Transcript, Warning};

struct Row {
    line: usize,
    onset: f64,
    second: f64,
    name: String,
}

/// Parses RTTM text (line ends already normalised to LF, BOM removed).
pub(crate) fn parse(text: &str) -> Result<Transcript, Error> {
    let mut t = Transcript::empty(Format::Rttm);
    let mut rows: Vec<Row> = Vec::new();
    let mut file_id: Option<String> = None;
    let mut other_files = 0usize;
    let mut bad = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() || l.starts_with(";;") || l.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = l.split_whitespace().collect();
        if f[0] != "SPEAKER" {
            if !f[0]
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_' || b == b'/')
            {
                bad += 1;
                push_capped(&mut t.warnings, bad, line, "not an RTTM record; skipped");
            }
            continue;
        }
        if f.len() < 8 {
            bad += 1;
            push_capped(
                &mut t.warnings,
                bad,
                line,
                &format!("SPEAKER line with {} fields (expected 10); skipped", f.len()),
            );
            continue;
        }
        match &file_id {
            None => file_id = Some(f[1].to_string()),
            Some(id) if id != f[1] => {
                other_files += 1;
                continue;
            }
            Some(_) => {}
        }
        let onset = f[3].parse::<f64>().ok();
        let second = f[4].parse::<f64>().ok();
        let ok = |v: Option<f64>| v.filter(|v| v.is_finite() && (0.0..=MAX_TIME_S).contains(v));
        let (Some(onset), Some(second)) = (ok(onset), ok(second)) else {
            bad += 1;
            push_capped(
                &mut t.warnings,
                bad,
                line,
                &format!("unusable onset/duration {:?} {:?}; skipped", f[3], f[4]),
            );
            continue;
        };
        rows.push(Row {
            line,
            onset,
            second,
            name: f[7].to_string(),
        });
    }
    if other_files > 0 {
        t.warnings.push(Warning::new(
            0,
            format!(
                "{other_files} lines belong to other recordings than {:?} and were skipped",
                file_id.as_deref().unwrap_or("")
            ),
        ));
    }
    let end_times = is_end_time_variant(&rows);
    if end_times {
        t.warnings.push(Warning::new(
            0,
            "the fifth column holds end times, not durations (ESPnet variant); read as end times",
        ));
    }
    // Speakers in order of their first turn in time, not in file order.
    rows.sort_by(|a, b| a.onset.total_cmp(&b.onset));
    for r in rows {
        let end = if end_times { r.second } else { r.onset + r.second };
        if end > MAX_TIME_S {
            t.warnings
                .push(Warning::new(r.line, "turn ends beyond 100 hours; skipped"));
            continue;
        }
        let speaker = t.speaker_index(&r.name);
        let mut seg = Segment::new(speaker, Some(r.onset), Some(end), "");
        seg.source_line = r.line;
        t.segments.push(seg);
    }
    Ok(t)
}

fn push_capped(w: &mut Vec<Warning>, n: usize, line: usize, msg: &str) {
    if n <= 20 {
        w.push(Warning::new(line, msg));
    }
}

/// The ESPnet end-time test (see the module docs).
fn is_end_time_variant(rows: &[Row]) -> bool {
    if rows.len() < 2 || rows.iter().any(|r| r.second < r.onset) {
        return false;
    }
    let as_durations = overlap_share(rows.iter().map(|r| (r.onset, r.onset + r.second)));
    let as_ends = overlap_share(rows.iter().map(|r| (r.onset, r.second)));
    as_durations > 0.2 && as_durations > 2.0 * as_ends
}

/// The share of summed turn time that overlaps another turn: (sum of
/// lengths - length of their union) / sum of lengths.
fn overlap_share(turns: impl Iterator<Item = (f64, f64)>) -> f64 {
    let mut v: Vec<(f64, f64)> = turns.collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let sum: f64 = v.iter().map(|(s, e)| (e - s).max(0.0)).sum();
    if sum <= 0.0 {
        return 0.0;
    }
    let mut union = 0.0;
    let mut cur: Option<(f64, f64)> = None;
    for (s, e) in v {
        match cur {
            Some((cs, ce)) if s <= ce => cur = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                union += ce - cs;
                cur = Some((s, e));
            }
            None => cur = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = cur {
        union += ce - cs;
    }
    (sum - union) / sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timing;

    #[test]
    fn reads_speaker_lines_and_skips_comments() {
        let t = parse(
            ";; a comment\nSPEAKER f 1 0.50 1.50 <NA> <NA> spk01 <NA> <NA>\n\nSPKR-INFO f 1 <NA> <NA> <NA> unknown spk01 <NA>\n\
             SPEAKER f 1 0.10 0.20 <NA> <NA> spk00 <NA> <NA>\n",
        )
        .unwrap();
        assert_eq!(t.segments.len(), 2);
        assert_eq!(t.speakers[0].label, "spk00");
        assert_eq!(t.segments[1].end_s, Some(2.0));
        assert_eq!(t.segments[1].text, "");
        assert_eq!(t.timing, Timing::Full);
        assert!(t.warnings.is_empty(), "{:?}", t.warnings);
    }

    #[test]
    fn espnet_end_times_are_detected() {
        let t = parse(
            "SPEAKER f 1 0.5 3.0 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 3.2 6.1 <NA> <NA> b <NA> <NA>\n\
             SPEAKER f 1 6.4 9.0 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 9.3 12.75 <NA> <NA> b <NA> <NA>\n",
        )
        .unwrap();
        assert_eq!(t.segments[2].end_s, Some(9.0));
        assert!(t.warnings[0].message.contains("ESPnet"));
        // Two real turns whose durations happen to exceed their onsets: no
        // self-overlap either way, so they stay durations.
        let t = parse("SPEAKER f 1 0.4 6.64 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 8.68 55.96 <NA> <NA> a <NA> <NA>\n")
            .unwrap();
        assert_eq!(t.segments[1].end_s, Some(8.68 + 55.96));
        assert!(t.warnings.is_empty());
    }

    #[test]
    fn bad_lines_and_other_recordings_are_skipped_with_warnings() {
        let t = parse(
            "SPEAKER f 1 -1 2 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 NaN 2 <NA> <NA> a <NA> <NA>\nSPEAKER f 1 1 2\n\
             SPEAKER f 1 1 2 <NA> <NA> a <NA> <NA>\nSPEAKER g 1 1 2 <NA> <NA> b <NA> <NA>\nhello world\n",
        )
        .unwrap();
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.warnings.len(), 5, "{:?}", t.warnings);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(SPEAKER( [-a-zA-Z0-9.<>e+]{0,8}){0,11}\n|;;[ -~]{0,10}\n|[ -~]{0,20}\n){0,6}") {
            let _ = parse(&s);
        }
    }
}
