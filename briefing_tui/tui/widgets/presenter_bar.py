"""The presenter's status bar: slide count, a hint, and the talk timer against its budgets."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from briefing_tui.core.talk_timer import TalkTimer, clock_text


class PresenterBar(Horizontal):
    """One row: "12 / 30", what a key is waiting for, and "● 12:03 / 20:00 · slide 01:10 / 02:00"."""

    def compose(self) -> ComposeResult:
        yield Static(id="presenter-position")
        yield Static(id="presenter-hint")
        yield Static(id="presenter-clock")

    def show_position(self, index: int, total: int) -> None:
        self.query_one("#presenter-position", Static).update(Text(f"{index + 1} / {total}", style="bold"))

    def show_hint(self, hint: Text) -> None:
        self.query_one("#presenter-hint", Static).update(hint)

    def show_clock(self, timer: TalkTimer) -> None:
        """The times, with a warning once the slide or the talk is over its budget."""
        text = Text(timer.summary())
        if timer.over_slide() and timer.slide_budget is not None:
            text.append(f"  OVER +{clock_text(timer.slide_elapsed() - timer.slide_budget)}", style="bold")
        if timer.over_talk():
            text.append("  TALK OVER TIME", style="bold")
        clock = self.query_one("#presenter-clock", Static)
        clock.update(text)
        clock.set_class(timer.over_slide() or timer.over_talk(), "-over-budget")
