"""Soak: thousands of random key presses through the Pilot across every screen, without an exception."""

from __future__ import annotations

import os
import random

import pytest

from tests.apphelpers import controls_in, drawn_text, make_app, settle
from tests.conftest import FIXTURES, PACK

KEYS = [
    *"abcdefghijklmnoprstuvwxyzBJKNPF0123456789/?[]\\+-=",
    *("enter", "escape", "space", "tab", "shift+tab", "up", "down", "left", "right", "home", "end"),
    *("pageup", "pagedown", "backspace", "delete", "shift+up", "shift+down", "ctrl+s", "alt+left", "alt+right"),
]
"""Everything a user might hit, except keys that quit (q, ctrl+q, ctrl+c) or open the palette (its Quit)."""

OPENERS = ["c", "B", "p", "question_mark", "slash", "g"]

PRESSES = int(os.environ.get("SOAK_PRESSES", "600"))
"""CI presses 600 keys per pack and size; `SOAK_PRESSES=10000` for the full soak."""


@pytest.mark.parametrize(
    ("pack", "size"),
    [(PACK, (100, 30)), (FIXTURES / "hostile", (80, 24)), (FIXTURES / "hostile", (20, 8))],
    ids=["pack-100x30", "hostile-80x24", "hostile-20x8"],
)
async def test_random_keys_never_crash(tmp_path, monkeypatch: pytest.MonkeyPatch, pack, size) -> None:
    monkeypatch.chdir(tmp_path)  # exports land here
    rng = random.Random(1)
    app = make_app(content=[str(pack)], clock=lambda: 0.0)
    screens_seen: set[str] = set()
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for count in range(PRESSES):
            key = rng.choice(KEYS)
            # Every 50 presses go back to the explorer and open the next screen in turn,
            # so each screen gets its share of random keys.
            if count % 50 == 0:
                await pilot.press("escape", "escape", "escape")
                key = OPENERS[(count // 50) % len(OPENERS)]
            await pilot.press(key)
            screens_seen.add(type(app.screen).__name__)
            if count % 100 == 0:
                await pilot.pause()
                assert not controls_in(drawn_text(app)), f"control characters drawn after {key!r}"
            if count % 500 == 0:
                await pilot.pause()
                await pilot.resize_terminal(rng.choice([20, 40, 80, 100, 160]), rng.choice([8, 12, 24, 30, 45]))
                await pilot.pause()
                await pilot.resize_terminal(*size)
        await settle(app, pilot)
        assert app.return_code is None  # still running: nothing crashed
    assert {"ExplorerScreen", "CompareScreen", "BookmarksScreen", "PresenterScreen"} <= screens_seen
