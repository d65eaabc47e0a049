"""The acronyms of the item shown, spelled out: what ``A`` opens from the explorer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.core.glossary import Term
from briefing_tui.core.text import clean_line
from briefing_tui.tui.screens.base import BriefingDialog


def acronyms_text(title: str, terms: Sequence[Term]) -> Text:
    """Each term with its expansion, its explanation and the documents' own form (plain text, never markup)."""
    text = Text()
    text.append(f"Acronyms in: {clean_line(title)}\n\n", style="bold")
    for term in terms:
        text.append(clean_line(term.term), style="bold underline")
        text.append("  " + clean_line(term.expansion) + "\n", style="bold")
        text.append("  " + clean_line(term.explanation) + "\n")
        if term.native:
            text.append("  As the documents also write it: " + clean_line(term.native) + "\n", style="dim")
        text.append("\n")
    text.append("Escape closes · the glossary (ctrl+p, Glossary) lists every term.", style="dim")
    return text


class AcronymsDialog(BriefingDialog[None]):
    """The expansions of the acronyms an item uses, from the app's glossary."""

    BINDINGS = [Binding("escape,A,q", "close", "Close", id="acronyms.close")]

    DEFAULT_CSS = """
    AcronymsDialog {
        align: center middle;
        background: $background 60%;
    }
    #acronyms-body {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    """

    def __init__(self, title: str, terms: Sequence[Term]) -> None:
        super().__init__()
        self.item_title = title
        """The title of the item the terms come from."""
        self.terms = list(terms)
        """The terms, in order of first mention."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="acronyms-body"):
            yield Static(acronyms_text(self.item_title, self.terms), id="acronyms-text")

    def action_close(self) -> None:
        self.dismiss(None)
