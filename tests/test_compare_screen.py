"""The comparison screen driven through the Pilot, plus its snapshots at 160x45 and 80x24."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widgets import OptionList

from briefing_tui.core.compare import SILENT_TEXT, cell_for, contrast_point
from briefing_tui.core.text import clean_line
from briefing_tui.tui.dialogs.theme_picker import ThemePicker
from briefing_tui.tui.screens.compare import CompareScreen
from briefing_tui.tui.screens.explorer import ExplorerScreen
from briefing_tui.tui.widgets.cell_details import CellDetails
from briefing_tui.tui.widgets.compare_grid import ComparisonGrid
from tests.apphelpers import make_app, settle, text_of
from tests.conftest import PACK

WIDE = (160, 45)
NARROW = (80, 24)


async def open_compare(app, pilot) -> CompareScreen:
    await settle(app, pilot)
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CompareScreen)
    return app.screen


@dataclass
class Drawn:
    """A cell as the grid draws it: its border title, body text (lines joined) and place on screen."""

    title: str
    text: str
    bottom: str
    region: Region


def cell(screen: CompareScreen, theme: str, actor: str) -> Drawn:
    grid = screen.query_one(ComparisonGrid)
    lines = grid.drawn_cell((theme, actor))
    region = grid.cell_region((theme, actor))
    assert lines is not None and region is not None, (theme, actor)
    body = " ".join(line[1:-1].strip() for line in lines[1:-1])
    return Drawn(title=lines[0], text=" ".join(body.split()), bottom=lines[-1], region=region)


def shown(screen: CompareScreen, theme: str, actor: str) -> bool:
    return screen.query_one(ComparisonGrid).drawn_cell((theme, actor)) is not None


def silent(view: Drawn) -> bool:
    return "silent" in view.bottom


def option_ids(screen: CompareScreen, list_id: str) -> list[str]:
    options = screen.query_one(list_id, OptionList)
    return [options.get_option_at_index(index).id for index in range(options.option_count)]


def option_texts(screen: CompareScreen, list_id: str) -> list[str]:
    options = screen.query_one(list_id, OptionList)
    return [str(options.get_option_at_index(index).prompt) for index in range(options.option_count)]


def summary(screen: CompareScreen) -> str:
    return text_of(screen.query_one("#cell-summary"))


def record_notifications(app, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Collect every notification's message (toasts expire, so reading them later is racy)."""
    messages: list[str] = []
    original = app.notify

    def notify(message, *args, **kwargs):
        messages.append(str(message))
        return original(message, *args, **kwargs)

    monkeypatch.setattr(app, "notify", notify)
    return messages


def pack_with(tmp_path: Path, comparison: str) -> Path:
    """A copy of the fixture pack with a different comparison.toml."""
    pack = tmp_path / "pack"
    shutil.copytree(PACK / "demo", pack / "demo")
    (pack / "comparison.toml").write_text(comparison, encoding="utf-8")
    return pack


# -- the grid ----------------------------------------------------------------------


async def test_grid_has_theme_rows_actor_columns_and_explicit_silent_cells() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        grid = screen.query_one(ComparisonGrid)
        assert grid.shown_themes == ["development-finance", "energy-transition"]
        assert grid.shown_actors == ["us", "japan", "china", "lac"]
        assert all(shown(screen, theme, actor) for theme in grid.shown_themes for actor in grid.shown_actors)
        assert screen.selected == ("development-finance", "us")
        assert grid.has_focus
        us = cell(screen, "development-finance", "us")
        assert "United States" in us.title
        assert "Instruments: DFC" in us.text
        # Silent cells say so, dimmed (the -silent class), and are never blank.
        china = cell(screen, "development-finance", "china")
        assert silent(china)
        assert "say nothing about China" in china.text
        lac = cell(screen, "development-finance", "lac")  # no cell in the content at all
        assert silent(lac)
        assert SILENT_TEXT in lac.text
        assert not silent(cell(screen, "energy-transition", "lac"))
        # Wide: cells of a theme side by side, the panel below.
        regions = [cell(screen, "development-finance", actor).region for actor in grid.shown_actors]
        assert len({region.y for region in regions}) == 1
        assert [region.x for region in regions] == sorted(region.x for region in regions)
        assert screen.query_one(CellDetails).region.y > regions[0].bottom


