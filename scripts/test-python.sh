#!/usr/bin/env bash
# Builds the Python extension into a virtualenv with maturin (from PyPI) and
# runs its pytest suite against the CLI built by the Rust tests.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/pyenv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7"
cargo build --quiet -p warmcall-cli
(
  export VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH"
  cd crates/warmcall-py
  maturin develop --quiet
)
WARMCALL_BIN="$PWD/target/debug/warmcall" "$venv/bin/python" -m pytest -q crates/warmcall-py/tests
