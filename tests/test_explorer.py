"""The explorer driven through the Pilot: navigation, grouping, history, search, palette, resize."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from briefing_tui.tui.screens.explorer import ExplorerScreen
from briefing_tui.tui.widgets.detail import DetailView
from briefing_tui.tui.widgets.navigator import Navigator
from tests.apphelpers import make_app, settle, text_of


def detail_text(app) -> str:
    return text_of(app.screen.query_one("#detail-content"))


async def test_opens_on_first_briefing_and_navigates() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen)
        assert "An Example Briefing" in detail_text(app)
        assert "US think tank" in detail_text(app)
        nav = app.screen.query_one(Navigator)
        assert nav.has_focus
        await pilot.press("enter")  # expand the briefing
        await pilot.press("down")  # first section
        await settle(app, pilot)
        assert app.screen.current_target == "demo-intro"
        assert "SECTION" in detail_text(app)
        await pilot.press("enter", "down")
        await settle(app, pilot)
        assert app.screen.current_target == "demo-obs-financing"
        text = detail_text(app)
        assert "Scarce long-term finance" in text
        assert (
            "Source: An Example Briefing. Example Institute (A. Author), November 2024. Section: Introduction." in text
        )


async def test_right_and_left_open_and_close_branches_in_the_navigator() -> None:
    """As in a file manager; Textual's tree scrolled sideways instead."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        nav = app.screen.query_one(Navigator)
        briefing = nav.cursor_node
        assert briefing is not None and not briefing.is_expanded
        await pilot.press("right")
        assert briefing.is_expanded and nav.cursor_node is briefing and nav.scroll_x == 0
        await pilot.press("right")  # into the branch
        assert nav.cursor_node is briefing.children[0]
        await pilot.press("left")  # a closed section: out to its briefing
        assert nav.cursor_node is briefing
        await pilot.press("left")
        assert not briefing.is_expanded and nav.scroll_x == 0


async def test_related_links_and_history() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        screen.open("demo-rec-1")
        await settle(app, pilot)
        assert "Coordinate development finance" in detail_text(app)
        links = screen.query_one("#links", OptionList)
        targets = [links.get_option_at_index(i).id for i in range(links.option_count)]
        assert "demo-obs-financing" in targets and "demo-rec-1a" in targets
        links.focus()
        links.highlighted = targets.index("demo-obs-financing")
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.current_target == "demo-obs-financing"
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert screen.current_target == "demo-rec-1"
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert screen.current_target == "demo-obs-financing"


async def test_last_opened_is_restored_on_next_start() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-fig-fdi")
        await settle(app, pilot)
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.screen.current_target == "demo-fig-fdi"
        assert "$3 billion" in detail_text(again)


async def test_grouping_cycles_and_is_remembered() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("g")
        nav = app.screen.query_one(Navigator)
        assert nav.grouping == "kind"
        labels = [str(node.label) for node in nav.root.children]
        assert labels[0].startswith("Recommendations (2)")
        await pilot.press("g", "g", "g")
        assert nav.grouping == "actor"
        assert any("Japan" in str(node.label) for node in nav.root.children)
    again = make_app()
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(again, pilot)
        assert again.screen.query_one(Navigator).grouping == "actor"


async def test_search_typing_results_and_n_N() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        assert app.screen.query_one("#search", Input).has_focus
        for key in "finance":
            await pilot.press(key)
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        assert results.display and results.option_count >= 3
        status = text_of(app.screen.query_one("#search-status"))
        assert "matches" in status
        await pilot.press("enter")
        await settle(app, pilot)
        first = app.screen.current_target
        assert first == results.get_option_at_index(0).id
        await pilot.press("n")
        await settle(app, pilot)
        second = app.screen.current_target
        assert second == results.get_option_at_index(1).id
        await pilot.press("N")
        await settle(app, pilot)
        assert app.screen.current_target == first


async def test_search_filters_and_friendly_empty_state() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        search = app.screen.query_one("#search", Input)
        search.focus()
        search.value = "country:chile"
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        assert [results.get_option_at_index(i).id for i in range(results.option_count)] == ["demo-opp-hydrogen"]
        search.value = 'zzzz "unbalanced NEAR( *'
        await settle(app, pilot)
        assert results.option_count == 0
        assert "No matches" in text_of(app.screen.query_one("#search-status"))
        await pilot.press("escape")
        assert search.value == ""
        assert app.screen.query_one(Navigator).display


async def test_palette_jumps_to_an_item() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "hydrogen":
            await pilot.press(key)
        palette = app.screen
        for _ in range(100):  # the palette gathers hits in a worker: wait for the first one
            await pilot.pause(0.01)
            if palette.query("CommandList") and palette.query_one("CommandList").option_count:
                break
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.current_target == "demo-opp-hydrogen"


async def test_showing_the_navigator_again_gives_it_the_focus() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        nav = app.screen.query_one(Navigator)
        await pilot.press("backslash")
        assert not nav.has_focus
        await pilot.press("backslash")
        assert nav.has_focus


async def test_navigator_hide_and_resize() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        sidebar = app.screen.query_one("#sidebar")
        before = sidebar.outer_size.width
        await pilot.press("plus")
        await pilot.pause()
        assert sidebar.outer_size.width == before + 4
        await pilot.press("backslash")
        assert not sidebar.display
        assert app.screen.query_one(DetailView).has_focus


async def test_small_terminals_do_not_crash() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for size in ((40, 12), (20, 8), (200, 60), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.press("down", "enter", "g")
            await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)


async def test_theme_choice_is_remembered() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await pilot.pause()
    again = make_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


async def test_store_backed_library_searches_counts_and_opens() -> None:
    """The app as users run it: content read back from the cache's item store, counts after results."""
    from briefing_tui.core.content import bundled_content_dir

    for run in range(2):  # the first run writes the store, the second reads it back
        app = make_app(content=[str(bundled_content_dir())], use_cache=True)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot)
            assert app.library is not None and app.library.store is not None, run
            search = app.screen.query_one("#search", Input)
            search.focus()
            search.value = "china"
            await settle(app, pilot)
            results = app.screen.query_one("#results", OptionList)
            assert results.option_count == 50  # the explorer's limit: more match
            status = text_of(app.screen.query_one("#search-status"))
            total = int(status.split(" match")[0].replace(",", ""))
            assert total > 50 and "counting" not in status and "Recommendation" in status
            await pilot.press("enter")
            await settle(app, pilot)
            first = results.get_option_at_index(0).id
            assert app.screen.current_target == first
            assert app.library.items[first].title in detail_text(app)
