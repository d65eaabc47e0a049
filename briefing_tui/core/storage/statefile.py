"""A small TOML file of user state: locked read-modify-write, atomic 0600 writes, corruption handling.

Every change takes an exclusive lock (``filelock``: flock on POSIX, msvcrt on Windows) on a sibling ``.lock`` file, re-reads the file,
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
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from briefing_tui.core.storage import atomic

if TYPE_CHECKING:
    from filelock import FileLock

MAX_FILE_BYTES = 32 * 1024 * 1024
"""A state file larger than this is treated as corrupt rather than parsed."""

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another process to finish its change before giving up."""

S = TypeVar("S")
R = TypeVar("R")


def utc_now() -> datetime:
    """The current time in UTC (the default clock of the stores)."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """An ISO 8601 UTC timestamp to the second, e.g. ``2024-11-05T12:00:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


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
        """The sibling file that the lock serializes changes on (never deleted)."""
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
        blocked: str | None = None
        try:
            state = self._decode(data)
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
        import tomli_w  # writing only: a start that reads costs no import

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
        from filelock import FileLock, Timeout  # ~10 ms of imports, paid at the first write, not at start

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
