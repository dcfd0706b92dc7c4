//! The command line behaves like ripgrep and fd (issue 21): a mistyped
//! `--agent` is an error, warnings are summed up, hidden and ignored files
//! are skipped, warmcall's own outputs are never calls, `-o -` is stdout,
//! colour follows `--color` and NO_COLOR, completions and a man page exist,
//! and output files are private.

use std::path::Path;
use std::process::Command;

use crate::util::{self, records, run, run_env, write, Record};

/// `n` short calls of "Agent k" and "Customer k" under `calls/`.
fn calls(root: &Path, n: usize) {
    for i in 0..n {
        write(&root.join(format!("calls/c{i:02}.vtt")), util::vtt_call(i));
    }
}

#[test]
fn an_agent_that_matches_no_speaker_is_an_error_record() {
    let d = tempfile::tempdir().unwrap();
    write(&d.path().join("calls/a.vtt"), util::vtt_call(1));
    write(&d.path().join("calls/b.vtt"), util::vtt_call(5));
    // "Agent 1" speaks in both; "Agnet 1" is a typo of it.
    let r = run(
        d.path(),
        &["analyze", "calls", "--agent", "Agnet 1", "-f", "jsonl", "-q"],
    );
    assert_eq!(r.code, 1, "{r:?}");
    let recs = records(&r.stdout);
    for (rec, path) in recs.iter().zip(["calls/a.vtt", "calls/b.vtt"]) {
        let Record::Error {
            path: p, kind, message, ..
        } = rec
        else {
            panic!("an error record, not a scored call: {rec:?}")
        };
        assert_eq!((p.as_str(), kind.as_str()), (path, "agent-not-found"));
        assert!(message.contains("did you mean \"Agent 1\"?"), "{message}");
    }
    // On stderr even with -q: errors are never hidden.
    assert!(
        r.stderr.contains(
            "calls/a.vtt: agent \"Agnet 1\" not found; speakers: Agent 1, Customer 1; did you mean \"Agent 1\"?"
        ),
        "{}",
        r.stderr
    );
    // Near miss: the right name scores both calls, exit 0.
    let ok = run(
        d.path(),
        &["analyze", "calls", "--agent", "agent 1", "-f", "jsonl", "-q"],
    );
    assert_eq!(ok.code, 0, "{ok:?}");
    // A name far from every speaker is an error without a suggestion.
    let far = run(d.path(), &["analyze", "calls/a.vtt", "--agent", "Piet", "-q"]);
    assert_eq!(far.code, 1);
    assert!(far.stderr.contains("speakers: Agent 1, Customer 1\n"), "{}", far.stderr);
    // explain says the same.
    let e = run(d.path(), &["explain", "calls/a.vtt", "--agent", "Agnet 1"]);
    assert_eq!(e.code, 1);
    assert!(e.stdout.is_empty());
    assert!(e.stderr.contains("did you mean \"Agent 1\""), "{}", e.stderr);
}

#[test]
fn warnings_are_counted_per_kind_not_printed_per_call() {
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 12);
    // One call that fails, to see that errors still come one by one.
    write(&d.path().join("calls/zz_bad.srt"), "1\nnot a timing\nhello\n");
    let r = run(d.path(), &["analyze", "calls", "-f", "jsonl"]);
    assert_eq!(r.code, 1);
    // Each call has a role warning; stderr has one line per kind instead.
    let per_call = r.stderr.lines().filter(|l| l.contains(": warning: ")).count();
    assert_eq!(per_call, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warnings: 12 in 12 call(s), 1 kind(s)"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("   12 × agent is \"Agent 0\""), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("e.g. calls/c00.vtt, calls/c01.vtt, calls/c02.vtt and 9 more"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("calls/zz_bad.srt:2: "), "{}", r.stderr);
    // Each call's own warnings are still in its record.
    let recs = records(&r.stdout);
    let Record::Call(c) = &recs[0] else { panic!() };
    assert_eq!(c["source"]["warnings"].as_array().unwrap().len(), 1);

    // --warnings all: every one, as `path: warning: message`.
    let all = run(d.path(), &["analyze", "calls", "-f", "jsonl", "--warnings", "all"]);
    assert_eq!(
        all.stderr.lines().filter(|l| l.contains(": warning: agent is")).count(),
        12
    );
    assert!(!all.stderr.contains("warnings: 12"), "{}", all.stderr);

    // -q: no warnings, but the error is still there.
    let quiet = run(d.path(), &["analyze", "calls", "-f", "jsonl", "-q"]);
    assert_eq!(quiet.stderr.lines().collect::<Vec<_>>().len(), 1, "{}", quiet.stderr);
    assert!(quiet.stderr.starts_with("calls/zz_bad.srt:2: "), "{}", quiet.stderr);
}

