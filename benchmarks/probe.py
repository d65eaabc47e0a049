"""Child processes for the non-launch measurements: content loading, search, UI actions.

    python benchmarks/probe.py load   OUT.json --content DIR [--home DIR] [--reps 3] [--no-cache-reps 2]
    python benchmarks/probe.py search OUT.json --content DIR [--home DIR] [--reps 20]   (<= ~20 s per category)
    python benchmarks/probe.py ui     OUT.json --content DIR [--home DIR] [--reps 10]

Each probe sets its own XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_CACHE_HOME and XDG_STATE_HOME before
anything of briefing_tui is imported: folders under ``--home DIR``, or a temporary folder removed at
exit, never the inherited ones, so the real home is never touched. ``run.py`` passes the same
``--home`` to ``load``, ``search`` and ``ui`` (they reuse the cache ``load`` left behind, so they start
from a warm cache like a returning user).
Times are seconds from ``time.perf_counter()``; the JSON holds every sample so medians and
percentiles can be recomputed.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

XDG_NAMES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def use_home(home: Path) -> None:
    """Point every XDG directory into ``home`` (called before briefing_tui is imported)."""
    for name in XDG_NAMES:
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder)


# -- queries ----------------------------------------------------------------------------------
# Words the generator's vocabulary uses, from very common ("trade", ~45% of items) to rare.
WORDS_1 = ["trade", "investment", "hydrogen", "brazil", "digital", "lithium", "japan", "agriculture", "ai", "cables"]
WORDS_2 = [
    "digital trade",
    "hydrogen chile",
    "japan infrastructure",
    "china lithium",
    "development finance",
    "food security",
    "brazil agriculture",
    "mexico nearshoring",
]
WORDS_3 = [
    "japan infrastructure investment",
    "green hydrogen chile",
    "digital trade brazil",
    "china critical minerals",
    "concessional loans peru",
    "submarine cables caribbean",
]
PREFIX_WORDS = ["hydrogen", "investment", "brazil", "digital", "semiconductors", "trade", "lithium", "japan"]
TYPED = ["digital tr", "green hydrogen ch", "japan infra", "china lith", "development fin", "brazil ag"]
FILTERED = [
    "kind:case-study country:brazil",
    "kind:figure sector:hydrogen",
    "actor:japan country:chile infrastructure",
    "country:mexico sector:automotive",
    "kind:recommendation actor:us digital",
    "sector:critical-minerals lithium",
]


def query_sets() -> dict[str, tuple[list[str], bool]]:
    """Category -> (queries, as_typed). Word queries run as submitted (as_typed=False)."""
    sets: dict[str, tuple[list[str], bool]] = {
        "words-1": (WORDS_1, False),
        "words-2": (WORDS_2, False),
        "words-3": (WORDS_3, False),
    }
    for length in (1, 2, 3, 4):
        sets[f"prefix-{length}"] = ([word[:length] for word in PREFIX_WORDS], True)
    sets["typed-words+prefix"] = (TYPED, True)
    sets["filtered"] = (FILTERED, False)
    return sets


def percentile(samples: list[float], fraction: float) -> float:
    """Linear-interpolated percentile (fraction 0..1) of the samples."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


class Recorder:
    """Times steps into a dict: wall seconds under the name, CPU seconds under ``<name>_cpu``.

    CPU time (this thread) barely moves when other processes compete for the cores; wall time does.
    """

    def __init__(self, result: dict) -> None:
        self.result = result

    def __call__(self, name: str, function, *args, repeat: int | None = None, **kwargs):
        walls, cpus = [], []
        value = None
        for _ in range(repeat or 1):
            cpu = time.thread_time()
            wall, value = timed(function, *args, **kwargs)
            walls.append(wall)
            cpus.append(time.thread_time() - cpu)
        self.result[name] = walls if repeat else walls[0]
        self.result[f"{name}_cpu"] = cpus if repeat else cpus[0]
        return value


# -- load ---------------------------------------------------------------------------------------


