"""Full-text search over the library: SQLite FTS5 with BM25 ranking and porter stemming.

The index is built once per content version; a large pack's index is kept in the
user cache dir so later starts only open it. Queries are parsed by ``query``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
import threading
from collections import Counter
from pathlib import Path

from briefing_tui.core.content import Library
from briefing_tui.core.search.outcome import EMPTY_MESSAGE, SearchOutcome, SearchResult, outcome_message
from briefing_tui.core.search.query import ParsedQuery, parse_query
from briefing_tui.core.search.rows import ids_digest, rows
from briefing_tui.core.search.snippets import clean_snippet, make_snippet, title_pattern
from briefing_tui.core.search.spelling import Correction, Vocabulary
from briefing_tui.core.search.terms import fts_string, known_word, synonym_words, term
from briefing_tui.core.search.write import create_index, has_words, usable

COLUMN_WEIGHTS = (0.0, 10.0, 4.0, 1.0, 2.0, 0.0)
"""bm25 weights for (id, title, summary, body, tags, facets): a title hit counts most."""

TEXT_COLUMNS = "{title summary body tags}"
"""FTS5 column filter for user words (never the facets column)."""

RANK_ALL = 3_000
"""Match sets up to this size are ranked by BM25 in full."""

RANK_TITLES = 8_000
"""Above RANK_ALL, only items matching in the title are ranked (BM25 costs ~1.5 µs a match:
70,000 matches of "trade" in a 100,000-item pack took 60 ms); past this many title matches,
the title matches come in library order. Both tiers are flagged ``approximate``."""

RERANK_EXTRA = 20
"""Ranked rows fetched beyond the limit, so a title match just below it can be lifted into it."""
TITLE_BONUS = 1.5
"""How much a title holding every query word multiplies an item's score (proportionally for some)."""

SHORT_PREFIX_LIMIT = 200
"""A one-letter prefix matches most items: return the first ones unranked, at once."""


