"""Writing the search index's tables (in this process or in ``builder``'s), and checking one before use.

Build cost at 100,000 items (CPU seconds, one core): FTS5 with its default merging 17 s plus 3 s of
'optimize'; without merging while inserting and with a 64 MB pending-terms buffer (flushed as a few
large segments), 7.8 s, and queries as fast as on the optimized index, so no 'optimize' either.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from briefing_tui.core.search.rows import Row, ids_digest

PREFIX_INDEXES = "1 2 3"
"""FTS5 prefix indexes (lengths): a prefix as typed is answered from one of them (without the
2-letter one, "tr" took 80 ms at 100,000 items; without the 3-letter one, a word plus a prefix 35 ms)."""

HASH_BYTES = 64 * 1024 * 1024
"""FTS5 'hashsize': pending terms kept in memory before a segment is written (default 1 MB)."""

CRISIS_MERGE = 1_000
"""Segments of one level before FTS5 must merge them (default 16; FTS5 allows up to 1,999)."""

BUILD_REVISION = "2"
"""Bump when the tables change: an index file of another revision is rebuilt (2: the typo vocabulary is a stage
of its own, recorded in ``meta``)."""

TOKENIZER = "porter unicode61 remove_diacritics 2"


def create_index(db: sqlite3.Connection, items: Iterable[tuple[Row, str]], *, words: bool = True) -> None:
    """Create every table of the index in ``db`` (replacing old ones) from (row, kind) of each item in
    library order; ``meta`` records how many and a digest of their ids, which ``usable`` compares.

    ``words=False`` leaves out the typo vocabulary (``create_words`` adds it later): a large pack's builder
    makes search usable first and adds the vocabulary while search already runs (~2 s at 100,000 items).
    """
    kinds: list[tuple[int, str]] = []
    ids: list[str] = []

    def fts_rows() -> Iterator[Row]:
        for row, kind in items:
            kinds.append((row[0], kind))
            ids.append(row[1])
            yield row

    for table in ("items", "kinds", "meta", "words", "words_vocab"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(
        "CREATE VIRTUAL TABLE items USING fts5("
        "id UNINDEXED, title, summary, body, tags, facets, "
        f"tokenize = '{TOKENIZER}', prefix = '{PREFIX_INDEXES}')"
    )
    with db:
        # No merging while inserting (automerge 0, crisismerge far beyond the segments written): every merge rewrites
        # what earlier ones wrote. The large buffer keeps the segments few.
        for option, value in (("automerge", 0), ("crisismerge", CRISIS_MERGE), ("hashsize", HASH_BYTES)):
            db.execute("INSERT INTO items(items, rank) VALUES (?, ?)", (option, value))
        db.executemany(
            "INSERT INTO items(rowid, id, title, summary, body, tags, facets) VALUES (?, ?, ?, ?, ?, ?, ?)", fts_rows()
        )
        db.execute("CREATE TABLE kinds(rowid INTEGER PRIMARY KEY, kind TEXT NOT NULL)")
        db.executemany("INSERT INTO kinds(rowid, kind) VALUES (?, ?)", kinds)
        db.execute("CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.executemany(
            "INSERT INTO meta(name, value) VALUES (?, ?)",
            [("revision", BUILD_REVISION), ("count", str(len(kinds))), ("ids", ids_digest(ids))],
        )
    if words:
        create_words(db)


def create_words(db: sqlite3.Connection) -> None:
    """Add the typo vocabulary to a complete index, in one transaction (readers see all of it or none)."""
    with db:
        db.execute("BEGIN IMMEDIATE")  # explicit: sqlite3 would run the DDL below outside any transaction
        if has_words(db):
            return  # another builder of the same content added it while this one waited for the lock
        for table in ("words", "words_vocab"):
            db.execute(f"DROP TABLE IF EXISTS {table}")
        # The words as written (no stemming), only to list the vocabulary typos are corrected against:
        # contentless and without positions, it costs a tenth of the index.
        db.execute(
            "CREATE VIRTUAL TABLE words USING fts5(text, content='', detail=none, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        db.execute(
            "INSERT INTO words(rowid, text) SELECT rowid, title || ' ' || summary || ' ' || body || ' ' || tags "
            "FROM items"
        )
        db.execute("CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, 'row')")
        db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('words', '1')")


def meta(db: sqlite3.Connection) -> dict[str, str]:
    """The index's description (revision, item count, ids digest, and ``words`` once the typo vocabulary is in);
    empty for an incomplete or older file."""
    try:
        found = dict(db.execute("SELECT name, value FROM meta").fetchall())
    except sqlite3.DatabaseError:
        return {}
    return found if found.get("revision") == BUILD_REVISION else {}


def has_words(db: sqlite3.Connection) -> bool:
    """Whether the typo vocabulary has been added (``create_words``)."""
    return meta(db).get("words") == "1"


def usable(db: sqlite3.Connection, count: int, ids: str) -> bool:
    """Whether the index in ``db`` is complete and made from exactly these items, in this order."""
    found = meta(db)
    return found.get("count") == str(count) and found.get("ids") == ids
