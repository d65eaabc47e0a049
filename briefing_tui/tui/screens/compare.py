"""The side-by-side comparison: themes as rows, the United States, Japan and China as columns.

A fourth LAC column appears when the content has LAC cells. The selected cell's evidence
and source documents (each with its perspective) show in a panel below, or at the side on
wide terminals; on narrow terminals a theme's cells stack vertically instead of being cut.
"""

from __future__ import annotations

from functools import cached_property

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import Static

from briefing_tui.core import compare
from briefing_tui.core.content import Library, LibraryData
from briefing_tui.core.text import clean_line
from briefing_tui.core.vocab import ACTORS, label
from briefing_tui.tui.dialogs.theme_picker import ThemePicker
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.cell_details import CellDetails
from briefing_tui.tui.widgets.compare_grid import CellKey, ComparisonGrid
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.title_bar import TitleBar


class CompareScreen(BriefingScreen[None]):
    """The comparison grid, with the selected cell's evidence and documents."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-medium"), (200, "-wide")]
    """Below 110 columns the cells of a theme stack; from 200 the evidence panel moves to the side."""
    DIMMED_APP_ACTIONS = frozenset({"compare"})  # already here
    FOOTER_PRIORITY = ("back", "help", "evidence", "differences", "filter", "clear_filter", "export")
    """At 80 columns: the comparison's own keys before the app's (All themes is the first left out)."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="compare.back"),
        Binding("up", "move(-1, 0)", "Cell above", show=False, id="compare.up"),
        Binding("down", "move(1, 0)", "Cell below", show=False, id="compare.down"),
        Binding("left", "move(0, -1)", "Cell to the left", show=False, id="compare.left"),
        Binding("right", "move(0, 1)", "Cell to the right", show=False, id="compare.right"),
        Binding("home", "edge(-1)", "First cell", show=False, id="compare.first"),
        Binding("end", "edge(1)", "Last cell", show=False, id="compare.last"),
        Binding("enter", "evidence", "Evidence", id="compare.evidence"),
        Binding("f", "filter", "Filter", id="compare.filter"),
        Binding("F", "clear_filter", "All themes", id="compare.clear_filter"),
        Binding("d", "differences", "Differences", id="compare.differences"),
        Binding("l", "toggle_lac", "LAC column", id="compare.lac"),
        Binding("x", "export", "Export", id="compare.export"),
    ]

    def __init__(self, start: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.start: CellKey | None = start
        """The cell to select first (e.g. when Back returns here from the explorer)."""
        self.theme_filter: str | None = None
        """The one theme shown, or None for all."""
        self.differences = False
        """True: each cell shows only what sets it apart."""
        self.show_lac = True
        """Whether the LAC column (when the content has one) is shown."""
        self._status: Text | None = None
        """What the status line shows."""
        self._resumed = False
        """Whether the screen has been shown yet."""

    @cached_property
    def library(self) -> Library:
        """The app's content (an empty library if it has not loaded, so nothing here can crash)."""
        library = self.app.library
        return library if library is not None else Library(LibraryData())

    @cached_property
    def actors(self) -> list[str]:
        """Every column the content has (the library does not change under a screen)."""
        return compare.theme_actors(self.library)

    def _breakpoint(self, width: int) -> str:
        """The class ``HORIZONTAL_BREAKPOINTS`` gives this width (as Textual picks it)."""
        return max((edge, name) for edge, name in self.HORIZONTAL_BREAKPOINTS if width >= edge)[1]

    def compose(self) -> ComposeResult:
        # Textual sets the breakpoint class on the first resize, restyling every widget a second
        # time; set it now, before the widgets are styled, so that resize changes nothing.
        shown = self._breakpoint(self.app.size.width)
        for _, name in self.HORIZONTAL_BREAKPOINTS:
            self.set_class(name == shown, name, update=False)
        yield TitleBar()
        yield Static("", id="compare-status")
        with Container(id="compare-body"):
            if self.library.themes:
                themes = list(self.library.themes.values())
                yield ComparisonGrid(
                    themes,
                    self.actors,
                    marked=self._bookmarked_targets(),
                    stacked=shown == "-narrow",
                    id="compare-grid",
                )
                yield CellDetails(id="cell-details")
            else:
                loading = self.app.library is None
                message = "The content is still loading." if loading else "The loaded content has no comparison themes."
                yield Static(Text(message + " Escape goes back."), id="compare-empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Compare · " + " · ".join(label(ACTORS, actor) for actor in self.actors)
        if not self.library.themes:
            return
        grid = self.query_one(ComparisonGrid)
        self._apply(select=self.start)
        # Now rather than on the grid's CellSelected: the first frame shows the panel filled,
        # without a second layout pass for it.
        self._show_details(grid.selected)
        grid.focus()

    # -- state -> widgets ----------------------------------------------------------

    def _shown_themes(self) -> list[str]:
        if self.theme_filter in self.library.themes:
            return [self.theme_filter]
        return list(self.library.themes)

    def _shown_actors(self) -> list[str]:
        return [actor for actor in self.actors if self.show_lac or actor != "lac"]

    def _bookmarked_targets(self) -> frozenset[str]:
        return frozenset(bookmark.target for bookmark in self.app.bookmarks.all())

    def _apply(self, select: CellKey | None = None) -> None:
        if not self.library.themes:
            return
        self.query_one(ComparisonGrid).apply(
            themes=self._shown_themes(), actors=self._shown_actors(), differences=self.differences, select=select
        )
        self._update_status()
        self.refresh_bindings()

    def _update_status(self) -> None:
        status = Text()
        if self.theme_filter:
            theme = self.library.themes[self.theme_filter]
            status.append(f"Theme: {clean_line(theme.title)}", style="bold")
            status.append(" (F: all)")
        else:
            status.append(f"All {len(self.library.themes)} themes", style="bold")
        status.append(" · " + ("Differences" if self.differences else "Full stances"))
        if "lac" in self.actors:
            status.append(" · LAC " + ("shown" if self.show_lac else "hidden"))
        if self.has_class("-narrow"):
            status.append(" · stacked (narrow)", style="italic")
        if status != self._status:  # an update relayouts the whole screen, even for the same text
            self._status = status
            self.query_one("#compare-status", Static).update(status)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            # Textual restyles every widget of a screen as it resumes; the first time, they were
            # styled a moment ago as they mounted (~15 ms saved before the first frame).
            self._resumed = True
            event.refresh_styles = False

    def on_resize(self, event: events.Resize) -> None:
        # Breakpoint classes change with the width; the status line mentions stacking.
        if self.library.themes:
            self.query_one(ComparisonGrid).set_stacked(self._breakpoint(event.size.width) == "-narrow")
            self.call_after_refresh(self._update_status)
        if event.size == self._compositor.size and self.has_class(self._breakpoint(event.size.width)):
            # Textual sends a new screen a Resize for the size it was just laid out at, and its
            # default handler lays every widget out again (50-120 ms, right after the first frame).
            event.prevent_default()

    @on(ComparisonGrid.CellSelected)
    def _cell_selected(self, event: ComparisonGrid.CellSelected) -> None:
        if event.key != self.query_one(CellDetails).key:  # on_mount may have shown it already
            self._show_details(event.key)

    def _show_details(self, key: CellKey | None) -> None:
        if key is None:
            return
        theme_id, actor = key
        target = compare.cell_id(theme_id, actor)
        bookmark = self.app.bookmarks.get(target)
        self.query_one(CellDetails).show(
            self.library,
            self.library.themes[theme_id],
            actor,
            bookmarked=bookmark is not None,
            note=bookmark.note if bookmark else None,
        )

    # -- what the app asks of every screen ----------------------------------------

    @property
    def selected(self) -> CellKey | None:
        """The selected cell, (theme id, actor)."""
        if not self.library.themes:
            return None
        return self.query_one(ComparisonGrid).selected

    def selected_target(self) -> Selection | None:
        """The selected cell as a bookmark target, for the app's ``b`` and ``e``."""
        selected = self.selected
        return (compare.cell_id(*selected), "cell") if selected else None

    def bookmarks_changed(self, target: str | None) -> None:
        """Redraw the ★ marks and the panel after a bookmark or note changed."""
        if not self.library.themes:
            return
        self.query_one(ComparisonGrid).set_marks(self._bookmarked_targets())
        self._show_details(self.selected)

    # -- actions -------------------------------------------------------------------

    def action_move(self, rows: int, columns: int) -> None:
        if not self.library.themes:
            return
        grid = self.query_one(ComparisonGrid)
        if rows and self.has_class("-narrow"):
            grid.move_in_reading_order(rows)  # stacked: down is the next cell, whatever its actor
        else:
            grid.move(rows, columns)

    def action_edge(self, direction: int) -> None:
        if not self.library.themes:
            return
        grid = self.query_one(ComparisonGrid)
        themes, actors = grid.shown_themes, grid.shown_actors
        grid.select((themes[0], actors[0]) if direction < 0 else (themes[-1], actors[-1]))

    def action_evidence(self) -> None:
        if self.library.themes and not self.query_one(CellDetails).focus_evidence():
            self.notify("This cell cites no evidence or documents.", timeout=3)

    @on(CellDetails.Chosen)
    def _open_chosen(self, event: CellDetails.Chosen) -> None:
        selected = self.selected
        came_from = compare.cell_id(*selected) if selected else None
        self.app.open_target(event.target, came_from=came_from)

    def action_back(self) -> None:
        focused = self.focused
        if self.library.themes and focused is not None and self.query_one(CellDetails) in focused.ancestors:
            self.query_one(ComparisonGrid).focus()
        elif self.theme_filter:
            self.action_clear_filter()
        else:
            self.app.pop_screen()

    def action_filter(self) -> None:
        themes = [(theme.id, theme.title) for theme in self.library.themes.values()]
        if themes:
            self.app.push_screen(ThemePicker(themes, self.theme_filter), self._filter_chosen)

    def _filter_chosen(self, theme_id: str | None) -> None:
        if theme_id is None:
            return
        self.set_filter(theme_id or None)

    def set_filter(self, theme_id: str | None) -> None:
        """Show one theme (or every theme with None), keeping the selected actor."""
        self.theme_filter = theme_id if theme_id in self.library.themes else None
        selected = self.selected
        actor = selected[1] if selected else self.actors[0]
        self._apply(select=(self.theme_filter, actor) if self.theme_filter else selected)

    def action_clear_filter(self) -> None:
        if self.theme_filter:
            self.set_filter(None)

    def action_differences(self) -> None:
        self.differences = not self.differences
        self._apply()

    def action_toggle_lac(self) -> None:
        if "lac" in self.actors:
            self.show_lac = not self.show_lac
            self._apply()

    def action_export(self) -> None:
        """The export dialog, offering the themes shown (when filtered) and the whole comparison."""
        from briefing_tui.core.export import choices
        from briefing_tui.tui.dialogs.export import ExportDialog

        offered = [choices.comparison_choice(self.library)]
        shown = [self.library.themes[theme_id] for theme_id in self._shown_themes()]
        if len(shown) < len(self.library.themes):
            label = "The themes shown" if len(shown) != 1 else f"This theme: {shown[0].title}"
            offered.insert(0, choices.comparison_choice(self.library, shown, label=label))
        self.app.push_screen(ExportDialog(offered, title="Export the comparison"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_lac":
            return "lac" in self.actors
        if action == "clear_filter":
            return True if self.theme_filter else None
        return True
