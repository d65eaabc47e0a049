"""Presenter mode: a deck laid out for the terminal, one slide at a time, for a room.

The deck is cut to the screen's size (``core.slides.lay_out``), so no slide ever scrolls: a
long slide becomes continuation slides and → always moves on. A resize or the notes pane lays
the deck out again, keeping the same content on screen. The talk timer is
``core.talk_timer.TalkTimer``; a speaker view in another terminal (``present --follow``) is
fed through ``core.speaker_link``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import replace
from typing import cast

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from briefing_tui.core import speaker_link
from briefing_tui.core.slides import Deck, Layout, Slide, lay_out
from briefing_tui.core.storage.bookmarks import TargetKind
from briefing_tui.core.talk_timer import TalkTimer
from briefing_tui.tui.screens.base import BriefingScreen, Selection
from briefing_tui.tui.widgets.presenter_bar import PresenterBar
from briefing_tui.tui.widgets.progress_line import ProgressLine
from briefing_tui.tui.widgets.slide_view import COMPACT, LARGE, SlideView, geometry_for
from briefing_tui.tui.widgets.speaker_notes import SpeakerNotes

BUDGET_STEP = 30
"""Seconds the per-slide budget changes by with + and -."""
TALK_STEP = 60
"""Seconds the whole-talk budget changes by with ] and [."""
MAX_JUMP_DIGITS = 4
BAR_ROWS = 2
"""The progress line and the status bar under the slide."""


EDGE_HINT_SECONDS = 2.0
"""How long "end of the deck" / "first slide" stays in the bar."""


class PresenterScreen(BriefingScreen[None]):
    """Presents a ``Deck``; Escape returns to the screen below, untouched; ``q`` asks first."""

    CSS_PATH = "../presenter.tcss"
    AUTO_FOCUS = ""
    BLOCKED_APP_ACTIONS = frozenset({"compare", "bookmarks", "copy", "export", "help"})
    """In front of a room a stray key must not open another screen over the slides."""

    BINDINGS = [
        Binding("space,right,pagedown", "next", "Next", id="presenter.next"),
        Binding("left,pageup", "previous", "Previous", id="presenter.previous"),
        Binding("home", "first", "First slide", show=False, id="presenter.first"),
        Binding("end", "last", "Last slide", show=False, id="presenter.last"),
        Binding("enter", "go_to_typed", "Go to the slide whose number was typed", show=False, id="presenter.goto"),
        *[Binding(str(digit), f"digit({digit})", show=False, id=f"presenter.digit{digit}") for digit in range(10)],
        Binding("down", "scroll_notes(1)", "Scroll the notes", show=False, id="presenter.notes_down"),
        Binding("up", "scroll_notes(-1)", "Scroll the notes", show=False, id="presenter.notes_up"),
        Binding("g", "overview", "Overview", id="presenter.overview"),
        Binding("r", "toggle_reveal", "Reveal bullets one by one", id="presenter.reveal"),
        Binding("n", "toggle_notes", "Notes", id="presenter.notes"),
        Binding("t", "toggle_timer", "Timer", id="presenter.timer"),
        Binding("T", "reset_timer", "Reset the timer", show=False, id="presenter.reset"),
        Binding("plus,equals_sign", f"budget({BUDGET_STEP})", "More time per slide", show=False, id="presenter.more"),
        Binding("minus", f"budget({-BUDGET_STEP})", "Less time per slide", show=False, id="presenter.less"),
        Binding(
            "right_square_bracket",
            f"budget({TALK_STEP}, 'talk_budget')",
            "More time for the talk",
            show=False,
            id="presenter.talk_more",
        ),
        Binding(
            "left_square_bracket",
            f"budget({-TALK_STEP}, 'talk_budget')",
            "Less time for the talk",
            show=False,
            id="presenter.talk_less",
        ),
        Binding("b", "blank", "Blank", id="presenter.blank"),
        Binding("x", "export", "Export", id="presenter.export"),
        # The app's "present" would stack a second presenter on this one.
        Binding("p", "already_presenting", show=False, id="presenter.present"),
        Binding("q", "ask_leave", "Leave", id="presenter.quit"),
        Binding("escape", "leave", "Leave presenter", show=False, id="presenter.leave"),
    ]

    index: reactive[int] = reactive(0, init=False)
    """The slide shown (0-based, in the laid-out deck)."""
    reveal: reactive[bool] = reactive(False, init=False)
    """Incremental reveal: Next shows the slide's bullets one at a time before moving on."""
    revealed: reactive[int] = reactive(0, init=False)
    """How many bullets are shown while ``reveal`` is on."""
    show_notes: reactive[bool] = reactive(False, init=False)
    """Whether the speaker notes pane is shown on this (the audience's) screen."""
    blank: reactive[bool] = reactive(False, init=False)
    """Whether the screen is blanked (any key brings the slide back)."""
    jump: reactive[str] = reactive("", init=False)
    """Digits typed so far for digits-then-Enter."""

    def __init__(
        self,
        deck: Deck,
        *,
        start_at: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        budget_seconds: float | None = None,
        talk_seconds: float | None = None,
        link: bool = True,
    ) -> None:
        if not deck.slides:
            raise ValueError("a deck needs at least one slide")
        super().__init__()
        self.deck = deck
        """The slides as built; ``layout`` has them cut to the screen."""
        self.laid_out = Layout(list(deck.slides), list(range(len(deck.slides))))
        self.timer = TalkTimer(clock, budget_seconds, talk_seconds)
        self._budgets_given = tuple(
            name
            for name, given in (("slide_budget", budget_seconds), ("talk_budget", talk_seconds))
            if given is not None
        )
        self._start_slide = deck.index_of(start_at) or 0
        self._link_wanted = link
        self._laid_out_for: tuple[int, int, bool] | None = None
        """(width, height, notes shown) the deck was last laid out for."""
        self.link: speaker_link.SpeakerLink | None = None
        """The socket a speaker view attaches to (None when it could not be opened)."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="presenter-main"):
            yield SlideView(id="slide")
            yield SpeakerNotes(id="notes-pane")
        yield ProgressLine(id="presenter-progress")
        yield PresenterBar(id="presenter-bar")
        yield Static(id="presenter-blank")

    async def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)  # a bare App in tests has none
        if settings is not None:
            self.timer.restore_budgets(settings, keep=self._budgets_given)
        self.query_one("#notes-pane").display = False
        self._relayout(self.app.size.width, self.app.size.height, keep=(self._start_slide, 0))
        self.set_interval(1, self.refresh_clock)
        if self._link_wanted and speaker_link.available():
            link = speaker_link.SpeakerLink(self._command_from_follower)
            try:
                await link.start()
            except OSError as error:
                self.notify(f"No speaker view for this talk: {error}", severity="warning", timeout=5)
            else:
                self.link = link
                self._publish()

    async def on_unmount(self) -> None:
        if self.link is not None:
            await self.link.close()
            self.link = None

    # -- layout ---------------------------------------------------------------------------

    @property
    def view(self) -> SlideView:
        return self.query_one(SlideView)

    def _relayout(self, width: int, height: int, *, keep: tuple[int, int] | None = None) -> None:
        """Lay the deck out for ``width`` x ``height``, staying on ``keep`` (deck slide, bullet) or the current one."""
        self._laid_out_for = (width, height, self.show_notes)
        if keep is None:
            # The slide's first bullet; in reveal mode the last one revealed (the room must still see it). Not the
            # last visible one otherwise: that skipped the slide's first parts when the notes pane narrowed it.
            shown = max(0, self.revealed - 1) if self.reveal else 0
            keep = (self.laid_out.origins[self.index], self.slide.first_bullet + shown)
        geometry = geometry_for(width, height)
        notes_width = max(30, min(70, round(width * 0.38))) if self.show_notes else 0
        notes_width = min(notes_width, width - 20) if notes_width else 0
        self.query_one("#notes-pane").styles.width = notes_width or None
        self.set_class(geometry is COMPACT, "-compact")
        self.set_class(geometry is LARGE, "-large")
        view = self.view
        view.configure(width - notes_width, height - BAR_ROWS, geometry)
        self.laid_out = lay_out(self.deck.slides, view.rows_for, view.measure, geometry.gap)
        index = self.laid_out.page_showing(*keep)
        self.set_reactive(PresenterScreen.index, index)
        self.set_reactive(PresenterScreen.revealed, 0)
        self._show_slide()

    def on_resize(self, event: events.Resize) -> None:
        # The first Resize comes with the mount, for the size on_mount has just laid the deck out for.
        if (event.size.width, event.size.height, self.show_notes) != self._laid_out_for:
            self._relayout(event.size.width, event.size.height)

    # -- what is shown ----------------------------------------------------------------

    @property
    def slide(self) -> Slide:
        """The slide shown now (a page of the laid-out deck)."""
        return self.laid_out.pages[self.index]

    @property
    def total(self) -> int:
        """Slides in the laid-out deck."""
        return len(self.laid_out.pages)

    @property
    def visible_bullets(self) -> list[str]:
        """The bullets the room can see now."""
        bullets = self.slide.bullets
        return bullets[: self.revealed] if self.reveal else list(bullets)

    def _show_slide(self) -> None:
        self.view.show(self.slide, self.visible_bullets)
        self._show_notes()
        self.query_one(PresenterBar).show_position(self.index, self.total)
        self.query_one(ProgressLine).fraction = (self.index + 1) / self.total
        self.refresh_clock()
        self._update_hint()

    @property
    def next_title(self) -> str:
        return self.laid_out.pages[self.index + 1].title if self.index + 1 < self.total else ""

    def _show_notes(self) -> None:
        if self.show_notes:
            self.query_one(SpeakerNotes).show(self.slide, self.next_title)

    def _update_hint(self) -> None:
        hint = Text()
        if self.jump:
            hint.append(f"Go to slide: {self.jump}▏ (Enter)", style="bold")
        elif self.reveal:
            hint.append(f"reveal {len(self.visible_bullets)}/{len(self.slide.bullets)}")
        elif self.link is not None and self.link.followers:
            hint.append("speaker view attached", style="dim")
        self.query_one(PresenterBar).show_hint(hint)

    def refresh_clock(self) -> None:
        """Redraw the talk and slide times against their budgets, and tell the speaker view."""
        self.query_one(PresenterBar).show_clock(self.timer)
        self._publish()

    # -- the speaker view ----------------------------------------------------------------

    def _publish(self) -> None:
        if self.link is not None:
            reveal = f"{len(self.visible_bullets)}/{len(self.slide.bullets)}" if self.reveal else ""
            state = speaker_link.state_of(self.slide, self.index, self.total, self.next_title, reveal, self.timer)
            self.link.publish({"deck": self.deck.title, **state})

    def _command_from_follower(self, action: str, index: int) -> None:
        if self.blank:
            self.blank = False
        if action == "goto":
            self.go_to(index, reveal_all=True)
        else:
            getattr(self, f"action_{action}")()
        self._update_hint()

    # -- time --------------------------------------------------------------------------

    def action_toggle_timer(self) -> None:
        self.timer.toggle()
        self.refresh_clock()

    def action_reset_timer(self) -> None:
        self.timer.reset()
        self.refresh_clock()
        self.notify("Timer reset to 00:00.", timeout=2)

    def action_budget(self, delta: int, name: str = "slide_budget") -> None:
        """Move budget ``name`` ("slide_budget" or "talk_budget") by ``delta`` seconds, and remember it."""
        setattr(self.timer, name, TalkTimer.adjusted(getattr(self.timer, name), delta))
        with contextlib.suppress(AttributeError, ValueError):  # no settings, or one of another type: keep it
            self.timer.save_budget(self.app.settings, name)
        self.refresh_clock()

    # -- moving ------------------------------------------------------------------------

    def go_to(self, index: int, *, reveal_all: bool = False) -> None:
        """Show slide ``index`` (clamped); with reveal on, its bullets start hidden unless ``reveal_all``."""
        index = max(0, min(self.total - 1, index))
        self.jump = ""
        revealed = len(self.laid_out.pages[index].bullets) if reveal_all else 0
        if index == self.index:
            self.revealed = revealed
            return
        self.timer.enter_slide()
        self.set_reactive(PresenterScreen.revealed, revealed)
        self.index = index

    def watch_index(self) -> None:
        self._show_slide()

    def watch_revealed(self) -> None:
        self.view.show(self.slide, self.visible_bullets)
        self._update_hint()
        self._publish()

    def action_next(self) -> None:
        if self.reveal and self.revealed < len(self.slide.bullets):
            self.revealed += 1
        elif self.index + 1 < self.total:
            self.go_to(self.index + 1)
        else:
            self._at_edge("end of the deck")

    def action_previous(self) -> None:
        if self.index > 0:
            self.go_to(self.index - 1, reveal_all=True)
        else:
            self._at_edge("first slide")

    def _at_edge(self, words: str) -> None:
        """A key that cannot move says why, quietly, in the bar for two seconds (it did nothing, so it seemed lost)."""
        self.query_one(PresenterBar).show_hint(Text(words, style="dim"))
        self.set_timer(EDGE_HINT_SECONDS, self._update_hint)

    def action_first(self) -> None:
        self.go_to(0)

    def action_last(self) -> None:
        self.go_to(self.total - 1)

    def action_scroll_notes(self, direction: int) -> None:
        self.query_one(SpeakerNotes).scroll_by_line(direction)

    def action_digit(self, digit: int) -> None:
        if len(self.jump) < MAX_JUMP_DIGITS:
            self.jump += str(digit)

    def action_go_to_typed(self) -> None:
        if not self.jump:
            return
        number = int(self.jump)
        if 1 <= number <= self.total:
            self.go_to(number - 1, reveal_all=True)
        else:
            self.notify(f"No slide {number}: the deck has slides 1 to {self.total}.", severity="warning", timeout=3)
        self.jump = ""

    def watch_jump(self) -> None:
        self._update_hint()

    def action_leave(self) -> None:
        if self.jump:
            self.jump = ""
            return
        self.dismiss(None)

    def action_ask_leave(self) -> None:
        from briefing_tui.tui.dialogs.confirm import Confirm

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(Confirm("Leave the presenter? The timer stops.", "Leave", "Stay"), answered)

    def action_already_presenting(self) -> None:
        self.notify("Already presenting: Escape leaves the presenter.", timeout=3)

    # -- modes -------------------------------------------------------------------------

    def action_toggle_reveal(self) -> None:
        self.reveal = not self.reveal

    def watch_reveal(self) -> None:
        self.set_reactive(PresenterScreen.revealed, 0)
        self.view.show(self.slide, self.visible_bullets)
        self._update_hint()
        self._publish()

    def action_toggle_notes(self) -> None:
        self.show_notes = not self.show_notes

    def watch_show_notes(self) -> None:
        self.query_one("#notes-pane").display = self.show_notes
        self._relayout(self.app.size.width, self.app.size.height)

    def action_blank(self) -> None:
        self.blank = True

    def watch_blank(self) -> None:
        self.set_class(self.blank, "-blank")

    def on_key(self, event: events.Key) -> None:
        if self.blank:
            # Any key brings the slide back, and does nothing else.
            event.stop()
            event.prevent_default()
            self.blank = False

    def on_click(self) -> None:
        self.blank = False

    # -- overview and export -------------------------------------------------------------

    def action_overview(self) -> None:
        from briefing_tui.tui.dialogs.slide_overview import SlideOverview

        def chosen(index: int | None) -> None:
            if index is not None:
                self.go_to(index, reveal_all=True)

        headings = [(page.title, page.kicker) for page in self.laid_out.pages]
        parts: list[tuple[int, int] | None] = [page.part if page.part[1] > 1 else None for page in self.laid_out.pages]
        self.app.push_screen(SlideOverview(self.deck.title, headings, self.index, parts), chosen)

    def action_export(self) -> None:
        """The deck as Markdown, through the same export dialog as every other screen."""
        from briefing_tui.core.export.choices import deck_choice
        from briefing_tui.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog([deck_choice(self.deck)]))

    # -- app hooks ------------------------------------------------------------------------

    def selected_target(self) -> Selection | None:
        """The current slide's (target, kind), so the app's note key annotates what is shown."""
        kind = self.slide.target_kind
        return (self.slide.target, cast(TargetKind, kind)) if kind else None

    def bookmarks_changed(self, target: str | None = None) -> None:
        """The user edited a note: it becomes the current slide's speaker notes."""
        store = getattr(self.app, "bookmarks", None)
        bookmark = store.get(self.slide.target) if store is not None and self.slide.target else None
        if bookmark is not None and bookmark.note.strip():
            origin = self.laid_out.origins[self.index]
            self.deck.slides[origin] = replace(self.deck.slides[origin], notes=bookmark.note)
            self.laid_out.pages[self.index] = replace(self.slide, notes=bookmark.note)
            self._show_notes()
            self._publish()
