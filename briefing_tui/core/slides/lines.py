"""The one-line forms slides are written in: a key figure, an item, a byline, a short source line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing_tui.core.citations import numbered, section_label, unit_adds
from briefing_tui.core.models import Section, SourceDocument
from briefing_tui.core.text import clean_line
from briefing_tui.core.vocab import KINDS

_NUMBER = re.compile(r"\d[\d,.]*")


def join(parts: Iterable[str], separator: str = " · ") -> str:
    """The non-empty parts, each on one line, joined."""
    return separator.join(part for part in (clean_line(part) for part in parts) if part)


def _mentions(title: str, value: str) -> bool:
    """Whether a figure's title already states its value ("…: over US$ 16 billion" states "over US$16 billion")."""
    folded_title = re.sub(r"\s+", "", title).lower()
    numbers = _NUMBER.findall(value)
    if not numbers:
        return re.sub(r"\s+", "", value).lower() in folded_title
    # Every number of the value, as a whole number in the title (so "16" is not found in "2016").
    return all(re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d,]|\.\d)", title) for number in numbers)


def figure_line(figure) -> str:
    """A key figure as a room reads it: "US$7,536 million: Japanese FDI into Brazil, 2011".

    The value leads, then what it measures (the figure's title) and its year where the title
    does not give them; a title that already states the value is the whole line.
    """
    title = clean_line(figure.title)
    value = clean_line(figure.value) + (f" ({clean_line(figure.unit)})" if unit_adds(figure) else "")
    line = title if _mentions(title, figure.value) else f"{value}: {title}"
    year = clean_line(figure.year)
    if year and year not in line:
        line += f", {year}"
    return line


def item_line(item) -> str:
    """An item as one bullet: a figure's value line, "Recommendation 1B: Take stock…", "Obstacle: Bandwidth"."""
    if item.kind == "figure" and hasattr(item, "value"):
        return figure_line(item)
    if item.kind == "recommendation" and item.number:
        rest = numbered(item.number, item.title)[len(item.number) + 2 :]  # the title without its number
        return clean_line(f"Recommendation {item.number}: {rest}")
    return clean_line(f"{KINDS.get(item.kind, item.kind)}: {item.title}")


def byline(source: SourceDocument) -> str:
    """Publisher · authors · date."""
    return join([source.publisher, ", ".join(source.authors), source.date])


def source_line(source: SourceDocument, section: Section | None = None) -> str:
    """The short citation under a slide's bullets: "Wilson Center, 2024 · 1B. Take stock…"."""
    return join([f"{source.publisher}, {source.date}", section_label(section) if section is not None else ""])
