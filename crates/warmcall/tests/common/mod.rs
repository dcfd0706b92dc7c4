//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

// The library's unit tests find `../shared` with the same function: one
// definition, included here, so both say the same when it is missing.
#[path = "../../src/test_support.rs"]
mod test_support;

/// The shared folder beside the repository (`../shared`), or
/// `$WARMCALL_SHARED`; panics loudly when it is missing.
pub fn shared_dir() -> PathBuf {
    test_support::shared_dir()
}

/// The repository's testdata folder.
pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}
