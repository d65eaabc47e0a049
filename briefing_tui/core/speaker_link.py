"""The local link between a presentation and its speaker view (``briefing-tui present --follow``).

The presenter listens on a Unix socket in the user's runtime directory (folder 0700, socket
0600, so only this user can attach). It sends its state as one JSON object per line whenever
anything changes and once a second for the clock; a follower sends commands back
(``{"action": "next"}``), which the presenter carries out and answers with its new state. Only
the presenter decides, so both screens always agree. The newest presentation owns the socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import socket
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing_tui.core.slides.model import Slide
from briefing_tui.core.storage.paths import runtime_dir
from briefing_tui.core.talk_timer import TalkTimer

SOCKET_NAME = "presenter.sock"
LINE_LIMIT = 4 * 1024 * 1024
"""The longest message (a state carries the slide's notes, which the user writes)."""
ACTIONS = frozenset({"next", "previous", "first", "last", "toggle_timer", "reset_timer", "goto"})
"""What a follower may ask the presenter to do."""

_MAX_SOCKET_PATH = 100  # AF_UNIX paths are limited to ~104-108 bytes


def available() -> bool:
    """Whether this platform has Unix sockets for asyncio (not Windows)."""
    return hasattr(asyncio, "start_unix_server") and hasattr(socket, "AF_UNIX")


def socket_path() -> Path:
    """Where the running presentation listens; a short path under the temp dir when that one is too long."""
    path = runtime_dir() / SOCKET_NAME
    if len(os.fsencode(path)) <= _MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha1(os.fsencode(path)).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"briefing-tui-{os.getuid()}" / f"{digest}.sock"


def is_running(path: Path | None = None) -> bool:
    """Whether a presentation answers on ``path`` (a stale socket file from a crash does not count)."""
    path = path or socket_path()
    if not available() or not path.exists():
        return False
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(1)
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def state_of(slide: Slide, index: int, total: int, next_title: str, reveal: str, timer: TalkTimer) -> dict[str, Any]:
    """What a speaker view shows: the slide's notes, the next title, the count, the times and budgets."""
    return {
        "index": index,
        "total": total,
        "title": slide.title,
        "notes": slide.notes,
        "citation": slide.citation,
        "next": next_title,
        "reveal": reveal,
        "elapsed": round(timer.elapsed(), 1),
        "slide_elapsed": round(timer.slide_elapsed(), 1),
        "running": timer.running,
        "slide_budget": timer.slide_budget,
        "talk_budget": timer.talk_budget,
        "times": timer.summary(),
        "over": timer.over_slide() or timer.over_talk(),
    }


def encode(message: dict[str, Any]) -> bytes:
    return (json.dumps(message, ensure_ascii=False) + "\n").encode()


def decode(line: bytes) -> dict[str, Any] | None:
    """A message, or None for anything that is not a JSON object."""
    try:
        message = json.loads(line)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return message if isinstance(message, dict) else None


def command(message: dict[str, Any]) -> tuple[str, int] | None:
    """A follower's (action, index) when the message is a command the presenter knows, else None."""
    action = message.get("action")
    index = message.get("index", 0)
    if action not in ACTIONS or not isinstance(index, int) or isinstance(index, bool):
        return None
    return str(action), index


class SpeakerLink:
    """The presentation's end of the link: sends states to every follower, hands their commands on."""

    def __init__(self, on_command: Callable[[str, int], None], path: Path | None = None) -> None:
        self.path = path or socket_path()
        self.on_command = on_command
        self._server: asyncio.AbstractServer | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self._last = b""
        self._inode: int | None = None

    @property
    def followers(self) -> int:
        """How many speaker views are attached."""
        return len(self._writers)

    async def start(self) -> None:
        """Listen (replacing a socket left by an earlier presentation). Raises OSError when it cannot."""
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        old_mask = os.umask(0o177)  # the socket is created 0600, never briefly wider
        try:
            self._server = await asyncio.start_unix_server(self._serve, path=str(self.path), limit=LINE_LIMIT)
        finally:
            os.umask(old_mask)
        os.chmod(self.path, 0o600)
        self._inode = self.path.stat().st_ino

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        if self._last:
            writer.write(self._last)
        try:
            while line := await reader.readline():
                message = decode(line)
                found = command(message) if message is not None else None
                if found is not None:
                    self.on_command(*found)
        except (OSError, ValueError, asyncio.IncompleteReadError):
            pass  # a follower that went away or sent a line too long: drop it
        finally:
            self._writers.discard(writer)
            with contextlib.suppress(OSError):
                writer.close()

    def publish(self, state: dict[str, Any]) -> None:
        """Send ``state`` to every follower (and to each one that attaches later)."""
        data = encode(state)
        if data == self._last:
            return
        self._last = data
        for writer in list(self._writers):
            try:
                writer.write(data)
            except OSError:
                self._writers.discard(writer)

    async def close(self) -> None:
        """Stop listening and remove the socket, unless a newer presentation has replaced it."""
        if self._server is not None:
            self._server.close()
        for writer in list(self._writers):
            with contextlib.suppress(OSError):
                writer.close()
        self._writers.clear()
        with contextlib.suppress(OSError):
            if self._inode is not None and self.path.stat().st_ino == self._inode:
                self.path.unlink()


async def attach(path: Path | None = None) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A follower's connection to the running presentation (OSError when none is running)."""
    return await asyncio.open_unix_connection(str(path or socket_path()), limit=LINE_LIMIT)
