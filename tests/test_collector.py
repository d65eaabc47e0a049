"""Garbage collection at moments nobody waits on: after a screen closes, and when the user is idle."""

from __future__ import annotations

import gc
import weakref

import pytest

from briefing_tui.tui import collector
from briefing_tui.tui.collector import IdleCollector
from briefing_tui.tui.screens.compare import CompareScreen
from tests.apphelpers import make_app, settle


@pytest.fixture
def no_automatic_collections():
    """The collector's own thresholds out of reach: only the app's collections run."""
    thresholds = gc.get_threshold()
    gc.set_threshold(10**9, 10**9, 10**9)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def test_idle_collection_waits_for_a_quiet_second_and_for_something_to_collect(monkeypatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(collector.time, "monotonic", lambda: now[0])
    idle = IdleCollector()
    gc.collect(1)  # something reached the oldest generation
    assert not idle.collect_if_idle()  # input was just seen (at creation)
    now[0] += collector.IDLE_SECONDS
    assert idle.collect_if_idle()
    assert not idle.collect_if_idle()  # collected: nothing new in the oldest generation
    gc.collect(1)
    idle.input_seen()
    now[0] += collector.IDLE_SECONDS / 2
    assert not idle.collect_if_idle()
    gc.disable()
    try:
        now[0] += collector.IDLE_SECONDS
        assert not idle.collect_if_idle()  # a large pack's load keeps the collector off: left off
    finally:
        gc.enable()


async def test_a_closed_screen_is_freed_once_the_screen_below_is_painted(no_automatic_collections) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        screen = CompareScreen()
        app.push_screen(screen)
        await pilot.pause()
        closed = weakref.ref(screen)
        del screen
        app.pop_screen()
        for _ in range(20):
            await pilot.pause(0.01)
        assert closed() is None
