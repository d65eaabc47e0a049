"""The presenter's overview: every slide as a tile; Enter (or a click) opens one."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class TileGrid(VerticalScroll, can_focus=False):
    """The scrolling grid of tiles (the tiles take the focus, not the grid)."""


class SlideTile(Static, can_focus=True):
    """One slide in the overview grid."""

    BINDINGS = [
        Binding("left", "screen.move(-1, 0)", show=False, id="presenter.overview.left"),
        Binding("right", "screen.move(1, 0)", show=False, id="presenter.overview.right"),
        Binding("up", "screen.move(0, -1)", show=False, id="presenter.overview.up"),
        Binding("down", "screen.move(0, 1)", show=False, id="presenter.overview.down"),
        Binding("enter,space", "screen.choose", "Open", show=False, id="presenter.overview.open"),
    ]

    class Chosen(Message):
        """The user clicked a tile."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self, index: int, title: str, kicker: str, *, current: bool, part: tuple[int, int] | None = None
    ) -> None:
        # The slide's number first, on a line with the part of a slide cut over pages and its kicker, then its title:
        # "4. 1. Expand…" read as two numbers, and a title's own "(2/3)" sat at its end, where the tile cut it off.
        # The first line is cut with "…" rather than wrapped, so the title always keeps the tile's other lines.
        head = Text(str(index + 1), style="bold", no_wrap=True, overflow="ellipsis")
        if part is not None:
            head.append(f" · part {part[0]} of {part[1]}", style="dim")
            title = title.removesuffix(f" ({part[0]}/{part[1]})")
        if kicker:
            head.append(f" · {kicker}", style="dim")
        super().__init__(Group(head, Text(title, style="bold")), classes="-current" if current else "")
        self.index = index
        """The slide's position in the deck."""

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.index))


class SlideOverview(ModalScreen[int | None]):
    """All slides as a grid of titles; Enter (or a click) opens one, Escape keeps the current slide."""

    BINDINGS = [
        Binding("escape,g", "cancel", "Close", id="presenter.overview.close"),
        Binding("home", "jump(0)", show=False, id="presenter.overview.first"),
        Binding("end", "jump(-1)", show=False, id="presenter.overview.last"),
    ]

    def __init__(
        self,
        title: str,
        headings: list[tuple[str, str]],
        current: int,
        parts: list[tuple[int, int] | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.headings = headings
        """(title, kicker) of every slide as laid out."""
        self.current = current
        self.parts = parts or []
        """(part, of) of each slide cut over pages, None for a whole one."""
        self.columns = 1
        """Tiles per row (set from the width)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-dialog"):
            yield Label(
                Text.assemble((self.title_text, "bold"), ("  arrows move · Enter opens · Esc closes", "dim")),
                id="overview-title",
            )
            with TileGrid(id="overview-grid"):
                for index, (title, kicker) in enumerate(self.headings):
                    part = self.parts[index] if index < len(self.parts) else None
                    yield SlideTile(index, title, kicker, current=index == self.current, part=part)

    def on_mount(self) -> None:
        self._set_columns(self.app.size.width)
        self.tiles[self.current].focus()

    def on_resize(self, event: events.Resize) -> None:
        self._set_columns(event.size.width)

    def _set_columns(self, width: int) -> None:
        self.columns = max(1, min(4, (width - 6) // 34))
        self.query_one("#overview-grid").styles.grid_size_columns = self.columns

    @property
    def tiles(self) -> list[SlideTile]:
        return list(self.query(SlideTile))

    def _focused_index(self) -> int:
        focused = self.focused
        return focused.index if isinstance(focused, SlideTile) else self.current

    def action_move(self, dx: int, dy: int) -> None:
        tiles = self.tiles
        target = self._focused_index() + dx + dy * self.columns
        if 0 <= target < len(tiles):
            tiles[target].focus()

    def action_jump(self, index: int) -> None:
        self.tiles[index].focus()

    def action_choose(self) -> None:
        self.dismiss(self._focused_index())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(SlideTile.Chosen)
    def _chosen(self, event: SlideTile.Chosen) -> None:
        self.dismiss(event.index)
