"""Bookmarking, note editing, the bookmarks screen (delete, undo, reorder) through the Pilot."""

from __future__ import annotations

from textual.widgets import DataTable, TextArea

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.tui.dialogs.note import NoteDialog
from briefing_tui.tui.screens.bookmarks import BookmarksScreen
from briefing_tui.tui.widgets.navigator import Navigator
from tests.apphelpers import make_app, settle, text_of


def notified(app, monkeypatch) -> list[str]:
    """Every notification's message, as the app shows it (the toasts themselves still appear)."""
    messages: list[str] = []
    original = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (messages.append(message), original(message, **kw)))
    return messages


async def test_b_toggles_a_bookmark_and_marks_the_navigator() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-fig-fdi")
        await settle(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        assert BookmarkStore().is_bookmarked("demo-fig-fdi")
        nav = app.screen.query_one(Navigator)
        assert "demo-fig-fdi" in nav.bookmarked
        assert "★" in str(nav._nodes_by_target["demo-fig-fdi"].label)
        await pilot.press("b")
        await pilot.pause()
        assert not BookmarkStore().is_bookmarked("demo-fig-fdi")


async def test_note_dialog_saves_note_and_tags() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-rec-1")
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).text = "Raise with the minister.\nSecond line."
        app.screen.query_one("#note-tags").value = "meeting, finance"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        bookmark = BookmarkStore().get("demo-rec-1")
        assert bookmark is not None
        assert bookmark.note == "Raise with the minister.\nSecond line."
        assert list(bookmark.tags) == ["meeting", "finance"]
        assert "Raise with the minister." in text_of(app.screen.query_one("#detail-content"))


async def test_bookmarks_screen_delete_undo_and_reorder() -> None:
    store = BookmarkStore()
    for target, kind in (("demo-rec-1", "item"), ("demo-intro", "section"), ("demo", "briefing")):
        store.add(target, kind)
    store.add("demo-gone", "item", note="keep me")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        table = app.screen.query_one(DataTable)
        keys = [row.value for row in table.rows]
        assert keys == ["demo-rec-1", "demo-intro", "demo", "demo-gone"]
        missing_row = table.get_row("demo-gone")
        assert "missing" in str(missing_row[2])
        await pilot.press("J")  # move demo-rec-1 down
        await pilot.pause()
        assert [bookmark.target for bookmark in BookmarkStore().all()][:2] == ["demo-intro", "demo-rec-1"]
        table.move_cursor(row=table.get_row_index("demo"))
        await pilot.press("d")
        await pilot.pause()
        assert not BookmarkStore().is_bookmarked("demo")
        await pilot.press("u")
        await pilot.pause()
        assert BookmarkStore().is_bookmarked("demo")
        await pilot.press("escape")
        assert not isinstance(app.screen, BookmarksScreen)


async def test_bookmarks_screen_filter_and_open() -> None:
    store = BookmarkStore()
    store.add("demo-rec-1", "item", note="budget")
    store.add("demo-opp-hydrogen", "item", note="energy talk")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("B", "slash")
        for key in "energy":
            await pilot.press(key)
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert [row.value for row in table.rows] == ["demo-opp-hydrogen"]
        await pilot.press("enter")  # back to the table
        await pilot.press("enter")  # open
        await settle(app, pilot)
        assert app.screen.current_target == "demo-opp-hydrogen"


