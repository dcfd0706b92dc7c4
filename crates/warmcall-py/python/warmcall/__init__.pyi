import os
from typing import Any, Dict, Iterable, Mapping, Optional, Union

__all__ = [
    "SCHEMA",
    "Analyzer",
    "WarmcallError",
    "analyze_file",
    "analyze_segments",
    "analyze_text",
    "default_config_toml",
]

__version__: str
SCHEMA: str
"""The report schema id, ``warmcall.report.v1``."""

Report = Dict[str, Any]

class WarmcallError(ValueError):
    """A transcript or config that warmcall cannot use."""

    kind: str
    """``parse``, ``unknown-format``, ``unsupported``, ``empty``, ``binary`` or ``config`` (as in the CLI)."""
    path: Optional[str]
    line: Optional[int]

class Analyzer:
    def __init__(
        self,
        config_toml: Optional[str] = None,
        *,
        agent: Optional[str] = None,
        lang: str = "auto",
        profile: Optional[str] = None,
        ui_lang: Optional[str] = None,
    ) -> None: ...
    @property
    def profile(self) -> str: ...
    def analyze_file(self, path: Union[str, os.PathLike[str]]) -> Report: ...
    def analyze_text(self, data: Union[str, bytes], name: Optional[str] = None) -> Report: ...
    def analyze_segments(self, segments: Iterable[Mapping[str, Any]]) -> Report: ...

def analyze_file(
    path: Union[str, os.PathLike[str]], agent: Optional[str] = None, lang: str = "auto", profile: str = "discovery"
) -> Report: ...
def analyze_text(
    data: Union[str, bytes],
    name: Optional[str] = None,
    agent: Optional[str] = None,
    lang: str = "auto",
    profile: str = "discovery",
) -> Report: ...
def analyze_segments(
    segments: Iterable[Mapping[str, Any]], agent: Optional[str] = None, lang: str = "auto", profile: str = "discovery"
) -> Report: ...
def default_config_toml() -> str: ...
