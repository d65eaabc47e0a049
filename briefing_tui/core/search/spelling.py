"""Typo tolerance: a word that matches nothing is corrected against the index's own vocabulary.

The vocabulary is every word of the items' text as written (not stemmed, accents folded), with the
number of items that use it, read from a small FTS5 table next to the index. Distances are rapidfuzz's
optimal string alignment (a swapped pair of letters counts one edit), computed in C over the whole
vocabulary in a millisecond or two; among the closest words the most used one wins.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass


def max_edits(word: str) -> int:
    """How many edits a correction may make: none for short words (too many near neighbours)."""
    if len(word) <= 3:
        return 0
    if len(word) <= 5:
        return 1
    return 2 if len(word) <= 9 else 3


@dataclass(frozen=True)
class Correction:
    word: str
    """What was typed."""
    replacement: str | None
    """The word searched instead, or None when nothing is close enough."""
    suggestions: tuple[str, ...] = ()
    """Near misses for a "did you mean" when there is no replacement."""


class Vocabulary:
    """Words of the index with their item counts, loaded on first use (thread-safe).

    ``rows`` reads them; it returns None while the index has no vocabulary yet (a large pack's builder adds it
    after search is usable): until then nothing is corrected, and the next use asks again.
    """

    def __init__(self, rows: Callable[[], Iterable[tuple[str, int]] | None]) -> None:
        self._rows = rows
        self._lock = threading.Lock()
        self._words: list[str] | None = None
        self._counts: dict[str, int] = {}

    def _load(self) -> list[str]:
        with self._lock:
            if self._words is None:
                rows = self._rows()
                if rows is None:
                    return []
                # Numbers and one-letter tokens are never what a typo meant.
                self._counts = {word: count for word, count in rows if len(word) > 1 and not word.isdigit()}
                self._words = list(self._counts)
            return self._words

    def __contains__(self, word: str) -> bool:
        self._load()
        return word in self._counts

    def count(self, word: str) -> int:
        self._load()
        return self._counts.get(word, 0)

    def correct(self, word: str, *, prefix: bool = False) -> Correction:
        """The closest known word to ``word`` (a word being typed compares with words' beginnings)."""
        words = self._load()
        limit = max_edits(word)
        if not words or len(word) < 3:
            return Correction(word, None)
        choices: list[str] | dict[int, str] = words
        if prefix:
            # Compare the typed start with each word's start of the same length (and one more letter).
            choices = dict(enumerate(candidate[: len(word) + 1] for candidate in words))
        from rapidfuzz import process  # on the first correction, not at every start (~12 ms)
        from rapidfuzz.distance import OSA

        found = process.extract(word, choices, scorer=OSA.distance, score_cutoff=limit + 1, limit=40)
        if not found:
            return Correction(word, None)
        ranked = sorted(found, key=lambda hit: (hit[1], -self._counts[words[hit[2]] if prefix else hit[0]]))
        best = [words[hit[2]] if prefix else hit[0] for hit in ranked]
        distance = ranked[0][1]
        if distance <= limit and limit:
            return Correction(word, best[0])
        unique = tuple(dict.fromkeys(best))[:3]
        return Correction(word, None, unique)


def closest(value: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """The known values nearest to a mistyped one, for "did you mean …?" (an empty list when none is near)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    options = list(dict.fromkeys(choices))
    cutoff = max(1, len(value) // 3)
    found = process.extract(value, options, scorer=OSA.distance, score_cutoff=cutoff, limit=limit * 3)
    starts = [option for option in options if value and option.startswith(value[:3])]
    ordered = [hit[0] for hit in sorted(found, key=lambda hit: hit[1])] + starts
    return list(dict.fromkeys(ordered))[:limit]
