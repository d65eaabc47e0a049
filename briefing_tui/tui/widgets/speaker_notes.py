"""The speaker notes beside a slide: the notes, the full citation and the next slide's title."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.core.slides import Slide


class SpeakerNotes(VerticalScroll, can_focus=False):
    """Off unless asked: the room may see the screen it is on (``present --follow`` is the private view)."""

    def compose(self) -> ComposeResult:
        yield Static(id="notes-text")

    def show(self, slide: Slide, next_title: str) -> None:
        parts: list[RenderableType] = [Text("Speaker notes", style="bold")]
        parts.append(Text(slide.notes) if slide.notes.strip() else Text("No notes.", style="dim"))
        if slide.citation:
            parts.append(Text(f"\nSource: {slide.citation}", style="dim italic"))
        if next_title:
            parts.append(Text(f"\nNext: {next_title}", style="dim"))
        self.query_one("#notes-text", Static).update(Group(*parts))
        self.scroll_home(animate=False)

    def scroll_by_line(self, direction: int) -> None:
        (self.scroll_down if direction > 0 else self.scroll_up)(animate=False)
