"""Profile where launch time goes, for the lead who has to make it faster.

    python benchmarks/profile_launch.py --size 100k --cache warm      # the app, every thread, cProfile
    python benchmarks/profile_launch.py --size 100k --cache cold
    python benchmarks/profile_launch.py --size 100k --loader          # load + index only, pyinstrument

The app profile runs ``launch_probe.py --profile`` (every thread, including Textual's thread
workers, under its own cProfile; the stats are merged) and prints the top functions by cumulative
and by own time. cProfile slows Python-heavy code two to three times, so read it for proportions,
not absolute times. ``--loader`` runs ``load_library`` and ``SearchIndex`` in one thread under
pyinstrument (a sampling profiler: wall-clock proportions are faithful), if it is installed.
Outputs go to benchmarks/out/profile-<size>-<what>.{prof,txt}.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


def profile_app(content: Path, label: str, cache_state: str, top: int) -> str:
    out = run.OUT / f"profile-{label}-{cache_state}.prof"
    with tempfile.TemporaryDirectory(prefix="briefing-profile-") as scratch:
        env = run.fresh_env(Path(scratch))
        if cache_state == "warm":
            run.launch("briefing", env, content, 1800)
        result = run.launch("briefing", env, content, 1800)
        subprocess_args = [str(run.HERE / "launch_probe.py"), "briefing", str(Path(scratch) / "p.json")]
        subprocess_args += ["--content", str(content), "--profile", str(out)]
        child = run.run_child(subprocess_args, env, 1800)
    stream = io.StringIO()
    stream.write(
        f"unprofiled run: shell {result['shell_frame']:.2f} s, content {result['content_frame']:.2f} s, "
        f"index {result.get('index_ready', float('nan')):.2f} s, CPU {result['cpu']:.1f} s, "
        f"RSS {result['maxrss_mb']:.0f} MB; spans: "
        + ", ".join(
            f"{name} {end - start:.2f} s (cpu {cpu:.2f})" for name, (start, end, cpu) in result["spans"].items()
        )
        + f"\nprofiled run: {child['wall']:.1f} s wall\n"
    )
    stats = pstats.Stats(str(out), stream=stream)
    stats.strip_dirs()
    stream.write("\n== by cumulative time (all threads) ==\n")
    stats.sort_stats("cumulative").print_stats(top)
    stream.write("\n== by own time (all threads) ==\n")
    stats.sort_stats("tottime").print_stats(top)
    text = stream.getvalue()
    out.with_suffix(".txt").write_text(text, encoding="utf-8")
    return text


def profile_loader(content: Path, label: str) -> str:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "pyinstrument is not installed (pip install pyinstrument); skipped --loader"
    with tempfile.TemporaryDirectory(prefix="briefing-profile-") as scratch:
        for name, value in run.fresh_env(Path(scratch)).items():
            if name.startswith("XDG_"):
                os.environ[name] = value
        from briefing_tui.core.content import cache, load_library
        from briefing_tui.core.search import SearchIndex

        texts = []
        for title, use_cache in (("cold cache: parse, validate, write cache, build index", True), ("warm cache", True)):
            profiler = Profiler(interval=0.001)
            profiler.start()
            library = load_library([content], use_cache=use_cache)
            index = SearchIndex(library, cache.index_path(library))
            profiler.stop()
            index.close()
            texts.append(f"== {title} ==\n" + profiler.output_text(unicode=True, color=False, show_all=False))
    text = "\n".join(texts)
    (run.OUT / f"profile-{label}-loader.txt").write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="100k", help="bundled, 10k, 100k, ...")
    parser.add_argument("--cache", choices=("warm", "cold"), default="warm")
    parser.add_argument("--loader", action="store_true", help="profile load + index only, with pyinstrument")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    size = run.parse_size(args.size)
    content = run.bundled_pack()[0] if size == "bundled" else run.generated_pack(int(size))
    label = run.size_label(size)
    run.OUT.mkdir(parents=True, exist_ok=True)
    print(profile_loader(content, label) if args.loader else profile_app(content, label, args.cache, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