#[test]
fn hidden_files_are_skipped_unless_hidden() {
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 2);
    // macOS resource forks beside the calls: binary, and would fail the run.
    write(
        &d.path().join("calls/._c00.vtt"),
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
    );
    write(&d.path().join("calls/.trash/old.vtt"), util::vtt_call(7));
    let r = run(d.path(), &["analyze", "calls", "-f", "jsonl", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(records(&r.stdout).len(), 3, "two calls and the summary");
    let h = run(d.path(), &["analyze", "calls", "-f", "jsonl", "-q", "--hidden"]);
    assert_eq!(h.code, 1, "the resource fork is read and fails: {h:?}");
    let paths: Vec<String> = records(&h.stdout).iter().filter_map(util::record_path).collect();
    assert_eq!(
        paths,
        [
            "calls/._c00.vtt",
            "calls/.trash/old.vtt",
            "calls/c00.vtt",
            "calls/c01.vtt"
        ]
    );
    // Named on the command line, a hidden file is read: it was asked for.
    let named = run(d.path(), &["analyze", "calls/.trash/old.vtt", "-q"]);
    assert_eq!(named.code, 0, "{named:?}");
}

#[test]
fn git_ignored_paths_are_skipped_unless_no_ignore() {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "git is missing under CI");
        eprintln!("\n*** SKIPPED git_ignored_paths_are_skipped_unless_no_ignore: git not installed ***\n");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 2);
    write(&d.path().join("calls/archive/old.vtt"), util::vtt_call(8));
    write(&d.path().join(".gitignore"), "archive/\n");
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(d.path())
        .status()
        .unwrap();
    assert!(git.success());
    let count = |extra: &[&str]| {
        let mut a = vec!["analyze", "calls", "-f", "jsonl", "-q"];
        a.extend_from_slice(extra);
        let r = run(d.path(), &a);
        assert_eq!(r.code, 0, "{r:?}");
        records(&r.stdout).len() - 1
    };
    assert_eq!(count(&[]), 2);
    assert_eq!(count(&["--no-ignore"]), 3);
}

#[test]
fn the_output_file_in_the_calls_folder_is_never_a_call() {
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 3);
    for format in ["csv", "jsonl", "json"] {
        let out = format!("calls/week.{format}");
        let first = run(d.path(), &["analyze", "calls", "-f", format, "-o", &out, "-q"]);
        assert_eq!(first.code, 0, "{first:?}");
        // Run again, twice: the output is neither scored nor in the way.
        for _ in 0..2 {
            let again = run(d.path(), &["analyze", "calls", "-f", format, "-o", &out, "-q"]);
            assert_eq!(again.code, 0, "{format}: {again:?}");
        }
        let text = std::fs::read_to_string(d.path().join(&out)).unwrap();
        let calls = match format {
            "csv" => text.lines().count() - 1,
            "jsonl" => records(&text).len() - 1,
            _ => serde_json::from_str::<serde_json::Value>(&text).unwrap()["calls"]
                .as_array()
                .unwrap()
                .len(),
        };
        assert_eq!(calls, 3, "{format}: the three calls, nothing else: {text}");
    }
    // Outputs of earlier runs under other names are recognised by their
    // first bytes and left out, with a warning naming them.
    let r = run(d.path(), &["analyze", "calls", "-f", "jsonl"]);
    assert_eq!(r.code, 0, "{r:?}");
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 4, "three calls and the summary");
    let Some(Record::Summary(s)) = recs.last() else {
        panic!()
    };
    // (.jsonl is not a transcript extension: never walked in the first place.)
    assert_eq!((s["files"].as_u64(), s["excluded"].as_u64()), (Some(3), Some(2)));
    assert!(
        r.stderr
            .contains("skipped 2 file(s) that warmcall wrote, not calls: calls/week.csv, calls/week.json\n"),
        "{}",
        r.stderr
    );
    // Near miss: a transcript in CSV (a dialer export) is still a call.
    write(
        &d.path().join("calls/dialer.csv"),
        "speaker,start,end,text\nAgent 1,0,2,Hello there.\nCustomer 1,2,4,Hi.\n",
    );
    let r = run(d.path(), &["analyze", "calls", "-f", "jsonl", "-q"]);
    let paths: Vec<String> = records(&r.stdout).iter().filter_map(util::record_path).collect();
    assert!(paths.contains(&"calls/dialer.csv".to_string()), "{paths:?}");
}

#[test]
fn dash_o_is_stdout() {
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 2);
    let r = run(d.path(), &["analyze", "calls", "-f", "csv", "-o", "-", "-q"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.starts_with("path,status,error,"), "{}", r.stdout);
    assert_eq!(r.stdout.lines().count(), 3);
    let h = run(d.path(), &["report", "calls", "-o", "-", "-q"]);
    assert_eq!(h.code, 0, "{h:?}");
    assert!(h.stdout.contains("<html"), "the report on stdout");
    let c = run(d.path(), &["convert", "calls/c00.vtt", "-f", "txt", "-o", "-"]);
    assert_eq!(c.code, 0, "{c:?}");
    assert!(c.stdout.contains("Agent 0: Hi, this is "), "{}", c.stdout);
    assert!(!d.path().join("-").exists(), "no file named -");
}

