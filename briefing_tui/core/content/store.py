"""Validated items kept in a SQLite file and read back one at a time.

A large pack does not fit in memory as full models (100,000 items took ~480 MB), so the
cache holds each item's validated JSON beside its lean ``Entry``. A start reads the
entries only; an item is rebuilt from its JSON when something shows it (``trusted``: it
was validated before it was written), and a few hundred recently used items are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from briefing_tui.core.content import trusted
from briefing_tui.core.content.entry import Entry

STORE_REVISION = "3"
"""Bump when the stored shape (entries, items, header) changes."""

RECENT = 512
"""Full items kept in memory after use (the rest are read back from the file)."""

CHUNK = 500
"""Items rebuilt per step of a long read; between steps other threads (the UI) run."""

ENTRY_CHUNK = 5_000
"""Entries read per step (each is much cheaper than validating an item)."""


class StoreWriter:
    """Writes a store to a temporary file and moves it into place when complete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        self._db = sqlite3.connect(str(self._temp))
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._db.execute("CREATE TABLE items(rowid INTEGER PRIMARY KEY, entry TEXT NOT NULL, item TEXT NOT NULL)")
        self._db.execute("BEGIN")
        self.count = 0
        from pydantic_core import to_json  # a store is written after parsing: pydantic is in use already

        self._to_json = to_json

    def add(self, entry: Entry, item_json: str) -> None:
        self.count += 1
        self._db.execute(
            "INSERT INTO items(rowid, entry, item) VALUES (?, ?, ?)",
            (self.count, self._to_json(entry.row()).decode(), item_json),
        )

    def finish(self, header: dict[str, Any]) -> Path:
        """Commit and move the file into place (atomically: readers see all of it or none)."""
        header = {**header, "count": self.count, "revision": STORE_REVISION}
        self._db.execute("INSERT INTO meta(name, value) VALUES ('header', ?)", (json.dumps(header),))
        self._db.commit()
        self._db.close()
        os.replace(self._temp, self.path)
        return self.path

    def abandon(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        with contextlib.suppress(OSError):
            self._temp.unlink()


def open_writer(path: Path) -> StoreWriter | None:
    """A writer, or None where the cache cannot be written (read-only or full disk)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return StoreWriter(path)
    except (OSError, sqlite3.Error):
        return None


class ItemStore:
    """Read access to a complete store. Safe to use from several threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._recent: OrderedDict[int, Any] = OrderedDict()
        self._header: dict[str, Any] | None = None

    def header(self) -> dict[str, Any]:
        """Briefings, themes, item count (read from the file once)."""
        if self._header is None:
            with self._lock:
                (value,) = self._db.execute("SELECT value FROM meta WHERE name = 'header'").fetchone()
            header = json.loads(value)
            if header.get("revision") != STORE_REVISION:
                raise ValueError("store from another version")
            self._header = header
        return self._header

    def entries(self, progress: Callable[[int, int], None] | None = None) -> list[Entry]:
        """Every entry in library order, read in steps so other threads keep running."""
        total = int(self.header()["count"])
        entries: list[Entry] = []
        from_row = Entry.from_row
        loads = json.loads
        while len(entries) < total:
            with self._lock:
                rows = self._db.execute(
                    "SELECT entry FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?", (len(entries), ENTRY_CHUNK)
                ).fetchall()
            if not rows:
                break
            entries.extend(from_row(loads(row)) for (row,) in rows)
            time.sleep(0)  # let the UI thread take the interpreter
            if progress:
                progress(len(entries), total)
        if len(entries) != total:
            raise ValueError("truncated store")
        return entries

    def get(self, position: int) -> Any:
        """The item at this 0-based position."""
        with self._lock:
            found = self._recent.get(position)
            if found is not None:
                self._recent.move_to_end(position)
                return found
            row = self._db.execute("SELECT item FROM items WHERE rowid = ?", (position + 1,)).fetchone()
        if row is None:
            raise KeyError(position)
        item = trusted.item(json.loads(row[0]))
        with self._lock:
            self._recent[position] = item
            if len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return item

    def iter_items(self) -> Iterator[Any]:
        """Every item in library order, rebuilt a chunk at a time (not kept)."""
        last = 0
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT rowid, item FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, CHUNK)
                ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for _, text in rows:
                yield trusted.item(json.loads(text))

    def iter_fields(self) -> Iterator[dict[str, Any]]:
        """Every item's fields as stored (validated before they were written), in library order.

        For reading text in bulk (the search index): plain dicts, cheaper than ``iter_items``.
        """
        last = 0
        loads = json.loads
        while True:
            with self._lock:
                rows = self._db.execute(
                    "SELECT rowid, item FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, ENTRY_CHUNK)
                ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for _, text in rows:
                yield loads(text)

    def close(self) -> None:
        with self._lock:
            self._db.close()
