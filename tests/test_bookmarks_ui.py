"""Bookmarking, note editing, the bookmarks screen (delete, undo, reorder) through the Pilot."""

from __future__ import annotations

from textual.widgets import DataTable, TextArea

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.tui.dialogs.note import NoteDialog
from briefing_tui.tui.screens.bookmarks import BookmarksScreen
from briefing_tui.tui.widgets.navigator import Navigator
from tests.apphelpers import make_app, settle, text_of


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
