"""Terminal conditions: NO_COLOR, 16-colour terminals, tiny sizes and resize storms."""

from __future__ import annotations

import pytest

from briefing_tui.tui.screens.explorer import ExplorerScreen
from tests.apphelpers import make_app, settle, text_of


@pytest.mark.parametrize(
    "env",
    [{"NO_COLOR": "1"}, {"TEXTUAL_COLOR_SYSTEM": "standard"}, {"TEXTUAL_COLOR_SYSTEM": "256"}],
    ids=["no-color", "16-colour", "256-colour"],
)
async def test_app_works_without_full_colour(monkeypatch: pytest.MonkeyPatch, env: dict[str, str]) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.explorer.open("demo-fig-fdi")
        await settle(app, pilot)
        assert "$3 billion" in text_of(app.screen.query_one("#detail-content"))
        assert "billion" in app.export_screenshot()


async def test_resize_storm_down_to_20x8() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        sizes = [(20, 8), (200, 60), (21, 9), (40, 12), (300, 100), (20, 8), (80, 24)]
        for _ in range(10):
            for size in sizes:
                await pilot.resize_terminal(*size)
        await pilot.press("c")
        for size in sizes:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("escape", "p")
        for size in sizes:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
