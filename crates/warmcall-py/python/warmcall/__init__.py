"""warmcall: score recorded sales conversations for listening instead of pushing.

Everything runs locally. Reports are plain dicts with the documented field
names (schema ``warmcall.report.v1``, see docs/report.schema.json), identical
to the CLI's ``warmcall analyze -f json`` output for the same input.

    >>> import warmcall
    >>> report = warmcall.analyze_segments([
    ...     {"speaker": "Sam", "start": 0.0, "end": 4.0, "text": "Hi, this is Sam from Acme. How are things?"},
    ...     {"speaker": "Jo", "start": 4.5, "end": 9.0, "text": "Busy, but fine."},
    ... ], agent="Sam")
    >>> report["schema"], report["roles"]["agent"], report["talk"]["basis"]
    ('warmcall.report.v1', 'Sam', 'time')

For many calls, build one :class:`Analyzer` and reuse it (it compiles the
lexicons once); it is safe to share across threads, and the GIL is released
while a transcript is analysed:

    >>> analyzer = warmcall.Analyzer(profile="cold", agent="Sam")
    >>> analyzer.analyze_text("Sam: Hi, Sam from Acme. Can I visit you on Tuesday?\\nJo: No thanks.\\n")["pushes"]["count"]
    1
"""

from __future__ import annotations

import datetime
import functools
import json
import math
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _frame
from ._frame import COLUMNS, to_dataframe
from ._warmcall import SCHEMA, WarmcallError, __version__, _default_config_toml
from ._warmcall import Analyzer as _Analyzer

__all__ = [
    "COLUMNS",
    "SCHEMA",
    "Analyzer",
    "WarmcallError",
    "analyze_file",
    "analyze_segments",
    "analyze_text",
    "default_config_toml",
    "to_dataframe",
]

Report = Dict[str, Any]
Record = Dict[str, Any]
BatchInput = Union[
    str,
    "os.PathLike[str]",
    Tuple[Optional[str], Union[str, bytes]],
    Tuple[Optional[str], Union[str, bytes], Union[None, float, datetime.datetime]],
]


def _batch_input(item: Any) -> Any:
    # The native side takes a path string, a (name, bytes) pair or a
    # (name, bytes, seconds since 1970) triple.
    if isinstance(item, tuple):
        name, data = item[0], item[1]
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        name = None if name is None else str(name)
        if len(item) == 2:
            return (name, raw)
        (modified,) = item[2:]
        if modified is not None and hasattr(modified, "timestamp"):
            modified = modified.timestamp()  # datetime, pandas Timestamp
        return (name, raw, None if modified is None or modified != modified else float(modified))
    return os.fspath(item)


def _segment_error(message: str) -> WarmcallError:
    # The same attributes as the errors raised by the native module.
    e = WarmcallError(message)
    e.kind, e.path, e.line = "parse", None, None
    return e


def _segments_json(segments: Iterable[Mapping[str, Any]]) -> str:
    out = []
    for i, s in enumerate(segments):
        if not isinstance(s, Mapping) or "speaker" not in s or "text" not in s:
            raise _segment_error(
                f"segments[{i}]: expected a dict with 'speaker' and 'text' (and optionally 'start', 'end' in seconds)"
            )
        seg: Dict[str, Any] = {"speaker": str(s["speaker"]), "text": str(s["text"])}
        for k in ("start", "end"):
            v = s.get(k)
            if v is None:
                continue
            try:
                t = float(v)
            except (TypeError, ValueError):
                raise _segment_error(f"segments[{i}]: '{k}' must be a number of seconds, found {v!r}") from None
            if not math.isfinite(t):
                raise _segment_error(f"segments[{i}]: '{k}' must be a finite number of seconds, found {v!r}")
            seg[k] = t
        out.append(seg)
    return json.dumps({"segments": out})


