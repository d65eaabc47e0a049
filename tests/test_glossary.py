"""The glossary: every acronym of the bundled content spelled out, validated, in the CLI and the app."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.core.content import ContentError
from briefing_tui.core.glossary import check_glossary, load_glossary
from briefing_tui.core.models import as_data
from briefing_tui.tui.screens.glossary import GlossaryScreen
from tests.apphelpers import make_app, settle, text_of

NOT_ACRONYMS = {"URL", "PDF", "FAQ", "CEO", "III", "COVID", "ARG", "BRA", "CHL", "COL", "MEX", "PER"}
"""Capitals that are common words, table column codes (ARG, BRA...) or a Roman numeral: nothing to spell out."""

CAPITALS = re.compile(r"(?<![A-Za-z0-9])[A-Z]{3,}(?=s?(?![A-Za-z0-9]))")


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(None)


def bundled_texts(library) -> list[tuple[str, str, str]]:
    """(document, section, text) for every item, section and source record of the bundled content."""
    texts = []
    for item in library.items.values():
        data = as_data(item)
        text = json.dumps({k: v for k, v in data.items() if k not in ("id", "related", "source", "aliases")})
        texts.append((item.source.document, item.source.section, json.loads(json.dumps(text))))
    for briefing in library.data.briefings:
        texts.append((briefing.id, "", json.dumps(as_data(briefing.source), ensure_ascii=False)))
        for section in briefing.sections:
            texts.append((briefing.id, section.id, f"{section.title} {section.summary}"))
    for theme in library.themes.values():
        texts.append(("", "", json.dumps(as_data(theme), ensure_ascii=False)))
    return texts


def test_every_acronym_in_the_bundled_content_is_in_the_glossary(bundled_library, glossary) -> None:
    found = {token for _doc, _section, text in bundled_texts(bundled_library) for token in CAPITALS.findall(text)}
    assert len(found) > 100
    missing = sorted(token for token in found - NOT_ACRONYMS if glossary.get(token) is None)
    assert missing == []


def test_each_use_cites_a_section_that_mentions_the_term(bundled_library, glossary) -> None:
    assert check_glossary(glossary, bundled_library) == []
    by_place: dict[tuple[str, str], str] = {}
    for document, section, text in bundled_texts(bundled_library):
        by_place[(document, section)] = by_place.get((document, section), "") + " " + text
    wrong = []
    for term in glossary.terms:
        names = [term.term, *term.aliases]
        for use in term.uses:
            text = by_place.get((use.document, use.section), "")
            if not any(re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}", text) for name in names):
                wrong.append(f"{term.term}: {use.document}/{use.section}")
    assert wrong == []


def test_a_wrong_glossary_names_the_file_the_term_and_the_field(tmp_path: Path) -> None:
    (tmp_path / "glossary.toml").write_text(
        '[[terms]]\nterm = "JBIC"\nexpansion = "Japan Bank"\nexplanation = "short"\nuses = []\n', encoding="utf-8"
    )
    with pytest.raises(ContentError) as raised:
        load_glossary([tmp_path])
    text = "\n".join(str(problem) for problem in raised.value.problems)
    assert (
        "glossary.toml" in text and "item 'JBIC'" in text and "field 'explanation'" in text and "field 'uses'" in text
    )


def test_cli_glossary() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "briefing_tui", "glossary", *args], capture_output=True, text=True)

    one = run("JBIC")
    assert one.returncode == 0 and "Japan Bank for International Cooperation" in one.stdout and "Used in:" in one.stdout
    [term] = json.loads(run("SATREPS", "--json").stdout)
    assert term["expansion"].startswith("Science and Technology Research Partnership")
    assert run("nothing-like-it").returncode == 1
    assert run().stdout.splitlines()[0] == "term\texpansion\texplanation\tnative"


async def test_glossary_screen_filters_and_the_detail_pane_spells_out_acronyms() -> None:
    app = make_app(content=None)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        app.open_target("idb-init-jica")
        await settle(app, pilot)
        from briefing_tui.tui.widgets.detail import DetailView

        shown = text_of(app.screen.query_one(DetailView).query_one("#detail-content"))
        assert "Acronyms:" in shown and "JICA Japan International Cooperation Agency" in shown
        app.show_glossary("SATREPS")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        assert "Science and Technology Research Partnership" in text_of(screen.query_one("#glossary-text"))
        await pilot.press("slash")
        for _ in "SATREPS":
            await pilot.press("backspace")
        for key in "cable":
            await pilot.press(key)
        await pilot.pause()
        assert screen.query_one("#glossary-terms").option_count >= 1
        await pilot.press("escape", "escape")


def spans_styled(text, style: str) -> set[str]:
    """The parts of a rich Text carrying ``style``."""
    return {text.plain[span.start : span.end] for span in text.spans if str(span.style) == style}


async def test_acronyms_in_an_item_are_underlined_and_a_spells_them_out() -> None:
    from rich.text import Text

    from briefing_tui.tui.dialogs.acronyms import AcronymsDialog
    from briefing_tui.tui.widgets.detail import ACRONYM_STYLE

    app = make_app(content=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.screen.open("idb-app-japan-development-finance")  # "Japan: JICA concessional aid and JBIC ..."
        await pilot.pause()
        content = app.screen.query_one("#detail-content").content
        title = next(
            part for part in content.renderables[0].renderables if isinstance(part, Text) and "JICA" in part.plain
        )
        assert {"JICA", "JBIC"} <= spans_styled(title, ACRONYM_STYLE)
        assert "Japan" not in spans_styled(title, ACRONYM_STYLE)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, AcronymsDialog)
        shown = text_of(app.screen.query_one("#acronyms-text"))
        assert "JICA  Japan International Cooperation Agency" in shown
        assert "JBIC  Japan Bank for International Cooperation" in shown
        await pilot.press("escape")
        await pilot.pause()
        app.screen.open(next(iter(app.loaded.briefings)))
        await pilot.pause()
        await pilot.press("A")  # a briefing: nothing to spell out, the key is dimmed and does nothing
        await pilot.pause()
        assert not isinstance(app.screen, AcronymsDialog)
