//! `warmcall analyze`: walking, formats, error records, exit codes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::util::{self, record_path, records, run, run_stdin, write, Record};

/// good, bad, empty and binary files, a hidden folder and a macOS `._`
/// file (both skipped), a non-transcript, a sidecar to exclude, and an
/// unknown extension.
fn mixed(root: &Path) -> Vec<&'static str> {
    write(&root.join("calls/good.vtt"), util::vtt_call(1));
    write(&root.join("calls/good2.json"), util::canonical_call(2));
    write(&root.join("calls/.hidden/hidden.vtt"), util::vtt_call(3));
    write(&root.join("calls/._good.vtt"), b"\x00\x05\x16\x07Mac OS X        ");
    write(&root.join("calls/bad.srt"), "1\nthis is not a timing line\nhello\n");
    write(&root.join("calls/empty.txt"), "");
    let mut binary: Vec<u8> = (0..2048u32).map(|i| (i * 7 % 256) as u8).collect();
    binary[0] = 0;
    write(&root.join("calls/sub/binary.json"), binary);
    write(&root.join("calls/notes.md"), "# not a transcript\n");
    write(&root.join("calls/sub/good.expected.json"), "{\"expected\": true}\n");
    write(&root.join("calls/odd.webvtt"), util::vtt_call(4));
    vec![
        "calls/bad.srt",
        "calls/empty.txt",
        "calls/good.vtt",
        "calls/good2.json",
        "calls/sub/binary.json",
    ]
}

const EXCLUDE: [&str; 2] = ["--exclude", "*.expected.json"];

fn args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut a = vec!["analyze", "calls", "--quiet"];
    a.extend_from_slice(&EXCLUDE);
    a.extend_from_slice(extra);
    a
}

fn counts(paths: impl IntoIterator<Item = String>) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for p in paths {
        *m.entry(p).or_insert(0) += 1;
    }
    m
}

fn once(expected: &[&str]) -> BTreeMap<String, usize> {
    expected.iter().map(|p| (p.to_string(), 1)).collect()
}

#[test]
fn jsonl_has_every_file_exactly_once_in_sorted_order_then_a_summary() {
    let d = tempfile::tempdir().unwrap();
    let expected = mixed(d.path());
    let r = run(d.path(), &args(&["-f", "jsonl"]));
    assert_eq!(r.code, 1, "some inputs fail: {r:?}");
    let recs = records(&r.stdout);
    let paths: Vec<String> = recs.iter().filter_map(record_path).collect();
    assert_eq!(paths, expected.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    let Some(Record::Summary(s)) = recs.last() else {
        panic!("summary last: {}", r.stdout)
    };
    assert_eq!(s["files"], 5);
    assert_eq!(s["excluded"], 1);
    let errors: Vec<&Record> = recs.iter().filter(|r| matches!(r, Record::Error { .. })).collect();
    assert_eq!(s["failed"], errors.len());
    assert!(errors
        .iter()
        .any(|e| matches!(e, Record::Error { path, kind, .. } if path == "calls/sub/binary.json" && kind == "binary")));
    // One stderr line per failed file, `path[:line]: message`, nothing else (--quiet).
    let err_lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(err_lines.len(), errors.len(), "stderr: {}", r.stderr);
    for e in &errors {
        let Record::Error {
            path, line, message, ..
        } = e
        else {
            unreachable!()
        };
        let want = match line {
            Some(l) => format!("{path}:{l}: {message}"),
            None => format!("{path}: {message}"),
        };
        assert_eq!(
            err_lines.iter().filter(|l| **l == want).count(),
            1,
            "{want} in {}",
            r.stderr
        );
    }
}

#[test]
fn json_is_one_document_with_every_file_once() {
    let d = tempfile::tempdir().unwrap();
    let expected = mixed(d.path());
    let r = run(d.path(), &args(&["-f", "json"]));
    assert_eq!(r.code, 1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_eq!(v["schema"], "warmcall.batch.v1");
    let mut paths: Vec<String> = v["calls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["source"]["path"].as_str().unwrap().to_string())
        .collect();
    paths.extend(
        v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["path"].as_str().unwrap().to_string()),
    );
    assert_eq!(counts(paths), once(&expected));
    assert_eq!(v["summary"]["files"], 5);
}

#[test]
fn csv_has_the_documented_header_and_one_row_per_file() {
    let d = tempfile::tempdir().unwrap();
    let expected = mixed(d.path());
    let r = run(d.path(), &args(&["-f", "csv"]));
    assert_eq!(r.code, 1);
    let mut lines = r.stdout.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with(
        "path,status,error,format,language,timing,agent,role_basis,span_s,talk_basis,agent_share_of_speech,"
    ));
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cli.md")).unwrap();
    assert!(doc.contains(header), "docs/cli.md lists the csv columns in order");
    let rows: Vec<&str> = lines.collect();
    let width = header.split(',').count();
    assert_eq!(
        counts(rows.iter().map(|l| l.split(',').next().unwrap().to_string())),
        once(&expected)
    );
    for row in &rows {
        if row.contains(",error,") {
            assert!(row.split(',').count() >= width, "{row}");
        }
    }
}

#[test]
fn table_lists_every_file_once_and_ends_with_a_summary_line() {
    let d = tempfile::tempdir().unwrap();
    let expected = mixed(d.path());
    let r = run(d.path(), &args(&[]));
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("FILE"));
    for p in &expected {
        assert_eq!(
            lines.iter().filter(|l| l.starts_with(&format!("{p} "))).count(),
            1,
            "{p}: {}",
            r.stdout
        );
    }
    let last = lines.last().unwrap();
    assert!(last.contains("failed, 1 excluded"), "{last}");
}

