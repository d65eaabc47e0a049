"""The comparison grid: themes as rows, actors as columns, one selected cell.

The grid posts ``CellSelected`` when the selection moves (keys or a click); the screen
then calls ``CellDetails.show`` (widgets/cell_details.py). Neither widget reaches into the
other. All content text is placed in ``rich.text.Text`` after ``clean``, so markup in the
content shows literally.

The grid mounts only the rows that fill the first screen; the others are mounted a few at a
time after the first frame (styling, wrapping and laying out every cell of the bundled content
took ~150 ms before anything was shown), or at once when the selection moves to one of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from briefing_tui.core import compare
from briefing_tui.core.models import Theme
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, label

BOOKMARK_MARK = "★"

CellKey = tuple[str, str]
"""(theme id, actor) of a cell."""

MOUNT_BATCH = 2
"""Rows mounted at a time after the first frame (each batch ~10-20 ms: keys are answered between)."""


def _cell_text(theme: Theme, actor: str, *, differences: bool) -> Text:
    """A cell's body: the full stance and instruments, or the contrasting point alone."""
    cell = compare.cell_for(theme, actor)
    if differences:
        return Text(clean_line(compare.contrast_point(cell)))
    if cell is None:
        return Text(compare.SILENT_TEXT)
    text = Text(clean(cell.stance).strip())
    if cell.instruments:
        text.append("\n\nInstruments: ", style="bold")
        text.append(clean_line(", ".join(cell.instruments)))
    if not cell.silent:
        counts = f"{len(cell.evidence)} evidence · {len(cell.sources)} source{'s' if len(cell.sources) != 1 else ''}"
        text.append(f"\n{counts}", style="dim")
    return text