async def test_y_copies_the_item_with_its_citation_as_markdown() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.explorer.open("demo-fig-fdi")
        await settle(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        assert "Japanese FDI stock in Brazil" in app.clipboard
        assert "An Example Briefing" in app.clipboard and "Introduction" in app.clipboard


# -- never lose a word ------------------------------------------------------------------


async def test_b_then_u_in_the_explorer_keeps_the_note_and_tags(monkeypatch) -> None:
    BookmarkStore().add("demo-rec-1", "item", note="Raise with the minister.", tags=["meeting"])
    app = make_app()
    messages = notified(app, monkeypatch)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-rec-1")
        await settle(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        assert not BookmarkStore().is_bookmarked("demo-rec-1")
        assert any("u brings it back with its note and tags" in message for message in messages)
        await pilot.press("u")
        await pilot.pause()
        bookmark = BookmarkStore().get("demo-rec-1")
        assert bookmark is not None and bookmark.note == "Raise with the minister." and bookmark.tags == ["meeting"]
        assert any("restored with its note" in message for message in messages)
        assert "Raise with the minister." in text_of(app.screen.query_one("#detail-content"))


async def test_a_removed_note_is_restored_after_a_restart() -> None:
    store = BookmarkStore()
    store.add("demo-intro", "section")
    store.add("demo-rec-1", "item", note="Three paragraphs of careful notes.", tags=["brief"])
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-rec-1")
        await settle(app, pilot)
        await pilot.press("b")
        await pilot.pause()
    assert not BookmarkStore().is_bookmarked("demo-rec-1")

    app = make_app()  # a new session: nothing in memory
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        assert "u undoes the last removal" in text_of(screen.query_one("#bookmark-status"))
        await pilot.press("u")
        await pilot.pause()
        restored = BookmarkStore().get("demo-rec-1")
        assert restored is not None and restored.note == "Three paragraphs of careful notes."
        assert [bookmark.target for bookmark in BookmarkStore().all()] == ["demo-intro", "demo-rec-1"]
        assert BookmarkStore().removed() == []


async def test_the_removed_list_restores_a_chosen_bookmark() -> None:
    store = BookmarkStore()
    for target, note in (("demo-rec-1", "first note"), ("demo-intro", "second note"), ("demo", "")):
        store.add(target, "item" if target == "demo-rec-1" else "section" if target == "demo-intro" else "briefing")
        store.update(target, note=note)
    for target in ("demo-rec-1", "demo-intro"):
        store.remove(target)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("B", "t")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        assert table.row_count == 2  # newest removal first
        assert "second note" in text_of(screen.query_one("#bookmark-preview-text"))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert BookmarkStore().get("demo-rec-1").note == "first note"
        assert not BookmarkStore().is_bookmarked("demo-intro")
        assert table.row_count == 1
        await pilot.press("t")
        await pilot.pause()
        assert [row.value for row in table.rows] == ["demo-rec-1", "demo"]


async def test_after_a_delete_the_cursor_stays_on_the_next_row() -> None:
    store = BookmarkStore()
    for target, kind in (("demo-rec-1", "item"), ("demo-intro", "section"), ("demo", "briefing")):
        store.add(target, kind)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=1)
        await pilot.press("d")
        await pilot.pause()
        assert [row.value for row in table.rows] == ["demo-rec-1", "demo"]
        assert table.cursor_row == 1  # on "demo", the row after the deleted one
        await pilot.press("d")  # a second d deletes that row, not the first bookmark
        await pilot.pause()
        assert [bookmark.target for bookmark in BookmarkStore().all()] == ["demo-rec-1"]
        assert table.cursor_row == 0


async def test_preview_and_columns_fit_the_width() -> None:
    from briefing_tui.tui.screens.bookmarks import column_widths

    BookmarkStore().add("demo-rec-1", "item", note="Line one.\nLine two of the note.", tags=["brazil", "finance"])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        preview = text_of(screen.query_one("#bookmark-preview-text"))
        assert "Line one.\nLine two of the note." in preview
        assert "Tags: brazil, finance" in preview and "Source: An Example Briefing." in preview
        table = screen.query_one(DataTable)
        assert [column.label.plain for column in table.columns.values()] == ["#", "kind", "title", "note", "tags"]
        assert table.virtual_size.width <= 80 - 2
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        labels = [column.label.plain for column in table.columns.values()]
        assert labels == ["#", "kind", "title", "briefing", "note", "tags"]
        assert [cell.plain for cell in table.get_row("demo-rec-1")][2:5] == [
            "Coordinate development finance",
            "demo",
            "Line one.",
        ]
        assert table.virtual_size.width <= 160 - 2
    for width in (60, 80, 120, 200):
        for briefing in (False, True):
            widths = column_widths(width, briefing=briefing)
            assert sum(widths.values()) + 2 * len(widths) + 2 <= max(width, 44)


# -- the note dialog --------------------------------------------------------------------


async def test_note_dialog_asks_before_discarding_and_fits_80x24() -> None:
    from textual.widgets import Button

    from briefing_tui.tui.dialogs.confirm import Confirm

    BookmarkStore().add("demo-rec-1", "item", note="Existing note.\nSecond line")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-rec-1")
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        area = dialog.query_one(TextArea)
        assert area.cursor_location == area.document.end  # carry on writing at the end
        for selector in ("#note-save", "#note-cancel", "#note-hint"):
            region = dialog.query_one(selector).region
            assert region.height and region.bottom <= 24, selector
        assert "ctrl+s" in str(dialog.query_one("#note-hint").render())
        assert isinstance(dialog.query_one("#note-save"), Button)
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert not isinstance(app.screen, NoteDialog)

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("space", "m", "o", "r", "e")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(TextArea).text == "Existing note.\nSecond line more"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert BookmarkStore().get("demo-rec-1").note == "Existing note.\nSecond line more"

        await pilot.press("e")
        await pilot.pause()
        await pilot.press("x")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert not isinstance(app.screen, (NoteDialog, Confirm))
        assert BookmarkStore().get("demo-rec-1").note == "Existing note.\nSecond line more"


# -- the filter, presenting what is shown, kinds, wording -------------------------------

FIVE = (
    ("demo-rec-1", "item", "follow-up with the minister"),
    ("demo-obs-financing", "item", "DCCP question"),
    ("demo-intro", "section", ""),
    ("demo", "briefing", ""),
    ("demo-opp-hydrogen", "item", "DCCP hydrogen"),
)


def add_five() -> None:
    store = BookmarkStore()
    for target, kind, note in FIVE:
        store.add(target, kind, note=note)


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("minus" if char == "-" else char)
    await pilot.pause()


async def test_escape_leaves_the_filter_and_list_keys_never_land_in_it() -> None:
    add_five()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("B", "slash")
        await type_text(pilot, "follow-up")
        screen = app.screen
        table = screen.query_one(DataTable)
        box = screen.query_one("#bookmark-filter")
        assert [row.value for row in table.rows] == ["demo-rec-1"]
        await pilot.press("escape")  # back to the list; the filter stays
        await pilot.pause()
        assert table.has_focus and box.value == "follow-up"
        assert "escape clears the filter" in text_of(screen.query_one("#bookmark-status"))
        await pilot.press("slash")  # focuses the filter without typing itself
        await pilot.pause()
        assert box.has_focus and box.value == "follow-up"
        await pilot.press("slash")  # already there: still no slash typed
        assert box.value == "follow-up"
        await pilot.press("ctrl+u")
        await type_text(pilot, "DCCP")
        assert box.value == "DCCP"
        assert [row.value for row in table.rows] == ["demo-obs-financing", "demo-opp-hydrogen"]
        assert "2 of 5 bookmarks" in text_of(screen.query_one("#bookmark-status"))
        await pilot.press("escape", "down", "K", "J", "J")
        await pilot.pause()
        assert box.value == "DCCP"
        assert table.cursor_row == 1
        assert [bookmark.target for bookmark in BookmarkStore().all()].index("demo-opp-hydrogen") == 4
        await pilot.press("escape")  # a second escape clears the filter
        await pilot.pause()
        assert box.value == "" and table.row_count == 5 and isinstance(app.screen, BookmarksScreen)
        await pilot.press("slash")
        await type_text(pilot, "zzz")
        assert "0 of 5 bookmarks" in text_of(screen.query_one("#bookmark-status"))
        assert "No bookmark matches 'zzz'." in text_of(screen.query_one("#bookmark-preview-text"))
        await pilot.press("down")  # down from the filter goes to the list
        await pilot.pause()
        assert table.has_focus and box.value == "zzz"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, BookmarksScreen)


