"""What the app-wide bookmark keys do on any screen: ``b`` toggles, ``e`` writes a note, ``u`` undoes a removal.

They act on whatever the current screen has selected (``BriefingApp.selected_target``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing_tui.core.storage.bookmarks import Bookmark
    from briefing_tui.tui.app import BriefingApp
    from briefing_tui.tui.screens.base import Selection


def _selected(app: BriefingApp, hint: str) -> Selection | None:
    """What the current screen has selected; else None, and ``hint`` says what to do."""
    selected = app.selected_target()
    if selected is None:
        app.notify(hint, timeout=3)
    return selected


def toggle_bookmark(app: BriefingApp) -> None:
    """Bookmark what is selected, or remove its bookmark (``u`` brings it back, note and tags included)."""
    selected = _selected(app, "Select an item, section, briefing, comparison cell or dossier first.")
    if selected is None:
        return
    target, kind = selected
    removed = app.bookmarks.remove(target) if app.bookmarks.is_bookmarked(target) else None
    if removed is None:
        app.bookmarks.add(target, kind)
        message = "Bookmarked: " + app.title_of(target)
    else:
        app.remember_removal(removed)
        has_note = bool(removed.note.strip())
        kept = "its note and tags" if has_note and removed.tags else "its note" if has_note else "its tags"
        message = f"Bookmark removed: {app.title_of(target)}" + (
            f". u brings it back with {kept}" if removed.has_text else " (u to undo)"
        )
    app.report_storage()
    app.notify(message, timeout=6 if removed is not None and removed.has_text else 3)
    app.bookmarks_changed(target)


def undo_removal(app: BriefingApp, *, from_trash: bool = False) -> Bookmark | None:
    """Restore the bookmark removed last in this session (else, with ``from_trash``, the file's last one)."""
    restored: Bookmark | None
    if app.removals:
        restored = app.bookmarks.restore(app.removals.pop())
    elif from_trash and app.bookmarks.removed():
        restored = app.bookmarks.restore_last_removed()
    else:
        hint = "B, then t lists" if not from_trash else "t lists"
        app.notify(f"Nothing to undo ({hint} removed bookmarks, kept with their notes).", timeout=4)
        return None
    app.report_storage()
    if restored is not None:
        note = " with its note" if restored.note.strip() else ""
        app.notify(f"Bookmark restored{note}: {app.title_of(restored.target)}", timeout=3)
        app.bookmarks_changed(restored.target)
    return restored


def edit_note(app: BriefingApp) -> None:
    """Write a note (and tags) on what is selected; saving bookmarks it."""
    from briefing_tui.tui.dialogs.note import NoteDialog

    selected = _selected(app, "Select something to write a note on.")
    if selected is None:
        return
    target, kind = selected
    existing = app.bookmarks.get(target)

    def save(result: tuple[str, list[str]] | None) -> None:
        if result is None:
            return
        note, tags = result
        if not app.bookmarks.is_bookmarked(target):
            app.bookmarks.add(target, kind)
        app.bookmarks.update(target, note=note, tags=tags)
        app.notify("Note saved", timeout=2)
        app.bookmarks_changed(target)

    app.push_screen(
        NoteDialog(app.title_of(target), existing.note if existing else "", list(existing.tags) if existing else []),
        save,
    )
