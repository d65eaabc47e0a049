"""The title line at the top of every screen, drawn by one widget.

Textual's ``Header`` is four widgets (the icon, the title, the clock's space, the header itself), and
styling and laying them out was ~12 ms of the CPU time to the first frame (measured: 108 -> 96 ms
without it). This draws the same line, in the same colours, as one: the icon (a click opens the
command palette, as in Textual's), then the screen's title and subtitle, centred and cut with …
when the terminal is narrow. Titles are plain text, never markup.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""Columns kept for the icon on the left (and, for symmetry, on the right), as Textual's header does."""
RIGHT_WIDTH = 10
"""Textual's header keeps this much on the right for a clock; the title stays where users saw it."""


class TitleBar(Widget, can_focus=False):
    """The app's (or the screen's) title and subtitle, one line at the top."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def _titles(self) -> tuple[str, str]:
        """The screen's title and subtitle, else the app's (as Textual's header chooses them)."""
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        return title, sub_title

    def render(self) -> Content:
        width = self.size.width
        room = max(0, width - ICON_WIDTH - RIGHT_WIDTH)
        heading = self.app.format_title(*self._titles()).center(room, ellipsis=True) if room else Content("")
        icon = Content(f" {ICON}").pad_right(ICON_WIDTH - 2) if width >= ICON_WIDTH else Content("")
        return Content.assemble(icon, heading).truncate(width, pad=True)

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
