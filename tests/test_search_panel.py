"""The explorer's search panel driven through the Pilot: corrections, filters, values offered, keys."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.apphelpers import make_app, settle, text_of


async def type_query(app, pilot, text: str) -> None:
    await pilot.press("slash")
    for key in text:
        await pilot.press("space" if key == " " else key)
    await settle(app, pilot)


def status(app) -> str:
    return text_of(app.screen.query_one("#search-status"))


async def test_a_misspelling_is_corrected_and_ctrl_e_searches_it_as_typed() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "hydrogn ")
        results = app.screen.query_one("#results", OptionList)
        assert results.option_count and results.get_option_at_index(0).id == "demo-opp-hydrogen"
        assert "Showing results for hydrogen (searched: hydrogn)" in status(app)
        assert "ctrl+o" in status(app)
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        assert app.screen.query_one("#search", Input).value == '"hydrogn" '
        assert results.option_count == 0 and "No matches" in status(app)


async def test_down_moves_into_results_and_each_result_names_its_briefing() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "finance")
        results = app.screen.query_one("#results", OptionList)
        assert "demo" in str(results.get_option_at_index(0).prompt).split()
        await pilot.press("down")
        await settle(app, pilot)
        assert results.has_focus and results.highlighted == 0
        assert app.screen.current_target == results.get_option_at_index(0).id


async def test_unknown_filter_value_says_so_and_shows_nothing() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "country:narnia finance")
        assert app.screen.query_one("#results", OptionList).option_count == 0
        assert "unknown country 'narnia' (" in status(app)


async def test_typing_a_filter_key_offers_its_values_with_counts() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "kind:")
        values = app.screen.query_one("#filter-values", OptionList)
        assert values.display and values.option_count == 7
        assert not app.screen.query_one("#results", OptionList).display
        first = str(values.get_option_at_index(0).prompt)
        assert first.split()[-1].isdigit()  # the count of items of that kind
        await pilot.press("down")
        assert values.has_focus
        chosen = values.get_option_at_index(0).id
        await pilot.press("enter")
        await settle(app, pilot)
        search = app.screen.query_one("#search", Input)
        assert search.value == f"kind:{chosen} " and search.has_focus
        assert app.screen.query_one("#results", OptionList).option_count > 0


async def test_status_says_when_it_fell_back_to_any_word() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await type_query(app, pilot, "hydrogen zebra ")
        assert "showing items with any of them" in status(app)
