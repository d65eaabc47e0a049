"""One slide as the room sees it, sized so it never needs scrolling.

The view owns its geometry (paddings, margins, gaps) in Python rather than CSS, because the
deck's layout must know exactly how many rows a slide's title, subtitle and source take at
the current size: ``rows_for`` and ``measure`` answer that, and ``show`` draws text wrapped by
the same rules, so what the layout counts is what the screen shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from briefing_tui.core.slides import Slide

BULLET = "• "
SOURCE_ROWS = 2
"""The most rows the source line may take (a longer one is cut short; the notes have it whole)."""
TITLE_SUFFIX = " (99/99)"
"""Room kept in a title for a continuation mark."""


@dataclass(frozen=True)
class Geometry:
    """Rows and columns around a slide's text at one terminal size."""

    pad: tuple[int, int, int, int]
    """Padding of the slide: top, right, bottom, left."""
    title_margin: tuple[int, int]
    """Blank rows above and below the title block."""
    title_pad: tuple[int, int]
    """Padding inside the title block: rows, columns."""
    subtitle_gap: int
    bullets_pad: int
    bullets_max: int
    """The widest the bullets get (long lines are hard to read across a room)."""
    gap: int
    """Blank rows between bullets."""
    source_gap: int
    """Blank rows between the bullets and the source line."""


COMPACT = Geometry((0, 1, 0, 1), (0, 1), (0, 2), 0, 1, 120, 0, 1)
NORMAL = Geometry((1, 4, 0, 4), (1, 1), (1, 4), 1, 2, 120, 1, 1)
LARGE = Geometry((2, 10, 1, 10), (1, 2), (2, 8), 1, 4, 140, 1, 1)


def geometry_for(width: int, height: int) -> Geometry:
    """Compact under 100x30, large from 150x40, normal in between."""
    if width < 100 or height < 30:
        return COMPACT
    if width >= 150 and height >= 40:
        return LARGE
    return NORMAL


class SlideView(Vertical):
    """Kicker, title, subtitle, bullets and source line of one slide."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.geometry = NORMAL
        self.frame = (80, 22)
        """The (width, height) the slide has on screen."""
        self._wrapped: dict[tuple[str, int], list[str]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="slide-kicker")
        yield Static(id="slide-title")
        yield Static(id="slide-subtitle")
        with Vertical(id="slide-body"):
            yield Static(id="slide-bullets")
        yield Static(id="slide-source")

    # -- geometry -----------------------------------------------------------------------

    def configure(self, width: int, height: int, geometry: Geometry) -> None:
        """Size the slide for ``width`` x ``height`` cells with ``geometry``'s spacing."""
        self.frame = (max(20, width), max(6, height))
        self.geometry = geometry
        self.styles.padding = geometry.pad
        self.styles.width = self.frame[0]
        title = self.query_one("#slide-title")
        title.styles.margin = (geometry.title_margin[0], 0, geometry.title_margin[1], 0)
        title.styles.padding = geometry.title_pad
        self.query_one("#slide-subtitle").styles.margin = (0, 0, geometry.subtitle_gap, 0)
        bullets = self.query_one("#slide-bullets")
        bullets.styles.width = self.bullets_width
        bullets.styles.padding = (0, geometry.bullets_pad)
        source = self.query_one("#slide-source")
        source.styles.margin = (geometry.source_gap, 0, 0, 0)
        source.styles.padding = (0, geometry.bullets_pad)

    @property
    def inner_width(self) -> int:
        _, right, _, left = self.geometry.pad
        return max(10, self.frame[0] - left - right)

    @property
    def bullets_width(self) -> int:
        return min(self.geometry.bullets_max, self.inner_width)

    @property
    def text_width(self) -> int:
        """Columns a bullet's text wraps at (after its padding and the bullet mark)."""
        return max(8, self.bullets_width - 2 * self.geometry.bullets_pad - len(BULLET))

    @property
    def _title_width(self) -> int:
        return max(8, self.inner_width - 1 - 2 * self.geometry.title_pad[1])  # 1: the accent border

    @property
    def _source_width(self) -> int:
        return max(8, self.inner_width - 2 * self.geometry.bullets_pad)

    def _wrap(self, text: str, width: int) -> list[str]:
        """``text`` word-wrapped to ``width`` cells: as many rows as it takes on screen."""
        key = (text, width)
        lines = self._wrapped.get(key)
        if lines is None:
            wrapped = list(Text(text).wrap(self.app.console, width, overflow="fold")) if text else []
            lines = self._wrapped[key] = [line.plain.rstrip() for line in wrapped] or [""]
        return lines

    def measure(self, text: str) -> int:
        """Rows a bullet takes."""
        return len(self._wrap(text, self.text_width))

    def rows_for(self, slide: Slide) -> int:
        """Rows left for ``slide``'s bullets once its kicker, title, subtitle and source are placed."""
        geometry = self.geometry
        top, _, bottom, _ = geometry.pad
        rows = self.frame[1] - top - bottom - 1  # 1: the kicker
        rows -= sum(geometry.title_margin) + 2 * geometry.title_pad[0]
        rows -= len(self._wrap(slide.title + TITLE_SUFFIX, self._title_width))
        if slide.subtitle:
            rows -= len(self._wrap(slide.subtitle, self._title_width)) + geometry.subtitle_gap
        if slide.shown_source:
            rows -= geometry.source_gap + len(self._source_lines(slide))
        return rows

    def _source_lines(self, slide: Slide) -> list[str]:
        lines = self._wrap(f"Source: {slide.shown_source}", self._source_width)
        if len(lines) > SOURCE_ROWS:
            lines = lines[:SOURCE_ROWS]
            lines[-1] = _cut(self.app.console, lines[-1] + " …", self._source_width)
        return lines

    # -- drawing --------------------------------------------------------------------------

    def show(self, slide: Slide, bullets: list[str]) -> None:
        """Draw ``slide`` with ``bullets`` (all of them, or those revealed so far)."""
        console = self.app.console
        self.query_one("#slide-kicker", Static).update(Text(_cut(console, slide.kicker, self.inner_width)))
        title = "\n".join(self._wrap(slide.title, self._title_width))
        self.query_one("#slide-title", Static).update(Text(title, justify="center"))
        subtitle = self.query_one("#slide-subtitle", Static)
        subtitle.update(Text("\n".join(self._wrap(slide.subtitle, self._title_width)), justify="center"))
        subtitle.display = bool(slide.subtitle)
        source = self.query_one("#slide-source", Static)
        source.update(Text("\n".join(self._source_lines(slide))) if slide.shown_source else Text())
        source.display = bool(slide.shown_source)
        self.query_one("#slide-bullets", Static).update(self._bullets_text(bullets))

    def _bullets_text(self, bullets: list[str]) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        indent = " " * len(BULLET)
        for number, bullet in enumerate(bullets):
            if number:
                text.append("\n" * (1 + self.geometry.gap))
            for row, line in enumerate(self._wrap(bullet, self.text_width)):
                if row:
                    text.append("\n" + indent)
                else:
                    text.append(BULLET, style="bold")
                text.append(line)
        return text


def _cut(console: Console, text: str, width: int) -> str:
    """``text`` on one line, cut with an ellipsis to ``width`` cells."""
    line = Text(text)
    line.truncate(width, overflow="ellipsis")
    return line.plain
