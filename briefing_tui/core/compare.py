"""The side-by-side comparison: themes x actors, as data the CLI, app and exports share."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing_tui.core.content import Library
from briefing_tui.core.models import ComparisonCell, Item, SourceDocument, Theme
from briefing_tui.core.text import SILENT_TEXT, first_sentence
from briefing_tui.core.vocab import COMPARISON_ACTORS

MAIN_ACTORS = ("us", "japan", "china")


def theme_actors(library: Library) -> list[str]:
    """Columns to show: US, Japan, China, plus LAC (and any other actor) where content has it."""
    present = {cell.actor for theme in library.themes.values() for cell in theme.cells}
    columns = list(MAIN_ACTORS)
    columns += [actor for actor in COMPARISON_ACTORS if actor not in columns and actor in present]
    columns += sorted(actor for actor in present if actor not in columns)
    return columns


def cell_for(theme: Theme, actor: str) -> ComparisonCell | None:
    return next((cell for cell in theme.cells if cell.actor == actor), None)


def find_theme(library: Library, text: str) -> Theme | None:
    """A theme by id, or by a unique case-insensitive part of its title."""
    if text in library.themes:
        return library.themes[text]
    needle = text.lower()
    matches = [theme for theme in library.themes.values() if needle in theme.title.lower() or needle in theme.id]
    return matches[0] if len(matches) == 1 else None


def cell_id(theme_id: str, actor: str) -> str:
    """The bookmark target id of a comparison cell."""
    return f"compare:{theme_id}:{actor}"


def parse_cell_id(target: str) -> tuple[str, str] | None:
    parts = target.split(":")
    if len(parts) == 3 and parts[0] == "compare":
        return parts[1], parts[2]
    return None


def comparison_json(themes: list[Theme]) -> dict[str, Any]:
    """The JSON contract of ``briefing-tui compare --json``."""
    return {
        "themes": [
            {
                "id": theme.id,
                "title": theme.title,
                "summary": theme.summary,
                "cells": [
                    {
                        "actor": cell.actor,
                        "stance": cell.stance,
                        "instruments": list(cell.instruments),
                        "evidence": list(cell.evidence),
                        "sources": list(cell.sources),
                        "silent": cell.silent,
                        "contrast": cell.contrast,
                    }
                    for cell in theme.cells
                ],
            }
            for theme in themes
        ]
    }


# -- helpers for the comparison screen and its differences view ----------------------


def contrast_point(cell: ComparisonCell | None) -> str:
    """What sets this cell apart: its ``contrast`` line, else the first sentence of its stance."""
    if cell is None:
        return SILENT_TEXT
    if cell.contrast.strip():
        return " ".join(cell.contrast.split())
    return first_sentence(cell.stance)


def is_silent(cell: ComparisonCell | None) -> bool:
    """True for a cell the content lacks or marks silent."""
    return cell is None or cell.silent


def differences(themes: Sequence[Theme], actors: Sequence[str]) -> list[dict[str, Any]]:
    """One row per theme, one contrasting point per actor (the differences view as data)."""
    rows = []
    for theme in themes:
        points = {}
        for actor in actors:
            cell = cell_for(theme, actor)
            points[actor] = {"text": contrast_point(cell), "silent": is_silent(cell)}
        rows.append({"id": theme.id, "title": theme.title, "points": points})
    return rows


def step(
    themes: Sequence[str], actors: Sequence[str], current: tuple[str, str], rows: int, columns: int
) -> tuple[str, str]:
    """The cell ``rows`` themes down and ``columns`` actors right of ``current``, kept inside the grid."""
    if not themes or not actors:
        return current
    theme, actor = current
    row = themes.index(theme) if theme in themes else 0
    column = actors.index(actor) if actor in actors else 0
    row = max(0, min(len(themes) - 1, row + rows))
    column = max(0, min(len(actors) - 1, column + columns))
    return themes[row], actors[column]


def step_reading_order(
    themes: Sequence[str], actors: Sequence[str], current: tuple[str, str], delta: int
) -> tuple[str, str]:
    """The cell ``delta`` places on in reading order (actor by actor, then theme by theme)."""
    if not themes or not actors:
        return current
    theme, actor = current
    row = themes.index(theme) if theme in themes else 0
    column = actors.index(actor) if actor in actors else 0
    index = max(0, min(len(themes) * len(actors) - 1, row * len(actors) + column + delta))
    return themes[index // len(actors)], actors[index % len(actors)]


def evidence_items(library: Library, cell: ComparisonCell | None) -> list[Item]:
    """The items a cell cites, resolved (former ids too); ids no longer in the content are skipped."""
    if cell is None:
        return []
    found: dict[str, Item] = {}
    for target in cell.evidence:
        item = library.item(target)
        if item is not None and item.id not in found:
            found[item.id] = item
    return list(found.values())


def cell_sources(library: Library, cell: ComparisonCell | None) -> list[SourceDocument]:
    """The documents a cell rests on: its ``sources``, then the documents of its evidence."""
    if cell is None:
        return []
    ids = list(cell.sources) + [item.source.document for item in evidence_items(library, cell)]
    seen: dict[str, SourceDocument] = {}
    for source_id in ids:
        briefing = library.briefings.get(source_id)
        if briefing is not None and source_id not in seen:
            seen[source_id] = briefing.source
    return list(seen.values())


def export_filename(theme_id: str | None) -> str:
    """The default file name of a comparison export: ``comparison-<theme or all>.md``."""
    return f"comparison-{theme_id or 'all'}.md"


def unused_path(path: Path) -> Path:
    """``path``, or the first of ``name-2.md``, ``name-3.md`` ... that does not exist yet."""
    candidate = path
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate
