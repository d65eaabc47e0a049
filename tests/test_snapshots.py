"""SVG snapshots of the explorer's main states (review changes before `--snapshot-update`)."""

from __future__ import annotations

import pytest

from briefing_tui.core.storage.bookmarks import BookmarkStore
from tests.apphelpers import make_app, settle

SIZES = [(120, 36), (80, 24)]


@pytest.mark.parametrize("size", SIZES, ids=["120x36", "80x24"])
def test_explorer_start(snap_compare, size) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=["120x36", "80x24"])
def test_item_detail_with_citation(snap_compare, size) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        pilot.app.explorer.open("demo-rec-1")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_search_results(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("slash", *"finance")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (160, 45)], ids=["120x36", "80x24", "160x45"])
def test_bookmarks_screen(snap_compare, size) -> None:
    store = BookmarkStore()
    store.add("demo-rec-1", "item", note="Raise at the ministerial.", tags=["meeting"])
    store.add("demo-fig-fdi", "item")

    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("B")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 36), run_before=run_before)
