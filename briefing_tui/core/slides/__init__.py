"""Slide decks for presenter mode (pure, no Textual): built from content, laid out for a screen, exported.

``build`` writes the slides, ``layout`` cuts them to a screen's size, ``markdown`` exports a deck.
"""

from briefing_tui.core.slides.build import (
    ITEM_PRIORITY,
    MAX_ITEM_BULLETS,
    SUMMARY_BULLETS,
    bookmarks_deck,
    briefing_deck,
    cell_slide,
    dossier_deck,
    dossier_title_slide,
    item_slide,
    missing_slide,
    section_slide,
    target_slide,
    title_slide,
)
from briefing_tui.core.slides.layout import Layout, Measure, lay_out, paginate
from briefing_tui.core.slides.lines import byline, figure_line, item_line, source_line
from briefing_tui.core.slides.markdown import deck_markdown
from briefing_tui.core.slides.model import BookmarkLike, Deck, Slide

__all__ = [
    "ITEM_PRIORITY",
    "MAX_ITEM_BULLETS",
    "SUMMARY_BULLETS",
    "BookmarkLike",
    "Deck",
    "Layout",
    "Measure",
    "Slide",
    "bookmarks_deck",
    "briefing_deck",
    "byline",
    "cell_slide",
    "deck_markdown",
    "dossier_deck",
    "dossier_title_slide",
    "figure_line",
    "item_line",
    "item_slide",
    "lay_out",
    "missing_slide",
    "paginate",
    "section_slide",
    "source_line",
    "target_slide",
    "title_slide",
]
