"""Query parsing and ranking."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.core.search import SearchIndex
from briefing_tui.core.search.query import parse_query


def test_parser_splits_words_phrases_exclusions_and_filters() -> None:
    query = parse_query(
        'japan "digital economy" -china kind:case-study country:Brazil actor:usa sector:energy briefing:iad'
    )
    assert query.words == ["japan"]
    assert query.phrases == [["digital", "economy"]]
    assert query.excluded == [["china"]]
    assert query.filters == {
        "kind": ["case-study"],
        "country": ["brazil"],
        "actor": ["us"],
        "sector": ["energy"],
        "briefing": ["iad"],
    }


def test_parser_tolerates_odd_input() -> None:
    assert parse_query('"unbalanced phrase').phrases == [["unbalanced", "phrase"]]
    assert parse_query("kind:nonsense").problems[0].startswith("unknown kind 'nonsense' (known: recommendation")
    assert parse_query("NEAR( * ^ :").words == ["near"]
    assert parse_query("kind:cases").filters == {"kind": ["case-study"]}


def test_last_word_is_a_prefix_only_while_typing() -> None:
    assert parse_query("hydro", as_typed=True).prefix == "hydro"
    assert parse_query("hydro ", as_typed=True).prefix == ""
    assert parse_query("hydro").words == ["hydro"]


def test_ranking_and_filters_on_fixture(pack_library) -> None:
    index = SearchIndex(pack_library)
    outcome = index.search("hydrogen")
    assert outcome.results[0].id == "demo-opp-hydrogen"
    assert outcome.kind_counts == {"opportunity": 1}
    assert index.search("finance kind:approach").results[0].id == "demo-app-japan-finance"
    assert not index.search("finance -japan kind:approach").results
    assert [r.id for r in index.search("country:chile").results] == ["demo-opp-hydrogen"]


def test_prefix_search_as_typed(pack_library) -> None:
    index = SearchIndex(pack_library)
    assert index.search("hydr", as_typed=True).results[0].id == "demo-opp-hydrogen"
    assert index.search("h", as_typed=True).results  # one letter: unranked but answers


def test_all_words_first_then_any(pack_library) -> None:
    outcome = SearchIndex(pack_library).search("hydrogen zebra")
    assert outcome.relaxed and outcome.results[0].id == "demo-opp-hydrogen"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_string_gives_results_or_a_message(pack_library_cached, text: str) -> None:
    outcome = pack_library_cached.search(text, as_typed=True)
    assert outcome.results or outcome.message or outcome.query.is_empty


@pytest.fixture(scope="module")
def pack_library_cached():
    from briefing_tui.core.content import load_library
    from tests.conftest import PACK

    return SearchIndex(load_library([PACK], use_cache=False))


def test_ai_farming_colombia_finds_the_ai_agriculture_case(bundled_library) -> None:
    outcome = SearchIndex(bundled_library).search("AI farming Colombia")
    assert outcome.results, outcome.message
    top = bundled_library.items[outcome.results[0].id]
    assert "colombia" in top.countries
    assert "agricultur" in (top.title + top.summary).lower()
    assert "ai" in top.title.lower().split() or "artificial intelligence" in top.summary.lower()
    # The named AI-agriculture case study is among the first two hits.
    assert any(bundled_library.items[r.id].kind == "case-study" for r in outcome.results[:2])


def test_filter_tokens_do_not_match_ordinary_words(pack_library) -> None:
    index = SearchIndex(pack_library)
    # Every item has facet tokens like country_brazil / kind_figure; words must not hit them.
    assert not index.search("country").results
    assert not index.search("kind").results
    assert not index.search("briefing").results
    assert index.search("co", as_typed=True).total < len(pack_library.items)
    assert [r.id for r in index.search("hydrogen -chile").results] == []
    assert index.search("finance -japan").results


def test_counts_can_follow_the_results(bundled_library) -> None:
    index = SearchIndex(bundled_library)
    full = index.search("china investment", limit=5)
    quick = index.search("china investment", limit=5, counts=False)
    assert [result.id for result in quick.results] == [result.id for result in full.results]
    assert not quick.counted and quick.total == 5
    index.count(quick)
    assert quick.counted and quick.kind_counts == full.kind_counts and quick.total == full.total > 5
    few = index.search("nearshoring mexico", limit=50, counts=False)
    assert few.counted and few.total == len(few.results)  # fewer than the limit: every match is shown


def test_huge_match_sets_rank_title_matches_first(bundled_library, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_tui.core.search import index as search

    index = SearchIndex(bundled_library)
    exact = index.search("china", limit=500)
    assert not exact.approximate
    every = {result.id for result in exact.results}
    in_title = {result.id for result in exact.results if re.search(r"\bchina\b", result.title, re.IGNORECASE)}
    assert 5 < len(in_title) < len(every)

    monkeypatch.setattr(search, "RANK_ALL", 3)  # pretend the pack is huge
    tiered = index.search("china", limit=500)
    assert tiered.approximate and tiered.total == exact.total
    ids = [result.id for result in tiered.results]
    assert set(ids) == every  # still every match, in a different order
    assert set(ids[: len(in_title)]) == in_title  # title matches first (ranked by their titles)
    rest = [bundled_library.positions[item_id] for item_id in ids[len(in_title) :]]
    assert rest == sorted(rest)  # then the others, in library order

    monkeypatch.setattr(search, "RANK_TITLES", 3)  # too many title matches to rank: library order
    unranked = index.search("china", limit=500)
    assert unranked.approximate and {result.id for result in unranked.results[: len(in_title)]} == in_title
    positions = [bundled_library.positions[result.id] for result in unranked.results[: len(in_title)]]
    assert positions == sorted(positions)


def test_index_text_is_the_same_from_stored_json_as_from_the_models(bundled_library) -> None:
    """A cached pack is indexed from its stored JSON (no validation); it must index the same text."""
    import json

    from briefing_tui.core.content.parse import item_json
    from briefing_tui.core.models import actor_of
    from briefing_tui.core.search.rows import facets as _facets
    from briefing_tui.core.search.rows import item_text as _item_text

    approaches = 0
    for item in bundled_library.iter_items():
        stored = json.loads(item_json(item))
        assert _item_text(stored) == _item_text(vars(item)), item.id
        assert _facets(stored) == _facets(vars(item)), item.id
        if actor_of(item):
            approaches += 1
            # The actor an approach characterizes is a facet, even when not among its actors.
            assert f"actor_{actor_of(item)}" in _facets({**stored, "actors": []}).split()
        if item.quote:
            assert item.quote.text in _item_text(stored)[2]
    assert approaches


def test_index_of_a_cached_pack_finds_what_an_in_memory_one_does(tmp_path) -> None:
    from briefing_tui.core.content import load_library
    from tests.conftest import PACK

    memory = load_library([PACK], use_cache=False)
    stored = load_library([PACK], use_cache=True)
    assert stored.store is not None
    folder = tmp_path / "index"
    folder.mkdir()
    in_memory = SearchIndex(memory)
    on_file = SearchIndex(stored, folder / "index.sqlite")
    reopened = SearchIndex(stored, folder / "index.sqlite")
    assert [path.name for path in folder.iterdir()] == ["index.sqlite"]  # no temporary file left
    for query in ["hydrogen", "kind:recommendation", "chile", "financ", "quote"]:
        expected = [result.id for result in in_memory.search(query).results]
        assert [result.id for result in on_file.search(query).results] == expected, query
        assert [result.id for result in reopened.search(query).results] == expected, query
