"""What a search returns: the ranked hits and what the UI needs to explain how they were found."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_tui.core.search.query import ParsedQuery
from briefing_tui.core.search.snippets import HL_END, HL_START


@dataclass(frozen=True)
class SearchResult:
    """One ranked hit."""

    id: str
    kind: str
    title: str
    briefing: str
    section: str
    snippet: str
    score: float

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "source": {"document": self.briefing, "section": self.section},
            "snippet": self.snippet.replace(HL_START, "**").replace(HL_END, "**"),
            "score": round(self.score, 4),
        }


@dataclass
class SearchOutcome:
    """Results of one query with what the UI needs to explain them."""

    query: ParsedQuery
    results: list[SearchResult]
    kind_counts: dict[str, int]
    total: int
    relaxed: bool = False
    """True when no item matched every word and results match any word instead."""
    approximate: bool = False
    """True when there were too many matches to rank all of them (see RANK_ALL)."""
    counted: bool = True
    """False until ``count`` has filled ``kind_counts`` and ``total`` (``search(counts=False)``)."""
    match: str = ""
    """The FTS expression that found the results (what ``count`` counts)."""
    message: str = ""
    corrections: dict[str, str] = field(default_factory=dict)
    """Typed word -> the word searched instead (the typed word matched nothing)."""
    suggestions: list[str] = field(default_factory=list)
    """"Did you mean" words, when nothing matched and no correction was close enough."""

    @property
    def typed_text(self) -> str:
        """The words as typed (those a correction applies to)."""
        return " ".join([*self.query.words, *([self.query.prefix] if self.query.prefix else [])])

    @property
    def corrected_text(self) -> str:
        """The searched words after corrections ("brazil" for "brazl"), for "Showing results for …"."""
        return " ".join(self.corrections.get(word, word) for word in self.typed_text.split())


EMPTY_MESSAGE = "Type words to search; filters: kind: country: actor: sector: briefing:"


def outcome_message(outcome: SearchOutcome) -> str:
    """What the status line says about how the results were found."""
    query = outcome.query
    if query.pending and not outcome.results:
        return f"Type or pick a {query.pending} (↓ lists the known values)."
    if outcome.corrections:
        message = f"Showing results for {outcome.corrected_text} (searched: {outcome.typed_text})"
        if outcome.relaxed:
            message += "; no item has every word, so items with any of them"
        return message
    if not outcome.results:
        if outcome.suggestions:
            return f"No matches. Did you mean: {', '.join(outcome.suggestions)}?"
        return "No matches. Try fewer words, or remove a filter."
    if outcome.relaxed:
        return "No item has all the words: showing items with any of them."
    return ""
