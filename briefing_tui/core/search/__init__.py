"""Full-text search: the query language (``query``) and the SQLite FTS5 index (``index``)."""

from briefing_tui.core.search.index import SearchIndex, SearchOutcome, SearchResult, expanded_terms
from briefing_tui.core.search.snippets import HL_END, HL_START, highlight_spans, make_snippet

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
