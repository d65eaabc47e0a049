"""Full-text search: the query language (``query``) and the SQLite FTS5 index (``index``).

The index (and with it sqlite3, spelling and the ranking), the query language and the outcome types
are imported on first use: the app's first screen needs only the snippets' markers, builds the index
after its first frame and runs a query when one is typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.core.lazy import lazy_attributes
from briefing_tui.core.search.snippets import HL_END, HL_START, highlight_spans, make_snippet

if TYPE_CHECKING:
    from briefing_tui.core.search.index import SearchIndex, expanded_terms
    from briefing_tui.core.search.outcome import SearchOutcome, SearchResult

__getattr__ = lazy_attributes(
    __name__,
    {"SearchIndex": "index", "expanded_terms": "index", "SearchOutcome": "outcome", "SearchResult": "outcome"},
)


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
