"""The PySpark example (examples/spark_score.py) in local mode, against the CLI.

A few hundred calls from the benches' corpus generator, the ten samples and
three files that fail are scored by Spark on `local[2]` and by `warmcall
analyze -f jsonl`; every input must come back exactly once, each row's
`json` must equal the CLI's record for that input and the typed columns
must equal `warmcall.to_dataframe` of the CLI's records (itself checked
against the CLI's CSV in test_batch.py). Needs pyspark and java: skipped
when missing, failed under CI=true.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

import pandas as pd
import pytest
from test_warmcall import BIN, ROOT, TESTDATA

import warmcall

EXAMPLE = ROOT / "crates" / "warmcall-py" / "examples" / "spark_score.py"
GEN = os.environ.get("WARMCALL_GEN_CORPUS", str(ROOT / "target" / "debug" / "gen-corpus"))
GENERATED = 300
SPARK_TYPES = {"str": "string", "float": "double", "int": "int64", "bool": "bool"}


def need(ok, why):
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why}: under CI=true the Spark test must run (scripts/test.sh installs what it needs)")
        pytest.skip(why)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    need(importlib.util.find_spec("pyspark") is not None, "pyspark is not installed")
    need(shutil.which("java") is not None, "no java runtime (apt-get install default-jre-headless)")
    need(os.path.exists(GEN), f"{GEN} missing (cargo build -p warmcall-benches --bins)")
    d = tmp_path_factory.mktemp("spark")
    corpus = d / "corpus"
    subprocess.run([GEN, str(corpus), "--calls", str(GENERATED)], check=True, capture_output=True)
    bad = d / "bad"
    bad.mkdir()
    (bad / "broken.srt").write_text("1\n00:00:01,000 -> 00:00:02,000\nAnn: Hello.\n")
    (bad / "empty.vtt").write_text("WEBVTT\n\n")
    (bad / "notes.txt").write_text("this is not\na transcript\n")
    return {"corpus": str(corpus), "samples": str(TESTDATA / "samples"), "bad": str(bad), "tmp": d}


@pytest.fixture(scope="module")
def cli_records(inputs):
    folders = [inputs["corpus"], inputs["samples"], inputs["bad"]]
    out = subprocess.run([BIN, "analyze", "-q", "-f", "jsonl", *folders], capture_output=True, text=True, cwd=inputs["tmp"])
    assert out.returncode == 1, out.stderr  # the bad files fail
    recs = {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        if rec["type"] != "summary":
            path = rec.get("path") or rec["source"]["path"]
            assert path not in recs
            recs[path] = rec
    assert sum(r["type"] == "call" for r in recs.values()) == GENERATED + 10
    assert sum(r["type"] == "error" for r in recs.values()) == 3
    return recs


def run_example(inputs, name, *args):
    out_dir = inputs["tmp"] / name
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    cmd = [sys.executable, str(EXAMPLE), *map(str, args), "--master", "local[2]", "-o", str(out_dir)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
    assert p.returncode == 0, p.stderr[-4000:]
    summary = p.stdout.strip().splitlines()[-1]
    print(f"{name}: {summary}")
    import pyarrow.parquet as pq

    schema = pq.read_schema(next(out_dir.glob("*.parquet")))
    assert schema.names == [n for n, _ in warmcall.COLUMNS] + ["json"]
    assert [str(schema.field(n).type) for n, _ in warmcall.COLUMNS] == [SPARK_TYPES[k] for _, k in warmcall.COLUMNS]
    return pd.read_parquet(out_dir, dtype_backend="numpy_nullable"), summary


def check_against_cli(df, cli_records, paths):
    """Every path exactly once; json equal to the CLI's record; typed columns equal to its frame."""
    assert sorted(df["path"]) == sorted(paths), "every input exactly once"
    df = df.sort_values("path").reset_index(drop=True)
    expected = [cli_records[p] for p in df["path"]]
    for got, want in zip(df["json"], expected):
        assert json.loads(got) == want
    typed = df.drop(columns="json").astype({n: warmcall._frame.dtypes()[k] for n, k in warmcall.COLUMNS})
    pd.testing.assert_frame_equal(typed, warmcall.to_dataframe(expected))


def test_spark_folders_equal_cli_jsonl(inputs, cli_records):
    df, summary = run_example(inputs, "folders", inputs["corpus"], inputs["samples"], inputs["bad"])
    check_against_cli(df, cli_records, list(cli_records))
    errors = df[df["status"] == "error"]
    assert sorted(errors["path"]) == sorted(p for p, r in cli_records.items() if r["type"] == "error")
    assert f"{len(cli_records)} inputs ({GENERATED + 10} calls, 3 errors)" in summary


def test_spark_table_equals_cli_jsonl(inputs, cli_records):
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = sorted(p for p in cli_records if p.startswith((inputs["samples"], inputs["bad"])))
    contents = []
    for p in paths:
        with open(p, "rb") as f:
            contents.append(f.read())
    table = inputs["tmp"] / "table.parquet"
    # The table carries the files' times, as the CLI dates an undated call by its file's time.
    modified = pa.array([os.stat(p).st_mtime_ns // 1000 for p in paths], pa.timestamp("us", tz="UTC"))
    columns = {"path": paths, "content": pa.array(contents, pa.binary()), "modified": modified}
    pq.write_table(pa.table(columns), table)
    df, _ = run_example(inputs, "table", "--table", table)
    check_against_cli(df, cli_records, paths)


def test_spark_binaryfile_reader_equals_cli_jsonl(inputs, cli_records):
    paths = sorted(p for p in cli_records if p.startswith((inputs["samples"], inputs["bad"])))
    df, _ = run_example(inputs, "binaryfile", "--read", "spark", inputs["samples"], inputs["bad"])
    check_against_cli(df, cli_records, paths)


def test_example_walks_the_clis_extensions():
    # Folder mode must take what the CLI takes, or the two would score
    # different sets of files. docs/cli.md lists the CLI's (KNOWN_EXTENSIONS
    # in crates/warmcall-cli/src/plan.rs).
    spec = importlib.util.spec_from_file_location("spark_score", EXAMPLE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    listed = re.search(r"extension is one of `([^`]+)`", doc)
    assert listed, "docs/cli.md no longer lists the walked extensions"
    assert sorted(mod.EXTENSIONS) == sorted(listed.group(1).split())
