//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

// The library's unit tests find `../shared` with the same function: one
// definition, included here, so both say the same when it is missing.
#[path = "../../src/test_support.rs"]
mod test_support;

/// The shared folder beside the repository (`../shared`), or
/// `$WARMCALL_SHARED`; panics loudly when it is missing. Call it only after
/// [`shared_or_skip`].
pub fn shared_dir() -> PathBuf {
    test_support::shared_dir()
}

/// The shared folder, or `None` after one loud skip line when it is
/// missing outside CI (under `CI=true` a missing folder fails the test).
/// Every test that reads `../shared` starts with
/// `let Some(shared) = common::shared_or_skip() else { return };`.
#[track_caller]
pub fn shared_or_skip() -> Option<PathBuf> {
    test_support::shared_or_skip()
}

/// The repository's testdata folder.
pub fn testdata() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata")
}

/// Reads a config file and the lexicon files it names (relative to the
/// config's folder), as the CLI does: the library itself reads no files.
pub fn load_config(path: impl AsRef<std::path::Path>) -> Result<warmcall::Config, warmcall::Error> {
    let path = path.as_ref();
    let text = std::fs::read_to_string(path).map_err(|e| warmcall::Error::Config {
        key: path.display().to_string(),
        line: 0,
        message: format!("cannot read the config file: {e}"),
    })?;
    let mut cfg = warmcall::config_file::parse_config(&text)?;
    let dir = path.parent().unwrap_or(std::path::Path::new("")).to_path_buf();
    warmcall::config_file::read_lexicon_files(&mut cfg, |f| std::fs::read_to_string(dir.join(f)))?;
    Ok(cfg)
}

/// A detected question kind as the labelled sets write it: `open`,
/// `closed`, `tag`, or `none` for no question.
pub fn kind_name(k: Option<warmcall::QuestionKind>) -> &'static str {
    match k {
        Some(warmcall::QuestionKind::Open) => "open",
        Some(warmcall::QuestionKind::Closed) => "closed",
        Some(warmcall::QuestionKind::Tag) => "tag",
        None => "none",
    }
}
