#!/usr/bin/env bash
# Builds the Python extension (debug) into a virtualenv with maturin and runs
# its pytest suite, which compares the bindings' reports with the CLI's and
# validates reports against docs/report.schema.json.
#
# Needs python3 with venv, and PyPI access on the first run (maturin, pytest,
# jsonschema and mypy are installed into target/pyenv, then reused).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$PWD/target/pyenv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.5,<2" "pytest>=7" "jsonschema>=4.18" "mypy>=1.8"
# The suite compares with the CLI's output for the same files.
cargo build --quiet -p warmcall-cli
(
  export VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH"
  cd crates/warmcall-py
  # A stale extension from another build mode would shadow the new one.
  rm -f python/warmcall/_warmcall*.so python/warmcall/_warmcall*.pyd
  maturin develop --quiet
)
# The type stubs (__init__.pyi) must match what the module really exports
# (run from target/: mypy writes its cache into the working directory).
(cd target && "$venv/bin/python" -m mypy.stubtest warmcall)
# Last, so the suite's closing line is pytest's summary.
WARMCALL_BIN="$PWD/target/debug/warmcall" "$venv/bin/python" -m pytest -q -p no:cacheprovider crates/warmcall-py/tests
