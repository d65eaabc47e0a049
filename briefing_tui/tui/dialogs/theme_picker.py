"""The compare screen's theme filter: pick one theme to show, or all of them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from briefing_tui.core.text import clean_line
from briefing_tui.tui.screens.base import BriefingDialog

ALL_THEMES = ""
"""What the theme picker returns for "show every theme"."""


class ThemePicker(BriefingDialog[str | None]):
    """Choose one theme to show (or all); returns its id, ``ALL_THEMES``, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="compare.filter.cancel")]

    def __init__(self, themes: list[tuple[str, str]], current: str | None) -> None:
        super().__init__()
        self.themes = themes
        """(id, title) of every theme, in order."""
        self.current = current
        """The theme shown now (None: all)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="theme-picker"):
            yield Label("Show one theme (Enter), or all of them", id="theme-picker-title")
            options = [Option(Text("All themes", style="italic"))]
            options += [Option(Text(clean_line(title))) for _, title in self.themes]
            yield OptionList(*options, id="theme-options")

    def on_mount(self) -> None:
        ids = [theme_id for theme_id, _ in self.themes]
        options = self.query_one(OptionList)
        options.highlighted = ids.index(self.current) + 1 if self.current in ids else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(ALL_THEMES if index == 0 else self.themes[index - 1][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
