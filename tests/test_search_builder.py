"""The search index built in a process of its own from the TOML (``core.search.builder``) while the app loads."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from briefing_tui.core.content import cache, content_files, load_library
from briefing_tui.core.search import SearchIndex
from briefing_tui.core.search import builder as builder_module
from briefing_tui.core.search.builder import IndexBuilder, build, index_file
from briefing_tui.core.search.write import has_words
from tests.apphelpers import settle
from tests.conftest import PACK, REPO

ITEMS = 2_500
"""Enough for the app to load in a worker and keep the index in the cache (2,000 items, 3 MB)."""


@pytest.fixture(scope="module")
def large_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = generate
    spec.loader.exec_module(generate)
    out = tmp_path_factory.mktemp("large") / "pack"
    generate.generate(ITEMS, out)
    return out


def table(path: Path | None, index: SearchIndex | None = None) -> list[tuple]:
    db = index._db if index is not None else sqlite3.connect(str(path))
    return db.execute("SELECT rowid, id, title, summary, body, tags, facets FROM items ORDER BY rowid").fetchall()


def test_the_index_built_from_the_toml_holds_what_one_built_from_the_library_does(tmp_path: Path) -> None:
    library = load_library([PACK], use_cache=False)
    path = tmp_path / "index" / "index.sqlite"
    path.parent.mkdir()
    build(content_files([PACK]), path, lambda done, total: None)
    from_library = SearchIndex(library)
    assert table(path) == table(None, from_library)
    assert [found.name for found in path.parent.iterdir()] == ["index.sqlite"]  # no temporary file left
    kinds = sqlite3.connect(str(path)).execute("SELECT kind FROM kinds ORDER BY rowid").fetchall()
    assert [kind for (kind,) in kinds] == [entry.kind for entry in library.entries]


def test_an_index_of_other_items_is_not_used_but_rebuilt(tmp_path: Path) -> None:
    library = load_library([PACK], use_cache=False)
    other = tmp_path / "other"
    shutil.copytree(PACK, other)
    briefing = other / "demo" / "briefing.toml"
    first = library.entries[0].id
    briefing.write_text(briefing.read_text().replace(f'id = "{first}"', 'id = "demo-renamed"', 1))
    path = tmp_path / "index.sqlite"
    build(content_files([other]), path, lambda done, total: None)  # as many items, one id differs
    index = SearchIndex(library, path)
    assert table(path) == table(None, SearchIndex(library))
    hit = index.search("hydrogen").results[0]
    assert library.entries[library.positions[hit.id]].title == hit.title


async def test_a_large_pack_is_indexed_by_the_builder_while_it_loads(large_pack: Path) -> None:
    from briefing_tui.tui.app import BriefingApp

    app = BriefingApp(content=[str(large_pack)], use_cache=True)
    shown: list[str | None] = []
    original = app.show_index_progress

    def show(message: str | None) -> None:
        shown.append(message)
        original(message)

    app.show_index_progress = show  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        assert app._index_builder is not None  # started with the load
        await settle(app, pilot)
        assert app.search_index is not None and app.library is not None
        path = cache.index_path(app.library)
        assert path is not None and path == index_file(app.library.key or "")
        # The app opened the builder's file: it did not build one itself (its digest is the library's).
        assert app.search_index._db.execute("SELECT value FROM meta WHERE name = 'ids'").fetchone()
        assert len(app.search_index.search("hydrogen").results) > 0
        assert shown[-1] is None  # ready: the search box says no more
        assert any(message and message.startswith("indexing") for message in shown)
    leftovers = [found.name for found in path.parent.iterdir() if found.name.endswith(".tmp")]
    assert leftovers == []


def test_a_stopped_builder_leaves_no_temporary_file(large_pack: Path) -> None:
    started = IndexBuilder([str(large_pack)])
    lines: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        lines.append((done, total))
        started.stop()  # mid-build: the temporary file exists by now

    assert not started.wait(progress)
    assert lines and lines[0][0] < lines[0][1]
    files = content_files([large_pack])
    key = cache.content_key(files)
    assert key is not None
    folder = index_file(key).parent
    assert not folder.exists() or [found.name for found in folder.iterdir()] == []


def test_the_builder_writes_the_index_once_and_then_finds_it(large_pack: Path) -> None:
    seen: list[tuple[int, int]] = []
    first = IndexBuilder([str(large_pack)])
    assert first.wait(lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]  # progress up to every byte
    key = cache.content_key(content_files([large_pack]))
    assert key is not None and builder_module.complete(index_file(key))
    assert first.finish()  # the typo vocabulary added after "ready"
    db = sqlite3.connect(str(index_file(key)))
    assert has_words(db) and db.execute("SELECT count(*) FROM words_vocab").fetchone()[0] > 100
    db.close()
    again: list[tuple[int, int]] = []
    second = IndexBuilder([str(large_pack)])
    assert second.wait(lambda done, total: again.append((done, total)))
    assert again == []  # complete already: nothing read
    assert second.finish()


def test_search_runs_before_the_typo_vocabulary_is_in_and_corrects_typos_once_it_is(large_pack: Path) -> None:
    """The builder says "ready" with the index alone; the vocabulary follows while the app already searches."""
    files = content_files([large_pack])
    library = load_library([large_pack], use_cache=False)
    path = index_file("vocabulary-test")
    path.parent.mkdir(parents=True, exist_ok=True)
    build(files, path, lambda done, total: None)  # the index without its vocabulary, as at "ready"
    index = SearchIndex(library, path)
    assert len(index.search("hydrogen").results) > 0
    assert len(index.search("hydrogne").results) == 0  # a typo: nothing to correct it against yet
    builder_module.add_words(path)
    corrected = index.search("hydrogne")  # the same open index: it asks again, and finds the vocabulary
    assert len(corrected.results) > 0 and corrected.corrections == {"hydrogne": "hydrogen"}
    index.close()


async def test_a_search_typed_while_a_large_pack_loads_keeps_the_focus_and_its_words(large_pack: Path) -> None:
    """The content arriving must not move the focus to the navigator: the next letters would be commands."""
    from textual.widgets import Input

    from briefing_tui.tui.app import BriefingApp

    app = BriefingApp(content=[str(large_pack)], use_cache=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "h", "y")
        app.explorer.content_ready()  # what the loader calls when the content is in (a race to provoke in a test)
        await pilot.press("d", "r")
        field = app.screen.query_one("#search", Input)
        assert app.focused is field and field.value == "hydr"
