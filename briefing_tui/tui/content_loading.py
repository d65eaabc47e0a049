"""Loading the content and reporting failed workers: what ``BriefingApp`` does before and beside the screens."""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.worker import Worker, WorkerState

from briefing_tui.core.content import ContentError, load_library

if TYPE_CHECKING:
    from briefing_tui.tui.app import BriefingApp

SMALL_CONTENT_BYTES = 3_000_000
"""Packs smaller than this (the bundled one is ~1 MB) load before the first frame; larger ones in a worker."""

STILL_WORKS = {
    "index": "Search is unavailable; browsing, compare, bookmarks and presenting still work.",
    "search": "Try the search again or with other words; browsing still works.",
}
"""What the user can still do when a worker of this group fails (a failed load ends the app)."""


def is_small(content: Sequence[str] | None) -> bool:
    """True when the content files add up to less than SMALL_CONTENT_BYTES."""
    from briefing_tui.core.content import content_dirs, content_files

    try:
        files = content_files(content_dirs(content))
        return sum(path.stat().st_size for path in files) < SMALL_CONTENT_BYTES
    except OSError:
        return False


def load_in_thread(app: BriefingApp) -> None:
    """Load the content in the loader's thread, telling the UI thread the progress and the outcome."""
    last_shown = 0.0

    def progress(done: int, total: int) -> None:
        # At most ~10 updates a second: each one makes the loader wait for the UI thread,
        # and one per chunk cost about a second at 100,000 items.
        nonlocal last_shown
        now = time.monotonic()
        if now - last_shown >= 0.1:
            last_shown = now
            app.call_from_thread(app.show_loading_progress, done, total)

    # A load creates ~10 objects per item that live as long as the app. Each full garbage
    # collection walks all of them while holding the interpreter (the UI froze for up to
    # 120 ms at 100,000 items), so collect nothing during the load, then freeze what it
    # made: later collections skip it.
    gc.disable()
    try:
        library = load_library(app.content_dirs, use_cache=app.use_cache, progress=progress)
    except ContentError as error:
        app.call_from_thread(app.content_failed, error)
        return
    finally:
        gc.freeze()
        gc.enable()
    app.call_from_thread(app.content_loaded, library)


def report_worker(app: BriefingApp, event: Worker.StateChanged) -> None:
    """The one place a failed worker is reported: what failed, what still works.

    Worker messages do not bubble: screens forward their workers' (see ``BriefingScreen``).
    """
    if event.state is not WorkerState.ERROR:
        return
    worker: Worker[Any] = event.worker
    error = worker.error
    app.log.error(f"worker {worker.name!r} ({worker.description}) failed", error)
    what = worker.description or worker.name or "A background task"
    reason = f"{type(error).__name__}: {error}" if error is not None else "unknown error"
    if worker.group == "load":
        app.fail(f"{what} failed ({reason})")
        return
    if worker.group == "index":
        app.search_problem = f"Search is unavailable: the index could not be built ({reason})."
    still = STILL_WORKS.get(worker.group, "The rest of the app still works.")
    app.notify(f"{what} failed: {reason}. {still}", title="Something went wrong", severity="error", timeout=15)
