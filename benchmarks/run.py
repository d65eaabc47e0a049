"""Measure briefing-tui at the bundled size, 10,000 and 100,000 items; print a table, write JSON.

    python benchmarks/run.py                   # full run: bundled, 10k, 100k
    python benchmarks/run.py --quick           # fewer repetitions, 10k only
    python benchmarks/run.py --sizes bundled,10k --runs 7

Every measurement runs in a child process with its own temporary XDG_CONFIG_HOME, XDG_DATA_HOME,
XDG_CACHE_HOME and XDG_STATE_HOME, so the real home is never touched. See benchmarks/README.md for
what each number means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PACKS = HERE / "packs"
OUT = HERE / "out"
PYTHON = sys.executable

TARGET_RATIO_BUNDLED = 1.3
TARGET_SHELL_100K = 1.5
TARGET_STALL_MS = 100
TARGET_RSS_100K_MB = 300
TARGET_FIRST_PAINT_RATIO = 1.3
"""First paint in a real pty (first_paint.py), bundled content, against the yardstick in the same run."""
TARGET_UI_OPEN_MS = 100
"""Compare screen and presenter: key to painted frame, bundled content."""
TARGET_UI_MOVE_MS = 50
"""Moving between cells or slides: key to painted frame, bundled content."""
TARGET_SEARCH_USABLE_COLD_S = 10.0
"""100k items, cold cache: search usable (index ready) this long after launch."""
TARGET_SEARCH_MS = {10_000: 10.0, 100_000: 30.0}
"""Search p95 targets for word queries and prefixes of 2+ letters; packs up to 10k use the 10k one."""
TARGETED_SEARCHES = ("words-1", "words-2", "words-3", "prefix-2", "prefix-3", "prefix-4", "typed-words+prefix")


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_size(text: str) -> str | int:
    text = text.strip().lower()
    if text == "bundled":
        return "bundled"
    multiplier = 1
    if text.endswith("k"):
        multiplier, text = 1_000, text[:-1]
    elif text.endswith("m"):
        multiplier, text = 1_000_000, text[:-1]
    return int(float(text) * multiplier)


def size_label(size: str | int) -> str:
    if size == "bundled":
        return "bundled"
    assert isinstance(size, int)
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}m"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


# -- machine ------------------------------------------------------------------------------------


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def loadavg() -> list[float] | None:
    try:
        return [float(part) for part in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return None


def machine_info() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import sqlite3

    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "textual": _version("textual"),
        "rich": _version("rich"),
        "pydantic": _version("pydantic"),
        "briefing_tui": _version("briefing-tui"),
        "sqlite": sqlite3.sqlite_version,
        "loadavg_start": loadavg(),
        "git": git_state(),
    }


def git_state() -> dict:
    """The commit measured, and whether the code had uncommitted changes (others edit it meanwhile)."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {
        "head": git("rev-parse", "--short", "HEAD"),
        "subject": git("log", "-1", "--format=%s"),
        "changed_code": git("status", "--porcelain", "--", "briefing_tui").splitlines(),
    }


# -- packs --------------------------------------------------------------------------------------


def generated_pack(items: int) -> Path:
    """benchmarks/packs/<label>, generated unless already there from the same generator and size."""
    folder = PACKS / size_label(items)
    stamp = {"items": items, "generator": hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:16]}
    marker = folder / "GENERATED.json"
    if marker.exists() and json.loads(marker.read_text()) == stamp:
        return folder
    log(f"generating {items:,} items into {folder.relative_to(REPO)}")
    subprocess.run([PYTHON, str(HERE / "generate.py"), "--items", str(items), "--out", str(folder)], check=True)
    marker.write_text(json.dumps(stamp))
    return folder


