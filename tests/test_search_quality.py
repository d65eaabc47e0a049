"""How officials type: questions, misspellings, Spanish and Portuguese names, filters that say what they did."""

from __future__ import annotations

import tomllib

import pytest

from benchmarks.recall import QUERIES, recall
from briefing_tui.core.search import SearchIndex
from briefing_tui.core.search.facets import facet_counts, matching_values, typed_filter
from briefing_tui.core.search.query import parse_query


@pytest.fixture(scope="module")
def index(bundled_library) -> SearchIndex:
    return SearchIndex(bundled_library)


def test_recall_at_3_of_natural_queries_and_exact_terms(index: SearchIndex) -> None:
    sets = tomllib.loads(QUERIES.read_text(encoding="utf-8"))
    natural, misses = recall(index, sets["natural"])
    assert natural >= 0.95, misses
    exact, misses = recall(index, sets["exact"])
    assert exact == 1.0, misses


def test_question_words_do_not_match_or_rank(index: SearchIndex) -> None:
    query = parse_query("how does china finance telecom")
    assert query.words == ["china", "finance", "telecom"] and query.ignored == ["how", "does"]
    outcome = index.search("how does china finance telecom", limit=5)
    assert not outcome.relaxed
    for result in outcome.results:
        assert "does" not in result.snippet.lower().replace("\x02", "").split()
    assert parse_query("the").words == ["the"]  # a query of stop-words only is searched as typed
    assert parse_query('"us" is').words == ["us"]


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [("brazl", "brazil"), ("telecomunications", "telecommunications"), ("hydrogn", "hydrogen"),
     ("ekakashi", "kakashi"), ("jbci", "jbic"), ("sattreps", "satreps"), ("usimnas", "usiminas"),
     ("codelko", "codelco")],
)  # fmt: skip
def test_a_word_that_matches_nothing_is_corrected(index: SearchIndex, typed: str, corrected: str) -> None:
    outcome = index.search(typed)
    assert outcome.results and outcome.corrections == {typed: corrected}
    assert outcome.message == f"Showing results for {corrected} (searched: {typed})"


def test_correction_keeps_the_other_words_and_can_be_refused(index: SearchIndex) -> None:
    outcome = index.search("recomendations japan")
    assert outcome.corrections == {"recomendations": "recommendations"} and not outcome.relaxed
    assert outcome.message.startswith("Showing results for recommendations japan")
    assert not index.search("brazl", correct=False).results
    assert not index.search('"brazl"').results  # quoted: searched exactly as typed (the app's ctrl+o)
    typing = index.search("hydrog", as_typed=True)
    assert typing.results and not typing.corrections  # a prefix that matches is left alone
    assert index.search("hydrgen", as_typed=True).corrections == {"hydrgen": "hydrogen"}


def test_did_you_mean_when_nothing_is_close_enough(index: SearchIndex) -> None:
    outcome = index.search("hydrgnee")
    assert not outcome.results
    assert outcome.message.startswith("No matches. Did you mean:") and "hydrogen" in outcome.suggestions
    assert index.search("xqzvw").message == "No matches. Try fewer words, or remove a filter."


@pytest.mark.parametrize(
    ("regional", "english"),
    [("México", "mexico"), ("Perú", "peru"), ("Panamá", "panama"), ("Colômbia", "colombia"), ("Brasil", "brazil")],
)
def test_spanish_and_portuguese_names_match_like_the_english(index: SearchIndex, regional: str, english: str) -> None:
    found = {r.id for r in index.search(regional, limit=1000).results}
    assert found >= {r.id for r in index.search(english, limit=1000).results}
    filtered = index.search(f"japan country:{regional}", limit=500)
    assert filtered.total == index.search(f"japan country:{english}", limit=500).total > 0
    assert parse_query("estados unidos").phrases == [["united", "states"]]


def test_unknown_filter_values_give_no_results_and_say_so(index: SearchIndex) -> None:
    outcome = index.search("country:narnia japan")
    assert not outcome.results and outcome.message.startswith("unknown country 'narnia' (")
    assert index.search("country:brazl japan").message == "unknown country 'brazl' (did you mean brazil?)"
    banana = index.search("kind:banana")
    assert not banana.results and banana.message.startswith("unknown kind 'banana'")
    assert index.search("briefing:wilsn").message == "unknown briefing 'wilsn' (did you mean wilson?)"


def test_a_filter_key_alone_is_not_a_word(index: SearchIndex) -> None:
    query = parse_query("kind:")
    assert query.pending == "kind" and not query.words
    outcome = index.search("kind:", as_typed=True)
    assert not outcome.results and outcome.message.startswith("Type or pick a kind")


def test_filter_values_offered_with_counts(bundled_library) -> None:
    counts = facet_counts(bundled_library)
    assert typed_filter("japan country:bra") == ("country", "bra")
    assert typed_filter("kind:") == ("kind", "")
    assert typed_filter("kind:case ") is None
    [brazil] = matching_values(bundled_library, counts, "country", "bra")
    assert brazil.slug == "brazil" and brazil.count == len(bundled_library.filter(country="brazil"))
    kinds = matching_values(bundled_library, counts, "kind", "")
    assert len(kinds) == 7 and kinds == sorted(kinds, key=lambda value: -value.count)
    assert {value.slug for value in matching_values(bundled_library, counts, "briefing", "")} == set(
        bundled_library.briefings
    )


def test_relaxed_search_says_it_fell_back(index: SearchIndex) -> None:
    outcome = index.search("zebra japan")
    assert outcome.relaxed and outcome.message == "No item has all the words: showing items with any of them."
