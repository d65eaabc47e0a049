"""Presenter mode: a deck of slides, full screen, one slide at a time, for a room.

All slide state lives in reactives (``index``, ``revealed``, ``reveal``, ``show_notes``,
``blank``, ``timer_running``, ``budget``) whose watchers redraw the screen. Time comes
from an injected ``clock``, so tests advance a fake clock and call ``refresh_clock``.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import cast

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from briefing_tui.core.slides import Deck, Slide
from briefing_tui.core.storage.bookmarks import TargetKind
from briefing_tui.tui.screens.base import BriefingScreen, Selection

BUDGET_STEP = 30
"""Seconds the per-slide time budget changes by with + and -."""

BUDGET_SETTING = "presenter_budget_seconds"
"""The settings key the per-slide time budget is remembered under."""

MAX_JUMP_DIGITS = 4


def clock_text(seconds: float) -> str:
    """Seconds as ``mm:ss`` (``h:mm:ss`` from an hour on)."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class RenderedOnce:
    """A renderable whose lines are kept per width, so drawing it again costs nothing.

    Textual renders a widget's content once to learn its height and again to draw it, at
    every layout; for a slide's bullet grid (a ``rich`` Table, which measures every cell)
    that was half the time of a slide step. The same segments are replayed, so the output
    is exactly the table's.
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable
        self._lines: dict[tuple[object, ...], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (options.max_width, options.justify, options.overflow, options.no_wrap, options.ascii_only)
        segments = self._lines.get(key)
        if segments is None:
            segments = self._lines[key] = list(console.render(self.renderable, options))
        yield from segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


class SlideScroll(VerticalScroll, can_focus=False):
    """A scrolling area the presenter's keys drive (never focused, so its own keys never fire)."""


class ProgressLine(Widget):
    """A one-row bar of how far through the deck the presenter is."""

    COMPONENT_CLASSES = {"progress-line--done", "progress-line--todo"}

    DEFAULT_CSS = """
    ProgressLine { height: 1; }
    ProgressLine > .progress-line--done { color: $accent; }
    ProgressLine > .progress-line--todo { color: $foreground 25%; }
    """

    fraction: reactive[float] = reactive(0.0)
    """The share of the deck shown so far, up to 1 on the last slide."""

    def render(self) -> Text:
        width = self.size.width
        done = max(0, min(width, round(width * self.fraction)))
        line = Text("━" * done, style=self.get_component_rich_style("progress-line--done"))
        line.append("─" * (width - done), style=self.get_component_rich_style("progress-line--todo"))
        return line


