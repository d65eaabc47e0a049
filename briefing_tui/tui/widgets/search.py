"""The explorer's search: the box, the status line, the results, and the values a filter can take.

The panel runs queries in a worker and tells its screen what to do with messages: ``Active``
when a search starts or is cleared (the screen swaps the navigator for the results) and
``ResultOpened`` when a result is highlighted or chosen.
"""

from __future__ import annotations

import re
from collections import Counter
from types import ModuleType
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing_tui.core.text import clean_line
from briefing_tui.core.vocab import KINDS
from briefing_tui.tui.widgets.detail import kind_badge

if TYPE_CHECKING:
    from briefing_tui.core.content import Library
    from briefing_tui.core.search import SearchIndex, SearchOutcome
    from briefing_tui.core.search.facets import FacetValue

RESULTS_SHOWN = 50
"""Results listed per query: more than anyone scrolls, few enough to keep keystrokes fast."""
VALUES_SHOWN = 60
"""Filter values offered at once (there are 56 countries)."""


def _facets() -> ModuleType:
    """The filter-value helpers; with them the query language, imported at the first keystroke, not at start."""
    from briefing_tui.core.search import facets

    return facets


class FilterSuggester(Suggester):
    """Completes the filter value being typed inline (→ accepts): "country:bra" -> "country:brazil"."""

    def __init__(self, panel: SearchPanel) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.panel = panel

    async def get_suggestion(self, value: str) -> str | None:
        values = self.panel.values_for(value)
        typing = _facets().typed_filter(value)
        if not values or typing is None or not typing[1]:
            return None
        return value[: len(value) - len(typing[1])] + values[0].slug


