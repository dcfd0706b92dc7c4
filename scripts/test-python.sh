#!/usr/bin/env bash
# Builds the Python package as an abi3 wheel with maturin, installs that
# file into a fresh virtualenv (as a user would: no source tree on the path)
# and runs the pytest suite there: the bindings' reports against the CLI's,
# the schema, pickling, the pandas DataFrame against the CLI's CSV, and the
# PySpark example in local mode against the CLI's jsonl (needs java:
# scripts/test.sh installs it).
#
# Needs python3 with venv, and PyPI access: maturin goes into target/pyenv
# (kept), the wheel and the test tools (pytest, jsonschema, mypy, pandas,
# pyarrow, pyspark) into target/wheelenv, made anew on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
pip_quiet=(--quiet --disable-pip-version-check)
tools="$PWD/target/pyenv"
if [ ! -x "$tools/bin/python" ]; then
  python3 -m venv "$tools"
fi
"$tools/bin/python" -m pip install "${pip_quiet[@]}" "maturin>=1.5,<2"

# The suite compares with the CLI's output for the same files, and the Spark
# test scores calls made by the benches' corpus generator.
cargo build --quiet -p warmcall-cli -p warmcall-benches --bins

# Release: the Spark test analyses a few hundred calls, and an unoptimised
# analyzer would make it the slowest step of CI.
wheels="$PWD/target/py-wheels"
rm -rf "$wheels"
(
  cd crates/warmcall-py
  # An extension left by an old `maturin develop` would shadow nothing in
  # the fresh virtualenv, but would confuse anyone importing from here.
  rm -f python/warmcall/_warmcall*.so python/warmcall/_warmcall*.pyd
  "$tools/bin/maturin" build --quiet --release --out "$wheels"
)
wheel=$(ls "$wheels"/warmcall-*-abi3-*.whl)

env="$PWD/target/wheelenv"
python3 -m venv --clear "$env"
"$env/bin/python" -m pip install "${pip_quiet[@]}" "$wheel"
# The installed package, not the source tree, is what the tests import.
(cd "$env" && "$env/bin/python" -c '
import sys, warmcall
assert warmcall.__file__.startswith(sys.prefix), warmcall.__file__
print(f"warmcall {warmcall.__version__} installed from the wheel into {sys.prefix}")
')
# pandas below 3: PySpark 4 does not support pandas 3 yet (it warns so).
"$env/bin/python" -m pip install "${pip_quiet[@]}" \
  "pytest>=7" "jsonschema>=4.18" "mypy>=1.8" "pandas>=1.5,<3" "pyarrow>=10" "pyspark>=3.5,<5"

# The type stubs (__init__.pyi) must match what the module really exports
# (run from target/: mypy writes its cache into the working directory).
(cd target && "$env/bin/python" -m mypy.stubtest warmcall)
# Last, so the suite's closing line is pytest's summary.
WARMCALL_BIN="$PWD/target/debug/warmcall" WARMCALL_GEN_CORPUS="$PWD/target/debug/gen-corpus" \
  "$env/bin/python" -m pytest -q -p no:cacheprovider crates/warmcall-py/tests
