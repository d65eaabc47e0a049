"""The comparison grid: themes as rows, actors as columns, one selected cell.

The grid posts ``CellSelected`` when the selection moves (keys or a click); the screen
then calls ``CellDetails.show`` (widgets/cell_details.py). Neither widget reaches into the
other. All content text is placed in ``rich.text.Text`` after ``clean``, so markup in the
content shows literally. The cells are drawn by one ``GridCanvas`` (widgets/grid_canvas.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.message import Message

from briefing_tui.core import compare
from briefing_tui.core.models import Theme
from briefing_tui.tui.widgets.grid_canvas import BOOKMARK_MARK, CellKey, GridCanvas

__all__ = ["BOOKMARK_MARK", "CellKey", "ComparisonGrid"]


class ComparisonGrid(VerticalScroll, can_focus=True, inherit_bindings=False):
    """Themes as rows, actors as columns; owns which cell is selected and which are shown.

    Arrow keys are bound on the screen (so they also act from the evidence list); the grid
    only keeps paging, and posts ``CellSelected`` whenever the selection changes.
    """

    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False, id="compare.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="compare.page_down"),
    ]

    DEFAULT_CSS = """
    ComparisonGrid {
        height: 1fr;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;  /* one width to lay the cells out at, scrollbar or not */
    }
    """

    class CellSelected(Message):
        """The selected cell changed."""

        def __init__(self, key: CellKey) -> None:
            super().__init__()
            self.key = key

    def __init__(
        self,
        themes: Sequence[Theme],
        actors: Sequence[str],
        *,
        marked: Iterable[str] = (),
        stacked: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.themes = list(themes)
        """Every theme of the content, in order."""
        self.actors = list(actors)
        """Every column the content has, in order."""
        self.selected: CellKey | None = None
        """The selected cell."""
        self.shown_themes: list[str] = [theme.id for theme in self.themes]
        """Ids of the themes shown (all, or the one filtered to)."""
        self.shown_actors: list[str] = list(self.actors)
        """The columns shown (LAC can be hidden)."""
        self.differences = False
        """True: cells show only their contrasting point."""
        self.marked: frozenset[str] = frozenset(marked)
        """Bookmarked targets (cell ids among them), for the ★ marks."""
        self.stacked = stacked
        """True: a theme's cells one above the other (narrow screens), else side by side."""
        self.canvas = GridCanvas(self)
        """The widget that draws the cells."""

    def compose(self) -> ComposeResult:
        yield self.canvas

    def set_stacked(self, stacked: bool) -> None:
        """Stack a theme's cells (or put them side by side again)."""
        if stacked != self.stacked:
            self.stacked = stacked
            self.canvas.invalidate()
            if self.selected is not None:
                self.call_after_refresh(self._scroll_to_cell, self.selected)

    # -- what is shown --------------------------------------------------------------------

    def apply(
        self, *, themes: Sequence[str], actors: Sequence[str], differences: bool, select: CellKey | None = None
    ) -> None:
        """Show these themes and columns in this view, and keep a shown cell selected."""
        view = (self.shown_themes, self.shown_actors, self.differences)
        self.shown_themes = [theme.id for theme in self.themes if theme.id in themes]
        self.shown_actors = [actor for actor in self.actors if actor in actors]
        self.differences = differences
        if (self.shown_themes, self.shown_actors, self.differences) != view:
            self.canvas.invalidate()
        self.select(self._nearest(select or self.selected))

    def set_marks(self, marked: Iterable[str]) -> None:
        """Mark these bookmarked targets with a ★ (the screen reads the store once per change)."""
        marked = frozenset(marked)
        if marked != self.marked:
            self.marked = marked
            self.canvas.invalidate(layout=False)

    def is_shown(self, key: CellKey) -> bool:
        return key[0] in self.shown_themes and key[1] in self.shown_actors

    def drawn_cell(self, key: CellKey) -> list[str] | None:
        """The lines drawn for a shown cell, border included (None if hidden or not laid out)."""
        canvas = self.canvas
        width = canvas.size.width
        layout = canvas.layout_for(width)
        row = next((row for row in layout.rows if row.theme.id == key[0]), None)
        box = layout.cell(key)
        if not width or row is None or box is None or not row.exact:
            return None
        strips = canvas._row_strips(row, width)[box.region.y - row.top : box.region.bottom - row.top]
        return [strip.crop(box.region.x, box.region.right).text for strip in strips]

    def cell_region(self, key: CellKey) -> Region | None:
        """Where a shown cell is on the screen (None if hidden or not laid out yet)."""
        box = self.canvas.layout_for(self.canvas.size.width).cell(key)
        if box is None or not self.canvas.size.width:
            return None
        return box.region.translate(self.canvas.region.offset)

    # -- selection ------------------------------------------------------------------------

    def _nearest(self, key: CellKey | None) -> CellKey | None:
        if not self.shown_themes or not self.shown_actors:
            return None
        if key is None:
            return self.shown_themes[0], self.shown_actors[0]
        theme, actor = key
        if theme not in self.shown_themes:
            theme = self.shown_themes[0]
        if actor not in self.shown_actors:
            earlier = self.actors[: self.actors.index(actor)] if actor in self.actors else []
            before = [other for other in earlier if other in self.shown_actors]
            actor = before[-1] if before else self.shown_actors[0]
        return theme, actor

    def select(self, key: CellKey | None, *, scroll: bool = True) -> None:
        """Select a cell (highlight it, bring it into view, tell the screen)."""
        key = self._nearest(key)
        previous = self.selected
        changed = key != previous
        self.selected = key
        if changed:
            self.canvas.redraw_rows(*(selected[0] for selected in (previous, key) if selected is not None))
        if key is None:
            return
        if scroll:
            self.call_after_refresh(self._scroll_to_cell, key)
        if changed:
            self.post_message(self.CellSelected(key))

    def _scroll_to_cell(self, key: CellKey) -> None:
        if key != self.selected or not self.canvas.size.width:
            return
        box = self.canvas.layout_for(self.canvas.size.width).cell(key)
        if box is not None:
            self.scroll_to_region(box.region, animate=False, immediate=True)

    def move(self, rows: int, columns: int) -> None:
        """Move the selection by themes (rows) and actors (columns)."""
        if self.selected is not None:
            self.select(compare.step(self.shown_themes, self.shown_actors, self.selected, rows, columns))

    def move_in_reading_order(self, delta: int) -> None:
        """Move the selection cell by cell, as the cells read when stacked."""
        if self.selected is not None:
            self.select(compare.step_reading_order(self.shown_themes, self.shown_actors, self.selected, delta))

    def on_focus(self) -> None:
        if self.selected is not None:
            self.canvas.redraw_rows(self.selected[0])

    def on_blur(self) -> None:
        if self.selected is not None:
            self.canvas.redraw_rows(self.selected[0])

    def on_grid_canvas_clicked(self, event: GridCanvas.Clicked) -> None:
        event.stop()
        self.focus()
        self.select(event.key)
