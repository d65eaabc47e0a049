"""The speaker view (``briefing-tui present --follow``): the running talk's notes in a second terminal.

It attaches to the presentation through ``core.speaker_link`` and shows what only the speaker
needs: the current slide's notes, the next slide's title, the count, the time against both
budgets. Its keys move the presentation (the presenter decides; both screens show its answer).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.core import speaker_link


class NotesScroll(VerticalScroll, can_focus=False):
    """The notes (the arrows scroll them; the app's keys move the talk)."""


class SpeakerApp(App[int]):
    """Follows the presentation running for this user; exits 0, or 1 when none is running."""

    TITLE = "briefing-tui speaker view"

    CSS = """
    Screen { layout: vertical; }
    #speaker-slide { height: auto; padding: 1 2 0 2; text-style: bold; background: $primary 30%; }
    #speaker-times { height: auto; padding: 0 2 1 2; background: $primary 30%; }
    #speaker-times.-over { background: $error 60%; }
    #speaker-notes { height: 1fr; padding: 1 2; }
    #speaker-next { height: auto; padding: 0 2; color: $text-muted; }
    #speaker-keys { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    BINDINGS = [
        Binding("space,right,pagedown", "send('next')", "Next", id="speaker.next"),
        Binding("left,pageup", "send('previous')", "Previous", id="speaker.previous"),
        Binding("home", "send('first')", "First", show=False, id="speaker.first"),
        Binding("end", "send('last')", "Last", show=False, id="speaker.last"),
        Binding("t", "send('toggle_timer')", "Timer", id="speaker.timer"),
        Binding("T", "send('reset_timer')", "Reset timer", show=False, id="speaker.reset"),
        Binding("down", "scroll_notes(1)", show=False, id="speaker.down"),
        Binding("up", "scroll_notes(-1)", show=False, id="speaker.up"),
        Binding("q,escape", "quit", "Quit", id="speaker.quit"),
    ]

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or speaker_link.socket_path()
        self.state: dict[str, Any] = {}
        """The presentation's last state."""
        self._writer: asyncio.StreamWriter | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Attaching to the presentation…"), id="speaker-slide")
        yield Static(id="speaker-times")
        with NotesScroll(id="speaker-notes"):
            yield Static(id="speaker-notes-text")
        yield Static(id="speaker-next")
        yield Static(
            Text("→ next · ← back · t timer · T reset timer · ↑↓ scroll notes · q quit"),
            id="speaker-keys",
        )

    def on_mount(self) -> None:
        self.run_worker(self._follow(), name="follow", exit_on_error=False)

    async def _follow(self) -> None:
        try:
            reader, self._writer = await speaker_link.attach(self.path)
        except OSError:
            self._ended("No presentation is running for this user. Start one with: briefing-tui present ID")
            return
        try:
            while line := await reader.readline():
                state = speaker_link.decode(line)
                if state is not None:
                    self.show_state(state)
        except (OSError, ValueError):
            pass
        self._writer = None
        self._ended("The presentation has ended.")

    def _ended(self, message: str) -> None:
        self.query_one("#speaker-slide", Static).update(Text(message))
        self.query_one("#speaker-times", Static).update(Text("q quits", style="dim"))

    def show_state(self, state: dict[str, Any]) -> None:
        """Draw a state the presentation sent."""
        self.state = state
        index, total = int(state.get("index", 0)), int(state.get("total", 1))
        heading = Text(f"{index + 1} / {total}  ", style="bold")
        heading.append(str(state.get("title", "")))
        if state.get("reveal"):
            heading.append(f"  (reveal {state['reveal']})", style="dim")
        self.query_one("#speaker-slide", Static).update(heading)
        times = self.query_one("#speaker-times", Static)
        # The presenter's own clock line: both screens read the same times.
        times.update(Text(f"This talk: {state.get('times', '')}"))
        times.set_class(bool(state.get("over")), "-over")
        notes = str(state.get("notes", "")).strip()
        body = Text(notes) if notes else Text("No notes for this slide.", style="dim")
        if state.get("citation"):
            body.append(f"\n\nSource: {state['citation']}", style="dim italic")
        self.query_one("#speaker-notes-text", Static).update(body)
        following = str(state.get("next", ""))
        self.query_one("#speaker-next", Static).update(Text(f"Next: {following}" if following else "Last slide."))

    async def action_send(self, action: str) -> None:
        if self._writer is None:
            self.bell()
            return
        with contextlib.suppress(OSError):
            self._writer.write(speaker_link.encode({"action": action}))
            await self._writer.drain()

    def action_scroll_notes(self, direction: int) -> None:
        pane = self.query_one(NotesScroll)
        (pane.scroll_down if direction > 0 else pane.scroll_up)(animate=False)