class SearchPanel(Vertical):
    """Search box, status line, results list and filter-value list."""

    DEFAULT_CSS = """
    SearchPanel { height: auto; }
    SearchPanel.-searching { height: 1fr; }
    SearchPanel #filter-values { height: auto; max-height: 16; border: none; scrollbar-size-vertical: 1; }
    """

    BINDINGS = [
        Binding("down", "enter_list", "Results", show=False),
        Binding("ctrl+o", "search_as_typed", "Search as typed", show=False),
    ]

    class Active(Message):
        """A search started (``active``) or was cleared."""

        def __init__(self, active: bool) -> None:
            super().__init__()
            self.active = active

    class ResultOpened(Message):
        """Open this result in the detail pane (``chosen``: Enter, so the detail takes focus)."""

        def __init__(self, target: str, terms: list[str], chosen: bool) -> None:
            super().__init__()
            self.target = target
            self.terms = terms
            self.chosen = chosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.outcome: SearchOutcome | None = None
        """The latest search results."""
        self.result_index = -1
        """Which result n/N are on."""
        self._counts: dict[str, Counter[str]] | None = None
        self._counted_library: Library | None = None
        self._index_message: str | None = None
        """How far the search index is, while it is being prepared (the app tells: ``index_status``)."""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="/ to search", id="search", suggester=FilterSuggester(self))
        yield Static("", id="search-status")
        yield OptionList(id="filter-values")
        yield OptionList(id="results")

    def on_mount(self) -> None:
        for selector in ("#results", "#search-status", "#filter-values"):
            self.query_one(selector).display = False

    @property
    def index(self) -> SearchIndex | None:
        return self.app.search_index  # type: ignore[attr-defined]

    @property
    def library(self) -> Library | None:
        return self.app.library  # type: ignore[attr-defined]

    @property
    def text(self) -> str:
        return self.query_one("#search", Input).value

    @property
    def searching(self) -> bool:
        return bool(self.text.strip())

    def index_status(self, message: str | None) -> None:
        """How far the search index is (None: ready): in the box, and in the status line while a search waits."""
        self._index_message = message
        self.query_one("#search", Input).placeholder = f"/ to search ({message})" if message else "/ to search"
        if self.searching and self.index is None and message:
            self.query_one("#search-status", Static).update(Text(message, style="italic"))
        elif self.searching and message is None and self.outcome is None:
            self.run_search(self.text)  # typed before the index was ready

    def focus_input(self) -> None:
        self.query_one("#search", Input).focus()

    def clear(self) -> None:
        self.query_one("#search", Input).value = ""

    # -- filter values -----------------------------------------------------------

    def values_for(self, text: str) -> list[FacetValue]:
        """The known values of the filter being typed at the end of ``text`` (none when no filter is)."""
        typing = _facets().typed_filter(text)
        library = self.library
        if typing is None or library is None:
            return []
        if self._counts is None or self._counted_library is not library:
            self._counts, self._counted_library = _facets().facet_counts(library), library
        return _facets().matching_values(library, self._counts, typing[0], typing[1])[:VALUES_SHOWN]

    def _show_values(self, text: str) -> bool:
        values = self.values_for(text)
        listing = self.query_one("#filter-values", OptionList)
        listing.display = bool(values)
        listing.clear_options()
        if values:
            options = []
            for value in values:
                prompt = Text(value.slug, style="bold")
                if value.label.lower() != value.slug:
                    prompt.append(f"  {clean_line(value.label)}", style="dim")
                prompt.append(f"  {value.count:,}", style="italic")
                options.append(Option(prompt, id=value.slug))
            listing.add_options(options)
        return bool(values)

    @on(OptionList.OptionSelected, "#filter-values")
    def _value_chosen(self, event: OptionList.OptionSelected) -> None:
        search = self.query_one("#search", Input)
        typing = _facets().typed_filter(search.value)
        slug = event.option.id or ""
        if typing is not None:
            search.value = search.value[: len(search.value) - len(typing[1])] + slug + " "
        search.focus()
        search.cursor_position = len(search.value)

    # -- running a search --------------------------------------------------------

    @on(Input.Changed, "#search")
    def _changed(self, event: Input.Changed) -> None:
        text = event.value
        searching = bool(text.strip())
        self.set_class(searching, "-searching")
        self.post_message(self.Active(searching))
        self.query_one("#search-status", Static).display = searching
        offering = self._show_values(text) if searching else False
        self.query_one("#results", OptionList).display = searching and not offering
        if not searching:
            self.query_one("#filter-values", OptionList).display = False
            self.outcome = None
            self.result_index = -1
            return
        index = self.index
        problem = getattr(self.app, "search_problem", None)
        if index is None and problem:
            self.query_one("#search-status", Static).update(Text(problem, style="italic"))
            return
        if index is None and self._index_message:
            self.query_one("#search-status", Static).update(Text(self._index_message, style="italic"))
        if index is not None:
            index.interrupt()  # the query for the previous keystroke is no longer wanted
        self.run_search(text)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="Searching")
    def run_search(self, text: str) -> None:
        import sqlite3

        index = self.index
        if index is None:
            return
        worker = get_current_worker()
        # Results first; the matches per kind follow (counting a common word's matches takes longer).
        outcome = index.search(text, limit=RESULTS_SHOWN, as_typed=True, counts=False)
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._show_results, text, outcome)
        if not outcome.counted:
            try:
                index.count(outcome)
            except sqlite3.Error:
                return  # interrupted by a newer keystroke
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show_status, text, outcome)

    def _show_results(self, text: str, outcome: SearchOutcome) -> None:
        if text != self.text:
            return  # a newer keystroke is on its way: drop stale results
        self.outcome = outcome
        self.result_index = -1
        self._show_status(text, outcome)
        results = self.query_one("#results", OptionList)
        results.clear_options()
        options = []
        for result in outcome.results:
            prompt = kind_badge(result.kind)
            prompt.append(" " + clean_line(result.title), style="bold")
            prompt.append(f"  {result.briefing}", style="dim italic")
            prompt.append("\n")
            prompt.append_text(_snippet_text(result.snippet))
            options.append(Option(prompt, id=result.id))
        results.add_options(options)

    def _show_status(self, text: str, outcome: SearchOutcome) -> None:
        if text != self.text:
            return
        # What the search did comes first: the status line is a few rows high and counts matter less.
        lines: list[Text] = []
        if outcome.message:
            lines.append(Text(outcome.message, style="italic"))
        if outcome.corrections:
            lines.append(Text(f"ctrl+o: search {' '.join(outcome.corrections)} as typed", style="dim"))
        if outcome.results and not outcome.counted:
            lines.append(Text(f"{len(outcome.results)}+ matches · counting…", style="bold"))
        elif outcome.results:
            line = Text(f"{outcome.total:,} match{'es' if outcome.total != 1 else ''}", style="bold")
            counts = " · ".join(f"{KINDS[kind]} {count:,}" for kind, count in sorted(outcome.kind_counts.items()))
            if counts:
                line.append(" · " + counts, style="dim")
            lines.append(line)
        if outcome.approximate:
            lines.append(Text("Many matches: items with the words in their title come first.", style="dim"))
        status = Text("\n").join(lines)
        self.query_one("#search-status", Static).update(status)

    def action_search_as_typed(self) -> None:
        """Search the corrected words exactly as typed (quoted), the one-key way back from a correction."""
        if self.outcome is None or not self.outcome.corrections:
            return
        search = self.query_one("#search", Input)
        value = search.value
        for typed in self.outcome.corrections:
            value = re.sub(rf'(?<!["\w]){re.escape(typed)}(?![\w"])', f'"{typed}"', value, count=1, flags=re.I)
        search.value = value
        search.cursor_position = len(value)

    # -- moving through results --------------------------------------------------

    def action_enter_list(self) -> None:
        """↓ from the search box: into the filter values when offered, else into the results."""
        values = self.query_one("#filter-values", OptionList)
        results = self.query_one("#results", OptionList)
        target = values if values.display and values.option_count else results
        if target.display and target.option_count:
            target.focus()
            if target.highlighted is None:
                target.highlighted = 0

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        values = self.query_one("#filter-values", OptionList)
        if values.display and values.option_count:
            values.focus()
            values.highlighted = 0
            return
        results = self.query_one("#results", OptionList)
        if results.option_count:
            results.focus()
            results.highlighted = 0
            self.open_result(0)

    @on(OptionList.OptionSelected, "#results")
    def _result_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_result(event.option_index, chosen=True)

    @on(OptionList.OptionHighlighted, "#results")
    def _result_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.result_index and self.query_one("#results", OptionList).has_focus:
            self.open_result(event.option_index)

    def open_result(self, index: int, *, chosen: bool = False) -> None:
        from briefing_tui.core.search import expanded_terms  # the index module: imported after the first frame

        if self.outcome is None or not (0 <= index < len(self.outcome.results)):
            return
        self.result_index = index
        self.query_one("#results", OptionList).highlighted = index
        self.post_message(self.ResultOpened(self.outcome.results[index].id, expanded_terms(self.outcome.query), chosen))

    @property
    def has_results(self) -> bool:
        return bool(self.outcome and self.outcome.results)

    def next_result(self) -> None:
        if self.outcome and self.outcome.results:
            self.open_result((self.result_index + 1) % len(self.outcome.results))

    def previous_result(self) -> None:
        if self.outcome and self.outcome.results:
            self.open_result((self.result_index - 1) % len(self.outcome.results))


def _snippet_text(snippet: str) -> Text:
    # Imported when results are first shown: the cli package brings argparse (~30 ms of every start).
    from briefing_tui.cli.tables import snippet_text

    return snippet_text(snippet)
