"""Every bundled deck fits the screen: no slide overflows, and each → moves on by exactly one slide."""

from __future__ import annotations

import pytest

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.tui.dialogs.confirm import Confirm
from briefing_tui.tui.screens.explorer import ExplorerScreen
from tests.apphelpers import make_app, settle, text_of
from tests.test_presenter import SIZE, assert_fits, position, start, start_bookmarks


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
async def test_every_bundled_deck_fits_and_steps_one_slide_per_key(size: tuple[int, int], bundled_library) -> None:
    app = make_app(content=None, library=bundled_library)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for briefing_id in bundled_library.briefings:
            screen = await start(app, pilot, briefing_id)
            total = screen.total
            assert total >= len(screen.deck.slides)  # continuation slides only add
            for number in range(1, total + 1):
                assert position(screen) == f"{number} / {total}", briefing_id
                assert_fits(screen)
                await pilot.press("right")
            assert screen.index == total - 1  # past the end: stays
            await pilot.press("escape")
            await pilot.pause()


async def test_the_notes_pane_lays_the_deck_out_again_and_it_still_fits(bundled_library) -> None:
    app = make_app(content=None, library=bundled_library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = await start(app, pilot, "wilson")
        before = screen.total
        await pilot.press("n")
        assert screen.total > before  # a narrower slide needs more pages
        for _ in range(screen.total):
            assert_fits(screen)
            await pilot.press("pagedown")


async def test_private_tags_and_notes_never_reach_the_audience(pack_library) -> None:
    store = BookmarkStore()
    store.add("demo-rec-1", "item", note="Private: ask about the 1A pilot.", tags=["要確認", "internal"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_bookmarks(app, pilot)
        audience = " ".join(text_of(widget) for widget in screen.query("SlideView Static"))
        assert "要確認" not in audience and "internal" not in audience and "Private" not in audience
        await pilot.press("n")  # asked for: the notes pane shows the note, never the tags
        assert "Private: ask about the 1A pilot." in text_of(screen.query_one("#notes-text"))
        assert "要確認" not in text_of(screen.query_one("#notes-text"))


async def test_q_asks_before_leaving_and_leaves_the_presenter_not_the_app() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("right", "q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")  # stay
        await pilot.pause()
        assert app.screen is screen and screen.index == 1
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen) and app.is_running
