"""Cache of validated content, keyed by a hash of the content files.

Parsing and validating TOML costs ~0.3 s per 1,000 items; reading back the
validated library as JSON is several times faster, so large packs start quickly.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from briefing_tui import paths
from briefing_tui.atomic import write_atomic

SCHEMA_REVISION = "2"
"""Bump when the models change shape, so old caches are not read back."""
INDEX_REVISION = "2"
"""Bump when the search index's tables change."""


def _package_version() -> str:
    try:
        return version("briefing-tui")
    except PackageNotFoundError:
        return "dev"


def content_key(files: Sequence[Path]) -> str | None:
    """A hash of every file's path and bytes (None if a file cannot be read)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{SCHEMA_REVISION}:{_package_version()}".encode())
    try:
        for path in files:
            digest.update(str(path.resolve()).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    except OSError:
        return None
    return digest.hexdigest()


CHUNK = 500
"""Items validated per call when reading the cache; between chunks other threads (the UI) run."""


def _path(key: str) -> Path:
    return paths.cache_dir() / f"content-{key}.jsonl"


def read(key: str, progress: Callable[[int, int], None] | None = None):
    """The cached library for this key, or None (a bad cache is ignored, not fatal).

    The file is JSON lines: a header (briefings, themes), then one item per line. Items
    are validated in chunks so a large pack never holds the interpreter for long.
    """
    from pydantic import TypeAdapter, ValidationError

    from briefing_tui.content import LibraryData
    from briefing_tui.models import Item

    path = _path(key)
    try:
        with open(path, "rb") as handle:
            header = json.loads(handle.readline())
            total = int(header.pop("count"))
            adapter = TypeAdapter(list[Item])
            items: list = []
            batch: list[bytes] = []
            for line in handle:
                batch.append(line.rstrip(b"\n"))
                if len(batch) == CHUNK:
                    items.extend(adapter.validate_json(b"[" + b",".join(batch) + b"]"))
                    batch.clear()
                    time.sleep(0)  # let the UI thread take the interpreter
                    if progress:
                        progress(len(items), total)
            if batch:
                items.extend(adapter.validate_json(b"[" + b",".join(batch) + b"]"))
        if len(items) != total:
            raise ValueError("truncated cache")
        shell = LibraryData.model_validate({**header, "items": []})
        return LibraryData.model_construct(
            briefings=shell.briefings, themes=shell.themes, item_files=shell.item_files, items=items
        )
    except OSError:
        return None
    except (ValidationError, ValueError, KeyError, TypeError):
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def write(key: str, data) -> None:
    """Store the library; failures (read-only disk, full disk) only cost speed."""
    target = _path(key)
    header = json.loads(data.model_dump_json(exclude={"items"}))
    header["count"] = len(data.items)
    lines = [json.dumps(header).encode()]
    lines += [item.model_dump_json().encode() for item in data.items]
    with contextlib.suppress(OSError):
        write_atomic(target, b"\n".join(lines) + b"\n", mode=0o644)
        for old in target.parent.glob("content-*"):
            if old != target and old.stat().st_mtime < target.stat().st_mtime - 7 * 86400:
                old.unlink()


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
    return folder / f"search-{INDEX_REVISION}-{library.key}.sqlite"
