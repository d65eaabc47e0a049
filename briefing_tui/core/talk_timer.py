"""The presenter's talk timer (pure): elapsed time, time on the current slide, and two budgets.

The timer counts only while running. Each slide gets ``slide_budget`` seconds and the whole talk
``talk_budget`` seconds (either may be None: no budget). Time comes from an injected ``clock`` so
tests advance a fake one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

BUDGET_SETTINGS = {"slide_budget": "presenter_budget_seconds", "talk_budget": "presenter_talk_seconds"}
"""The settings each budget is remembered under, in whole seconds."""


class Settings(Protocol):
    """What the budgets are kept in (``storage.settings.SettingsStore``)."""

    def get(self, key: str, default: object = None) -> object: ...

    def set(self, key: str, value: object) -> None: ...


def clock_text(seconds: float) -> str:
    """Seconds as ``mm:ss`` (``h:mm:ss`` from an hour on)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


@dataclass
class TalkTimer:
    """Start, pause and reset; ``enter_slide`` restarts the per-slide count."""

    clock: Callable[[], float] = time.monotonic
    slide_budget: float | None = None
    """Seconds per slide before it is over time, or None."""
    talk_budget: float | None = None
    """Seconds for the whole talk before it is over time, or None."""
    _total: float = field(default=0.0, repr=False)
    """Seconds counted before the timer was last started."""
    _since: float | None = field(default=None, repr=False)
    """Clock reading when the timer was last started (None while paused)."""
    _slide_since: float = field(default=0.0, repr=False)
    """Timer reading when the current slide was entered."""

    @property
    def running(self) -> bool:
        return self._since is not None

    def elapsed(self) -> float:
        """Seconds counted so far."""
        return self._total + (self.clock() - self._since if self._since is not None else 0.0)

    def slide_elapsed(self) -> float:
        """Seconds counted on the current slide."""
        return self.elapsed() - self._slide_since

    def start(self) -> None:
        if self._since is None:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._total += self.clock() - self._since
            self._since = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def reset(self) -> None:
        """Back to 00:00, paused, on the current slide."""
        self._total, self._since, self._slide_since = 0.0, None, 0.0

    def enter_slide(self) -> None:
        self._slide_since = self.elapsed()

    def over_slide(self) -> bool:
        return self.slide_budget is not None and self.slide_elapsed() > self.slide_budget

    def over_talk(self) -> bool:
        return self.talk_budget is not None and self.elapsed() > self.talk_budget

    def talk_left(self) -> float | None:
        """Seconds left of the talk budget (negative when over), or None without one."""
        return None if self.talk_budget is None else self.talk_budget - self.elapsed()

    @staticmethod
    def adjusted(budget: float | None, delta: float) -> float | None:
        """``budget`` moved by ``delta`` seconds; zero or less is no budget."""
        seconds = (budget or 0) + delta
        return float(seconds) if seconds > 0 else None

    def summary(self) -> str:
        """One line: "● 12:03 / 20:00 · slide 01:10 / 02:00"."""
        text = ("● " if self.running else "‖ ") + clock_text(self.elapsed())
        if self.talk_budget is not None:
            text += f" / {clock_text(self.talk_budget)}"
        text += f" · slide {clock_text(self.slide_elapsed())}"
        if self.slide_budget is not None:
            text += f" / {clock_text(self.slide_budget)}"
        return text

    def restore_budgets(self, settings: Settings, *, keep: tuple[str, ...] = ()) -> None:
        """The budgets saved last time, except those named in ``keep`` (given for this talk)."""
        for name, key in BUDGET_SETTINGS.items():
            saved = None if name in keep else settings.get(key, None)
            if isinstance(saved, int) and not isinstance(saved, bool) and saved > 0:
                setattr(self, name, float(saved))

    def save_budget(self, settings: Settings, name: str) -> None:
        """Remember budget ``name`` ("slide_budget" or "talk_budget") for the next talk."""
        value = getattr(self, name)
        settings.set(BUDGET_SETTINGS[name], int(value) if value is not None else None)
