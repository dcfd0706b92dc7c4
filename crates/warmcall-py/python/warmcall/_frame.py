"""The CLI's CSV columns as a pandas DataFrame.

One row per input, columns named and ordered as in ``warmcall analyze -f
csv`` (docs/cli.md), extracted from the report dicts the same way
crates/warmcall-cli/src/output/csv.rs extracts them from the Rust report.
pandas is imported only when a frame is built: the rest of the package
does not need it.
"""

from __future__ import annotations

import json as _json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

# (name, kind) in the CSV's order; kind is "str", "float", "int" or "bool".
COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("path", "str"),
    ("status", "str"),
    ("error", "str"),
    ("format", "str"),
    ("language", "str"),
    ("timing", "str"),
    ("agent", "str"),
    ("role_basis", "str"),
    ("span_s", "float"),
    ("talk_basis", "str"),
    ("agent_share_of_speech", "float"),
    ("agent_share_of_call", "float"),
    ("agent_s", "float"),
    ("customer_s", "float"),
    ("agent_words", "int"),
    ("customer_words", "int"),
    ("turns", "int"),
    ("switches_per_minute", "float"),
    ("longest_monologue_s", "float"),
    ("longest_monologue_words", "int"),
    ("longest_story_s", "float"),
    ("longest_story_words", "int"),
    ("silence_count", "int"),
    ("silence_total_s", "float"),
    ("silence_share_of_span", "float"),
    ("longest_silence_s", "float"),
    ("dead_air_count", "int"),
    ("patience_mean_s", "float"),
    ("patience_median_s", "float"),
    ("interruptions_by_agent", "int"),
    ("interruptions_by_customer", "int"),
    ("agent_questions", "int"),
    ("agent_open_questions", "int"),
    ("agent_closed_questions", "int"),
    ("agent_follow_ups", "int"),
    ("agent_questions_per_10_min", "float"),
    ("customer_questions", "int"),
    ("pushes", "int"),
    ("premature_pushes", "int"),
    ("first_push_s", "float"),
    ("outcome", "str"),
    ("warmth", "float"),
    ("profile", "str"),
    ("findings", "int"),
    ("high_findings", "str"),
    ("warnings", "int"),
    ("agent_name", "str"),
    ("agent_person", "str"),
    ("call_date", "str"),
    ("call_date_source", "str"),
    ("not_a_conversation", "bool"),
)

# pandas dtypes: nullable everywhere a cell can be empty, so an error row
# leaves an integer column integer (<NA>) instead of turning it into floats.
# Floats stay numpy float64 (NaN when empty), what numeric code expects.
DTYPES: Dict[str, str] = {"str": "string", "float": "float64", "int": "Int64", "bool": "boolean"}

Record = Mapping[str, Any]


def _get(d: Optional[Mapping[str, Any]], *keys: str) -> Any:
    for k in keys:
        if d is None:
            return None
        d = d.get(k)
    return d


def _error_text(rec: Record) -> str:
    line, message = rec.get("line"), rec.get("message", "")
    return f"line {line}: {message}" if line else str(message)


