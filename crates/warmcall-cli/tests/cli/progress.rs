//! The progress bar appears on a terminal and never in a pipe, with a rate
//! and an ETA, and warnings do not bury it; Ctrl-C in a shell loop stops the
//! loop. The bar decision itself is unit-tested (`ProgressMode::decide`);
//! these run the binary in a real pseudo-terminal through tmux.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

use std::path::Path;
use std::process::Command;

use crate::util::{self, write};

/// tmux on a server of its own per session: tests run in parallel, and
/// sessions on one shared server race with its start and exit.
fn tmux(session: &str) -> Command {
    let mut c = Command::new("tmux");
    c.args(["-L", session]);
    c
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn bar_on_a_terminal_not_in_a_pipe() {
    if !tmux_available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing under CI: install it (scripts/test.sh does)"
        );
        eprintln!("\n*** SKIPPED bar_on_a_terminal_not_in_a_pipe: tmux not installed ***\n");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(&d.path().join(format!("calls/f{i:02}.srt")), "no timings here\n");
    }
    let bin = util::bin();
    // On a terminal: stderr is the tmux pane; stdout goes to a file.
    let pane_log = d.path().join("pane.txt");
    let session = format!("warmcall-test-{}", std::process::id());
    let script = format!(
        "cd {} && {} analyze calls -f jsonl -o out.jsonl; echo EXIT=$?; sleep 30",
        sh(d.path()),
        sh(&bin)
    );
    let ok = tmux(&session)
        .args(["new-session", "-d", "-s", &session, "-x", "160", "-y", "50", &script])
        .status()
        .unwrap()
        .success();
    assert!(ok, "tmux new-session");
    let mut screen = String::new();
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let out = tmux(&session)
            .args(["capture-pane", "-p", "-t", &session])
            .output()
            .unwrap();
        screen = String::from_utf8_lossy(&out.stdout).into_owned();
        if screen.contains("EXIT=") {
            break;
        }
    }
    let _ = tmux(&session).args(["kill-session", "-t", &session]).status();
    std::fs::write(&pane_log, &screen).ok();
    assert!(screen.contains("EXIT=1"), "run finished: {screen}");
    assert!(
        screen.contains("40/40 files"),
        "the bar is drawn on a terminal: {screen}"
    );
    assert!(
        screen.contains("files/s") && screen.contains("ETA"),
        "the bar shows a rate and an ETA: {screen}"
    );

    // Piped: stderr is a file, no bar, only the error lines.
    let out = Command::new(&bin)
        .args(["analyze", "calls", "-f", "jsonl"])
        .current_dir(d.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("40/40") && !stderr.contains("warmcall ["),
        "no bar in a pipe: {stderr}"
    );
    assert_eq!(stderr.lines().count(), 40);
    assert!(stderr.lines().all(|l| l.starts_with("calls/f")), "{stderr}");
}

/// Runs `script` (bash) in a fresh tmux pane until it prints `EXIT=`;
/// returns the screen. `None` when tmux is missing (outside CI).
fn in_terminal(name: &str, script: &str) -> Option<String> {
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is missing under CI");
        eprintln!("\n*** SKIPPED {name}: tmux not installed ***\n");
        return None;
    }
    let session = format!("warmcall-{name}-{}", std::process::id());
    let full = format!("{script}; echo EXIT=$?; sleep 30");
    let ok = tmux(&session)
        .args([
            "new-session",
            "-d",
            "-s",
            &session,
            "-x",
            "200",
            "-y",
            "50",
            "bash",
            "-c",
            &full,
        ])
        .status()
        .unwrap()
        .success();
    assert!(ok, "tmux new-session");
    let mut screen = String::new();
    for _ in 0..300 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let out = tmux(&session)
            .args(["capture-pane", "-p", "-t", &session])
            .output()
            .unwrap();
        screen = String::from_utf8_lossy(&out.stdout).into_owned();
        if screen.contains("EXIT=") {
            break;
        }
    }
    let _ = tmux(&session).args(["kill-session", "-t", &session]).status();
    Some(screen)
}

#[test]
fn warnings_are_summed_up_under_the_bar_not_printed_over_it() {
    let d = tempfile::tempdir().unwrap();
    util::corpus(&d.path().join("calls"), 60);
    let run = |flags: &str| {
        let script = format!(
            "cd {} && {} analyze calls -f jsonl -o out.jsonl {flags}",
            sh(d.path()),
            sh(&util::bin())
        );
        in_terminal("warnings", &script)
    };
    let Some(screen) = run("") else { return };
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert!(screen.contains("60/60 files"), "the bar: {screen}");
    // Every call has a role warning: one summary line for them, not 60.
    assert!(screen.contains("warnings: 60 in 60 call(s)"), "{screen}");
    assert!(!screen.contains(": warning: "), "no warning per call: {screen}");
    let lines = screen.lines().filter(|l| !l.trim().is_empty()).count();
    assert!(lines < 15, "a short screen: {screen}");

    // --no-progress: the summary without the bar; -q: the bar without the
    // warnings.
    let Some(screen) = run("--no-progress") else { return };
    assert!(!screen.contains("60/60 files"), "{screen}");
    assert!(screen.contains("warnings: 60 in 60 call(s)"), "{screen}");
    let Some(screen) = run("-q") else { return };
    assert!(
        screen.contains("60/60 files") && !screen.contains("warnings:"),
        "{screen}"
    );
    assert!(screen.contains("EXIT=0"), "{screen}");
}

#[test]
fn ctrl_c_stops_a_shell_loop_and_leaves_no_partial_file() {
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is missing under CI");
        eprintln!("\n*** SKIPPED ctrl_c_stops_a_shell_loop: tmux not installed ***\n");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    for i in 0..400 {
        write(&d.path().join(format!("calls/c{i:04}.json")), util::long_call(i, 400));
    }
    // The loop writes a line after each run: after Ctrl-C there must be none.
    let script = d.path().join("loop.sh");
    std::fs::write(
        &script,
        format!(
            "cd {}\nfor i in 1 2 3; do\n  {} analyze calls -f json -j 1 -o out.json\n  echo \"run $i exit $?\" >> log.txt\ndone\necho loop-finished >> log.txt\n",
            sh(d.path()),
            sh(&util::bin())
        ),
    )
    .unwrap();
    let session = format!("warmcall-ctrlc-{}", std::process::id());
    let ok = tmux(&session)
        .args(["new-session", "-d", "-s", &session, "-x", "200", "-y", "50", "bash"])
        .arg(&script)
        .status()
        .unwrap()
        .success();
    assert!(ok, "tmux new-session");
    let partial = || {
        std::fs::read_dir(d.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().ends_with(".partial"))
    };
    let start = std::time::Instant::now();
    while !partial() {
        assert!(start.elapsed().as_secs() < 60, "the run never started writing");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let sent = tmux(&session)
        .args(["send-keys", "-t", &session, "C-c"])
        .status()
        .unwrap()
        .success();
    assert!(sent);
    // The pane's bash ends with the loop (the session closes with it).
    let start = std::time::Instant::now();
    while tmux(&session)
        .args(["has-session", "-t", &session])
        .output()
        .is_ok_and(|o| o.status.success())
    {
        if start.elapsed().as_secs() > 30 {
            let _ = tmux(&session).args(["kill-session", "-t", &session]).status();
            panic!("the loop went on after Ctrl-C");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let log = std::fs::read_to_string(d.path().join("log.txt")).unwrap_or_default();
    assert_eq!(log, "", "the loop stopped at the first run");
    assert!(!partial(), "no partial file left");
    assert!(!d.path().join("out.json").exists(), "no half output");
}

fn sh(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}
