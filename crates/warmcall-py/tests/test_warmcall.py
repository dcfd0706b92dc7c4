"""pytest suite for the Python bindings.

Run by scripts/test-python.sh after `maturin develop`. WARMCALL_BIN points at
the CLI binary so results can be compared with `warmcall analyze -f jsonl`;
docs/report.schema.json is checked against every report produced here.
"""

import copy
import doctest
import json
import os
import pathlib
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import jsonschema
import pytest

import warmcall

ROOT = pathlib.Path(__file__).resolve().parents[3]
TESTDATA = ROOT / "testdata"
SAMPLES = sorted(p for p in (TESTDATA / "samples").iterdir() if p.suffix in {".vtt", ".srt", ".txt", ".csv", ".json"})
BIN = os.environ.get("WARMCALL_BIN", str(ROOT / "target" / "debug" / "warmcall"))
SCHEMA_FILE = ROOT / "docs" / "report.schema.json"

SEGMENTS = [
    {"speaker": "Sam", "start": 0.0, "end": 4.0, "text": "Hi Jo, this is Sam from Acme, I'm calling about your planning."},
    {"speaker": "Jo", "start": 4.6, "end": 9.0, "text": "Oh right. We do it all in spreadsheets and it takes forever."},
    {"speaker": "Sam", "start": 9.5, "end": 12.0, "text": "How do you handle last-minute changes today?"},
    {"speaker": "Jo", "start": 14.5, "end": 24.0, "text": "Honestly we phone everyone one by one, and half the time somebody misses the message."},
    {"speaker": "Sam", "start": 24.4, "end": 26.0, "text": "What does that cost you in a normal week?"},
    {"speaker": "Jo", "start": 26.5, "end": 34.0, "text": "Probably a full day of my time, plus the angry customers when a technician turns up late."},
]


