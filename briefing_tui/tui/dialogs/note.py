"""The note dialog: a multi-line note and tags for a bookmark."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from briefing_tui.core.text import clean_line
from briefing_tui.tui.dialogs.confirm import Confirm
from briefing_tui.tui.screens.base import BriefingDialog

HINT = "ctrl+s save · esc cancel · lines, blank lines and '- ' lists are kept in exports"


def parse_tags(raw: str) -> list[str]:
    return [tag.strip() for tag in raw.split(",") if tag.strip()]


class NoteDialog(BriefingDialog[tuple[str, list[str]] | None]):
    """Returns (note, tags) on save, None on cancel; never drops typed text without asking."""

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
            yield Label(HINT, id="note-hint")
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="note-save")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        text_area = self.query_one(TextArea)
        text_area.focus()
        text_area.move_cursor(text_area.document.end)  # carry on writing where the note ends

    def _result(self) -> tuple[str, list[str]]:
        note = self.query_one(TextArea).text.rstrip()
        return note, parse_tags(self.query_one("#note-tags", Input).value)

    @property
    def changed(self) -> bool:
        """True when the note or the tags differ from what the dialog opened with."""
        note, tags = self._result()
        return note != self.note.rstrip() or tags != parse_tags(", ".join(self.tags))

    def action_save(self) -> None:
        self.dismiss(self._result())

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(Confirm("Discard the changes to this note?", "Discard", "Keep editing"), answered)

    @on(Button.Pressed, "#note-save")
    def _save(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#note-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
