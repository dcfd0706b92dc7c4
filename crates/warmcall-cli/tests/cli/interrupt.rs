//! An interrupted run leaves no output file behind: neither a half-written
//! `-o` file nor the hidden temp file it is written to; and it ends by the
//! signal, so a shell loop around it stops too.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{bin, long_call, write};

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".warmcall-") || n == "out.json")
        .collect()
}

#[test]
fn sigint_leaves_no_partial_output() {
    let d = tempfile::tempdir().unwrap();
    let calls = d.path().join("calls");
    for i in 0..400 {
        write(&calls.join(format!("c{i:04}.json")), long_call(i, 400));
    }
    let mut child = Command::new(bin())
        .current_dir(d.path())
        .args(["analyze", "-f", "json", "-j", "1", "-o", "out.json", "calls"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the temp file exists, i.e. the run is writing.
    let start = Instant::now();
    while !leftovers(d.path()).iter().any(|n| n.ends_with(".partial")) {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no temp output file appeared"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "run finished before it could be interrupted"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        status.signal(),
        Some(2),
        "an interrupted run ends by SIGINT, not by exit(130): {status:?}"
    );
    assert_eq!(
        leftovers(d.path()),
        Vec::<String>::new(),
        "interrupted run left files behind"
    );
}
