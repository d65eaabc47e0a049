"""A dossier bookmarked as a whole: the target kind, the memo and exports, the CLI, the dossier and bookmarks screens."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib

from textual.widgets import DataTable, TextArea

from briefing_tui.core.export import bookmarks_json, memo_markdown
from briefing_tui.core.export.docx import bookmarks_docx
from briefing_tui.core.export.memo import build_memo
from briefing_tui.core.storage import paths
from briefing_tui.core.storage.bookmarks import BookmarkStore, infer_kind, resolves
from briefing_tui.tui.dialogs.note import NoteDialog
from briefing_tui.tui.screens.bookmarks import BookmarksScreen
from briefing_tui.tui.screens.dossier import DossierScreen
from briefing_tui.tui.screens.explorer import ExplorerScreen
from tests.apphelpers import drawn_text, make_app, settle, text_of

JAPAN_IN_BRAZIL = "dossier:actor=japan,country=brazil"
STALE = "dossier:country=atlantis"


def test_a_dossier_target_is_its_own_kind_and_an_unknown_one_is_missing(bundled_library) -> None:
    assert infer_kind(bundled_library, JAPAN_IN_BRAZIL) == "dossier"
    assert infer_kind(bundled_library, "dossier:sector=energy") == "dossier"
    for stale in (STALE, "dossier:", "dossier:planet=mars", "dossier:country=brazil,country=chile"):
        assert infer_kind(bundled_library, stale) is None, stale
    store = BookmarkStore()
    store.add(STALE, "dossier", note="keep me")
    assert not resolves(bundled_library, store.get(STALE))
    assert store.missing(bundled_library)[0].note == "keep me"


def test_a_malformed_dossier_id_is_told_what_is_wrong_and_a_good_one_nothing() -> None:
    from briefing_tui.core.dossier import known_filters, target_problem

    said = {
        "dossier:": "names no filter",
        "dossier:actor": "'actor' has no value",
        "dossier:actor=": "'actor' has no value",
        "dossier:planet=mars": "'planet' is not a dossier filter (they are country, actor, sector",
        "dossier:country=brazil,country=chile": "'country' is given twice",
        "dossier:actor=japn": "'japn' is not an actor the briefings use (did you mean: japan?)",
        STALE: "'atlantis' is not a country the briefings use",
        "dossier:actor=japan,": "an empty filter",
        "compare:energy-transition:japan": "is not a dossier id",
    }
    for target, words in said.items():
        problem = target_problem(target)
        assert problem is not None and words in problem, (target, problem)
        assert known_filters(target) is None, target
    for target in (JAPAN_IN_BRAZIL, "dossier:country=brazil,actor=japan", "dossier:sector=energy"):
        assert target_problem(target) is None and known_filters(target) is not None


def test_the_file_says_version_3_only_while_it_holds_a_dossier() -> None:
    store = BookmarkStore()
    store.add("demo-rec-1", "item")
    assert tomllib.loads(paths.bookmarks_file().read_text())["version"] == 2  # older versions still read it
    store.add(JAPAN_IN_BRAZIL, "dossier", note="for Tuesday")
    assert tomllib.loads(paths.bookmarks_file().read_text())["version"] == 3
    again = BookmarkStore()
    assert again.get(JAPAN_IN_BRAZIL) is not None and again.get(JAPAN_IN_BRAZIL).note == "for Tuesday"
    assert not again.take_warnings()


def test_memo_markdown_word_and_json_show_a_dossier_bookmark(bundled_library) -> None:
    from docx import Document

    store = BookmarkStore()
    store.add("idb-case-cerrado", "item")
    store.add(JAPAN_IN_BRAZIL, "dossier", note="Lead with the Cerrado")
    store.add(STALE, "dossier", note="an old one")
    for group_by in ("briefing", "kind", "order"):
        text = memo_markdown(build_memo(bundled_library, store.all(), group_by))
        assert "Dossier: Japan in Brazil" in text and "Lead with the Cerrado" in text
        assert "briefing-tui dossier --actor japan --country brazil" in text
        assert f"`{STALE}`" not in text and STALE in text  # missing: its id as the heading, note kept
    memo = build_memo(bundled_library, store.all(), "briefing")
    assert [group.title for group in memo.groups][-2:] == ["Dossiers", "Missing items"]
    entry = memo.groups[-2].entries[0]
    assert "items in 3 of the 5 briefings concern Japan in Brazil" in entry.body
    assert "Inter-American Development Bank" in entry.citation
    document = Document(io.BytesIO(bookmarks_docx(bundled_library, store.all())))
    assert "Dossier: Japan in Brazil" in [paragraph.text for paragraph in document.paragraphs]
    data = json.loads(bookmarks_json(bundled_library, store.all()))
    resolved = {row["target"]: row["resolved"] for row in data["bookmarks"]}
    assert resolved[JAPAN_IN_BRAZIL]["kind"] == "dossier"
    assert resolved[JAPAN_IN_BRAZIL]["filters"] == {"actor": "japan", "country": "brazil"}
    assert resolved[STALE] is None


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, COLUMNS="200"),
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_cli_adds_a_dossier_under_one_id_and_lists_it_with_its_title() -> None:
    added = cli("bookmarks", "add", "dossier:country=brazil,actor=japan", "--note", "Tuesday")
    assert added.returncode == 0 and JAPAN_IN_BRAZIL in added.stdout
    assert cli("bookmarks", "add", JAPAN_IN_BRAZIL).stdout.startswith("already bookmarked")
    stale = cli("bookmarks", "add", STALE)
    assert stale.returncode == 1 and "'atlantis' is not a country the briefings use" in stale.stderr
    typo = cli("bookmarks", "add", "dossier:actor=japn")
    assert typo.returncode == 1 and "did you mean: japan?" in typo.stderr
    BookmarkStore().add(STALE, "dossier")
    listing = cli("bookmarks", "list").stdout
    assert "Dossier: Japan in Brazil" in listing and "(missing)" in listing
    assert "dossier" in cli("bookmarks", "list", "--format", "tsv").stdout.splitlines()[1].split("\t")


async def open_dossier(app, pilot, target: str = JAPAN_IN_BRAZIL) -> DossierScreen:
    app.open_target(target)
    for _ in range(100):
        await pilot.pause(0.01)
        if isinstance(app.screen, DossierScreen):
            break
    assert isinstance(app.screen, DossierScreen)
    return app.screen


async def test_b_bookmarks_the_dossier_u_undoes_and_e_writes_its_note() -> None:
    app = make_app(content=None)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        screen = await open_dossier(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        bookmark = BookmarkStore().get(JAPAN_IN_BRAZIL)
        assert bookmark is not None and bookmark.target_kind == "dossier"
        assert "Bookmarked: Dossier: Japan in Brazil" in drawn_text(app)
        assert text_of(screen.query_one("#dossier-text")).startswith("★ Dossier: Japan in Brazil")
        await pilot.press("b")
        await pilot.pause()
        assert not BookmarkStore().is_bookmarked(JAPAN_IN_BRAZIL)
        await pilot.press("u")
        await pilot.pause()
        assert BookmarkStore().is_bookmarked(JAPAN_IN_BRAZIL)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one(TextArea).text = "[bold]Ask[/] about the Cerrado"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert BookmarkStore().get(JAPAN_IN_BRAZIL).note == "[bold]Ask[/] about the Cerrado"
        assert "[bold]Ask[/] about the Cerrado" in text_of(screen.query_one("#dossier-text"))


async def test_the_bookmarks_screen_opens_a_dossier_and_keeps_a_stale_one() -> None:
    store = BookmarkStore()
    store.add(JAPAN_IN_BRAZIL, "dossier", note="Tuesday")
    store.add(STALE, "dossier", note="an old one")
    app = make_app(content=None)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        table = app.screen.query_one(DataTable)
        shown = drawn_text(app)
        assert "Dossier: Japan in Brazil" in shown and "dossier:country=atlantis (missing)" in shown
        table.move_cursor(row=1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert "not in the loaded content" in drawn_text(app)
        table.move_cursor(row=0)
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.01)
            if isinstance(app.screen, DossierScreen):
                break
        assert isinstance(app.screen, DossierScreen) and app.screen.filters == {"actor": "japan", "country": "brazil"}
        assert "Tuesday" in text_of(app.screen.query_one("#dossier-text"))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
