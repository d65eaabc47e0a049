"""The README's screenshots come from a script that drives the real app: check that it runs."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import REPO

_spec = importlib.util.spec_from_file_location("screenshots", REPO / "scripts" / "screenshots.py")
assert _spec and _spec.loader
screenshots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(screenshots)
SHOTS, make_all = screenshots.SHOTS, screenshots.make_all


def test_screenshot_script_makes_svgs(tmp_path: Path) -> None:
    paths = await_make(tmp_path)
    assert [path.name for path in paths] == ["explorer.svg", "compare.svg"]
    for path in paths:
        svg = path.read_text()
        assert svg.startswith("<svg") and "briefing-tui" in svg
    assert set(SHOTS) >= {"explorer", "search", "detail", "compare", "presenter", "bookmarks", "help"}


def await_make(folder: Path) -> list[Path]:
    import asyncio

    return asyncio.run(make_all(folder, (100, 30), ("explorer", "compare")))
