"""The speaker view in a second terminal: it follows the presentation, and its keys move both."""

from __future__ import annotations

import asyncio
import os
import socket
import stat
import time
from collections.abc import Callable

import pytest

from briefing_tui.core import speaker_link
from briefing_tui.tui.screens.explorer import ExplorerScreen
from briefing_tui.tui.speaker import SpeakerApp
from tests.apphelpers import make_app, text_of
from tests.test_presenter import SIZE, start

pytestmark = pytest.mark.skipif(not speaker_link.available(), reason="Unix sockets only")

IN_STEP = 0.5
"""Seconds within which both screens must agree (the issue's promise)."""


async def within(seconds: float, condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.005)
    return condition()


async def test_presenter_and_speaker_view_stay_in_step_both_ways() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start(app, pilot, start_at="demo-rec-1")
        assert await within(2, lambda: screen.link is not None)
        path = speaker_link.socket_path()
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600  # only this user can attach
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
        follower = SpeakerApp()
        async with follower.run_test(size=(80, 24)) as speaker:
            assert await within(IN_STEP, lambda: follower.state.get("index") == 3)
            shown = text_of(follower.query_one("#speaker-slide"))
            assert "4 / 5" in shown and "1. Coordinate development finance" in shown
            assert "Optional Markdown with more detail." in text_of(follower.query_one("#speaker-notes-text"))
            assert "Next: 1A. A sub-recommendation" in text_of(follower.query_one("#speaker-next"))
            assert not screen.show_notes  # the audience's screen shows no notes

            await speaker.press("right")  # the speaker's key moves the presentation ...
            assert await within(IN_STEP, lambda: screen.index == 4 and follower.state.get("index") == 4)
            await pilot.press("left", "left")  # ... and the presenter's keys move the speaker view
            assert await within(IN_STEP, lambda: follower.state.get("index") == 2)
            assert "3 / 5" in text_of(follower.query_one("#speaker-slide"))

            await speaker.press("t")  # the timer, from either side
            assert await within(IN_STEP, lambda: screen.timer.running and follower.state.get("running") is True)
            assert "talk" in text_of(follower.query_one("#speaker-times"))
            assert "speaker view attached" in text_of(screen.query_one("#presenter-hint"))

            await pilot.press("escape")  # the talk ends: the speaker view says so
            assert await within(2, lambda: isinstance(app.screen, ExplorerScreen))
            assert await within(2, lambda: "has ended" in text_of(follower.query_one("#speaker-slide")))
        assert not path.exists()  # the socket goes with the presentation


def test_follow_without_a_presentation_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    from briefing_tui.cli import main

    assert main(["present", "--follow"]) == 1
    assert "no presentation is running for this user" in capsys.readouterr().err
    assert main(["present", "demo", "--follow"]) == 2


def test_a_socket_left_by_a_crash_is_not_a_running_presentation() -> None:
    path = speaker_link.socket_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens
    assert path.exists() and not speaker_link.is_running(path)


def test_only_known_commands_reach_the_presenter() -> None:
    assert speaker_link.command({"action": "next"}) == ("next", 0)
    assert speaker_link.command({"action": "goto", "index": 4}) == ("goto", 4)
    assert speaker_link.command({"action": "dismiss"}) is None  # not a follower's to ask
    assert speaker_link.command({"action": "goto", "index": "4"}) is None
    assert speaker_link.decode(b"not json\n") is None and speaker_link.decode(b"[1]\n") is None
