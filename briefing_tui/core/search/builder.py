"""Building a large pack's search index in a process of its own, while the app loads the content.

    python -m briefing_tui.core.search.builder [FOLDER ...]

The child reads the content's TOML itself (no validation: the app's load validates, and the index
is used only if its ids digest equals the loaded library's) and writes the index to
``cache.index_file``, where the app looks for it. It runs on the other core, concurrently with the load, and never
holds the app's interpreter: building in a thread of the app took ~20 s of CPU at 100,000 items,
and every Python step of it (reading rows, joining text) stalled the UI.

It writes ``progress DONE TOTAL`` lines (bytes of TOML read), then ``ready`` once the index is in place
(built, or found complete): search can run. It then adds the typo vocabulary to the same file in one
transaction (~2 s at 100,000 items, while search already runs; until it is in, typos are not
corrected) and exits 0. It stops when its stdin closes (the app exited or was killed), leaving no
temporary file and no half-written vocabulary.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO

import briefing_tui
from briefing_tui.core.content.cache import index_file
from briefing_tui.core.content.toml_text import parse_toml
from briefing_tui.core.search.rows import Row, raw_fields, row
from briefing_tui.core.search.write import create_index, create_words, meta

TOTAL_PREFIX = "progress"
READY = "ready"
"""The line that says the index is in place and search can run (the vocabulary follows)."""

NICENESS = 5
"""Below the app's priority: on a busy machine the content and the UI come first (on an idle one, with a
core each, it changes nothing)."""


def toml_items(files: Sequence[Path], progress: Callable[[int, int], None]) -> Iterator[tuple[Row, str]]:
    """(row, kind) of every item of the files, in library order (the files' order, then each file's)."""
    total = sum(path.stat().st_size for path in files)
    done = position = 0
    for path in files:
        data = path.read_bytes()
        for item in parse_toml(data.decode("utf-8"), strict=False).get("items", []):
            position += 1
            yield row(position, raw_fields(item))
        done += len(data)
        progress(done, total)


def complete(path: Path) -> bool:
    """Whether a finished index of this builder's revision is at ``path``."""
    if not path.exists():
        return False
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return bool(meta(db))
    finally:
        db.close()


def build(files: Sequence[Path], path: Path, progress: Callable[[int, int], None]) -> None:
    """Write the index of the files' items to ``path``: into a temporary file, then moved into place."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        db = sqlite3.connect(str(temp))
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a cache: a crash leaves only the temporary file
            db.execute("PRAGMA synchronous = OFF")
            create_index(db, toml_items(files, progress), words=False)
        finally:
            db.close()
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def add_words(path: Path) -> None:
    """Add the typo vocabulary to the index at ``path`` while the app may be searching it.

    One transaction, with a journal (a stop mid-way rolls back: the index stays as it was) and a page cache
    large enough that nothing is written to the file before the commit (a spill would lock readers out for
    the rest of the build).
    """
    db = sqlite3.connect(str(path), timeout=30)
    try:
        db.execute("PRAGMA cache_size = -262144")  # KiB: 256 MB, more than the vocabulary's pages at 100,000 items
        db.execute("PRAGMA synchronous = OFF")  # a cache: the file is rebuilt if it is ever damaged
        create_words(db)  # does nothing if the vocabulary is in already
    finally:
        db.close()


def _stop_on_eof() -> None:
    """End this process (through SIGTERM's handler, which removes the temporary file) when stdin closes."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdin.buffer.read()
    os.kill(os.getpid(), signal.SIGTERM)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(1)


def main(argv: Sequence[str]) -> int:
    from briefing_tui.core.content import cache, content_dirs, content_files

    # The app's terminal closing (SIGHUP) or Ctrl+C reach this process too: end as for SIGTERM.
    for stop in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(stop, _terminated)
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    threading.Thread(target=_stop_on_eof, daemon=True).start()
    files = content_files(content_dirs(list(argv) or None))
    key = cache.content_key(files)
    if key is None or not files:
        print("error: the content cannot be read", flush=True)
        return 1
    path = index_file(key)

    def progress(done: int, total: int) -> None:
        print(f"{TOTAL_PREFIX} {done} {total}", flush=True)

    if not complete(path):
        path.parent.mkdir(parents=True, exist_ok=True)
        build(files, path, progress)
    print(READY, flush=True)
    add_words(path)
    return 0


class IndexBuilder:
    """The app's handle on a builder process: start it, wait for it (in a thread), stop it."""

    def __init__(self, folders: Sequence[str] | None) -> None:
        package_root = str(Path(briefing_tui.__file__).resolve().parents[1])
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(part for part in (package_root, env.get("PYTHONPATH", "")) if part)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "briefing_tui.core.search.builder", *(folders or [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
        )

    def wait(self, progress: Callable[[int, int], None] | None = None) -> bool:
        """Block until the index is in place (reading the pipe releases the interpreter): True, while the builder
        goes on adding the typo vocabulary; False if it ended without an index."""
        stdout: IO[str] | None = self._process.stdout
        if stdout is not None:
            for line in stdout:
                parts = line.split()
                if parts == [READY]:
                    return True
                if progress and len(parts) == 3 and parts[0] == TOTAL_PREFIX:
                    progress(int(parts[1]), int(parts[2]))
        self._process.wait()
        return False

    def finish(self) -> bool:
        """Block until the builder ends (the vocabulary added): True if it succeeded."""
        stdout: IO[str] | None = self._process.stdout
        if stdout is not None:
            for _line in stdout:
                pass
        return self._process.wait() == 0

    def stop(self) -> None:
        """End the builder if it still runs (it removes its temporary file)."""
        if self._process.poll() is None:
            self._process.terminate()
        with contextlib.suppress(OSError):
            if self._process.stdin is not None:
                self._process.stdin.close()


if __name__ == "__main__":
    try:
        status = main(sys.argv[1:])
    except SystemExit as stop:  # SIGTERM (the temporary file is removed by then)
        status = stop.code if isinstance(stop.code, int) else 1
    sys.stdout.flush()
    os._exit(status)  # not a normal exit: the stdin thread may hold its reader's lock at shutdown