class PresenterScreen(BriefingScreen[None]):
    """Presents a ``Deck``; Escape returns to the screen below, untouched."""

    CSS_PATH = "../presenter.tcss"
    AUTO_FOCUS = ""

    BINDINGS = [
        Binding("space,right,pagedown", "next", "Next", id="presenter.next"),
        Binding("left,pageup", "previous", "Previous", id="presenter.previous"),
        Binding("home", "first", "First slide", show=False, id="presenter.first"),
        Binding("end", "last", "Last slide", show=False, id="presenter.last"),
        Binding("enter", "go_to_typed", "Go to the slide whose number was typed", show=False, id="presenter.goto"),
        *[Binding(str(digit), f"digit({digit})", show=False, id=f"presenter.digit{digit}") for digit in range(10)],
        Binding("down", "scroll(1)", "Scroll the slide down", show=False, id="presenter.scroll_down"),
        Binding("up", "scroll(-1)", "Scroll the slide up", show=False, id="presenter.scroll_up"),
        Binding("g", "overview", "Overview", id="presenter.overview"),
        Binding("r", "toggle_reveal", "Reveal bullets one by one", id="presenter.reveal"),
        Binding("n", "toggle_notes", "Speaker notes", id="presenter.notes"),
        Binding("t", "toggle_timer", "Start/pause timer", id="presenter.timer"),
        Binding("plus,equals_sign", f"budget({BUDGET_STEP})", "More time per slide", show=False, id="presenter.more"),
        Binding("minus", f"budget({-BUDGET_STEP})", "Less time per slide", show=False, id="presenter.less"),
        Binding("b", "blank", "Blank the screen (any key returns)", id="presenter.blank"),
        Binding("x", "export", "Export slides as Markdown", id="presenter.export"),
        # The app's "present" would stack a second presenter on this one.
        Binding("p", "already_presenting", show=False, id="presenter.present"),
        Binding("escape", "leave", "Leave presenter", id="presenter.leave"),
    ]

    index: reactive[int] = reactive(0, init=False)
    """The slide shown (0-based)."""
    reveal: reactive[bool] = reactive(False, init=False)
    """Incremental reveal: Next shows the slide's bullets one at a time before moving on."""
    revealed: reactive[int] = reactive(0, init=False)
    """How many bullets are shown while ``reveal`` is on."""
    show_notes: reactive[bool] = reactive(False, init=False)
    """Whether the speaker notes pane is shown."""
    blank: reactive[bool] = reactive(False, init=False)
    """Whether the screen is blanked (any key brings the slide back)."""
    timer_running: reactive[bool] = reactive(False, init=False)
    """Whether the talk timer is counting."""
    budget: reactive[float | None] = reactive(None, init=False)
    """Seconds per slide before the clock warns, or None for no budget."""
    jump: reactive[str] = reactive("", init=False)
    """Digits typed so far for digits-then-Enter."""

    def __init__(
        self,
        deck: Deck,
        *,
        start_at: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        budget_seconds: float | None = None,
    ) -> None:
        if not deck.slides:
            raise ValueError("a deck needs at least one slide")
        super().__init__()
        self.deck = deck
        """The slides being presented."""
        self.clock = clock
        """Time source (tests inject a fake one)."""
        self._budget_given = budget_seconds is not None
        self._timer_total = 0.0
        """Seconds counted before the timer was last started."""
        self._timer_since: float | None = None
        """Clock reading when the timer was last started (None while paused)."""
        self._slide_since = 0.0
        """Timer reading when the current slide was entered."""
        self.set_reactive(PresenterScreen.index, deck.index_of(start_at) or 0)
        self.set_reactive(PresenterScreen.budget, budget_seconds)

    def compose(self) -> ComposeResult:
        with Horizontal(id="presenter-main"):
            with Vertical(id="slide"):
                yield Static(id="slide-kicker")
                yield Static(id="slide-title")
                yield Static(id="slide-subtitle")
                with SlideScroll(id="slide-body"):
                    yield Static(id="slide-bullets")
                yield Static(id="slide-citation")
            with SlideScroll(id="notes-pane"):
                yield Static(id="notes-text")
        yield ProgressLine(id="presenter-progress")
        with Horizontal(id="presenter-bar"):
            yield Static(id="presenter-position")
            yield Static(id="presenter-hint")
            yield Static(id="presenter-clock")
        yield Static(id="presenter-blank")

    def on_mount(self) -> None:
        if not self._budget_given:
            saved = self._settings_get(BUDGET_SETTING)
            if isinstance(saved, int) and not isinstance(saved, bool) and saved > 0:
                self.set_reactive(PresenterScreen.budget, float(saved))
        self.query_one("#notes-pane").display = False
        self._fit(self.app.size.width, self.app.size.height)
        self.watch(self.query_one("#slide-body", SlideScroll), "scroll_y", self._update_hint, init=False)
        self._show_slide()
        self.set_interval(1, self.refresh_clock)

    # -- what is shown ----------------------------------------------------------------

    @property
    def slide(self) -> Slide:
        """The slide shown now."""
        return self.deck.slides[self.index]

    @property
    def visible_bullets(self) -> list[str]:
        """The bullets the room can see now."""
        bullets = self.slide.bullets
        return bullets[: self.revealed] if self.reveal else list(bullets)

    def _show_slide(self) -> None:
        slide = self.slide
        self.query_one("#slide-kicker", Static).update(Text(slide.kicker))
        self.query_one("#slide-title", Static).update(Text(slide.title))
        subtitle = self.query_one("#slide-subtitle", Static)
        subtitle.update(Text(slide.subtitle))
        subtitle.display = bool(slide.subtitle)
        citation = self.query_one("#slide-citation", Static)
        citation.update(Text(f"Source: {slide.citation}" if slide.citation else ""))
        citation.display = bool(slide.citation)
        self._show_bullets()
        self.query_one("#slide-body", SlideScroll).scroll_home(animate=False)
        self._show_notes()
        total = len(self.deck.slides)
        self.query_one("#presenter-position", Static).update(Text(f"{self.index + 1} / {total}", style="bold"))
        self.query_one(ProgressLine).fraction = (self.index + 1) / total
        self.refresh_clock()
        self._update_hint()

    def _show_bullets(self) -> None:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=1, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        spaced = not self.has_class("-compact")
        for number, bullet in enumerate(self.visible_bullets):
            if spaced and number:
                grid.add_row("", "")
            grid.add_row(Text("•", style="bold"), Text(bullet))
        self.query_one("#slide-bullets", Static).update(RenderedOnce(grid))

    def _show_notes(self) -> None:
        if not self.show_notes:
            return
        slide = self.slide
        parts: list = [Text("Speaker notes", style="bold")]
        if slide.notes.strip():
            from rich.markdown import Markdown  # markdown-it costs ~40 ms to import: only once notes are shown

            parts.append(Markdown(slide.notes, hyperlinks=False))
        else:
            parts.append(Text("No notes.", style="dim"))
        if slide.citation:
            # The slide may cut a long citation short; the presenter can always read it here.
            parts.append(Text(f"\nSource: {slide.citation}", style="dim italic"))
        if self.index + 1 < len(self.deck.slides):
            parts.append(Text(f"\nNext: {self.deck.slides[self.index + 1].title}", style="dim"))
        self.query_one("#notes-text", Static).update(Group(*parts))
        self.query_one("#notes-pane", SlideScroll).scroll_home(animate=False)

    def _update_hint(self, *_: object) -> None:
        body = self.query_one("#slide-body", SlideScroll)
        hint = Text()
        if self.jump:
            hint.append(f"Go to slide: {self.jump}▏ (Enter)", style="bold")
        else:
            if self.reveal:
                hint.append(f"reveal {len(self.visible_bullets)}/{len(self.slide.bullets)}  ")
            if body.scroll_y < body.max_scroll_y:
                pages = body.virtual_size.height / max(1, body.scrollable_content_region.height)
                page = 1 + round(body.scroll_y / max(1, body.scrollable_content_region.height))
                hint.append(f"more ↓ ({page}/{max(page, round(pages + 0.49))})")
            elif body.scroll_y > 0:
                hint.append("end of slide")
        self.query_one("#presenter-hint", Static).update(hint)

    def refresh_clock(self) -> None:
        """Redraw the elapsed time and the slide's time against its budget (from ``clock``)."""
        on_slide = self.slide_elapsed
        text = Text()
        text.append("● " if self.timer_running else "‖ ")
        text.append(clock_text(self.elapsed()), style="bold")
        text.append(f" · slide {clock_text(on_slide)}")
        if self.budget is not None:
            text.append(f" / {clock_text(self.budget)}")
            if self.over_budget:
                text.append(f"  OVER TIME +{clock_text(on_slide - self.budget)}", style="bold")
        clock = self.query_one("#presenter-clock", Static)
        clock.update(text)
        clock.set_class(self.over_budget, "-over-budget")

    # -- time --------------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds the timer has counted (only while running)."""
        running = self.clock() - self._timer_since if self._timer_since is not None else 0.0
        return self._timer_total + running

    @property
    def slide_elapsed(self) -> float:
        """Timer seconds spent on the current slide."""
        return self.elapsed() - self._slide_since

    @property
    def over_budget(self) -> bool:
        """True when the current slide has used more than its time budget."""
        return self.budget is not None and self.slide_elapsed > self.budget

    def action_toggle_timer(self) -> None:
        now = self.clock()
        if self._timer_since is None:
            self._timer_since = now
        else:
            self._timer_total += now - self._timer_since
            self._timer_since = None
        self.timer_running = self._timer_since is not None

    def action_budget(self, delta: int) -> None:
        seconds = (self.budget or 0) + delta
        self.budget = float(seconds) if seconds > 0 else None
        self._settings_set(BUDGET_SETTING, int(seconds) if seconds > 0 else None)

    def watch_timer_running(self) -> None:
        self.refresh_clock()

    def watch_budget(self) -> None:
        self.refresh_clock()

    # -- moving ------------------------------------------------------------------------

    def go_to(self, index: int, *, reveal_all: bool = False) -> None:
        """Show slide ``index`` (clamped); with reveal on, its bullets start hidden unless ``reveal_all``."""
        index = max(0, min(len(self.deck.slides) - 1, index))
        self.jump = ""
        revealed = len(self.deck.slides[index].bullets) if reveal_all else 0
        if index == self.index:
            self.revealed = revealed
            return
        self._slide_since = self.elapsed()
        self.set_reactive(PresenterScreen.revealed, revealed)
        self.index = index

    def watch_index(self) -> None:
        self._show_slide()

    def watch_revealed(self) -> None:
        self._show_bullets()
        if self.revealed:
            self.call_after_refresh(self.query_one("#slide-body", SlideScroll).scroll_end, animate=False)
        self.call_after_refresh(self._update_hint)

    def action_next(self) -> None:
        body = self.query_one("#slide-body", SlideScroll)
        if self.reveal and self.revealed < len(self.slide.bullets):
            self.revealed += 1
        elif body.scroll_y < body.max_scroll_y:
            body.scroll_page_down(animate=False)
        elif self.index + 1 < len(self.deck.slides):
            self.go_to(self.index + 1)

    def action_previous(self) -> None:
        body = self.query_one("#slide-body", SlideScroll)
        if body.scroll_y > 0:
            body.scroll_page_up(animate=False)
        elif self.index > 0:
            self.go_to(self.index - 1, reveal_all=True)

    def action_first(self) -> None:
        self.go_to(0)

    def action_last(self) -> None:
        self.go_to(len(self.deck.slides) - 1)

    def action_scroll(self, direction: int) -> None:
        body = self.query_one("#slide-body", SlideScroll)
        (body.scroll_down if direction > 0 else body.scroll_up)(animate=False)

    def action_digit(self, digit: int) -> None:
        if len(self.jump) < MAX_JUMP_DIGITS:
            self.jump += str(digit)

    def action_go_to_typed(self) -> None:
        if not self.jump:
            return
        number = int(self.jump)
        total = len(self.deck.slides)
        if 1 <= number <= total:
            self.go_to(number - 1, reveal_all=True)
        else:
            self.notify(f"No slide {number}: the deck has slides 1 to {total}.", severity="warning", timeout=3)
        self.jump = ""

    def watch_jump(self) -> None:
        self._update_hint()

    def action_leave(self) -> None:
        if self.jump:
            self.jump = ""
            return
        self.dismiss(None)

    def action_already_presenting(self) -> None:
        self.notify("Already presenting: Escape leaves the presenter.", timeout=3)

    # -- modes -------------------------------------------------------------------------

    def action_toggle_reveal(self) -> None:
        self.reveal = not self.reveal

    def watch_reveal(self) -> None:
        self.set_reactive(PresenterScreen.revealed, 0)
        self._show_bullets()
        self.query_one("#slide-body", SlideScroll).scroll_home(animate=False)
        self.call_after_refresh(self._update_hint)

    def action_toggle_notes(self) -> None:
        self.show_notes = not self.show_notes

    def watch_show_notes(self) -> None:
        self.query_one("#notes-pane").display = self.show_notes
        self._show_notes()
        self.call_after_refresh(self._update_hint)

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

    # -- fitting the terminal ------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)
        self.call_after_refresh(self._update_hint)

    def _fit(self, width: int, height: int) -> None:
        compact = width < 100 or height < 30
        changed = compact != self.has_class("-compact")
        self.set_class(compact, "-compact")
        self.set_class(width >= 150 and height >= 40, "-large")
        if changed and self.is_mounted:
            self._show_bullets()

    # -- overview and export -------------------------------------------------------------

    def action_overview(self) -> None:
        def chosen(index: int | None) -> None:
            if index is not None:
                self.go_to(index, reveal_all=True)

        self.app.push_screen(SlideOverview(self.deck, self.index), chosen)

    def action_export(self) -> None:
        """The deck as Markdown, through the same export dialog as every other screen."""
        from briefing_tui.core.export.choices import deck_choice
        from briefing_tui.tui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog([deck_choice(self.deck)]))

    # -- app hooks (duck-typed: the screen also runs in a bare App in tests) ------------------

    def selected_target(self) -> Selection | None:
        """The current slide's (target, kind), so the app's note key annotates what is shown."""
        kind = self.slide.target_kind
        return (self.slide.target, cast(TargetKind, kind)) if kind else None

    def bookmarks_changed(self, target: str | None = None) -> None:
        """The user edited a note: show it as the current slide's speaker notes."""
        store = getattr(self.app, "bookmarks", None)
        bookmark = store.get(self.slide.target) if store is not None and self.slide.target else None
        if bookmark is not None and bookmark.note.strip():
            self.deck.slides[self.index] = replace(self.slide, notes=bookmark.note)
            self._show_notes()

    def _settings_get(self, key: str) -> object:
        settings = getattr(self.app, "settings", None)
        return settings.get(key, None) if settings is not None else None

    def _settings_set(self, key: str, value: object) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is None:
            return
        with contextlib.suppress(ValueError):  # a setting of another type: keep the old one
            settings.set(key, value)


