"""When Python's garbage collector runs: while the user reads, not while a key waits for its frame.

A full collection walks every tracked object the app has made since start-up (widgets, their
styles, every cached line of text: 30,000-60,000 objects after a few screens) and holds the
interpreter while it does: 25-70 ms. Left to itself, the collector starts one whenever allocations
cross its thresholds, which is most often while a screen is being built, so the pause lands on a
key press: opening compare after reading a few items took 80 ms instead of 50, the presenter after
closing compare 140 ms instead of 50.

So, on top of the start-up (``cmd_app`` keeps it off until the first frame; what the start made is
then frozen, never walked again), the app collects at two moments nobody waits on:

* after a screen closes, once the screen below is painted: the closed screen's widgets are then
  garbage in reference cycles, and only a full collection frees them;
* after a second without a key press or a click, if anything reached the oldest generation since
  the last collection. Then the collector's own thresholds are seldom reached in use.
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 1.0
"""How long without input before the app collects on its own."""


class IdleCollector:
    """Collects garbage when the user is not waiting for anything (see the module's docstring)."""

    def __init__(self) -> None:
        self._last_input = time.monotonic()

    def input_seen(self) -> None:
        """A key press or a click: a frame is awaited now."""
        self._last_input = time.monotonic()

    def collect_if_idle(self) -> bool:
        """Collect if there was no input for ``IDLE_SECONDS`` and there is something to collect; True if it did."""
        if time.monotonic() - self._last_input < IDLE_SECONDS:
            return False
        if gc.get_count()[2] == 0:
            return False  # nothing reached the oldest generation since the last collection
        return collect()


def collect() -> bool:
    """A full collection, unless the collector is off (a large pack's load keeps it off); True if it ran."""
    if not gc.isenabled():
        return False
    gc.collect()
    return True
