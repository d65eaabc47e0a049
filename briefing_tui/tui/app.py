"""The Textual app: loads content in a worker, owns the shared state, routes between screens."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker

from briefing_tui.core.content import ContentError, Library, load_library, problems_text
from briefing_tui.core.text import clean, clean_line
from briefing_tui.tui import bookmark_keys, collector, content_loading
from briefing_tui.tui.commands import JumpProvider, system_commands
from briefing_tui.tui.screens.base import BriefingScreen, Selection

if TYPE_CHECKING:
    from briefing_tui.core.glossary import Glossary
    from briefing_tui.core.search import SearchIndex
    from briefing_tui.core.search.builder import IndexBuilder
    from briefing_tui.core.slides import Deck
    from briefing_tui.core.storage.bookmarks import Bookmark
    from briefing_tui.tui.screens.explorer import ExplorerScreen


class BriefingApp(App):
    """briefing-tui's application object."""

    # Every screen's stylesheet is read at start: one a screen brought on its first push made Textual
    # re-parse and re-style the whole app (~100 ms on opening the presenter).
    CSS_PATH = ["app.tcss", "compare.tcss", "presenter.tcss"]
    COMMANDS = App.COMMANDS | {JumpProvider}
    TITLE = "briefing-tui"
    SUB_TITLE = "US · Japan · China in Latin America and the Caribbean"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("c", "compare", "Compare", id="app.compare"),
        Binding("b", "toggle_bookmark", "Bookmark", id="app.bookmark"),
        Binding("e", "edit_note", "Note", id="app.note"),
        Binding("u", "undo", "Undo", show=False, id="app.undo"),
        Binding("B", "bookmarks", "Bookmarks", id="app.bookmarks"),
        Binding("p", "present", "Present", id="app.present"),
        Binding("y", "copy", "Copy", show=False, id="app.copy"),
        Binding("x", "export", "Export", show=False, id="app.export"),
    ]

    def __init__(
        self,
        content: Sequence[str] | None = None,
        *,
        use_cache: bool = True,
        library: Library | None = None,
        present: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        from briefing_tui.core.storage.bookmarks import BookmarkStore
        from briefing_tui.core.storage.settings import SettingsStore

        self.content_dirs = list(content) if content else None
        """Content folders to load (None: $BRIEFING_TUI_CONTENT or the bundled content)."""
        self.use_cache = use_cache
        self.library: Library | None = library
        """The loaded content; None until the loader worker finishes."""
        self.search_index: SearchIndex | None = None
        self.bookmarks = BookmarkStore()
        self._glossary: Glossary | None = None
        self.settings = SettingsStore()
        self.initial_present = present
        """A briefing or dossier id to open straight in the presenter (``briefing-tui present ID``)."""
        self.clock = clock
        """Time source for the presenter's timer (tests inject a fixed clock)."""
        self.present_bookmarks_on_start = False
        """Open the presenter on the bookmarks once content loads (``present --bookmarks``)."""
        self.bookmarks_changed_signal: Signal[str | None] = Signal(self, "bookmarks-changed")
        """Published with the changed target (None: many) after a bookmark or note changes."""
        self.failure: str | None = None
        """Why the app ended itself (printed on the terminal as it exits), or None."""
        self.search_problem: str | None = None
        """Why search is unavailable (the index could not be built), for the search box to say."""
        self.removals: list[Bookmark] = []
        """Bookmarks removed in this session, most recent last: ``u`` puts them back."""
        self._index_builder: IndexBuilder | None = None
        """The process building a large pack's index while the content loads (see ``start_index_builder``)."""
        self._vocabulary_builder: IndexBuilder | None = None
        """The builder once the index is in place, still adding the typo vocabulary."""
        self._idle_collector = collector.IdleCollector()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications often quote content or file names: never interpret them as markup.

        ``markup`` is ignored on purpose: ``Widget.notify`` passes ``markup=True`` by default.
        """
        # ...and drop escape sequences, which a toast would otherwise write to the terminal raw.
        super().notify(clean(message), title=clean_line(title), severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        # Textual's own version says "Press [b]ctrl+q[/b]", which our plain notify would show raw.
        quit_keys = [
            key for key, active in self.active_bindings.items() if active.binding.action in ("quit", "app.quit")
        ]
        if quit_keys:
            self.notify(f"Press {quit_keys[0]} to quit the app", title="Do you want to quit?")

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        # Textual's message quotes the path in markup; say it plainly instead.
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(f"Saved screenshot to {event.path}" if event.path else "Saved screenshot", title="Screenshot")

    # -- start-up ----------------------------------------------------------------

    def on_mount(self) -> None:
        from briefing_tui.core.storage.settings import KNOWN_SETTINGS
        from briefing_tui.tui.screens.explorer import ExplorerScreen

        theme = self.settings.get("theme", None)
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if self.library is None and content_loading.is_small(self.content_dirs):
            # A small pack loads in a few milliseconds: doing it here puts content in the very
            # first frame, instead of a "Loading" frame followed by a thread fighting for the GIL.
            try:
                self.library = load_library(self.content_dirs, use_cache=self.use_cache)
                gc.freeze()  # as the loader worker does: later collections skip the content's objects
            except ContentError as error:
                self.content_failed(error)  # before any screen exists: nothing half-mounted to crash
                return
        self.push_screen(ExplorerScreen())
        self.call_after_refresh(self._collect_again)
        self.set_interval(collector.IDLE_SECONDS / 2, self._idle_collector.collect_if_idle)
        # Read both files now, so a corrupt file set aside or a hand-edited setting is told at once.
        self.bookmarks.all()
        for key in KNOWN_SETTINGS:
            self.settings.get(key)
        self.report_storage()
        if self.library is None:
            self.start_index_builder()
            self.load_content()
        else:
            self.content_loaded(self.library)

    def _collect_again(self) -> None:
        """After the first frame: garbage collection back on (``cmd_app`` turns it off for the start).

        While a large pack loads, the loader keeps it off and turns it on when done.
        """
        if self.library is not None and not gc.isenabled():
            gc.freeze()  # what the start made lives as long as the app: later collections skip it
            gc.enable()

    # -- garbage collection while nobody waits (see tui/collector.py) ------------

    def pop_screen(self) -> AwaitComplete:
        closing = super().pop_screen()
        self.call_after_refresh(self._collect_when_closed, closing)
        return closing

    def _collect_when_closed(self, closing: AwaitComplete) -> None:
        """Once the screen below is painted and the closed one removed, its widgets are garbage: free them."""
        if closing.is_done:
            collector.collect()
        else:
            self.call_after_refresh(self._collect_when_closed, closing)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self._idle_collector.input_seen()
        await super().on_event(event)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False, description="Loading the content")
    def load_content(self) -> None:
        content_loading.load_in_thread(self)

    def show_loading_progress(self, done: int, total: int) -> None:
        from briefing_tui.tui.widgets.detail import DetailView

        explorer = self.explorer
        if explorer.mounted and self.library is None:
            explorer.query_one(DetailView).show_placeholder(f"Loading briefings… {done:,} of {total:,} items")

    def content_failed(self, error: ContentError) -> None:
        self.fail(problems_text(error.problems))

    def fail(self, message: str) -> None:
        """End the app with a one-line reason on the terminal and exit code 2 (never a traceback)."""
        self.failure = message
        self.exit(return_code=2, message=Text(f"briefing-tui: {message}"))

    def content_loaded(self, library: Library) -> None:
        self.library = library
        # After the first frame with content: building the index competes for the interpreter.
        self.call_after_refresh(self.build_index)
        if self.explorer.mounted:  # otherwise the explorer picks the library up when it mounts
            self.explorer.content_ready()
        self.report_storage()
        if self.initial_present and self.initial_present.startswith("dossier:"):
            self.present_dossier(self.initial_present)
        elif self.initial_present:
            self.present_briefing(self.initial_present)
        elif self.present_bookmarks_on_start:
            self.present_bookmarks()

    def start_index_builder(self) -> None:
        """A large pack's index is built in a process of its own, on the other core, while the content loads."""
        if not self.use_cache:
            return  # no cache to put it in: built in memory once the content is in
        from briefing_tui.core.search.builder import IndexBuilder

        try:
            self._index_builder = IndexBuilder(self.content_dirs)
        except OSError:
            self._index_builder = None  # built in a worker thread once the content is in, as for a small pack

    def on_unmount(self) -> None:
        for builder in (self._index_builder, self._vocabulary_builder):
            if builder is not None:
                builder.stop()  # mid-vocabulary, its transaction rolls back: the index stays usable

    @work(thread=True, exclusive=True, group="index", exit_on_error=False, description="Building the search index")
    def build_index(self) -> None:
        from briefing_tui.core import search  # the index module is imported here, after the first frame
        from briefing_tui.core.content import cache

        assert self.library is not None
        path = cache.index_path(self.library)
        builder, self._index_builder = self._index_builder, None
        if builder is not None:
            # Blocks on the builder's pipe, without the interpreter, until the index is in place; the builder then
            # adds the typo vocabulary while search runs (it is stopped when the app ends). If it failed, or built
            # the index of other content (the ids digest differs), SearchIndex builds it here instead.
            if path is not None and builder.wait(self._index_progress()):
                self._vocabulary_builder = builder
            else:
                builder.stop()
        self.search_index = search.SearchIndex(self.library, path)
        self.call_from_thread(self.show_index_progress, None)

    def _index_progress(self) -> Callable[[int, int], None]:
        last_shown = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last_shown
            now = time.monotonic()
            if now - last_shown >= 0.2 and total:
                last_shown = now
                self.call_from_thread(self.show_index_progress, f"indexing {100 * done // total}%")

        return progress

    def show_index_progress(self, message: str | None) -> None:
        """Tell the search box how far the index is (None: ready)."""
        from briefing_tui.tui.widgets.search import SearchPanel

        for panel in self.explorer.query(SearchPanel) if self.explorer.mounted else []:
            panel.index_status(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.report_worker(event)

    def report_worker(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker is reported (screens forward theirs: worker messages do not bubble)."""
        content_loading.report_worker(self, event)

    def watch_theme(self, theme: str) -> None:
        # Only a change the user makes is saved, not the theme applied at start.
        if self.is_running and theme != self.settings.get("theme", None):
            self.settings.set("theme", theme)
            self.report_storage()

    @property
    def loaded(self) -> Library:
        """The library, for screens and dialogs that open only once it is in (compare, bookmarks, export)."""
        if self.library is None:
            raise RuntimeError("the content is not loaded yet")
        return self.library

    @property
    def explorer(self) -> ExplorerScreen:
        from briefing_tui.tui.screens.explorer import ExplorerScreen

        for screen in self.screen_stack:
            if isinstance(screen, ExplorerScreen):
                return screen
        raise LookupError("no explorer screen")

    # -- what is selected ----------------------------------------------------------

    def selected_target(self) -> Selection | None:
        """(target id, target kind) of what the user has selected on the current screen."""
        screen = self.screen
        return screen.selected_target() if isinstance(screen, BriefingScreen) else None

    def selected_briefing(self) -> str | None:
        """The briefing of what is selected (else the first briefing): for present and export."""
        if self.library is None:
            return None
        selected = self.selected_target()
        found = self.library.briefing_of(selected[0]) if selected else None
        return found or next(iter(self.library.briefings), None)

    @property
    def glossary(self) -> Glossary:
        """The loaded packs' glossary, read on first use (empty, with a warning, when it is invalid)."""
        if self._glossary is None:
            from briefing_tui.core.content import ContentError, problems_text
            from briefing_tui.core.glossary import Glossary, load_glossary

            try:
                self._glossary = load_glossary(self.content_dirs)
            except ContentError as error:
                self._glossary = Glossary([])
                self.notify(problems_text(error.problems), title="The glossary", severity="warning", timeout=10)
        return self._glossary

    def show_glossary(self, query: str = "") -> None:
        from briefing_tui.tui.screens.glossary import GlossaryScreen

        if self.library is not None:
            self.push_screen(GlossaryScreen(query))

    def open_target(self, target: str, *, terms: list[str] | None = None, came_from: str | None = None) -> None:
        """Show a target in the explorer from any screen.

        ``came_from`` (e.g. a comparison cell) is recorded in the explorer's history
        first, so Back returns the user to exactly where they were.
        """
        explorer = self.explorer
        if came_from:
            explorer.history.visit(came_from)
        while self.screen is not explorer and len(self.screen_stack) > 1:
            self.pop_screen()
        explorer.open(target, terms=terms)

    # -- actions -----------------------------------------------------------------

    def action_help(self) -> None:
        from briefing_tui.tui.dialogs.help import HelpScreen, help_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self)))

    def action_compare(self) -> None:
        from briefing_tui.tui.screens.compare import CompareScreen

        if self.library is not None and not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen())

    def action_bookmarks(self) -> None:
        from briefing_tui.tui.screens.bookmarks import BookmarksScreen

        if self.library is not None and not isinstance(self.screen, BookmarksScreen):
            self.push_screen(BookmarksScreen())

    def action_toggle_bookmark(self) -> None:
        bookmark_keys.toggle_bookmark(self)

    def remember_removal(self, bookmark: Bookmark) -> None:
        """Note a removed bookmark so that ``u`` can put it back."""
        self.removals.append(bookmark)

    def forget_removal(self, target: str) -> None:
        """A removed bookmark was restored some other way (the trash list)."""
        self.removals = [bookmark for bookmark in self.removals if bookmark.target != target]

    def undo_removal(self, *, from_trash: bool = False) -> Bookmark | None:
        """Restore the bookmark removed last in this session (else, with ``from_trash``, the file's last one)."""
        return bookmark_keys.undo_removal(self, from_trash=from_trash)

    def action_edit_note(self) -> None:
        bookmark_keys.edit_note(self)

    def action_undo(self) -> None:
        self.undo_removal()

    def bookmarks_changed(self, target: str | None = None) -> None:
        """Tell every screen a bookmark changed (each redraws its own marks), and any storage problem."""
        self.report_storage()
        self.bookmarks_changed_signal.publish(target)

    def report_storage(self) -> None:
        """Show each new warning of the bookmarks and settings files (corrupt, read-only, locked...)."""
        for warning in [*self.bookmarks.take_warnings(), *self.settings.take_warnings()]:
            self.notify(warning, title="Your files", severity="warning", timeout=10)

    def title_of(self, target: str) -> str:
        from briefing_tui.core.compare import parse_cell_id
        from briefing_tui.core.dossier import target_title
        from briefing_tui.core.vocab import ACTORS

        if self.library is None:
            return target
        dossier = target_title(target)
        if dossier is not None:
            return dossier
        cell = parse_cell_id(target)
        if cell:
            theme = self.library.themes.get(cell[0])
            return f"{theme.title if theme else cell[0]} · {ACTORS.get(cell[1], cell[1])}"
        return self.library.title_of(target)

    def action_present(self) -> None:
        """Present what the user is looking at: a dossier as its own deck, else the selection's briefing."""
        selected = self.selected_target()
        if self.library is None:
            return
        screen = self.screen
        start_at = screen.present_start() if isinstance(screen, BriefingScreen) else None
        if selected and selected[1] == "dossier":
            self.present_dossier(selected[0], start_at=start_at)
            return
        briefing_id = self.selected_briefing()
        if briefing_id:
            self.present_briefing(briefing_id, start_at=start_at or (selected[0] if selected else None))

    def present_briefing(self, briefing_id: str, *, start_at: str | None = None) -> None:
        from briefing_tui.core import slides

        if self.library is None or briefing_id not in self.library.briefings:
            self.notify(f"No briefing {briefing_id!r}", severity="error")
            return
        self._present(slides.briefing_deck(self.library, briefing_id), start_at)

    def present_dossier(self, target: str, *, start_at: str | None = None) -> None:
        """A dossier (``dossier:actor=japan,country=brazil``) as a deck: its title slide, then its entries."""
        from briefing_tui.core import slides
        from briefing_tui.core.dossier import known_filters

        filters = known_filters(target)
        if self.library is None or filters is None:
            self.notify(f"No dossier {target!r}", severity="error")
            return
        self._present(slides.dossier_deck(self.library, filters), start_at)

    def present_bookmarks(self, bookmarks: Sequence[Bookmark] | None = None) -> None:
        """Present ``bookmarks`` (by default all of them) in the order given."""
        from briefing_tui.core import slides

        if self.library is None:
            return
        deck = slides.bookmarks_deck(self.library, self.bookmarks.all() if bookmarks is None else bookmarks)
        if not deck.slides:
            self.notify("No bookmarks to present.", timeout=3)
            return
        self._present(deck)

    def _present(self, deck: Deck, start_at: str | None = None) -> None:
        """The one way a deck reaches the room: the presenter, on the app's clock."""
        from briefing_tui.tui.screens.presenter import PresenterScreen

        self.push_screen(PresenterScreen(deck, start_at=start_at, clock=self.clock))

    def action_copy(self) -> None:
        from briefing_tui.core import export

        selected = self.selected_target()
        if selected is None or self.library is None:
            return
        target, kind = selected
        if kind == "item":
            text = export.item_markdown(self.library, self.library.items[target])
        elif kind == "briefing":
            text = export.briefing_markdown(self.library, target)
        elif kind == "dossier":
            from briefing_tui.core.dossier import build_dossier, known_filters
            from briefing_tui.core.export.dossier import dossier_markdown

            text = dossier_markdown(build_dossier(self.library, **(known_filters(target) or {})))
        else:
            text = f"{self.title_of(target)} ({target})"
        self.copy_to_clipboard(text)
        self.notify("Copied as Markdown (with its citation)", timeout=2)

    def action_export(self) -> None:
        from briefing_tui.core.export import choices
        from briefing_tui.tui.dialogs.export import ExportDialog

        if self.library is None:
            return
        offered = [choices.bookmarks_choice(self.library, self.bookmarks.all)]
        briefing_id = self.selected_briefing()
        if briefing_id:
            offered.append(choices.briefing_choice(self.library, briefing_id))
        offered.append(choices.comparison_choice(self.library))
        self.push_screen(ExportDialog(offered))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The screens say which app actions they refuse or dim (asking them by class would import every
        # screen's module with the first footer, before the first frame: ~15 ms).
        screen = self.screen
        if isinstance(screen, BriefingScreen):
            if action in screen.BLOCKED_APP_ACTIONS:
                return False
            if action in screen.DIMMED_APP_ACTIONS:
                return None
        return True

    # -- palette -----------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from system_commands(self)