#[test]
fn missing_path_is_exit_2_with_nothing_on_stdout() {
    let d = tempfile::tempdir().unwrap();
    mixed(d.path());
    for format in ["table", "jsonl", "json", "csv"] {
        let r = run(d.path(), &["analyze", "nope.vtt", "calls/bad.srt", "-f", format, "-q"]);
        assert_eq!(r.code, 2, "{r:?}");
        assert_eq!(r.stdout, "", "{format}");
        assert_eq!(r.stderr.trim_end(), "warmcall: nope.vtt: no such file or folder");
    }
    // Near miss: a path that exists but cannot be read is a bad call, not a
    // mistyped argument: an error record, and the batch goes on.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = d.path().join("calls/locked.vtt");
        write(&locked, util::vtt_call(9));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            // (root reads anything: then there is nothing to test)
            let r = run(
                d.path(),
                &["analyze", "calls/locked.vtt", "calls/good.vtt", "-f", "jsonl", "-q"],
            );
            assert_eq!(r.code, 1, "{r:?}");
            let recs = records(&r.stdout);
            assert!(matches!(&recs[1], Record::Error { path, kind, .. } if path == "calls/locked.vtt" && kind == "io"));
        }
    }
}

#[test]
fn usage_and_config_errors_exit_2() {
    let d = tempfile::tempdir().unwrap();
    mixed(d.path());
    std::fs::create_dir_all(d.path().join("emptydir")).unwrap();
    write(&d.path().join("bad.toml"), "profile = \n");
    write(&d.path().join("unknown.toml"), "no_such_key = 1\n");
    for a in [
        vec!["analyze", "emptydir"],
        vec!["analyze", "calls", "--exclude", "a["],
        vec!["analyze", "calls", "--format-hint", "pdf"],
        vec!["analyze", "calls", "--profile", "nonsense"],
        vec!["analyze", "calls", "--config", "missing.toml"],
        vec!["analyze", "calls", "--config", "bad.toml"],
        vec!["analyze", "calls", "--config", "unknown.toml"],
        vec!["analyze", "calls", "-j", "0"],
        vec!["analyze", "calls", "--agent", "/(/"],
        vec!["analyze", "calls", "--no-such-flag"],
        vec!["analyze"],
        vec!["report", "calls"],
    ] {
        let r = run(d.path(), &a);
        assert_eq!(r.code, 2, "{a:?}: {r:?}");
        assert!(r.stdout.is_empty(), "{a:?}: {}", r.stdout);
        assert!(!r.stderr.is_empty(), "{a:?} says why");
    }
}

#[test]
fn warmcall_toml_in_the_current_folder_is_read() {
    let d = tempfile::tempdir().unwrap();
    mixed(d.path());
    write(&d.path().join("warmcall.toml"), "no_such_key = 1\n");
    let r = run(d.path(), &["analyze", "calls"]);
    assert_eq!(r.code, 2, "the local config was loaded and rejected: {r:?}");
    assert!(r.stderr.contains("no_such_key"), "{}", r.stderr);
}

