"""Helpers for driving the app with Textual's Pilot in tests."""

from __future__ import annotations

from rich.console import Console

from briefing_tui.tui.app import BriefingApp
from tests.conftest import PACK


def make_app(**kwargs) -> BriefingApp:
    kwargs.setdefault("content", [str(PACK)])
    kwargs.setdefault("use_cache", False)
    return BriefingApp(**kwargs)


async def settle(app: BriefingApp, pilot) -> None:
    """Wait until workers (content load, index build, searches) are done and the screen repainted."""
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        ready = app.library is not None and app.search_index is not None
        if ready and not app.workers._workers:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def text_of(widget) -> str:
    """The plain text a Static-like widget shows."""
    inner = widget.content
    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(inner)
    return console.export_text()


CONTROL_CHARACTERS = {chr(code) for code in [*range(0x00, 0x20), *range(0x7F, 0xA0)]} - {"\n"}
"""C0 and C1 controls: ESC, CSI, OSC, BEL... Any of them in what is drawn would reach the terminal raw."""


def drawn_text(app: BriefingApp) -> str:
    """Exactly the characters the app would write for its current screen (toasts and modals included)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def controls_in(text: str) -> set[str]:
    return {char for char in text if char in CONTROL_CHARACTERS}
