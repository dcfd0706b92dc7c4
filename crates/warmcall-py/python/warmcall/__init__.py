"""warmcall: score recorded sales conversations for listening instead of pushing.

Everything runs locally. Reports are plain dicts with the documented field
names (schema ``warmcall.report.v1``), identical to ``warmcall analyze -f json``.

    >>> import warmcall
    >>> report = warmcall.analyze_segments([
    ...     {"speaker": "Sam", "start": 0.0, "end": 4.0, "text": "Hi, this is Sam from Acme. How are things?"},
    ...     {"speaker": "Jo", "start": 4.5, "end": 9.0, "text": "Busy, but fine."},
    ... ], agent="Sam")
    >>> report["roles"]["agent"]
    'Sam'
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, Mapping, Optional

from ._warmcall import Analyzer as _Analyzer
from ._warmcall import WarmcallError, __version__, _default_config_toml

__all__ = ["Analyzer", "WarmcallError", "analyze_file", "analyze_segments", "analyze_text", "default_config_toml"]


def _segments_json(segments: Iterable[Mapping[str, Any]]) -> str:
    out = []
    for i, s in enumerate(segments):
        if "speaker" not in s or "text" not in s:
            raise WarmcallError(f"segment {i}: needs 'speaker' and 'text' (and optionally 'start', 'end' in seconds)")
        seg = {"speaker": str(s["speaker"]), "text": str(s["text"])}
        for k in ("start", "end"):
            if s.get(k) is not None:
                seg[k] = float(s[k])
        out.append(seg)
    return json.dumps({"segments": out})


class Analyzer:
    """A compiled analyzer. Build once; reuse across calls and threads.

    The GIL is released while a transcript is analysed, so a thread pool
    scales across cores.
    """

    def __init__(
        self,
        config_toml: Optional[str] = None,
        *,
        agent: Optional[str] = None,
        lang: str = "auto",
        profile: Optional[str] = None,
    ) -> None:
        self._inner = _Analyzer(config_toml, agent, lang, profile)

    def analyze_file(self, path: str) -> Dict[str, Any]:
        """Analyse one transcript file (format and encoding detected)."""
        return json.loads(self._inner._analyze_file_json(str(path)))

    def analyze_text(self, data: "str | bytes", name: Optional[str] = None) -> Dict[str, Any]:
        """Analyse transcript text or bytes; ``name`` (e.g. ``call.vtt``) helps detection."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        return json.loads(self._inner._analyze_bytes_json(raw, name))

    def analyze_segments(self, segments: Iterable[Mapping[str, Any]]) -> Dict[str, Any]:
        """Analyse segments built in code: dicts with speaker, start, end (s), text."""
        return json.loads(self._inner._analyze_canonical_json(_segments_json(segments)))


def analyze_file(
    path: str, agent: Optional[str] = None, lang: str = "auto", profile: str = "discovery"
) -> Dict[str, Any]:
    """Analyse one transcript file with a one-off analyzer."""
    return Analyzer(agent=agent, lang=lang, profile=profile).analyze_file(path)


def analyze_text(
    data: "str | bytes", name: Optional[str] = None, agent: Optional[str] = None, lang: str = "auto",
    profile: str = "discovery",
) -> Dict[str, Any]:
    """Analyse transcript text with a one-off analyzer."""
    return Analyzer(agent=agent, lang=lang, profile=profile).analyze_text(data, name)


def analyze_segments(
    segments: Iterable[Mapping[str, Any]], agent: Optional[str] = None, lang: str = "auto",
    profile: str = "discovery",
) -> Dict[str, Any]:
    """Analyse a list of segment dicts with a one-off analyzer."""
    return Analyzer(agent=agent, lang=lang, profile=profile).analyze_segments(segments)


def default_config_toml() -> str:
    """The complete default config file, commented (as ``warmcall config --print-default``)."""
    return _default_config_toml()
