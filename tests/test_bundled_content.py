"""Guards on the bundled briefings: citations, figures traceable, kinds each document supports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing_tui.core.models import sentence_count
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
SEED_FILES = {
    "iad": "000_233be33cd8f454c6.txt",
    "wilson": "001_03672fda96f62956.txt",
    "idb": "002_4ae7c5027322def5.txt",
    "ppp": "003_983c363e77a2e4f6.txt",
    "dsr": "004_3b0fd8f614881d4c.txt",
}
EXPECTED_KINDS = {
    "iad": {"recommendation", "obstacle", "opportunity", "case-study", "initiative", "approach"},
    "wilson": {"recommendation", "obstacle", "opportunity", "case-study", "initiative", "figure", "approach"},
    "idb": {"recommendation", "obstacle", "opportunity", "case-study", "initiative", "figure", "approach"},
    "ppp": {"recommendation", "obstacle", "opportunity", "case-study", "initiative", "figure", "approach"},
    "dsr": {"recommendation", "obstacle", "opportunity", "case-study", "initiative", "figure", "approach"},
}


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\$", "$").replace(",", "")).lower()


def test_every_briefing_is_bundled(bundled_library) -> None:
    assert set(SEED_FILES) <= set(bundled_library.briefings)


def test_every_item_cites_an_existing_section(bundled_library) -> None:
    for item in bundled_library.items.values():
        section = bundled_library.section_of(item)
        assert section is not None, item.id
        assert bundled_library.briefing_of_section(section.id) == item.source.document


def test_ids_are_prefixed_by_their_briefing(bundled_library) -> None:
    for item in bundled_library.items.values():
        assert item.id.startswith(item.source.document + "-"), item.id
    for section_id, (briefing_id, _section) in bundled_library.sections.items():
        assert section_id.startswith(briefing_id + "-"), section_id


@pytest.mark.parametrize("briefing_id", sorted(SEED_FILES))
def test_briefing_has_the_kinds_its_document_supports(bundled_library, briefing_id: str) -> None:
    kinds = {item.kind for item in bundled_library.items_in(briefing_id)}
    assert EXPECTED_KINDS[briefing_id] <= kinds


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def source_numbers(text: str) -> set[str]:
    """Every number of a source, in standard notation too where a table writes 7.536 (7,536) or 10,8 (10.8)."""
    found = set()
    for raw in NUMBER.findall(text.replace("\\$", "$")):
        found.add(raw.replace(",", ""))
        found |= set(re.split(r"[.,]", raw))  # footnote markers glued to figures ("2014.15")
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
            found.add(raw.replace(".", ""))
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d+", raw):
            found.add(raw.replace(".", "").replace(",", "."))
    return found


@pytest.mark.skipif(not SEEDS.exists(), reason="source documents not beside the checkout")
def test_figure_values_appear_in_their_source(bundled_library) -> None:
    numbers = {
        briefing: source_numbers((SEEDS / name).read_text(encoding="utf-8")) for briefing, name in SEED_FILES.items()
    }
    missing = []
    for item in bundled_library.items.values():
        if item.kind != "figure" or item.source.document not in numbers:
            continue
        for number in NUMBER.findall(item.value):
            if number.replace(",", "") not in numbers[item.source.document]:
                missing.append(f"{item.id}: {item.value}")
    assert not missing


def test_source_numbers_read_dot_thousands() -> None:
    assert {"7536", "10.8", "2014"} <= source_numbers("Total 7.536 and 10,8 percent in 2014.15")
    assert "7.5" not in source_numbers("Total 7.536")


def test_summaries_are_short(bundled_library) -> None:
    too_long = [item.id for item in bundled_library.items.values() if sentence_count(item.summary) > 5]
    assert not too_long


def test_no_extraction_defects(bundled_library) -> None:
    bad = []
    for item in bundled_library.items.values():
        for text in (item.title, item.summary, item.body):
            if "\\$" in text or re.search(r"\bapan\b", text) or re.search(r"[a-z]{3,}\d{1,2}\b", text):
                bad.append(item.id)
    assert not bad


def test_comparison_rests_on_existing_items(bundled_library) -> None:
    assert len(bundled_library.themes) >= 8
    for theme in bundled_library.themes.values():
        actors = {cell.actor for cell in theme.cells}
        assert {"us", "japan", "china"} <= actors, theme.id
        for cell in theme.cells:
            assert cell.silent or cell.evidence, f"{theme.id}/{cell.actor} has no evidence"


def test_content_folder_is_where_the_package_finds_it() -> None:
    from briefing_tui.core.content import bundled_content_dir

    assert (
        Path(bundled_content_dir()).resolve() == (REPO / "content").resolve()
        or (Path(bundled_content_dir()) / "iad").exists()
    )