#[test]
fn output_never_overwrites_an_input() {
    let d = tempfile::tempdir().unwrap();
    mixed(d.path());
    let before = std::fs::read(d.path().join("calls/good.vtt")).unwrap();
    for target in ["calls/good.vtt", "./calls/../calls/good.vtt"] {
        let r = run(d.path(), &["analyze", "calls", "-f", "json", "-o", target]);
        assert_eq!(r.code, 2, "{r:?}");
        assert!(r.stderr.contains("one of the inputs"), "{}", r.stderr);
    }
    // A transcript inside a walked folder is an input too.
    let r = run(d.path(), &["report", "calls", "-o", "calls/good2.json"]);
    assert_eq!(r.code, 2, "{r:?}");
    let r = run(
        d.path(),
        &["convert", "calls/good.vtt", "-f", "txt", "-o", "calls/good.vtt"],
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert_eq!(std::fs::read(d.path().join("calls/good.vtt")).unwrap(), before);
}

#[test]
fn output_file_is_written_whole_and_no_temp_file_is_left() {
    let d = tempfile::tempdir().unwrap();
    let expected = mixed(d.path());
    std::fs::create_dir_all(d.path().join("out")).unwrap();
    let r = run(d.path(), &args(&["-f", "jsonl", "-o", "out/result.jsonl"]));
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    let text = std::fs::read_to_string(d.path().join("out/result.jsonl")).unwrap();
    assert_eq!(records(&text).len(), expected.len() + 1);
    let left: Vec<_> = std::fs::read_dir(d.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("result.jsonl")]);
    // An output folder that does not exist is an error, not a panic.
    let r = run(d.path(), &args(&["-o", "no/such/dir/out.txt"]));
    assert_eq!(r.code, 2, "{r:?}");
}

#[test]
fn stdin_is_read_for_dash() {
    let d = tempfile::tempdir().unwrap();
    let r = run_stdin(
        d.path(),
        &["analyze", "-", "-f", "jsonl"],
        &[0u8, 1, 2, 3, 0, 0, 255, 254],
    );
    assert_eq!(r.code, 1, "{r:?}");
    let recs = records(&r.stdout);
    assert!(
        matches!(&recs[0], Record::Error { path, kind, .. } if path == "-" && kind == "binary"),
        "{}",
        r.stdout
    );
}

#[test]
fn files_over_max_size_get_an_error_record() {
    let d = tempfile::tempdir().unwrap();
    let expected = mixed(d.path());
    let r = run(d.path(), &args(&["-f", "jsonl", "--max-size", "20"]));
    assert_eq!(r.code, 1);
    let recs = records(&r.stdout);
    for rec in &recs {
        if let Record::Error {
            path, kind, message, ..
        } = rec
        {
            if path != "calls/empty.txt" {
                assert_eq!(kind, "too-large", "{path}: {message}");
                assert!(message.contains("--max-size"));
            }
        }
    }
    assert_eq!(
        recs.iter()
            .filter(|r| matches!(r, Record::Error { kind, .. } if kind == "too-large"))
            .count(),
        expected.len() - 1
    );
    let r = run_stdin(
        d.path(),
        &["analyze", "-", "-f", "jsonl", "--max-size", "4"],
        b"WEBVTT\n\n",
    );
    assert!(r.stdout.contains("\"kind\":\"too-large\""), "{}", r.stdout);
}

