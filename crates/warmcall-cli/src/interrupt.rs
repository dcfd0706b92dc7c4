//! Ctrl-C and SIGTERM: remove any output file still being written, so an
//! interrupted run never leaves a half-written file behind (not under the
//! `-o` name, which is only ever renamed into place, and not as a hidden
//! `.partial` temp file either — it may hold personal data).

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

static PARTIAL: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();

/// Exit status after an interrupt, as shells report SIGINT (128 + 2).
const INTERRUPTED: i32 = 130;

/// Installs the handler once; later calls do nothing.
fn install() {
    INSTALL.call_once(|| {
        // A failure to install only loses the clean-up, never the output.
        let _ = ctrlc::set_handler(|| {
            if let Ok(paths) = PARTIAL.lock() {
                for p in paths.iter() {
                    let _ = std::fs::remove_file(p);
                }
            }
            std::process::exit(INTERRUPTED);
        });
    });
}

/// Creates a temp file and registers it for deletion on an interrupt, with
/// no moment in between: the handler is installed first, and the file is
/// created while the list is locked, so a Ctrl-C that lands right after
/// the file appears (the handler runs on its own thread) waits for it to be
/// listed instead of exiting without removing it, or exiting uncaught.
pub fn create_tracked<T, E>(create: impl FnOnce() -> Result<T, E>, path: impl Fn(&T) -> &Path) -> Result<T, E> {
    install();
    let mut paths = PARTIAL.lock().unwrap_or_else(|e| e.into_inner());
    let made = create()?;
    paths.push(path(&made).to_path_buf());
    Ok(made)
}

/// Forgets a temp file that was renamed into place or removed.
pub fn untrack(path: &Path) {
    if let Ok(mut paths) = PARTIAL.lock() {
        paths.retain(|p| p != path);
    }
}
