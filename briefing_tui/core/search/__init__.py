"""Full-text search: the query language (``query``) and the SQLite FTS5 index (``index``).

The index (and with it sqlite3, spelling and the ranking) is imported on first use: the app's first
screen needs only the snippets and the outcome types, and builds the index after its first frame.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from briefing_tui.core.search.outcome import SearchOutcome, SearchResult
from briefing_tui.core.search.snippets import HL_END, HL_START, highlight_spans, make_snippet

if TYPE_CHECKING:
    from briefing_tui.core.search.index import SearchIndex, expanded_terms

_LAZY = {"SearchIndex": "index", "expanded_terms": "index"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "HL_END",
    "HL_START",
    "SearchIndex",
    "SearchOutcome",
    "SearchResult",
    "expanded_terms",
    "highlight_spans",
    "make_snippet",
]
