//! Helpers shared by the unit tests of several modules; the integration
//! tests include this file too (`tests/common`), so it uses nothing of the
//! crate.

use std::io::Write;
use std::path::PathBuf;

/// Where the shared folder should be: `$WARMCALL_SHARED`, else `../shared`
/// beside the repository.
fn shared_path() -> PathBuf {
    std::env::var_os("WARMCALL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// The shared folder beside the repository (`../shared`), or
/// `$WARMCALL_SHARED`. Panics loudly when it is missing: call it only after
/// [`shared_or_skip`] said the folder is there.
pub fn shared_dir() -> PathBuf {
    let dir = shared_path();
    assert!(
        dir.join("SPEC.md").exists(),
        "\n\n*** ../shared NOT FOUND at {} ***\nThis test reads the shared eval/realdata sets; place the shared folder beside \
         the repository or set WARMCALL_SHARED.\n",
        dir.display()
    );
    dir
}

/// The shared folder, or `None` when it is missing and the test should
/// skip. A bare clone has no `../shared`: the test then prints one loud
/// line (which test, why) and, when `$WARMCALL_SKIP_LOG` names a file,
/// appends the line there so that `scripts/test.sh` can count the skips.
/// Under `CI=true` the folder is required and a missing one fails the test.
#[track_caller]
pub fn shared_or_skip() -> Option<PathBuf> {
    let dir = shared_path();
    if dir.join("SPEC.md").exists() {
        return Some(dir);
    }
    let at = std::panic::Location::caller();
    let test = std::thread::current().name().unwrap_or("?").to_string();
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "\n\n*** ../shared NOT FOUND at {} ***\n{test} ({}:{}) needs the shared eval/realdata sets, and under CI=true \
         they are required: place the shared folder beside the repository or set WARMCALL_SHARED.\n",
        dir.display(),
        at.file(),
        at.line()
    );
    let line = format!(
        "SKIPPED {test} ({}:{}): needs the shared eval/realdata folder, not found at {} (set WARMCALL_SHARED or place \
         it beside the repository)",
        at.file(),
        at.line(),
        dir.display()
    );
    // Straight to the stderr handle: the test harness captures `eprintln!`
    // of passing tests, and a skip must be seen.
    let _ = writeln!(std::io::stderr().lock(), "{line}");
    if let Some(log) = std::env::var_os("WARMCALL_SKIP_LOG") {
        // One short `write` per line in append mode: parallel tests do not
        // interleave within a line.
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
            let _ = f.write_all(format!("{line}\n").as_bytes());
        }
    }
    None
}

/// Calls `f` with every sequence of exactly `len` symbols of `alphabet`
/// (odometer order), for the tests that compare a fast path with the code
/// it replaced on all short inputs.
pub fn every_string<T: Copy>(alphabet: &[T], len: usize, mut f: impl FnMut(&[T])) {
    if alphabet.is_empty() && len > 0 {
        return;
    }
    let mut idx = vec![0usize; len];
    let mut cur: Vec<T> = idx.iter().map(|&i| alphabet[i]).collect();
    loop {
        f(&cur);
        let mut k = 0;
        while k < len {
            idx[k] += 1;
            if idx[k] < alphabet.len() {
                cur[k] = alphabet[idx[k]];
                break;
            }
            idx[k] = 0;
            cur[k] = alphabet[0];
            k += 1;
        }
        if k == len {
            return;
        }
    }
}
