//! Every JSON, CHAT, RTTM and ELAN file in ../shared/realdata (and the three JSON
//! calls of the eval set) either parses to the speakers, segment counts,
//! speech time per speaker and first/last times below, or fails with an
//! error that says why. The figures were read off the files independently
//! (a throw-away script summing bullet/segment/word times with the grouping
//! rule of docs/formats.md), then checked against the parser.

#![allow(clippy::print_stdout)] // tests print their figures

mod common;

use std::path::{Path, PathBuf};

use warmcall::{Format, Timing, Transcript};

struct Expect {
    path: &'static str,
    format: Format,
    timing: Timing,
    segments: usize,
    first_start: Option<f64>,
    last_end: Option<f64>,
    /// (label, display name, segments, speech seconds)
    speakers: &'static [(&'static str, Option<&'static str>, usize, f64)],
}

const fn e(
    path: &'static str,
    format: Format,
    timing: Timing,
    segments: usize,
    first_start: Option<f64>,
    last_end: Option<f64>,
    speakers: &'static [(&'static str, Option<&'static str>, usize, f64)],
) -> Expect {
    Expect {
        path,
        format,
        timing,
        segments,
        first_start,
        last_end,
        speakers,
    }
}

use Format::*;

#[rustfmt::skip]
const TABLE: &[Expect] = &[
    // Amazon Transcribe: punctuation joined, words grouped at 0.5 s pauses.
    e("realdata/aws-transcribe-tscribe/01-plain.json", AwsJson, Timing::Full, 24, Some(0.49), Some(141.54),
        &[("Speaker 1", None, 24, 109.92)]),
    e("realdata/aws-transcribe-tscribe/02-channel-identification.json", AwsJson, Timing::Full, 24, Some(0.49),
        Some(141.54), &[("ch_1", None, 11, 62.46), ("ch_0", None, 13, 47.53)]),
    e("realdata/aws-transcribe-tscribe/03-speaker-identification.json", AwsJson, Timing::Full, 24, Some(0.49),
        Some(141.54), &[("spk_0", None, 11, 62.46), ("spk_1", None, 10, 28.39), ("spk_2", None, 3, 19.07)]),
    e("realdata/aws-transcribe-tscribe/sample_multiple.json", AwsJson, Timing::Full, 7, Some(1.61), Some(34.25),
        &[("spk_0", None, 4, 16.55), ("spk_1", None, 3, 9.84)]),
    e("realdata/aws-transcribe-tscribe/test_sample.json", AwsJson, Timing::Full, 3, Some(3.43), Some(7.05),
        &[("spk_0", None, 1, 0.66), ("spk_1", None, 2, 0.96)]),
    // Deepgram: utterances when present, else grouped words.
    e("realdata/deepgram-python-captions/dg_speakers.json", DeepgramJson, Timing::Full, 22, Some(3.04),
        Some(163.105), &[("Speaker 0", None, 5, 13.265), ("Speaker 1", None, 12, 37.025), ("Speaker 2", None, 5, 16.505)]),
    e("realdata/deepgram-python-captions/dg_speakers_no_utterances.json", DeepgramJson, Timing::Full, 22, Some(3.04),
        Some(163.105), &[("Speaker 0", None, 5, 13.265), ("Speaker 1", None, 12, 38.08), ("Speaker 2", None, 5, 16.42)]),
    e("realdata/deepgram-python-captions/dg_transcription.json", DeepgramJson, Timing::Full, 6, Some(0.08),
        Some(25.44), &[("Speaker 1", None, 6, 21.785)]),
    e("realdata/deepgram-python-captions/dg_utterances.json", DeepgramJson, Timing::Full, 6, Some(0.08),
        Some(25.44), &[("Speaker 1", None, 6, 21.785)]),
    e("realdata/deepgram-python-captions/dg_whisper_transcription.json", DeepgramJson, Timing::Full, 6, Some(0.06),
        Some(25.56), &[("Speaker 1", None, 6, 21.26)]),
    // AssemblyAI: utterances in ms; `utterances: null` falls back to words.
    e("realdata/deepgram-python-captions/assemblyai_utterances.json", AssemblyaiJson, Timing::Full, 1, Some(0.17),
        Some(25.14), &[("Speaker A", None, 1, 24.97)]),
    e("realdata/deepgram-python-captions/assemblyai_transcription.json", AssemblyaiJson, Timing::Full, 1,
        Some(0.17), Some(25.14), &[("Speaker A", None, 1, 24.97)]),
    // whisper-timestamped: Whisper segments, no speakers.
    e("realdata/deepgram-python-captions/whisper_timestamped.json", WhisperJson, Timing::Full, 4, Some(0.12),
        Some(25.32), &[("Speaker 1", None, 4, 22.84)]),
    // VoxConverse RTTM: no text; speakers in order of their first turn.
    e("realdata/voxconverse/abjxc.rttm", Rttm, Timing::Full, 2, Some(0.4), Some(64.64), &[("spk00", None, 2, 62.6)]),
    e("realdata/voxconverse/evtyi.rttm", Rttm, Timing::Full, 217, Some(1.04), Some(845.08),
        &[("spk00", None, 13, 35.32), ("spk01", None, 204, 575.16)]),
    e("realdata/voxconverse/ioasm.rttm", Rttm, Timing::Full, 149, Some(0.16), Some(472.52),
        &[("spk02", None, 66, 201.64), ("spk01", None, 82, 200.96), ("spk00", None, 1, 8.08)]),
    e("realdata/voxconverse/myjoe.rttm", Rttm, Timing::Full, 166, Some(0.0), Some(566.42),
        &[("spk00", None, 86, 229.18), ("spk01", None, 80, 298.24)]),
    e("realdata/voxconverse/ouvtt.rttm", Rttm, Timing::Full, 201, Some(0.52), Some(718.41),
        &[("spk00", None, 101, 242.82), ("spk01", None, 100, 465.84)]),
    e("realdata/voxconverse/tiido.rttm", Rttm, Timing::Full, 116, Some(0.27), Some(340.81),
        &[("spk00", None, 59, 192.01), ("spk01", None, 57, 124.27)]),
    e("realdata/voxconverse/wprog.rttm", Rttm, Timing::Full, 209, Some(3.72), Some(1200.09),
        &[("spk00", None, 47, 143.86), ("spk01", None, 162, 691.66)]),
    // CABNC CHAT: ms bullets, untimed utterances kept, tier codes as labels.
    e("realdata/cabnc/KB0RE00H.cha", Chat, Timing::Full, 121, Some(57.983), Some(480.653),
        &[("PS007", Some("Alan"), 38, 106.13), ("PS002", Some("Margaret"), 26, 42.99), ("PS008", Some("John"), 38, 160.06),
          ("KB0PSUN", Some("Unknown speaker"), 17, 1.79), ("PS004", Some("Philip"), 2, 1.53)]),
    e("realdata/cabnc/KB0_1.cha", Chat, Timing::None, 158, None, None,
        &[("MAR", Some("Margaret"), 74, 0.0), ("BOB", Some("Bob"), 65, 0.0), ("UNK", Some("Unknown"), 19, 0.0)]),
    e("realdata/cabnc/KB1RE009.cha", Chat, Timing::Full, 47, Some(692.603), Some(774.963),
        &[("PS01A", Some("Albert"), 23, 32.75), ("PS01J", None, 10, 15.05), ("KB1PSUN", Some("Unknown speaker"), 14, 12.27)]),
    e("realdata/cabnc/KB7RE008.cha", Chat, Timing::Full, 324, Some(604.953), Some(1393.913),
        &[("PS02G", Some("Ann"), 122, 226.69), ("PS02K", Some("Jill"), 113, 305.18), ("PS02H", Some("Stuart"), 87, 134.98),
          ("PS001", None, 1, 0.0), ("PS6TB", None, 1, 0.21)]),
    e("realdata/cabnc/KBKRE005.cha", Chat, Timing::Full, 83, Some(1335.895), Some(1857.845),
        &[("PS05X", Some("Chris"), 42, 175.1), ("PS101", Some("Norrine"), 41, 266.14)]),
    e("realdata/cabnc/KC1RE007.cha", Chat, Timing::Full, 361, Some(30.443), Some(1495.093),
        &[("KC1PSUN", Some("Unknown speaker"), 8, 6.12), ("PS09L", Some("Marge"), 48, 150.83), ("PS09K", Some("Rex"), 101, 400.21),
          ("PS09G", Some("Steve"), 81, 285.8), ("PS09E", Some("Frank"), 100, 317.45),
          ("KC1PSUG", Some("Group of unknown speakers"), 13, 0.0), ("PS09H", Some("Gerry"), 10, 168.03)]),
    e("realdata/cabnc/KCFRE00E.cha", Chat, Timing::Full, 19, Some(2330.023), Some(2441.543),
        &[("PS1EN", Some("Iris"), 9, 71.79), ("PS1EM", Some("Herbert"), 4, 0.93), ("PS1EP", Some("Alison"), 6, 12.49)]),
    e("realdata/cabnc/KE4RE007.cha", Chat, Timing::Full, 165, Some(767.345), Some(1128.538),
        &[("PS0WN", Some("Valerie"), 74, 84.78), ("PS0WS", Some("David"), 31, 63.94), ("PS0WR", Some("Jackie"), 14, 13.05),
          ("PS0WP", Some("Peter"), 7, 5.38), ("PS0WU", None, 39, 95.187)]),
    // The awkward CHAT-CA file: odd codes that match no participant.
    e("realdata/scikit-talk/file01.cha", Chat, Timing::Full, 13, Some(0.0), Some(25.746),
        &[("MS. A", None, 7, 14.318), ("BertramKIBBEL", None, 6, 12.14)]),
    // ELAN: the two top-level tiers are the speakers (PARTICIPANT as display
    // name); the dependent words tier under "Aleph Alpha" is not read again.
    e("realdata/scikit-talk/file02.eaf", Eaf, Timing::Full, 8, Some(0.0), Some(9.66),
        &[("Bet Beta", Some("B"), 4, 1.6), ("Aleph Alpha", Some("A"), 4, 3.76)]),
    // Eval calls (segment counts per eval/README.md §3.1).
    e("eval/calls/nl05_kantoorartikelen_whisperx.json", WhisperxJson, Timing::Full, 42, Some(0.86), Some(346.436),
        &[("SPEAKER_00", None, 23, 187.307), ("SPEAKER_01", None, 19, 125.069)]),
    e("eval/calls/en03_business_insurance.json", CanonicalJson, Timing::Full, 28, Some(0.64), Some(192.44),
        &[("Mike", None, 13, 47.98), ("Rachel", None, 15, 129.8)]),
    e("eval/calls/en05_recruitment_assemblyai.json", AssemblyaiJson, Timing::Full, 36, Some(0.92), Some(333.696),
        &[("Speaker A", None, 20, 216.88), ("Speaker B", None, 16, 90.806)]),
];

