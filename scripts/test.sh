#!/usr/bin/env bash
# The whole test suite: what CI runs and what a newcomer runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tests that read the shared eval/realdata sets (../shared, or
# $WARMCALL_SHARED) skip with one SKIPPED line each when it is missing, and
# append that line to this log; the count is printed at the end. Under
# CI=true the sets are required and those tests fail instead.
mkdir -p target
export WARMCALL_SKIP_LOG="$PWD/target/shared-skips.log"
rm -f "$WARMCALL_SKIP_LOG"
shared="${WARMCALL_SHARED:-../shared}"
if [ ! -f "$shared/SPEC.md" ]; then
  if [ "${CI:-}" = true ]; then
    echo "ERROR: $shared is missing and CI=true: the eval and realdata tests will FAIL" >&2
  else
    echo "WARNING: $shared is missing: the eval and realdata tests will be SKIPPED (each says so)" >&2
  fi
fi
report_skips() {
  local n=0
  [ -f "$WARMCALL_SKIP_LOG" ] && n=$(wc -l <"$WARMCALL_SKIP_LOG")
  if [ "$n" -gt 0 ]; then
    echo "" >&2
    echo "*** $n test(s) SKIPPED: the shared eval/realdata folder is missing ($shared); see $WARMCALL_SKIP_LOG" >&2
  else
    echo "shared-data tests skipped: 0" >&2
  fi
}
trap report_skips EXIT

# The HTML report is tested in headless Chromium, the progress bar and
# Ctrl-C in a shell loop in tmux, the PySpark example on a Java runtime.
# Install them when missing (Debian/Ubuntu); without root, say what to run:
# the browser and Spark tests then fail under CI=true and skip loudly
# elsewhere.
missing=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The walker test checks that .gitignore'd paths are skipped in a git repository.
command -v git >/dev/null 2>&1 || missing+=(git)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} for the browser, terminal and Spark tests" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    echo "" >&2
    echo "*** ${missing[*]} not installed and this user cannot install it (needs root)." >&2
    echo "*** Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "*** Without it the HTML browser or Spark test skips (and FAILS under CI=true)." >&2
    echo "" >&2
  fi
fi

cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# Default members only: the Python extension is tested from Python below.
cargo test --all-targets
cargo test --doc
RUSTDOCFLAGS="-D warnings" cargo doc --quiet -p warmcall --no-deps
# The embedding examples assert what they show; their output is not checked.
cargo run -q -p warmcall --example stream >/dev/null
cargo run -q -p warmcall --example custom_tracker >/dev/null
bash scripts/test-python.sh
