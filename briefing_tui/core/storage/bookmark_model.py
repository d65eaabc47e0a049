"""A bookmark: what it points at, the user's note and tags, and whether the loaded content still has it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, get_args

from briefing_tui.core.text import clean, clean_line

if TYPE_CHECKING:
    from typing import Self

    from briefing_tui.core.content import Library

TargetKind = Literal["item", "section", "briefing", "cell", "dossier"]
TARGET_KINDS: tuple[str, ...] = get_args(TargetKind)
TARGET_MAX = 300
NOTE_MAX = 100_000
_NO_SPACE = re.compile(r"^\S+$")


class BookmarkError(ValueError):
    """A bookmark field the model rejects: ``where`` (the field, "tags.0") and what is wrong with it."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def _encodable(text: str) -> str:
    """Text that UTF-8 can encode (lone surrogates from odd terminals become '?')."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _text(name: str, value: object, limit: int | None = None) -> str:
    if not isinstance(value, str):
        raise BookmarkError(name, "should be a string")
    if limit is not None and len(value) > limit:
        raise BookmarkError(name, f"should have at most {limit:,} characters")
    return value


def _timestamp(name: str, value: object) -> str:
    text = _text(name, value)
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise BookmarkError(name, f"not an ISO 8601 time: {text!r}") from None
    return text


@dataclass(frozen=True, kw_only=True)
class Bookmark:
    """A saved pointer to an item, section, briefing, comparison cell or dossier, with the user's note.

    Checked by hand as it is made (``__post_init__``), not by pydantic: the bookmarks file is read
    before the first frame, and pydantic's import would cost that frame ~0.1 s.
    """

    target: str
    """An item, section or briefing id, a comparison cell ``compare:<theme>:<actor>`` or a dossier
    ``dossier:actor=japan,country=brazil``."""
    target_kind: TargetKind
    note: str = ""
    """The user's note, possibly several lines (cleaned of control characters)."""
    tags: list[str] = field(default_factory=list)
    """Tags in the user's spelling; two tags differing only in case are one tag."""
    created: str
    """ISO 8601 UTC."""
    updated: str
    """ISO 8601 UTC; changes when the note or tags change."""
    position: int = 0
    """The user's order (0 first); the store keeps positions 0..n-1."""

    def __post_init__(self) -> None:
        if not _NO_SPACE.match(_text("target", self.target, TARGET_MAX)):
            raise BookmarkError("target", "should be an id without spaces")
        if self.target_kind not in TARGET_KINDS:
            raise BookmarkError("target_kind", f"should be one of {', '.join(TARGET_KINDS)}")
        note = _encodable(clean(_text("note", self.note, NOTE_MAX)))
        if not isinstance(self.tags, list | tuple):
            raise BookmarkError("tags", "should be a list of strings")
        for index, tag in enumerate(self.tags):
            _text(f"tags.{index}", tag)
        _timestamp("created", self.created)
        _timestamp("updated", self.updated)
        if not isinstance(self.position, int) or isinstance(self.position, bool) or self.position < 0:
            raise BookmarkError("position", "should be a whole number, 0 or more")
        object.__setattr__(self, "note", note)
        object.__setattr__(self, "tags", union_tags([], self.tags))

    @classmethod
    def from_data(cls, raw: object) -> Self:
        """A bookmark from a file's or an import's table: unknown and missing keys are errors too."""
        if not isinstance(raw, dict):
            raise BookmarkError("", "should be a table of fields")
        known = cls.__dataclass_fields__
        unknown = [str(key) for key in raw if key not in known]
        if unknown:
            raise BookmarkError(unknown[0], "unknown field")
        required = [name for name, spec in known.items() if _required(spec)]
        absent = [name for name in required if name not in raw]
        if absent:
            raise BookmarkError(absent[0], "missing")
        return cls(**raw)

    def as_data(self) -> dict[str, Any]:
        """The fields as the bookmarks file and the JSON export hold them."""
        return dataclasses.asdict(self)

    @property
    def has_text(self) -> bool:
        """True when removing this bookmark would lose something the user wrote."""
        return bool(self.note.strip() or self.tags)


def _required(spec: dataclasses.Field[Any]) -> bool:
    return spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING


@dataclass(frozen=True, kw_only=True)
class RemovedBookmark(Bookmark):
    """A bookmark in the trash: as it was when removed, and when that was."""

    removed: str
    """ISO 8601 UTC."""

    def __post_init__(self) -> None:
        super().__post_init__()
        _text("removed", self.removed)

    def as_bookmark(self) -> Bookmark:
        fields = self.as_data()
        del fields["removed"]
        return Bookmark(**fields)


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