#[test]
fn warmcall_config_alone_prints_its_help() {
    let d = tempfile::tempdir().unwrap();
    let r = run(d.path(), &["config"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("--print-default"), "{}", r.stdout);
    assert!(r.stdout.contains("Usage: warmcall config"), "{}", r.stdout);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 2);
    write(&d.path().join("calls/zz_bad.srt"), "1\nnot a timing\nhello\n");
    let esc = |s: &str| s.contains('\x1b');
    // Piped, auto: nothing styled anywhere.
    let plain = run(d.path(), &["analyze", "calls"]);
    assert!(!esc(&plain.stdout) && !esc(&plain.stderr), "{plain:?}");
    // always: the table's headings and stderr's warning label.
    let always = run(d.path(), &["analyze", "calls", "--color", "always"]);
    assert!(always.stdout.starts_with("\x1b[1mFILE"), "{}", always.stdout);
    assert!(esc(&always.stderr), "{}", always.stderr);
    // The same text once the styles are taken out.
    assert_eq!(strip(&always.stdout), plain.stdout);
    // NO_COLOR turns auto off (it is off in a pipe anyway) and never wins.
    let never = run_env(d.path(), &["explain", "calls/c00.vtt", "--color", "never"], b"", &[]);
    assert!(!esc(&never.stdout));
    let no_color = run_env(d.path(), &["analyze", "calls"], b"", &[("NO_COLOR", "1")]);
    assert!(!esc(&no_color.stdout) && !esc(&no_color.stderr));
    // The flag goes anywhere on the line, for every command.
    let explain = run(d.path(), &["--color", "always", "explain", "calls/c00.vtt"]);
    assert!(esc(&explain.stdout), "{}", explain.stdout);
    // clap's help follows it too.
    let help = run(d.path(), &["analyze", "--help", "--color=always"]);
    assert!(esc(&help.stdout), "{}", help.stdout);
    let help = run(d.path(), &["analyze", "--help", "--color", "never"]);
    assert!(!esc(&help.stdout));
}

/// Text without its ANSI styles.
fn strip(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn completions_and_man_page_are_built_in() {
    let d = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "_warmcall()"),
        ("zsh", "#compdef warmcall"),
        ("fish", "complete -c warmcall"),
        ("elvish", "edit:completion:arg-completer[warmcall]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = run(d.path(), &["completions", shell]);
        assert_eq!(r.code, 0, "{r:?}");
        assert!(
            r.stdout.contains(marker),
            "{shell}: {}",
            &r.stdout[..r.stdout.len().min(300)]
        );
        // Generated from the same definitions: the new flags are there.
        assert!(r.stdout.contains("no-ignore"), "{shell}");
    }
    let bash = run(d.path(), &["completions", "bash"]);
    let script = d.path().join("warmcall.bash");
    std::fs::write(&script, &bash.stdout).unwrap();
    if let Ok(o) = Command::new("bash").arg("-n").arg(&script).output() {
        assert!(o.status.success(), "bash -n: {}", String::from_utf8_lossy(&o.stderr));
    }
    let man = run(d.path(), &["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.starts_with(".ie \\n(.g .ds Aq") || man.stdout.contains(".TH warmcall"),
        "{}",
        man.stdout
    );
    assert!(man.stdout.contains(".TH warmcall 1"), "{}", &man.stdout[..300]);
    assert!(man.stdout.contains("analyze"), "subcommands listed");
}

#[cfg(unix)]
#[test]
fn output_files_are_private_and_help_says_how_to_share_them() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    calls(d.path(), 2);
    let mode = |p: &str| std::fs::metadata(d.path().join(p)).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        run(d.path(), &["analyze", "calls", "-f", "csv", "-o", "a.csv", "-q"]).code,
        0
    );
    assert_eq!(mode("a.csv"), 0o600);
    let shared = ["analyze", "calls", "-f", "csv", "-o", "b.csv", "-q", "--mode", "644"];
    assert_eq!(run(d.path(), &shared).code, 0);
    assert_eq!(mode("b.csv"), 0o644);
    assert_eq!(
        run(d.path(), &["report", "calls", "-o", "r.html", "-q", "--mode", "640"]).code,
        0
    );
    assert_eq!(mode("r.html"), 0o640);
    let bad = run(d.path(), &["analyze", "calls", "-o", "c.csv", "--mode", "rw-r--r--"]);
    assert_eq!(bad.code, 2, "{bad:?}");
    for cmd in ["analyze", "report", "convert"] {
        let help = run(d.path(), &[cmd, "--help"]);
        assert!(help.stdout.contains("0600"), "{cmd} --help: {}", help.stdout);
        assert!(help.stdout.contains("--mode"), "{cmd} --help");
    }
}
