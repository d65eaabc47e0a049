"""The explorer: navigator and search on the left, the selected target on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer

from briefing_tui.core import navtree
from briefing_tui.core.history import History
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.detail import DetailView
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.navigator import Navigator
from briefing_tui.tui.widgets.search import RESULTS_SHOWN, SearchPanel
from briefing_tui.tui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from briefing_tui.core.search import SearchOutcome

NAV_MIN = 20
"""The navigator's narrowest width, in columns."""
DETAIL_MIN = 30
"""Columns the detail pane keeps however wide the navigator is asked to be."""
NAV_FRACTION_MAX = 0.75
SAVE_DELAY = 1.0
"""Seconds after the last move before the opened target is written to the settings file."""
__all__ = ["RESULTS_SHOWN", "ExplorerScreen"]  # RESULTS_SHOWN: the benchmarks measure at the explorer's limit


class ExplorerScreen(BriefingScreen[None]):
    """The main screen the app opens on."""

    AUTO_FOCUS = "#nav"
    """The navigator has the focus from the start (Textual's default is the first focusable: the search box)."""

    FOOTER_PRIORITY = ("help", "focus_search", "compare", "toggle_bookmark", "edit_note", "present", "quit", "back")
    """At 80 columns: Help, Search, and what the official, the analyst and the presenter come for, before history
    and the layout keys (Group, Navigator: in Help)."""

    BINDINGS = [
        Binding("slash", "focus_search", "Search", id="explorer.search"),
        Binding("escape", "leave_search", "Clear search", show=False, id="explorer.leave_search"),
        Binding("g", "cycle_grouping", "Group", id="explorer.group"),
        Binding("left_square_bracket,alt+left", "back", "Back", id="explorer.back"),
        Binding("right_square_bracket,alt+right", "forward", "Forward", id="explorer.forward"),
        Binding("n", "next_result", "Next hit", show=False, id="explorer.next"),
        Binding("N", "previous_result", "Prev hit", show=False, id="explorer.previous"),
        Binding("backslash", "toggle_navigator", "Navigator", id="explorer.toggle_nav"),
        Binding("plus,equals_sign", "resize_navigator(4)", "Wider nav", show=False, id="explorer.wider"),
        Binding("minus", "resize_navigator(-4)", "Narrower nav", show=False, id="explorer.narrower"),
        Binding("d", "focus_detail", "Detail", show=False, id="explorer.focus_detail"),
        # Not in the footer, full at 80 columns: the detail pane's "Acronyms:" line says "A: what they mean".
        Binding(
            "A",
            "acronyms",
            "Acronyms",
            show=False,
            tooltip="What the acronyms of this item stand for",
            id="explorer.acronyms",
        ),
        Binding(
            "D",
            "dossier",
            "Dossier",
            tooltip="The dossier of the country, actor or sector group the navigator's cursor is in",
            id="explorer.dossier",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.history = History()
        """Everything opened, for back/forward."""
        self.terms: list[str] = []
        """Words to highlight in the detail pane (from the search that opened it)."""
        self.mounted = False
        """True once mounted: content can only be shown after that."""
        self._last_opened: str | None = None
        """The target to save as "last opened" when the save timer fires (or on exit)."""
        self._save_timer: Timer | None = None
        self.nav_fraction: float | None = None
        """The navigator's share of the terminal's width, as the user set it (None: the stylesheet's)."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield SearchPanel(id="search-panel")
                yield Navigator(id="nav")
            yield DetailView(id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        fraction = self.app.settings.get("navigator_fraction", None)
        if isinstance(fraction, float) and 0 < fraction <= NAV_FRACTION_MAX:
            self.nav_fraction = fraction
            self._fit_navigator(self.app.size.width)
        self.mounted = True
        if self.app.library is not None:
            self.content_ready()
        else:
            self.query_one(DetailView).show_placeholder("Loading briefings…")

    # -- content arrives ---------------------------------------------------------

    def content_ready(self) -> None:
        """Called by the app once the library is loaded."""
        app = self.app
        nav = self.query_one(Navigator)
        library = app.library
        assert library is not None
        nav.bookmarked = {bookmark.target for bookmark in app.bookmarks.all()}
        grouping = app.settings.get("grouping", "document")
        nav.load(library, grouping if grouping in navtree.GROUPINGS else "document")
        self._update_subtitle()
        last = app.settings.get("last_opened", None)
        if not (isinstance(last, str) and library.resolve(last) is not None):
            last = next(iter(library.briefings), None)
        if not self.query_one(SearchPanel).has_focus_within:  # a search typed while a large pack loaded
            nav.focus()
        if last:
            nav.revealing = last  # the tree's first highlight must not replace what we restore
            self.open(last)

    def _update_subtitle(self) -> None:
        nav = self.query_one(Navigator)
        library = self.app.library
        assert library is not None
        self.sub_title = (
            f"{len(library.briefings)} briefings · {len(library.items)} items · {navtree.GROUPING_LABELS[nav.grouping]}"
        )

    # -- opening targets ---------------------------------------------------------

    def open(self, target: str, *, record: bool = True, terms: list[str] | None = None, reveal: bool = True) -> None:
        """Show a target in the detail pane (and remember it in history and settings)."""
        app = self.app
        library = app.library
        if library is None:
            return
        if target.startswith("compare:"):
            self._open_comparison(target, record=record)
            return
        if target.startswith("dossier:"):
            self._open_dossier(target, record=record)
            return
        resolved = library.resolve(target)
        canonical = target
        match resolved:
            case ("item", item):
                canonical = item.id  # an item's former id opens the item under its id
        self.terms = terms or []
        bookmark = app.bookmarks.get(canonical)
        self.query_one(DetailView).show(
            library,
            canonical,
            terms=self.terms,
            note=bookmark.note if bookmark else None,
            glossary=app.glossary if resolved is not None and resolved[0] == "item" else None,
        )
        self.refresh_bindings()  # Back may have become possible, and A has acronyms to show or not
        if record:
            self.history.visit(canonical)
        if resolved is not None:
            self._remember(canonical)
        if reveal and not self._searching:
            self.query_one(Navigator).reveal(canonical)

    def _remember(self, target: str) -> None:
        """Save the last opened target a moment after the user settles (not on every arrow key)."""
        self._last_opened = target
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_last_opened)

    def _save_last_opened(self) -> None:
        self._save_timer = None
        if self._last_opened is not None:
            self.app.settings.set("last_opened", self._last_opened)
            self.app.report_storage()
            self._last_opened = None

    def on_unmount(self) -> None:
        self._save_last_opened()

    def _open_comparison(self, target: str, *, record: bool) -> None:
        from briefing_tui.core.compare import parse_cell_id
        from briefing_tui.tui.screens.compare import CompareScreen

        if record:
            self.history.visit(target)
            self.refresh_bindings()
        cell = parse_cell_id(target)
        self.app.push_screen(CompareScreen(start=cell))

    def _open_dossier(self, target: str, *, record: bool) -> None:
        from briefing_tui.core.dossier import known_filters
        from briefing_tui.tui.screens.dossier import DossierScreen

        filters = known_filters(target)
        if filters is None:
            self.notify(f"No dossier {target!r}: its country, actor or sector is not one the briefings use.", timeout=4)
            return
        if record:
            self.history.visit(target)
            self.refresh_bindings()
        self.app.push_screen(DossierScreen(filters))

    @property
    def current_target(self) -> str | None:
        return self.query_one(DetailView).target

    def selected_target(self) -> Selection | None:
        """What the detail pane shows, as a bookmark target."""
        target = self.current_target
        library = self.app.library
        if target is None or library is None:
            return None
        resolved = library.resolve(target)
        return (target, resolved[0]) if resolved else None

    def bookmarks_changed(self, target: str | None) -> None:
        """Re-mark the navigator, and redraw the detail if it shows the changed target (its note)."""
        if self.app.library is None or not self.mounted:
            return
        self.query_one(Navigator).refresh_marks({bookmark.target for bookmark in self.app.bookmarks.all()})
        current = self.current_target
        if current and (target is None or current == target):
            self.open(current, record=False, terms=self.terms, reveal=False)

    @property
    def _searching(self) -> bool:
        return self.query_one(SearchPanel).searching

    @property
    def outcome(self) -> SearchOutcome | None:
        """The latest search results."""
        return self.query_one(SearchPanel).outcome

    @on(Navigator.Opened)
    def _nav_opened(self, event: Navigator.Opened) -> None:
        self.open(event.target, reveal=False)

    @on(Navigator.NodeHighlighted)
    def _nav_highlighted(self, event: Navigator.NodeHighlighted) -> None:
        nav = event.node.data
        self.refresh_bindings()  # D shows only inside a country, actor or sector group
        if self.query_one(Navigator).revealing is not None:
            return
        if nav is not None and nav.target and nav.target != self.current_target:
            self.open(nav.target, reveal=False)

    @on(DetailView.LinkChosen)
    def _link_chosen(self, event: DetailView.LinkChosen) -> None:
        self.open(event.target)

    def action_dossier(self) -> None:
        """Open the dossier of the group the navigator's cursor is in (Japan under Brazil: Japan in Brazil)."""
        from briefing_tui.core.dossier import dossier_target

        filters = self.query_one(Navigator).dossier_filters()
        if not filters:
            self.notify("Group the navigator by country, actor or sector (g), then pick a group.", timeout=4)
            return
        self.app.open_target(dossier_target(filters))

    def action_acronyms(self) -> None:
        """Spell out the acronyms of the item shown (the ones underlined in the detail pane)."""
        from briefing_tui.tui.dialogs.acronyms import AcronymsDialog

        detail = self.query_one(DetailView)
        if not detail.acronyms or detail.target is None:
            self.notify("This has no acronyms the glossary knows.", timeout=3)
            return
        self.app.push_screen(AcronymsDialog(self.app.title_of(detail.target), detail.acronyms))

    def action_back(self) -> None:
        target = self.history.back()
        if target:
            self.open(target, record=False)
        self.refresh_bindings()

    def action_forward(self) -> None:
        target = self.history.forward()
        if target:
            self.open(target, record=False)
        self.refresh_bindings()

    # -- layout ------------------------------------------------------------------

    def action_cycle_grouping(self) -> None:
        nav = self.query_one(Navigator)
        if nav.library is None:
            return
        index = navtree.GROUPINGS.index(nav.grouping)
        grouping = navtree.GROUPINGS[(index + 1) % len(navtree.GROUPINGS)]
        nav.load(nav.library, grouping)
        self.app.settings.set("grouping", grouping)
        self._update_subtitle()
        self.notify(f"Navigator grouped {navtree.GROUPING_LABELS[grouping]}", timeout=2)

    def action_toggle_navigator(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        if not sidebar.display:
            self.query_one(DetailView).focus()
        else:  # back where the user was going: the arrows move the tree again (they scrolled the detail pane)
            search = self.query_one(SearchPanel)
            (search.query_one("#results") if search.searching else self.query_one(Navigator)).focus()

    def action_resize_navigator(self, delta: int) -> None:
        screen_width = self.app.size.width
        current = self.query_one("#sidebar").outer_size.width or 36
        # Saved as a share of the terminal: a width chosen at 120 columns still leaves a detail pane at 80.
        self.nav_fraction = round(min(NAV_FRACTION_MAX, max(NAV_MIN, current + delta) / max(1, screen_width)), 3)
        self._fit_navigator(screen_width)
        self.app.settings.set("navigator_fraction", self.nav_fraction)

    def _fit_navigator(self, screen_width: int) -> None:
        """Size the navigator to its share of ``screen_width``, keeping both panes usable."""
        if self.nav_fraction is None:
            return
        width = max(NAV_MIN, min(round(self.nav_fraction * screen_width), screen_width - DETAIL_MIN))
        self.query_one("#sidebar").styles.width = width

    def on_resize(self, event: events.Resize) -> None:
        self._fit_navigator(event.size.width)

    def action_focus_detail(self) -> None:
        self.query_one(DetailView).focus()

    # -- search ------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#sidebar").display = True
        self.query_one(SearchPanel).focus_input()

    def action_leave_search(self) -> None:
        panel = self.query_one(SearchPanel)
        if panel.searching:
            panel.clear()
        self.query_one(Navigator).focus()

    @on(SearchPanel.Active)
    def _search_active(self, event: SearchPanel.Active) -> None:
        self.query_one(Navigator).display = not event.active

    @on(SearchPanel.ResultOpened)
    def _result_opened(self, event: SearchPanel.ResultOpened) -> None:
        self.open(event.target, terms=event.terms)
        if event.chosen:
            self.query_one(DetailView).focus()

    def action_next_result(self) -> None:
        self.query_one(SearchPanel).next_result()

    def action_previous_result(self) -> None:
        self.query_one(SearchPanel).previous_result()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_result", "previous_result"):
            return self.query_one(SearchPanel).has_results
        if action == "acronyms":
            return True if self.query_one(DetailView).acronyms else None
        if action == "dossier":
            nav = self.query_one(Navigator)
            shown = nav.display and self.query_one("#sidebar").display
            return shown and bool(nav.dossier_filters())
        if action == "back":
            return True if self.history.can_go_back else None
        if action == "forward":
            return True if self.history.can_go_forward else None
        return True
