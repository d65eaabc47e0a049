"""The export dialog (x): writes the chosen export, and never overwrites without the box ticked."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, RadioButton

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.tui.dialogs.export import ExportDialog
from tests.apphelpers import make_app, settle, text_of


async def test_export_memo_and_refuse_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    BookmarkStore().add("demo-rec-1", "item", note="Ask about co-financing.")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        target = tmp_path / "memo.md"
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await pilot.pause()
        memo = target.read_text()
        assert "Coordinate development finance" in memo and "Ask about co-financing." in memo
        assert not isinstance(app.screen, ExportDialog)

        await pilot.press("x")
        await pilot.pause()
        await pilot.click("#choice-compare")
        await pilot.pause()
        assert app.screen.query_one("#choice-compare", RadioButton).value
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-go")
        await pilot.pause()
        assert "exists" in text_of(app.screen.query_one("#export-status"))
        assert "Ask about co-financing." in target.read_text()  # untouched
        app.screen.query_one("#export-force", Checkbox).value = True
        await pilot.pause(0.3)  # let the button's press animation from the refused attempt finish
        await pilot.click("#export-go")
        await pilot.pause()
        assert "Development finance" in target.read_text()
