"""The user's bookmarks: a TOML file that survives crashes, corruption and two running copies.

The file's guarantees (locking, atomic writes, corrupt files set aside) come from
``StateFile``. Removed bookmarks are kept in the file's ``removed`` list (the trash,
newest first) so a note deleted by mistake can be restored, even after a restart.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing_tui.core.storage import paths
from briefing_tui.core.storage.bookmark_model import (
    Bookmark,
    BookmarkError,
    RemovedBookmark,
    TargetKind,
    combine_notes,
    infer_kind,
    missing,
    resolves,
    union_tags,
)
from briefing_tui.core.storage.statefile import Corrupt, StateFile, _Newer, iso, utc_now

if TYPE_CHECKING:
    from briefing_tui.core.content import Library

__all__ = [
    "Bookmark",
    "BookmarkError",
    "BookmarkStore",
    "Corrupt",
    "RemovedBookmark",
    "StateFile",
    "TargetKind",
    "combine_notes",
    "infer_kind",
    "iso",
    "missing",
    "resolves",
    "union_tags",
    "utc_now",
]

FILE_VERSION = 3
"""The newest ``version`` of the bookmarks file this code writes (2 added the ``removed`` list, 3 dossiers)."""

PLAIN_VERSION = 2
"""The version written while no bookmark is of a dossier: versions before 3 read such a file as their own.
(One with a dossier, they leave as is rather than set aside as corrupt: they would reject its target kind.)"""

READABLE_VERSIONS = (1, 2, 3)
"""File versions this code reads (a version 1 file is rewritten as version 2 on the next change)."""

TRASH_LIMIT = 200
"""How many removed bookmarks the file keeps (the oldest beyond this are dropped)."""


FILE_KEYS = ("version", "bookmarks", "removed")
"""The keys of bookmarks.toml."""


def _entries(raw: dict[str, Any], key: str) -> list[Any]:
    entries = raw.get(key, [])
    if not isinstance(entries, list):
        raise BookmarkError(key, "should be a list of tables")
    return entries


def _read_list(raw: dict[str, Any], key: str, model: type[Bookmark]) -> list[Any]:
    """The file's ``key`` list as models; BookmarkError says which entry and field is wrong."""
    result = []
    for index, entry in enumerate(_entries(raw, key)):
        try:
            result.append(model.from_data(entry))
        except BookmarkError as error:
            raise BookmarkError(".".join(filter(None, [key, str(index), error.where])), error.problem) from None
    return result


@dataclass
class Shelf:
    """The file's state: the bookmarks in the user's order, and the trash, newest first."""

    bookmarks: list[Bookmark] = field(default_factory=list)
    removed: list[RemovedBookmark] = field(default_factory=list)


@dataclass(frozen=True)
class MergeReport:
    """What ``merge`` did: bookmarks added, existing ones given new text, existing ones left as they were."""

    added: list[Bookmark] = field(default_factory=list)
    merged: list[Bookmark] = field(default_factory=list)
    unchanged: list[Bookmark] = field(default_factory=list)
    tags_added: int = 0
    """How many tags were added to existing bookmarks."""
    notes_changed: int = 0
    """How many existing notes were extended (or replaced)."""


