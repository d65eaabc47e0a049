"""The explorer: navigator and search on the left, the selected target on the right."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header

from briefing_tui.core import navtree
from briefing_tui.core.history import History
from briefing_tui.core.search import SearchOutcome
from briefing_tui.tui.widgets.detail import DetailView
from briefing_tui.tui.widgets.footer import QuietFooter
from briefing_tui.tui.widgets.navigator import Navigator
from briefing_tui.tui.widgets.search import RESULTS_SHOWN, SearchPanel

NAV_MIN, NAV_MAX = 20, 90
SAVE_DELAY = 1.0
"""Seconds after the last move before the opened target is written to the settings file."""
__all__ = ["RESULTS_SHOWN", "ExplorerScreen"]  # RESULTS_SHOWN: the benchmarks measure at the explorer's limit


class ExplorerScreen(Screen):
    """The main screen the app opens on."""

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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="sidebar"):
                yield SearchPanel(id="search-panel")
                yield Navigator(id="nav")
            yield DetailView(id="detail")
        yield QuietFooter()

    def on_mount(self) -> None:
        width = self.app.settings.get("navigator_width", None)  # type: ignore[attr-defined]
        if isinstance(width, int):
            self.query_one("#sidebar").styles.width = max(NAV_MIN, min(NAV_MAX, width))
        self.mounted = True
        if self.app.library is not None:  # type: ignore[attr-defined]
            self.content_ready()
        else:
            self.query_one(DetailView).show_placeholder("Loading briefings…")

    # -- content arrives ---------------------------------------------------------

    def content_ready(self) -> None:
        """Called by the app once the library is loaded."""
        app = self.app
        nav = self.query_one(Navigator)
        nav.bookmarked = {bookmark.target for bookmark in app.bookmarks.all()}  # type: ignore[attr-defined]
        grouping = app.settings.get("grouping", "document")  # type: ignore[attr-defined]
        nav.load(app.library, grouping if grouping in navtree.GROUPINGS else "document")  # type: ignore[attr-defined]
        self._update_subtitle()
        last = app.settings.get("last_opened", None)  # type: ignore[attr-defined]
        if not (isinstance(last, str) and app.library.resolve(last) is not None):  # type: ignore[attr-defined]
            last = next(iter(app.library.briefings), None)  # type: ignore[attr-defined]
        nav.focus()
        if last:
            nav.revealing = last  # the tree's first highlight must not replace what we restore
            self.open(last)

    def _update_subtitle(self) -> None:
        nav = self.query_one(Navigator)
        library = self.app.library  # type: ignore[attr-defined]
        self.sub_title = (
            f"{len(library.briefings)} briefings · {len(library.items)} items · {navtree.GROUPING_LABELS[nav.grouping]}"
        )

    # -- opening targets ---------------------------------------------------------

    def open(self, target: str, *, record: bool = True, terms: list[str] | None = None, reveal: bool = True) -> None:
        """Show a target in the detail pane (and remember it in history and settings)."""
        app = self.app
        library = app.library  # type: ignore[attr-defined]
        if library is None:
            return
        if target.startswith("compare:"):
            self._open_comparison(target, record=record)
            return
        resolved = library.resolve(target)
        canonical = target
        if resolved and resolved[0] == "item":
            canonical = resolved[1].id  # type: ignore[attr-defined]
        self.terms = terms or []
        bookmark = app.bookmarks.get(canonical)  # type: ignore[attr-defined]
        self.query_one(DetailView).show(library, canonical, terms=self.terms, note=bookmark.note if bookmark else None)
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
            self.app.settings.set("last_opened", self._last_opened)  # type: ignore[attr-defined]
            self._last_opened = None

    def on_unmount(self) -> None:
        self._save_last_opened()

    def _open_comparison(self, target: str, *, record: bool) -> None:
        from briefing_tui.core.compare import parse_cell_id
        from briefing_tui.tui.screens.compare import CompareScreen

        if record:
            self.history.visit(target)
        cell = parse_cell_id(target)
        self.app.push_screen(CompareScreen(start=cell))

    @property
    def current_target(self) -> str | None:
        return self.query_one(DetailView).target

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
        if event.control.revealing is not None:
            return
        if nav is not None and nav.target and nav.target != self.current_target:
            self.open(nav.target, reveal=False)

    @on(DetailView.LinkChosen)
    def _link_chosen(self, event: DetailView.LinkChosen) -> None:
        self.open(event.target)

    def action_back(self) -> None:
        target = self.history.back()
        if target:
            self.open(target, record=False)

    def action_forward(self) -> None:
        target = self.history.forward()
        if target:
            self.open(target, record=False)

    # -- layout ------------------------------------------------------------------

    def action_cycle_grouping(self) -> None:
        nav = self.query_one(Navigator)
        if nav.library is None:
            return
        index = navtree.GROUPINGS.index(nav.grouping)
        grouping = navtree.GROUPINGS[(index + 1) % len(navtree.GROUPINGS)]
        nav.load(nav.library, grouping)
        self.app.settings.set("grouping", grouping)  # type: ignore[attr-defined]
        self._update_subtitle()
        self.notify(f"Navigator grouped {navtree.GROUPING_LABELS[grouping]}", timeout=2)

    def action_toggle_navigator(self) -> None:
        sidebar = self.query_one("#sidebar")
        sidebar.display = not sidebar.display
        if not sidebar.display:
            self.query_one(DetailView).focus()

    def action_resize_navigator(self, delta: int) -> None:
        sidebar = self.query_one("#sidebar")
        current = sidebar.outer_size.width or 36
        width = max(NAV_MIN, min(NAV_MAX, current + delta))
        sidebar.styles.width = width
        self.app.settings.set("navigator_width", width)  # type: ignore[attr-defined]

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
        if action == "back":
            return True if self.history.can_go_back else None
        if action == "forward":
            return True if self.history.can_go_forward else None
        return True
