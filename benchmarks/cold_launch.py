"""Time cold-cache launches only (what run.py measures as "cold"), to iterate on start-up quickly.

    python benchmarks/cold_launch.py [--size 100k] [--runs 1] [--warm]

Each run is ``launch_probe.py`` with fresh, empty XDG dirs (``run.fresh_env``); prints the milestones
(seconds from spawn), the longest UI stall, process CPU, peak RSS and the timed spans. ``--warm``
also launches once more with the cache the cold run left.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run


def show(label: str, result: dict) -> None:
    marks = " ".join(
        f"{name} {result[name]:.2f}" for name in ("shell_frame", "content_frame", "index_ready") if name in result
    )
    print(
        f"{label}: {marks} s | stall {result['max_stall'] * 1000:.0f} ms | CPU {result['cpu']:.1f} s | "
        f"RSS {result['maxrss_mb']:.0f} MB | wall {result['wall']:.1f} s"
    )
    for name, (start, end, cpu) in result["spans"].items():
        print(f"    {name}: {start:.2f} -> {end:.2f} s (thread CPU {cpu:.2f} s)")
    if result.get("startup_error"):
        print(f"    startup error: {result['startup_error']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100k")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--warm", action="store_true", help="also launch once with the cache left behind")
    args = parser.parse_args()
    content = run.PACKS / args.size
    if not content.exists():
        raise SystemExit(f"no pack at {content}: python benchmarks/generate.py --items N --out {content}")
    for number in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="briefing-cold-") as scratch:
            env = run.fresh_env(Path(scratch))
            show(f"cold {number + 1}", run.launch("briefing", env, content, 600))
            if args.warm:
                show("warm", run.launch("briefing", env, content, 600))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
