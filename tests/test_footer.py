"""The one-widget footer: what it draws, what a click on it does, and that it follows the bindings."""

from __future__ import annotations

import pytest

from briefing_tui.tui.screens.compare import CompareScreen
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.search import SearchPanel
from tests.apphelpers import drawn_text, make_app, settle


def footer_line(app) -> str:
    return drawn_text(app).splitlines()[-1]


def column_of(footer: KeyFooter, description: str) -> int:
    """A column inside the drawn key with this description."""
    for x in range(footer.size.width):
        key = footer.key_at(x)
        if key is not None and key.description == description:
            return x
    raise AssertionError(f"no {description!r} key drawn")


@pytest.mark.parametrize("width", [80, 120, 200])
async def test_keys_are_drawn_whole_or_not_at_all_and_the_palette_key_stays_at_the_right(width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(app, pilot)
        line = footer_line(app)
        footer = app.screen.query_one(KeyFooter)
        shown = [key for key in footer.shown if key.description != "palette"]
        assert shown, "no keys drawn"
        for key in shown:
            assert f" {key.display} {key.description} " in line
        assert line.rstrip().endswith("▏^p palette")
        left_out = [key for key in footer.keys if key not in footer.shown]
        if width == 80:
            assert left_out, "at 80 columns some keys cannot fit"
        for key in left_out:  # neither the key nor a cut piece of its description is on the line
            assert key.description[:3] not in line.split("▏")[0].split()[-1]


async def test_a_click_on_a_key_runs_it_and_a_disabled_key_rings_the_bell() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        back = next(key for key in footer.shown if key.description == "Back")
        assert not back.enabled  # nothing to go back to
        bells: list[int] = []
        app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
        await pilot.click(KeyFooter, offset=(column_of(footer, "Back"), 0))
        assert bells == [1]
        await pilot.click(KeyFooter, offset=(column_of(footer, "Compare"), 0))
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


async def test_the_footer_follows_the_focus_and_highlights_the_key_under_the_mouse() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        footer = app.screen.query_one(KeyFooter)
        assert "Group" in [key.description for key in footer.shown]  # the navigator's key
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.focused, SearchPanel) or app.focused in app.screen.query_one(SearchPanel).walk_children()
        assert "Group" not in [key.description for key in footer.shown]
        await pilot.hover(KeyFooter, offset=(column_of(footer, "Search"), 0))
        hovered = list(footer.render_line(0))
        await pilot.hover(KeyFooter, offset=(column_of(footer, "palette"), 0))
        assert list(footer.render_line(0)) != hovered  # the highlight moved with the mouse
        assert footer.tooltip  # the palette key's tooltip


async def test_at_80_columns_each_screen_keeps_the_keys_its_users_come_for() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shown = [key.description for key in app.screen.query_one(KeyFooter).shown]
        for wanted in ("Search", "Help", "Compare", "Bookmark", "Note", "Present"):
            assert wanted in shown, (wanted, shown)
        assert "Navigator" not in shown  # a layout key: in Help, left out first
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        shown = [key.description for key in app.screen.query_one(KeyFooter).shown]
        for wanted in ("Back", "Evidence", "Differences", "Filter", "Help"):
            assert wanted in shown, (wanted, shown)
        line = footer_line(app)
        assert line.index("Evidence") < line.index("Differences") < line.index("Help")  # still in binding order
