"""The export dialog: bookmarks memo, the current briefing, or the comparison, to a file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from briefing_tui.tui.screens.base import BriefingDialog

CHOICES = {
    "memo": "Bookmarks and notes as a Markdown memo (grouped by briefing)",
    "memo-kind": "Bookmarks and notes as a Markdown memo (grouped by kind)",
    "json": "Bookmarks as JSON (re-importable)",
    "briefing": "The current briefing as Markdown",
    "compare": "The whole comparison as Markdown",
}


def default_path(choice: str) -> Path:
    suffix = "json" if choice == "json" else "md"
    stem = {"briefing": "briefing", "compare": "comparison"}.get(choice, "briefing-notes")
    return Path.cwd() / f"{stem}-{date.today().isoformat()}.{suffix}"


class ExportDialog(BriefingDialog[None]):
    """Writes the chosen export; refuses to overwrite unless the box is ticked."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label("Export", id="export-title")
            with RadioSet(id="export-choice"):
                for index, (key, text) in enumerate(CHOICES.items()):
                    yield RadioButton(text, value=index == 0, id=f"choice-{key}")
            yield Label("File:")
            yield Input(str(default_path("memo")), id="export-path")
            yield Checkbox("Overwrite if the file exists", id="export-force")
            yield Label("", id="export-status")
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def _choice(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "choice-memo").removeprefix("choice-") if pressed else "memo"

    @on(RadioSet.Changed)
    def _choice_changed(self) -> None:
        self.query_one("#export-path", Input).value = str(default_path(self._choice()))

    def render_text(self, choice: str) -> str | None:
        """The export's text; None when there is nothing of that kind (no briefing)."""
        from briefing_tui.core import export

        app = self.app
        library = app.loaded
        bookmarks = app.bookmarks.all()
        if choice in ("memo", "memo-kind"):
            return export.bookmarks_markdown(
                library, bookmarks, group_by="kind" if choice == "memo-kind" else "briefing"
            )
        if choice == "json":
            return export.bookmarks_json(library, bookmarks)
        if choice == "compare":
            return export.comparison_markdown(library, list(library.themes.values()))
        briefing = app.selected_briefing()
        return export.briefing_markdown(library, briefing) if briefing else None

    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        from briefing_tui.core import export

        status = self.query_one("#export-status", Label)
        path = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        force = self.query_one("#export-force", Checkbox).value
        if not str(path):
            status.update(Text("Give a file name."))
            return
        if path.exists() and not force:
            status.update(Text(f"{path} exists: tick 'Overwrite' to replace it."))
            return
        text = self.render_text(self._choice())
        if text is None:
            status.update(Text("The loaded content has no briefing to export."))
            return
        try:
            export.write_output(text, str(path), force=True)
        except OSError as error:
            status.update(Text(f"Could not write {path}: {error.strerror or error}"))
            return
        self.app.notify(f"Exported to {path}", timeout=5)
        self.dismiss(None)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
