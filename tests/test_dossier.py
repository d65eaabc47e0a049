"""The dossier: one page on an actor in a country, in the core, the CLI and the app."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from textual.widgets import OptionList

from briefing_tui.core.dossier import build_dossier, parse_target
from briefing_tui.core.export.dossier import dossier_docx, dossier_markdown
from briefing_tui.core.vocab import ACTORS, COUNTRIES
from briefing_tui.tui.screens.dossier import DossierScreen
from briefing_tui.tui.screens.explorer import ExplorerScreen
from briefing_tui.tui.widgets.navigator import Navigator
from tests.apphelpers import drawn_text, make_app, settle, text_of


def test_japan_in_brazil_has_the_cerrado_and_isdb_tb_with_citations(bundled_library) -> None:
    dossier = build_dossier(bundled_library, country="brazil", actor="japan")
    lines = {entry.target: entry for _title, entries in dossier.groups for entry in entries}
    assert "idb-case-cerrado" in lines and "cerrado" in lines["idb-case-cerrado"].line.lower()
    assert any("ISDB-Tb" in entry.line for entry in lines.values())
    assert all(entry.citation for entry in lines.values())
    assert lines["idb-case-cerrado"].citation.startswith("Inter-American Development Bank, 2013, § ")
    titles = [title for title, _entries in dossier.groups]
    assert titles[0] == "Key figures" and titles[-1] == "The comparison: Japan by theme"
    assert dossier.overview[0].startswith(f"{len(lines) - len(dossier.groups[-1][1])} items in 3 of the 5 briefings")
    assert dossier.target == "dossier:actor=japan,country=brazil"
    assert parse_target(dossier.target) == {"actor": "japan", "country": "brazil"}


def test_every_country_and_actor_makes_a_dossier_or_says_what_to_relax(bundled_library) -> None:
    for country in COUNTRIES:
        for actor in ("us", "japan", "china"):
            dossier = build_dossier(bundled_library, country=country, actor=actor)
            assert dossier.groups or "Relax a filter" in dossier.overview[0] or "Try another" in dossier.overview[0]
    for actor in ACTORS:
        build_dossier(bundled_library, actor=actor)
    empty = build_dossier(bundled_library, country="haiti", actor="china")
    assert empty.empty and "without actor 'china'" in empty.relax


def test_dossier_exports_to_markdown_and_word(bundled_library) -> None:
    from docx import Document

    dossier = build_dossier(bundled_library, country="brazil", actor="japan")
    text = dossier_markdown(dossier)
    assert text.startswith("# Dossier: Japan in Brazil\n") and "## Case studies" in text
    document = Document(io.BytesIO(dossier_docx(dossier)))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == "Dossier: Japan in Brazil"
    assert any("Cerrado" in paragraph for paragraph in paragraphs)


def test_cli_dossier_json_and_errors() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "briefing_tui", "dossier", *args], capture_output=True, text=True)

    data = json.loads(run("--country", "brazil", "--actor", "japan", "--json").stdout)
    assert data["title"] == "Japan in Brazil"
    assert any(entry["id"] == "idb-case-cerrado" for group in data["groups"] for entry in group["entries"])
    assert run().returncode == 2
    assert run("--country", "narnia").returncode == 2
    assert "Cerrado" in run("--country", "brazil", "--actor", "japan").stdout  # piped: Markdown


async def test_the_dossier_screen_opens_from_the_palette_and_back_returns_to_it() -> None:
    app = make_app(content=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "dossier: japan in brazil":
            await pilot.press(key)
        palette = app.screen
        for _ in range(200):
            await pilot.pause(0.01)
            if palette.query("CommandList") and palette.query_one("CommandList").option_count:
                break
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.01)
            if isinstance(app.screen, DossierScreen):
                break
        screen = app.screen
        assert isinstance(screen, DossierScreen) and screen.dossier is not None
        assert "Dossier: Japan in Brazil" in text_of(screen.query_one("#dossier-text"))
        entries = screen.query_one("#dossier-entries", OptionList)
        index = entries.get_option_index("idb-case-cerrado")
        entries.highlighted = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ExplorerScreen) and app.screen.current_target == "idb-case-cerrado"
        await pilot.press("left_square_bracket")
        for _ in range(100):
            await pilot.pause(0.01)
            if isinstance(app.screen, DossierScreen):
                break
        assert isinstance(app.screen, DossierScreen)


async def wait_for(pilot, condition) -> None:
    for _ in range(200):
        await pilot.pause(0.01)
        if condition():
            return


def footer_keys(app) -> list[str]:
    from briefing_tui.tui.widgets.footer import KeyFooter

    return [key.action for key in app.screen.query_one(KeyFooter).shown]


async def test_d_in_the_navigator_opens_the_dossier_of_its_country_and_of_an_actor_under_it() -> None:
    app = make_app(content=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        nav = app.screen.query_one(Navigator)
        await pilot.press("D")  # grouped by document: no dossier, and the footer does not offer one
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen) and "dossier" not in footer_keys(app)
        await pilot.press("g", "g", "g")
        assert nav.grouping == "country"
        brazil = next(node for node in nav.root.children if str(node.label).startswith("Brazil"))
        nav.move_cursor(brazil)
        await wait_for(pilot, lambda: "dossier" in footer_keys(app))
        assert "dossier" in footer_keys(app)
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        assert isinstance(app.screen, DossierScreen) and app.screen.filters == {"country": "brazil"}
        assert "Dossier: Brazil" in text_of(app.screen.query_one("#dossier-text"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ExplorerScreen))
        brazil.expand()
        await pilot.pause()
        by_actor = brazil.children[-1]
        assert str(by_actor.label) == "By actor"
        by_actor.expand()
        await pilot.pause()
        japan = next(node for node in by_actor.children if str(node.label).startswith("Japan"))
        nav.move_cursor(japan)
        await pilot.pause()
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        screen = app.screen
        assert isinstance(screen, DossierScreen) and screen.filters == {"country": "brazil", "actor": "japan"}
        assert "Dossier: Japan in Brazil" in text_of(screen.query_one("#dossier-text"))
        assert screen.query_one("#dossier-entries", OptionList).get_option_index("idb-case-cerrado") >= 0


async def test_help_lists_the_dossier_and_acronyms_keys_and_the_dossier_screen() -> None:
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        shown = "\n".join(text_of(widget) for widget in app.screen.query(Static))
        lines = [" ".join(line.split()) for line in shown.splitlines()]
        assert "D Dossier" in lines and "A Acronyms" in lines
        assert "?, f1 Help" in lines and "[, alt+← Back" in lines  # keys as the footer shows them, not key names
        dossier = lines[lines.index("Dossier") :]
        assert dossier[1:6] == ["esc Back", "p Present", "x Export", "b Bookmark", "e Note"]


async def test_at_80_columns_the_footer_has_every_dossier_key_and_entries_keep_to_two_lines() -> None:
    app = make_app(content=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(DossierScreen({"country": "brazil"}))
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen) and footer_keys(app))
        shown = footer_keys(app)
        for action in ("back", "app.present", "export", "app.toggle_bookmark", "app.edit_note"):
            assert action in shown, action
        lines = drawn_text(app).splitlines()
        heading = next(number for number, line in enumerate(lines) if "Key figures (" in line)
        first, citation, second = (line[1:] for line in lines[heading + 1 : heading + 4])  # [0]: the list's border
        # Each entry: its line, then its citation, each cut to the width (wrapped, the list was unreadable).
        assert first.startswith("  ") and not first.startswith("    ")
        assert citation.startswith("    ")
        assert second.startswith("  ") and not second.startswith("    ")


# -- presenting a dossier ---------------------------------------------------------------------------


def test_a_dossier_deck_opens_on_its_overview_then_has_one_slide_per_entry(bundled_library) -> None:
    from briefing_tui.core.slides import dossier_deck

    dossier = build_dossier(bundled_library, country="brazil", actor="japan")
    deck = dossier_deck(bundled_library, {"country": "brazil", "actor": "japan"})
    entries = [entry.target for _title, group in dossier.groups for entry in group]
    assert deck.title == "Dossier: Japan in Brazil"
    opening = deck.slides[0]
    assert (opening.title, opening.kicker, opening.target) == ("Japan in Brazil", "Dossier", dossier.target)
    assert opening.bullets[0].startswith("102 items in 3 of the 5 briefings concern Japan in Brazil")
    assert all("Its view" not in bullet for bullet in opening.bullets)  # one sentence a briefing on the slide...
    assert "Its view, in one of its approach items" in opening.notes  # ...its view in the notes
    assert [slide.target for slide in deck.slides[1:]] == entries  # items and comparison cells, in order
    assert deck.index_of("idb-case-cerrado") == entries.index("idb-case-cerrado") + 1
    empty = dossier_deck(bundled_library, {"country": "haiti", "actor": "china"})
    assert len(empty.slides) == 1 and "nothing tagged" in empty.slides[0].bullets[0]


async def test_p_on_a_dossier_presents_the_dossier_from_the_highlighted_entry() -> None:
    from briefing_tui.tui.screens.presenter import PresenterScreen
    from tests.test_dossier_bookmarks import open_dossier

    app = make_app(content=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = await open_dossier(app, pilot)
        await pilot.press("p")  # nothing highlighted yet: from the dossier's title slide
        await wait_for(pilot, lambda: isinstance(app.screen, PresenterScreen))
        presenter = app.screen
        assert isinstance(presenter, PresenterScreen) and presenter.deck.title == "Dossier: Japan in Brazil"
        assert text_of(presenter.query_one("#slide-title")).strip() == "Japan in Brazil"
        assert text_of(presenter.query_one("#presenter-position")).strip().startswith("1 / ")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        entries = screen.query_one("#dossier-entries", OptionList)
        entries.highlighted = entries.get_option_index("idb-case-cerrado")
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PresenterScreen))
        presenter = app.screen
        assert isinstance(presenter, PresenterScreen)
        assert presenter.slide.target == "idb-case-cerrado"
        assert "cerrado" in text_of(presenter.query_one("#slide-title")).lower()


def test_the_overview_counts_in_words_that_agree_with_the_numbers() -> None:
    from briefing_tui.core.content import load_library
    from tests.conftest import PACK

    pack = load_library([PACK], use_cache=False)  # one briefing
    assert build_dossier(pack, country="chile").overview[0].startswith("1 item in the briefing concerns Chile: ")
    assert build_dossier(pack, country="brazil").overview[0].startswith("2 items in the briefing concern Brazil: ")


def test_the_palette_tells_china_the_actor_from_china_the_country() -> None:
    from briefing_tui.core.content import load_library
    from briefing_tui.tui.commands import _dossier_entries

    entries = _dossier_entries(load_library(None))
    china = {target: help_text for title, help_text, target in entries if title == "dossier: China"}
    assert set(china) == {"dossier:actor=china", "dossier:country=china"}
    assert china["dossier:actor=china"].endswith("what it does")
    assert china["dossier:country=china"].endswith("set in the country")