class Analyzer:
    """A compiled analyzer. Build once; reuse across calls and threads.

    ``config_toml`` is the text of a ``warmcall.toml`` file (see
    :func:`default_config_toml`); the keyword arguments override it, as the
    CLI's flags do. Raises :class:`WarmcallError` (``kind == "config"``) for a
    bad config or an unknown profile.
    """

    def __init__(
        self,
        config_toml: Optional[str] = None,
        *,
        agent: Optional[str] = None,
        lang: str = "auto",
        profile: Optional[str] = None,
        ui_lang: Optional[str] = None,
    ) -> None:
        self._args = (config_toml, agent, lang, profile, ui_lang)
        self._inner = _Analyzer(config_toml, agent, lang, profile, ui_lang)

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        # A compiled analyzer cannot be pickled, its config can: unpickling
        # rebuilds it, once per process (see _rebuild), so a driver-built
        # analyzer can be shipped to Spark executors or multiprocessing
        # workers and every task after the first reuses the same one.
        return (_rebuild, self._args)

    @property
    def profile(self) -> str:
        """The profile in use (``discovery``, ``cold``, ``support`` or a custom one)."""
        return self._inner.profile

    def analyze_file(self, path: Union[str, "os.PathLike[str]"]) -> Report:
        """Analyse one transcript file (format and encoding detected).

        ``source.path`` in the report is ``path`` as given. A call without
        a date of its own is dated as the CLI dates it: a date in the file's
        or a folder's name, else the file's modification time. Raises
        :class:`OSError` when the file cannot be read and
        :class:`WarmcallError` when it is no transcript warmcall reads.
        """
        return json.loads(self._inner._analyze_file_json(os.fspath(path)))

    def analyze_text(self, data: Union[str, bytes], name: Optional[str] = None) -> Report:
        """Analyse transcript text or bytes (any supported format and encoding).

        ``name`` (e.g. ``"call.vtt"``) helps format detection by its
        extension and becomes ``source.path``; a date in it dates a call
        that has none of its own (there is no file time to fall back on).
        """
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return json.loads(self._inner._analyze_bytes_json(raw, name))

    def analyze_segments(self, segments: Iterable[Mapping[str, Any]]) -> Report:
        """Analyse segments built in code, e.g. a dialer's diarised output.

        Each segment is a dict with ``speaker`` and ``text``, and optionally
        ``start`` and ``end`` in seconds. With both times on every segment
        the call is fully timed; with starts only, ends are inferred; without
        times, figures are in words. The same as analysing the canonical JSON
        file ``{"segments": [...]}``.
        """
        return json.loads(self._inner._analyze_canonical_json(_segments_json(segments)))

    def analyze_batch(self, inputs: Iterable[BatchInput]) -> List[Record]:
        """Analyse many inputs; one record per input, in order, never an exception per input.

        Each input is a path (``str`` or ``os.PathLike``) or a ``(name,
        data)`` pair holding a transcript already in memory (``data`` as
        ``str`` or ``bytes``; ``name`` stands for its path and helps format
        detection, ``None`` allowed), optionally with a third element, the
        file's modification time (a ``datetime`` or seconds since 1970,
        ``None`` allowed). A call without a date of its own is dated as the
        CLI dates it: a date in the name (or a folder's name), else the
        file's modification time — the file's own for a path, the third
        element for a pair. Each record is what ``warmcall analyze
        -f jsonl`` writes for that input: ``{"type": "call", ...report}``,
        or ``{"type": "error", "path", "line", "kind", "message"}`` when the
        input cannot be read or parsed (files over 256 MiB are
        ``too-large``, as with the CLI's default ``--max-size``). The GIL is
        released for the whole batch.
        """
        return [json.loads(t) for t in self._batch_jsonl(inputs)]

    def dataframe(self, inputs: Iterable[BatchInput], *, json: bool = False) -> Any:
        """:meth:`analyze_batch` as a pandas DataFrame: see :func:`to_dataframe`.

        With ``json=True`` the ``json`` column holds each input's jsonl
        record exactly as the native code wrote it (no re-serialisation).
        """
        # The columns come from the native reports: no JSON parsed here.
        texts, columns = self._inner._analyze_batch_columns([_batch_input(i) for i in inputs])
        return _frame.from_columns(columns, texts if json else None)

    def _batch_jsonl(self, inputs: Iterable[BatchInput]) -> List[str]:
        return self._inner._analyze_batch_jsonl([_batch_input(i) for i in inputs])

    def __repr__(self) -> str:
        return f"warmcall.Analyzer(profile={self.profile!r})"


@functools.lru_cache(maxsize=16)
def _rebuild(
    config_toml: Optional[str], agent: Optional[str], lang: str, profile: Optional[str], ui_lang: Optional[str]
) -> Analyzer:
    # An Analyzer is immutable and thread-safe: every unpickling of the same
    # config in one process can share one.
    return Analyzer(config_toml, agent=agent, lang=lang, profile=profile, ui_lang=ui_lang)


@functools.lru_cache(maxsize=8)
def _shared(agent: Optional[str], lang: str, profile: str) -> Analyzer:
    # The one-off functions reuse analyzers: building one compiles every
    # lexicon, and an Analyzer is safe to share.
    return Analyzer(agent=agent, lang=lang, profile=profile)


def analyze_file(
    path: Union[str, "os.PathLike[str]"], agent: Optional[str] = None, lang: str = "auto", profile: str = "discovery"
) -> Report:
    """Analyse one transcript file; see :meth:`Analyzer.analyze_file`."""
    return _shared(agent, lang, profile).analyze_file(path)


def analyze_text(
    data: Union[str, bytes],
    name: Optional[str] = None,
    agent: Optional[str] = None,
    lang: str = "auto",
    profile: str = "discovery",
) -> Report:
    """Analyse transcript text or bytes; see :meth:`Analyzer.analyze_text`."""
    return _shared(agent, lang, profile).analyze_text(data, name)


def analyze_segments(
    segments: Iterable[Mapping[str, Any]], agent: Optional[str] = None, lang: str = "auto", profile: str = "discovery"
) -> Report:
    """Analyse a list of segment dicts; see :meth:`Analyzer.analyze_segments`."""
    return _shared(agent, lang, profile).analyze_segments(segments)


def default_config_toml() -> str:
    """The complete default config file, commented (as ``warmcall config --print-default``)."""
    return _default_config_toml()