def cmd_load(content: Path, reps: int, no_cache_reps: int) -> dict:
    import tomllib

    start = time.perf_counter()
    from briefing_tui.core.content import Library, LibraryData, assemble, cache, content_files, load_library, trusted
    from briefing_tui.core.content.parse import file_adapter

    result: dict = {"import": time.perf_counter() - start}
    record = Recorder(result)
    files = content_files([content])
    result["files"] = len(files)
    result["bytes"] = sum(path.stat().st_size for path in files)

    # The parts of a load without cache, as parse_files does them: TOML parsing, pydantic validation;
    # then the cross-checks (assemble) and the lookups (Library).
    steps = {"toml_parse": 0.0, "toml_parse_cpu": 0.0, "pydantic_validate": 0.0, "pydantic_validate_cpu": 0.0}
    parsed = []
    for path in files:
        part: dict = {}
        raw = Recorder(part)("toml", lambda path=path: tomllib.loads(path.read_bytes().decode("utf-8")))
        model = Recorder(part)("validate", file_adapter().validate_python, raw)
        parsed.append((str(path), model))
        steps["toml_parse"] += part["toml"]
        steps["toml_parse_cpu"] += part["toml_cpu"]
        steps["pydantic_validate"] += part["validate"]
        steps["pydantic_validate_cpu"] += part["validate_cpu"]
    result.update(steps)
    data, problems = record("assemble", assemble, parsed)
    if problems:
        raise SystemExit(f"content has problems: {problems[:3]}")
    library = record("library_lookups", Library, data)
    result["items"] = len(library.items)
    del parsed, data, library

    record("no_cache", load_library, [content], use_cache=False, repeat=no_cache_reps)
    record("content_key", cache.content_key, files, repeat=reps)

    # First run with an empty cache: parse, validate and write the cache.
    library = record("cold_cache", load_library, [content], use_cache=True)
    key = cache.content_key(files)
    result["cache_file_bytes"] = cache.store_path(key).stat().st_size if key else None
    del library
    record("warm_cache", load_library, [content], use_cache=True, repeat=reps)
    # From cache: the store's header and lean entries (items stay in the file until shown).
    store = cache.open_store(key)
    entries = record("cache_read", store.entries, repeat=reps)
    header = store.header()
    data = LibraryData(
        briefings=[trusted.briefing(raw) for raw in header["briefings"]],
        themes=[trusted.theme(raw) for raw in header["themes"]],
    )
    record("library_from_cache_data", Library, data, key, store, entries, repeat=reps)
    library = load_library([content], use_cache=True)  # as the app has it (with its content key)

    # The search index: in memory (small packs), to a file in the cache (the app, >= 2,000 items), reopened.
    from briefing_tui.core.search import SearchIndex

    record("index_build_memory", SearchIndex, library, None).close()
    path = record("index_path", cache.index_path, library)
    if path is not None:
        record("index_build_file", SearchIndex, library, path).close()
        result["index_file_bytes"] = path.stat().st_size
        reopen = []
        for _ in range(reps):
            seconds, index = timed(SearchIndex, library, path)
            reopen.append(seconds)
            index.close()
        result["index_reopen"] = reopen
    return result


# -- search -------------------------------------------------------------------------------------


def cmd_search(content: Path, reps: int, budget: float = 20.0) -> dict:
    from briefing_tui.core.content import cache, load_library
    from briefing_tui.core.search import SearchIndex
    from briefing_tui.tui.screens.explorer import RESULTS_SHOWN

    seconds, library = timed(load_library, [content], use_cache=True)
    result: dict = {"load": seconds, "items": len(library.items)}
    seconds, index = timed(lambda: SearchIndex(library, cache.index_path(library)))
    result["index_open_or_build"] = seconds
    result["limit"] = RESULTS_SHOWN

    def search(query: str, as_typed: bool):
        # As the explorer runs it: its result limit, results first, the counts per kind after.
        return index.search(query, limit=RESULTS_SHOWN, as_typed=as_typed, counts=False)

    categories = {}
    for name, (queries, as_typed) in query_sets().items():
        first = []
        for query in queries:
            # The first run of each query reads SQLite pages cold; reported apart from the steady state.
            seconds, outcome = timed(search, query, as_typed)
            first.append(seconds)
        samples: list[float] = []
        counting: list[float] = []
        cpu: list[float] = []
        matches: list[int] = []
        began = time.perf_counter()
        for rep in range(reps):
            if rep >= 3 and time.perf_counter() - began > budget:
                break  # enough samples for a slow category at a large size
            for query in queries:
                cpu_start = time.thread_time()
                seconds, outcome = timed(search, query, as_typed)
                cpu.append(time.thread_time() - cpu_start)
                samples.append(seconds)
                seconds, _ = timed(index.count, outcome)
                counting.append(seconds)
                matches.append(outcome.total)
        per_query = {}
        for position, query in enumerate(queries):
            mine = samples[position :: len(queries)]
            per_query[query] = {"p50": statistics.median(mine), "matches": matches[position]}
        categories[name] = {
            "as_typed": as_typed,
            "queries": queries,
            "first": first,
            "samples": samples,
            "p50": percentile(samples, 0.5),
            "p95": percentile(samples, 0.95),
            "cpu_p50": percentile(cpu, 0.5),
            "cpu_p95": percentile(cpu, 0.95),
            "count_p50": percentile(counting, 0.5),
            "count_p95": percentile(counting, 0.95),
            "approximate": sum(1 for query in queries if search(query, as_typed).approximate),
            "reps_done": len(samples) // len(queries),
            "max": max(samples),
            "mean_matches": statistics.mean(matches),
            "per_query": per_query,
        }
    result["categories"] = categories
    return result


