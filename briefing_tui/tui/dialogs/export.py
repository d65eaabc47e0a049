"""The export dialog: one flow for every screen's ``x``.

A screen passes what it can export (``core.export.choices.ExportChoice``: formats and a
function making the content); the dialog asks what, in which format, with which memo
options and where. It starts in the folder used last (else the user's documents folder),
remembers the folder after a successful export, and never replaces a file without asking.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select

from briefing_tui.core.export.choices import (
    ExportChoice,
    ExportFormat,
    MemoOptions,
    default_file_name,
    format_named_by,
    with_suffix,
)
from briefing_tui.core.export.memo import GROUPINGS
from briefing_tui.tui.dialogs.confirm import Confirm
from briefing_tui.tui.screens.base import BriefingDialog

FOLDER_SETTING = "export_folder"
GROUPING_LABELS = {"briefing": "By briefing", "kind": "By kind", "order": "Your order"}


def documents_folder() -> Path:
    from platformdirs import user_documents_dir

    return Path(user_documents_dir())


class ExportDialog(BriefingDialog[Path | None]):
    """Writes one of ``choices`` to a file; dismisses with the path written, or None."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.go"),
    ]

    def __init__(self, choices: Sequence[ExportChoice], *, title: str = "Export") -> None:
        super().__init__()
        if not choices:
            raise ValueError("nothing to export")
        self.choices = list(choices)
        self.dialog_title = title

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        choice = self.choices[0]
        with Vertical(id="export-dialog"):
            yield Label(self.dialog_title, id="export-title")
            with Horizontal(classes="export-row"):
                if len(self.choices) > 1:
                    options = [(Text(option.label), option.key) for option in self.choices]
                    yield Select(options, value=choice.key, allow_blank=False, id="export-what")
                else:
                    yield Label(Text(choice.label), id="export-what-label")
                yield Select(self._format_options(choice), value=choice.formats[0].key, allow_blank=False,
                             id="export-format")  # fmt: skip
            with Horizontal(classes="export-row", id="export-memo"):
                yield Input("Bookmarks", placeholder="the memo's title", id="export-memo-title")
                groupings = [(GROUPING_LABELS[key], key) for key in GROUPINGS]
                yield Select(groupings, value="briefing", allow_blank=False, id="export-grouping")
                yield Checkbox("Compact", id="export-compact", tooltip="Title, your note, one-line summary, source")
            yield Input(str(self._default_path(choice, choice.formats[0])), id="export-path")
            yield Label("", id="export-status")
            with Horizontal(id="export-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export-go")
                yield Button("Cancel (esc)", id="export-cancel")

    def on_mount(self) -> None:
        titles = {
            "#export-what": "What",
            "#export-format": "Format",
            "#export-memo-title": "Memo title",
            "#export-grouping": "Grouping",
            "#export-path": "File (the folder is remembered)",
        }
        for selector, title in titles.items():
            for widget in self.query(selector):
                # A Select draws its border on the SelectCurrent inside it.
                framed = widget.query_one("SelectCurrent") if isinstance(widget, Select) else widget
                framed.border_title = title
        self._show_memo_options()
        self.query_one("#export-path", Input).focus()

    @staticmethod
    def _format_options(choice: ExportChoice) -> list[tuple[str, str]]:
        return [(export_format.label, export_format.key) for export_format in choice.formats]

    # -- state -------------------------------------------------------------------------

    @property
    def choice(self) -> ExportChoice:
        if len(self.choices) == 1:
            return self.choices[0]
        key = self.query_one("#export-what", Select).value
        return next((choice for choice in self.choices if choice.key == key), self.choices[0])

    @property
    def export_format(self) -> ExportFormat:
        key = self.query_one("#export-format", Select).value
        formats = self.choice.formats
        return next((export_format for export_format in formats if export_format.key == key), formats[0])

    @property
    def options(self) -> MemoOptions:
        grouping: Any = self.query_one("#export-grouping", Select).value
        return MemoOptions(
            title=self.query_one("#export-memo-title", Input).value.strip() or "Bookmarks",
            group_by=grouping if grouping in GROUPINGS else "briefing",
            compact=self.query_one("#export-compact", Checkbox).value,
        )

    def _settings(self) -> Any:
        return getattr(self.app, "settings", None)  # absent when a screen runs in a bare App (tests)

    def _folder(self) -> Path:
        """The folder used last, if it still exists; else the user's documents folder."""
        settings = self._settings()
        remembered = settings.get(FOLDER_SETTING, None) if settings is not None else None
        if isinstance(remembered, str) and remembered and Path(remembered).is_dir():
            return Path(remembered)
        return documents_folder()

    def _default_path(self, choice: ExportChoice, export_format: ExportFormat) -> Path:
        return self._folder() / default_file_name(choice, export_format)

    def _show_memo_options(self) -> None:
        self.query_one("#export-memo").display = self.export_format.key in self.choice.memo_formats

    @on(Select.Changed, "#export-what")
    def _what_changed(self) -> None:
        choice = self.choice
        format_select = self.query_one("#export-format", Select)
        with self.prevent(Select.Changed):
            format_select.set_options(self._format_options(choice))
            format_select.value = choice.formats[0].key
        path_input = self.query_one("#export-path", Input)
        folder = Path(path_input.value.strip()).expanduser().parent if path_input.value.strip() else self._folder()
        path_input.value = str(folder / default_file_name(choice, choice.formats[0]))
        self._show_memo_options()

    @on(Select.Changed, "#export-format")
    def _format_changed(self) -> None:
        path_input = self.query_one("#export-path", Input)
        if path_input.value.strip():
            path = with_suffix(Path(path_input.value.strip()), self.export_format, self.choice.formats)
            path_input.value = str(path)
        self._show_memo_options()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        self._status((self._follow_suffix(Path(raw)) or "") if raw else "")

    def _follow_suffix(self, path: Path) -> str | None:
        """Switch Format to the one ``path``'s suffix names (the file's contents match its name);
        the reason it cannot be written, if this export has no such format."""
        named = format_named_by(path)
        if named is None or named.key == self.export_format.key:
            return None
        if named.key not in {offered.key for offered in self.choice.formats}:
            offered = " or ".join(offered.suffix for offered in self.choice.formats)
            return f"This cannot be written as {named.name}: name it {offered}."
        with self.prevent(Select.Changed):
            self.query_one("#export-format", Select).value = named.key
        self._show_memo_options()
        return None

    def _status(self, message: str) -> None:
        self.query_one("#export-status", Label).update(Text(message))

    # -- writing -----------------------------------------------------------------------

    def _target(self) -> Path | None:
        """The file to write, or None (with the reason shown)."""
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self._status("Give a file name.")
            return None
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self._folder() / path
        if path.is_dir():
            path = path / default_file_name(self.choice, self.export_format)
        if format_named_by(path) is None:  # no suffix, or one no format has (notes.v2): add the format's
            path = path.with_name(path.name + self.export_format.suffix)
        problem = self._follow_suffix(path)
        if problem:
            self._status(problem)
            return None
        if not path.parent.is_dir():
            if path.parent != documents_folder():
                self._status(f"There is no folder {path.parent}.")
                return None
            try:  # the documents folder may not exist yet on a fresh account
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                self._status(f"Cannot create {path.parent}: {error.strerror or error}")
                return None
        return path

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        if self.query_one("#export-go", Button).disabled:
            return  # already writing
        path = self._target()
        if path is None:
            return
        if path.exists():

            def answered(replace: bool | None) -> None:
                if replace:
                    self._write(path)
                else:
                    self._status(f"{path.name} exists: nothing was written. Change the name to keep both.")

            self.app.push_screen(Confirm(f"{path} already exists. Replace it?", "Replace", "Keep it"), answered)
            return
        self._write(path)

    def _write(self, path: Path) -> None:
        self._status("Writing…")
        self.query_one("#export-go", Button).disabled = True
        self._write_in_thread(path, self.choice, self.export_format, self.options)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False, description="writing an export")
    def _write_in_thread(
        self, path: Path, choice: ExportChoice, export_format: ExportFormat, options: MemoOptions
    ) -> None:
        """Make and write the export off the UI thread (a long Word memo takes a second)."""
        from briefing_tui.core.export import write_output

        try:
            data = choice.render(export_format, options)
        except Exception as error:  # a bug in one export must not close the app or lose the dialog
            self.app.call_from_thread(self._failed, f"Could not make the export: {error}")
            return
        try:
            write_output(data, path, force=True)
        except OSError as error:
            self.app.call_from_thread(self._failed, f"Could not write {path}: {error.strerror or error}")
            return
        self.app.call_from_thread(self._written, path, export_format)

    def _failed(self, message: str) -> None:
        self.query_one("#export-go", Button).disabled = False
        self._status(message)

    def _written(self, path: Path, export_format: ExportFormat) -> None:
        settings = self._settings()
        if settings is not None:
            settings.set(FOLDER_SETTING, str(path.parent))
        written_as = f"{export_format.name or export_format.label} ({export_format.suffix})"
        self.app.notify(f"Exported as {written_as} to {path}", title="Export", timeout=6, markup=False)
        self.dismiss(path)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