def rows_to_fill(themes: Sequence[Theme], actors: Sequence[str], *, width: int, height: int, stacked: bool) -> int:
    """How many theme rows, from the first, fill ``height`` lines of a grid ``width`` wide (a rough,
    generous estimate: mounting a row too many costs a few milliseconds, one too few a blank band
    for a frame)."""
    heading = 22  # .theme-heading's width, beside the cells (above them when stacked)
    per_row = 1 if stacked else max(1, len(actors))
    cell_width = max(8, (width - 1 - (0 if stacked else heading)) // per_row - 4)  # scrollbar, border, padding
    used = 0
    for count, theme in enumerate(themes, start=1):
        heights = []
        for actor in actors:
            lines = _cell_text(theme, actor, differences=False).plain.split("\n")
            heights.append(max(3, 2 + sum(max(1, -(-len(line) // cell_width)) for line in lines)))
        used += (sum(heights) + 2 if stacked else max(heights)) + 1
        if used >= height:
            return count + 1
    return len(themes)


class ThemeHeading(Static):
    """The title (and summary) of a theme: the left column of its row, or a line above stacked cells."""

    def __init__(self, theme: Theme) -> None:
        text = Text(clean_line(theme.title), style="bold")
        if theme.summary:
            text.append("\n" + clean_line(theme.summary), style="dim")
        super().__init__(text, classes="theme-heading")
        self.theme_id = theme.id
        """The theme this heads."""


class CellView(Static):
    """One comparison cell; silent cells say so, dimmed, rather than staying blank."""

    class Clicked(Message):
        """The user clicked this cell."""

        def __init__(self, key: CellKey) -> None:
            super().__init__()
            self.key = key

    def __init__(
        self,
        theme: Theme,
        actor: str,
        *,
        bookmarked: bool = False,
        differences: bool = False,
        selected: bool = False,
    ) -> None:
        super().__init__(classes="cell")
        self.theme = theme
        """The theme (row) of the cell."""
        self.actor = actor
        """The actor (column) of the cell."""
        # No restyle yet (update=False): the classes are styled when the cell mounts.
        self.set_class(compare.is_silent(compare.cell_for(theme, actor)), "-silent", update=False)
        self.set_class(actor == "lac", "-lac", update=False)
        self.set_class(selected, "-selected", update=False)
        self._shown: tuple[bool, bool] | None = None
        """(differences, bookmarked) of what the cell shows."""
        self.show(differences=differences, bookmarked=bookmarked)

    @property
    def key(self) -> CellKey:
        return self.theme.id, self.actor

    def show(self, *, differences: bool, bookmarked: bool) -> None:
        """Render the cell for the current view (nothing to do if it shows that already)."""
        if (differences, bookmarked) == self._shown:
            return  # an update relayouts the screen: only cells that change are touched
        self._shown = (differences, bookmarked)
        self.update(_cell_text(self.theme, self.actor, differences=differences))
        title = Text(label(ACTORS, self.actor))
        if bookmarked:
            title.append(f" {BOOKMARK_MARK}", style="bold yellow")
        self.border_title = title
        self.border_subtitle = "silent" if self.has_class("-silent") else None

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Clicked(self.key))


class ThemeRow(Horizontal):
    """One theme: its heading and one cell per actor (side by side, or stacked on narrow screens)."""

    def __init__(self, theme: Theme, actors: Sequence[str], marked: frozenset[str] = frozenset()) -> None:
        super().__init__(classes="theme-row")
        self.theme = theme
        """The theme of this row."""
        self.actors = list(actors)
        """Every column the content has, shown or not."""
        self.marked = marked
        """Bookmarked targets when the row was made (for the cells' first ★ marks)."""

    def compose(self) -> ComposeResult:
        # In a grid, the cells start in the grid's view as it is now (a row can be mounted
        # after the view changed); alone, full stances with every column.
        grid = self.parent if isinstance(self.parent, ComparisonGrid) else None
        marked = grid.marked if grid is not None else self.marked
        shown = grid.shown_actors if grid is not None else self.actors
        selected = grid.selected if grid is not None else None
        yield ThemeHeading(self.theme)
        for actor in self.actors:
            cell = CellView(
                self.theme,
                actor,
                bookmarked=compare.cell_id(self.theme.id, actor) in marked,
                differences=grid.differences if grid is not None else False,
                selected=selected == (self.theme.id, actor),
            )
            cell.display = actor in shown
            yield cell


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
    }
    ComparisonGrid .theme-row {
        height: auto;
        margin-bottom: 1;
    }
    ComparisonGrid .theme-heading {
        width: 22;
        height: auto;
        padding: 1 1 0 0;
    }
    ComparisonGrid .cell {
        width: 1fr;
        height: auto;
        min-height: 3;
        padding: 0 1;
        border: round $primary 40%;
        border-title-color: $text;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    ComparisonGrid .cell.-silent {
        color: $text-muted;
        text-style: italic;
        border: round $primary 20%;
    }
    ComparisonGrid .cell.-selected {
        border: round $accent 70%;
        background: $boost;
    }
    ComparisonGrid:focus .cell.-selected {
        border: heavy $accent;
        background: $accent 15%;
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
        first_rows: int | None = None,
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
        self.first_rows = len(self.themes) if first_rows is None else max(1, first_rows)
        """How many rows are mounted with the grid; the others follow after the first frame."""
        self._pending: list[Theme] = []
        """Themes whose rows are not mounted yet, in order."""

    def compose(self) -> ComposeResult:
        # Cells are made showing their full stance and marks, so the first apply changes nothing.
        self._pending = self.themes[self.first_rows :]
        for theme in self.themes[: self.first_rows]:
            yield self._row(theme)

    def on_mount(self) -> None:
        if self._pending:
            self.call_after_refresh(self._mount_more)

    def _row(self, theme: Theme) -> ThemeRow:
        """A row showing the grid's current view (filter, columns, differences, marks, selection)."""
        row = ThemeRow(theme, self.actors, self.marked)
        row.display = theme.id in self.shown_themes
        return row

    def _mount_more(self) -> None:
        """Mount the next few pending rows, then (after they are painted) the next ones."""
        if not self._pending or not self.is_attached:
            return
        batch, self._pending = self._pending[:MOUNT_BATCH], self._pending[MOUNT_BATCH:]
        self.mount(*(self._row(theme) for theme in batch))
        if self._pending:
            self.call_after_refresh(self._mount_more)

    def _mount_through(self, theme_id: str) -> None:
        """Mount every pending row up to and including this theme's, now."""
        ids = [theme.id for theme in self._pending]
        if theme_id not in ids:
            return
        end = ids.index(theme_id) + 1
        batch, self._pending = self._pending[:end], self._pending[end:]
        self.mount(*(self._row(theme) for theme in batch))

    @property
    def fully_mounted(self) -> bool:
        """True once every theme's row is mounted."""
        return not self._pending

    def cells(self) -> list[CellView]:
        return list(self.query(CellView))

    def cell(self, key: CellKey) -> CellView | None:
        return next((cell for cell in self.query(CellView) if cell.key == key), None)

    def apply(
        self, *, themes: Sequence[str], actors: Sequence[str], differences: bool, select: CellKey | None = None
    ) -> None:
        """Show these themes and columns in this view, and keep a shown cell selected."""
        self.shown_themes = [theme.id for theme in self.themes if theme.id in themes]
        self.shown_actors = [actor for actor in self.actors if actor in actors]
        self.differences = differences
        for row in self.query(ThemeRow):
            row.display = row.theme.id in self.shown_themes
        self.refresh_cells()
        self.select(self._nearest(select or self.selected))

    def set_marks(self, marked: Iterable[str]) -> None:
        """Mark these bookmarked targets with a ★ (the screen reads the store once per change)."""
        self.marked = frozenset(marked)
        self.refresh_cells()

    def refresh_cells(self) -> None:
        """Show every cell in the current view and marks (after a view or bookmark change)."""
        for cell in self.query(CellView):
            cell.display = cell.actor in self.shown_actors
            cell.show(differences=self.differences, bookmarked=compare.cell_id(*cell.key) in self.marked)

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
        changed = key != self.selected
        self.selected = key
        for cell in self.query(CellView):
            cell.set_class(cell.key == key, "-selected")
        if key is None:
            return
        if self.cell(key) is None:
            self._mount_through(key[0])  # its cells start selected (ThemeRow.compose)
        if scroll:
            self.call_after_refresh(self._scroll_to_cell, key)
        if changed:
            self.post_message(self.CellSelected(key))

    def _scroll_to_cell(self, key: CellKey, tries: int = 10) -> None:
        widget = self.cell(key)
        if widget is None:
            return
        # At once: a deferred scroll computed from a stale layout would land after (and undo) a retry.
        self.scroll_to_widget(widget, animate=False, immediate=True)
        # Rows mounted just now may not be laid out yet (the scroll is then clamped short of them):
        # try again after the next refresh until the cell is in view.
        if tries and not self.region.overlaps(widget.region):
            self.call_after_refresh(self._scroll_to_cell, key, tries - 1)

    def move(self, rows: int, columns: int) -> None:
        """Move the selection by themes (rows) and actors (columns)."""
        if self.selected is not None:
            self.select(compare.step(self.shown_themes, self.shown_actors, self.selected, rows, columns))

    def move_in_reading_order(self, delta: int) -> None:
        """Move the selection cell by cell, as the cells read when stacked."""
        if self.selected is not None:
            self.select(compare.step_reading_order(self.shown_themes, self.shown_actors, self.selected, delta))

    @on(CellView.Clicked)
    def _cell_clicked(self, event: CellView.Clicked) -> None:
        event.stop()
        self.focus()
        self.select(event.key)
