"""The side-by-side comparison: themes x actors, as data the CLI, app and exports share."""

from __future__ import annotations

from typing import Any

from briefing_tui.content import Library
from briefing_tui.models import ComparisonCell, Theme
from briefing_tui.vocab import COMPARISON_ACTORS

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
