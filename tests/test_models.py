"""The content models' equality and repr are written once in ``Strict`` (not generated per class): same semantics."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing_tui.core.models import Citation, Quote


def test_models_are_equal_by_class_and_fields_and_are_unhashable() -> None:
    quote = Quote(text="We must act.", attribution="A minister")
    assert quote == Quote(text="We must act.", attribution="A minister")
    assert quote != replace(quote, attribution="Another minister")
    assert quote != Citation(document="wilson", section="wilson-intro")
    assert (quote == "We must act.") is False
    with pytest.raises(TypeError):
        hash(quote)


def test_a_models_repr_names_its_class_and_fields() -> None:
    citation = Citation(document="wilson", section="wilson-intro")
    assert repr(citation).startswith("Citation(document='wilson', section='wilson-intro'")
