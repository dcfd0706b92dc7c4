#!/usr/bin/env bash
# The whole test suite: what CI runs and what a newcomer runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d ../shared ]; then
  echo "WARNING: ../shared is missing: the eval and realdata tests will FAIL loudly" >&2
fi

cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
# Default members only: the Python extension is tested from Python below.
cargo test --all-targets
cargo test --doc
bash scripts/test-python.sh
