"""The base classes every screen and dialog derives from: typed with the app, one way to ask for the selection.

Textual types ``Screen.app`` as a plain ``App``; ``getters.app(BriefingApp)`` under
``TYPE_CHECKING`` (Textual's own way) gives every screen the app's real attributes (library,
bookmarks, settings...) checked by mypy, while the run-time property stays Textual's. The App asks the current screen what is selected through
``selected_target`` and tells screens about bookmark changes through its
``bookmarks_changed_signal``; it never reaches into a screen's widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import events, getters, on
from textual._styles_cache import StylesCache
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.worker import Worker

from briefing_tui.core.storage.bookmarks import TargetKind

if TYPE_CHECKING:
    from briefing_tui.tui.app import BriefingApp

ResultT = TypeVar("ResultT")

Selection = tuple[str, TargetKind]
"""(target id, target kind) of what the user has selected: what ``b``, ``e`` and ``y`` act on."""


def release_render_caches() -> None:
    """Let a closed screen's rendered lines go.

    Textual memoizes ``StylesCache.get_inner_outer`` per widget (an ``lru_cache`` of 1,024 on a
    method, so keyed by the widget's cache): each closed screen's widgets, with every line they
    rendered, stayed reachable through it (~13,500 objects a compare screen), and full garbage
    collections walked them. Emptying it costs a few recomputed styles.
    """
    StylesCache.get_inner_outer.cache_clear()


class BriefingScreen(Screen[ResultT]):
    """A full screen of briefing-tui."""

    if TYPE_CHECKING:
        app = getters.app(BriefingApp)

    BLOCKED_APP_ACTIONS: frozenset[str] = frozenset()
    """App actions this screen refuses (hidden from the footer, the key does nothing)."""
    DIMMED_APP_ACTIONS: frozenset[str] = frozenset()
    """App actions shown dimmed here (e.g. "compare" on the compare screen: already there)."""
    FOOTER_PRIORITY: tuple[str, ...] = ("back", "help")
    """The actions the footer keeps first when the keys do not all fit; the others follow in their order (the
    screen's own keys, then the app's). Help is kept because it lists every key."""

    def selected_target(self) -> Selection | None:
        """What the user has selected here (None: nothing a bookmark or note can be put on)."""
        return None

    def present_start(self) -> str | None:
        """The target ``p`` starts the presenter at, when it is not the selection (a dossier's highlighted entry)."""
        return None

    def bookmarks_changed(self, target: str | None) -> None:
        """A bookmark or note changed (``target``, or None for many): redraw what shows them."""

    @on(Worker.StateChanged)
    def _forward_worker_state(self, event: Worker.StateChanged) -> None:
        # Worker messages do not bubble; the app reports every failure in one place.
        report = getattr(self.app, "report_worker", None)
        if report is not None:
            report(event)

    @on(events.Mount)
    def _subscribe_to_bookmarks(self) -> None:
        # The presenter's tests host it in a bare App, which has no bookmarks to change.
        signal = self._bookmarks_signal()
        if signal is not None:
            signal.subscribe(self, self.bookmarks_changed)

    @on(events.Unmount)
    def _unsubscribe_from_bookmarks(self) -> None:
        # Textual drops a gone screen's subscription only at the next publish, and the callback
        # it keeps holds the screen: every screen opened stayed in memory until a bookmark changed
        # (~21,000 objects a compare screen), and each full garbage collection walked them all
        # (80 ms after five compare screens, paid in the middle of opening the next one).
        signal = self._bookmarks_signal()
        if signal is not None:
            signal.unsubscribe(self)
        release_render_caches()

    def _bookmarks_signal(self) -> Signal[str | None] | None:
        return getattr(self.app, "bookmarks_changed_signal", None)


class BriefingDialog(ModalScreen[ResultT]):
    """A modal screen (note, export, help, pickers) of briefing-tui."""

    if TYPE_CHECKING:
        app = getters.app(BriefingApp)

    @on(events.Unmount)
    def _release_render_caches(self) -> None:
        release_render_caches()
