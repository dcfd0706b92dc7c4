//! Helpers shared by the unit tests of several modules; the integration
//! tests include this file too (`tests/common`), so it uses nothing of the
//! crate.

use std::path::PathBuf;

/// The shared folder beside the repository (`../shared`), or
/// `$WARMCALL_SHARED`. Panics loudly when it is missing: a test that reads
/// the eval or real data must never pass silently without it.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("WARMCALL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    assert!(
        dir.join("SPEC.md").exists(),
        "\n\n*** ../shared NOT FOUND at {} ***\nThis test reads the shared eval/realdata sets; place the shared folder beside \
         the repository or set WARMCALL_SHARED.\n",
        dir.display()
    );
    dir
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
