"""Numbers shown once, counts in English, figures in standard notation: how titles and values read."""

from __future__ import annotations

import re

import pytest

from briefing_tui.core import navtree
from briefing_tui.core.citations import numbered, section_label
from briefing_tui.core.vocab import count_of


@pytest.mark.parametrize(
    ("number", "title", "shown"),
    [
        ("1B", "Take stock of successful collaboration", "1B. Take stock of successful collaboration"),
        ("1B", "1B. Take stock of successful collaboration", "1B. Take stock of successful collaboration"),
        ("1", "Recommendation #1: Expand cooperation", "1. Expand cooperation"),
        ("2", "Recommendation 2: Further develop values", "2. Further develop values"),
        ("Figure 3", "Figure 3: US-Japan platforms", "Figure 3: US-Japan platforms"),
        ("", "Introduction", "Introduction"),
        ("2", "2020 in review", "2. 2020 in review"),
    ],
)
def test_a_number_is_shown_once(number: str, title: str, shown: str) -> None:
    assert numbered(number, title) == shown


def twice(number: str, label: str) -> bool:
    return bool(re.match(rf"{re.escape(number)}[.:]? (?:Recommendation\s*#?\s*)?{re.escape(number)}\b", label))


def test_bundled_sections_and_navigator_rows_show_each_number_once(bundled_library) -> None:
    numbered_sections = [section for _briefing, section in bundled_library.sections.values() if section.number]
    assert numbered_sections
    assert [section.id for section in numbered_sections if twice(section.number, section_label(section))] == []
    rows = []
    stack = navtree.build(bundled_library, "document")
    while stack:
        node = stack.pop()
        rows.append(node.label)
        if node.load_children is not None:
            stack.extend(node.load_children())
    assert len(rows) > 50
    assert [row for row in rows if re.match(r"(\w+)[.:]? (?:Recommendation\s*#?\s*)?\1\b", row)] == []


def test_counts_read_as_english() -> None:
    assert count_of(1, "obstacle") == "1 obstacle"
    assert count_of(12, "obstacle") == "12 obstacles"
    assert count_of(6, "opportunity") == "6 opportunities"
    assert count_of(2, "case-study") == "2 case studies"


def test_bundled_figures_are_in_standard_notation(bundled_library) -> None:
    """No dot thousands ("7.536" for 7,536) or decimal commas ("10,8") in a figure's value."""
    figures = [item for item in bundled_library.items.values() if item.kind == "figure"]
    assert len(figures) > 100
    dotted = [
        f"{item.id}: {item.value}" for item in figures if re.search(r"(?<![\d.])\d{1,3}\.\d{3}(?![\d%])", item.value)
    ]
    comma = [f"{item.id}: {item.value}" for item in figures if re.search(r"\d,\d{1,2}(?!\d)", item.value)]
    assert dotted == [] and comma == []


def test_a_unit_is_shown_only_when_the_value_does_not_say_it(bundled_library) -> None:
    from types import SimpleNamespace

    from briefing_tui.core.citations import item_details, unit_adds

    assert unit_adds(SimpleNamespace(value="0.75", unit="index value (0 to 1)"))
    assert not unit_adds(SimpleNamespace(value="82 percent", unit="percent of total Aid for Trade received"))
    assert not unit_adds(SimpleNamespace(value="US$12 billion", unit="US dollars"))
    figure = bundled_library.items["idb-fig-aft-costa-rica"]
    assert "Value: 82 percent\n" in item_details(figure) + "\n"
