"""What a deck is made of: slides (what the room sees, what the presenter reads) and the deck itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from briefing_tui.core.text import slugify
from briefing_tui.core.vocab import KINDS


@dataclass(frozen=True)
class Slide:
    """One slide: what the room sees (title, kicker, bullets, source line) and what the presenter reads."""

    title: str
    kicker: str = ""
    """A line above the title: the briefing, "Section 3 of 7", the kind of item."""
    bullets: list[str] = field(default_factory=list)
    """The key points, one short line of text each (they wrap on screen)."""
    citation: str = ""
    """The full citation (speaker notes, speaker view and the Markdown export)."""
    source_line: str = ""
    """The short citation the room sees under the bullets: "Wilson Center (2024) · 1B. Take stock…"."""
    notes: str = ""
    """Speaker notes: the bookmark's note, else the detail the slide leaves out."""
    target: str = ""
    """The id of what the slide shows (briefing, section, item or comparison cell id)."""
    subtitle: str = ""
    """A line under the title (the title slide's byline)."""
    kind: str = ""
    """What the slide shows: "title", "section", "cell", "missing" or an item kind."""
    covers: tuple[str, ...] = ()
    """Ids the slide stands for, beyond its target (a section slide covers the section's items)."""
    part: tuple[int, int] = (1, 1)
    """Which of the slide's pages this is, once laid out for a screen: (2, 3) is "(2/3)"."""
    first_bullet: int = 0
    """The position of this page's first bullet among the whole slide's bullets."""

    @property
    def target_kind(self) -> str | None:
        """The bookmark kind of ``target`` ("briefing", "section", "item", "cell", "dossier"), or None if missing."""
        if self.kind == "title":
            return "briefing"
        if self.kind in ("section", "cell", "dossier"):
            return self.kind
        if self.kind in KINDS:
            return "item"
        return None

    @property
    def shown_source(self) -> str:
        """The citation as the room sees it: the short line, else the full citation."""
        return self.source_line or self.citation


@dataclass(frozen=True)
class Deck:
    """A titled sequence of slides."""

    title: str
    slides: list[Slide]

    def index_of(self, target: str | None) -> int | None:
        """The first slide showing ``target``, else the first slide covering it, else None."""
        if not target:
            return None
        for index, slide in enumerate(self.slides):
            if slide.target == target:
                return index
        for index, slide in enumerate(self.slides):
            if target in slide.covers:
                return index
        return None

    @property
    def slug(self) -> str:
        """The title as a file-name stem: ``An Example Briefing`` -> ``an-example-briefing``."""
        return slugify(self.title, default="deck")


class BookmarkLike(Protocol):
    """What ``bookmarks_deck`` reads from a bookmark (``storage.Bookmark`` has it)."""

    @property
    def target(self) -> str: ...

    @property
    def target_kind(self) -> str: ...

    @property
    def note(self) -> str: ...
