"""A one-row bar of how far through a deck the presenter is."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class ProgressLine(Widget):
    """A one-row bar of how far through the deck the presenter is."""

    COMPONENT_CLASSES = {"progress-line--done", "progress-line--todo"}

    DEFAULT_CSS = """
    ProgressLine { height: 1; }
    ProgressLine > .progress-line--done { color: $accent; }
    ProgressLine > .progress-line--todo { color: $foreground 25%; }
    """

    fraction: reactive[float] = reactive(0.0)
    """The share of the deck shown so far, up to 1 on the last slide."""

    def render(self) -> Text:
        width = self.size.width
        done = max(0, min(width, round(width * self.fraction)))
        line = Text("━" * done, style=self.get_component_rich_style("progress-line--done"))
        line.append("─" * (width - done), style=self.get_component_rich_style("progress-line--todo"))
        return line
