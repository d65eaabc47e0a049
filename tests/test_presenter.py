"""Presenter mode through the Pilot: stepping, jumping, reveal, notes, timer, blanking, overview, export, CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding

from briefing_tui.core.slides import Deck, Slide, briefing_deck, deck_markdown
from briefing_tui.core.storage.bookmarks import BookmarkStore
from briefing_tui.tui.dialogs.note import NoteDialog
from briefing_tui.tui.dialogs.slide_overview import SlideOverview
from briefing_tui.tui.screens.explorer import ExplorerScreen
from briefing_tui.tui.screens.presenter import PresenterScreen
from briefing_tui.tui.widgets.footer import KeyFooter
from briefing_tui.tui.widgets.slide_view import SlideView
from briefing_tui.tui.widgets.title_bar import TitleBar
from tests.apphelpers import make_app, settle, text_of
from tests.conftest import PACK

SIZE = (100, 30)
SLIDE_TITLES = [
    "An Example Briefing",
    "Introduction",
    "4. A Way Forward",
    "1. Coordinate development finance",
    "1A. A sub-recommendation",
]


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class DeckHost(App):
    """A bare app presenting one deck (no content, no bookmarks, no settings)."""

    def __init__(self, deck: Deck) -> None:
        super().__init__()
        self.deck = deck

    def on_mount(self) -> None:
        self.push_screen(PresenterScreen(self.deck, clock=FakeClock()))


async def start_bookmarks(app, pilot) -> PresenterScreen:
    """Wait for the content, then present the bookmarks."""
    await settle(app, pilot)
    app.present_bookmarks()
    await pilot.pause()
    assert isinstance(app.screen, PresenterScreen)
    return app.screen


async def start(app, pilot, briefing: str = "demo", start_at: str | None = None) -> PresenterScreen:
    """Wait for the content, then present ``briefing``."""
    await settle(app, pilot)
    app.present_briefing(briefing, start_at=start_at)
    await pilot.pause()
    assert isinstance(app.screen, PresenterScreen)
    return app.screen


def assert_fits(screen: PresenterScreen) -> None:
    """Everything on the slide is on screen: the bullets within their area, the source above the bar."""
    view = screen.query_one(SlideView)
    body = screen.query_one("#slide-body")
    bullets = screen.query_one("#slide-bullets")
    text = text_of(bullets)
    rows = len(text.rstrip("\n").split("\n")) if text.strip() else 0
    assert rows <= body.content_size.height, (screen.slide.title, rows, body.content_size.height)
    assert bullets.outer_size.height <= body.content_size.height, screen.slide.title
    assert max(len(line) for line in text.split("\n")) <= bullets.content_size.width, screen.slide.title
    for part in ("#slide-kicker", "#slide-title", "#slide-source"):
        widget = screen.query_one(part)
        if widget.display:
            assert widget.region.bottom <= view.region.bottom, (part, screen.slide.title)
            assert widget.region.height > 0, (part, screen.slide.title)
    assert screen.query_one("#presenter-bar").region.bottom == screen.size.height


def shown(screen: PresenterScreen, widget_id: str) -> str:
    return text_of(screen.query_one(f"#{widget_id}"))


def title(screen: PresenterScreen) -> str:
    return shown(screen, "slide-title").strip()


def position(screen: PresenterScreen) -> str:
    return shown(screen, "presenter-position").strip()


# -- opening and stepping --------------------------------------------------------------------------


async def test_p_presents_the_briefing_full_screen() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        assert not screen.query(TitleBar) and not screen.query(KeyFooter)
        assert title(screen) == "An Example Briefing"
        assert shown(screen, "slide-subtitle").strip() == "Example Institute · A. Author · November 2024"
        assert "One paragraph, in our own words" in shown(screen, "slide-bullets")
        assert shown(screen, "slide-source").strip() == "Source: Example Institute, November 2024"
        assert position(screen) == "1 / 5"
        assert "00:00" in shown(screen, "presenter-clock")


async def test_stepping_with_every_key() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        seen = [title(screen)]
        for key in ("space", "right", "pagedown", "space"):
            await pilot.press(key)
            seen.append(title(screen))
        assert seen == SLIDE_TITLES
        assert position(screen) == "5 / 5"
        await pilot.press("space")  # past the end: stays
        assert screen.index == 4
        await pilot.press("left", "pageup")
        assert title(screen) == SLIDE_TITLES[2] and position(screen) == "3 / 5"
        await pilot.press("home")
        assert screen.index == 0
        await pilot.press("left")  # before the start: stays
        assert screen.index == 0
        await pilot.press("end")
        assert title(screen) == SLIDE_TITLES[-1]


async def test_digits_then_enter_jump_to_a_slide() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("4")
        assert "Go to slide: 4" in shown(screen, "presenter-hint")
        assert screen.index == 0
        await pilot.press("enter")
        assert title(screen) == SLIDE_TITLES[3]
        await pilot.press("1", "2", "enter")  # there is no slide 12
        assert screen.index == 3 and screen.jump == ""
        await pilot.press("2", "escape")  # Escape clears the digits first ...
        assert isinstance(app.screen, PresenterScreen) and screen.jump == ""
        await pilot.press("enter")  # ... and Enter without digits does nothing
        assert screen.index == 3


async def test_start_at_a_target() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, start_at="demo-rec-1")
        assert title(screen) == SLIDE_TITLES[3]
        await pilot.press("escape")
        screen = await start(app, pilot, start_at="demo-fig-fdi")  # no slide of its own: its section's
        assert title(screen) == "Introduction"


async def test_a_long_slide_becomes_continuation_slides_and_next_always_moves_on() -> None:
    long_slide = Slide(title="Long", bullets=[f"Point number {n} of a long slide" for n in range(40)])
    deck = Deck("Paging", [long_slide, Slide(title="After")])

    app = DeckHost(deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        pages = screen.total - 1
        assert pages > 1 and title(screen) == f"Long (1/{pages})"
        assert position(screen) == f"1 / {pages + 1}"
        assert_fits(screen)
        shown_bullets = list(screen.slide.bullets)
        for number in range(2, pages + 1):
            await pilot.press("space")
            assert screen.index == number - 1 and title(screen) == f"Long ({number}/{pages})"
            assert_fits(screen)
            shown_bullets += screen.slide.bullets
        assert shown_bullets == long_slide.bullets  # every bullet once, in order
        await pilot.press("right")
        assert title(screen) == "After"
        await pilot.press("left")
        assert title(screen) == f"Long ({pages}/{pages})"


async def test_a_resize_lays_the_deck_out_again_on_the_same_content() -> None:
    long_slide = Slide(title="Long", bullets=[f"Point number {n} of a long slide" for n in range(40)])
    deck = Deck("Paging", [Slide(title="Before"), long_slide, Slide(title="After")])

    app = DeckHost(deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        small_total = screen.total
        await pilot.press("right", "right", "right")  # the third page of the long slide
        bullet = screen.slide.bullets[0]
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert screen.total < small_total
        assert bullet in screen.slide.bullets and title(screen).startswith("Long")
        assert position(screen) == f"{screen.index + 1} / {screen.total}"
        assert_fits(screen)
        anchor = screen.slide.bullets[0]  # the first bullet on screen is what a relayout keeps
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.total == small_total and anchor in screen.slide.bullets


# -- reveal and notes --------------------------------------------------------------------------------


async def test_reveal_shows_bullets_one_at_a_time() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, start_at="demo-rec-1")
        bullets = screen.slide.bullets
        assert len(bullets) == 4
        await pilot.press("r")
        assert screen.reveal and screen.visible_bullets == []
        assert "A concrete proposal" not in shown(screen, "slide-bullets")
        assert "reveal 0/4" in shown(screen, "presenter-hint")
        for count in range(1, 5):
            await pilot.press("space")
            assert screen.index == 3 and screen.visible_bullets == bullets[:count]
        assert "A concrete proposal" in shown(screen, "slide-bullets")
        await pilot.press("space")  # everything shown: on to the next slide, bullets hidden again
        assert screen.index == 4 and screen.visible_bullets == []
        await pilot.press("left")  # going back shows the slide complete
        assert screen.index == 3 and screen.visible_bullets == bullets
        await pilot.press("r")
        assert not screen.reveal and screen.visible_bullets == bullets


async def test_speaker_notes_pane() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, start_at="demo-rec-1")
        pane = screen.query_one("#notes-pane")
        assert not pane.display
        await pilot.press("n")
        assert pane.display and screen.show_notes
        notes = shown(screen, "notes-text")
        assert "Optional Markdown with more detail." in notes
        assert "Next: 1A. A sub-recommendation" in notes
        await pilot.press("space")
        assert "Two to four sentences." in shown(screen, "notes-text")
        await pilot.press("n")
        assert not pane.display


async def test_turning_the_notes_on_keeps_the_slide_from_its_first_part() -> None:
    """The notes pane narrows the slide, so it lays out again: the room must not lose the slide's first parts."""
    bullets = [f"Point {n}: " + " ".join(["a sentence long enough to wrap on a narrow slide"] * 2) for n in range(8)]
    deck = Deck(title="D", slides=[Slide(title="Opening"), Slide(title="Long", bullets=bullets)])
    app = DeckHost(deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        await pilot.press("2", "enter")  # the long slide, all its bullets shown
        await pilot.pause()
        assert screen.slide.title.startswith("Long") and screen.slide.part[0] == 1
        await pilot.press("n")
        await pilot.pause()
        assert screen.slide.title.startswith("Long") and screen.slide.part == (1, screen.slide.part[1])
        assert screen.slide.part[1] > 1


async def test_the_overview_tells_apart_the_parts_of_a_slide_cut_over_pages() -> None:
    bullets = [f"Point {n}: " + " ".join(["a sentence long enough to wrap on a narrow slide"] * 2) for n in range(16)]
    app = DeckHost(Deck(title="D", slides=[Slide(title="Opening"), Slide(title="Long", bullets=bullets)]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, SlideOverview)
        heads = [text_of(tile).split("\n")[:2] for tile in overview.tiles]
        total = len(heads) - 1
        assert heads[0] == ["1", "Opening"] and total > 1  # no kicker: the number alone
        assert heads[1:] == [[f"{n + 1} · part {n} of {total}", "Long"] for n in range(1, total + 1)]


async def test_a_key_that_cannot_move_says_so_in_the_bar() -> None:
    from tests.apphelpers import drawn_text

    app = DeckHost(Deck(title="D", slides=[Slide(title="One"), Slide(title="Two")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("left")
        await pilot.pause()
        assert "first slide" in drawn_text(app).splitlines()[-1]
        await pilot.press("space", "space")
        await pilot.pause()
        bar = drawn_text(app).splitlines()[-1]
        assert "2 / 2" in bar and "end of the deck" in bar


# -- time --------------------------------------------------------------------------------------------


async def test_timer_and_per_slide_budget_with_a_fake_clock() -> None:
    clock = FakeClock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        clock_widget = screen.query_one("#presenter-clock")
        clock.now += 50
        screen.refresh_clock()
        assert "00:00" in shown(screen, "presenter-clock")  # not started yet
        await pilot.press("t")
        clock.now += 75
        screen.refresh_clock()
        assert "01:15" in shown(screen, "presenter-clock")
        await pilot.press("t")  # pause
        clock.now += 600
        screen.refresh_clock()
        assert "01:15" in shown(screen, "presenter-clock") and not screen.timer.running
        await pilot.press("t")
        await pilot.press("plus", "plus")
        assert screen.timer.slide_budget == 60
        assert app.settings.get("presenter_budget_seconds") == 60  # remembered for next time
        assert "/ 01:00" in shown(screen, "presenter-clock")
        assert screen.timer.over_slide() and "OVER +00:15" in shown(screen, "presenter-clock")
        assert clock_widget.has_class("-over-budget")
        await pilot.press("space")  # a new slide starts its own time
        assert not screen.timer.over_slide() and not clock_widget.has_class("-over-budget")
        clock.now += 61
        screen.refresh_clock()
        assert screen.timer.over_slide() and clock_widget.has_class("-over-budget")
        assert "02:16" in shown(screen, "presenter-clock") and "slide 01:01 / 01:00" in shown(screen, "presenter-clock")
        await pilot.press("minus", "minus")
        assert screen.timer.slide_budget is None and not clock_widget.has_class("-over-budget")
        assert app.settings.get("presenter_budget_seconds") is None
        # The whole talk has its own budget, and the timer can start again from zero.
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen.timer.talk_budget == 120 and app.settings.get("presenter_talk_seconds") == 120
        assert "02:16 / 02:00" in shown(screen, "presenter-clock") and "TALK OVER TIME" in shown(
            screen, "presenter-clock"
        )
        await pilot.press("T")
        assert "00:00 / 02:00" in shown(screen, "presenter-clock") and not screen.timer.running
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.timer.talk_budget is None and app.settings.get("presenter_talk_seconds") is None


async def test_budget_from_settings_and_from_the_constructor() -> None:
    clock = FakeClock()
    app = make_app(clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.settings.set("presenter_budget_seconds", 90)
        screen = await start(app, pilot)
        assert screen.timer.slide_budget == 90
        await pilot.press("escape")
        deck = briefing_deck(app.library, "demo")
        app.push_screen(PresenterScreen(deck, clock=clock, budget_seconds=30))
        await pilot.pause()
        assert app.screen.timer.slide_budget == 30


# -- blank, overview, leaving ------------------------------------------------------------------------


async def test_b_blanks_and_any_key_returns() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("space")
        await pilot.press("b")
        assert screen.blank and screen.has_class("-blank")
        assert not screen.query_one("#presenter-main").display and not screen.query_one("#presenter-bar").display
        assert screen.query_one("#presenter-blank").display
        await pilot.press("space")  # unblanks, and does nothing else
        assert not screen.blank and screen.index == 1
        await pilot.press("b", "escape")  # Escape too only unblanks
        assert not screen.blank and isinstance(app.screen, PresenterScreen)


async def test_overview_grid_picks_a_slide() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("g")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, SlideOverview)
        tiles = overview.tiles
        heads = [text_of(tile).split("\n")[:2] for tile in tiles]
        assert [(head.split(" · ")[0], name) for head, name in heads] == [
            (str(n), name) for n, name in enumerate(SLIDE_TITLES, 1)
        ]
        assert tiles[0].has_focus
        await pilot.press("down")  # two columns at 100 wide: down is two slides on
        assert overview.columns == 2 and tiles[2].has_focus
        await pilot.press("right", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.index == 3
        await pilot.press("g")
        await pilot.pause()
        assert app.screen.tiles[3].has_focus  # opens on the current slide
        await pilot.press("left", "escape")  # Escape keeps the slide
        await pilot.pause()
        assert app.screen is screen and screen.index == 3


async def test_escape_returns_to_the_explorer_as_it_was() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        explorer.open("demo-obs-financing")
        await settle(app, pilot)
        detail_before = text_of(explorer.query_one("#detail-content"))
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PresenterScreen)
        assert title(screen) == "Introduction"  # the selected item's section
        await pilot.press("space", "space", "n", "t", "g")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.screen is explorer
        assert explorer.current_target == "demo-obs-financing"
        assert text_of(explorer.query_one("#detail-content")) == detail_before


async def test_p_inside_the_presenter_does_not_stack_a_second_one() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        depth = len(app.screen_stack)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is screen and len(app.screen_stack) == depth


async def test_the_app_keys_that_open_other_screens_do_nothing_in_front_of_the_room() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        depth = len(app.screen_stack)
        for key in ("c", "B", "question_mark", "f1", "y"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen and len(app.screen_stack) == depth, key


async def test_note_key_writes_a_note_on_the_current_slide() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, start_at="demo-rec-1a")
        assert screen.selected_target() == ("demo-rec-1a", "item")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note-text").text = "Mention the 1A pilot."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert BookmarkStore().get("demo-rec-1a").note == "Mention the 1A pilot."
        await pilot.press("n")
        assert "Mention the 1A pilot." in shown(screen, "notes-text")


# -- bookmarks deck ------------------------------------------------------------------------------------


async def test_present_bookmarks_in_saved_order_with_notes() -> None:
    store = BookmarkStore()
    store.add("demo-fig-fdi", "item", note="Pause on this number.")
    store.add("demo-gone", "item", note="Dropped from the pack.")
    store.add("demo-intro", "section")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_bookmarks(app, pilot)
        assert position(screen) == "1 / 3"
        assert title(screen) == "Japanese FDI stock in Brazil"
        assert "$3 billion: Japanese FDI stock in Brazil, 2023" in shown(screen, "slide-bullets")
        await pilot.press("n")
        assert "Pause on this number." in shown(screen, "notes-text")
        await pilot.press("space")
        assert title(screen) == "Missing: demo-gone"
        assert "not in the loaded content" in " ".join(shown(screen, "slide-bullets").split())
        assert "Dropped from the pack." in shown(screen, "notes-text")
        await pilot.press("space")
        assert title(screen) == "Introduction"


# -- export ----------------------------------------------------------------------------------------------


async def test_x_exports_the_deck_through_the_common_export_dialog(tmp_path: Path) -> None:
    from textual.widgets import Input

    from briefing_tui.tui.dialogs.confirm import Confirm
    from briefing_tui.tui.dialogs.export import ExportDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path = dialog.query_one("#export-path", Input)
        assert path.value.endswith(".md") and "an-example-briefing-slides" in path.value
        target = tmp_path / "deck.md"
        target.write_text("my edits", encoding="utf-8")
        path.value = str(target)
        await pilot.press("ctrl+s")
        for _ in range(100):
            await pilot.pause(0.01)
            if isinstance(app.screen, Confirm):
                break
        assert isinstance(app.screen, Confirm)  # never replaces a file without asking
        await pilot.press("y")
        for _ in range(200):
            await pilot.pause(0.01)
            if app.screen is screen:
                break
        assert target.read_text(encoding="utf-8") == deck_markdown(briefing_deck(app.library, "demo"))


# -- fitting the terminal ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "compact", "large"), [((80, 24), True, False), (SIZE, False, False), ((160, 45), False, True)]
)
async def test_layout_scales_with_the_terminal(size, compact: bool, large: bool) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await start(app, pilot, start_at="demo-rec-1")
        assert screen.has_class("-compact") is compact and screen.has_class("-large") is large
        title_widget = screen.query_one("#slide-title")
        citation = screen.query_one("#slide-source")
        bar = screen.query_one("#presenter-bar")
        assert title_widget.region.width > size[0] // 2
        assert citation.region.bottom <= bar.region.y  # the citation stays on screen, above the bar
        assert bar.region.bottom == size[1]


def test_bindings_have_ids_and_the_shown_ones_descriptions() -> None:
    bindings = [binding for binding in PresenterScreen.BINDINGS if isinstance(binding, Binding)]
    assert all(binding.id and binding.id.startswith("presenter.") for binding in bindings)
    assert all(binding.description for binding in bindings if binding.show)


# -- the present subcommand ------------------------------------------------------------------------------


def run(*argv: str) -> int:
    """The real command line (parser and all) on the test pack."""
    from briefing_tui.cli import main

    return main(["--content", str(PACK), "--no-cache", *argv])


def test_cli_exports_a_briefing_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str], pack_library) -> None:
    out = tmp_path / "slides.md"
    assert run("present", "demo", "--export", str(out)) == 0
    assert out.read_text(encoding="utf-8") == deck_markdown(briefing_deck(pack_library, "demo"))
    assert "wrote 5 slides to" in capsys.readouterr().err  # the deck as built, not cut to a screen
    assert run("present", "demo", "--export", str(out)) == 2
    assert "already exists" in capsys.readouterr().err
    assert run("present", "demo", "--export", str(out), "--force") == 0
    capsys.readouterr()
    assert run("present", "demo", "--export", "-") == 0
    assert capsys.readouterr().out.startswith("# An Example Briefing")


def test_cli_exports_bookmarks(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("present", "--bookmarks", "--export", "-") == 2
    assert "no bookmarks to present" in capsys.readouterr().err
    BookmarkStore().add("demo-rec-1", "item", note="Lead with this.")
    assert run("present", "--bookmarks", "--export", "-") == 0
    text = capsys.readouterr().out
    assert text.startswith("# Bookmarks\n\n*1 slide*")
    assert "**Notes:**\n\nLead with this." in text


def test_cli_presents_a_dossier_and_says_what_is_wrong_with_a_bad_dossier_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from briefing_tui.core.slides import dossier_deck

    assert run("present", "dossier:actor=japan", "--export", "-") == 0
    assert capsys.readouterr().out == deck_markdown(dossier_deck(load_pack(), {"actor": "japan"}))
    assert run("present", "dossier:actor=japn", "--export", "-") == 2
    assert "did you mean: japan" in capsys.readouterr().err


def test_cli_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("present", "nope", "--export", "-") == 1
    assert "no briefing 'nope'" in capsys.readouterr().err
    assert run("present", "demo-rec-1", "--export", "-") == 1
    assert "not an item or section id" in capsys.readouterr().err
    for argv in (("present",), ("present", "demo", "--bookmarks"), ("present", "demo", "--force")):
        assert run(*argv) == 2, argv
        assert capsys.readouterr().err.startswith("briefing-tui: ")


def test_cli_starts_the_app_presenting(monkeypatch: pytest.MonkeyPatch) -> None:
    """``present ID`` starts the real app, which opens the presenter once content is in."""
    import asyncio
    import io

    from briefing_tui.tui.app import BriefingApp

    shown: list[tuple[str, str]] = []

    def run_headless(self: BriefingApp, *args, **kwargs) -> None:
        async def drive() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                for _ in range(100):
                    await pilot.pause(0.02)
                    if isinstance(self.screen, PresenterScreen):
                        break
                screen = self.screen
                shown.append((type(screen).__name__, screen.deck.title if isinstance(screen, PresenterScreen) else ""))

        asyncio.run(drive())

    monkeypatch.setattr(BriefingApp, "run", run_headless)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO()))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)  # as from a terminal: the app would refuse a pipe
    assert run("present", "demo") == 0
    assert shown[0] == ("PresenterScreen", briefing_deck(load_pack(), "demo").title)
    BookmarkStore().add("demo-rec-1", "item")
    assert run("present", "--bookmarks") == 0
    assert shown[1] == ("PresenterScreen", "Bookmarks")
    assert run("present", "dossier:actor=japan") == 0
    assert shown[2] == ("PresenterScreen", "Dossier: Japan")


def load_pack():
    from briefing_tui.core.content import load_library

    return load_library([PACK], use_cache=False)


# -- the bundled content (being written: no specific items) ----------------------------------------------


async def test_every_bundled_briefing_presents_at_80x24() -> None:
    from briefing_tui.core.content import load_library

    library = load_library(None, use_cache=False)  # the bundled content loads: a failure here is a failure
    app = make_app(content=None, library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for briefing_id in library.briefings:
            screen = await start(app, pilot, briefing_id)
            total = screen.total
            assert position(screen) == f"1 / {total}"
            await pilot.press("space", "space", "n", "r", "space", "end")
            total = screen.total  # the notes pane narrows the slide: the deck is laid out again
            assert position(screen) == f"{total} / {total}"
            await pilot.press("g")
            await pilot.pause()
            assert isinstance(app.screen, SlideOverview) and len(app.screen.tiles) == total
            await pilot.press("escape", "escape")
            await pilot.pause()
            assert isinstance(app.screen, ExplorerScreen)