async def test_arrows_move_between_cells_and_the_panel_follows() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right")
        assert screen.selected == ("development-finance", "japan")
        assert cell(screen, "development-finance", "japan").title.startswith("┏━ Japan")  # heavy: selected, focused
        assert cell(screen, "development-finance", "us").title.startswith("╭─ United States")
        assert "Development finance · Japan" in summary(screen)
        assert "Instruments: JBIC, JICA" in summary(screen)
        assert "What sets it apart: Long-term concessional loans." in summary(screen)
        assert option_ids(screen, "#evidence") == ["demo-app-japan-finance", "demo-fig-fdi"]
        evidence = option_texts(screen, "#evidence")
        assert "APPROACH" in evidence[0] and "Japan: patient, quality-focused finance" in evidence[0]
        assert "demo-app-japan-finance" in evidence[0]
        assert all("US think tank" in text for text in evidence)  # each item labelled with its perspective
        assert option_ids(screen, "#documents") == ["demo"]
        assert "US think tank" in option_texts(screen, "#documents")[0]
        assert "An Example Briefing" in option_texts(screen, "#documents")[0]
        await pilot.press("down")
        assert screen.selected == ("energy-transition", "japan")
        assert option_ids(screen, "#evidence") == ["demo-opp-hydrogen"]
        await pilot.press("right", "right", "right")  # stops at the last column
        assert screen.selected == ("energy-transition", "lac")
        await pilot.press("up", "up")
        assert screen.selected == ("development-finance", "lac")
        await pilot.press("home")
        assert screen.selected == ("development-finance", "us")
        await pilot.press("end")
        assert screen.selected == ("energy-transition", "lac")


async def test_silent_cell_panel_says_so() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right", "right")
        assert screen.selected == ("development-finance", "china")
        assert "say nothing about China" in summary(screen)
        assert option_ids(screen, "#evidence") == []
        assert not screen.query_one("#evidence", OptionList).display
        assert "No evidence items cited" in text_of(screen.query_one("#evidence-title"))
        await pilot.press("enter")  # nothing to focus: a message, not a crash
        assert screen.query_one(ComparisonGrid).has_focus


async def test_click_selects_a_cell() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        grid = screen.query_one(ComparisonGrid)
        target = cell(screen, "energy-transition", "lac").region
        await pilot.click(grid.canvas, offset=target.offset - grid.canvas.region.offset + (2, 1))
        await pilot.pause()
        assert screen.selected == ("energy-transition", "lac")
        assert "Energy transition · Latin America & Caribbean" in summary(screen)
        assert screen.query_one(ComparisonGrid).has_focus


# -- filter, differences, LAC ----------------------------------------------------------


async def test_filter_to_one_theme_and_clear() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right")  # Japan
        await pilot.press("f")
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("down", "down", "enter")  # All themes, Development finance, Energy transition
        await pilot.pause()
        assert app.screen is screen
        assert screen.theme_filter == "energy-transition"
        assert not shown(screen, "development-finance", "japan")
        assert all(shown(screen, "energy-transition", actor) for actor in ("us", "japan", "china", "lac"))
        assert screen.selected == ("energy-transition", "japan")  # the actor is kept
        assert "Theme: Energy transition" in text_of(screen.query_one("#compare-status"))
        await pilot.press("down")
        assert screen.selected == ("energy-transition", "japan")  # no hidden rows to move into
        await pilot.press("F")
        assert screen.theme_filter is None
        await pilot.pause()
        assert shown(screen, "development-finance", "japan") and shown(screen, "energy-transition", "japan")
        # Escape in the picker changes nothing; escape with a filter on clears it first.
        await pilot.press("f")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.theme_filter is None
        await pilot.press("f", "down", "enter")
        await pilot.pause()
        assert screen.theme_filter == "development-finance"
        await pilot.press("escape")
        assert app.screen is screen and screen.theme_filter is None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)


