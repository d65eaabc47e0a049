"""The glossary screen: every acronym and key name, filterable as you type, with where each is used."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.core.citations import section_label
from briefing_tui.core.glossary import Term
from briefing_tui.core.text import clean_line
from briefing_tui.tui.screens.base import BriefingScreen
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.title_bar import TitleBar


class GlossaryScreen(BriefingScreen[None]):
    """Terms on the left (filtered by the box above), the selected term's explanation and uses on the right."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="glossary.back"),
        Binding("slash", "focus_filter", "Filter", id="glossary.filter"),
    ]

    DEFAULT_CSS = """
    GlossaryScreen #glossary-filter { margin: 0 1; }
    GlossaryScreen #glossary-terms { width: 2fr; }
    GlossaryScreen #glossary-detail { width: 3fr; padding: 0 1; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        """What the filter box starts with (a term from the palette)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Input(self.query_text, placeholder="Filter: an acronym, a name or a word", id="glossary-filter")
        with Horizontal():
            yield OptionList(id="glossary-terms")
            with VerticalScroll(id="glossary-detail"):
                yield Static(id="glossary-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Glossary"
        self._fill(self.query_text)
        self.query_one("#glossary-terms", OptionList).focus()

    @on(Input.Changed, "#glossary-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def _to_list(self) -> None:
        self.query_one("#glossary-terms", OptionList).focus()

    def _fill(self, query: str) -> None:
        terms = self.app.glossary.matching(query)
        listing = self.query_one("#glossary-terms", OptionList)
        listing.clear_options()
        listing.add_options(
            [
                Option(Text.assemble((clean_line(t.term), "bold"), "  ", clean_line(t.expansion)), id=t.term)
                for t in terms
            ]
        )
        if terms:
            listing.highlighted = 0
            self._show(terms[0])
        else:
            self.query_one("#glossary-text", Static).update(Text(f"No term matches {query!r}.", style="dim"))

    @on(OptionList.OptionHighlighted, "#glossary-terms")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        term = self.app.glossary.get(event.option.id or "")
        if term is not None:
            self._show(term)

    def _show(self, term: Term) -> None:
        library = self.app.loaded
        text = Text.assemble((clean_line(term.term), "bold"), " · ", (clean_line(term.expansion), "bold"), "\n\n")
        text.append(clean_line(term.explanation) + "\n")
        if term.native:
            text.append("\nAs the documents also write it: ", style="bold").append(clean_line(term.native) + "\n")
        if term.aliases:
            text.append("\nAlso written: ", style="bold").append(clean_line(", ".join(term.aliases)) + "\n")
        text.append("\nUsed in:\n", style="bold")
        for use in term.uses:
            briefing = library.briefings.get(use.document)
            title = briefing.source.title if briefing else use.document
            where = ""
            if use.section and use.section in library.sections:
                where = " § " + clean_line(section_label(library.sections[use.section][1]))
            text.append(f"  • {clean_line(title)}{where}\n")
        self.query_one("#glossary-text", Static).update(text)

    def action_focus_filter(self) -> None:
        self.query_one("#glossary-filter", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
