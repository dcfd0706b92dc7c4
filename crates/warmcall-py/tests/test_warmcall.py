"""pytest suite for the Python bindings.

Run by scripts/test.sh after `maturin develop`. WARMCALL_BIN points at the
CLI binary so results can be compared with `warmcall analyze -f json`.
"""

import json
import os
import pathlib
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import warmcall

ROOT = pathlib.Path(__file__).resolve().parents[3]
TESTDATA = ROOT / "testdata"
SAMPLES = sorted(p for p in (TESTDATA / "samples").iterdir() if p.suffix in {".vtt", ".srt", ".txt", ".csv", ".json"})
BIN = os.environ.get("WARMCALL_BIN", str(ROOT / "target" / "debug" / "warmcall"))

SEGMENTS = [
    {"speaker": "Sam", "start": 0.0, "end": 4.0, "text": "Hi Jo, this is Sam from Acme, I'm calling about your planning."},
    {"speaker": "Jo", "start": 4.6, "end": 9.0, "text": "Oh right. We do it all in spreadsheets and it takes forever."},
    {"speaker": "Sam", "start": 9.5, "end": 12.0, "text": "How do you handle last-minute changes today?"},
    {"speaker": "Jo", "start": 14.5, "end": 24.0, "text": "Honestly we phone everyone one by one, and half the time somebody misses the message."},
    {"speaker": "Sam", "start": 24.4, "end": 26.0, "text": "What does that cost you in a normal week?"},
    {"speaker": "Jo", "start": 26.5, "end": 34.0, "text": "Probably a full day of my time, plus the angry customers when a technician turns up late."},
]


def cli_reports(paths):
    out = subprocess.run([BIN, "analyze", "-f", "jsonl", *map(str, paths)], capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    calls = {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        if rec.get("type") == "call":
            calls[rec["report"]["source"]["path"] if "report" in rec else rec["source"]["path"]] = rec.get("report", rec)
    return calls


def test_samples_exist():
    assert SAMPLES, f"no sample transcripts in {TESTDATA / 'samples'}"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_analyze_file_matches_cli(path):
    report = warmcall.analyze_file(str(path))
    assert report["schema"] == "warmcall.report.v1"
    cli = cli_reports([path])
    assert str(path) in cli, f"CLI gave no call record for {path}: {list(cli)}"
    mine = dict(report)
    theirs = dict(cli[str(path)])
    assert mine == theirs


def test_analyze_segments():
    report = warmcall.analyze_segments(SEGMENTS, agent="Sam")
    assert report["roles"]["agent"] == "Sam"
    assert report["talk"]["basis"] == "time"
    assert 0.0 <= report["talk"]["agent_share_of_speech"] <= 1.0
    assert report["questions"]["agent"]["open"] == 2
    assert len(report["speakers"]) == 2


def test_segments_equal_canonical_file(tmp_path):
    f = tmp_path / "call.json"
    f.write_text(json.dumps({"segments": SEGMENTS}))
    a = warmcall.analyze_file(str(f), agent="Sam")
    b = warmcall.analyze_segments(SEGMENTS, agent="Sam")
    a["source"].pop("path")
    b["source"].pop("path")
    assert a == b


def test_errors_are_python_exceptions(tmp_path):
    bad = tmp_path / "bad.srt"
    bad.write_text("this is not\na subtitle file\n")
    with pytest.raises(warmcall.WarmcallError) as e:
        warmcall.analyze_file(str(bad))
    assert "bad.srt" in str(e.value)
    with pytest.raises(warmcall.WarmcallError):
        warmcall.Analyzer(config_toml="no_such_key = 1\n")
    with pytest.raises(OSError):
        warmcall.analyze_file(str(tmp_path / "missing.vtt"))
    with pytest.raises(warmcall.WarmcallError):
        warmcall.analyze_segments([{"text": "no speaker"}])


def test_config_and_profile():
    a = warmcall.Analyzer(profile="cold", agent="Sam")
    r = a.analyze_segments(SEGMENTS)
    assert r["score"]["profile"] == "cold"
    text = warmcall.default_config_toml()
    assert "profile" in text
    warmcall.Analyzer(config_toml=text)


def test_one_analyzer_two_threads_1000_calls():
    analyzer = warmcall.Analyzer(agent="Sam")
    calls = []
    for i in range(1000):
        shift = i * 0.01
        calls.append([dict(s, start=s["start"] + shift, end=s["end"] + shift) for s in SEGMENTS])
    seen = set()
    lock = threading.Lock()

    def work(segs):
        r = analyzer.analyze_segments(segs)
        with lock:
            seen.add(threading.get_ident())
        return r["questions"]["agent"]["total"]

    with ThreadPoolExecutor(max_workers=2) as pool:
        totals = list(pool.map(work, calls))
    assert len(totals) == 1000
    assert set(totals) == {totals[0]}
    assert len(seen) >= 1
