//! The formats and layouts meeting and annotation tools export (issue 18)
//! in a batch: each is walked and read, chat and cut-off files fail with
//! their own record and the batch goes on; `[tiers]` in the config reaches
//! the parser.

use std::path::{Path, PathBuf};

use crate::util::{record_path, records, run, write, Record};

fn testdata(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata")
        .join(rel)
}

fn copy(root: &Path, from: &str, to: &str) {
    write(&root.join(to), std::fs::read(testdata(from)).unwrap());
}

#[test]
fn new_formats_are_walked_and_bad_ones_do_not_stop_the_batch() {
    let d = tempfile::tempdir().unwrap();
    let r = d.path();
    copy(r, "docx/teams_transcript.docx", "calls/teams.docx");
    copy(r, "eaf/nested_refs.eaf", "calls/elan.eaf");
    copy(r, "trs/call.trs", "calls/transcriber.trs");
    copy(r, "textgrid/call.TextGrid", "calls/praat.TextGrid");
    copy(r, "layouts/zoom_captions.txt", "calls/zoom_captions.txt");
    copy(r, "layouts/zoom_chat.txt", "calls/zoom_chat.txt");
    copy(r, "bad/truncated.eaf", "calls/cut.eaf");
    copy(r, "bad/truncated.docx", "calls/cut.docx");
    let out = run(r, &["analyze", "calls", "--quiet", "-f", "jsonl"]);
    assert_eq!(out.code, 1, "{out:?}");
    let recs = records(&out.stdout);
    let mut formats = Vec::new();
    let mut errors = Vec::new();
    for rec in &recs {
        match rec {
            Record::Call(v) => formats.push((
                record_path(rec).unwrap(),
                v["source"]["format"].as_str().unwrap().to_string(),
            )),
            Record::Error {
                path,
                kind,
                line,
                message,
            } => errors.push((path.clone(), kind.clone(), *line, message.clone())),
            Record::Summary(_) => {}
        }
    }
    let formats: Vec<(&str, &str)> = formats.iter().map(|(p, f)| (p.as_str(), f.as_str())).collect();
    assert_eq!(
        formats,
        [
            ("calls/elan.eaf", "eaf"),
            ("calls/praat.TextGrid", "textgrid"),
            ("calls/teams.docx", "docx"),
            ("calls/transcriber.trs", "trs"),
            ("calls/zoom_captions.txt", "txt"),
        ]
    );
    let kinds: Vec<(&str, &str, Option<usize>)> =
        errors.iter().map(|(p, k, l, _)| (p.as_str(), k.as_str(), *l)).collect();
    assert_eq!(
        kinds,
        [
            ("calls/cut.docx", "parse", None),
            ("calls/cut.eaf", "parse", Some(45)),
            ("calls/zoom_chat.txt", "unsupported", None),
        ],
        "{errors:?}"
    );
    assert!(errors[2].3.contains("typed messages, not speech"), "{errors:?}");
}

#[test]
fn config_tiers_name_the_speakers_of_an_elan_file() {
    let d = tempfile::tempdir().unwrap();
    let r = d.path();
    copy(r, "eaf/nested_refs.eaf", "elan.eaf");
    write(
        &r.join("warmcall.toml"),
        "[tiers]\n\"Agent\" = \"\"\n\"Agent gloss\" = \"Gloss\"\n",
    );
    let out = run(r, &["explain", "elan.eaf", "--color", "never"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(out.stdout.contains("Gloss: how.much time"), "{}", out.stdout);
    // Without the config the rule reads the top-level tiers.
    std::fs::remove_file(r.join("warmcall.toml")).unwrap();
    let out = run(r, &["explain", "elan.eaf", "--color", "never"]);
    assert!(
        out.stdout.contains("Agent: Hoeveel tijd kost dat per week?"),
        "{}",
        out.stdout
    );
}
