"""Batches, pickling and DataFrames: the pieces the Spark example stands on.

Every figure is checked against the CLI on the same files: `analyze_batch`
against `warmcall analyze -f jsonl` record for record, `to_dataframe`
against `-f csv` cell for cell, and the DataFrame's aggregates against the
`-f json` summary.
"""

import csv
import datetime
import io
import json
import math
import multiprocessing
import os
import pickle
import subprocess
from concurrent.futures import ProcessPoolExecutor

import pandas as pd
import pytest
from test_warmcall import BIN, SAMPLES, SEGMENTS, TESTDATA, run_cli

import warmcall

PITCH = "Hi, this is Sam from Acme, I am calling about your office planning and how you handle it today."


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The samples, a voicemail-like call, and inputs that fail in three different ways.

    (A missing file is no input for the CLI, which refuses it with exit
    code 2; test_batch_missing_file_is_an_io_record checks the binding's
    record for one.)"""
    d = tmp_path_factory.mktemp("batch")
    (d / "voicemail.txt").write_text(f"Sam: {PITCH}\nJo: Not now, thanks.\n")
    (d / "bad.srt").write_text("1\n00:00:01,000 -> 00:00:02,000\nAnn: Hello.\n")
    (d / "empty.vtt").write_text("WEBVTT\n\n")
    (d / "notes.dat").write_text("this is not\na transcript\n")
    extra = [d / n for n in ("voicemail.txt", "bad.srt", "empty.vtt", "notes.dat")]
    return [str(p) for p in SAMPLES + extra]


def cli(args, tmp_path, fmt):
    out = subprocess.run([BIN, "analyze", "-q", "-f", fmt, *map(str, args)], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout


@pytest.fixture(scope="module")
def records(inputs):
    return warmcall.Analyzer().analyze_batch(inputs)


def test_batch_equals_cli_jsonl(inputs, records, tmp_path):
    mine = {(r.get("path") or r["source"]["path"]): r for r in records}
    assert [r.get("path") or r["source"]["path"] for r in records] == inputs, "one record per input, in order"
    theirs = {}
    for line in cli(inputs, tmp_path, "jsonl").splitlines():
        rec = json.loads(line)
        if rec["type"] != "summary":
            theirs[rec.get("path") or rec["source"]["path"]] = rec
    assert mine == theirs
    kinds = sorted(r["kind"] for r in records if r["type"] == "error")
    assert kinds == ["empty", "parse", "unknown-format"]


def test_batch_missing_file_is_an_io_record(tmp_path):
    missing = str(tmp_path / "missing.vtt")
    recs = warmcall.Analyzer().analyze_batch([missing, SAMPLES[0]])
    assert recs[0] == {"type": "error", "path": missing, "line": None, "kind": "io", "message": "no such file or folder"}
    assert recs[1]["type"] == "call"
    # Near miss: the same path, once it exists, is a call.
    vtt = next(p for p in SAMPLES if p.suffix == ".vtt")
    (tmp_path / "missing.vtt").write_bytes(vtt.read_bytes())
    assert warmcall.Analyzer().analyze_batch([missing])[0]["type"] == "call"


def test_batch_texts_equal_files(inputs, records):
    by_path = {r.get("path") or r["source"]["path"]: r for r in records}
    pairs = []
    for p in inputs[:3] + [inputs[-3]]:  # three calls and the empty file
        with open(p, "rb") as f:
            # The file's time travels with the bytes, as the CLI dates an
            # undated call by it.
            pairs.append((p, f.read(), os.stat(p).st_mtime))
    pairs.append((inputs[0], pairs[0][1].decode("utf-8"), os.stat(inputs[0]).st_mtime))  # text as str
    got = warmcall.Analyzer().analyze_batch(pairs)
    assert got == [by_path[p] for p, _, _ in pairs]
    nameless = warmcall.Analyzer().analyze_batch([(None, pairs[0][1]), (None, b"")])
    assert nameless[0]["call_date"] is None  # no name, no time: undated
    assert nameless[0]["source"]["path"] is None and nameless[0]["talk"] == got[0]["talk"]
    assert nameless[1]["type"] == "error" and nameless[1]["path"] is None


def test_error_message_attribute_is_the_cli_message(inputs, records):
    for rec in records:
        if rec["type"] != "error" or rec["kind"] == "io":
            continue
        with pytest.raises(warmcall.WarmcallError) as e:
            warmcall.analyze_file(rec["path"])
        assert (e.value.message, e.value.line, e.value.kind) == (rec["message"], rec["line"], rec["kind"])


def _cell_equal(kind, cli_cell, value):
    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    if kind == "str":
        return cli_cell == ("" if missing else value)
    if cli_cell == "" or missing:
        return cli_cell == "" and missing
    if kind == "float":
        # The CSV rounds to 3 decimals; the frame keeps the report's figure.
        return abs(float(cli_cell) - value) <= 0.0005 + 1e-9
    if kind == "int":
        return int(cli_cell) == value
    return cli_cell == {True: "true", False: "false"}[bool(value)]


def test_to_dataframe_equals_cli_csv(inputs, records, tmp_path):
    rows = list(csv.reader(io.StringIO(cli(inputs, tmp_path, "csv"))))
    header, rows = rows[0], rows[1:]
    assert header == [name for name, _ in warmcall.COLUMNS]
    df = warmcall.to_dataframe(records)
    assert list(df.columns) == header and len(df) == len(rows) == len(inputs)
    cli_rows = {r[0]: r for r in rows}
    checked = 0
    for _, mine in df.iterrows():
        theirs = cli_rows[mine["path"]]
        for i, (name, kind) in enumerate(warmcall.COLUMNS):
            assert _cell_equal(kind, theirs[i], mine[name]), f"{mine['path']} {name}: csv {theirs[i]!r}, frame {mine[name]!r}"
            checked += 1
    assert checked == len(inputs) * len(header)


def test_dataframe_types_survive_error_rows(records):
    df = warmcall.to_dataframe(records)
    for name, kind in warmcall.COLUMNS:
        assert str(df[name].dtype) == {"str": "string", "float": "float64", "int": "Int64", "bool": "boolean"}[kind], name
    errors = df[df["status"] == "error"]
    assert len(errors) == 3
    assert errors["agent_words"].isna().all() and errors["not_a_conversation"].isna().all()
    ok = df[df["status"] == "ok"]
    assert ok["agent_words"].notna().all() and ok["error"].isna().all()
    assert ok["not_a_conversation"].sum() == 1  # the voicemail
    # The same frame from plain reports, from jsonl records, and in one call
    # from the analyzer (whose json column is the native record text).
    reports = [{k: v for k, v in r.items() if k != "type"} for r in records if r["type"] == "call"]
    pd.testing.assert_frame_equal(warmcall.to_dataframe(reports), ok.reset_index(drop=True))
    direct = warmcall.Analyzer().dataframe([r.get("path") or r["source"]["path"] for r in records], json=True)
    assert [json.loads(t) for t in direct["json"]] == records
    pd.testing.assert_frame_equal(direct.drop(columns="json"), df)


def test_summary_figures_reproduced_from_the_frame(inputs, records, tmp_path):
    summary = json.loads(cli(inputs, tmp_path, "json"))["summary"]
    df = warmcall.to_dataframe(records)
    ok = df[df["status"] == "ok"]
    used = ok[~ok["not_a_conversation"].astype(bool)]
    assert (summary["calls"], summary["not_a_conversation"], summary["aggregated"]) == (len(ok), 1, len(used))
    talk = used["agent_share_of_speech"].dropna()
    assert talk.median() == pytest.approx(summary["talk_share"]["median"])
    assert talk.mean() == pytest.approx(summary["talk_share"]["mean"])
    timed = used[(used["talk_basis"] == "time") & used["agent_s"].notna() & used["customer_s"].notna()]
    pooled = timed["agent_s"].sum() / (timed["agent_s"].sum() + timed["customer_s"].sum())
    assert pooled == pytest.approx(summary["talk_share"]["pooled"])
    for col, key in (("agent_questions", "agent_questions"), ("premature_pushes", "premature_pushes"), ("warmth", "warmth")):
        assert used[col].dropna().astype(float).mean() == pytest.approx(summary[key]["mean"]), col
    assert (used["outcome"] == "advance").mean() == pytest.approx(summary["advance_share"])
    # The near miss: keeping the voicemail in changes the figures.
    assert ok["agent_share_of_speech"].mean() != pytest.approx(summary["talk_share"]["mean"])


def test_to_dataframe_without_pandas_says_so(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pip install pandas"):
        warmcall.to_dataframe([])


CONFIG = '[[trackers]]\nname = "spreadsheets"\nphrases = ["spreadsheets"]\n'


def test_analyzer_pickles_by_config():
    a = warmcall.Analyzer(CONFIG, agent="Sam", profile="cold", ui_lang="nl")
    b = pickle.loads(pickle.dumps(a))
    assert b.profile == "cold"
    assert b.analyze_segments(SEGMENTS) == a.analyze_segments(SEGMENTS)
    assert b.analyze_segments(SEGMENTS)["trackers"][0]["customer"] == 1
    # Rebuilt once per process: every unpickling of this config shares one.
    assert pickle.loads(pickle.dumps(a)) is b
    # Near miss: another config is another analyzer, with its own figures.
    c = pickle.loads(pickle.dumps(warmcall.Analyzer(agent="Sam")))
    assert c is not b and c.profile == "discovery"
    assert c.analyze_segments(SEGMENTS)["trackers"] == []


def test_pickled_analyzer_works_in_another_process():
    a = warmcall.Analyzer(CONFIG, agent="Sam", profile="cold")
    text = "".join(f"{s['speaker']}: {s['text']}\n" for s in SEGMENTS)
    # spawn, not fork: the child has nothing of this process but the pickle.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        theirs = pool.submit(a.analyze_text, text, "call.txt").result()
        assert theirs == a.analyze_text(text, "call.txt")
        assert theirs["score"]["profile"] == "cold" and theirs["trackers"][0]["name"] == "spreadsheets"
        # An error raised there arrives here whole.
        with pytest.raises(warmcall.WarmcallError) as e:
            pool.submit(a.analyze_text, "WEBVTT\n\n", "empty.vtt").result()
    with pytest.raises(warmcall.WarmcallError) as here:
        a.analyze_text("WEBVTT\n\n", "empty.vtt")
    assert (e.value.kind, e.value.path, e.value.line) == ("empty", "empty.vtt", None)
    assert (str(e.value), e.value.message) == (str(here.value), here.value.message)


def test_error_pickles():
    with pytest.raises(warmcall.WarmcallError) as e:
        warmcall.analyze_text("1\n00:00:01,000 -> 00:00:02,000\nAnn: Hello.\n", "bad.srt")
    back = pickle.loads(pickle.dumps(e.value))
    assert type(back) is warmcall.WarmcallError and str(back) == str(e.value)
    assert (back.kind, back.path, back.line, back.message) == (e.value.kind, "bad.srt", 2, e.value.message)


def test_undated_calls_are_dated_as_the_cli_dates_them(tmp_path):
    a = warmcall.Analyzer()
    text = (TESTDATA / "samples" / "en02_savings_plan.txt").read_bytes()
    # A date in the name (or a folder's name) wins over any file time.
    named = tmp_path / "2026-03-14" / "call.txt"
    named.parent.mkdir()
    named.write_bytes(text)
    os.utime(named, (86_400 * 20_000, 86_400 * 20_000))
    by_path, by_pair, by_triple = a.analyze_batch(
        [str(named), (str(named), text), (str(named), text, 0.0)]
    )
    for rec in (by_path, by_pair, by_triple):
        assert (rec["call_date"], rec["call_date_source"]) == ("2026-03-14", "file_name")
    # Else the file's time: the file's own for a path, the third element for a pair.
    plain = tmp_path / "call.txt"
    plain.write_bytes(text)
    os.utime(plain, (86_400 * 20_000 + 5, 86_400 * 20_000 + 5))
    by_path, by_pair, by_triple, by_datetime, no_time = a.analyze_batch(
        [
            str(plain),
            (str(plain), text),
            (str(plain), text, 86_400 * 20_001 + 0.5),
            (str(plain), text, datetime.datetime(2025, 1, 2, 3, 4, tzinfo=datetime.timezone.utc)),
            (str(plain), text, None),
        ]
    )
    assert (by_path["call_date"], by_path["call_date_source"]) == ("2024-10-04", "file_time")
    assert by_pair["call_date"] is None and by_pair["call_date_source"] is None
    assert (by_triple["call_date"], by_triple["call_date_source"]) == ("2024-10-05", "file_time")
    assert by_datetime["call_date"] == "2025-01-02"
    assert no_time["call_date"] is None
    assert a.analyze_file(plain)["call_date"] == "2024-10-04"
    assert a.analyze_text(text, name="calls/20260314-1.txt")["call_date"] == "2026-03-14"