#[test]
fn output_is_identical_for_any_number_of_threads() {
    let d = tempfile::tempdir().unwrap();
    util::corpus(&d.path().join("calls"), 520);
    for format in ["jsonl", "csv", "table", "json"] {
        let one = run(d.path(), &["analyze", "calls", "-q", "-f", format, "-j", "1"]);
        let two = run(d.path(), &["analyze", "calls", "-q", "-f", format, "-j", "2"]);
        assert_eq!(one.code, two.code);
        assert!(one.stdout == two.stdout, "{format}: -j 1 and -j 2 differ");
        assert_eq!(one.stderr, two.stderr, "{format}: stderr order");
        if format == "jsonl" {
            let recs = records(&one.stdout);
            let paths: Vec<String> = recs.iter().filter_map(record_path).collect();
            assert_eq!(paths.len(), 520);
            let mut sorted = paths.clone();
            sorted.sort();
            assert_eq!(paths, sorted, "sorted path order");
        }
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let d = tempfile::tempdir().unwrap();
    for i in 0..1500 {
        write(
            &d.path().join(format!("calls/f{i:04}.srt")),
            "nonsense without timings\n",
        );
    }
    let mut child = Command::new(util::bin())
        .args(["analyze", "calls", "-f", "jsonl", "-j", "1"])
        .current_dir(d.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is dropped here: the next write hits a closed pipe.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(first.starts_with("{\"type\":"));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        !stderr.contains("Broken pipe") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

#[test]
fn every_command_has_help_with_examples() {
    let d = tempfile::tempdir().unwrap();
    for cmd in ["analyze", "report", "explain", "convert", "config"] {
        let r = run(d.path(), &[cmd, "--help"]);
        assert_eq!(r.code, 0);
        assert!(r.stdout.contains("Examples:"), "{cmd}: {}", r.stdout);
    }
    let r = run(d.path(), &["--help"]);
    assert!(r.stdout.contains("Exit codes"));
}

#[cfg(unix)]
#[test]
fn symlinks_only_with_follow_and_extra_extensions_with_ext() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("elsewhere/linked.vtt"), "x\n");
    write(&d.path().join("calls/a.srt"), "x\n");
    write(&d.path().join("calls/b.webvtt"), "x\n");
    std::os::unix::fs::symlink(d.path().join("elsewhere/linked.vtt"), d.path().join("calls/link.vtt")).unwrap();
    std::os::unix::fs::symlink(d.path().join("elsewhere"), d.path().join("calls/linkdir")).unwrap();
    let paths = |extra: &[&str]| -> Vec<String> {
        let mut a = vec!["analyze", "calls", "-f", "jsonl", "-q"];
        a.extend_from_slice(extra);
        records(&run(d.path(), &a).stdout)
            .iter()
            .filter_map(record_path)
            .collect()
    };
    assert_eq!(paths(&[]), ["calls/a.srt"]);
    assert_eq!(paths(&["--ext", "webvtt"]), ["calls/a.srt", "calls/b.webvtt"]);
    assert_eq!(
        paths(&["--follow"]),
        ["calls/a.srt", "calls/link.vtt", "calls/linkdir/linked.vtt"]
    );
}

// ---- needs the parsers -------------------------------------------------

#[test]
fn good_files_become_calls_and_bad_ones_errors() {
    let d = tempfile::tempdir().unwrap();
    mixed(d.path());
    let r = run(d.path(), &args(&["-f", "jsonl"]));
    assert_eq!(r.code, 1);
    let recs = records(&r.stdout);
    let calls: Vec<String> = recs
        .iter()
        .filter(|r| matches!(r, Record::Call(_)))
        .filter_map(record_path)
        .collect();
    assert_eq!(calls, ["calls/good.vtt", "calls/good2.json"]);
    let Some(Record::Summary(s)) = recs.last() else {
        panic!()
    };
    assert_eq!(s["analysed"], 2);
    assert_eq!(s["failed"], 3);
    let Record::Call(c) = &recs[2] else { panic!() };
    assert_eq!(c["schema"], "warmcall.report.v1");
}

#[test]
fn all_good_exits_0_and_stdin_with_a_hint_is_a_call() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("calls/a.vtt"), util::vtt_call(1));
    let r = run(d.path(), &["analyze", "calls", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    let r = run_stdin(
        d.path(),
        &["analyze", "-", "-f", "jsonl", "--format-hint", "vtt"],
        util::vtt_call(2).as_bytes(),
    );
    assert_eq!(r.code, 0, "{r:?}");
    let recs = records(&r.stdout);
    assert!(matches!(&recs[0], Record::Call(c) if c["source"]["path"] == "-"));
}

#[test]
fn group_by_agent_and_folder_add_aggregate_rows() {
    let d = tempfile::tempdir().unwrap();
    util::corpus(&d.path().join("calls"), 12);
    let r = run(d.path(), &["analyze", "calls", "-q", "--group-by", "agent"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("\nAGENT "), "{}", r.stdout);
    for a in 0..4 {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(&format!("Agent {a} "))),
            "{}",
            r.stdout
        );
    }
    let r = run(
        d.path(),
        &["analyze", "calls", "-q", "--group-by", "folder", "-f", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let keys: Vec<&str> = v["summary"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["calls/team0", "calls/team1", "calls/team2"]);
    assert_eq!(v["summary"]["group_by"], "folder");
}
