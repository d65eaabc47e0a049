"""Content models rebuilt from the validated cache's JSON, without validating them again.

Everything in a store was validated before it was written (and the store is versioned), so a start
builds the dataclasses directly: no pydantic import, no schema, a fraction of the cost.
"""

from __future__ import annotations

from typing import Any

from briefing_tui.core.content.library import Briefing
from briefing_tui.core.models import (
    Approach,
    CaseStudy,
    Citation,
    ComparisonCell,
    Figure,
    Initiative,
    Item,
    Obstacle,
    Opportunity,
    Quote,
    Recommendation,
    Section,
    SourceDocument,
    Theme,
)

ITEM_MODELS: dict[str, type[Any]] = {
    "recommendation": Recommendation,
    "obstacle": Obstacle,
    "opportunity": Opportunity,
    "case-study": CaseStudy,
    "initiative": Initiative,
    "figure": Figure,
    "approach": Approach,
}
"""The model of each item kind."""


def item(data: dict[str, Any]) -> Item:
    """An item from its stored fields (``data`` is consumed)."""
    data["source"] = Citation(**data["source"])
    quote = data.get("quote")
    if quote is not None:
        data["quote"] = Quote(**quote)
    model: Item = ITEM_MODELS[data["kind"]](**data)
    return model


def briefing(data: dict[str, Any]) -> Briefing:
    return Briefing(
        source=SourceDocument(**data["source"]),
        sections=[Section(**section) for section in data["sections"]],
        file=data.get("file", ""),
    )


def theme(data: dict[str, Any]) -> Theme:
    return Theme(**{**data, "cells": [ComparisonCell(**cell) for cell in data["cells"]]})
