//! `explain`, `convert` and `config`.

use crate::util::{self, run, run_stdin, write};

#[test]
fn explain_and_convert_report_a_bad_file_as_path_message_exit_1() {
    let d = tempfile::tempdir().unwrap();
    write(
        &d.path().join("bin.vtt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8],
    );
    for cmd in [vec!["explain", "bin.vtt"], vec!["convert", "bin.vtt", "-f", "txt"]] {
        let r = run(d.path(), &cmd);
        assert_eq!(r.code, 1, "{cmd:?}: {r:?}");
        assert!(r.stderr.starts_with("bin.vtt: "), "{cmd:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let r = run(d.path(), &["explain", "missing.vtt"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.trim(), "missing.vtt: no such file or folder");
}

#[test]
fn config_print_default_is_a_config_that_loads() {
    let d = tempfile::tempdir().unwrap();
    let r = run(d.path(), &["config", "--print-default"]);
    assert_eq!(r.code, 0, "{r:?}");
    let cfg = warmcall::config_file::parse_config(&r.stdout).expect("the printed default parses");
    let def = warmcall::Config::default();
    assert_eq!(cfg.profile, def.profile);
    assert_eq!(cfg.silence, def.silence);
    assert_eq!(cfg.push, def.push);
    assert_eq!(cfg.findings, def.findings);
    assert_eq!(
        cfg.profiles.keys().collect::<Vec<_>>(),
        def.profiles.keys().collect::<Vec<_>>()
    );
    assert_eq!(cfg.profiles["discovery"], def.profiles["discovery"]);
    // And it is usable as a file.
    write(&d.path().join("warmcall.toml"), &r.stdout);
    write(&d.path().join("x.srt"), "junk\n");
    let r = run(d.path(), &["analyze", "x.srt", "-q"]);
    assert_eq!(r.code, 1, "loads the config, then fails on the input only: {r:?}");
}

// ---- needs the parsers -------------------------------------------------

#[test]
fn convert_to_canonical_json_round_trips() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("a.vtt"), util::vtt_call(7));
    let r = run(d.path(), &["convert", "a.vtt", "-f", "canonical-json", "-o", "a.json"]);
    assert_eq!(r.code, 0, "{r:?}");
    let original =
        warmcall::parse_bytes(&std::fs::read(d.path().join("a.vtt")).unwrap(), Some("a.vtt".as_ref())).unwrap();
    let back = warmcall::parse_bytes(
        &std::fs::read(d.path().join("a.json")).unwrap(),
        Some("a.json".as_ref()),
    )
    .unwrap();
    assert_eq!(back.segments.len(), original.segments.len());
    assert_eq!(back.speakers, original.speakers);
    for (a, b) in original.segments.iter().zip(&back.segments) {
        assert_eq!(
            (a.speaker, a.start_s, a.end_s, &a.text),
            (b.speaker, b.start_s, b.end_s, &b.text)
        );
    }
    // VTT, SRT and txt read back to the same speakers and text.
    for (f, ext) in [("vtt", "vtt"), ("srt", "srt"), ("txt", "txt")] {
        let r = run(d.path(), &["convert", "a.json", "-f", f]);
        assert_eq!(r.code, 0, "{f}: {r:?}");
        let name = format!("b.{ext}");
        let t = warmcall::parse_bytes(r.stdout.as_bytes(), Some(name.as_ref())).unwrap();
        assert_eq!(
            t.speakers.iter().map(|s| &s.label).collect::<Vec<_>>(),
            original.speakers.iter().map(|s| &s.label).collect::<Vec<_>>(),
            "{f}"
        );
        assert_eq!(
            t.segments.iter().map(|s| &s.text).collect::<Vec<_>>(),
            original.segments.iter().map(|s| &s.text).collect::<Vec<_>>(),
            "{f}"
        );
    }
}

#[test]
fn explain_marks_turns_plain_when_piped_coloured_on_request() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("a.vtt"), util::vtt_call(3));
    let r = run(d.path(), &["explain", "a.vtt", "--agent", "Agent 3"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(!r.stdout.contains('\x1b'), "plain when not a terminal");
    assert!(
        r.stdout.contains("AGENT Agent 3: Hi, this is Sam from Acme"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("CUST  Customer 3: Oh, right."), "{}", r.stdout);
    let c = run(
        d.path(),
        &["explain", "a.vtt", "--agent", "Agent 3", "--color", "always"],
    );
    assert!(c.stdout.contains("\x1b["));
    let s = run_stdin(
        d.path(),
        &["explain", "-", "--format-hint", "vtt"],
        util::vtt_call(3).as_bytes(),
    );
    assert_eq!(s.code, 0, "{s:?}");
}

/// A French CHAT file is measured but not judged, and says so; a JSON file
/// of records another tool wrote under AssemblyAI's key is refused with the
/// keys it has, and the batch goes on.
#[test]
fn languages_without_lexicon_and_json_of_another_make() {
    let d = tempfile::tempdir().unwrap();
    let fr = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/chat/french_languages.cha"),
    )
    .unwrap();
    write(&d.path().join("fr.cha"), fr);
    write(
        &d.path().join("other.json"),
        r#"{"utterances":[{"participant":"A","start_ms":0,"end_ms":900,"text":"Hi."}]}"#,
    );
    let r = run(d.path(), &["analyze", "-q", "-f", "json", "fr.cha", "other.json"]);
    assert_eq!(r.code, 1, "{r:?}");
    let out: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let call = &out["calls"][0];
    assert_eq!(call["source"]["language"], "fr");
    assert_eq!(call["source"]["judgments_available"], false);
    assert!(call["questions"].is_null() && call["score"]["warmth"].is_null());
    let err = out["errors"][0]["message"].as_str().unwrap();
    assert!(err.contains("[participant, start_ms, end_ms, text]"), "{err}");
    assert!(
        r.stderr.contains("other.json: unknown transcript format"),
        "{}",
        r.stderr
    );
}

/// The CLI reads the lexicon files a config names, relative to the
/// config's folder wherever it runs (the library reads no files); a missing
/// one is a config error naming the key, line and path it tried.
#[test]
fn config_lexicon_files_are_read_from_the_config_folder() {
    let d = tempfile::tempdir().unwrap();
    let testdata = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    let config = testdata.join("config/german.toml");
    write(
        &d.path().join("ruf.txt"),
        "Lena: Guten Tag, hier ist Lena von Planwerk. Haben Sie kurz Zeit?\n\
         Herr Roth: Ja, ein paar Minuten habe ich. Worum geht es denn?\n\
         Lena: Wie planen Sie im Moment die Schichten in Ihrem Betrieb?\n\
         Herr Roth: Das machen wir noch mit Excel, und das kostet mich jede Woche Stunden.\n",
    );
    let r = run(
        d.path(),
        &[
            "analyze",
            "ruf.txt",
            "-f",
            "jsonl",
            "--agent",
            "Lena",
            "--config",
            config.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("\"language\":\"de\""), "{}", r.stdout);

    write(
        &d.path().join("bad.toml"),
        "# German\n[lexicon.de]\nfile = \"nowhere/de.toml\"\n",
    );
    let r = run(d.path(), &["analyze", "ruf.txt", "--config", "bad.toml"]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("lexicon.de.file"), "{}", r.stderr);
    assert!(r.stderr.contains("(line 3)"), "{}", r.stderr);
    assert!(r.stderr.contains("nowhere/de.toml"), "{}", r.stderr);
}