/// Files that must fail, and a phrase the error must contain.
const ERRORS: &[(&str, &str)] = &[
    (
        "realdata/scikit-talk/dummy_conversation.json",
        "keys [Languages, PID, Participants, UTF8, Utterances, source]",
    ),
    (
        "realdata/scikit-talk/dummy_corpus.json",
        "keys [Conversations, date, type]",
    ),
    (
        "realdata/asr-nl-benchmark/example.stm",
        "NIST STM is a format warmcall does not read",
    ),
    ("realdata/asr-nl-benchmark/stm_with_numbers_and_symbols.stm", "NIST STM"),
    (
        "realdata/asr-nl-benchmark/example.ctm",
        "NIST CTM is a format warmcall does not read",
    ),
    ("realdata/asr-nl-benchmark/ctm_with_numbers_and_symbols.ctm", "NIST CTM"),
    (
        "realdata/asr-nl-benchmark/trn_with_numbers_and_symbols.trn",
        "NIST TRN is a format warmcall does not read",
    ),
];

fn load(rel: &str) -> (PathBuf, Result<Transcript, warmcall::Error>) {
    let path = common::shared_dir().join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let r = warmcall::parse_bytes(&bytes, Some(&path));
    (path, r)
}

fn speech_by_speaker(t: &Transcript) -> Vec<(usize, f64)> {
    let mut v = vec![(0usize, 0.0f64); t.speakers.len()];
    for s in &t.segments {
        v[s.speaker].0 += 1;
        v[s.speaker].1 += s.duration_s().unwrap_or(0.0);
    }
    v
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 0.001,
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn realdata_table() {
    let mut misses = Vec::new();
    for x in TABLE {
        let (_, r) = load(x.path);
        let t = match r {
            Ok(t) => t,
            Err(e) => {
                misses.push(format!("{}: error {e}", x.path));
                continue;
            }
        };
        let first = t.segments.iter().find_map(|s| s.start_s);
        let last = t.segments.iter().filter_map(|s| s.end_s).reduce(f64::max);
        let by = speech_by_speaker(&t);
        println!(
            "{:<62} {:<16} {:?} segs {:>3} first {:?} last {:?}",
            x.path,
            t.format.name(),
            t.timing,
            t.segments.len(),
            first,
            last
        );
        let mut why = Vec::new();
        if t.format != x.format {
            why.push(format!("format {} != {}", t.format, x.format));
        }
        if t.timing != x.timing {
            why.push(format!("timing {:?} != {:?}", t.timing, x.timing));
        }
        if t.segments.len() != x.segments {
            why.push(format!("segments {} != {}", t.segments.len(), x.segments));
        }
        if !close(first, x.first_start) || !close(last, x.last_end) {
            why.push(format!(
                "first/last {first:?}/{last:?} != {:?}/{:?}",
                x.first_start, x.last_end
            ));
        }
        if t.speakers.len() != x.speakers.len() {
            why.push(format!("{} speakers != {}", t.speakers.len(), x.speakers.len()));
        }
        for (i, (label, name, segs, speech)) in x.speakers.iter().enumerate() {
            let Some(sp) = t.speakers.get(i) else { break };
            println!(
                "    {:<16} {:<28} {:>3} segs {:>9.3} s",
                sp.label,
                format!("{:?}", sp.display_name),
                by[i].0,
                by[i].1
            );
            if sp.label != *label || sp.display_name.as_deref() != *name {
                why.push(format!(
                    "speaker {i} {:?}/{:?} != {label:?}/{name:?}",
                    sp.label, sp.display_name
                ));
            }
            if by[i].0 != *segs || (by[i].1 - speech).abs() > 0.001 {
                why.push(format!(
                    "{label}: {} segs {:.3} s != {segs} segs {speech} s",
                    by[i].0, by[i].1
                ));
            }
        }
        if !why.is_empty() {
            misses.push(format!("{}: {}", x.path, why.join("; ")));
        }
    }
    assert!(misses.is_empty(), "\n{}\n", misses.join("\n"));
}

#[test]
fn unreadable_files_fail_with_a_reason() {
    for (rel, phrase) in ERRORS {
        let (path, r) = load(rel);
        let e = r
            .err()
            .unwrap_or_else(|| panic!("{rel} parsed but should not"))
            .to_string();
        println!("{rel}: {e}");
        assert!(e.contains(phrase), "{rel}: {e}");
        assert!(e.contains(&path.display().to_string()), "error names the file: {e}");
    }
    // The scikit-talk dumps are JSON that fits no shape: the error names the
    // shapes warmcall reads.
    let (_, r) = load("realdata/scikit-talk/dummy_conversation.json");
    let e = r.unwrap_err().to_string();
    for shape in ["canonical", "Whisper", "AWS Transcribe", "Deepgram", "AssemblyAI"] {
        assert!(e.contains(shape), "{e}");
    }
}

/// Covers every JSON/CHAT/RTTM file of the realdata folder: each is in the
/// table, in the error list, or (vtt.js expectations: cue lists, not
/// transcripts) fails with the expected-shapes error.
#[test]
fn every_json_cha_rttm_file_is_accounted_for() {
    let root = common::shared_dir();
    let mut files = Vec::new();
    walk(&root.join("realdata"), &mut files);
    let mut vttjs = 0;
    for f in files {
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "json" | "cha" | "rttm") {
            continue;
        }
        let rel = f.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        if TABLE.iter().any(|x| x.path == rel) || ERRORS.iter().any(|x| x.0 == rel) {
            continue;
        }
        assert!(rel.starts_with("realdata/vttjs-tests/"), "{rel} is in neither table");
        let (_, r) = load(&rel);
        let e = r.err().unwrap_or_else(|| panic!("{rel} parsed")).to_string();
        assert!(e.contains("expected canonical"), "{rel}: {e}");
        vttjs += 1;
    }
    println!("{vttjs} vtt.js expectation files rejected with the expected-shapes error");
    assert!(vttjs > 50);
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn deepgram_words_and_utterances_agree() {
    let (_, a) = load("realdata/deepgram-python-captions/dg_speakers.json");
    let (_, b) = load("realdata/deepgram-python-captions/dg_speakers_no_utterances.json");
    let (a, b) = (a.unwrap(), b.unwrap());
    let la: Vec<&str> = a.speakers.iter().map(|s| s.label.as_str()).collect();
    let lb: Vec<&str> = b.speakers.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(la, lb);
    // Deepgram cut this file's utterances at pauses of 0.3 s; warmcall cuts
    // words at pauses over 0.5 s, so a few pauses of 0.3-0.5 s count as
    // speech: per speaker within 3 %, in total within 2 %.
    let (sa, sb) = (speech_by_speaker(&a), speech_by_speaker(&b));
    let (ta, tb): (f64, f64) = (sa.iter().map(|x| x.1).sum(), sb.iter().map(|x| x.1).sum());
    for (i, label) in la.iter().enumerate() {
        let rel = (sa[i].1 - sb[i].1).abs() / sa[i].1;
        println!(
            "{label}: utterances {:.3} s, words {:.3} s ({:.1} %)",
            sa[i].1,
            sb[i].1,
            rel * 100.0
        );
        assert!(rel <= 0.03, "{label}");
    }
    println!("total: {ta:.3} s vs {tb:.3} s");
    assert!((ta - tb).abs() / ta <= 0.02);
    // Same text, word for word.
    let words = |t: &Transcript| t.segments.iter().map(|s| s.text.clone()).collect::<Vec<_>>().join(" ");
    assert_eq!(words(&a), words(&b));
}

#[test]
fn aws_text_and_two_channels() {
    let (_, t) = load("realdata/aws-transcribe-tscribe/test_sample.json");
    let t = t.unwrap();
    let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
    // The punctuation items have no times and join the word before them.
    assert_eq!(texts, vec!["is this on", "yet?", "Great."]);
    let (_, t) = load("realdata/aws-transcribe-tscribe/02-channel-identification.json");
    assert_eq!(t.unwrap().speakers.len(), 2);
}

#[test]
fn chat_text_is_clean() {
    let (_, t) = load("realdata/cabnc/KB7RE008.cha");
    let t = t.unwrap();
    assert_eq!(t.segments[1].text, "They don't make them any more do they.");
    assert_eq!(t.language.as_deref(), Some("en"));
    assert!(
        t.segments.iter().any(|s| s.text.is_empty()),
        "0 . placeholders are kept as empty segments"
    );
    let (_, t) = load("realdata/scikit-talk/file01.cha");
    let t = t.unwrap();
    let texts: Vec<&str> = t.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts[0], "first line of utterance,");
    assert!(
        texts.contains(&"hm irandomtext, randomtext randomtext for"),
        "{texts:?}"
    );
    assert!(texts.contains(&"spaced with multiple spacers"), "{texts:?}");
    for s in &texts {
        assert!(
            !s.contains(['⌈', '⌉', '⌊', '⌋', 'â', '(', ':', '\u{15}']),
            "markup left in {s:?}"
        );
    }
    let pauses: Vec<f64> = t.pauses.iter().map(|p| p.duration_s).collect();
    assert_eq!(pauses, vec![0.3, 0.3, 0.1, 1.3, 0.2, 0.2, 1.4, 0.1, 2.4]);
    let (_, t) = load("realdata/cabnc/KB0_1.cha");
    let t = t.unwrap();
    assert!(t.warnings.iter().any(|w| w.message.contains("inconsistent time units")));
    assert_eq!(t.segments[0].text, "You enjoyed yourself in America");
}

