"""Fuzz the content loader: whatever a file holds, the answer is a clear problem list or a library."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.core.content import ContentError, load_library
from tests.conftest import PACK

BASE = tomllib.loads((PACK / "demo" / "briefing.toml").read_text())

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=50),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=5000),
)
values = st.recursive(
    scalars.filter(lambda value: value is not None),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12,
)


def check(folder: Path) -> None:
    try:
        library = load_library([folder], use_cache=False)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file and problem.message
            assert "Traceback" not in str(problem)
    else:
        assert library.briefings is not None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory, raw: bytes) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "random.toml").write_bytes(raw)
    check(folder)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    section=st.sampled_from(["source", "sections", "items", "themes"]),
    index=st.integers(min_value=0, max_value=7),
    key=st.sampled_from(["id", "kind", "title", "summary", "source", "countries", "related", "value", "cells", "x"]),
    value=values,
)
def test_one_field_replaced_by_anything(tmp_path_factory, section: str, index: int, key: str, value) -> None:
    data = tomllib.loads(tomli_w.dumps(BASE))
    target = data.get(section)
    if isinstance(target, list) and target:
        target[index % len(target)][key] = value
    elif isinstance(target, dict):
        target[key] = value
    else:
        data[section] = value
    folder = tmp_path_factory.mktemp("field")
    (folder / "pack.toml").write_text(tomli_w.dumps(data))
    check(folder)


def test_deep_nesting_and_huge_strings(tmp_path: Path) -> None:
    deep = "a = " + "[" * 5000 + "]" * 5000 + "\n"
    (tmp_path / "deep.toml").write_text(deep)
    huge = dict(BASE)
    huge["items"] = [dict(BASE["items"][0], summary="x" * 200_000)]
    (tmp_path / "huge.toml").write_text(tomli_w.dumps(huge))
    with pytest.raises(ContentError) as raised:
        load_library([tmp_path], use_cache=False)
    text = str(raised.value)
    assert "deep.toml" in text and "huge.toml" in text


def test_control_characters_and_unicode_load_and_are_kept_out_of_ids(tmp_path: Path) -> None:
    data = dict(BASE)
    data["items"] = [dict(item) for item in BASE["items"]]
    data["items"][0]["title"] = "Ünïcödé \u202e reversed \x07 bell"
    data["items"][1]["id"] = "bad id with spaces"
    (tmp_path / "pack.toml").write_text(tomli_w.dumps(data))
    with pytest.raises(ContentError) as raised:  # the id with spaces is refused; the odd title is not
        load_library([tmp_path], use_cache=False)
    assert [problem.field for problem in raised.value.problems] == ["id"]
