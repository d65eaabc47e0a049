"""The drawing of the comparison grid: every cell by one widget, through Textual's line API.

``GridCanvas`` lays the cells out itself (a heading column, then equal columns of bordered
cells; stacked on narrow screens) and renders only the lines in view. A widget per cell (60
for the bundled content) made Textual style, wrap and lay out each one, ~100 ms before the
compare screen's first frame. What is shown and selected is the ``ComparisonGrid``'s
(widgets/compare_grid.py), which the canvas sits in and reads.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.color import Color
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from briefing_tui.core import compare
from briefing_tui.core.models import Theme
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, label

if TYPE_CHECKING:
    from briefing_tui.tui.widgets.compare_grid import ComparisonGrid

BOOKMARK_MARK = "★"

CellKey = tuple[str, str]
"""(theme id, actor) of a cell."""

HEADING_WIDTH = 22
"""The theme heading column beside the cells (its last column is padding)."""

ROUND = ("╭", "─", "╮", "│", "╰", "╯")
HEAVY = ("┏", "━", "┓", "┃", "┗", "┛")
"""Border characters: top-left, horizontal, top-right, vertical, bottom-left, bottom-right."""


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


def _heading_text(theme: Theme) -> Text:
    text = Text(clean_line(theme.title), style="bold")
    if theme.summary:
        text.append("\n" + clean_line(theme.summary), style="dim")
    return text


@dataclass(frozen=True)
class CellBox:
    """Where a cell is drawn, in the canvas."""

    key: CellKey
    region: Region


@dataclass(frozen=True)
class RowBox:
    """A theme's heading and cells, in the canvas."""

    theme: Theme
    top: int
    height: int
    heading: Region
    cells: tuple[CellBox, ...]
    exact: bool = True
    """False: the heights are estimated (the row is not drawn until they are exact)."""


@dataclass(frozen=True)
class GridLayout:
    """Every shown row, top to bottom (each followed by one blank line)."""

    width: int
    height: int
    rows: tuple[RowBox, ...]

    def row_at(self, y: int) -> RowBox | None:
        index = bisect_right([row.top for row in self.rows], y) - 1
        if index < 0:
            return None
        row = self.rows[index]
        return row if y < row.top + row.height else None

    def cell_at(self, x: int, y: int) -> CellKey | None:
        row = self.row_at(y)
        if row is None:
            return None
        return next((cell.key for cell in row.cells if cell.region.contains(x, y)), None)

    def cell(self, key: CellKey) -> CellBox | None:
        for row in self.rows:
            if row.theme.id == key[0]:
                return next((cell for cell in row.cells if cell.key == key), None)
        return None


