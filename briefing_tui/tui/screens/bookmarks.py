"""The bookmarks screen: filter, sort, open, edit notes, delete with undo, reorder."""

from __future__ import annotations

import contextlib

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

from briefing_tui.core.compare import parse_cell_id
from briefing_tui.core.storage.bookmarks import Bookmark
from briefing_tui.core.text import clean_line
from briefing_tui.core.vocab import KINDS
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.footer import QuietFooter

SORTS = ("order", "time", "briefing", "kind")
SORT_LABELS = {"order": "your order", "time": "newest first", "briefing": "by briefing", "kind": "by kind"}


class BookmarksScreen(BriefingScreen[None]):
    """Lists the user's bookmarks; the order set here is the order they are presented in."""

    BINDINGS = [
        Binding("escape", "close", "Back", id="bookmarks.close"),
        Binding("enter", "open", "Open", id="bookmarks.open", priority=False),
        Binding("slash", "focus_filter", "Filter", id="bookmarks.filter"),
        Binding("s", "cycle_sort", "Sort", id="bookmarks.sort"),
        Binding("delete,d", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo", "Undo", id="bookmarks.undo"),
        Binding("K,shift+up", "move(-1)", "Move up", id="bookmarks.up"),
        Binding("J,shift+down", "move(1)", "Move down", id="bookmarks.down"),
        Binding("P", "present", "Present all", id="bookmarks.present"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "order"
        """How rows are sorted; only "order" allows moving rows."""
        self.undo_stack: list = []
        """Deleted bookmarks, most recent last, for undo."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="/ filter by title, note, tag or briefing", id="bookmark-filter")
        yield Static("", id="bookmark-status")
        yield DataTable(id="bookmark-table", cursor_type="row", zebra_stripes=True)
        yield QuietFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("#", "kind", "title", "briefing", "note", "tags")
        self.sub_title = "Bookmarks"
        self.refresh_rows()
        table.focus()

    # -- rows ----------------------------------------------------------------------

    def _rows(self) -> list:
        app = self.app
        bookmarks = app.bookmarks.all()
        needle = self.query_one("#bookmark-filter", Input).value.strip().lower()
        library = app.loaded

        def describe(bookmark: Bookmark) -> tuple[str, str, str, bool]:
            cell = parse_cell_id(bookmark.target)
            if cell:
                theme = library.themes.get(cell[0])
                return "comparison", app.title_of(bookmark.target), "", theme is not None
            match library.resolve(bookmark.target):
                case ("item", item):
                    return KINDS[item.kind], item.title, item.source.document, True
                case ("section", section):
                    return "section", section.title, library.briefing_of_section(section.id) or "", True
                case ("briefing", briefing):
                    return "briefing", briefing.source.title, briefing.id, True
            return bookmark.target_kind, bookmark.target, "", False

        rows = []
        for bookmark in bookmarks:
            kind, title, briefing, exists = describe(bookmark)
            haystack = " ".join([title, bookmark.note, " ".join(bookmark.tags), briefing, kind]).lower()
            if needle and needle not in haystack:
                continue
            rows.append((bookmark, kind, title, briefing, exists))
        if self.sort == "time":
            rows.sort(key=lambda row: row[0].updated, reverse=True)
        elif self.sort == "briefing":
            rows.sort(key=lambda row: (row[3], row[0].position))
        elif self.sort == "kind":
            rows.sort(key=lambda row: (row[1], row[0].position))
        return rows

    def refresh_rows(self, keep: str | None = None) -> None:
        table = self.query_one(DataTable)
        keep = keep or self._current_key()
        table.clear()
        rows = self._rows()
        for position, (bookmark, kind, title, briefing, exists) in enumerate(rows, start=1):
            title_text = Text(clean_line(title))
            if not exists:
                title_text = Text(f"{clean_line(title)} (missing from the loaded content)", style="italic red")
            note = clean_line(bookmark.note.splitlines()[0] if bookmark.note else "")
            table.add_row(
                Text(str(position)),
                Text(kind),
                title_text,
                Text(briefing),
                Text(note[:60] + ("…" if len(note) > 60 else ""), style="italic"),
                Text(", ".join(bookmark.tags)),
                key=bookmark.target,
            )
        total = len(self.app.bookmarks.all())
        status = f"{len(rows)} of {total} bookmarks · sorted {SORT_LABELS[self.sort]}"
        if self.undo_stack:
            status += " · u to undo the delete"
        if not total:
            status = "No bookmarks yet: press b on an item, section, briefing or comparison cell."
        self.query_one("#bookmark-status", Static).update(Text(status, style="dim"))
        if keep is not None:
            with contextlib.suppress(RowDoesNotExist):  # the row was filtered out or deleted
                table.move_cursor(row=table.get_row_index(keep))

    def _current_key(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        try:
            return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except CellDoesNotExist:
            return None

    def bookmarks_changed(self, target: str | None) -> None:
        self.refresh_rows()

    def selected_target(self) -> Selection | None:
        key = self._current_key()
        if key is None:
            return None
        bookmark = self.app.bookmarks.get(key)
        return (key, bookmark.target_kind) if bookmark else None

    # -- actions ---------------------------------------------------------------------

    @on(Input.Changed, "#bookmark-filter")
    def _filter_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#bookmark-filter")
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#bookmark-filter", Input).focus()

    def action_close(self) -> None:
        filter_input = self.query_one("#bookmark-filter", Input)
        if filter_input.has_focus and filter_input.value:
            filter_input.value = ""
            return
        self.app.pop_screen()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        key = self._current_key()
        if key is None:
            return
        if self.app.loaded.resolve(key) is None and parse_cell_id(key) is None:
            self.notify("That item is not in the loaded content; the bookmark and its note are kept.", timeout=4)
            return
        self.app.open_target(key)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_rows()

    def action_delete(self) -> None:
        key = self._current_key()
        if key is None:
            return
        removed = self.app.bookmarks.remove(key)
        if removed is not None:
            self.undo_stack.append(removed)
            self.notify(f"Deleted bookmark: {self.app.title_of(key)} (u to undo)", timeout=4)
        self.app.bookmarks_changed(key)

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=2)
            return
        bookmark = self.undo_stack.pop()
        self.app.bookmarks.restore(bookmark)
        self.app.bookmarks_changed(bookmark.target)
        self.refresh_rows(keep=bookmark.target)

    def action_move(self, delta: int) -> None:
        if self.sort != "order":
            self.notify("Switch the sort to 'your order' (s) to move bookmarks.", timeout=3)
            return
        key = self._current_key()
        if key is None:
            return
        self.app.bookmarks.move(key, delta)
        self.refresh_rows(keep=key)

    def action_present(self) -> None:
        self.app.present_bookmarks()
