"""The comparison grid: themes as rows, actors as columns, one selected cell.

The grid posts ``CellSelected`` when the selection moves (keys or a click); the screen
then calls ``CellDetails.show`` (widgets/cell_details.py). Neither widget reaches into the
other. All content text is placed in ``rich.text.Text`` after ``clean``, so markup in the
content shows literally.
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

    def __init__(self, theme: Theme, actor: str, *, bookmarked: bool = False) -> None:
        super().__init__(classes="cell")
        self.theme = theme
        """The theme (row) of the cell."""
        self.actor = actor
        """The actor (column) of the cell."""
        # No restyle yet (update=False): the classes are styled when the cell mounts.
        self.set_class(compare.is_silent(compare.cell_for(theme, actor)), "-silent", update=False)
        self.set_class(actor == "lac", "-lac", update=False)
        self._shown: tuple[bool, bool] | None = None
        """(differences, bookmarked) of what the cell shows."""
        self.show(differences=False, bookmarked=bookmarked)

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
        yield ThemeHeading(self.theme)
        for actor in self.actors:
            yield CellView(self.theme, actor, bookmarked=compare.cell_id(self.theme.id, actor) in self.marked)


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

    def compose(self) -> ComposeResult:
        # Cells are made showing their full stance and marks, so the first apply changes nothing.
        for theme in self.themes:
            yield ThemeRow(theme, self.actors, self.marked)

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
        widget = self.cell(key)
        if scroll and widget is not None:
            self.call_after_refresh(self.scroll_to_widget, widget, animate=False)
        if changed:
            self.post_message(self.CellSelected(key))

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
