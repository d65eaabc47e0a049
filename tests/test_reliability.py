"""No traceback and no silent failure: bad content, failed workers, no terminal, files told at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.core.search import SearchIndex
from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.core.storage.settings import SettingsStore
from briefing_tui.tui.widgets.footer import KeyFooter
from tests.apphelpers import drawn_text, make_app, settle
from tests.conftest import REPO


async def shows(app, pilot, *texts: str) -> str:
    """What is drawn, once it holds every one of ``texts`` (or after 100 frames: then the assert fails)."""
    for _ in range(100):
        shown = " ".join(drawn_text(app).split())
        if all(text in shown for text in texts):
            break
        await pilot.pause(0.01)
    return shown


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=REPO,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize("folder", ["/nonexistent", "empty", "bad"])
async def test_content_that_cannot_load_ends_the_app_with_a_message(tmp_path: Path, folder: str) -> None:
    path = {"empty": tmp_path, "bad": REPO / "tests" / "fixtures" / "bad"}.get(folder, Path(folder))
    app = make_app(content=[str(path)])
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert app._exception is None  # no traceback: a message
    assert app.failure is not None and app.failure.startswith("content has ")


def test_no_terminal_is_refused_with_a_pointer_to_the_commands() -> None:
    result = run_cli()  # stdin is /dev/null: not a terminal
    assert result.returncode == 2
    assert "interactive terminal" in result.stderr and "briefing-tui search" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


async def test_a_failed_index_build_is_told_and_search_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, *args, **kwargs) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(SearchIndex, "__init__", broken)
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.return_code is None
        shown = await shows(app, pilot, "Building the search index failed", "disk on fire")
        assert "Building the search index failed" in shown and "disk on fire" in shown
        await pilot.press("slash", *"finance")
        await pilot.pause()
        assert "Search is unavailable" in await shows(app, pilot, "Search is unavailable")


def back_key_dimmed(app) -> bool:
    keys = [key for key in app.screen.query_one(KeyFooter).shown if key.action == "back"]
    assert keys, "no Back key in the footer"
    return not keys[0].enabled


async def test_back_and_forward_are_enabled_as_history_grows() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        explorer = app.explorer
        assert back_key_dimmed(app)  # nothing to go back to yet
        explorer.open("demo-rec-1")
        for _ in range(50):
            await pilot.pause(0.01)
            if not back_key_dimmed(app):
                break
        assert not back_key_dimmed(app)  # the footer shows Back usable


async def test_settings_and_corrupt_bookmarks_are_told_at_start() -> None:
    SettingsStore().path.parent.mkdir(parents=True, exist_ok=True)
    SettingsStore().path.write_text('navigator_fraction = "wide"\n', encoding="utf-8")
    BookmarkStore().path.write_bytes(b"not toml \x00")
    app = make_app()
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await pilot.pause()
        shown = await shows(app, pilot, "navigator_fraction", "moved aside")
        assert "navigator_fraction" in shown
        assert "moved aside" in shown


async def test_navigator_width_is_kept_as_a_share_of_the_terminal() -> None:
    app = make_app()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        for _ in range(5):
            await pilot.press("plus")
        await pilot.pause()
        wide = app.explorer.query_one("#sidebar").outer_size.width
        fraction = app.settings.get("navigator_fraction")
        assert isinstance(fraction, float) and abs(fraction - wide / 120) < 0.01
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        narrow = app.explorer.query_one("#sidebar").outer_size.width
        assert narrow == round(fraction * 80)  # the same share, not the same columns
        assert app.explorer.query_one("#detail").outer_size.width >= 30