def bundled_pack() -> tuple[Path, dict]:
    """A snapshot of content/ (it is being edited during the run), made loadable if it is not.

    Dangling references (``related``, ``parent``, theme ``evidence``) are removed from the copy;
    a file with any other problem is left out. What was changed is returned and reported.
    """
    import tomllib

    import tomli_w

    from briefing_tui.core.content import ContentError, content_files, load_library

    source = REPO / "content"
    folder = PACKS / "bundled"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("*.json", "__pycache__"))
    notes: dict = {"dropped_references": 0, "dropped_files": []}
    for _ in range(5):
        try:
            library = load_library([folder], use_cache=False)
        except ContentError as error:
            by_file: dict[str, list] = {}
            for problem in error.problems:
                by_file.setdefault(problem.file, []).append(problem)
            for name, problems in by_file.items():
                path = folder.parent / name if (folder.parent / name).exists() else Path(name)
                raw = tomllib.loads(path.read_text(encoding="utf-8"))
                fixable = all(
                    problem.message.startswith("no item ")
                    and (problem.field in ("related", "parent") or problem.field.endswith(".evidence"))
                    for problem in problems
                )
                if not fixable:
                    notes["dropped_files"].append(str(path.relative_to(folder)))
                    path.unlink()
                    continue
                missing = {problem.message.split("'")[1] for problem in problems}
                for item in raw.get("items", []):
                    before = len(item.get("related", []))
                    item["related"] = [target for target in item.get("related", []) if target not in missing]
                    notes["dropped_references"] += before - len(item["related"])
                    if not item["related"]:
                        del item["related"]
                    if item.get("parent") in missing:
                        del item["parent"]
                        notes["dropped_references"] += 1
                for theme in raw.get("themes", []):
                    for cell in theme.get("cells", []):
                        before = len(cell.get("evidence", []))
                        cell["evidence"] = [target for target in cell.get("evidence", []) if target not in missing]
                        notes["dropped_references"] += before - len(cell["evidence"])
                path.write_text(tomli_w.dumps(raw), encoding="utf-8")
            continue
        notes.update(
            items=len(library.items),
            briefings=len(library.briefings),
            themes=len(library.themes),
            files=len(content_files([folder])),
            repaired=bool(notes["dropped_references"] or notes["dropped_files"]),
        )
        return folder, notes
    raise SystemExit("content/ could not be made loadable for the benchmark")


def pack_stats(folder: Path) -> dict:
    files = sorted(folder.rglob("*.toml"))
    return {"files": len(files), "mb": round(sum(path.stat().st_size for path in files) / 1e6, 1)}


# -- children -----------------------------------------------------------------------------------


def fresh_env(root: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("TEXTUAL", "BRIEFING_TUI"))}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = root / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["PYTHONUNBUFFERED"] = "1"
    # Bytecode as an installed app has it: compiled once, then reused. This environment sets
    # PYTHONDONTWRITEBYTECODE, which would recompile briefing_tui's modules at every launch (and
    # not the yardstick's), so the children write bytecode under benchmarks/out/pycache instead
    # (never into the source tree).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


def run_child(args: list[str], env: dict[str, str], timeout: float) -> dict:
    """Run a child; return its wall time from spawn, CPU time and peak RSS (from wait4), exit code."""
    with tempfile.TemporaryFile() as output:
        start = time.monotonic()
        process = subprocess.Popen([PYTHON, *args], env=env, stdout=output, stderr=output, cwd=REPO)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return {
        "spawn": start,
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_mb": usage.ru_maxrss / 1024,  # KB on Linux
        "returncode": process.returncode,
        "output": text[-4000:],
    }


