//! `warmcall convert`: writes a parsed transcript as canonical JSON, WebVTT
//! (`<v Name>` voice spans), SRT (`Name:` prefix) or plain text
//! (`[hh:mm:ss.mmm] Name: text`). Canonical JSON is round-trip safe:
//! parsing what it writes gives the same segments, speakers, times and text.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use warmcall::Transcript;

use crate::args::{ConvertArgs, ConvertFormat};
use crate::output::record::ErrorRecord;
use crate::run::Out;

/// Runs the command.
pub fn run(a: ConvertArgs) -> Result<u8> {
    if let Some(o) = &a.output {
        crate::plan::check_output_not_input(o, std::slice::from_ref(&a.file))?;
    }
    // convert reads no config: tiers follow the default rule.
    let t = match crate::run::read_one(&a.file, a.format_hint.as_deref(), &Default::default())? {
        Ok(t) => t,
        Err(mut e) => {
            if a.redact || a.redact_agents {
                e.message = warmcall::redact::mask(&e.message);
            }
            return Ok(fail(&e));
        }
    };
    let t = if a.redact || a.redact_agents {
        // Who is the customer is decided by the analysis (roles), so the
        // call is analysed once; only the masked transcript is written.
        // The config file is read only here: a plain conversion, often made
        // for re-analysis, never depends on it.
        let flags = crate::args::AnalysisArgs {
            agent: a.agent.clone(),
            redact: a.redact,
            redact_agents: a.redact_agents,
            ..Default::default()
        };
        let analyzer = crate::plan::analyzer(crate::plan::load_config(&flags)?)?;
        let report = analyzer.analyze(&t);
        crate::plan::redact_call(analyzer.config(), t, report, crate::plan::Turns::Shown).0
    } else {
        t
    };
    let text = match write(&t, a.format) {
        Ok(s) => s,
        Err(msg) => {
            let shown = if a.file.as_os_str() == "-" {
                "-".into()
            } else {
                a.file.display().to_string()
            };
            return Ok(fail(&ErrorRecord {
                path: shown,
                line: None,
                kind: "convert",
                message: msg,
            }));
        }
    };
    let mut out = Out::open(a.output.as_deref(), a.mode.mode)?;
    out.write_all(text.as_bytes())?;
    out.commit()?;
    Ok(0)
}

fn fail(e: &ErrorRecord) -> u8 {
    let _ = writeln!(std::io::stderr(), "{}", e.stderr_line());
    1
}

/// The transcript in the target format.
pub fn write(t: &Transcript, f: ConvertFormat) -> Result<String, String> {
    match f {
        ConvertFormat::CanonicalJson => Ok(canonical_json(t)),
        ConvertFormat::Vtt => vtt(t),
        ConvertFormat::Srt => srt(t),
        ConvertFormat::Txt => Ok(txt(t)),
    }
}

#[derive(Serialize)]
struct Canonical<'a> {
    segments: Vec<CanonicalSegment<'a>>,
}

#[derive(Serialize)]
struct CanonicalSegment<'a> {
    speaker: &'a str,
    start: Option<f64>,
    end: Option<f64>,
    text: &'a str,
}

/// `{"segments":[{"speaker","start","end","text"}]}`, pretty-printed; times
/// are `null` when the source has none. serde_json writes the shortest
/// representation that reads back as the same f64, so times round-trip.
pub fn canonical_json(t: &Transcript) -> String {
    let doc = Canonical {
        segments: t
            .segments
            .iter()
            .map(|s| CanonicalSegment {
                speaker: t.label(s),
                start: s.start_s,
                end: s.end_s,
                text: &s.text,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("plain data serialises");
    s.push('\n');
    s
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn needs_times(t: &Transcript, what: &str) -> Result<(), String> {
    if t.segments.iter().any(|s| s.start_s.is_none() || s.end_s.is_none()) {
        return Err(format!(
            "the transcript has segments without times; {what} needs them (use -f canonical-json or -f txt)"
        ));
    }
    Ok(())
}

/// `hh:mm:ss.mmm` (VTT) or `hh:mm:ss,mmm` (SRT).
pub fn timestamp(s: f64, sep: char) -> String {
    let ms = (s.max(0.0) * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}{sep}{:03}",
        ms / 3_600_000,
        (ms / 60_000) % 60,
        (ms / 1000) % 60,
        ms % 1000
    )
}

fn vtt_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn vtt(t: &Transcript) -> Result<String, String> {
    needs_times(t, "WebVTT")?;
    let mut out = String::from("WEBVTT\n");
    for s in &t.segments {
        out.push_str(&format!(
            "\n{} --> {}\n<v {}>{}\n",
            timestamp(s.start_s.unwrap_or(0.0), '.'),
            timestamp(s.end_s.unwrap_or(0.0), '.'),
            vtt_escape(&one_line(t.label(s))),
            vtt_escape(&one_line(&s.text))
        ));
    }
    Ok(out)
}

fn srt(t: &Transcript) -> Result<String, String> {
    needs_times(t, "SRT")?;
    let mut out = String::new();
    for (i, s) in t.segments.iter().enumerate() {
        out.push_str(&format!(
            "{}\n{} --> {}\n{}: {}\n\n",
            i + 1,
            timestamp(s.start_s.unwrap_or(0.0), ','),
            timestamp(s.end_s.unwrap_or(0.0), ','),
            one_line(t.label(s)),
            one_line(&s.text)
        ));
    }
    Ok(out)
}

fn txt(t: &Transcript) -> String {
    let mut out = String::new();
    for s in &t.segments {
        if let Some(st) = s.start_s {
            out.push_str(&format!("[{}] ", timestamp(st, '.')));
        }
        out.push_str(&format!("{}: {}\n", one_line(t.label(s)), one_line(&s.text)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Transcript {
        Transcript::builder()
            .segment("Sam <Acme>", 0.1, 3.25, "Hi & welcome, <b>Jo</b> --> here?")
            .segment("Jo", 3.5, 3725.007, "Fine.\nThanks.")
            .build()
    }

    #[test]
    fn canonical_json_shape_and_exact_times() {
        let s = canonical_json(&sample());
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["segments"][0]["speaker"], "Sam <Acme>");
        assert_eq!(v["segments"][1]["end"].as_f64(), Some(3725.007));
        assert_eq!(v["segments"][1]["text"], "Fine.\nThanks.");
    }

    #[test]
    fn vtt_escapes_markup_and_voices_speakers() {
        let s = vtt(&sample()).unwrap();
        assert!(s.starts_with("WEBVTT\n\n00:00:00.100 --> 00:00:03.250\n<v Sam &lt;Acme&gt;>Hi &amp; welcome"));
        assert!(s.contains("--&gt; here?"));
        assert!(s.contains("01:02:05.007"));
    }

    #[test]
    fn srt_and_txt_lines() {
        let s = srt(&sample()).unwrap();
        assert!(s.starts_with("1\n00:00:00,100 --> 00:00:03,250\nSam <Acme>: Hi"));
        assert!(s.contains("2\n00:00:03,500 --> 01:02:05,007\nJo: Fine. Thanks.\n"));
        let t = txt(&sample());
        assert_eq!(t.lines().nth(1), Some("[00:00:03.500] Jo: Fine. Thanks."));
    }

    #[test]
    fn untimed_transcripts_cannot_become_captions() {
        let t = Transcript::builder().untimed("A", "hello").untimed("B", "hi").build();
        assert!(vtt(&t).is_err());
        assert!(srt(&t).is_err());
        assert_eq!(txt(&t), "A: hello\nB: hi\n");
    }
}