async def test_differences_view_shows_contrasting_points_side_by_side() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("d")
        assert screen.differences
        assert cell(screen, "development-finance", "us").text == "Co-finances with partners."
        assert cell(screen, "development-finance", "japan").text == "Long-term concessional loans."
        # No contrast line: the first sentence of the stance.
        assert cell(screen, "energy-transition", "japan").text == "Japan looks to Chilean hydrogen."
        assert cell(screen, "energy-transition", "us").text == SILENT_TEXT
        assert "Instruments" not in cell(screen, "development-finance", "japan").text
        # Still one row per theme, one column per actor, and still navigable.
        regions = [cell(screen, "development-finance", actor).region for actor in ("us", "japan", "china", "lac")]
        assert len({region.y for region in regions}) == 1
        await pilot.press("right")
        assert screen.selected == ("development-finance", "japan")
        await pilot.press("d")
        assert not screen.differences
        assert "Instruments: JBIC, JICA" in cell(screen, "development-finance", "japan").text


async def test_lac_column_toggles() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("end")
        assert screen.selected == ("energy-transition", "lac")
        await pilot.press("l")
        await pilot.pause()
        assert not shown(screen, "energy-transition", "lac")
        assert screen.query_one(ComparisonGrid).shown_actors == ["us", "japan", "china"]
        assert screen.selected == ("energy-transition", "china")  # moved off the hidden column
        assert "LAC hidden" in text_of(screen.query_one("#compare-status"))
        await pilot.press("right")
        assert screen.selected == ("energy-transition", "china")
        await pilot.press("l")
        await pilot.pause()
        assert shown(screen, "energy-transition", "lac")
        await pilot.press("right")
        assert screen.selected == ("energy-transition", "lac")


async def test_no_lac_column_without_lac_content(tmp_path: Path) -> None:
    comparison = (PACK / "comparison.toml").read_text(encoding="utf-8")
    comparison = comparison[: comparison.index('[[themes]]\nid = "energy-transition"')]
    app = make_app(content=[str(pack_with(tmp_path, comparison))])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.query_one(ComparisonGrid).shown_actors == ["us", "japan", "china"]
        assert screen.check_action("toggle_lac", ()) is False
        await pilot.press("l")
        assert screen.query_one(ComparisonGrid).shown_actors == ["us", "japan", "china"]


# -- evidence -> explorer -> back ----------------------------------------------------------