def launch(which: str, env: dict[str, str], content: Path | None, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "launch.json"
        args = [str(HERE / "launch_probe.py"), which, str(out)]
        if content is not None:
            args += ["--content", str(content)]
        child = run_child(args, env, timeout)
        if not out.exists():
            raise RuntimeError(f"launch probe ({which}) failed:\n{child['output']}")
        data = json.loads(out.read_text())
    spawn = child.pop("spawn")
    result = {key: value - spawn for key, value in data["marks"].items()}
    result.update(child)
    result["spans"] = {name: [start - spawn, end - spawn, cpu] for name, (start, end, cpu) in data["spans"].items()}
    result["cpu_marks"] = data.get("cpu", {})
    result["startup_error"] = data.get("startup_error")
    result["max_stall"] = data.get("max_stall", float("nan"))
    if "content_frame" not in result:
        raise RuntimeError(f"launch probe ({which}) never showed content:\n{child['output']}")
    return result


def probe(command: str, env: dict[str, str], content: Path, timeout: float, *extra: str) -> dict:
    """Run a probe with XDG dirs in the folder ``env`` points them to (the probe sets them itself)."""
    home = Path(env["XDG_CACHE_HOME"]).parent
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / f"{command}.json"
        args = [str(HERE / "probe.py"), command, str(out), "--content", str(content), "--home", str(home), *extra]
        child = run_child(args, env, timeout)
        if child["returncode"] != 0 or not out.exists():
            raise RuntimeError(f"probe {command} failed:\n{child['output']}")
        result = json.loads(out.read_text())
    result["process"] = {key: child[key] for key in ("wall", "cpu", "maxrss_mb")}
    return result


def first_paint(content: Path, runs: int, env: dict[str, str], timeout: float) -> dict:
    """first_paint.py in a child: the app and the yardstick in a real pseudo-terminal, same run."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "first_paint.json"
        args = [str(HERE / "first_paint.py"), "--runs", str(runs), "--content", str(content), "--json", str(out)]
        child = run_child(args, env, timeout)  # each launch gets XDG dirs of its own (first_paint.fresh_env)
        if child["returncode"] != 0 or not out.exists():
            raise RuntimeError(f"first_paint.py failed:\n{child['output']}")
        return json.loads(out.read_text())


# -- one size -----------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def measure_size(size: str | int, content: Path, args: argparse.Namespace, scratch: Path) -> dict:
    label = size_label(size)
    result: dict = {"size": label, "content": str(content.relative_to(REPO)), "git_start": git_state()}
    big = isinstance(size, int) and size >= 50_000
    timeout = 1800.0

    log(f"{label}: content load and index ({'1' if big else args.no_cache_reps} no-cache load(s))")
    load_env = fresh_env(scratch / f"{label}-load")
    result["load"] = probe(
        "load",
        load_env,
        content,
        timeout,
        "--reps",
        str(args.reps),
        "--no-cache-reps",
        str(1 if big else args.no_cache_reps),
    )
    result["items"] = result["load"]["items"]

    log(f"{label}: search latency")
    result["search"] = probe("search", load_env, content, timeout, "--reps", str(args.search_reps))

    log(f"{label}: UI actions (open item, compare, presenter)")
    result["ui"] = probe("ui", load_env, content, timeout, "--reps", str(args.ui_reps))

    if size == "bundled":
        log(f"{label}: first paint in a real pty x{args.runs} (yardstick, warm, cold)")
        result["first_paint"] = first_paint(content, args.runs, fresh_env(scratch / f"{label}-paint"), timeout)

    log(f"{label}: launch x{args.runs} (yardstick, cold cache, warm cache; plus one warm-up)")
    warmup_env = fresh_env(scratch / f"{label}-warmup")
    launch("yardstick", warmup_env, None, timeout)
    if not big:  # at 100k a warm-up costs a minute; the load probe has already read every file
        launch("briefing", warmup_env, content, timeout)
    runs: dict[str, list[dict]] = {"yardstick": [], "cold": [], "warm": []}
    cold_runs = min(args.runs, args.large_cold_runs) if big else args.runs
    env = warmup_env
    for run in range(args.runs):
        runs["yardstick"].append(launch("yardstick", fresh_env(scratch / f"{label}-y{run}"), None, timeout))
        if run < cold_runs:
            env = fresh_env(scratch / f"{label}-l{run}")
            runs["cold"].append(launch("briefing", env, content, timeout))
        runs["warm"].append(launch("briefing", env, content, timeout))  # the same dirs: a warm cache
        log(
            f"{label}: run {run + 1}/{args.runs}: yardstick {runs['yardstick'][-1]['content_frame']:.2f} s, "
            + (f"cold {runs['cold'][-1]['content_frame']:.2f} s, " if run < cold_runs else "")
            + f"warm {runs['warm'][-1]['content_frame']:.2f} s"
        )
    result["launch"] = runs
    result["loadavg_end"] = loadavg()
    result["git_end"] = git_state()
    return result


# -- summary ------------------------------------------------------------------------------------


def search_target_ms(items: int) -> float:
    return TARGET_SEARCH_MS[10_000] if items <= 10_000 else TARGET_SEARCH_MS[100_000]


def summarize(measured: dict) -> dict:
    """The numbers the table shows (medians, ratios, percentiles) and the target checks."""
    launch = measured["launch"]
    items = measured["items"]

    def med(kind: str, key: str) -> float:
        return median([run[key] for run in launch[kind] if key in run])

    def cpu_at(kind: str, key: str) -> float:
        return median([run["cpu_marks"][key] for run in launch[kind] if key in run["cpu_marks"]])

    yardstick = med("yardstick", "content_frame")
    summary: dict = {
        "items": items,
        "launch": {
            "yardstick_frame": yardstick,
            "shell_cold": med("cold", "shell_frame"),
            "shell_warm": med("warm", "shell_frame"),
            "content_cold": med("cold", "content_frame"),
            "content_warm": med("warm", "content_frame"),
            "index_cold": med("cold", "index_ready"),
            "index_warm": med("warm", "index_ready"),
            "cpu_cold": med("cold", "cpu"),
            "cpu_warm": med("warm", "cpu"),
            "cpu_yardstick": med("yardstick", "cpu"),
            "cpu_to_content_yardstick": cpu_at("yardstick", "content_frame"),
            "cpu_to_content_cold": cpu_at("cold", "content_frame"),
            "cpu_to_content_warm": cpu_at("warm", "content_frame"),
            "cpu_to_shell_warm": cpu_at("warm", "shell_frame"),
            "runs": {kind: len(entries) for kind, entries in launch.items()},
            "rss_cold": max(run["maxrss_mb"] for run in launch["cold"]),
            "stall_cold": max(run["max_stall"] for run in launch["cold"]),
            "stall_warm": max(run["max_stall"] for run in launch["warm"]),
            "rss_warm": max(run["maxrss_mb"] for run in launch["warm"]),
            "rss_yardstick": max(run["maxrss_mb"] for run in launch["yardstick"]),
            "imports_warm": med("warm", "app_imported"),
            "load_span_warm": median(
                [run["spans"]["load_library"][1] - run["spans"]["load_library"][0] for run in launch["warm"]]
            ),
            "load_span_cold": median(
                [run["spans"]["load_library"][1] - run["spans"]["load_library"][0] for run in launch["cold"]]
            ),
        },
    }
    summary["launch"]["ratio_cold"] = summary["launch"]["content_cold"] / yardstick
    summary["launch"]["ratio_warm"] = summary["launch"]["content_warm"] / yardstick
    for state in ("cold", "warm"):
        summary["launch"][f"cpu_ratio_{state}"] = (
            summary["launch"][f"cpu_to_content_{state}"] / summary["launch"]["cpu_to_content_yardstick"]
        )
    load = measured["load"]
    summary["load"] = {
        "cpu": {
            key.removesuffix("_cpu"): median(value) if isinstance(value, list) else value
            for key, value in load.items()
            if key.endswith("_cpu")
        },
        "toml_parse": load["toml_parse"],
        "pydantic_validate": load["pydantic_validate"],
        "assemble": load["assemble"],
        "library_lookups": load["library_lookups"],
        "no_cache": median(load["no_cache"]),
        "cold_cache": load["cold_cache"],
        "warm_cache": median(load["warm_cache"]),
        "content_key": median(load["content_key"]),
        "cache_read": median(load["cache_read"]),
        "library_from_cache_data": median(load["library_from_cache_data"]),
        "cache_mb": (load["cache_file_bytes"] or 0) / 1e6,
        "index_build_memory": load["index_build_memory"],
        "index_build_file": load.get("index_build_file"),
        "index_reopen": median(load.get("index_reopen", [])),
        "index_mb": load.get("index_file_bytes", 0) / 1e6,
        "rss_load_probe": load["process"]["maxrss_mb"],
    }
    summary["search"] = {
        name: {
            "p50_ms": category["p50"] * 1000,
            "p95_ms": category["p95"] * 1000,
            "cpu_p95_ms": category.get("cpu_p95", float("nan")) * 1000,
            "first_max_ms": max(category["first"]) * 1000,
            "count_p95_ms": category.get("count_p95", float("nan")) * 1000,
            "approximate": category.get("approximate", 0),
            "mean_matches": category["mean_matches"],
        }
        for name, category in measured["search"]["categories"].items()
    }
    ui = measured["ui"]

    def ui_median(section: str, key: str) -> float | None:
        values = ui.get(section, {}).get(key)
        return median(values) * 1000 if values else None

    summary["ui"] = {
        "open_handler_ms": ui_median("open_item", "handler"),
        "open_frame_ms": ui_median("open_item", "to_frame"),
        "compare_push_ms": ui_median("compare", "push_to_frame"),
        "compare_move_ms": ui_median("compare", "move_cell_to_frame"),
        "presenter_push_ms": ui_median("presenter", "push_to_frame"),
        "presenter_step_ms": ui_median("presenter", "step_to_frame"),
        "presenter_slides": ui.get("presenter", {}).get("slides"),
        "skipped": {
            section: ui[section]["skipped"] for section in ("compare", "presenter") if "skipped" in ui[section]
        },
    }

    checks = []
    if measured["size"] == "bundled":
        for cache_state in ("warm", "cold"):
            ratio = summary["launch"][f"ratio_{cache_state}"]
            checks.append(
                {
                    "target": f"first screen with bundled content <= {TARGET_RATIO_BUNDLED}x yardstick ({cache_state} cache)",
                    "value": round(ratio, 2),
                    "pass": ratio <= TARGET_RATIO_BUNDLED,
                }
            )
    if measured["size"] == "bundled":
        paint = measured.get("first_paint")
        if paint:
            summary["first_paint"] = paint
            for cache_state in ("warm", "cold"):
                ratio = paint["ratios"][cache_state]
                checks.append(
                    {
                        "target": f"first paint in a real pty <= {TARGET_FIRST_PAINT_RATIO}x yardstick "
                        f"({cache_state} cache; {paint['medians'][cache_state]:.3f} s vs "
                        f"{paint['medians']['yardstick']:.3f} s)",
                        "value": round(ratio, 2),
                        "pass": ratio <= TARGET_FIRST_PAINT_RATIO,
                    }
                )
        for key, what, limit in (
            ("compare_push_ms", "compare screen: open, key to frame", TARGET_UI_OPEN_MS),
            ("compare_move_ms", "compare screen: move a cell, key to frame", TARGET_UI_MOVE_MS),
            ("presenter_push_ms", "presenter: open, key to frame", TARGET_UI_OPEN_MS),
            ("presenter_step_ms", "presenter: step a slide, key to frame", TARGET_UI_MOVE_MS),
        ):
            value = summary["ui"][key]
            checks.append(
                {
                    "target": f"{what} <= {limit} ms",
                    "value": None if value is None else round(value, 1),
                    "pass": value is not None and value <= limit,
                }
            )
    if items >= 100_000:
        usable = summary["launch"]["index_cold"]
        checks.append(
            {
                "target": f"search usable <= {TARGET_SEARCH_USABLE_COLD_S:g} s after launch (cold cache)",
                "value": round(usable, 2),
                "pass": usable <= TARGET_SEARCH_USABLE_COLD_S,
            }
        )
        shell = summary["launch"]["shell_warm"]
        checks.append(
            {
                "target": f"shell paints <= {TARGET_SHELL_100K} s (warm cache)",
                "value": round(shell, 3),
                "pass": shell <= TARGET_SHELL_100K,
            }
        )
        stall = max(summary["launch"]["stall_cold"], summary["launch"]["stall_warm"])
        checks.append(
            {
                "target": f"UI never blocks > {TARGET_STALL_MS} ms while content loads (cold or warm)",
                "value": round(stall * 1000),
                "pass": stall * 1000 <= TARGET_STALL_MS,
            }
        )
        rss = max(summary["launch"]["rss_cold"], summary["launch"]["rss_warm"])
        checks.append(
            {
                "target": f"peak RSS <= {TARGET_RSS_100K_MB} MB (app, cold or warm)",
                "value": round(rss),
                "pass": rss <= TARGET_RSS_100K_MB,
            }
        )
    limit = search_target_ms(items)
    for name in TARGETED_SEARCHES:
        p95 = summary["search"][name]["p95_ms"]
        checks.append({"target": f"search {name} p95 <= {limit:g} ms", "value": round(p95, 1), "pass": p95 <= limit})
    summary["checks"] = checks
    return summary


def verdict(passed: bool | None) -> str:
    return "" if passed is None else (" PASS" if passed else " FAIL")


def render_table(results: dict) -> str:
    sizes = results["sizes"]
    labels = [f"{entry['size']} ({entry['summary']['items']:,})" for entry in sizes]
    rows: list[tuple[str, list[str]]] = []

    def row(title: str, cell) -> None:
        rows.append((title, [cell(entry["summary"], entry) for entry in sizes]))

    def seconds(value: float | None, passed: bool | None = None) -> str:
        return "-" if value is None else f"{value:.3f} s{verdict(passed)}"

    def ms(value: float | None, passed: bool | None = None) -> str:
        return "-" if value is None else f"{value:.1f} ms{verdict(passed)}"

    rows.append(
        (
            f"LAUNCH (median of {results['settings']['runs']} runs; cold: "
            f"{results['settings']['large_cold_runs']} at >= 50k; seconds from spawn)",
            [],
        )
    )

    def paint(s, e) -> str:
        found = s.get("first_paint")
        if not found:
            return "-"
        medians, ratios = found["medians"], found["ratios"]
        return (
            f"{medians['warm']:.3f} / {medians['cold']:.3f} / {medians['yardstick']:.3f} s = "
            f"{ratios['warm']:.2f}x / {ratios['cold']:.2f}x" + verdict(max(ratios.values()) <= TARGET_FIRST_PAINT_RATIO)
        )

    row("first paint, real pty 80x24: warm / cold / yardstick [<=1.3x]", paint)
    row("yardstick app: first frame", lambda s, e: seconds(s["launch"]["yardstick_frame"]))
    row(
        "shell painted, warm cache [100k: <=1.5 s]",
        lambda s, e: seconds(
            s["launch"]["shell_warm"], s["launch"]["shell_warm"] <= TARGET_SHELL_100K if s["items"] >= 100_000 else None
        ),
    )
    row("shell painted, cold cache", lambda s, e: seconds(s["launch"]["shell_cold"]))
    row("content shown, cold cache", lambda s, e: seconds(s["launch"]["content_cold"]))
    row("content shown, warm cache", lambda s, e: seconds(s["launch"]["content_warm"]))

    def ratio(state: str):
        def cell(s, e):
            value = s["launch"][f"ratio_{state}"]
            passed = value <= TARGET_RATIO_BUNDLED if e["size"] == "bundled" else None
            return f"{value:.2f}x{verdict(passed)}"

        return cell

    row("  / yardstick, cold [bundled: <=1.3x]", ratio("cold"))
    row("  / yardstick, warm [bundled: <=1.3x]", ratio("warm"))
    row(
        "longest UI stall while loading, cold / warm [100k: <=100 ms]",
        lambda s, e: (
            f"{s['launch']['stall_cold'] * 1000:.0f} / {s['launch']['stall_warm'] * 1000:.0f} ms"
            + verdict(
                max(s["launch"]["stall_cold"], s["launch"]["stall_warm"]) * 1000 <= TARGET_STALL_MS
                if s["items"] >= 100_000
                else None
            )
        ),
    )
    row(
        "search usable (index ready), cold [100k: <=10 s]",
        lambda s, e: seconds(
            s["launch"]["index_cold"],
            s["launch"]["index_cold"] <= TARGET_SEARCH_USABLE_COLD_S if s["items"] >= 100_000 else None,
        ),
    )
    row("search usable (index ready), warm", lambda s, e: seconds(s["launch"]["index_warm"]))
    row("imports done (warm)", lambda s, e: seconds(s["launch"]["imports_warm"]))
    row(
        "load_library in the app, cold / warm",
        lambda s, e: f"{s['launch']['load_span_cold']:.2f} / {s['launch']['load_span_warm']:.2f} s",
    )
    row(
        "whole-process CPU, yardstick/cold/warm",
        lambda s, e: (
            f"{s['launch']['cpu_yardstick']:.1f} / {s['launch']['cpu_cold']:.1f} / {s['launch']['cpu_warm']:.1f} s"
        ),
    )

    row(
        "CPU until content shown: yardstick/cold/warm",
        lambda s, e: (
            f"{s['launch']['cpu_to_content_yardstick']:.2f} / {s['launch']['cpu_to_content_cold']:.2f}"
            f" / {s['launch']['cpu_to_content_warm']:.2f} s"
        ),
    )
    row(
        "  CPU ratio to yardstick, cold / warm",
        lambda s, e: f"{s['launch']['cpu_ratio_cold']:.2f}x / {s['launch']['cpu_ratio_warm']:.2f}x",
    )

    def rss(s, e):
        value = max(s["launch"]["rss_cold"], s["launch"]["rss_warm"])
        passed = value <= TARGET_RSS_100K_MB if s["items"] >= 100_000 else None
        return f"{s['launch']['rss_cold']:.0f} / {s['launch']['rss_warm']:.0f} MB{verdict(passed)}"

    row("peak RSS cold / warm [100k: <=300 MB]", rss)
    row("peak RSS yardstick", lambda s, e: f"{s['launch']['rss_yardstick']:.0f} MB")

    rows.append(("CONTENT LOAD (one process; wall, then CPU)", []))

    def load_cell(key: str):
        def cell(s, e):
            value = s["load"].get(key)
            if value is None:
                return "-"
            cpu = s["load"]["cpu"].get(key)
            return f"{value:.3f} s" + (f" ({cpu:.3f})" if cpu is not None else "")

        return cell

    row("TOML parse (tomllib), all files", load_cell("toml_parse"))
    row("pydantic validation, all files", load_cell("pydantic_validate"))
    row("assemble (cross-references)", load_cell("assemble"))
    row("Library lookups", load_cell("library_lookups"))
    row("load_library, no cache", load_cell("no_cache"))
    row("load_library, empty cache (writes it)", load_cell("cold_cache"))
    row("load_library, from cache", load_cell("warm_cache"))
    row("  content_key (hash every file)", load_cell("content_key"))
    row("  entries read (store -> lean records)", load_cell("cache_read"))
    row("  Library lookups", load_cell("library_from_cache_data"))
    row("cache file", lambda s, e: f"{s['load']['cache_mb']:.1f} MB")
    row("index build, in memory", load_cell("index_build_memory"))
    row("index build, to cache file (app)", load_cell("index_build_file"))
    row(
        "index reopen from cache",
        lambda s, e: seconds(s["load"]["index_reopen"] if s["load"]["index_build_file"] else None),
    )
    row("index file", lambda s, e: f"{s['load']['index_mb']:.1f} MB" if s["load"]["index_mb"] else "- (in memory)")
    row("peak RSS of the load probe", lambda s, e: f"{s['load']['rss_load_probe']:.0f} MB")

    rows.append(("SEARCH p50 / p95 wall (p95 CPU), the explorer's limit (50); then counting per kind", []))
    names = {
        "words-1": "1 word",
        "words-2": "2 words",
        "words-3": "3 words",
        "prefix-1": "prefix 1 letter, as typed",
        "prefix-2": "prefix 2 letters, as typed",
        "prefix-3": "prefix 3 letters, as typed",
        "prefix-4": "prefix 4 letters, as typed",
        "typed-words+prefix": "words + prefix, as typed",
        "filtered": "filtered (kind: country: ...)",
    }
    for name, title in names.items():

        def cell(s, e, name=name):
            value = s["search"][name]
            passed = value["p95_ms"] <= search_target_ms(s["items"]) if name in TARGETED_SEARCHES else None
            extra = f", {value['approximate']} approx." if value.get("approximate") else ""
            return (
                f"{value['p50_ms']:.1f} / {value['p95_ms']:.1f} ({value['cpu_p95_ms']:.1f}) ms{verdict(passed)}"
                f" + count {value['count_p95_ms']:.0f}{extra}"
            )

        target = " [10k: <=10, 100k: <=30]" if name in TARGETED_SEARCHES else ""
        row(title + target, cell)
    row("  slowest first run of a query", lambda s, e: ms(max(v["first_max_ms"] for v in s["search"].values())))

    rows.append(("UI (median, to the next painted frame)", []))
    row("open item: handler only", lambda s, e: ms(s["ui"]["open_handler_ms"]))
    row("open item: to frame", lambda s, e: ms(s["ui"]["open_frame_ms"]))

    def ui_cell(key: str, limit: float):
        def cell(s, e) -> str:
            value = s["ui"][key]
            return ms(value, (value is not None and value <= limit) if e["size"] == "bundled" else None)

        return cell

    row("compare screen: push to frame [bundled: <=100]", ui_cell("compare_push_ms", TARGET_UI_OPEN_MS))
    row("compare screen: move a cell [bundled: <=50]", ui_cell("compare_move_ms", TARGET_UI_MOVE_MS))
    row("presenter: open to frame [bundled: <=100]", ui_cell("presenter_push_ms", TARGET_UI_OPEN_MS))
    row("presenter: step a slide [bundled: <=50]", ui_cell("presenter_step_ms", TARGET_UI_MOVE_MS))

    width = max(len(title) for title, _ in rows) + 2
    column = max(22, *(len(cell) for _, cells in rows for cell in cells), *(len(label) for label in labels)) + 2
    lines = ["".ljust(width) + "".join(label.rjust(column) for label in labels)]
    for title, cells in rows:
        if not cells:
            lines.append("")
            lines.append(title)
            continue
        lines.append(title.ljust(width) + "".join(cell.rjust(column) for cell in cells))
    return "\n".join(lines)


def render_header(results: dict) -> str:
    machine = results["machine"]
    lines = [
        f"briefing-tui benchmark, {machine['date']}",
        f"  {machine['cpu']}, {machine['cores']} cores, {machine['memory_gb']} GB; {machine['platform']}",
        f"  Python {machine['python']}, Textual {machine['textual']}, Rich {machine['rich']}, "
        f"pydantic {machine['pydantic']}, SQLite {machine['sqlite']}",
        f"  load average at start {machine['loadavg_start']}, at end {machine.get('loadavg_end')}",
        f"  code: {machine['git']['head']} {machine['git']['subject']!r}; uncommitted in briefing_tui/: "
        f"{len(machine['git']['changed_code'])} file(s) at start, "
        f"{len(machine.get('git_end', {}).get('changed_code', []))} at end"
        + (
            " (HEAD moved during the run!)"
            if machine.get("git_end", {}).get("head") not in (None, machine["git"]["head"])
            else ""
        ),
    ]
    for entry in results["sizes"]:
        pack = entry["pack"]
        lines.append(
            f"  {entry['size']}: {entry['summary']['items']:,} items, {pack['files']} files, {pack['mb']} MB of TOML"
            + (f"; {entry['note']}" if entry.get("note") else "")
            + (
                f"; CODE CHANGED while measuring it ({entry['git_start']['head']} -> {entry['git_end']['head']}"
                + (
                    ", uncommitted edits in briefing_tui/)"
                    if entry["git_start"]["head"] == entry["git_end"]["head"]
                    else ")"
                )
                if entry["git_start"] != entry["git_end"]
                else f"; measured at {entry['git_start']['head']}"
            )
        )
    return "\n".join(lines)


def render_checks(results: dict) -> str:
    lines = ["", "TARGETS"]
    for entry in results["sizes"]:
        for check in entry["summary"]["checks"]:
            lines.append(
                f"  {'PASS' if check['pass'] else 'FAIL'}  {entry['size']:>8}: {check['target']}: {check['value']}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark briefing-tui (see benchmarks/README.md).")
    parser.add_argument("--quick", action="store_true", help="a short run: 10k only, fewer repetitions")
    parser.add_argument("--sizes", help="comma-separated: bundled, 10k, 100k, 2500... (default: bundled,10k,100k)")
    parser.add_argument("--runs", type=int, help="launch runs per size, cold and warm (default 5; quick 3)")
    parser.add_argument(
        "--large-cold-runs",
        type=int,
        default=3,
        help="cold-cache launches at 50k items and more, where each takes minutes (default 3)",
    )
    parser.add_argument("--out", type=Path, help="the JSON file (default benchmarks/out/results-<date>.json)")
    args = parser.parse_args(argv)
    quick = args.quick
    sizes = [parse_size(part) for part in (args.sizes or ("10k" if quick else "bundled,10k,100k")).split(",")]
    args.runs = args.runs or (3 if quick else 5)
    args.reps = 2 if quick else 5
    args.no_cache_reps = 1 if quick else 3
    args.search_reps = 5 if quick else 20
    args.ui_reps = 5 if quick else 10

    results: dict = {
        "machine": machine_info(),
        "settings": {
            "quick": quick,
            "runs": args.runs,
            "large_cold_runs": args.large_cold_runs,
            "reps": args.reps,
            "search_reps": args.search_reps,
            "ui_reps": args.ui_reps,
            "terminal": "160x48 headless",
        },
        "sizes": [],
    }
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch_name:
        scratch = Path(scratch_name)
        for size in sizes:
            note = ""
            if size == "bundled":
                log("bundled: snapshot of content/")
                content, bundled = bundled_pack()
                if bundled["repaired"]:
                    note = (
                        f"content/ does not validate yet: the snapshot drops {bundled['dropped_references']} dangling "
                        f"reference(s) and {len(bundled['dropped_files'])} file(s) {bundled['dropped_files'] or ''}"
                    ).strip()
                    log(note)
            else:
                assert isinstance(size, int)
                content = generated_pack(size)
            measured = measure_size(size, content, args, scratch)
            measured["pack"] = pack_stats(content)
            measured["note"] = note
            measured["summary"] = summarize(measured)
            results["sizes"].append(measured)
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir(exist_ok=True)
    results["machine"]["loadavg_end"] = loadavg()
    results["machine"]["git_end"] = git_state()
    results["elapsed_s"] = round(time.monotonic() - started, 1)

    text = "\n".join([render_header(results), "", render_table(results), render_checks(results)])
    print(text)
    out = args.out or OUT / f"results-{dt.date.today().isoformat()}{'-quick' if quick else ''}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    results["table"] = text
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwrote {out} ({results['elapsed_s']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
