"""The loader: good packs load, every kind of bad pack gets messages naming file, item and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.core.content import ContentError, load_library
from tests.conftest import FIXTURES, PACK

BAD = FIXTURES / "bad"


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_library([folder], use_cache=False)
    return [str(problem) for problem in caught.value.problems]


def test_fixture_pack_loads_with_lookups(pack_library) -> None:
    assert list(pack_library.briefings) == ["demo"]
    assert [section.id for section in pack_library.briefings["demo"].sections] == ["demo-intro", "demo-way-forward"]
    item = pack_library.item("demo-rec-1a")
    assert item is not None and item.parent == "demo-rec-1"
    assert pack_library.children["demo-rec-1"] == ["demo-rec-1a"]
    related = [other.id for other in pack_library.related("demo-rec-1")]
    assert "demo-obs-financing" in related and "demo-rec-1a" in related
    assert pack_library.resolve("demo-intro")[0] == "section"
    assert pack_library.resolve("demo")[0] == "briefing"
    assert pack_library.resolve("nope") is None


def test_section_items_put_recommendations_first(pack_library) -> None:
    kinds = [pack_library.items[item_id].kind for item_id in pack_library.section_items["demo-intro"]]
    assert kinds.index("obstacle") < kinds.index("figure") < kinds.index("approach")


def test_toml_syntax_error_names_file_line_and_column() -> None:
    [message] = problems_of(BAD / "syntax")
    assert message.startswith("syntax/broken.toml:3:")
    assert "invalid TOML" in message


def test_schema_errors_name_item_and_field() -> None:
    messages = problems_of(BAD / "schema")
    assert (
        "schema/briefing.toml: item 'demo-obs-financing': field 'colour': unknown field (not in the schema)" in messages
    )
    assert "schema/briefing.toml: item 'demo-fig-fdi': field 'value': Field required" in messages


def test_dangling_references_are_reported() -> None:
    messages = problems_of(BAD / "refs")
    assert any("item 'demo-rec-1': field 'related': no item 'demo-obs-nowhere'" in line for line in messages)
    assert any("item 'demo-rec-1a': field 'parent': no item 'demo-rec-9'" in line for line in messages)
    assert any(
        "item 'demo-case-smart-city': field 'source.section': no section 'demo-missing'" in line for line in messages
    )


def test_vocabulary_typos_suggest_the_right_slug() -> None:
    messages = problems_of(BAD / "vocab")
    assert any("field 'countries': unknown country 'brazl' (did you mean 'brazil'?)" in line for line in messages)
    assert any("field 'sectors': unknown sector 'energie' (did you mean 'energy'?)" in line for line in messages)


def test_duplicate_ids_across_packs(tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "dup.toml").write_text((PACK / "demo" / "briefing.toml").read_text())
    with pytest.raises(ContentError) as caught:
        load_library([PACK, copy], use_cache=False)
    text = str(caught.value)
    assert "duplicate source id" in text and "duplicate item id" in text


def test_binary_file_is_a_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "junk.toml").write_bytes(b"\xff\xfe\x00binary")
    [message] = problems_of(tmp_path)
    assert "junk.toml" in message and "not UTF-8" in message


def test_missing_folder_and_empty_folder(tmp_path: Path) -> None:
    assert "no such content folder" in problems_of(tmp_path / "absent")[0]
    assert "no .toml content files" in problems_of(tmp_path)[0]


def _contents(library) -> tuple:
    """Everything a library holds, full items included, for comparing two loads."""
    return (
        library.data.briefings,
        library.data.themes,
        [library.items[entry.id] for entry in library.entries],
        [entry.row() for entry in library.entries],
    )


def test_cache_round_trip_gives_the_same_library(tmp_path: Path) -> None:
    fresh = load_library([PACK], use_cache=False)
    first = load_library([PACK], use_cache=True)
    second = load_library([PACK], use_cache=True)
    assert first.store is not None and second.store is not None
    assert _contents(fresh) == _contents(first) == _contents(second)
    from briefing_tui.core.storage import paths

    [cached] = paths.cache_dir().glob("library-*.sqlite")
    # A truncated cache is ignored (and rebuilt), never trusted.
    cached.write_bytes(cached.read_bytes()[: cached.stat().st_size // 2])
    assert _contents(load_library([PACK], use_cache=True)) == _contents(fresh)
    # So is a file that is not a database at all.
    cached.write_bytes(b"not a database")
    assert _contents(load_library([PACK], use_cache=True)) == _contents(fresh)


def test_store_backed_library_answers_like_an_in_memory_one() -> None:
    memory = load_library([PACK], use_cache=False)
    stored = load_library([PACK], use_cache=True)
    assert stored.store is not None and memory.store is None
    some = [entry.id for entry in memory.entries]
    for item_id in some:
        assert stored.item(item_id) == memory.item(item_id)
        assert stored.related(item_id) == memory.related(item_id)
        assert stored.title_of(item_id) == memory.title_of(item_id)
    assert list(stored.iter_items()) == list(memory.iter_items())
    assert stored.filter(kind="recommendation") == memory.filter(kind="recommendation")
    assert stored.section_items == memory.section_items


def test_a_bad_pack_leaves_no_store(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (PACK / "demo" / "briefing.toml").read_text()
    (pack / "demo.toml").write_text(text.replace('related = ["', 'related = ["no-such-item", "', 1))
    assert any("no-such-item" in message for message in problems_of(pack))
    with pytest.raises(ContentError):
        load_library([pack], use_cache=True)
    from briefing_tui.core.storage import paths

    assert not list(paths.cache_dir().glob("library-*")) and not list(paths.cache_dir().glob(".library-*"))


def test_changed_file_invalidates_cache(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (PACK / "demo" / "briefing.toml").read_text()
    (pack / "demo.toml").write_text(text)
    assert load_library([pack]).item("demo-rec-1").title == "Coordinate development finance"
    (pack / "demo.toml").write_text(text.replace("Coordinate development finance", "Pool development finance"))
    assert load_library([pack]).item("demo-rec-1").title == "Pool development finance"


def test_environment_variable_selects_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_TUI_CONTENT", str(PACK))
    assert list(load_library(use_cache=False).briefings) == ["demo"]


def test_documented_example_is_the_tested_fixture() -> None:
    from tests.conftest import REPO

    assert (REPO / "docs" / "content-example.toml").read_text() == (PACK / "demo" / "briefing.toml").read_text()


def test_fast_parser_reports_tomllib_errors_and_validate_stays_strict(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (PACK / "demo" / "briefing.toml").read_text()
    (pack / "demo.toml").write_text(text + '\n[broken\nx = "y"\n')
    strict = problems_of(pack)
    with pytest.raises(ContentError) as caught:
        load_library([pack], use_cache=True)  # the app's path: rtoml first
    assert [str(problem) for problem in caught.value.problems] == strict
    assert "invalid TOML" in strict[0] and ":" in strict[0].split(" ")[0]  # file:line:column

    # TOML 1.1 syntax: the app's fast parser reads it, `validate` (TOML 1.0) refuses it.
    (pack / "demo.toml").write_text(
        text + '\n[[themes]]\nid = "t"\ntitle = "T"\ncells = [{ actor = "us", stance = "S", },]\n'
    )
    assert "invalid TOML" in problems_of(pack)[0]
    assert load_library([pack], use_cache=True).themes["t"].cells[0].stance == "S"


def test_unwritable_cache_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    library = load_library([PACK], use_cache=True)
    assert library.store is None  # loaded into memory instead
    assert _contents(library) == _contents(load_library([PACK], use_cache=False))