class GridCanvas(Widget):
    """Draws the grid's cells (the ``ComparisonGrid`` it sits in owns what is shown and selected)."""

    COMPONENT_CLASSES = {
        "grid--border",
        "grid--border-silent",
        "grid--selected",
        "grid--focused",
        "grid--silent",
        "grid--muted",
    }

    DEFAULT_CSS = """
    GridCanvas {
        height: auto;
    }
    GridCanvas > .grid--border { color: $primary 40%; }
    GridCanvas > .grid--border-silent { color: $primary 20%; }
    GridCanvas > .grid--selected { color: $accent 70%; background: $boost; }
    GridCanvas > .grid--focused { color: $accent; background: $accent 15%; }
    GridCanvas > .grid--silent { color: $text-muted; }
    GridCanvas > .grid--muted { color: $text-muted; }
    """

    class Clicked(Message):
        """The user clicked a cell."""

        def __init__(self, key: CellKey) -> None:
            super().__init__()
            self.key = key

    def __init__(self, grid: ComparisonGrid) -> None:
        super().__init__()
        self.grid = grid
        self._layouts: dict[int, GridLayout] = {}
        """The layout by width (Textual asks for the height at more than one width per layout)."""
        self._wrapped: dict[tuple[str, str, bool, int], list[list[Segment]]] = {}
        """Wrapped text by (theme id, actor or "" for the heading, differences, width)."""
        self._strips: dict[tuple[str, int], list[Strip]] = {}
        """Rendered lines of each row, by theme id and width (dropped when the row changes)."""
        self._palette: dict[str, Style] | None = None
        self._exact = False
        """Whether rows below the first screen are laid out exactly (after the first frame)."""

    def on_mount(self) -> None:
        # Wrapping every cell (48 for the bundled content) takes ~30 ms: the first frame wraps
        # the rows it shows and estimates the others' heights, which are made exact right after.
        self.call_after_refresh(self._make_exact)

    @property
    def exact(self) -> bool:
        """True once every row is laid out exactly (right after the first frame)."""
        return self._exact

    def _make_exact(self) -> None:
        if not self._exact:
            self._exact = True
            if any(not row.exact for layout in self._layouts.values() for row in layout.rows):
                self.invalidate()

    # -- layout -------------------------------------------------------------------------

    def invalidate(self, *, layout: bool = True) -> None:
        """Forget the rendered rows (and the layout: the view changed) and redraw."""
        if layout:
            self._layouts.clear()
        self._strips.clear()
        self.refresh(layout=layout)

    def redraw_rows(self, *theme_ids: str) -> None:
        """Redraw these rows (selection or focus moved)."""
        for key in [key for key in self._strips if key[0] in theme_ids]:
            del self._strips[key]
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._palette = None
        self._strips.clear()

    def _wrap(self, key: tuple[str, str, bool, int], text: Text) -> list[list[Segment]]:
        lines = self._wrapped.get(key)
        if lines is None:
            console = self.app.console
            options = console.options.update(width=key[3], height=None, highlight=False, markup=False)
            lines = console.render_lines(text, options, pad=True)
            self._wrapped[key] = lines
        return lines

    def _text_lines(self, theme: Theme, actor: str, width: int) -> list[list[Segment]]:
        differences = self.grid.differences
        return self._wrap((theme.id, actor, differences, width), _cell_text(theme, actor, differences=differences))

    def _heading_lines(self, theme: Theme, width: int) -> list[list[Segment]]:
        return self._wrap((theme.id, "", False, width), _heading_text(theme))

    def layout_for(self, width: int) -> GridLayout:
        """The grid's layout at this width (computed once per width and view)."""
        layout = self._layouts.get(width)
        if layout is not None:
            return layout
        grid = self.grid
        actors = grid.shown_actors
        rows: list[RowBox] = []
        y = 0
        shown = [theme for theme in grid.themes if theme.id in grid.shown_themes]
        ids = [theme.id for theme in shown]
        # Before the first frame, the rows from the first screen down are estimated (the
        # selected cell's row and those above it are exact: the view scrolls to it).
        budget = None if self._exact else self.app.size.height
        selected = ids.index(grid.selected[0]) if grid.selected and grid.selected[0] in ids else 0
        for index, theme in enumerate(shown):
            cells: list[CellBox] = []
            if budget is not None and y >= budget and index > selected:
                rows.append(self._estimated_row(theme, y, width))
                y += rows[-1].height + 1
                continue
            if grid.stacked:
                heading_height = len(self._heading_lines(theme, max(1, width)))
                heading = Region(0, y, width, heading_height)
                cell_y = y + heading_height
                for actor in actors:
                    height = max(3, len(self._text_lines(theme, actor, max(1, width - 4))) + 2)
                    cells.append(CellBox((theme.id, actor), Region(0, cell_y, width, height)))
                    cell_y += height
                height = cell_y - y
            else:
                heading_height = 1 + len(self._heading_lines(theme, HEADING_WIDTH - 1))
                heading = Region(0, y, HEADING_WIDTH, heading_height)
                room = max(0, width - HEADING_WIDTH)
                count = max(1, len(actors))
                edges = [HEADING_WIDTH + room * index // count for index in range(count + 1)]
                height = heading_height
                for index, actor in enumerate(actors):
                    cell_width = edges[index + 1] - edges[index]
                    lines = len(self._text_lines(theme, actor, max(1, cell_width - 4)))
                    box = Region(edges[index], y, cell_width, max(3, lines + 2))
                    cells.append(CellBox((theme.id, actor), box))
                    height = max(height, box.height)
            rows.append(RowBox(theme, y, height, heading, tuple(cells)))
            y += height + 1
        layout = self._layouts[width] = GridLayout(width, y, tuple(rows))
        return layout

    def _estimated_row(self, theme: Theme, y: int, width: int) -> RowBox:
        """A row with heights from a rough count of wrapped lines (no wrapping)."""
        grid = self.grid
        actors = grid.shown_actors
        columns = 1 if grid.stacked else max(1, len(actors))
        cell_width = max(1, (width if grid.stacked else width - HEADING_WIDTH) // columns - 4)

        def lines(actor: str) -> int:
            text = _cell_text(theme, actor, differences=grid.differences).plain
            return sum(max(1, -(-len(line) // cell_width)) for line in text.split("\n"))

        heights = [max(3, lines(actor) + 2) for actor in actors]
        height = (2 + sum(heights)) if grid.stacked else max([4, *heights])
        return RowBox(theme, y, height, Region(0, y, 0, 0), (), exact=False)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.layout_for(width).height

    # -- drawing ------------------------------------------------------------------------

    def _styles(self) -> dict[str, Style]:
        """Rich styles from the component classes, blended over the grid's background."""
        if self._palette is None:
            base = self.rich_style
            background = self.background_colors[1]
            foreground = Color.from_rich_color(base.color) if base.color else Color(255, 255, 255)

            def color(name: str) -> Color:
                return background + self.get_component_styles(name).color

            def fill(name: str) -> Color:
                return background + self.get_component_styles(name).background

            plain = Style(color=foreground.rich_color, bgcolor=background.rich_color)
            selected_bg, focused_bg = fill("grid--selected"), fill("grid--focused")
            self._palette = {
                "text": plain,
                "border": Style(color=color("grid--border").rich_color, bgcolor=background.rich_color),
                "border-silent": Style(color=color("grid--border-silent").rich_color, bgcolor=background.rich_color),
                "silent": Style(color=color("grid--silent").rich_color, italic=True),
                "muted": Style(color=color("grid--muted").rich_color),
                "selected": Style(color=foreground.rich_color, bgcolor=selected_bg.rich_color),
                "selected-border": Style(color=color("grid--selected").rich_color, bgcolor=selected_bg.rich_color),
                "focused": Style(color=foreground.rich_color, bgcolor=focused_bg.rich_color),
                "focused-border": Style(color=color("grid--focused").rich_color, bgcolor=focused_bg.rich_color),
            }
        return self._palette

    def _cell_lines(self, row: RowBox, cell: CellBox) -> list[list[Segment]]:
        """A cell's lines, border included, exactly ``cell.region.width`` wide."""
        grid = self.grid
        palette = self._styles()
        theme, actor = row.theme, cell.key[1]
        width, height = cell.region.width, cell.region.height
        silent = compare.is_silent(compare.cell_for(theme, actor))
        selected = cell.key == grid.selected
        focused = selected and grid.has_focus
        if focused:
            base, border, chars = palette["focused"], palette["focused-border"], HEAVY
        elif selected:
            base, border, chars = palette["selected"], palette["selected-border"], ROUND
        else:
            base, chars = palette["text"], ROUND
            border = palette["border-silent"] if silent else palette["border"]
        if silent:
            base += palette["silent"]
        inner = max(0, width - 2)

        def edge(left: str, right: str, label: Text | None, at_end: bool) -> list[Segment]:
            line = Text(left, style=border)
            if label is not None and inner >= 4:
                label.truncate(inner - 4, overflow="ellipsis")
                fill = chars[1] * max(0, inner - 3 - label.cell_len)
                if at_end:
                    line.append(fill + " ", style=border)
                    line.append_text(label)
                    line.append(" " + chars[1], style=border)
                else:
                    line.append(chars[1] + " ", style=border)
                    line.append_text(label)
                    line.append(" " + fill, style=border)
            else:
                line.append(chars[1] * inner, style=border)
            line.append(right, style=border)
            return list(line.render(self.app.console))

        # The title in the text colour (not dimmed in silent cells), bold.
        title = Text(label(ACTORS, actor), style=base + Style(color=palette["text"].color, bold=True, italic=False))
        if compare.cell_id(*cell.key) in grid.marked:
            title.append(f" {BOOKMARK_MARK}", style="bold yellow")
        subtitle = Text("silent", style=palette["muted"] + base.background_style) if silent else None
        lines = [edge(chars[0], chars[2], title, False)]
        text_width = max(1, width - 4)
        body = self._text_lines(theme, actor, text_width)
        side = Segment(chars[3], border)
        pad = Segment(" ", base)
        blank = [Segment(" " * text_width)]
        for index in range(max(1, height - 2)):
            content = body[index] if index < len(body) else blank
            lines.append([side, pad, *Segment.apply_style(content, base), pad, side])
        lines.append(edge(chars[4], chars[5], subtitle, True))
        return lines

    def _row_strips(self, row: RowBox, width: int) -> list[Strip]:
        strips = self._strips.get((row.theme.id, width))
        if strips is not None:
            return strips
        palette = self._styles()
        blank = Segment(" " * width, palette["text"])
        lines: list[list[Segment]] = [[] for _ in range(row.height)]
        # The heading, then each cell, into the row's lines (left to right: regions never overlap).
        heading = row.heading
        top = heading.y - row.top
        heading_lines = self._heading_lines(row.theme, heading.width if self.grid.stacked else HEADING_WIDTH - 1)
        for index, segments in enumerate(heading_lines):
            if top + (0 if self.grid.stacked else 1) + index < row.height:
                lines[top + (0 if self.grid.stacked else 1) + index] = list(
                    Segment.apply_style(segments, palette["text"])
                )
        for cell in row.cells:
            for index, segments in enumerate(self._cell_lines(row, cell)):
                line = lines[cell.region.y - row.top + index]
                used = sum(segment.cell_length for segment in line)
                if used < cell.region.x:
                    line.append(Segment(" " * (cell.region.x - used), palette["text"]))
                line.extend(segments)
        strips = [
            Strip(line).adjust_cell_length(width, palette["text"]) if line else Strip([blank], width) for line in lines
        ]
        self._strips[row.theme.id, width] = strips
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        layout = self.layout_for(width)
        row = layout.row_at(y)
        if row is None or not row.exact:
            return Strip.blank(width, self._styles()["text"])
        return self._row_strips(row, width)[y - row.top]

    def on_click(self, event: events.Click) -> None:
        key = self.layout_for(self.size.width).cell_at(event.x, event.y)
        if key is not None:
            event.stop()
            self.post_message(self.Clicked(key))