# -- ui -----------------------------------------------------------------------------------------


def cmd_ui(content: Path, reps: int) -> dict:
    import importlib.util

    from textual.app import App

    from briefing_tui.tui.app import BriefingApp

    frames: list[tuple[float, str]] = []
    original_display = App._display

    def display(self, screen, renderable) -> None:
        original_display(self, screen, renderable)
        if renderable is not None:
            frames.append((time.perf_counter(), type(screen).__name__))

    App._display = display  # type: ignore[method-assign]
    result: dict = {}
    app = BriefingApp(content=[str(content)], use_cache=True)

    async def next_frame(start: float, first: int, screen_name: str, timeout: float = 60.0) -> float:
        """Seconds from ``start`` to the first frame of ``screen_name`` from ``frames[first:]`` on."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for moment, name in frames[first:]:
                if name == screen_name:
                    return moment - start
            await asyncio.sleep(0.0005)
        raise TimeoutError(f"no {screen_name} frame")

    async def run() -> None:
        async with app.run_test(size=(160, 48)) as pilot:
            for _ in range(3000):
                if app.library is not None and app.search_index is not None and not app.workers._workers:
                    break
                await pilot.pause(0.05)
            await pilot.pause(0.2)
            library = app.library
            explorer = app.explorer
            ids = list(library.items)
            step = max(1, len(ids) // reps)
            targets = [ids[position] for position in range(step // 2, len(ids), step)][:reps]
            handler, to_frame = [], []
            for target in targets:
                first, start = len(frames), time.perf_counter()
                explorer.open(target)
                handler.append(time.perf_counter() - start)
                to_frame.append(await next_frame(start, first, "ExplorerScreen"))
                await pilot.pause(0.05)  # let the navigator finish revealing before the next one
            result["open_item"] = {"handler": handler, "to_frame": to_frame}

            if importlib.util.find_spec("briefing_tui.tui.screens.compare") is not None:
                from briefing_tui.tui.screens.compare import CompareScreen

                push, move = [], []
                for _ in range(max(3, reps // 2)):
                    first, start = len(frames), time.perf_counter()
                    app.push_screen(CompareScreen())
                    push.append(await next_frame(start, first, "CompareScreen"))
                    await pilot.pause(0.05)
                    first, start = len(frames), time.perf_counter()
                    await pilot.press("right")
                    move.append(await next_frame(start, first, "CompareScreen"))
                    app.pop_screen()
                    await pilot.pause(0.05)
                result["compare"] = {"push_to_frame": push, "move_cell_to_frame": move}
            else:
                result["compare"] = {"skipped": "briefing_tui/screens/compare.py does not exist"}

            if importlib.util.find_spec("briefing_tui.tui.screens.presenter") is not None:
                briefing_id = next(iter(library.briefings))
                push = []
                for attempt in range(3):  # one sample was too few to trust (a collection could land on it)
                    if attempt:
                        app.pop_screen()
                        await pilot.pause(0.05)
                    first, start = len(frames), time.perf_counter()
                    app.present_briefing(briefing_id)
                    push.append(await next_frame(start, first, "PresenterScreen"))
                    await pilot.pause(0.05)
                presenter = app.screen
                steps = []
                for _ in range(reps):
                    first, start = len(frames), time.perf_counter()
                    presenter.go_to((presenter.index + 1) % len(presenter.deck.slides))
                    steps.append(await next_frame(start, first, "PresenterScreen"))
                    await pilot.pause(0.02)
                result["presenter"] = {
                    "push_to_frame": push,
                    "step_to_frame": steps,
                    "slides": len(presenter.deck.slides),
                }
            else:
                result["presenter"] = {"skipped": "briefing_tui/screens/presenter.py does not exist"}
            app.exit()

    asyncio.run(run())
    return result


def main(argv: list[str]) -> int:
    command, out = argv[0], Path(argv[1])
    options = dict(zip(argv[2::2], argv[3::2], strict=False))
    content = Path(options["--content"])
    reps = int(options.get("--reps", "5"))
    scratch = None
    if "--home" in options:
        use_home(Path(options["--home"]))
    else:
        scratch = Path(tempfile.mkdtemp(prefix="briefing-probe-"))
        use_home(scratch)
    try:
        return run_probe(command, out, content, reps, options)
    finally:
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def run_probe(command: str, out: Path, content: Path, reps: int, options: dict[str, str]) -> int:
    if command == "load":
        result = cmd_load(content, reps, int(options.get("--no-cache-reps", "2")))
    elif command == "search":
        result = cmd_search(content, reps)
    elif command == "ui":
        result = cmd_ui(content, reps)
    else:
        raise SystemExit(f"unknown probe {command!r}")
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
