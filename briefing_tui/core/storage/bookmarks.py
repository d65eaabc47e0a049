"""The user's bookmarks: a TOML file that survives crashes, corruption and two running copies.

Every change takes an exclusive lock (``filelock``: flock on POSIX, msvcrt on Windows)
on a sibling ``.lock`` file, re-reads the file,
applies the change to that fresh state and writes it back atomically (0600), so the
app and the CLI never lose each other's changes. Problems never raise at the caller:
a corrupt file is moved aside, an unwritable folder keeps changes in memory, and both
leave a message in ``warnings`` for the UI or CLI to show.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import tomllib
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import tomli_w
from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from briefing_tui.core.storage import atomic, paths
from briefing_tui.core.text import clean, clean_line

if TYPE_CHECKING:
    from briefing_tui.core.content import Library

FILE_VERSION = 1
"""The ``version`` key of the bookmarks file this code writes and reads."""

MAX_FILE_BYTES = 32 * 1024 * 1024
"""A state file larger than this is treated as corrupt rather than parsed."""

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another process to finish its change before giving up."""

TargetKind = Literal["item", "section", "briefing", "cell"]
S = TypeVar("S")
R = TypeVar("R")


def utc_now() -> datetime:
    """The current time in UTC (the default clock of the stores)."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp to the second, e.g. ``2024-11-05T12:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _encodable(text: str) -> str:
    """Text that UTF-8 can encode (lone surrogates from odd terminals become '?')."""
    return text.encode("utf-8", "replace").decode("utf-8")


class Bookmark(BaseModel):
    """A saved pointer to an item, section, briefing or comparison cell, with the user's note."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    target: str = Field(pattern=r"^\S+$", max_length=300)
    """An item, section or briefing id, or a comparison cell ``compare:<theme>:<actor>``."""
    target_kind: TargetKind
    note: str = Field(default="", max_length=100_000)
    """The user's note, possibly several lines."""
    tags: list[str] = []
    created: str
    """ISO 8601 UTC."""
    updated: str
    """ISO 8601 UTC; changes when the note or tags change."""
    position: int = Field(default=0, ge=0)
    """The user's order (0 first); the store keeps positions 0..n-1."""

    @field_validator("note")
    @classmethod
    def _note(cls, value: str) -> str:
        return _encodable(clean(value))

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        tags: list[str] = []
        for tag in value:
            tag = _encodable(clean_line(tag))[:60]
            if tag and tag not in tags:
                tags.append(tag)
        return tags

    @field_validator("created", "updated")
    @classmethod
    def _timestamp(cls, value: str) -> str:
        datetime.fromisoformat(value)  # raises ValueError for a non-ISO string
        return value


class _BookmarksFile(BaseModel):
    """The schema of bookmarks.toml."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    version: int
    bookmarks: list[Bookmark] = []


class Corrupt(Exception):
    """A state file that cannot be read as what it should be (the message says why)."""


class _Newer(Exception):
    """A state file written by a newer version: readable perhaps, but not ours to rewrite."""

    def __init__(self, message: str, state: Any) -> None:
        super().__init__(message)
        self.state = state


def _describe_os_error(error: OSError, folder: Path, what: str) -> str:
    """A warning for a failed save, in the user's terms."""
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return f"the disk is full; {what} could not be saved (the previous file is intact)"
    if not folder.is_dir():
        return f"config folder {folder} cannot be created ({error.strerror or error}); {what} will not be saved"
    if isinstance(error, PermissionError) or error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"config folder {folder} is read-only; {what} will not be saved"
    return f"{what} could not be saved to {folder}: {error.strerror or error}"


