"""The dossier screen: one page on an actor in a country (or a sector); Enter opens an entry, Back returns here.

``b`` and ``e`` (the app's bookmark and note keys) act on the dossier as a whole: its bookmark is
``dossier:<filters>``, and the note shows under the overview. ``p`` presents the dossier as a deck (its
title slide, then one slide per entry), from the highlighted entry.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.core.dossier import Dossier, build_dossier
from briefing_tui.core.text import clean
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.title_bar import TitleBar


class DossierScreen(BriefingScreen[None]):
    """A dossier: the overview at the top, then every entry on one line with its citation."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="dossier.back"),
        Binding("p", "app.present", "Present", id="dossier.present"),
        Binding("x", "export", "Export", id="dossier.export"),
        # Short: at 80 columns the footer has room for these five (the help says they act on the dossier).
        Binding("b", "app.toggle_bookmark", "Bookmark", tooltip="Bookmark this dossier", id="dossier.bookmark"),
        Binding("e", "app.edit_note", "Note", tooltip="A note on this dossier", id="dossier.note"),
    ]

    DEFAULT_CSS = """
    DossierScreen #dossier-overview { height: auto; max-height: 40%; padding: 0 1; }
    DossierScreen #dossier-entries { height: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, filters: dict[str, str]) -> None:
        super().__init__()
        self.filters = filters
        """The dossier's filters: country, actor and/or sector."""
        self.dossier: Dossier | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="dossier-overview"):
            yield Static(id="dossier-text")
        yield OptionList(id="dossier-entries")
        yield KeyFooter()

    def on_mount(self) -> None:
        library = self.app.loaded
        dossier = build_dossier(library, **self.filters)
        self.dossier = dossier
        self.title = f"Dossier: {dossier.title}"
        self._show_overview()
        options: list[Option] = []
        for title, entries in dossier.groups:
            options.append(Option(Text(f"{title} ({len(entries)})", style="bold"), disabled=True))
            for entry in entries:
                # Two lines an entry, each cut to the width: the list stays scannable at 80 columns, and
                # Enter opens the item in full.
                prompt = Text("  " + entry.line, no_wrap=True, overflow="ellipsis")
                prompt.append("\n    " + entry.citation, style="dim")
                options.append(Option(prompt, id=entry.target))
        entries_list = self.query_one("#dossier-entries", OptionList)
        entries_list.add_options(options)
        entries_list.focus()

    def _show_overview(self) -> None:
        """The title (starred when bookmarked), the user's note on the dossier, and the overview."""
        dossier = self.dossier
        if dossier is None:
            return
        bookmark = self.app.bookmarks.get(dossier.target)
        text = Text()
        if bookmark is not None:
            text.append("★ ", style="bold yellow")
        text.append(f"Dossier: {dossier.title}\n", style="bold")
        if bookmark is not None and bookmark.note.strip():  # first: the overview below can be long
            text.append("Your note: ", style="bold yellow")
            text.append(clean(bookmark.note).strip() + "\n", style="italic")
        for number, line in enumerate(dossier.overview):
            text.append(("" if number == 0 else "• ") + line + "\n", style="" if number == 0 else "dim")
        self.query_one("#dossier-text", Static).update(text)

    def bookmarks_changed(self, target: str | None) -> None:
        if self.dossier is not None and target in (None, self.dossier.target):
            self._show_overview()

    @on(OptionList.OptionSelected, "#dossier-entries")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.dossier is not None:
            self.app.open_target(event.option.id, came_from=self.dossier.target)

    def selected_target(self) -> Selection | None:
        """The dossier itself: ``b`` bookmarks it and ``e`` writes a note on it (an entry is bookmarked once
        Enter has opened it)."""
        return (self.dossier.target, "dossier") if self.dossier is not None else None

    def present_start(self) -> str | None:
        """``p`` presents the dossier from the highlighted entry (from its title slide when none is)."""
        entries = self.query_one("#dossier-entries", OptionList)
        option = entries.highlighted_option
        return option.id if option is not None else None

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from briefing_tui.core.export.choices import dossier_choice
        from briefing_tui.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog([dossier_choice(self.app.loaded, self.filters)]))
