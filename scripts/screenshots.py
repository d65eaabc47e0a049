"""Make the README's screenshots from the real app on the bundled content.

    python scripts/screenshots.py [--out screenshots] [--size 120x36]

Runs the app headless with throw-away config/cache folders (your bookmarks are never
touched), drives it like a user, and saves one SVG per main screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

SHOTS = ("explorer", "search", "detail", "compare", "presenter", "bookmarks", "help", "dossier", "glossary")


async def _settle(app, pilot) -> None:
    for _ in range(200):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.library is not None and app.search_index is not None and not app.workers._workers:
            break
        await pilot.pause(0.02)
    await pilot.pause(0.1)


async def _take(
    out: Path, size: tuple[int, int], name: str, steps: Callable[[object, object], Awaitable[None]]
) -> Path:
    from briefing_tui.tui.app import BriefingApp

    app = BriefingApp(clock=lambda: 0.0)
    async with app.run_test(size=size) as pilot:
        await _settle(app, pilot)
        await steps(app, pilot)
        await _settle(app, pilot)
        path = out / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(out))
    return path


def _first(library, kind: str, word: str = "") -> str:
    for item in library.iter_items():
        if item.kind == kind and word.lower() in (item.title + item.summary).lower():
            return item.id
    return next(entry.id for entry in library.entries if entry.kind == kind)


async def _explorer(app, pilot) -> None:
    briefing = next(iter(app.library.briefings))
    app.explorer.open(briefing)
    await pilot.press("enter")


async def _search(app, pilot) -> None:
    await pilot.press("slash")
    for key in "hydrogen":
        await pilot.press(key)


async def _detail(app, pilot) -> None:
    app.explorer.open(_first(app.library, "case-study", "agricultur"))


async def _compare(app, pilot) -> None:
    await pilot.press("c")


async def _presenter(app, pilot) -> None:
    # A recommendation slide of the first briefing: the slide a room is there for.
    briefing = next(iter(app.library.briefings))
    first = next(item.id for item in app.library.items_in(briefing) if item.kind == "recommendation")
    app.present_briefing(briefing, start_at=first)
    await pilot.pause()


async def _bookmarks(app, pilot) -> None:
    library = app.library
    notes = {
        "recommendation": "Lead with this in the ministerial: ask what co-financing is on the table.",
        "figure": "Check the latest number before quoting it.",
        "case-study": "Good example for the agriculture panel.",
    }
    for kind, note in notes.items():
        app.bookmarks.add(_first(library, kind), "item", note=note, tags=["meeting"])
    app.bookmarks.add(next(iter(library.briefings)), "briefing")
    app.bookmarks_changed()
    await pilot.press("B")


async def _help(app, pilot) -> None:
    await pilot.press("question_mark")


async def _dossier(app, pilot) -> None:
    app.open_target("dossier:actor=japan,country=brazil")
    await pilot.pause()


async def _glossary(app, pilot) -> None:
    app.show_glossary("JBIC")
    await pilot.pause()


STEPS = {
    "explorer": _explorer,
    "search": _search,
    "detail": _detail,
    "compare": _compare,
    "presenter": _presenter,
    "bookmarks": _bookmarks,
    "help": _help,
    "dossier": _dossier,
    "glossary": _glossary,
}


async def make_all(out: Path, size: tuple[int, int], names: tuple[str, ...] = SHOTS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        with tempfile.TemporaryDirectory() as home:
            for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
                os.environ[variable] = str(Path(home) / variable.lower())
            paths.append(await _take(out, size, name, STEPS[name]))
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="screenshots", type=Path)
    parser.add_argument("--size", default="120x36", help="terminal size as COLUMNSxROWS")
    parser.add_argument("--only", nargs="*", choices=SHOTS, default=list(SHOTS))
    args = parser.parse_args()
    columns, rows = (int(part) for part in args.size.lower().split("x"))
    for path in asyncio.run(make_all(args.out, (columns, rows), tuple(args.only))):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
