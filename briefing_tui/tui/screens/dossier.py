"""The dossier screen: one page on an actor in a country (or a sector); Enter opens an entry, Back returns here."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.core.dossier import Dossier, build_dossier
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.footer import QuietFooter


class DossierScreen(BriefingScreen[None]):
    """A dossier: the overview at the top, then every entry on one line with its citation."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="dossier.back"),
        Binding("x", "export", "Export", id="dossier.export"),
    ]

    DEFAULT_CSS = """
    DossierScreen #dossier-overview { height: auto; max-height: 40%; padding: 0 1; }
    DossierScreen #dossier-entries { height: 1fr; }
    """

    def __init__(self, filters: dict[str, str]) -> None:
        super().__init__()
        self.filters = filters
        """The dossier's filters: country, actor and/or sector."""
        self.dossier: Dossier | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dossier-overview"):
            yield Static(id="dossier-text")
        yield OptionList(id="dossier-entries")
        yield QuietFooter()

    def on_mount(self) -> None:
        library = self.app.loaded
        dossier = build_dossier(library, **self.filters)
        self.dossier = dossier
        self.title = f"Dossier: {dossier.title}"
        text = Text(f"Dossier: {dossier.title}\n", style="bold")
        for number, line in enumerate(dossier.overview):
            text.append(("" if number == 0 else "• ") + line + "\n", style="" if number == 0 else "dim")
        self.query_one("#dossier-text", Static).update(text)
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

    @on(OptionList.OptionSelected, "#dossier-entries")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.dossier is not None:
            self.app.open_target(event.option.id, came_from=self.dossier.target)

    def selected_target(self) -> Selection | None:
        entries = self.query_one("#dossier-entries", OptionList)
        option = entries.highlighted_option
        if option is None or not option.id:
            return None
        target = option.id
        if target.startswith("compare:"):
            return target, "cell"
        resolved = self.app.loaded.resolve(target)
        return (target, resolved[0]) if resolved else None

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_export(self) -> None:
        from briefing_tui.core.export.choices import dossier_choice
        from briefing_tui.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog([dossier_choice(self.app.loaded, self.filters)]))
