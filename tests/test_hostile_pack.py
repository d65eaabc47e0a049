"""The hostile pack (tests/fixtures/hostile/) through every screen and dialog, pressing every key they bind.

Its titles, summaries, notes, tags and file names hold Rich markup, [link=...], ESC/CSI/OSC
sequences, right-to-left and zero-width characters and 10,000-character words. Whatever is
pressed, nothing may raise, and no control character may reach what is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.tui.widgets.navigator import Navigator
from tests.apphelpers import controls_in, drawn_text, make_app
from tests.conftest import FIXTURES

HOSTILE_PACK = FIXTURES / "hostile"
HOSTILE_NOTE = (
    "[blink]note[/blink] [link=https://evil.example]x[/link] \x1b[2J\x1b]0;pwned\x07 \u202ertl " + "N" * 10_000
)
HOSTILE_TAGS = ["[bold]tag[/]", "\x1b[31mred", "\u200bzero"]

OPENERS: dict[str, list[str]] = {
    "explorer": [],
    "search results": ["slash", *"loud", "enter"],
    "compare": ["c"],
    "theme picker": ["c", "f"],
    "bookmarks": ["B"],
    "presenter": ["p"],
    "slide overview": ["p", "g"],
    "help": ["question_mark"],
    "note dialog": ["e"],
    "export dialog": ["x"],
    "palette": ["ctrl+p"],
}
"""Keys from the explorer (showing an item) to each screen and dialog."""

DOSSIER = "dossier:actor=japan,country=brazil"
CALLED: dict[str, tuple[Callable, list[str]]] = {
    "dossier": (lambda app: app.open_target(DOSSIER), []),
    "glossary": (lambda app: app.show_glossary(), []),
    "acronyms": (lambda app: app.explorer.open("demo-init-pgii"), ["A"]),
}
"""Screens the palette opens, opened as the palette does (its results arrive after a search worker), and
the acronyms of an item whose terms the hostile glossary holds: a call, then keys."""

NEVER_PRESSED = {"quit", "app.quit"}


def seed_bookmarks() -> None:
    store = BookmarkStore()
    for target, kind in [
        ("demo-rec-1", "item"),
        ("demo-intro", "section"),
        ("demo", "briefing"),
        ("compare:development-finance:us", "cell"),
        (DOSSIER, "dossier"),
        ("dossier:country=atlantis", "dossier"),
    ]:
        store.add(target, kind, note=HOSTILE_NOTE, tags=HOSTILE_TAGS)


async def reset(app, pilot) -> None:
    """Back to the explorer, showing a hostile item."""
    while len(app.screen_stack) > 2:
        app.pop_screen()
        await pilot.pause()
    explorer = app.explorer
    explorer.query_one("#search", Input).value = ""
    explorer.query_one("#sidebar").display = True
    explorer.query_one(Navigator).focus()
    explorer.open("demo-rec-1")
    await pilot.pause()


async def open_screen(app, pilot, name: str) -> None:
    """From the explorer to the screen or dialog ``name``, by its keys or as the palette opens it."""
    if name in CALLED:
        call, keys = CALLED[name]
        call(app)
        await pilot.pause()
    else:
        keys = OPENERS[name]
    await pilot.press(*keys)
    await pilot.pause()


def check(app, where: str) -> None:
    assert app.return_code is None and app._exception is None, f"{where}: the app failed"
    bad = controls_in(drawn_text(app))
    assert not bad, f"{where}: control characters drawn: {sorted(map(hex, map(ord, bad)))}"


async def test_every_key_on_every_screen_of_the_hostile_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # exports land here
    seed_bookmarks()
    app = make_app(content=[str(HOSTILE_PACK)], clock=lambda: 0.0)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:  # the soak adds 20x8 and more sizes
        await pilot.pause()
        await app.workers.wait_for_complete()
        screens_seen = set()
        for name in [*OPENERS, *CALLED]:
            await reset(app, pilot)
            await open_screen(app, pilot, name)
            check(app, f"opening {name}")
            screen_type = type(app.screen)
            screens_seen.add(screen_type.__name__)
            bindings = [
                key
                for key, active in app.active_bindings.items()
                if active.binding.action not in NEVER_PRESSED and active.enabled
            ]
            for key in bindings:
                if type(app.screen) is not screen_type:  # the last key left: come back
                    await reset(app, pilot)
                    await open_screen(app, pilot, name)
                await pilot.press(key)
                await pilot.pause()
                check(app, f"{name}: {key}")
        expected = {"ExplorerScreen", "CompareScreen", "ThemePicker", "BookmarksScreen", "PresenterScreen"}
        expected |= {"SlideOverview", "HelpScreen", "NoteDialog", "ExportDialog", "CommandPalette"}
        expected |= {"AcronymsDialog", "DossierScreen", "GlossaryScreen"}
        assert screens_seen == expected


async def test_hostile_titles_show_literally_in_the_note_dialog_and_toasts() -> None:
    app = make_app(content=[str(HOSTILE_PACK)])
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await pilot.pause()
        app.explorer.open("demo-rec-1")
        await pilot.pause()
        await pilot.press("e")  # the dialog's title quotes the item's title
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteDialog"
        assert "Note on: [bold red]Loud[/] [link=https://evil.example]click[/link]" in drawn_text(app)
        await pilot.press("escape", "b")  # the toast quotes the title too
        await pilot.pause()
        assert "Bookmarked: [bold red]Loud[/]" in drawn_text(app)
        await pilot.press("B", "d")  # a screen's own toast (Widget.notify defaults to markup)
        for _ in range(50):
            await pilot.pause(0.01)
            if "Deleted bookmark: [bold red]Loud[/]" in drawn_text(app):
                break
        assert "Deleted bookmark: [bold red]Loud[/]" in drawn_text(app)


async def test_ctrl_c_says_how_to_quit_in_plain_words() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        shown = drawn_text(app)
        assert "Press ctrl+q to quit the app" in shown
        assert "[b]" not in shown


async def test_hostile_text_shows_literally_on_the_dossier_glossary_and_acronyms() -> None:
    app = make_app(content=[str(HOSTILE_PACK)])
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        for name in ("dossier", "glossary", "acronyms"):
            await reset(app, pilot)
            await open_screen(app, pilot, name)
            assert type(app.screen).__name__ in ("DossierScreen", "GlossaryScreen", "AcronymsDialog"), name
            shown = drawn_text(app)
            assert "[bold red]Loud[/]" in shown, name  # as written, not made bold and red
            assert not controls_in(shown), name


def test_the_cli_writes_hostile_glossary_and_dossier_text_without_control_characters() -> None:
    import subprocess
    import sys

    seed_bookmarks()
    for args in (
        ["glossary"],
        ["glossary", "--format", "table"],
        ["glossary", "PGII"],
        ["dossier", "--country", "brazil", "--actor", "japan"],
        ["bookmarks", "list", "--format", "table"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "briefing_tui", "--content", str(HOSTILE_PACK), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
        assert not controls_in(result.stdout.replace("\t", "")), args