async def test_open_evidence_in_explorer_and_back_returns_to_the_cell() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right")  # Development finance · Japan
        await pilot.press("enter")  # into the evidence list
        evidence = screen.query_one("#evidence", OptionList)
        assert evidence.has_focus
        await pilot.press("down", "enter")  # the second item
        await settle(app, pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        assert explorer.current_target == "demo-fig-fdi"
        assert explorer.history.entries[-2:] == ["compare:development-finance:japan", "demo-fig-fdi"]
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        back = app.screen
        assert isinstance(back, CompareScreen) and back is not screen
        assert back.selected == ("development-finance", "japan")
        assert option_ids(back, "#evidence") == ["demo-app-japan-finance", "demo-fig-fdi"]


async def test_documents_open_too_and_escape_leaves_the_lists_first() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("enter")
        assert screen.query_one("#evidence", OptionList).has_focus
        await pilot.press("escape")  # back to the grid, still on the screen
        assert app.screen is screen and screen.query_one(ComparisonGrid).has_focus
        screen.query_one("#documents", OptionList).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        assert app.screen.current_target == "demo"


async def test_start_cell_and_escape_returns_to_explorer() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(app, pilot)
        app.push_screen(CompareScreen(start=("energy-transition", "lac")))
        await pilot.pause()
        assert app.screen.selected == ("energy-transition", "lac")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        app.push_screen(CompareScreen(start=("no-such-theme", "korea")))  # stale target: first cell
        await pilot.pause()
        assert app.screen.selected == ("development-finance", "us")


# -- bookmarks and export --------------------------------------------------------------------


async def test_bookmarking_a_cell_marks_it() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("right")
        assert screen.selected_target() == ("compare:development-finance:japan", "cell")
        await pilot.press("b")
        await pilot.pause()
        assert app.bookmarks.is_bookmarked("compare:development-finance:japan")
        assert app.bookmarks.get("compare:development-finance:japan").target_kind == "cell"
        assert "★" in cell(screen, "development-finance", "japan").title
        assert "★" not in cell(screen, "development-finance", "us").title
        assert "★ bookmarked" in summary(screen)
        await pilot.press("b")
        await pilot.pause()
        assert not app.bookmarks.is_bookmarked("compare:development-finance:japan")
        assert "★" not in cell(screen, "development-finance", "japan").title


async def test_note_on_a_cell_shows_in_the_panel() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        app.bookmarks.add("compare:development-finance:us", "cell", note="Ask about [DFC] terms")
        app.bookmarks_changed("compare:development-finance:us")
        await pilot.pause()
        assert "★" in cell(screen, "development-finance", "us").title
        assert "Your note: Ask about [DFC] terms" in summary(screen)


async def test_export_goes_through_the_export_dialog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_dirs: Path
) -> None:
    from datetime import date

    from textual.widgets import Input

    from briefing_tui.tui.dialogs.confirm import Confirm
    from briefing_tui.tui.dialogs.export import ExportDialog

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_compare(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        path = Path(app.screen.query_one("#export-path", Input).value)
        assert path == isolated_dirs / "Documents" / f"comparison-{date.today().isoformat()}.md"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = path.read_text(encoding="utf-8")
        assert "Development finance" in text and "Energy transition" in text and "JBIC" in text
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # the file exists: asked, never overwritten silently
        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("f", "down", "down", "enter")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        filtered = Path(app.screen.query_one("#export-path", Input).value)
        assert filtered.name.startswith("comparison-energy-transition-")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = filtered.read_text(encoding="utf-8")
        assert "Energy transition" in text and "Development finance" not in text
        assert not any(tmp_path.glob("*.md"))  # nothing in the folder the app was started from


# -- untrusted text and small terminals --------------------------------------------------------


async def test_content_text_is_shown_literally(tmp_path: Path) -> None:
    comparison = """
[[themes]]
id = "markup"
title = "[bold]Markup[/bold] theme"

[[themes.cells]]
actor = "us"
stance = "Uses [red]brackets[/red] and \\u001b[31mescapes\\u001b[0m literally."
instruments = ["[link=x]DFC[/link]"]
"""
    app = make_app(content=[str(pack_with(tmp_path, comparison))])
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        text = cell(screen, "markup", "us").text
        assert "[red]brackets[/red]" in text
        assert "\x1b" not in text and "escapes" in text
        assert "[link=x]DFC[/link]" in text
        assert "[bold]Markup[/bold] theme" in summary(screen)


async def test_narrow_terminal_stacks_cells_instead_of_cutting_them() -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.has_class("-narrow")
        regions = [cell(screen, "development-finance", actor).region for actor in ("us", "japan", "china", "lac")]
        assert len({region.x for region in regions}) == 1  # one above the other
        assert all(region.right <= NARROW[0] for region in regions)
        assert all(region.width >= 60 for region in regions)
        assert "stacked" in text_of(screen.query_one("#compare-status"))
        await pilot.press("down")  # stacked: down is the next cell in reading order
        assert screen.selected == ("development-finance", "japan")
        await pilot.press("right")
        assert screen.selected == ("development-finance", "china")


async def test_resizing_switches_between_side_by_side_and_stacked() -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        assert "stacked" not in text_of(screen.query_one("#compare-status"))
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.has_class("-narrow")
        assert "stacked" in text_of(screen.query_one("#compare-status"))
        xs = {cell(screen, "energy-transition", actor).region.x for actor in ("us", "japan", "china", "lac")}
        assert len(xs) == 1
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert not screen.has_class("-narrow")
        assert "stacked" not in text_of(screen.query_one("#compare-status"))


async def test_very_wide_terminal_puts_the_panel_at_the_side() -> None:
    app = make_app()
    async with app.run_test(size=(220, 50)) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.has_class("-wide")
        grid = screen.query_one(ComparisonGrid).region
        details = screen.query_one(CellDetails).region
        assert details.x >= grid.right and details.y == grid.y


def test_bindings_have_descriptions_and_ids() -> None:
    """Every key is described (footer, help) and has a stable id (remappable); what each does is tested above."""
    from textual.binding import Binding

    bindings = [binding for binding in CompareScreen.BINDINGS if isinstance(binding, Binding)]
    assert all(binding.description and binding.id and binding.id.startswith("compare.") for binding in bindings)


# -- rows laid out after the first frame (bundled content: more themes than fit) -------------


async def test_rows_beyond_the_first_screen_follow_and_keep_the_view(bundled_library) -> None:
    app = make_app(content=None, library=bundled_library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await app.push_screen(CompareScreen())  # returns once mounted, before the first frame
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        grid = screen.query_one(ComparisonGrid)
        themes = list(bundled_library.themes)
        assert not grid.canvas.exact  # rows below the first screen are estimated for now
        # Changing the view while they are (as "d" then "end" would): they are laid out in it.
        screen.action_differences()
        screen.action_edge(1)
        for _ in range(50):
            if grid.canvas.exact:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        last = (themes[-1], grid.shown_actors[-1])
        assert screen.selected == last
        keys = [(theme, actor) for theme in themes for actor in grid.shown_actors]
        heavy = [key for key in keys if cell(screen, *key).title.startswith("┏")]
        assert heavy == [last]  # drawn selected (and focused), and no other cell
        # Every cell shows its contrasting point (the differences view), not its full stance.
        for key in keys:
            expected = clean_line(contrast_point(cell_for(bundled_library.themes[key[0]], key[1])))
            assert cell(screen, *key).text.split() == expected.split(), key
        # The selected last cell was scrolled into view.
        assert grid.region.overlaps(cell(screen, *last).region), (grid.scroll_y, grid.max_scroll_y, grid.region)


async def test_rows_beyond_the_first_screen_are_laid_out_without_a_key(bundled_library) -> None:
    app = make_app(content=None, library=bundled_library)
    async with app.run_test(size=NARROW) as pilot:
        await settle(app, pilot)
        await app.push_screen(CompareScreen())
        grid = app.screen.query_one(ComparisonGrid)
        for _ in range(50):
            if grid.canvas.exact:
                break
            await pilot.pause(0.02)
        await pilot.pause()
        keys = [(theme, actor) for theme in bundled_library.themes for actor in grid.actors]
        assert all(grid.drawn_cell(key) is not None for key in keys)
        spoken = [key for key in keys if cell_for(bundled_library.themes[key[0]], key[1]) is not None]
        last = cell_for(bundled_library.themes[spoken[-1][0]], spoken[-1][1])
        assert last is not None  # the last theme's last cell with a stance, drawn in full
        assert cell(app.screen, *spoken[-1]).text.startswith(" ".join(clean_line(last.stance).split()[:8]))
        assert app.screen.selected == keys[0]


# -- snapshots ----------------------------------------------------------------------------------


async def _to_compare(pilot) -> None:
    await open_compare(pilot.app, pilot)


async def _to_compare_japan(pilot) -> None:
    await open_compare(pilot.app, pilot)
    await pilot.press("right")


def test_snapshot_wide(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=_to_compare_japan)


def test_snapshot_narrow(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=NARROW, run_before=_to_compare_japan)


def test_snapshot_differences(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=WIDE, run_before=_to_compare, press=["d"])


def test_snapshot_narrow_differences_filtered(snap_compare) -> None:
    assert snap_compare(make_app(), terminal_size=NARROW, run_before=_to_compare, press=["d", "f", "down", "enter"])


async def test_a_closed_compare_screen_is_freed() -> None:
    # Its bookmark subscription (and Textual's per-widget style memo) kept every screen opened
    # in memory, and each full garbage collection walked them all.
    import gc
    import weakref

    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        screen = weakref.ref(await open_compare(app, pilot))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        await pilot.pause(0.1)
        gc.collect()
        assert screen() is None
