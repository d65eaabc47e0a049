"""Snippets of matching text and highlight spans, marked with control characters the UI styles."""

from __future__ import annotations

import functools
import re

HL_START = "\x02"
HL_END = "\x03"
"""Snippet highlight markers: control characters never present in (sanitized) content."""

SNIPPET_BEFORE, SNIPPET_AFTER = 50, 110
"""Characters of context a snippet keeps before and after the first match."""


def clean_snippet(snippet: str) -> str:
    return re.sub(r"\s+", " ", snippet or "").strip()


def make_snippet(fields: tuple[str, str, str], terms: list[str]) -> str:
    """A short extract of an item's (title, summary, body) around the first query word, marked."""
    title, summary, body = fields
    pattern = _pattern_for(terms)
    text, first = summary, 0
    if pattern is not None:
        for candidate in (summary, title, body):
            found = _pattern_for(terms, candidate).search(candidate)  # type: ignore[union-attr]
            if found:
                text, first, pattern = candidate, found.start(), _pattern_for(terms, candidate)
                break
    # A window of characters around the first match, cut at word boundaries.
    begin = 0 if first < SNIPPET_BEFORE else text.rfind(" ", 0, first - SNIPPET_BEFORE) + 1
    finish = len(text) if first + SNIPPET_AFTER >= len(text) else text.find(" ", first + SNIPPET_AFTER)
    if finish == -1:
        finish = len(text)
    # Only the window is scanned for further matches: summaries run to a thousand characters.
    spans = [(found.start(), found.end()) for found in pattern.finditer(text, begin, finish)] if pattern else []
    out, position = [], begin
    for span_start, span_end in spans:
        out.append(text[position:span_start])
        out.append(HL_START + text[span_start:span_end] + HL_END)
        position = span_end
    out.append(text[position:finish])
    return ("…" if begin > 0 else "") + "".join(out) + ("…" if finish < len(text) else "")


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where query words (by stem-ish prefix) occur in a text, for highlighting."""
    pattern = _pattern_for(terms, text)
    if pattern is None:
        return []
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def _pattern_for(terms: list[str], text: str = "") -> re.Pattern[str] | None:
    """The (cached) highlighting pattern for a query's terms; accent-tolerant only for a text with accents
    (a pattern of character classes is several times slower to scan than a literal one)."""
    return _highlight_pattern(tuple(sorted({term for term in terms if term})), not text.isascii())


_ACCENTED = {"a": "aáàâãä", "e": "eéèêë", "i": "iíìîï", "o": "oóòôõö", "u": "uúùûü", "c": "cç", "n": "nñ"}


def _accent_tolerant(stem: str) -> str:
    """A regex for a folded word that also matches its accented spellings ("mexico" finds "México")."""
    return "".join(f"[{_ACCENTED[char]}]" if char in _ACCENTED else re.escape(char) for char in stem)


@functools.lru_cache(maxsize=64)
def _highlight_pattern(terms: tuple[str, ...], tolerant: bool = False) -> re.Pattern[str] | None:
    # A word matches when it starts like a query word minus a suffix-sized tail: a cheap stand-in
    # for the index's stemming ("farming" -> "farm", "investment" -> "investm").
    stems = {term[: max(4, len(term) - 3)] if len(term) > 5 else term for term in terms}
    if not stems:
        return None
    spell = _accent_tolerant if tolerant else re.escape
    alternatives = "|".join(spell(stem) for stem in sorted(stems, key=len, reverse=True))
    return re.compile(r"\b(?:" + alternatives + r")\w*", re.IGNORECASE)


def title_pattern(terms: list[str]) -> re.Pattern[str] | None:
    """Matches the query's words (stem-ish) in a title, for lifting title matches in the ranking."""
    return _pattern_for(terms, "é")  # titles are few and short: always accent-tolerant