class BookmarkStore(StateFile[Shelf]):
    """The bookmarks file (default ``paths.bookmarks_file()``), ordered by position."""

    what = "bookmarks"
    multiline = True  # notes are cleaned of "\r", so they round-trip exactly

    def __init__(self, path: Path | None = None, *, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(path or paths.bookmarks_file(), clock=clock)

    def _empty(self) -> Shelf:
        return Shelf()

    def _copy(self, state: Shelf) -> Shelf:
        return Shelf(list(state.bookmarks), list(state.removed))

    def _parse(self, raw: dict[str, Any]) -> Shelf:
        version = raw.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FILE_VERSION:
            try:
                lenient = _read_list(raw, "bookmarks", Bookmark)
            except (BookmarkError, TypeError):
                lenient = []
            raise _Newer(f"written by a newer briefing-tui (file version {version})", Shelf(_ordered(lenient)))
        try:
            unknown = [str(key) for key in raw if key not in FILE_KEYS]
            if unknown:
                raise BookmarkError(unknown[0], "unknown field")
            if not isinstance(version, int) or isinstance(version, bool):
                raise BookmarkError("version", "missing" if version is None else "should be a whole number")
            bookmarks = _read_list(raw, "bookmarks", Bookmark)
            removed = _read_list(raw, "removed", RemovedBookmark)
        except BookmarkError as error:
            raise Corrupt(f"not a bookmarks file: {error.where or 'file'}: {error.problem}") from None
        if version not in READABLE_VERSIONS:
            raise Corrupt(f"not a bookmarks file: unknown version {version}")
        return Shelf(_ordered(bookmarks), removed[:TRASH_LIMIT])

    def _dump(self, state: Shelf) -> dict[str, Any]:
        dossiers = any(bookmark.target_kind == "dossier" for bookmark in [*state.bookmarks, *state.removed])
        data: dict[str, Any] = {
            "version": FILE_VERSION if dossiers else PLAIN_VERSION,
            "bookmarks": [bookmark.as_data() for bookmark in state.bookmarks],
        }
        if state.removed:
            data["removed"] = [bookmark.as_data() for bookmark in state.removed]
        return data

    # -- reading ---------------------------------------------------------------------

    def load(self) -> list[Bookmark]:
        """Read the file (moving a corrupt one aside) and return the bookmarks in the user's order."""
        return self._state().bookmarks

    def all(self) -> list[Bookmark]:
        """The bookmarks as of the latest file, in the user's order."""
        return self._state().bookmarks

    def removed(self) -> list[RemovedBookmark]:
        """The trash: removed bookmarks, most recently removed first."""
        return self._state().removed

    def get(self, target: str) -> Bookmark | None:
        return next((bookmark for bookmark in self.all() if bookmark.target == target), None)

    def is_bookmarked(self, target: str) -> bool:
        return self.get(target) is not None

    def missing(self, library: Library) -> list[Bookmark]:
        """Bookmarks whose targets are not in the loaded content (kept, never dropped)."""
        return missing(library, self.all())

    # -- changing --------------------------------------------------------------------

    def add(self, target: str, target_kind: TargetKind, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark ``target`` at the end; if it is already bookmarked, return that bookmark unchanged."""
        stamp = iso(self.clock())
        new = Bookmark(target=target, target_kind=target_kind, note=note, tags=list(tags), created=stamp, updated=stamp)

        def operation(state: Shelf) -> Bookmark:
            existing = _find(state.bookmarks, target)
            if existing is not None:
                return state.bookmarks[existing]
            state.bookmarks.append(dataclasses.replace(new, position=len(state.bookmarks)))
            return state.bookmarks[-1]

        return self._mutate(operation)

    def remove(self, target: str) -> Bookmark | None:
        """Remove a bookmark into the trash and return it (pass it to ``restore`` to undo), or None."""
        stamp = iso(self.clock())

        def operation(state: Shelf) -> Bookmark | None:
            index = _find(state.bookmarks, target)
            if index is None:
                return None
            removed = state.bookmarks.pop(index)
            _renumber(state.bookmarks)
            trashed = RemovedBookmark(**removed.as_data(), removed=stamp)
            state.removed = [trashed, *state.removed][:TRASH_LIMIT]
            return removed

        return self._mutate(operation)

    def restore(self, bookmark: Bookmark) -> Bookmark:
        """Put a removed bookmark back at its old position and take it out of the trash.

        If the target was bookmarked again meanwhile, the two are combined: tags joined,
        and the restored note first with any new note after it, so nothing is lost.
        """
        if isinstance(bookmark, RemovedBookmark):
            bookmark = bookmark.as_bookmark()

        def operation(state: Shelf) -> Bookmark:
            restored = bookmark
            index = _find(state.bookmarks, bookmark.target)
            if index is not None:
                again = state.bookmarks.pop(index)
                restored = dataclasses.replace(
                    bookmark,
                    note=combine_notes(bookmark.note, again.note),
                    tags=union_tags(bookmark.tags, again.tags),
                )
            state.bookmarks.insert(min(bookmark.position, len(state.bookmarks)), restored)
            _renumber(state.bookmarks)
            state.removed = [
                trashed
                for trashed in state.removed
                if not (trashed.target == bookmark.target and trashed.created == bookmark.created)
            ]
            return state.bookmarks[_find(state.bookmarks, bookmark.target) or 0]

        return self._mutate(operation)

    def restore_last_removed(self) -> Bookmark | None:
        """Restore the most recently removed bookmark (from the file, so it works after a restart), or None."""
        trash = self.removed()
        return self.restore(trash[0]) if trash else None

    def merge(self, bookmarks: Sequence[Bookmark], *, replace: bool = False) -> MergeReport:
        """Add bookmarks (e.g. imported ones) and merge those already bookmarked.

        For a target already bookmarked, tags are joined (ignoring case) and a note that
        differs is added after the existing one as a new paragraph; with ``replace`` it
        replaces the existing note instead. A note already contained in the existing one
        changes nothing, so importing the same file twice is harmless.
        """
        stamp = iso(self.clock())

        def operation(state: Shelf) -> MergeReport:
            report = MergeReport()
            tags_added = notes_changed = 0
            for incoming in _ordered(list(bookmarks)):
                index = _find(state.bookmarks, incoming.target)
                if index is None:
                    state.bookmarks.append(dataclasses.replace(incoming, position=len(state.bookmarks)))
                    report.added.append(state.bookmarks[-1])
                    continue
                existing = state.bookmarks[index]
                tags = union_tags(existing.tags, incoming.tags)
                if replace and incoming.note.strip():
                    note = incoming.note
                else:
                    note = combine_notes(existing.note, incoming.note)
                if tags == existing.tags and note == existing.note:
                    report.unchanged.append(existing)
                    continue
                tags_added += len(tags) - len(existing.tags)
                notes_changed += note != existing.note
                state.bookmarks[index] = dataclasses.replace(existing, note=note, tags=tags, updated=stamp)
                report.merged.append(state.bookmarks[index])
            return MergeReport(report.added, report.merged, report.unchanged, tags_added, notes_changed)

        return self._mutate(operation)

    def update(self, target: str, *, note: str | None = None, tags: Iterable[str] | None = None) -> Bookmark | None:
        """Change a bookmark's note and/or tags; None if it is not bookmarked."""
        stamp = iso(self.clock())
        changes: dict[str, Any] = {"updated": stamp}
        if note is not None:
            changes["note"] = note
        if tags is not None:
            changes["tags"] = list(tags)

        def operation(state: Shelf) -> Bookmark | None:
            index = _find(state.bookmarks, target)
            if index is None:
                return None
            state.bookmarks[index] = dataclasses.replace(state.bookmarks[index], **changes)
            return state.bookmarks[index]

        return self._mutate(operation)

    def move(self, target: str, delta: int) -> int | None:
        """Move a bookmark ``delta`` places (negative: up); its new position, or None."""

        def operation(state: Shelf) -> int | None:
            index = _find(state.bookmarks, target)
            if index is None:
                return None
            new_index = max(0, min(len(state.bookmarks) - 1, index + delta))
            state.bookmarks.insert(new_index, state.bookmarks.pop(index))
            _renumber(state.bookmarks)
            return new_index

        return self._mutate(operation)

    def reorder(self, targets: Sequence[str]) -> list[Bookmark]:
        """Put the given targets first, in that order; others (added elsewhere meanwhile) follow."""
        rank = {target: index for index, target in enumerate(dict.fromkeys(targets))}

        def operation(state: Shelf) -> list[Bookmark]:
            state.bookmarks.sort(key=lambda bookmark: rank.get(bookmark.target, len(rank)))
            _renumber(state.bookmarks)
            return list(state.bookmarks)

        return self._mutate(operation)

    def toggle(self, target: str, target_kind: TargetKind) -> bool:
        """Bookmark or un-bookmark ``target`` as the user sees it now; True when it is now bookmarked."""
        if self.is_bookmarked(target):
            self.remove(target)
            return False
        self.add(target, target_kind)
        return True


def _find(state: list[Bookmark], target: str) -> int | None:
    return next((index for index, bookmark in enumerate(state) if bookmark.target == target), None)


def _renumber(state: list[Bookmark]) -> None:
    for index, bookmark in enumerate(state):
        if bookmark.position != index:
            state[index] = dataclasses.replace(bookmark, position=index)


def _ordered(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """By position (file order breaks ties), one bookmark per target, positions 0..n-1."""
    ordered: list[Bookmark] = []
    seen: set[str] = set()
    for bookmark in sorted(bookmarks, key=lambda bookmark: bookmark.position):
        if bookmark.target not in seen:
            seen.add(bookmark.target)
            ordered.append(bookmark)
    _renumber(ordered)
    return ordered
