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
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.worker import Worker

from briefing_tui.core.storage.bookmarks import TargetKind

if TYPE_CHECKING:
    from briefing_tui.tui.app import BriefingApp

ResultT = TypeVar("ResultT")

Selection = tuple[str, TargetKind]
"""(target id, target kind) of what the user has selected: what ``b``, ``e`` and ``y`` act on."""


class BriefingScreen(Screen[ResultT]):
    """A full screen of briefing-tui."""

    if TYPE_CHECKING:
        app = getters.app(BriefingApp)

    def selected_target(self) -> Selection | None:
        """What the user has selected here (None: nothing a bookmark or note can be put on)."""
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
        # Textual drops the subscription when the screen goes. The presenter's tests host it
        # in a bare App, which has no bookmarks to change.
        signal: Signal[str | None] | None = getattr(self.app, "bookmarks_changed_signal", None)
        if signal is not None:
            signal.subscribe(self, self.bookmarks_changed)


class BriefingDialog(ModalScreen[ResultT]):
    """A modal screen (note, export, help, pickers) of briefing-tui."""

    if TYPE_CHECKING:
        app = getters.app(BriefingApp)
