"""The help screen: keys by screen, generated from the bindings themselves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing_tui.tui.screens.base import BriefingDialog

if TYPE_CHECKING:
    from briefing_tui.tui.app import BriefingApp

INTRO = (
    "briefing-tui: policy briefings on how the United States, Japan and China engage Latin America and the "
    "Caribbean. Ctrl+P opens the command palette (jump to any briefing, section, item or theme; every command). "
    'Search syntax: words, "exact phrase", -excluded, kind:case-study country:brazil actor:japan '
    "sector:energy briefing:<id>."
)


def _bindings_table(title: str, bindings: list[Binding], display: Callable[[Binding], str]) -> Table:
    """Each binding's keys as the footer shows them ("?", "[", "alt+←"; not "question_mark")."""
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 2))
    table.add_column("key", style="bold")
    table.add_column("action")
    for binding in bindings:
        if not binding.description:
            continue
        keys = ", ".join(display(replace(binding, key=key.strip())) for key in binding.key.split(","))
        table.add_row(Text(keys), Text(binding.description))
    return table


def _as_bindings(raw) -> list[Binding]:
    return [binding for binding in raw if isinstance(binding, Binding)]


class HelpScreen(BriefingDialog[None]):
    """Keys for every screen, taken from the screens' own BINDINGS."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close", id="help.close")]

    def __init__(self, sections: Sequence[tuple[str, Sequence[object]]]) -> None:
        super().__init__()
        self.sections = sections
        """(title, bindings) for each part of the app, in the order shown."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text("Keys", style="bold"), classes="help-title")
            yield Static(Text(INTRO))
            for title, bindings in self.sections:
                yield Static(_bindings_table(title, _as_bindings(bindings), self.app.get_key_display))
            yield Static(Text("Escape closes this screen.", style="dim"))

    def action_dismiss_help(self) -> None:
        self.dismiss(None)


def help_sections(app: BriefingApp) -> list[tuple[str, Sequence[object]]]:
    """(title, bindings) of every screen, the app-wide keys first."""
    from briefing_tui.tui.screens.bookmarks import BookmarksScreen
    from briefing_tui.tui.screens.compare import CompareScreen
    from briefing_tui.tui.screens.dossier import DossierScreen
    from briefing_tui.tui.screens.explorer import ExplorerScreen
    from briefing_tui.tui.screens.glossary import GlossaryScreen
    from briefing_tui.tui.screens.presenter import PresenterScreen

    return [
        ("Everywhere", app.BINDINGS),
        ("Explorer", ExplorerScreen.BINDINGS),
        ("Compare", CompareScreen.BINDINGS),
        ("Bookmarks", BookmarksScreen.BINDINGS),
        ("Dossier", DossierScreen.BINDINGS),
        ("Glossary", GlossaryScreen.BINDINGS),
        ("Presenter", PresenterScreen.BINDINGS),
    ]
