"""Laying a deck out for a screen: slides too long for it become continuation slides ("… (2/3)").

The presenter never scrolls: it asks this module to cut each slide into pages that fit the
rows it has, given how many rows a bullet takes at its width (``Measure``, supplied by the
screen, which knows how text wraps). A bullet too tall for a page on its own is cut between
words, each part marked with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from briefing_tui.core.slides.model import Slide

Measure = Callable[[str], int]
"""Rows a bullet takes on screen."""

CONTINUED = "…"


@dataclass(frozen=True)
class Layout:
    """A deck's slides cut into pages; ``origins[n]`` is the deck slide page ``n`` comes from."""

    pages: list[Slide]
    origins: list[int]

    def first_page_of(self, slide_index: int) -> int:
        """The first page of deck slide ``slide_index`` (0 when there is none)."""
        return next((page for page, origin in enumerate(self.origins) if origin == slide_index), 0)

    def page_showing(self, slide_index: int, bullet: int) -> int:
        """The page of deck slide ``slide_index`` that shows its bullet ``bullet`` (what a relayout keeps).

        A bullet too long for one page starts on the first of the pages it runs over: the room sees it from its
        beginning (taking the last such page skipped the parts before it, as turning the notes on did).
        """
        best = self.first_page_of(slide_index)
        for page, origin in enumerate(self.origins):
            if origin == slide_index and self.pages[best].first_bullet < self.pages[page].first_bullet <= bullet:
                best = page
        return best


def _split_bullet(text: str, rows: int, measure: Measure) -> list[str]:
    """``text`` cut between words into parts of at most ``rows`` rows each."""
    if measure(text) <= rows:
        return [text]
    parts: list[str] = []
    current: list[str] = []
    for word in text.split():
        trial = " ".join([*current, word, CONTINUED])
        if current and measure(trial) > rows:
            parts.append(" ".join([*current, CONTINUED]))
            current = [CONTINUED]
        current.append(word)
    parts.append(" ".join(current))
    return parts


def paginate(slide: Slide, rows: int, measure: Measure, gap: int = 0) -> list[Slide]:
    """``slide`` as pages whose bullets fit ``rows`` rows (``gap`` blank rows between bullets)."""
    rows = max(1, rows)
    pages: list[list[str]] = [[]]
    firsts = [0]
    used = 0
    for position, bullet in enumerate(slide.bullets):
        for piece in _split_bullet(bullet, rows, measure):
            need = measure(piece) + (gap if pages[-1] else 0)
            if pages[-1] and used + need > rows:
                pages.append([])
                firsts.append(position)
                need = measure(piece)
                used = 0
            pages[-1].append(piece)
            used += need
    if len(pages) == 1:
        return [slide]
    total = len(pages)
    return [
        replace(
            slide, title=f"{slide.title} ({number}/{total})", bullets=bullets, part=(number, total), first_bullet=first
        )
        for number, (bullets, first) in enumerate(zip(pages, firsts, strict=True), 1)
    ]


def lay_out(slides: Sequence[Slide], rows_for: Callable[[Slide], int], measure: Measure, gap: int = 0) -> Layout:
    """Every slide paginated for ``rows_for(slide)`` body rows."""
    pages: list[Slide] = []
    origins: list[int] = []
    for index, slide in enumerate(slides):
        for page in paginate(slide, rows_for(slide), measure, gap):
            pages.append(page)
            origins.append(index)
    return Layout(pages, origins)