class SearchIndex:
    """An FTS5 index of a library's items. Thread-safe for queries from a worker."""

    def __init__(self, library: Library, path: Path | None = None) -> None:
        self.library = library
        self._lock = threading.Lock()
        self.vocabulary = Vocabulary(self._vocabulary_rows)
        """The words of the items as written, for correcting typos (read on first use)."""
        if path is None:
            self._db = sqlite3.connect(":memory:", check_same_thread=False)
            self._build()
            return
        if path.exists():
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            if self._usable():
                return
            self._db.close()
            with contextlib.suppress(OSError):
                path.unlink()
        self._build_file(path)

    def _build_file(self, path: Path) -> None:
        """Build into a temporary file, then move it into place (readers see all of it or none).

        The file is a cache that can always be rebuilt, so it is written without a journal and
        without syncing: a crash leaves only a temporary file behind, never a partial index.
        """
        temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self._db = sqlite3.connect(str(temp), check_same_thread=False)
            self._db.execute("PRAGMA journal_mode = OFF")
            self._db.execute("PRAGMA synchronous = OFF")
            self._build()
            self._db.close()
            os.replace(temp, path)
        except BaseException:
            self._db.close()
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
        self._db = sqlite3.connect(str(path), check_same_thread=False)

    def _usable(self) -> bool:
        """Complete, and of exactly this library's items (it may have been built from the TOML by ``builder``)."""
        return usable(self._db, len(self.library.entries), ids_digest(entry.id for entry in self.library.entries))

    def _build(self) -> None:
        create_index(self._db, rows(self.library.iter_item_fields()))

    def _vocabulary_rows(self) -> list[tuple[str, int]] | None:
        """The typo vocabulary's words and counts; None until a large pack's builder has added it."""
        with self._lock:
            if not has_words(self._db):
                return None
            return self._db.execute("SELECT term, doc FROM words_vocab").fetchall()

    def close(self) -> None:
        self._db.close()

    # -- query building ---------------------------------------------------------

    def _filter_expression(self, query: ParsedQuery) -> str:
        groups = []
        for name, values in query.filters.items():
            options = [f'facets:"{name}_{value.replace("-", "_")}"' for value in values]
            groups.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
        return " AND ".join(groups)

    def _positive_expression(self, query: ParsedQuery, joiner: str) -> str:
        parts = [term(word) for word in query.words]
        parts += [fts_string(phrase) for phrase in query.phrases]
        if query.prefix:
            prefix = query.prefix.replace('"', "")
            parts.append(f'"{prefix}"*')
        return f" {joiner} ".join(parts)

    def _match(self, query: ParsedQuery, joiner: str = "AND", columns: str = TEXT_COLUMNS) -> str:
        positive = self._positive_expression(query, joiner)
        filters = self._filter_expression(query)
        # Words search the text columns only: the facets column holds tokens such as
        # country_brazil, which the tokenizer splits, so "country" or "br" would match every item.
        parts = [f"{columns} : ({positive})" if positive else "", filters]
        expression = " AND ".join(part for part in parts if part)
        for phrase in query.excluded:
            if expression:
                expression = f"({expression}) NOT {TEXT_COLUMNS} : {fts_string(phrase)}"
        return expression

    # -- running ----------------------------------------------------------------

    def search(
        self,
        text: str | ParsedQuery,
        *,
        limit: int = 50,
        as_typed: bool = False,
        counts: bool = True,
        correct: bool = True,
    ) -> SearchOutcome:
        """Run a query; never raises for any input string.

        With ``counts=False`` the matches per kind are left for ``count`` (the UI shows the
        results first: counting every match of a common word costs more than ranking the top).
        With ``correct`` a word that matches nothing is replaced by the closest word of the index.
        """
        if isinstance(text, ParsedQuery):
            query = text
        else:
            query = parse_query(text, as_typed=as_typed, briefings=self.library.briefings)
        if query.problems:
            # A filter that names nothing: no results rather than results the filter did not narrow.
            return SearchOutcome(query, [], {}, 0, message="; ".join(query.problems))
        if query.is_empty:
            pending = f"Type or pick a {query.pending} (↓ to the list of known values)." if query.pending else ""
            return SearchOutcome(query, [], {}, 0, message=pending or EMPTY_MESSAGE)
        if not query.has_terms and not query.filters:
            return SearchOutcome(query, [], {}, 0, message="Add a word or a filter to go with the exclusion.")
        try:
            outcome = self._search(query, limit, correct=correct)
            if counts:
                self.count(outcome)
        except sqlite3.Error:
            outcome = SearchOutcome(query, [], {}, 0)
        outcome.message = outcome_message(outcome)
        return outcome

    def _search(self, query: ParsedQuery, limit: int, *, correct: bool) -> SearchOutcome:
        short = not query.words and not query.phrases and len(query.prefix) == 1
        outcome = self._run(query, "AND", limit, ranked=not short)
        corrections: list[Correction] = []
        if not outcome.results and correct and query.has_terms:
            corrections = self._corrections(query)
            fixed = {c.word: c.replacement for c in corrections if c.replacement}
            if fixed:
                corrected = dataclasses.replace(
                    query,
                    words=[fixed.get(word, word) for word in query.words],
                    prefix=fixed.get(query.prefix, query.prefix),
                )
                retry = self._run(corrected, "AND", limit, ranked=True)
                if not retry.results and len(corrected.words) + len(corrected.phrases) > 1:
                    retry = self._run(corrected, "OR", limit, ranked=True)
                    retry.relaxed = bool(retry.results)
                if retry.results:
                    retry.query = query
                    retry.corrections = fixed
                    return retry
        if not outcome.results and len(query.words) + len(query.phrases) > 1:
            outcome = self._run(query, "OR", limit, ranked=True)
            outcome.relaxed = bool(outcome.results)
        if not outcome.results:
            outcome.suggestions = list(dict.fromkeys(word for c in corrections for word in c.suggestions))[:3]
        return outcome

    def _corrections(self, query: ParsedQuery) -> list[Correction]:
        """Corrections for the words (and the prefix being typed) that match no item at all."""
        found = []
        for word in query.words:
            if word in query.exact or known_word(word) or word in self.vocabulary or self._matches(fts_string([word])):
                continue
            found.append(self.vocabulary.correct(word))
        prefix = query.prefix
        if prefix and len(prefix) > 2 and not self._matches(fts_string([prefix]) + "*"):
            found.append(self.vocabulary.correct(prefix, prefix=True))
        return found

    def _matches(self, expression: str) -> bool:
        with self._lock:
            return self._db.execute(MORE_THAN, (f"{TEXT_COLUMNS} : ({expression})", 0)).fetchone() is not None

    def _run(self, query: ParsedQuery, joiner: str, limit: int, *, ranked: bool) -> SearchOutcome:
        match = self._match(query, joiner)
        if not match:
            return SearchOutcome(query, [], {}, 0)
        approximate = False
        with self._lock:
            if not (ranked and query.has_terms):
                # Unranked (a one-letter prefix, filters only): the first matches in library order.
                top = self._db.execute(f"{UNRANKED} LIMIT ?", (match, limit)).fetchall()
            elif not self._more_than(match, RANK_ALL):
                top = self._db.execute(RANKED, (match, limit + RERANK_EXTRA)).fetchall()
                top = self._title_first(query, top)[:limit]
            else:
                approximate = True
                titles = self._match(query, joiner, columns="{title}")
                if self._more_than(titles, RANK_TITLES):
                    top = self._db.execute(f"{UNRANKED} LIMIT ?", (titles, limit)).fetchall()
                else:
                    top = self._db.execute(RANKED, (titles, limit)).fetchall()
                if len(top) < limit:
                    others = f"({match}) NOT ({titles})"
                    top += self._db.execute(f"{UNRANKED} LIMIT ?", (others, limit - len(top))).fetchall()
            # Snippets are made here for the shown rows only: FTS5's snippet() inside the ranking
            # query would be built for every match; a rowid lookup (no MATCH) reads just these.
            rowids = [rowid for rowid, _ in top]
            texts = {
                row[0]: row[1:]
                for row in self._db.execute(
                    f"SELECT rowid, title, summary, body FROM items WHERE rowid IN ({','.join('?' * len(rowids))})",
                    rowids,
                )
            }
        terms = expanded_terms(query)
        entries = self.library.entries
        results = []
        for rowid, score in top:
            entry = entries[rowid - 1]
            results.append(
                SearchResult(
                    id=entry.id,
                    kind=entry.kind,
                    title=entry.title,
                    briefing=entry.document,
                    section=entry.section,
                    snippet=clean_snippet(make_snippet(texts.get(rowid, ("", "", "")), terms)),
                    score=-float(score),
                )
            )
        counts = Counter(entry.kind for entry in (entries[rowid - 1] for rowid in rowids))
        outcome = SearchOutcome(query, results, dict(counts), len(results), approximate=approximate, match=match)
        # Fewer results than the limit, unranked or not: they are every match, already counted.
        outcome.counted = len(results) < limit
        return outcome

    def _title_first(self, query: ParsedQuery, top: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Lift the hits whose title holds the query's words ("what is the digital silk road": the item
        named so, not the forty that repeat the phrase in their text). BM25's title weight counts a
        title word once, so a long summary repeating the words outweighs it."""
        pattern = title_pattern(query.highlight_terms())
        if pattern is None or len(top) < 2:
            return top
        entries = self.library.entries
        wanted = len({term[:5] for term in query.highlight_terms()})

        def key(row: tuple[int, float]) -> float:
            title = entries[row[0] - 1].title
            found = len({hit.group(0).lower()[:5] for hit in pattern.finditer(title)})
            share = found / wanted  # how many of the query's words the title has
            precision = min(1.0, found / max(1, len(title.split())))  # and how much of the title they are
            return row[1] * (1 + TITLE_BONUS * share * (1 + precision))  # bm25 scores are negative

        return sorted(top, key=key)

    def _more_than(self, match: str, count: int) -> bool:
        """Whether more than ``count`` items match (stops counting there: cheap)."""
        return self._db.execute(MORE_THAN, (match, count)).fetchone() is not None

    def count(self, outcome: SearchOutcome) -> SearchOutcome:
        """Fill in the matches per kind and the total, counted inside SQLite (no row reaches Python)."""
        if outcome.counted or not outcome.match:
            return outcome
        with self._lock:
            rows = self._db.execute(
                "SELECT kinds.kind, count(*) FROM items JOIN kinds ON kinds.rowid = items.rowid "
                "WHERE items MATCH ? GROUP BY kinds.kind",
                (outcome.match,),
            ).fetchall()
        outcome.kind_counts = dict(rows)
        outcome.total = sum(outcome.kind_counts.values())
        outcome.counted = True
        return outcome

    def interrupt(self) -> None:
        """Stop a query running in another thread (a newer keystroke makes it useless)."""
        self._db.interrupt()


UNRANKED = "SELECT rowid, 0.0 FROM items WHERE items MATCH ? ORDER BY rowid"
RANKED = (
    f"SELECT rowid, bm25(items, {', '.join(map(str, COLUMN_WEIGHTS))}) AS score "
    "FROM items WHERE items MATCH ? ORDER BY score LIMIT ?"
)
MORE_THAN = "SELECT rowid FROM items WHERE items MATCH ? LIMIT 1 OFFSET ?"


def expanded_terms(query: ParsedQuery) -> list[str]:
    """The query's words plus their synonyms: what results and the detail pane highlight."""
    terms = query.highlight_terms()
    return terms + synonym_words(terms)
