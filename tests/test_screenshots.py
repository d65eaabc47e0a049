"""The README's screenshots come from a script that drives the real app: check that it runs."""

from __future__ import annotations

from pathlib import Path

from briefing_tui.screenshots import SHOTS, make_all


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