def row(rec: Record) -> List[Any]:
    """The cells of one record (a report, or a jsonl call or error record) in :data:`COLUMNS` order."""
    if rec.get("type") == "error":
        cells: List[Any] = [None] * len(COLUMNS)
        cells[0], cells[1], cells[2] = rec.get("path"), "error", _error_text(rec)
        return cells
    src, talk, turns = rec["source"], rec["talk"], rec["turns"]
    mono, story = turns.get("longest_agent_monologue"), turns.get("longest_customer_story")
    sil, pat, inter = rec.get("silences"), rec.get("patience"), rec.get("interruptions")
    q, p = rec.get("questions"), rec.get("pushes")
    findings = rec.get("findings") or []
    high: List[str] = []
    for f in findings:
        if f.get("severity") == "high" and f.get("id") not in high:
            high.append(f["id"])
    return [
        src.get("path"),
        "ok",
        None,
        src.get("format"),
        src.get("language"),
        src.get("timing"),
        _get(rec, "roles", "agent"),
        _get(rec, "roles", "basis"),
        rec.get("span_s"),
        talk.get("basis"),
        talk.get("agent_share_of_speech"),
        talk.get("agent_share_of_call"),
        talk.get("agent_s"),
        talk.get("customer_s"),
        talk.get("agent_words"),
        talk.get("customer_words"),
        turns.get("count"),
        turns.get("switches_per_minute"),
        _get(mono, "s"),
        _get(mono, "words"),
        _get(story, "s"),
        _get(story, "words"),
        _get(sil, "count"),
        _get(sil, "total_s"),
        _get(sil, "share_of_span"),
        _get(sil, "longest_s"),
        _get(sil, "by_class", "dead_air"),
        _get(pat, "mean_s"),
        _get(pat, "median_s"),
        _get(inter, "by_agent"),
        _get(inter, "by_customer"),
        _get(q, "agent", "total"),
        _get(q, "agent", "open"),
        _get(q, "agent", "closed"),
        _get(q, "agent", "follow_up"),
        _get(q, "agent", "per_10_min"),
        _get(q, "customer", "total"),
        _get(p, "count"),
        _get(p, "premature"),
        _get(p, "first_s"),
        _get(rec, "outcome", "kind"),
        _get(rec, "score", "warmth"),
        _get(rec, "score", "profile"),
        len(findings),
        " ".join(high),
        len(src.get("warnings") or []),
        _get(rec, "agent", "name"),
        _get(rec, "agent", "person"),
        rec.get("call_date"),
        rec.get("call_date_source"),
        any(f.get("id") == "not-a-conversation" for f in findings),
    ]


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped,unused-ignore]
    except ImportError:
        raise ImportError("warmcall.to_dataframe needs pandas: pip install pandas") from None
    return pandas


def dtypes() -> Dict[str, str]:
    """:data:`DTYPES`, with Arrow-backed strings when pyarrow is installed.

    Python-stored strings (pandas 2's default) cost 0.4 s per 4,000 calls
    when Spark converts the ``json`` column to Arrow; pandas 3 picks Arrow
    storage by itself when it can. Decided here, not at import, so ``import
    warmcall`` does not load pyarrow.
    """
    try:
        import pyarrow  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        return DTYPES
    return dict(DTYPES, str="string[pyarrow]")


def from_columns(columns: Sequence[Sequence[Any]], texts: Optional[Sequence[str]] = None) -> Any:
    """The DataFrame of cells given column by column; with ``texts`` (each record's JSON) a last ``json`` column."""
    pd = _pandas()
    types = dtypes()
    data: Dict[str, Any] = {}
    for (name, kind), cells in zip(COLUMNS, columns):
        data[name] = pd.array(cells, dtype=types[kind])
    if texts is not None:
        data["json"] = pd.array(texts, dtype=types["str"])
    return pd.DataFrame(data)


def frame(records: Sequence[Record], texts: Optional[Sequence[str]] = None) -> Any:
    """The DataFrame of ``records``; with ``texts`` (each record's JSON) a last ``json`` column."""
    rows = [row(r) for r in records]
    return from_columns([[r[i] for r in rows] for i in range(len(COLUMNS))], texts)


def tagged(rec: Record) -> Dict[str, Any]:
    """A plain report becomes a jsonl call record (``"type": "call"`` first); records stay as they are."""
    if "type" in rec:
        return dict(rec)
    return {"type": "call", **rec}


def to_dataframe(records: Iterable[Record], *, json: bool = False) -> Any:
    """A batch as a pandas DataFrame with the CLI's CSV columns, one row per record.

    ``records`` are reports (what ``analyze_file`` returns) or jsonl records
    (what :meth:`Analyzer.analyze_batch` returns and ``warmcall analyze -f
    jsonl`` writes): a ``{"type": "error", ...}`` record becomes a row with
    ``status == "error"``, its message in ``error`` and every figure empty.
    Integer columns are nullable (``Int64``), strings ``string``, floats
    ``float64`` (NaN when not available), ``not_a_conversation`` nullable
    ``boolean``; figures keep the report's precision (the CSV rounds to 3
    decimals). ``json=True`` adds a ``json`` column holding each record as
    JSON text. ``summary`` records are skipped. Needs pandas.
    """
    recs = [tagged(r) for r in records if r.get("type") != "summary"]
    texts = [_json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in recs] if json else None
    return frame(recs, texts)
