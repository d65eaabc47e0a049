"""Loading a pack into a ``Library``: from the validated-item cache when it is fresh, else parse, check, store."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.core.content import trusted
from briefing_tui.core.content.checks import check
from briefing_tui.core.content.discovery import content_dirs, content_files
from briefing_tui.core.content.entry import Entry
from briefing_tui.core.content.errors import ContentError, Problem
from briefing_tui.core.content.library import Library, LibraryData
from briefing_tui.core.models import as_data

if TYPE_CHECKING:
    from briefing_tui.core.models import ContentFile, Item


def assemble(parsed: Sequence[tuple[str, ContentFile]]) -> tuple[LibraryData, list[Problem]]:
    """Combine parsed files (items included) into one library and check every cross-reference."""
    items: list[Item] = []
    entries: list[Entry] = []
    for name, content in parsed:
        for item in content.items:
            items.append(item)
            entries.append(Entry.of(item, name))
    briefings, themes, problems = check(parsed, entries)
    item_files = {entry.id: entry.file for entry in entries}
    if len(item_files) != len(items):  # duplicates (already problems): keep the first of each
        seen: set[str] = set()
        unique = []
        for item in items:
            if item.id not in seen:
                seen.add(item.id)
                unique.append(item)
        items = unique
    data = LibraryData(briefings=briefings, items=items, themes=themes, item_files=item_files)
    return data, problems


def load_library(
    folders: Sequence[str | Path] | None = None,
    *,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Load and validate the content folders; raise ContentError listing every problem.

    With ``use_cache``, a pack seen before is read back from the user's cache (its lean
    entries only; items are fetched when shown), and a new one is validated file by file
    into the cache. ``progress(done, total)`` is called while the entries are read.
    """
    from briefing_tui.core.content import cache

    dirs = content_dirs(folders)
    missing = [folder for folder in dirs if not folder.exists()]
    if missing:
        raise ContentError([Problem(str(folder), "no such content folder") for folder in missing])
    files = content_files(dirs)
    if not files:
        raise ContentError([Problem(str(folder), "no .toml content files found") for folder in dirs])
    base = dirs[0] if len(dirs) == 1 else None
    key = cache.content_key(files) if use_cache else None
    if key is not None:
        library = _from_store(key, progress)
        if library is not None:
            return library
        library = _into_store(files, base, key)
        if library is not None:
            return library
    from briefing_tui.core.content.parse import parse_files

    parsed, problems = parse_files(files, base)
    data, assembly_problems = assemble(parsed)
    problems.extend(assembly_problems)
    if problems:
        raise ContentError(problems)
    return Library(data, key)


def _from_store(key: str, progress: Callable[[int, int], None] | None) -> Library | None:
    """The library as the cache holds it, or None (missing, or unreadable and removed)."""
    import sqlite3

    from briefing_tui.core.content import cache

    store = cache.open_store(key)
    if store is None:
        return None
    try:
        header = store.header()
        entries = store.entries(progress)
        data = LibraryData(
            briefings=[trusted.briefing(raw) for raw in header["briefings"]],
            themes=[trusted.theme(raw) for raw in header["themes"]],
        )
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        store.close()
        with contextlib.suppress(OSError):
            store.path.unlink()
        return None
    return Library(data, key, store, entries)


def _into_store(files: Sequence[Path], base: Path | None, key: str) -> Library | None:
    """Validate file by file straight into a new store, keeping only entries in memory.

    Raises ContentError for a bad pack; returns None when the cache cannot be written, and
    the caller loads into memory instead.
    """
    import sqlite3

    from briefing_tui.core.content import cache, store
    from briefing_tui.core.content.parse import describe, item_json, parse_file

    writer = store.open_writer(cache.store_path(key))
    if writer is None:
        return None
    try:
        parsed: list[tuple[str, ContentFile]] = []
        entries: list[Entry] = []
        problems: list[Problem] = []
        for path in files:
            name = describe(base, path) if base else str(path)
            content, found = parse_file(path, name, strict=False)
            problems.extend(found)
            if content is None:
                continue
            for item in content.items:
                entry = Entry.of(item, name)
                entries.append(entry)
                if not problems:  # a bad pack is never stored: stop writing at the first problem
                    writer.add(entry, item_json(item))
            parsed.append((name, dataclasses.replace(content, items=[])))
        briefings, themes, more = check(parsed, entries)
        problems.extend(more)
        if problems:
            raise ContentError(problems)
        header = {
            "briefings": as_data(briefings),
            "themes": as_data(themes),
        }
        path = writer.finish(header)
    except (OSError, sqlite3.Error):
        writer.abandon()
        return None
    except BaseException:
        writer.abandon()
        raise
    cache.prune(path)
    return Library(LibraryData(briefings=briefings, themes=themes), key, store.ItemStore(path), entries)
