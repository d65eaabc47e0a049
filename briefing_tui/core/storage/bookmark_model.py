"""A bookmark: what it points at, the user's note and tags, and whether the loaded content still has it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from briefing_tui.core.text import clean, clean_line

if TYPE_CHECKING:
    from briefing_tui.core.content import Library

TargetKind = Literal["item", "section", "briefing", "cell", "dossier"]


def _encodable(text: str) -> str:
    """Text that UTF-8 can encode (lone surrogates from odd terminals become '?')."""
    return text.encode("utf-8", "replace").decode("utf-8")


class Bookmark(BaseModel):
    """A saved pointer to an item, section, briefing, comparison cell or dossier, with the user's note."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    target: str = Field(pattern=r"^\S+$", max_length=300)
    """An item, section or briefing id, a comparison cell ``compare:<theme>:<actor>`` or a dossier
    ``dossier:actor=japan,country=brazil``."""
    target_kind: TargetKind
    note: str = Field(default="", max_length=100_000)
    """The user's note, possibly several lines."""
    tags: list[str] = []
    """Tags in the user's spelling; two tags differing only in case are one tag."""
    created: str
    """ISO 8601 UTC."""
    updated: str
    """ISO 8601 UTC; changes when the note or tags change."""
    position: int = Field(default=0, ge=0)
    """The user's order (0 first); the store keeps positions 0..n-1."""

    @field_validator("note")
    @classmethod
    def _note(cls, value: str) -> str:
        return _encodable(clean(value))

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        return union_tags([], value)

    @field_validator("created", "updated")
    @classmethod
    def _timestamp(cls, value: str) -> str:
        datetime.fromisoformat(value)  # raises ValueError for a non-ISO string
        return value

    @property
    def has_text(self) -> bool:
        """True when removing this bookmark would lose something the user wrote."""
        return bool(self.note.strip() or self.tags)


class RemovedBookmark(Bookmark):
    """A bookmark in the trash: as it was when removed, and when that was."""

    removed: str
    """ISO 8601 UTC."""

    def as_bookmark(self) -> Bookmark:
        return Bookmark.model_validate(self.model_dump(exclude={"removed"}))


def union_tags(tags: Iterable[str], more: Iterable[str]) -> list[str]:
    """``tags`` then the tags of ``more`` not already there, ignoring case (cleaned, 60 characters at most)."""
    result: list[str] = []
    seen: set[str] = set()
    for tag in [*tags, *more]:
        tag = _encodable(clean_line(tag))[:60]
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(tag)
    return result


def combine_notes(existing: str, incoming: str) -> str:
    """Both notes, the incoming one as a new paragraph, unless the existing note already holds it."""
    old, new = existing.strip(), incoming.strip()
    if not new or new in old:
        return existing
    if not old:
        return incoming
    return existing.rstrip() + "\n\n" + new


# -- bookmarks and the loaded content --------------------------------------------------


def infer_kind(library: Library, target: str) -> TargetKind | None:
    """What ``target`` names in the loaded content (an item's former id counts), or None."""
    from briefing_tui.core.compare import cell_for, parse_cell_id, theme_actors
    from briefing_tui.core.dossier import known_filters

    if library.item(target) is not None:
        return "item"
    if target in library.sections:
        return "section"
    if target in library.briefings:
        return "briefing"
    cell = parse_cell_id(target)
    if cell is not None:
        theme = library.themes.get(cell[0])
        if theme is not None and (cell_for(theme, cell[1]) is not None or cell[1] in theme_actors(library)):
            return "cell"
    if known_filters(target) is not None:
        return "dossier"
    return None


def resolves(library: Library, bookmark: Bookmark) -> bool:
    """True when the bookmark's target exists in the loaded content."""
    return infer_kind(library, bookmark.target) == bookmark.target_kind


def missing(library: Library, bookmarks: Iterable[Bookmark]) -> list[Bookmark]:
    """Bookmarks whose targets are not in the loaded content (kept, never dropped)."""
    return [bookmark for bookmark in bookmarks if not resolves(library, bookmark)]
