"""The comparison core (no Textual): columns, cell ids, the differences view, navigation, export names."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.core import compare
from briefing_tui.core.models import ComparisonCell, Theme


def _cell(actor: str, stance: str = "A stance.", **fields) -> ComparisonCell:
    return ComparisonCell(actor=actor, stance=stance, **fields)


def test_theme_actors_adds_lac_only_when_present(pack_library) -> None:
    assert compare.theme_actors(pack_library) == ["us", "japan", "china", "lac"]
    del pack_library.themes["energy-transition"]  # the only theme with a LAC cell
    assert compare.theme_actors(pack_library) == ["us", "japan", "china"]


def test_cell_ids_round_trip() -> None:
    target = compare.cell_id("development-finance", "japan")
    assert target == "compare:development-finance:japan"
    assert compare.parse_cell_id(target) == ("development-finance", "japan")
    assert compare.parse_cell_id("demo-rec-1") is None
    assert compare.parse_cell_id("compare:only-theme") is None


def test_cell_for_and_find_theme(pack_library) -> None:
    theme = pack_library.themes["development-finance"]
    assert compare.cell_for(theme, "japan").instruments == ["JBIC", "JICA"]
    assert compare.cell_for(theme, "lac") is None
    assert compare.find_theme(pack_library, "energy-transition").id == "energy-transition"
    assert compare.find_theme(pack_library, "ENERGY").id == "energy-transition"
    assert compare.find_theme(pack_library, "n") is None  # ambiguous: both titles have an "n"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Japan offers patient finance. It lends long.", "Japan offers patient finance."),
        ("The U.S. works with partners. Then more.", "The U.S. works with partners."),
        ("A fund of $3.5 billion, e.g. for ports. Next.", "A fund of $3.5 billion, e.g. for ports."),
        ("J. Smith argues so! Others disagree.", "J. Smith argues so!"),
        ("Is it patient? Yes.", "Is it patient?"),
        ("No full stop at all", "No full stop at all"),
        ("  Spread\nover   lines. Second.", "Spread over lines."),
    ],
)
def test_first_sentence(text: str, first: str) -> None:
    assert compare.first_sentence(text) == first


def test_contrast_point_prefers_the_contrast_line() -> None:
    assert compare.contrast_point(_cell("us", "Long stance. More.", contrast="Co-finances.")) == "Co-finances."
    assert compare.contrast_point(_cell("us", "Long stance. More.")) == "Long stance."
    assert compare.contrast_point(None) == compare.SILENT_TEXT


def test_is_silent() -> None:
    assert compare.is_silent(None)
    assert compare.is_silent(_cell("china", "Nothing here.", silent=True))
    assert not compare.is_silent(_cell("china"))


def test_differences_one_row_per_theme_one_point_per_actor(pack_library) -> None:
    themes = list(pack_library.themes.values())
    rows = compare.differences(themes, ["us", "japan", "china", "lac"])
    assert [row["id"] for row in rows] == ["development-finance", "energy-transition"]
    finance, energy = rows
    assert finance["points"]["us"] == {"text": "Co-finances with partners.", "silent": False}
    assert finance["points"]["china"]["silent"] is True
    assert finance["points"]["lac"] == {"text": compare.SILENT_TEXT, "silent": True}
    assert energy["points"]["japan"] == {"text": "Japan looks to Chilean hydrogen.", "silent": False}


def test_step_stays_inside_the_grid() -> None:
    themes, actors = ["a", "b", "c"], ["us", "japan", "china"]
    assert compare.step(themes, actors, ("a", "us"), 1, 0) == ("b", "us")
    assert compare.step(themes, actors, ("a", "us"), 0, 2) == ("a", "china")
    assert compare.step(themes, actors, ("a", "us"), -1, -1) == ("a", "us")
    assert compare.step(themes, actors, ("c", "china"), 5, 5) == ("c", "china")
    assert compare.step(themes, actors, ("gone", "lac"), 0, 1) == ("a", "japan")
    assert compare.step([], actors, ("a", "us"), 1, 0) == ("a", "us")


def test_step_reading_order_runs_through_the_actors_then_the_themes() -> None:
    themes, actors = ["a", "b"], ["us", "japan"]
    assert compare.step_reading_order(themes, actors, ("a", "us"), 1) == ("a", "japan")
    assert compare.step_reading_order(themes, actors, ("a", "japan"), 1) == ("b", "us")
    assert compare.step_reading_order(themes, actors, ("b", "us"), -1) == ("a", "japan")
    assert compare.step_reading_order(themes, actors, ("b", "japan"), 1) == ("b", "japan")
    assert compare.step_reading_order(themes, actors, ("a", "us"), -1) == ("a", "us")


def test_evidence_items_resolve_and_skip_unknown_ids(pack_library) -> None:
    theme = pack_library.themes["development-finance"]
    items = compare.evidence_items(pack_library, compare.cell_for(theme, "japan"))
    assert [item.id for item in items] == ["demo-app-japan-finance", "demo-fig-fdi"]
    cell = _cell("us", evidence=["demo-rec-1", "no-such-item", "demo-rec-1"])
    assert [item.id for item in compare.evidence_items(pack_library, cell)] == ["demo-rec-1"]
    assert compare.evidence_items(pack_library, None) == []


def test_cell_sources_give_the_documents_and_their_perspective(pack_library) -> None:
    theme = pack_library.themes["development-finance"]
    sources = compare.cell_sources(pack_library, compare.cell_for(theme, "us"))
    assert [(source.id, source.perspective) for source in sources] == [("demo", "US think tank")]
    # A cell citing evidence but no sources still names the evidence's documents.
    evidence_only = compare.cell_sources(pack_library, _cell("us", evidence=["demo-rec-1"]))
    assert [source.id for source in evidence_only] == ["demo"]
    assert compare.cell_sources(pack_library, _cell("us", sources=["unknown"])) == []
    assert compare.cell_sources(pack_library, None) == []


def test_export_filename() -> None:
    assert compare.export_filename(None) == "comparison-all.md"
    assert compare.export_filename("energy-transition") == "comparison-energy-transition.md"


def test_unused_path_never_returns_an_existing_file(tmp_path: Path) -> None:
    wanted = tmp_path / "comparison-all.md"
    assert compare.unused_path(wanted) == wanted
    wanted.write_text("x")
    assert compare.unused_path(wanted) == tmp_path / "comparison-all-2.md"
    (tmp_path / "comparison-all-2.md").write_text("x")
    assert compare.unused_path(wanted) == tmp_path / "comparison-all-3.md"


def test_comparison_json_shape(pack_library) -> None:
    data = compare.comparison_json([pack_library.themes["development-finance"]])
    (theme,) = data["themes"]
    assert theme["id"] == "development-finance"
    china = next(cell for cell in theme["cells"] if cell["actor"] == "china")
    assert china["silent"] is True and china["evidence"] == []


def test_theme_model_accepts_cells_in_any_order() -> None:
    theme = Theme(id="t", title="T", cells=[_cell("china"), _cell("us")])
    assert compare.cell_for(theme, "us").actor == "us"
