"""Hostile text in content, notes and queries is shown literally and never controls the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.core.text import clean, clean_line
from tests.apphelpers import controls_in, drawn_text, make_app, settle, text_of
from tests.conftest import PACK

HOSTILE_TITLE = r"[bold red]Loud[/] [link=http://evil.example]click[/link] \u001b[31mred\u001b]0;pwned\u0007 done"


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "hostile"
    pack.mkdir()
    text = (PACK / "demo" / "briefing.toml").read_text()
    text = text.replace('title = "Scarce long-term finance"', f'title = "{HOSTILE_TITLE}"')
    (pack / "demo.toml").write_text(text)
    return pack


def test_clean_removes_escape_sequences_and_controls() -> None:
    assert clean("a\x1b[31mb\x1b]0;title\x07c\x9b2Jd\x00e\r\nf") == "abcde\nf"
    assert clean_line("  a\n\tb  ") == "a b"
    assert clean("[bold]x[/bold]") == "[bold]x[/bold]"


async def test_markup_and_escapes_in_content_are_literal_in_the_app(hostile_pack: Path) -> None:
    app = make_app(content=[str(hostile_pack)])
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-obs-financing")
        await settle(app, pilot)
        shown = text_of(app.screen.query_one("#detail-content"))
        assert "[bold red]Loud[/] [link=http://evil.example]click[/link]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        await pilot.press("b")  # the notification quotes the title: must not be parsed as markup
        for _ in range(50):
            await pilot.pause(0.01)
            if "Bookmarked: [bold red]Loud[/]" in drawn_text(app):
                break
        drawn = drawn_text(app)
        assert "Bookmarked: [bold red]Loud[/]" in drawn  # the toast wraps after this
        assert not controls_in(drawn)


async def test_hostile_note_is_literal(hostile_pack: Path) -> None:
    BookmarkStore().add("demo-rec-1", "item", note="[blink]note[/blink] \x1b[2J")
    app = make_app(content=[str(hostile_pack)])
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        app.screen.open("demo-rec-1")
        await settle(app, pilot)
        shown = text_of(app.screen.query_one("#detail-content"))
        assert "[blink]note[/blink]" in shown
        assert "\x1b" not in shown


@pytest.mark.parametrize("query", ["[bold]x", "\x1b[31m", 'NEAR("a" "b")', "*" * 100, "\x00\x01", "a" * 10_000])
async def test_hostile_search_input_never_crashes(query: str) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        search = app.screen.query_one("#search")
        search.focus()
        search.value = query
        await settle(app, pilot)
        status = text_of(app.screen.query_one("#search-status"))
        assert status.strip()
