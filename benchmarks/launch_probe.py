"""Child process for launch timing: start an app headless, note when frames are painted, exit.

    python benchmarks/launch_probe.py briefing|yardstick OUT.json [--content DIR] [--size 160x48]
                                      [--profile OUT.prof]

Run by ``run.py`` (and ``profile_launch.py``) with fresh XDG_* directories. Every timestamp is
``time.monotonic()`` (CLOCK_MONOTONIC on Linux, shared by all processes), so the parent can
subtract the moment it spawned this process and get launch times that include interpreter start-up.

Milestones (absolute monotonic seconds in the JSON; ``run.py`` makes them relative to the spawn):

* ``shell_frame``: the first frame composed for the explorer once it is mounted (header, footer,
  sidebar, "Loading briefings…"), or for the yardstick its first frame;
* ``content_frame``: the first frame in which the explorer shows content (navigator loaded and
  the detail pane showing the first briefing); for the yardstick the same as ``shell_frame``;
* ``index_ready``: when ``app.search_index`` is set (search usable), briefing only.

``max_stall`` is the longest the UI thread's event loop went without running a 2 ms heartbeat
between the shell frame and ``index_ready`` (or the content frame, for the yardstick).

Frames are detected by wrapping ``App._display``, which Textual calls with each compositor update;
in headless mode that update is fully rendered (every widget's lines) but not encoded and written
to a terminal, so a real terminal adds a few milliseconds per frame on top.
"""

import time

T_START = time.monotonic()

import asyncio  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

TIMEOUT = 300.0


def _profile_threads(profiles: list) -> None:
    """Run every new thread (Textual's thread workers) under its own cProfile."""
    import cProfile
    import threading

    original_run = threading.Thread.run

    def run(self) -> None:
        profile = cProfile.Profile()
        profiles.append(profile)
        profile.enable()
        try:
            original_run(self)
        finally:
            profile.disable()

    threading.Thread.run = run  # type: ignore[method-assign]


def main() -> int:
    args = sys.argv[1:]
    which, out = args[0], args[1]
    options = dict(zip(args[2::2], args[3::2], strict=False))
    width, height = (int(part) for part in options.get("--size", "160x48").split("x"))
    marks: dict[str, float] = {"driver_start": T_START}
    cpu: dict[str, float] = {"driver_start": time.process_time()}
    """Process CPU seconds (every thread, since the process started) at each mark."""
    spans: dict[str, list[float]] = {}
    """name -> [start, end, thread CPU seconds] for the loader steps (briefing only)."""
    profiles: list = []
    if "--profile" in options:
        import cProfile

        main_profile = cProfile.Profile()
        main_profile.enable()
        profiles.append(main_profile)
        _profile_threads(profiles)

    from textual.app import App, ComposeResult

    marks["textual_imported"] = time.monotonic()

    if which == "briefing":
        from briefing_tui.core.content import cache
        from briefing_tui.tui import app as app_module

        marks["app_imported"] = time.monotonic()

        def timed(name, function):
            def wrapper(*a, **k):
                start, cpu = time.monotonic(), time.thread_time()
                try:
                    return function(*a, **k)
                finally:
                    spans.setdefault(name, [start, time.monotonic(), time.thread_time() - cpu])

            return wrapper

        # Module attributes the app looks up at call time: wrapping them times each step.
        # (a small pack loads in app.on_mount, a large one in tui/content_loading.py's worker)
        from briefing_tui.tui import content_loading

        app_module.load_library = timed("load_library", app_module.load_library)
        content_loading.load_library = timed("load_library", content_loading.load_library)
        from briefing_tui.core import search

        def search_index(*a, **k):  # the app imports the index module only when it builds the index
            from briefing_tui.core.search.index import SearchIndex

            return SearchIndex(*a, **k)

        search.SearchIndex = timed("search_index", search_index)
        cache.content_key = timed("content_key", cache.content_key)
        cache.open_store = timed("cache_open", cache.open_store)
        cache.index_path = timed("index_path", cache.index_path)
        app = app_module.BriefingApp(content=[options["--content"]], use_cache=True)
    else:
        from textual.widgets import Static, Tree

        class Yardstick(App):
            """The smallest app that resembles ours: a tree and a text pane."""

            def compose(self) -> ComposeResult:
                tree: Tree[None] = Tree("Briefings")
                for name in ("Wilson Center", "IDB", "Inter-American Dialogue"):
                    node = tree.root.add(name, expand=True)
                    for section in ("Introduction", "Recommendations", "Conclusion"):
                        node.add_leaf(section)
                tree.root.expand()
                yield tree
                yield Static("US · Japan · China in Latin America and the Caribbean")

            def on_mount(self) -> None:
                self.ready = True

        app = Yardstick()
        marks["app_imported"] = time.monotonic()

    original_display = App._display

    def mark(name: str, now: float) -> None:
        if name not in marks:
            marks[name] = now
            cpu[name] = time.process_time()

    def display(self, screen, renderable) -> None:
        original_display(self, screen, renderable)
        if renderable is None:
            return
        now = time.monotonic()
        mark("first_frame", now)
        if which == "briefing":
            if type(screen).__name__ != "ExplorerScreen" or not getattr(screen, "mounted", False):
                return
            mark("shell_frame", now)
            if "content_frame" not in marks and self.library is not None:
                detail = screen.query_one("#detail")
                if getattr(detail, "target", None):
                    mark("content_frame", now)
        elif getattr(self, "ready", False):
            mark("shell_frame", now)
            mark("content_frame", now)

    App._display = display  # type: ignore[method-assign]

    stall = {"max": 0.0, "last": time.monotonic()}

    async def beat() -> None:
        # The UI thread's event loop wakes this every 2 ms unless something holds it: the longest
        # gap after the shell painted is the longest the UI stopped answering while content loaded.
        await asyncio.sleep(0.002)
        now = time.monotonic()
        if "shell_frame" in marks and stall["last"] >= marks["shell_frame"]:
            stall["max"] = max(stall["max"], now - stall["last"])
        stall["last"] = now

    async def autopilot(pilot) -> None:
        deadline = time.monotonic() + TIMEOUT
        while "content_frame" not in marks and time.monotonic() < deadline and app.is_running:
            await beat()
        if which == "briefing":
            while app.search_index is None and time.monotonic() < deadline and app.is_running:
                await beat()
            if app.search_index is not None:
                mark("index_ready", time.monotonic())
        app.exit()

    app.run(headless=True, size=(width, height), auto_pilot=autopilot)
    marks["exited"] = time.monotonic()
    result = {"which": which, "marks": marks, "cpu": cpu, "spans": spans, "max_stall": stall["max"]}
    if which == "briefing":
        result["items"] = len(app.library.items) if app.library is not None else None
        result["startup_error"] = app.failure  # why the app ended itself, if it did
    if profiles:
        import pstats

        for profile in profiles:
            profile.disable()
        stats = pstats.Stats(profiles[0])
        for profile in profiles[1:]:
            stats.add(profile)
        stats.dump_stats(options["--profile"])
        result["profiled_threads"] = len(profiles)
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    return 0 if "content_frame" in marks else 1


if __name__ == "__main__":
    raise SystemExit(main())
