"""The bookmarks screen: filter, sort, open, edit notes, delete with undo, reorder, restore from the trash."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Resize
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from briefing_tui.core.compare import parse_cell_id
from briefing_tui.core.dossier import known_filters, target_title
from briefing_tui.core.export.memo import KIND_LABELS, memo_entry
from briefing_tui.core.storage.bookmarks import Bookmark, RemovedBookmark
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import KINDS
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.title_bar import TitleBar

SORTS = ("order", "time", "briefing", "kind")
SORT_LABELS = {
    "order": "in your order",
    "time": "newest first",
    "briefing": "sorted by briefing",
    "kind": "sorted by kind",
}
KIND_WIDTH = max(len(label) for label in [*KINDS.values(), *KIND_LABELS.values()])
"""The kind column fits every kind's label ("Recommendation", "Comparison cell")."""
WIDE = 100
"""From this width the table has a briefing column (narrower, the preview's citation says it)."""


def fit(text: str, width: int) -> str:
    """One line of at most ``width`` characters, with an ellipsis when cut."""
    line = clean_line(text)
    return line if len(line) <= width else line[: max(0, width - 1)] + "…"


def column_widths(width: int, *, briefing: bool, first: int = 3) -> dict[str, int]:
    """Widths of the table's columns so that together they fill ``width`` cells and no more."""
    columns = 6 if briefing else 5
    available = max(30, width - 2 - 2 * columns)  # the scrollbar, and one cell of padding each side
    fixed = first + KIND_WIDTH + (8 if briefing else 0)
    rest = available - fixed
    widths = {"#": first, "kind": KIND_WIDTH, "title": rest * 45 // 100}
    if briefing:
        widths["briefing"] = 8
    widths["note"] = rest * 35 // 100
    widths["tags"] = rest - widths["title"] - widths["note"]
    return widths


def when(stamp: str) -> str:
    """An ISO timestamp as "2024-11-05 12:00" (the raw text if it does not parse)."""
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class BookmarksScreen(BriefingScreen[None]):
    """Lists the user's bookmarks; the order set here is the order they are presented in."""

    FOOTER_PRIORITY = ("close", "help", "delete", "undo", "edit_note", "present", "focus_filter", "toggle_trash")
    """At 80 columns: leave, delete and undo, the note and presenting them all, before sorting and moving."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="bookmarks.close"),
        Binding("enter", "open", "Open", id="bookmarks.open", priority=False),
        Binding("slash", "focus_filter", "Filter", id="bookmarks.filter", priority=True),
        Binding("down", "focus_list", "", show=False, id="bookmarks.list"),
        Binding("s", "cycle_sort", "Sort", id="bookmarks.sort"),
        Binding("delete,d", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo", "Undo", id="bookmarks.undo"),
        Binding("t", "toggle_trash", "Removed", id="bookmarks.trash"),
        Binding("K,shift+up", "move(-1)", "Move up", id="bookmarks.up"),
        Binding("J,shift+down", "move(1)", "Move down", id="bookmarks.down"),
        Binding(
            "P",
            "present",
            "Present",
            id="bookmarks.present",
            tooltip="Present the bookmarks shown (all of them, or those the filter matches) in your order",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "order"
        """How rows are sorted; only "order" allows moving rows."""
        self.trash = False
        """Showing the removed bookmarks (enter restores one) instead of the bookmarks."""
        self._shown: dict[str, Bookmark] = {}
        self._layout: tuple[int, bool] | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(placeholder="/ filter by title, note, tag or briefing", id="bookmark-filter")
        yield Static("", id="bookmark-status")
        yield DataTable(id="bookmark-table", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="bookmark-preview"):
            yield Static("", id="bookmark-preview-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Bookmarks"
        self._set_columns(self.size.width or self.app.size.width)
        self.refresh_rows()
        self.query_one(DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        if self._set_columns(event.size.width):
            self.refresh_rows()

    def _set_columns(self, width: int) -> bool:
        """Lay the columns out for ``width``; True when they changed."""
        layout = (width, width >= WIDE)
        if layout == self._layout:
            return False
        self._layout = layout
        table = self.query_one(DataTable)
        table.clear(columns=True)
        for name, size in self._widths().items():
            label = "removed" if self.trash and name == "#" else name
            table.add_column(label, width=size, key=name)
        return True

    # -- rows ----------------------------------------------------------------------

    def _describe(self, bookmark: Bookmark) -> tuple[str, str, str, bool]:
        """(kind label, title, briefing, exists) of a bookmark; kinds are labelled as everywhere else."""
        app: Any = self.app
        library = app.library
        cell = parse_cell_id(bookmark.target)
        if cell:
            return KIND_LABELS["cell"], app.title_of(bookmark.target), "", cell[0] in library.themes
        if bookmark.target_kind == "dossier":
            title = target_title(bookmark.target)
            return KIND_LABELS["dossier"], title or bookmark.target, "", title is not None
        resolved = library.resolve(bookmark.target)
        if resolved is None:
            return KIND_LABELS.get(bookmark.target_kind, "Item"), bookmark.target, "", False
        kind, obj = resolved
        if kind == "item":
            return KINDS[obj.kind], obj.title, obj.source.document, True
        if kind == "section":
            return KIND_LABELS["section"], obj.title, library.briefing_of_section(obj.id) or "", True
        return KIND_LABELS["briefing"], obj.source.title, obj.id, True

    def _bookmarks(self) -> list[Bookmark]:
        store: Any = self.app.bookmarks
        return list(store.removed()) if self.trash else list(store.all())

    def _needle(self) -> str:
        """The filter as typed, trimmed ("" when there is none)."""
        return self.query_one("#bookmark-filter", Input).value.strip()

    def _rows(self) -> list:
        needle = self._needle().lower()
        rows = []
        for bookmark in self._bookmarks():
            kind, title, briefing, exists = self._describe(bookmark)
            haystack = " ".join([title, bookmark.note, " ".join(bookmark.tags), briefing, kind]).lower()
            if needle and needle not in haystack:
                continue
            rows.append((bookmark, kind, title, briefing, exists))
        if self.trash:
            return rows  # newest removal first
        if self.sort == "time":
            rows.sort(key=lambda row: row[0].updated, reverse=True)
        elif self.sort == "briefing":
            rows.sort(key=lambda row: (row[3], row[0].position))
        elif self.sort == "kind":
            rows.sort(key=lambda row: (row[1].casefold(), row[0].position))
        return rows

    @staticmethod
    def _key(bookmark: Bookmark) -> str:
        # The trash may hold the same target twice (removed, restored, removed again).
        return f"{bookmark.target}@{bookmark.removed}" if isinstance(bookmark, RemovedBookmark) else bookmark.target

    def refresh_rows(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = keep or self._current_key()
        previous_row = table.cursor_row
        widths = self._widths()
        table.clear()
        rows = self._rows()
        self._shown = {}
        for position, (bookmark, kind, title, briefing, exists) in enumerate(rows, start=1):
            key = self._key(bookmark)
            self._shown[key] = bookmark
            title_text = Text(fit(title, widths["title"]))
            if not exists:
                title_text = Text(fit(f"{title} (missing)", widths["title"]), style="italic red")
            note = bookmark.note.strip().splitlines()[0] if bookmark.note.strip() else ""
            first = when(bookmark.removed)[5:] if isinstance(bookmark, RemovedBookmark) else str(position)
            cells = [Text(fit(first, widths["#"])), Text(fit(kind, widths["kind"])), title_text]
            if "briefing" in widths:
                cells.append(Text(fit(briefing, widths["briefing"])))
            cells.append(Text(fit(note, widths["note"]), style="italic"))
            cells.append(Text(fit(", ".join(bookmark.tags), widths["tags"])))
            table.add_row(*cells, key=key)
        self._show_status(len(rows))
        if table.row_count:
            try:
                row = table.get_row_index(keep) if keep is not None else previous_row
            except RowDoesNotExist:  # deleted or filtered out: stay on the row that took its place
                row = previous_row
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))
        self._show_preview()

    def _widths(self) -> dict[str, int]:
        width, briefing = self._layout or (self.app.size.width, self.app.size.width >= WIDE)
        return column_widths(width, briefing=briefing, first=11 if self.trash else 3)

    def _show_status(self, shown: int) -> None:
        store: Any = self.app.bookmarks
        if self.trash:
            total = len(store.removed())
            status = f"{shown} of {total} removed bookmarks, newest first · enter or u restores · t back"
            if not total:
                status = "No removed bookmarks. t goes back to the bookmarks."
        else:
            total = len(store.all())
            status = f"{shown} of {total} bookmarks · {SORT_LABELS[self.sort]}"
            if self._needle():
                status += " · escape clears the filter"
            elif store.removed():
                status += " · u undoes the last removal · t lists removed ones"
            if not total:
                status = "No bookmarks yet: press b on an item, section, briefing, comparison cell or dossier."
        self.query_one("#bookmark-status", Static).update(Text(status, style="dim"))

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except CellDoesNotExist:
            return None

    def _current(self) -> Bookmark | None:
        key = self._current_key()
        return self._shown.get(key) if key is not None else None

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_preview()

    def _show_preview(self) -> None:
        """The selected bookmark's title, kind, citation, full note and tags."""
        bookmark = self._current()
        preview = self.query_one("#bookmark-preview-text", Static)
        if bookmark is None:
            needle = self._needle()
            if needle and self._bookmarks():
                what = "removed bookmark" if self.trash else "bookmark"
                preview.update(Text(f"No {what} matches '{clean_line(needle)}'.", style="dim"))
            else:
                preview.update(Text("Select a bookmark to see its note, tags and source here.", style="dim"))
            return
        entry = memo_entry(self.app.loaded, bookmark)
        parts: list = [Text(clean_line(entry.title), style="bold")]
        facts = f"{entry.kind} · {bookmark.target}"
        if isinstance(bookmark, RemovedBookmark):
            facts += f" · removed {when(bookmark.removed)}"
        parts.append(Text(clean_line(facts), style="dim"))
        if entry.missing:
            parts.append(Text("Not in the loaded content; the bookmark and its note are kept.", style="italic"))
        note = clean(bookmark.note).strip()
        parts.append(Text(note, style="italic") if note else Text("No note (e writes one).", style="dim"))
        if bookmark.tags:
            parts.append(Text("Tags: " + ", ".join(bookmark.tags), style="bold"))
        if entry.citation:
            parts.append(Text("Source: " + clean_line(entry.citation), style="dim"))
        preview.update(Group(*parts))
        self.query_one("#bookmark-preview", VerticalScroll).scroll_home(animate=False)

    def bookmarks_changed(self, target: str | None = None) -> None:
        self.refresh_rows()

    def selected_target(self) -> Selection | None:
        bookmark = self._current()
        if bookmark is None or self.trash:
            return None
        return bookmark.target, bookmark.target_kind

    # -- actions ---------------------------------------------------------------------

    @on(Input.Changed, "#bookmark-filter")
    def _filter_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#bookmark-filter")
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#bookmark-filter", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        """Escape: from the filter back to the list (the filter stays), then clears the filter, then leaves."""
        filter_input = self.query_one("#bookmark-filter", Input)
        if filter_input.has_focus:
            self.action_focus_list()
            return
        if filter_input.value:
            filter_input.value = ""
            return
        if self.trash:
            self.action_toggle_trash()
            return
        self.app.pop_screen()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return
        if self.trash:
            self._restore(bookmark)
            return
        key = bookmark.target
        dossier = bookmark.target_kind == "dossier" and known_filters(key) is not None
        if self.app.loaded.resolve(key) is None and parse_cell_id(key) is None and not dossier:
            self.notify("That item is not in the loaded content; the bookmark and its note are kept.", timeout=4)
            return
        self.app.open_target(key)

    def action_cycle_sort(self) -> None:
        if self.trash:
            return
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_rows()

    def action_toggle_trash(self) -> None:
        self.trash = not self.trash
        self.sub_title = "Removed bookmarks" if self.trash else "Bookmarks"
        self._layout = None
        self._set_columns(self.size.width)
        self.refresh_rows()

    def action_delete(self) -> None:
        bookmark = self._current()
        if bookmark is None or self.trash:
            return
        app: Any = self.app
        removed = app.bookmarks.remove(bookmark.target)
        if removed is not None:
            app.remember_removal(removed)
            self.notify(f"Deleted bookmark: {app.title_of(bookmark.target)} (u to undo)", timeout=4)
        app.bookmarks_changed(bookmark.target)

    def action_undo(self) -> None:
        """Restore the selected removed bookmark (trash view), else the last one removed, even before a restart."""
        app: Any = self.app
        if self.trash:
            bookmark = self._current()
            if bookmark is not None:
                self._restore(bookmark)
            return
        restored = app.undo_removal(from_trash=True)
        if restored is not None:
            self.refresh_rows(keep=restored.target)

    def _restore(self, bookmark: Bookmark) -> None:
        app: Any = self.app
        restored = app.bookmarks.restore(bookmark)
        app.forget_removal(restored.target)
        app.report_storage()
        self.notify(f"Restored: {app.title_of(restored.target)}", timeout=3)
        app.bookmarks_changed(restored.target)

    def action_move(self, delta: int) -> None:
        if self.trash:
            return
        if self.sort != "order":
            self.notify("Switch the sort to 'your order' (s) to move bookmarks.", timeout=3)
            return
        key = self._current_key()
        if key is None:
            return
        self.app.bookmarks.move(key, delta)
        self.refresh_rows(keep=key)

    def action_present(self) -> None:
        """Present what the list shows: every bookmark, or only those the filter matches (in your order)."""
        app: Any = self.app
        if not self._needle():
            app.present_bookmarks()
            return
        shown = [bookmark for bookmark in app.bookmarks.all() if bookmark.target in self._shown]
        if not shown:
            self.notify(f"No bookmark matches '{clean_line(self._needle())}': nothing to present.", timeout=3)
            return
        count = f"the {len(shown)} bookmarks" if len(shown) > 1 else "the 1 bookmark"
        self.notify(f"Presenting {count} shown, in your order.", timeout=3)
        app.present_bookmarks(shown)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.trash and action in ("delete", "move", "cycle_sort", "present"):
            return None  # shown dimmed: they act on bookmarks, not on removed ones
        return True
