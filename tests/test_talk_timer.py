"""The talk timer (pure): counting, pausing, per-slide and whole-talk budgets, reset."""

from __future__ import annotations

from briefing_tui.core.talk_timer import TalkTimer, clock_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 500.0

    def __call__(self) -> float:
        return self.now


def test_clock_text() -> None:
    assert clock_text(0) == "00:00"
    assert clock_text(75.9) == "01:15"
    assert clock_text(3600 + 62) == "1:01:02"
    assert clock_text(-5) == "00:00"


def test_counts_only_while_running() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    clock.now += 30
    assert timer.elapsed() == 0 and not timer.running
    timer.start()
    clock.now += 45
    timer.pause()
    clock.now += 600
    assert timer.elapsed() == 45
    timer.toggle()
    clock.now += 5
    assert timer.running and timer.elapsed() == 50


def test_slide_and_talk_budgets() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock, slide_budget=60, talk_budget=90)
    timer.start()
    clock.now += 61
    assert timer.over_slide() and not timer.over_talk()
    timer.enter_slide()
    assert not timer.over_slide() and timer.slide_elapsed() == 0
    clock.now += 30
    assert timer.over_talk() and timer.talk_left() == -1
    assert timer.summary() == "● 01:31 / 01:30 · slide 00:30 / 01:00"


def test_reset_goes_back_to_zero_paused() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.start()
    clock.now += 100
    timer.enter_slide()
    timer.reset()
    assert timer.elapsed() == 0 and timer.slide_elapsed() == 0 and not timer.running
    assert timer.summary() == "‖ 00:00 · slide 00:00"


def test_adjusted_budget_goes_to_none_at_zero() -> None:
    assert TalkTimer.adjusted(None, 30) == 30
    assert TalkTimer.adjusted(30, -30) is None
    assert TalkTimer.adjusted(60, -90) is None
