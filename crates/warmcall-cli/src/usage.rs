//! Usage and configuration problems: exit code 2. Kept apart from the
//! flags (`args.rs`, which the build script also compiles) so that every
//! layer can raise one without importing another.

use anyhow::anyhow;

/// A usage or configuration problem: exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Wraps any error as a usage error.
pub fn usage(e: impl std::fmt::Display) -> anyhow::Error {
    anyhow!(UsageError(e.to_string()))
}