class StateFile(Generic[S]):
    """A small TOML file of user state with locked read-modify-write and corruption handling.

    Subclasses say how to parse, dump and copy their state. Changes that cannot be saved
    are kept as pending operations and replayed onto the file's state on every read and
    on the next change, so a later successful save includes them.
    """

    what = "state"
    """What the file holds, for messages ("bookmarks", "settings")."""
    multiline = False
    """Write multi-line strings as TOML multi-line strings (readable, but CRLF becomes LF)."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        """The TOML file."""
        self.lock_path = path.with_name(path.name + ".lock")
        """The sibling file that the lock serializes changes on."""
        self.clock = clock
        """Where timestamps come from (tests inject a fixed clock)."""
        self.warnings: list[str] = []
        """Messages the UI or CLI must show the user; see ``take_warnings``."""
        self._pending: list[Callable[[S], Any]] = []
        self._cache: tuple[bytes, S, str | None] | None = None
        self._thread_lock = threading.RLock()

    # -- what subclasses provide ---------------------------------------------------

    def _empty(self) -> S:
        raise NotImplementedError

    def _parse(self, raw: dict[str, Any]) -> S:
        """The state in a parsed TOML document; raise ``Corrupt`` or ``_Newer``."""
        raise NotImplementedError

    def _dump(self, state: S) -> dict[str, Any]:
        raise NotImplementedError

    def _copy(self, state: S) -> S:
        raise NotImplementedError

    # -- public ----------------------------------------------------------------------

    @property
    def unsaved(self) -> bool:
        """True while some change exists only in memory (it could not be written)."""
        return bool(self._pending)

    def take_warnings(self) -> list[str]:
        """The warnings so far, clearing them (for a UI that shows each once)."""
        taken, self.warnings = self.warnings, []
        return taken

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- reading ---------------------------------------------------------------------

    def _state(self) -> S:
        """The file's latest state with any unsaved changes replayed on top."""
        with self._thread_lock:
            saved, _blocked = self._read(locked=False)
            return self._replay(saved)

    def _replay(self, saved: S) -> S:
        state = self._copy(saved)
        for operation in self._pending:
            operation(state)
        return state

    def _read(self, *, locked: bool) -> tuple[S, str | None]:
        """The file's state, and why it must not be overwritten (None: it may be)."""
        try:
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return self._empty(), None
        except OSError as error:
            unreadable = (
                f"cannot read {self.what} file {self.path} ({error.strerror or error}); changes will not be saved"
            )
            self.warn(unreadable)
            return self._empty(), unreadable
        if self._cache is not None and self._cache[0] == data:
            return self._copy(self._cache[1]), self._cache[2]
        blocked: str | None
        try:
            state, blocked = self._decode(data), None
        except _Newer as newer:
            state, blocked = newer.state, f"{self.path}: {newer}; it is left as is and changes will not be saved"
            self.warn(blocked)
        except Corrupt as corrupt:
            return self._set_aside(data, str(corrupt), locked=locked)
        self._cache = (data, state, blocked)
        return self._copy(state), blocked

    def _decode(self, data: bytes) -> S:
        if not data.strip():
            raise Corrupt("the file is empty")
        if len(data) > MAX_FILE_BYTES:
            raise Corrupt("the file is too large")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise Corrupt("the file is not UTF-8 text") from None
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise Corrupt(f"invalid TOML ({error})") from None
        return self._parse(raw)

    def _set_aside(self, data: bytes, reason: str, *, locked: bool) -> tuple[S, str | None]:
        """Move a corrupt file aside (under the lock, and only if it is still the same bytes)."""
        stuck = f"{self.what} file {self.path} is corrupt ({reason}) and could not be moved aside"
        if not locked:
            handle = self._acquire(quiet=True)
            if handle is None:
                blocked = f"{stuck}; {self.what} will not be saved until it is fixed or removed"
                self.warn(blocked)
                return self._empty(), blocked
            try:
                return self._read(locked=True)  # it may have been fixed meanwhile
            finally:
                self._release(handle)
        try:
            aside = self._aside_path()
            with open(self.path, "rb") as current:
                if current.read(MAX_FILE_BYTES + 1) != data:
                    return self._read(locked=True)
            os.rename(self.path, aside)
        except FileNotFoundError:
            return self._empty(), None
        except OSError as error:
            blocked = f"{stuck} ({error.strerror or error}); {self.what} will not be saved"
            self.warn(blocked)
            return self._empty(), blocked
        self.warn(f"{self.what} file was corrupt ({reason}); moved aside to {aside}")
        return self._empty(), None

    def _aside_path(self) -> Path:
        """A new ``<name>.corrupt-<timestamp>`` path that does not exist yet."""
        stamp = self.clock().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while candidate.exists():
            candidate = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        return candidate

    # -- changing --------------------------------------------------------------------

    def _mutate(self, operation: Callable[[S], R]) -> R:
        """Apply ``operation`` to the freshest state under the lock and save; never raises OSError."""
        with self._thread_lock:
            handle = self._acquire(quiet=False)
            try:
                saved, blocked = self._read(locked=handle is not None)
                state = self._replay(saved)
                result = operation(state)
                if blocked:
                    self.warn(blocked)
                if handle is not None and not blocked and self._write(state):
                    self._pending.clear()
                else:
                    self._pending.append(operation)
                return result
            finally:
                self._release(handle)

    def _write(self, state: S) -> bool:
        data = tomli_w.dumps(self._dump(state), multiline_strings=self.multiline).encode("utf-8")
        self._remove_stale_temp_files()
        try:
            atomic.write_atomic(self.path, data, mode=0o600)
        except OSError as error:
            self.warn(_describe_os_error(error, self.path.parent, self.what))
            return False
        self._cache = (data, self._copy(state), None)
        return True

    def _remove_stale_temp_files(self) -> None:
        """Temp files left by a process killed mid-write (we hold the lock, so none is live)."""
        with contextlib.suppress(OSError):
            for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def _acquire(self, *, quiet: bool) -> FileLock | None:
        """Take the exclusive lock; None (with a warning unless quiet) when that is impossible."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not self.lock_path.exists():
                os.close(os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600))
        except OSError as error:
            if not quiet:
                self.warn(_describe_os_error(error, self.path.parent, self.what))
            return None
        lock = FileLock(self.lock_path, timeout=LOCK_TIMEOUT, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            if not quiet:
                self.warn(f"{self.what} are locked by another briefing-tui process; this change was not saved")
            return None
        except OSError as error:
            if not quiet:
                self.warn(f"cannot lock {self.lock_path}: {error.strerror or error}; {self.what} not saved")
            return None
        return lock

    def _release(self, lock: FileLock | None) -> None:
        if lock is not None:
            with contextlib.suppress(OSError):
                lock.release()


class BookmarkStore(StateFile[list[Bookmark]]):
    """The bookmarks file (default ``paths.bookmarks_file()``), ordered by position."""

    what = "bookmarks"
    multiline = True  # notes are cleaned of "\r", so they round-trip exactly

    def __init__(self, path: Path | None = None, *, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(path or paths.bookmarks_file(), clock=clock)

    def _empty(self) -> list[Bookmark]:
        return []

    def _copy(self, state: list[Bookmark]) -> list[Bookmark]:
        return list(state)

    def _parse(self, raw: dict[str, Any]) -> list[Bookmark]:
        version = raw.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FILE_VERSION:
            try:
                lenient = [Bookmark.model_validate(entry) for entry in raw.get("bookmarks", [])]
            except (ValidationError, TypeError):
                lenient = []
            raise _Newer(f"written by a newer briefing-tui (file version {version})", _ordered(lenient))
        try:
            parsed = _BookmarksFile.model_validate(raw)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "file"
            raise Corrupt(f"not a bookmarks file: {where}: {first['msg']}") from None
        if parsed.version != FILE_VERSION:
            raise Corrupt(f"not a bookmarks file: unknown version {parsed.version}")
        return _ordered(parsed.bookmarks)

    def _dump(self, state: list[Bookmark]) -> dict[str, Any]:
        return {"version": FILE_VERSION, "bookmarks": [bookmark.model_dump() for bookmark in state]}

    # -- reading ---------------------------------------------------------------------

    def all(self) -> list[Bookmark]:
        """The bookmarks as of the latest file, in the user's order."""
        return self._state()

    def get(self, target: str) -> Bookmark | None:
        return next((bookmark for bookmark in self._state() if bookmark.target == target), None)

    def is_bookmarked(self, target: str) -> bool:
        return self.get(target) is not None

    # -- changing --------------------------------------------------------------------

    def add(self, target: str, target_kind: TargetKind, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark ``target`` at the end; if it is already bookmarked, return that bookmark unchanged."""
        stamp = iso(self.clock())
        new = Bookmark(target=target, target_kind=target_kind, note=note, tags=list(tags), created=stamp, updated=stamp)

        def operation(state: list[Bookmark]) -> Bookmark:
            existing = _find(state, target)
            if existing is not None:
                return state[existing]
            state.append(new.model_copy(update={"position": len(state)}))
            return state[-1]

        return self._mutate(operation)

    def remove(self, target: str) -> Bookmark | None:
        """Remove a bookmark and return it (pass it to ``restore`` to undo), or None."""

        def operation(state: list[Bookmark]) -> Bookmark | None:
            index = _find(state, target)
            if index is None:
                return None
            removed = state.pop(index)
            _renumber(state)
            return removed

        return self._mutate(operation)

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back at its old position (replacing one re-added meanwhile)."""

        def operation(state: list[Bookmark]) -> Bookmark:
            index = _find(state, bookmark.target)
            if index is not None:
                state.pop(index)
            state.insert(min(bookmark.position, len(state)), bookmark)
            _renumber(state)
            return state[_find(state, bookmark.target) or 0]

        return self._mutate(operation)

    def merge(self, bookmarks: Sequence[Bookmark]) -> list[Bookmark]:
        """Append bookmarks (e.g. imported ones) whose targets are not bookmarked yet; return those added."""

        def operation(state: list[Bookmark]) -> list[Bookmark]:
            added = []
            for bookmark in _ordered(list(bookmarks)):
                if _find(state, bookmark.target) is None:
                    state.append(bookmark.model_copy(update={"position": len(state)}))
                    added.append(state[-1])
            return added

        return self._mutate(operation)

    def update(self, target: str, *, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark | None:
        """Change a bookmark's note and/or tags; None if it is not bookmarked."""
        stamp = iso(self.clock())
        changes: dict[str, Any] = {"updated": stamp}
        if note is not None:
            changes["note"] = note
        if tags is not None:
            changes["tags"] = list(tags)

        def operation(state: list[Bookmark]) -> Bookmark | None:
            index = _find(state, target)
            if index is None:
                return None
            state[index] = Bookmark.model_validate({**state[index].model_dump(), **changes})
            return state[index]

        return self._mutate(operation)

    def move(self, target: str, delta: int) -> int | None:
        """Move a bookmark ``delta`` places (negative: up); its new position, or None."""

        def operation(state: list[Bookmark]) -> int | None:
            index = _find(state, target)
            if index is None:
                return None
            new_index = max(0, min(len(state) - 1, index + delta))
            state.insert(new_index, state.pop(index))
            _renumber(state)
            return new_index

        return self._mutate(operation)

    def toggle(self, target: str, target_kind: TargetKind) -> bool:
        """Bookmark or un-bookmark ``target`` as the user sees it now; True when it is now bookmarked."""
        if self.is_bookmarked(target):
            self.remove(target)
            return False
        self.add(target, target_kind)
        return True


def _find(state: list[Bookmark], target: str) -> int | None:
    return next((index for index, bookmark in enumerate(state) if bookmark.target == target), None)


def _renumber(state: list[Bookmark]) -> None:
    for index, bookmark in enumerate(state):
        if bookmark.position != index:
            state[index] = bookmark.model_copy(update={"position": index})


def _ordered(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """By position (file order breaks ties), one bookmark per target, positions 0..n-1."""
    ordered: list[Bookmark] = []
    seen: set[str] = set()
    for bookmark in sorted(bookmarks, key=lambda bookmark: bookmark.position):
        if bookmark.target not in seen:
            seen.add(bookmark.target)
            ordered.append(bookmark)
    _renumber(ordered)
    return ordered


# -- bookmarks and the loaded content --------------------------------------------------


def infer_kind(library: Library, target: str) -> TargetKind | None:
    """What ``target`` names in the loaded content (an item's former id counts), or None."""
    from briefing_tui.core.compare import cell_for, parse_cell_id, theme_actors

    if library.item(target) is not None:
        return "item"
    if target in library.sections:
        return "section"
    if target in library.briefings:
        return "briefing"
    cell = parse_cell_id(target)
    if cell is not None:
        theme = library.themes.get(cell[0])
        if theme is not None and (cell_for(theme, cell[1]) is not None or cell[1] in theme_actors(library)):
            return "cell"
    return None


def resolves(library: Library, bookmark: Bookmark) -> bool:
    """True when the bookmark's target exists in the loaded content."""
    return infer_kind(library, bookmark.target) == bookmark.target_kind


def missing(library: Library, bookmarks: Iterable[Bookmark]) -> list[Bookmark]:
    """Bookmarks whose targets are not in the loaded content (kept, never dropped)."""
    return [bookmark for bookmark in bookmarks if not resolves(library, bookmark)]