def run_cli(args, cwd):
    """Runs `warmcall analyze -f jsonl ARGS`; returns (call reports by path, error records by path)."""
    # A fresh folder as the working directory: the CLI would pick up a
    # ./warmcall.toml, the bindings never do.
    out = subprocess.run([BIN, "analyze", "-f", "jsonl", *map(str, args)], capture_output=True, text=True, cwd=cwd)
    assert out.returncode in (0, 1), out.stderr
    calls, errors = {}, {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        # jsonl records are tagged: {"type": "call", <the report's fields>},
        # {"type": "error", path, line, kind, message}, {"type": "summary", …}.
        kind = rec.pop("type")
        if kind == "call":
            calls[rec["source"]["path"]] = rec
        elif kind == "error":
            errors[rec["path"]] = rec
    return calls, errors


@pytest.fixture(scope="module")
def cli_samples(tmp_path_factory):
    calls, errors = run_cli(SAMPLES, tmp_path_factory.mktemp("cli"))
    assert not errors, errors
    return calls


@pytest.fixture(scope="module")
def schema():
    doc = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(doc)
    return jsonschema.Draft202012Validator(doc)


@pytest.fixture(scope="module")
def strict_schema(schema):
    """The schema with `additionalProperties: false` on every object that
    lists its properties: a report key the schema does not document fails."""
    strict = copy.deepcopy(schema.schema)

    def close(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for v in node.values():
                close(v)
        elif isinstance(node, list):
            for v in node:
                close(v)

    close(strict)
    return jsonschema.Draft202012Validator(strict)


def assert_valid(report, schema, strict_schema):
    schema.validate(report)
    strict_schema.validate(report)


def test_samples_exist():
    assert len(SAMPLES) >= 10, f"expected the ten sample transcripts in {TESTDATA / 'samples'}"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_analyze_file_matches_cli(path, cli_samples, schema, strict_schema):
    report = warmcall.analyze_file(str(path))
    assert report["schema"] == warmcall.SCHEMA == "warmcall.report.v1"
    assert str(path) in cli_samples, f"CLI gave no call record for {path}: {list(cli_samples)}"
    assert report == cli_samples[str(path)]
    assert_valid(report, schema, strict_schema)


def test_options_match_cli_flags(tmp_path):
    path = TESTDATA / "samples" / "en02_savings_plan.txt"
    calls, _ = run_cli(["--profile", "cold", "--ui-lang", "nl", "--lang", "en", path], tmp_path)
    mine = warmcall.Analyzer(profile="cold", ui_lang="nl", lang="en").analyze_file(path)
    assert mine["score"]["profile"] == "cold"
    assert mine == calls[str(path)]


def test_text_and_bytes_equal_file():
    path = TESTDATA / "samples" / "nl02_zonnepanelen.srt"
    a = warmcall.analyze_file(path)  # os.PathLike works too
    b = warmcall.analyze_text(path.read_bytes(), name=str(path))
    c = warmcall.analyze_text(path.read_text(encoding="utf-8"), name=str(path))
    # Only a file has a modification time to date an undated call by.
    assert (a.pop("call_date_source"), b.pop("call_date_source")) == ("file_time", None)
    assert a.pop("call_date") is not None and b.pop("call_date") is None
    del c["call_date"], c["call_date_source"]
    assert a == b == c
    d = warmcall.analyze_text(path.read_bytes())
    assert d["source"]["path"] is None and d["source"]["format"] == "srt"


def test_analyze_segments(schema, strict_schema):
    report = warmcall.analyze_segments(SEGMENTS, agent="Sam")
    assert report["roles"] == {"agent": "Sam", "agents": ["Sam"], "basis": "explicit"}
    assert report["source"]["format"] == "canonical-json"
    assert report["source"]["timing"] == "full"
    assert report["talk"]["basis"] == "time"
    assert 0.0 <= report["talk"]["agent_share_of_speech"] <= 1.0
    assert report["questions"]["agent"]["open"] == 2
    assert [s["label"] for s in report["speakers"]] == ["Sam", "Jo"]
    assert report["span_s"] == 34.0
    assert_valid(report, schema, strict_schema)


def test_segments_start_only_and_untimed(schema, strict_schema):
    start_only = [{"speaker": s["speaker"], "start": s["start"], "text": s["text"]} for s in SEGMENTS]
    r = warmcall.analyze_segments(start_only, agent="Sam")
    assert r["source"]["timing"] == "start_only"
    assert r["talk"]["basis"] == "words" and r["silences"] is None
    assert_valid(r, schema, strict_schema)
    untimed = [{"speaker": s["speaker"], "text": s["text"]} for s in SEGMENTS]
    u = warmcall.analyze_segments(untimed, agent="Sam")
    assert u["source"]["timing"] == "none" and u["span_s"] is None
    assert u["talk"]["agent_words"] == r["talk"]["agent_words"] > 0
    assert_valid(u, schema, strict_schema)


def test_segments_equal_canonical_file(tmp_path):
    f = tmp_path / "call.json"
    f.write_text(json.dumps({"segments": SEGMENTS}))
    a = warmcall.analyze_file(str(f), agent="Sam")
    b = warmcall.analyze_segments(SEGMENTS, agent="Sam")
    assert a["source"].pop("path") == str(f)
    assert b["source"].pop("path") is None
    assert (a.pop("call_date_source"), b.pop("call_date_source")) == ("file_time", None)
    del a["call_date"], b["call_date"]
    assert a == b


def test_errors_match_cli(tmp_path):
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01,000 -> 00:00:02,000\nAnn: Hello.\n")
    empty = tmp_path / "empty.vtt"
    empty.write_text("WEBVTT\n\n")
    garbage = tmp_path / "notes.md"
    garbage.write_text("this is not\na transcript\n")
    _, cli_errors = run_cli([bad, empty, garbage], tmp_path)
    for path in (bad, empty, garbage):
        with pytest.raises(warmcall.WarmcallError) as e:
            warmcall.analyze_file(str(path))
        rec = cli_errors[str(path)]
        # The same error as the CLI's: kind, line, and the message (the CLI
        # writes the path and line in front of it as `path:line: message`).
        assert (e.value.kind, e.value.line, e.value.path) == (rec["kind"], rec["line"], str(path))
        line = f"line {rec['line']}: " if rec["line"] else ""
        assert str(e.value) == f"{path}: {line}{rec['message']}"
        assert isinstance(e.value, ValueError)
    assert cli_errors[str(bad)]["kind"] == "parse" and cli_errors[str(bad)]["line"]


def test_mistyped_agent_is_an_error_like_the_cli(tmp_path):
    path = TESTDATA / "samples" / "nl01_planning_teams.vtt"
    _, cli_errors = run_cli(["--agent", "Sane Visser", path], tmp_path)
    rec = cli_errors[str(path)]
    with pytest.raises(warmcall.WarmcallError) as e:
        warmcall.Analyzer(agent="Sane Visser").analyze_file(str(path))
    assert (e.value.kind, e.value.path, e.value.line) == (rec["kind"], str(path), None) == ("agent-not-found", str(path), None)
    assert str(e.value) == f"{path}: {rec['message']}"
    assert 'did you mean "Sanne Visser"' in str(e.value)
    # The right name still scores the call.
    assert warmcall.Analyzer(agent="Sanne Visser").analyze_file(str(path))["roles"]["agent"] == "Sanne Visser"


def test_other_errors(tmp_path):
    with pytest.raises(FileNotFoundError) as e:
        warmcall.analyze_file(str(tmp_path / "missing.vtt"))
    assert e.value.filename == str(tmp_path / "missing.vtt")
    with pytest.raises(warmcall.WarmcallError) as e:
        warmcall.Analyzer(config_toml="no_such_key = 1\n")
    assert e.value.kind == "config" and e.value.line == 1
    with pytest.raises(warmcall.WarmcallError, match="unknown profile"):
        warmcall.Analyzer(profile="no-such-profile")
    with pytest.raises(warmcall.WarmcallError, match="segments\\[0\\]"):
        warmcall.analyze_segments([{"text": "no speaker"}])
    with pytest.raises(warmcall.WarmcallError, match="'start' must be a number"):
        warmcall.analyze_segments([{"speaker": "A", "text": "Hi.", "start": "soon"}])
    with pytest.raises(warmcall.WarmcallError) as e:
        warmcall.analyze_segments([])
    assert e.value.kind == "empty"


def test_config_and_profile():
    a = warmcall.Analyzer(profile="cold", agent="Sam")
    assert a.profile == "cold"
    assert a.analyze_segments(SEGMENTS)["score"]["profile"] == "cold"
    text = warmcall.default_config_toml()
    assert "[silence]" in text and "profile" in text
    assert warmcall.Analyzer(text, agent="Sam").analyze_segments(SEGMENTS) == warmcall.analyze_segments(
        SEGMENTS, agent="Sam"
    )
    custom = warmcall.Analyzer('[[trackers]]\nname = "spreadsheets"\nphrases = ["spreadsheets"]\n', agent="Sam")
    tracker = custom.analyze_segments(SEGMENTS)["trackers"]
    assert [(t["name"], t["agent"], t["customer"]) for t in tracker] == [("spreadsheets", 0, 1)]


def test_one_analyzer_two_threads_1000_calls():
    analyzer = warmcall.Analyzer(agent="Sam")
    calls = []
    for i in range(1000):
        shift = i * 0.5
        calls.append([dict(s, start=s["start"] + shift, end=s["end"] + shift) for s in SEGMENTS])
    threads = set()
    lock = threading.Lock()

    def work(segs):
        r = analyzer.analyze_segments(segs)
        with lock:
            threads.add(threading.get_ident())
        return r

    with ThreadPoolExecutor(max_workers=2) as pool:
        reports = list(pool.map(work, calls))
    assert len(reports) == 1000
    assert len(threads) == 2
    # Every call is the same conversation, shifted in time: the same figures
    # apart from the times, and exactly what a lone call gives.
    alone = [analyzer.analyze_segments(calls[i]) for i in (0, 499, 999)]
    assert [reports[0], reports[499], reports[999]] == alone
    for i, r in enumerate(reports):
        assert r["talk"] == reports[0]["talk"]
        assert r["questions"]["agent"] == reports[0]["questions"]["agent"]
        assert r["span_s"] == 34.0
        assert r["questions"]["items"][0]["start_s"] == pytest.approx(9.5 + i * 0.5)


def test_gil_is_released_while_analysing():
    # One long call analysed on a worker thread while this thread keeps
    # ticking: with the GIL held during the analysis the ticks would stop
    # for its whole length.
    analyzer = warmcall.Analyzer(agent="Sam")

    def call(n):
        return [dict(SEGMENTS[i % 6], start=i * 6.0, end=i * 6.0 + 5.0) for i in range(n)]

    n, alone = 500, 0.0
    while n <= 64000:
        segs = call(n)
        t0 = time.perf_counter()
        analyzer.analyze_segments(segs)
        alone = time.perf_counter() - t0
        if alone >= 0.3:
            break
        n *= 2
    window = []

    def worker():
        start = time.perf_counter()
        analyzer.analyze_segments(segs)
        window.append((start, time.perf_counter()))

    ticks = []
    w = threading.Thread(target=worker)
    w.start()
    while w.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.002)
    w.join()
    start, end = window[0]
    inside = [t for t in ticks if start <= t <= end]
    longest = max(b - a for a, b in zip([start] + inside, inside + [end]))
    # Holding the GIL would leave one gap as long as the whole analysis (it
    # was 1.05 times `alone` when tried); scheduling noise on a busy machine
    # stays well below.
    assert longest < 0.6 * alone, f"{n} segments: analysis {alone:.3f} s, longest pause of this thread {longest:.3f} s"


def test_schema_rejects_what_it_should(schema, strict_schema):
    report = warmcall.analyze_segments(SEGMENTS, agent="Sam")
    assert_valid(report, schema, strict_schema)
    # New fields are allowed by the published schema, not by the strict one.
    extra = dict(report, new_field=1)
    schema.validate(extra)
    with pytest.raises(jsonschema.ValidationError):
        strict_schema.validate(extra)
    for broken in (
        dict(report, schema="warmcall.report.v2"),
        {k: v for k, v in report.items() if k != "talk"},
        dict(report, source=dict(report["source"], timing="partly")),
        dict(report, roles=dict(report["roles"], agents="Sam")),
        dict(report, talk=dict(report["talk"], agent_share_of_speech=1.5)),
    ):
        with pytest.raises(jsonschema.ValidationError):
            schema.validate(broken)


def test_every_testdata_report_validates(tmp_path, schema, strict_schema):
    # Every transcript under testdata/ (all formats and their edge cases),
    # through the CLI: the schema must hold for each report it writes.
    calls, errors = run_cli([TESTDATA, "--exclude", "*.expected.json", "-q"], tmp_path)
    assert len(calls) >= 50, f"only {len(calls)} reports from testdata/"
    for path, report in calls.items():
        try:
            assert_valid(report, schema, strict_schema)
        except jsonschema.ValidationError as e:
            raise AssertionError(f"{path}: {e.message} at {list(e.absolute_path)}") from None
    seen = {
        "timing " + t: any(r["source"]["timing"] == t for r in calls.values()) for t in ("full", "start_only", "none")
    }
    for key in ("silences", "patience", "questions", "pushes", "span_s"):
        seen[key + " null"] = any(r[key] is None for r in calls.values())
        seen[key + " set"] = any(r[key] is not None for r in calls.values())
    assert all(seen.values()), f"testdata/ no longer covers: {[k for k, v in seen.items() if not v]}"
    print(f"{len(calls)} testdata reports valid against {SCHEMA_FILE.name} ({len(errors)} inputs are errors by design)")


def test_module_docstring_examples():
    failures, tried = doctest.testmod(warmcall, verbose=False)
    assert tried >= 3 and failures == 0
