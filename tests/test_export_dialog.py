"""The export dialog (x): one flow for every screen, in the documents folder, never overwriting without asking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from textual.widgets import Checkbox, Input, Select

from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.core.storage.settings import SettingsStore
from briefing_tui.tui.dialogs.confirm import Confirm
from briefing_tui.tui.dialogs.export import ExportDialog
from tests.apphelpers import make_app, settle, text_of

TODAY = date.today().isoformat()


def documents(home: Path) -> Path:
    return home / "Documents"


async def open_dialog(app, pilot) -> ExportDialog:
    await pilot.press("x")
    for _ in range(50):
        if isinstance(app.screen, ExportDialog):
            break
        await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def wait_for(pilot, condition) -> None:
    for _ in range(100):
        if condition():
            return
        await pilot.pause()
    raise AssertionError("condition never became true")


async def test_memo_goes_to_documents_as_word_and_the_folder_is_remembered(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import docx

    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # nothing may land in the folder the app was started from
    BookmarkStore().add("demo-rec-1", "item", note="Ask about:\n- co-financing\n- the port", tags=["Brazil"])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dialog = await open_dialog(app, pilot)
        path_input = dialog.query_one("#export-path", Input)
        expected = documents(isolated_dirs) / f"briefing-notes-{TODAY}.docx"
        assert path_input.value == str(expected)  # Word first, in the documents folder
        assert dialog.query_one("#export-memo").display
        dialog.query_one("#export-memo-title", Input).value = "Meeting prep"
        dialog.query_one("#export-grouping", Select).value = "order"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        document = docx.Document(str(expected))
        texts = [paragraph.text for paragraph in document.paragraphs]
        assert texts[0] == "Meeting prep" and "co-financing" in texts
        assert list(started_in.iterdir()) == []
        assert SettingsStore().get("export_folder") == str(expected.parent)

        elsewhere = tmp_path / "memos"
        elsewhere.mkdir()
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value.endswith(f"briefing-notes-{TODAY}.md")
        dialog.query_one("#export-compact", Checkbox).value = True
        dialog.query_one("#export-path", Input).value = str(elsewhere / "short.md")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        html = MarkdownIt("commonmark").render((elsewhere / "short.md").read_text(encoding="utf-8"))
        assert "<li>co-financing</li>" in html and "Proposal:" not in html  # compact, with the note's list

        dialog = await open_dialog(app, pilot)  # the next export starts where the last one went
        assert Path(dialog.query_one("#export-path", Input).value).parent == elsewhere


async def test_an_existing_file_is_replaced_only_when_the_user_says_so(isolated_dirs: Path) -> None:
    BookmarkStore().add("demo-rec-1", "item", note="Ask about co-financing.")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#export-what", Select).value = "compare:comparison"
        await pilot.pause()
        target = documents(isolated_dirs) / "memo.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("the user's own file", encoding="utf-8")
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert target.read_text(encoding="utf-8") == "the user's own file"
        assert "nothing was written" in text_of(app.screen.query_one("#export-status"))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, Confirm))
        await pilot.press("y")
        await wait_for(pilot, lambda: not isinstance(app.screen, (Confirm, ExportDialog)))
        assert "Development finance" in target.read_text(encoding="utf-8")


async def test_a_write_that_fails_is_reported_in_the_dialog(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_tui.core import export

    def refuse(text, target, force=False):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(export, "write_output", refuse)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        dialog = await open_dialog(app, pilot)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Permission denied" in text_of(dialog.query_one("#export-status")))
        assert isinstance(app.screen, ExportDialog)
        assert not dialog.query_one("#export-go").disabled  # the user can try again
        dialog.query_one("#export-path", Input).value = str(isolated_dirs / "no-such-folder" / "memo.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "There is no folder" in text_of(dialog.query_one("#export-status"))


def toasts(app) -> list[str]:
    """What the app's notifications say (the toasts are not drawn in a headless run)."""
    return [notification.message for notification in app._notifications]


async def type_path(dialog: ExportDialog, pilot, path: Path) -> None:
    """Empty the File field and type ``path`` into it, key by key, as a user does."""
    path_input = dialog.query_one("#export-path", Input)
    path_input.focus()
    path_input.value = ""
    await pilot.press(*str(path))
    assert path_input.value == str(path)


async def test_the_format_follows_the_typed_file_name(isolated_dirs: Path, tmp_path: Path) -> None:
    """The tester's case: Word was selected, `memo.md` typed; the file written is Markdown, as its name says."""
    tmp_path = tmp_path / "out"  # beside the isolated home
    tmp_path.mkdir()
    BookmarkStore().add("demo-rec-1", "item", note="Ask about co-financing.")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("B")
        await pilot.pause()
        dialog = await open_dialog(app, pilot)
        format_select = dialog.query_one("#export-format", Select)
        assert format_select.value == "docx"
        await type_path(dialog, pilot, tmp_path / "memo.md")
        assert format_select.value == "md" and dialog.query_one("#export-memo").display
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert (tmp_path / "memo.md").read_text(encoding="utf-8").startswith("# Bookmarks\n")
        assert f"Exported as Markdown (.md) to {tmp_path / 'memo.md'}" in toasts(app)

        dialog = await open_dialog(app, pilot)
        await type_path(dialog, pilot, tmp_path / "data.JSON")
        format_select = dialog.query_one("#export-format", Select)
        assert format_select.value == "json" and not dialog.query_one("#export-memo").display
        format_select.value = "docx"  # and the other way: the name follows the Format select
        await pilot.pause()
        assert dialog.query_one("#export-path", Input).value == str(tmp_path / "data.docx")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert (tmp_path / "data.docx").read_bytes().startswith(b"PK")  # a Word file is a zip
        assert not (tmp_path / "data.JSON").exists()

        dialog = await open_dialog(app, pilot)  # a suffix no format has is kept, and the format's is added
        await type_path(dialog, pilot, tmp_path / "memo.txt")
        assert dialog.query_one("#export-format", Select).value == "docx"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert (tmp_path / "memo.txt.docx").read_bytes().startswith(b"PK") and not (tmp_path / "memo.txt").exists()
        assert f"Exported as Word (.docx) to {tmp_path / 'memo.txt.docx'}" in toasts(app)


async def test_a_name_in_a_format_the_export_lacks_is_refused(isolated_dirs: Path, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # beside the isolated home
    tmp_path.mkdir()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        dialog = await open_dialog(app, pilot)
        dialog.query_one("#export-what", Select).value = "compare:comparison"  # Markdown or JSON only
        await pilot.pause()
        await type_path(dialog, pilot, tmp_path / "comparison.docx")
        message = "This cannot be written as Word: name it .md or .json."
        assert text_of(dialog.query_one("#export-status")).strip() == message
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and list(tmp_path.iterdir()) == []
        assert text_of(dialog.query_one("#export-status")).strip() == message
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await pilot.press("j", "s", "o", "n")
        assert text_of(dialog.query_one("#export-status")).strip() == ""
        assert dialog.query_one("#export-format", Select).value == "json"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: (tmp_path / "comparison.json").exists())
