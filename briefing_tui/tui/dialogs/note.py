"""The note dialog: a multi-line note and tags for a bookmark."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from briefing_tui.core.text import clean_line
from briefing_tui.tui.screens.base import BriefingDialog


class NoteDialog(BriefingDialog[tuple[str, list[str]] | None]):
    """Returns (note, tags) on save, None on cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "Save", id="note.save"),
    ]

    def __init__(self, title: str, note: str, tags: list[str]) -> None:
        super().__init__()
        self.note_title = title
        self.note = note
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            # A Text, not a str: a str Label is parsed as markup, and titles come from the content.
            yield Label(Text(f"Note on: {clean_line(self.note_title)}"), id="note-title")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Input(", ".join(self.tags), placeholder="tags, comma separated", id="note-tags")
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="note-save")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        note = self.query_one(TextArea).text.rstrip()
        raw_tags = self.query_one("#note-tags", Input).value
        tags = [tag.strip() for tag in raw_tags.split(",") if tag.strip()]
        self.dismiss((note, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#note-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