/// Data-driven: every fixture in testdata/json, testdata/chat and
/// testdata/rttm parses to the `NAME.expected.json` beside it (format,
/// timing, language, speakers, segments, pauses when listed, warnings that
/// must appear), or fails with an error containing `error_contains`.
#[test]
fn fixtures_match_their_expected_parse() {
    let mut n = 0;
    for dir in ["json", "chat", "rttm"] {
        let dir = common::testdata().join(dir);
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
            .collect();
        inputs.sort();
        for input in inputs {
            check_fixture(&input);
            n += 1;
        }
    }
    println!("{n} fixtures checked");
    assert!(n >= 9);
}

fn check_fixture(input: &Path) {
    let name = input.display().to_string();
    let stem = input.file_stem().unwrap().to_string_lossy();
    let expected_path = input.with_file_name(format!("{stem}.expected.json"));
    let want: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&expected_path).unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
    )
    .unwrap();
    let r = warmcall::parse_bytes(&std::fs::read(input).unwrap(), Some(input));
    if let Some(phrases) = want.get("error_contains") {
        let e = r
            .err()
            .unwrap_or_else(|| panic!("{name} parsed but should fail"))
            .to_string();
        for p in phrases.as_array().unwrap() {
            assert!(e.contains(p.as_str().unwrap()), "{name}: {e}");
        }
        return;
    }
    let t = r.unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(t.format.name(), want["format"], "{name}: format");
    assert_eq!(
        serde_json::to_value(t.timing).unwrap(),
        want["timing"],
        "{name}: timing"
    );
    assert_eq!(
        serde_json::to_value(&t.language).unwrap(),
        want["language"],
        "{name}: language"
    );
    let speakers: Vec<serde_json::Value> = t
        .speakers
        .iter()
        .map(|s| serde_json::json!({"label": s.label, "display_name": s.display_name}))
        .collect();
    assert_eq!(serde_json::Value::Array(speakers), want["speakers"], "{name}: speakers");
    let want_segs = want["segments"].as_array().unwrap();
    assert_eq!(t.segments.len(), want_segs.len(), "{name}: segment count");
    for (i, (s, w)) in t.segments.iter().zip(want_segs).enumerate() {
        assert_eq!(t.label(s), w["speaker"], "{name} segment {i}: speaker");
        assert_eq!(s.text, w["text"], "{name} segment {i}: text");
        for (got, key) in [(s.start_s, "start"), (s.end_s, "end")] {
            match (got, w[key].as_f64()) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-6, "{name} segment {i}: {key} {a} != {b}"),
                (None, None) => {}
                (a, b) => panic!("{name} segment {i}: {key} {a:?} != {b:?}"),
            }
        }
    }
    if let Some(pauses) = want.get("pauses") {
        let got: Vec<serde_json::Value> = t
            .pauses
            .iter()
            .map(|p| serde_json::json!({"after_segment": p.after_segment, "duration_s": p.duration_s}))
            .collect();
        assert_eq!(&serde_json::Value::Array(got), pauses, "{name}: pauses");
    }
    for phrase in want
        .get("warnings_contain")
        .and_then(|w| w.as_array())
        .into_iter()
        .flatten()
    {
        let phrase = phrase.as_str().unwrap();
        assert!(
            t.warnings.iter().any(|w| w.message.contains(phrase)),
            "{name}: no warning with {phrase:?} in {:?}",
            t.warnings
        );
    }
}

/// The agent label of each JSON eval call (its sidecar's `agent`) is one of
/// the parsed speakers, exactly as written.
#[test]
fn eval_json_calls_have_their_agent_label() {
    for (call, agent) in [
        ("nl05_kantoorartikelen_whisperx", "SPEAKER_01"),
        ("en03_business_insurance", "Rachel"),
        ("en05_recruitment_assemblyai", "Speaker B"),
    ] {
        let sidecar = common::shared_dir()
            .join("eval/calls")
            .join(format!("{call}.expected.json"));
        let want: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
        assert_eq!(want["agent"], agent, "{call}: sidecar agent");
        let (_, t) = load(&format!("eval/calls/{call}.json"));
        let t = t.unwrap();
        assert!(
            t.speakers.iter().any(|s| s.label == agent),
            "{call}: no speaker {agent}"
        );
    }
}
