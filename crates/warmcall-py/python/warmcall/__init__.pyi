import datetime
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple, Union

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

__version__: str
SCHEMA: str
"""The report schema id, ``warmcall.report.v1``."""

COLUMNS: Tuple[Tuple[str, str], ...]
"""The CLI's CSV columns in order, each ``(name, kind)`` with kind ``str``, ``float``, ``int`` or ``bool``."""

Report = Dict[str, Any]
Record = Dict[str, Any]
"""A jsonl record: ``{"type": "call", ...report}`` or ``{"type": "error", "path", "line", "kind", "message"}``."""
BatchInput = Union[
    str,
    os.PathLike[str],
    Tuple[Optional[str], Union[str, bytes]],
    Tuple[Optional[str], Union[str, bytes], Union[None, float, datetime.datetime]],
]

class WarmcallError(ValueError):
    """A transcript or config that warmcall cannot use."""

    kind: str
    """``parse``, ``unknown-format``, ``unsupported``, ``empty``, ``binary`` or ``config`` (as in the CLI)."""
    path: Optional[str]
    line: Optional[int]
    message: str
    """The message without the path and line in front (the CLI's error record ``message``)."""

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
    def analyze_batch(self, inputs: Iterable[BatchInput]) -> List[Record]: ...
    def dataframe(self, inputs: Iterable[BatchInput], *, json: bool = False) -> Any: ...
    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]: ...

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
def to_dataframe(records: Iterable[Mapping[str, Any]], *, json: bool = False) -> Any: ...
