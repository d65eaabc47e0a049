"""The one-widget title line: it follows the screen's title and subtitle, and its icon opens the palette."""

from __future__ import annotations

from textual.command import CommandPalette

from briefing_tui.tui.screens.dossier import DossierScreen
from briefing_tui.tui.widgets.title_bar import TitleBar
from tests.apphelpers import drawn_text, make_app, settle


def top_line(app) -> str:
    return drawn_text(app).splitlines()[0]


async def test_the_title_line_follows_the_screen_and_its_subtitle() -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        assert "briefing-tui — " in top_line(app) and "by document" in top_line(app)
        await pilot.press("g")  # another grouping: the explorer's subtitle changes
        await pilot.pause()
        assert "by document" not in top_line(app)
        app.push_screen(DossierScreen({"actor": "japan"}))
        await pilot.pause()
        await pilot.pause()
        assert "Dossier: Japan" in top_line(app)
        app.pop_screen()
        await pilot.pause()
        assert "Dossier" not in top_line(app)


async def test_a_long_title_is_cut_with_an_ellipsis_and_the_icon_opens_the_palette() -> None:
    app = make_app()
    async with app.run_test(size=(50, 20)) as pilot:
        await settle(app, pilot)
        line = top_line(app)
        assert line.startswith(" ⭘") and "…" in line and len(line) == 50
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