class SlideTile(Static, can_focus=True):
    """One slide in the overview grid."""

    BINDINGS = [
        Binding("left", "screen.move(-1, 0)", show=False, id="presenter.overview.left"),
        Binding("right", "screen.move(1, 0)", show=False, id="presenter.overview.right"),
        Binding("up", "screen.move(0, -1)", show=False, id="presenter.overview.up"),
        Binding("down", "screen.move(0, 1)", show=False, id="presenter.overview.down"),
        Binding("enter,space", "screen.choose", "Open", show=False, id="presenter.overview.open"),
    ]

    class Chosen(Message):
        """The user clicked a tile."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, title: str, kicker: str, *, current: bool) -> None:
        text = Text(f"{index + 1}. ", style="bold")
        text.append(title, style="bold")
        if kicker:
            text.append(f"\n{kicker}", style="dim")
        super().__init__(text, classes="-current" if current else "")
        self.index = index
        """The slide's position in the deck."""

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.index))


class SlideOverview(ModalScreen[int | None]):
    """All slides as a grid of titles; Enter (or a click) opens one, Escape keeps the current slide."""

    BINDINGS = [
        Binding("escape,g", "cancel", "Close", id="presenter.overview.close"),
        Binding("home", "jump(0)", show=False, id="presenter.overview.first"),
        Binding("end", "jump(-1)", show=False, id="presenter.overview.last"),
    ]

    def __init__(self, deck: Deck, current: int) -> None:
        super().__init__()
        self.deck = deck
        self.current = current
        self.columns = 1
        """Tiles per row (set from the width)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="overview-dialog"):
            yield Label(
                Text.assemble((self.deck.title, "bold"), ("  arrows move · Enter opens · Esc closes", "dim")),
                id="overview-title",
            )
            with SlideScroll(id="overview-grid"):
                # Headings only: building every slide of a large deck would fetch all its items.
                for index, (title, kicker) in enumerate(self.deck.headings()):
                    yield SlideTile(index, title, kicker, current=index == self.current)

    def on_mount(self) -> None:
        self._set_columns(self.app.size.width)
        self.tiles[self.current].focus()

    def on_resize(self, event: events.Resize) -> None:
        self._set_columns(event.size.width)

    def _set_columns(self, width: int) -> None:
        self.columns = max(1, min(4, (width - 6) // 34))
        self.query_one("#overview-grid").styles.grid_size_columns = self.columns

    @property
    def tiles(self) -> list[SlideTile]:
        return list(self.query(SlideTile))

    def _focused_index(self) -> int:
        focused = self.focused
        return focused.index if isinstance(focused, SlideTile) else self.current

    def action_move(self, dx: int, dy: int) -> None:
        tiles = self.tiles
        target = self._focused_index() + dx + dy * self.columns
        if 0 <= target < len(tiles):
            tiles[target].focus()

    def action_jump(self, index: int) -> None:
        self.tiles[index].focus()

    def action_choose(self) -> None:
        self.dismiss(self._focused_index())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(SlideTile.Chosen)
    def _chosen(self, event: SlideTile.Chosen) -> None:
        self.dismiss(event.index)


class ConfirmOverwrite(ModalScreen[bool]):
    """Asks before the slides export replaces an existing file."""

    BINDINGS = [
        Binding("y", "answer(True)", "Overwrite", id="presenter.overwrite.yes"),
        Binding("n,escape", "answer(False)", "Keep the file", id="presenter.overwrite.no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="overwrite-dialog"):
            yield Label(Text(f"{self.path} exists. Overwrite it?"), id="overwrite-question")
            with Horizontal(id="overwrite-buttons"):
                yield Button("Overwrite (y)", variant="warning", id="overwrite-yes")
                yield Button("Keep it (n)", id="overwrite-no")

    def on_mount(self) -> None:
        self.query_one("#overwrite-no", Button).focus()

    def action_answer(self, overwrite: bool) -> None:
        self.dismiss(overwrite)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "overwrite-yes")