async def test_present_shows_only_the_filtered_bookmarks(monkeypatch) -> None:
    from briefing_tui.tui.screens.presenter import PresenterScreen

    add_five()
    app = make_app()
    messages = notified(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("B", "slash")
        await type_text(pilot, "DCCP")
        await pilot.press("escape", "P")
        await settle(app, pilot)
        assert isinstance(app.screen, PresenterScreen)
        assert [slide.title for slide in app.screen.deck.slides] == [
            "Scarce long-term finance",
            "Green hydrogen in Chile",
        ]
        assert "Presenting the 2 bookmarks shown, in your order." in messages
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("escape", "P")  # the filter cleared: all of them
        await settle(app, pilot)
        assert isinstance(app.screen, PresenterScreen)
        assert len(app.screen.deck.slides) == 5


async def test_kinds_are_labelled_alike_and_sorted_by_label() -> None:
    add_five()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(DataTable)
        assert "in your order" in text_of(screen.query_one("#bookmark-status"))
        for _ in range(3):
            await pilot.press("s")
        await pilot.pause()
        assert "sorted by kind" in text_of(screen.query_one("#bookmark-status"))
        kinds = [table.get_row(row.value)[1].plain for row in table.rows]
        assert kinds == ["Briefing", "Obstacle", "Opportunity", "Recommendation", "Section"]


async def test_the_removed_list_after_restoring_everything() -> None:
    BookmarkStore().add("demo-rec-1", "item")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("B", "d", "t")
        await pilot.pause()
        screen = app.screen
        assert "1 of 1 removed bookmarks" in text_of(screen.query_one("#bookmark-status"))
        await pilot.press("enter")
        await pilot.pause()
        status = text_of(screen.query_one("#bookmark-status"))
        assert "No removed bookmarks" in status and "yet" not in status
