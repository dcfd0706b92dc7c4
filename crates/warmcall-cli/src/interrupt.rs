//! Ctrl-C and SIGTERM: remove any output file still being written, so an
//! interrupted run never leaves a half-written file behind (not under the
//! `-o` name, which is only ever renamed into place, and not as a hidden
//! `.partial` temp file either — it may hold personal data), then die of
//! the signal itself. A process that merely exits 130 looks to a shell like
//! one that failed, so `for f in …; do warmcall …; done` would go on with
//! the next run; one killed by SIGINT stops the loop, as Ctrl-C should.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

use signal_hook::consts::{SIGINT, SIGTERM};

static PARTIAL: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static INSTALL: Once = Once::new();

/// Installs the handler once; later calls do nothing. Until then (no `-o`
/// file open) a signal has its default effect, which is what is wanted.
fn install() {
    INSTALL.call_once(|| {
        // A failure to install only loses the clean-up, never the output.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                if let Ok(paths) = PARTIAL.lock() {
                    for p in paths.iter() {
                        let _ = std::fs::remove_file(p);
                    }
                }
                // Restores the default action and raises the signal again.
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                // Only reached if the signal could not be re-raised.
                std::process::exit(128 + sig);
            }
        });
    });
}

/// Registers a temp file to delete if the run is interrupted.
pub fn track(path: &Path) {
    install();
    if let Ok(mut paths) = PARTIAL.lock() {
        paths.push(path.to_path_buf());
    }
}

/// Forgets a temp file that was renamed into place or removed.
pub fn untrack(path: &Path) {
    if let Ok(mut paths) = PARTIAL.lock() {
        paths.retain(|p| p != path);
    }
}
