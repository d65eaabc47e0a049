"""Snapshots of presenter mode at 80x24 and 160x45 (review the SVGs before updating them)."""

from __future__ import annotations

from tests.apphelpers import make_app, settle

NARROW = (80, 24)
WIDE = (160, 45)


def fixed_clock() -> float:
    """Time never moves: the clock shows 00:00 in every snapshot."""
    return 500.0


def presenting(start_at: str, *keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        pilot.app.present_briefing("demo", start_at=start_at)
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()

    return run_before


def test_snapshot_recommendation_narrow(snap_compare) -> None:
    app = make_app(clock=fixed_clock)
    assert snap_compare(app, terminal_size=NARROW, run_before=presenting("demo-rec-1"))


def test_snapshot_recommendation_wide(snap_compare) -> None:
    app = make_app(clock=fixed_clock)
    assert snap_compare(app, terminal_size=WIDE, run_before=presenting("demo-rec-1"))


def test_snapshot_title_slide_wide(snap_compare) -> None:
    app = make_app(clock=fixed_clock)
    assert snap_compare(app, terminal_size=WIDE, run_before=presenting("demo"))


def test_snapshot_notes_and_reveal_narrow(snap_compare) -> None:
    app = make_app(clock=fixed_clock)
    assert snap_compare(app, terminal_size=NARROW, run_before=presenting("demo-intro", "n", "r", "space", "space"))


def test_snapshot_overview_narrow(snap_compare) -> None:
    app = make_app(clock=fixed_clock)
    assert snap_compare(app, terminal_size=NARROW, run_before=presenting("demo-rec-1", "g"))


def presenting_bundled(briefing: str, start_at: str):
    async def run_before(pilot) -> None:
        await settle(pilot.app, pilot)
        pilot.app.present_briefing(briefing, start_at=start_at)
        await pilot.pause()

    return run_before


def test_snapshot_a_full_bundled_slide_narrow(snap_compare, bundled_library) -> None:
    """A long recommendation at 80x24: a continuation slide that fits, nothing scrolled."""
    app = make_app(clock=fixed_clock, content=None, library=bundled_library)
    assert snap_compare(app, terminal_size=NARROW, run_before=presenting_bundled("wilson", "wilson-rec-1b"))


def test_snapshot_a_full_bundled_slide_wide(snap_compare, bundled_library) -> None:
    app = make_app(clock=fixed_clock, content=None, library=bundled_library)
    assert snap_compare(app, terminal_size=WIDE, run_before=presenting_bundled("wilson", "wilson-rec-1b"))
