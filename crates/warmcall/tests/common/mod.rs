//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared folder beside the repository (`../shared`), or
/// `$WARMCALL_SHARED`. Panics loudly when it is missing: tests that measure
/// against real data must never pass silently without it.
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

/// The repository's testdata folder.
pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}
