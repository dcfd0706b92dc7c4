//! The progress bar appears on a terminal and never in a pipe. The decision
//! itself is unit-tested (`ProgressMode::decide`); this runs the binary in
//! a real pseudo-terminal through tmux.
#![allow(clippy::print_stdout, clippy::print_stderr)] // tests print their figures

use std::path::Path;
use std::process::Command;

use crate::util::{self, write};

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
    let ok = Command::new("tmux")
        .args(["new-session", "-d", "-s", &session, "-x", "160", "-y", "50", &script])
        .status()
        .unwrap()
        .success();
    assert!(ok, "tmux new-session");
    let mut screen = String::new();
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &session])
            .output()
            .unwrap();
        screen = String::from_utf8_lossy(&out.stdout).into_owned();
        if screen.contains("EXIT=") {
            break;
        }
    }
    let _ = Command::new("tmux").args(["kill-session", "-t", &session]).status();
    std::fs::write(&pane_log, &screen).ok();
    assert!(screen.contains("EXIT=1"), "run finished: {screen}");
    assert!(
        screen.contains("40/40 files"),
        "the bar is drawn on a terminal: {screen}"
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

fn sh(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}
