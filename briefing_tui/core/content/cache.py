"""Cache of validated content, keyed by a hash of the content files.

Parsing and validating TOML costs ~0.3 s per 1,000 items; a start with an unchanged pack
reads the lean entries of the validated library back from a SQLite file instead (``store``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Sequence
from pathlib import Path

from briefing_tui.core.storage import paths

SCHEMA_REVISION = "3"
"""Bump when the models change shape, so old caches are not read back."""
INDEX_REVISION = "2"
"""Bump when the search index's tables change."""


def _schema_source() -> bytes:
    """The code that shapes cached data: any change to it makes old caches unreadable by design.

    (Cheaper than the package version: importlib.metadata costs ~40 ms of every start.)
    """
    from briefing_tui.core import models
    from briefing_tui.core.content import entry

    return b"".join(Path(module.__file__ or "").read_bytes() for module in (models, entry))


def content_key(files: Sequence[Path]) -> str | None:
    """A hash of every file's path and bytes (None if a file cannot be read)."""
    digest = hashlib.blake2b(digest_size=16)
    try:
        digest.update(SCHEMA_REVISION.encode() + _schema_source())
        for path in files:
            digest.update(str(path.resolve()).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def store_path(key: str) -> Path:
    """Where the validated library for this key is kept (a SQLite file, see ``store``)."""
    return paths.cache_dir() / f"library-{key}.sqlite"


def open_store(key: str):
    """The complete store for this key, or None (a bad store is removed, never fatal)."""
    import sqlite3

    from briefing_tui.core.content.store import ItemStore

    path = store_path(key)
    if not path.exists():
        return None
    try:
        store = ItemStore(path)
        store.header()
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # in use: ``prune`` keeps it
    return store


def prune(keep: Path, days: int = 7) -> None:
    """Remove cache files of older content that nobody has used for a while."""
    with contextlib.suppress(OSError):
        limit = time.time() - days * 86400
        for old in keep.parent.glob("*"):
            # (".library-…tmp" and ".search-…tmp": files a crashed build left behind)
            names = ("library-", "content-", "search-", ".library-", ".search-")
            if old != keep and old.name.startswith(names) and old.stat().st_mtime < limit:
                old.unlink()


def index_file(key: str) -> Path:
    """Where the search index of content with this key is kept (the app and ``search.builder`` agree on it)."""
    return paths.cache_dir() / f"search-{INDEX_REVISION}-{key}.sqlite"


def index_path(library) -> Path | None:
    """Where a large library's search index is kept between runs (None: build in memory).

    Small packs index in a few milliseconds, so only large ones are worth a file.
    """
    if len(library.items) < 2_000 or library.key is None:
        return None
    folder = paths.cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    path = index_file(library.key)
    with contextlib.suppress(OSError):
        if path.exists():
            os.utime(path)  # in use: ``prune`` keeps it
    return path
