"""The selected comparison cell in full: its stance, evidence items and the documents behind it."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.core import compare
from briefing_tui.core.content import Library
from briefing_tui.core.models import Theme
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, label
from briefing_tui.tui.widgets.compare_grid import BOOKMARK_MARK, CellKey
from briefing_tui.tui.widgets.detail import kind_badge


class CellDetails(VerticalScroll):
    """The selected cell in full: its stance, evidence items and the documents behind it.

    Posts ``Chosen`` with an item or briefing id when the user opens one.
    """

    DEFAULT_CSS = """
    CellDetails {
        height: auto;
        max-height: 40%;
        padding: 0 1;
        border-top: solid $primary 40%;
        scrollbar-size-vertical: 1;
    }
    CellDetails #cell-summary {
        height: auto;
    }
    CellDetails .details-title {
        margin-top: 1;
        text-style: bold;
        color: $accent;
    }
    CellDetails OptionList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
    }
    """

    class Chosen(Message):
        """The user chose an evidence item or a document to open."""

        def __init__(self, target: str) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key: CellKey | None = None
        """The cell shown."""

    def compose(self) -> ComposeResult:
        yield Static(id="cell-summary")
        yield Label("Evidence", id="evidence-title", classes="details-title")
        yield OptionList(id="evidence")
        yield Label("Documents", id="documents-title", classes="details-title")
        yield OptionList(id="documents")

    def show(self, library: Library, theme: Theme, actor: str, *, bookmarked: bool, note: str | None) -> None:
        """Show one cell."""
        self.key = (theme.id, actor)
        cell = compare.cell_for(theme, actor)
        silent = compare.is_silent(cell)
        summary = Text()
        summary.append(f"{clean_line(theme.title)} · {label(ACTORS, actor)}", style="bold")
        if bookmarked:
            summary.append(f"  {BOOKMARK_MARK} bookmarked", style="bold yellow")
        summary.append("\n")
        stance = clean(cell.stance).strip() if cell is not None else compare.SILENT_TEXT
        summary.append(stance, style="dim italic" if silent else "")
        if cell is not None and cell.instruments:
            summary.append("\nInstruments: ", style="bold")
            summary.append(clean_line(", ".join(cell.instruments)))
        if cell is not None and cell.contrast:
            summary.append("\nWhat sets it apart: ", style="bold")
            summary.append(clean_line(cell.contrast))
        if note:
            summary.append(f"\n{BOOKMARK_MARK} Your note: ", style="bold yellow")
            summary.append(clean(note))
        self.query_one("#cell-summary", Static).update(summary)

        items = compare.evidence_items(library, cell)
        evidence = self.query_one("#evidence", OptionList)
        evidence.clear_options()
        evidence.add_options([Option(self._item_prompt(library, item), id=item.id) for item in items])
        self.query_one("#evidence-title", Label).update(
            f"Evidence ({len(items)}) - Enter opens in the explorer" if items else "No evidence items cited"
        )
        evidence.display = bool(items)

        sources = compare.cell_sources(library, cell)
        documents = self.query_one("#documents", OptionList)
        documents.clear_options()
        documents.add_options([Option(self._source_prompt(source), id=source.id) for source in sources])
        self.query_one("#documents-title", Label).update(
            "Documents it rests on" if sources else "No source documents cited"
        )
        documents.display = bool(sources)
        if items:
            evidence.highlighted = 0
        if sources:
            documents.highlighted = 0

    @staticmethod
    def _item_prompt(library: Library, item) -> Text:
        prompt = Text()
        prompt.append_text(kind_badge(item.kind))  # appended, so the badge colour stays on the badge
        prompt.append(f" {clean_line(item.title)}", style="bold")
        prompt.append(f"  {item.id}", style="dim")
        briefing = library.briefings.get(item.source.document)
        if briefing is not None:
            prompt.append(f"\n   {clean_line(briefing.source.perspective)}", style="italic cyan")
            prompt.append(f" · {clean_line(briefing.source.title)}", style="dim")
        return prompt

    @staticmethod
    def _source_prompt(source) -> Text:
        prompt = Text()
        prompt.append(f" {clean_line(source.perspective)} ", style="bold black on #a3c4f0")
        prompt.append(f" {clean_line(source.title)}", style="bold")
        prompt.append(f"  {source.id}", style="dim")
        prompt.append(f"\n   {clean_line(source.publisher)}, {clean_line(source.date)}", style="dim")
        return prompt

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))

    def focus_evidence(self) -> bool:
        """Focus the evidence list (or the documents); False when there is nothing to focus."""
        for list_id in ("#evidence", "#documents"):
            options = self.query_one(list_id, OptionList)
            if options.display and options.option_count:
                options.focus()
                return True
        return False
