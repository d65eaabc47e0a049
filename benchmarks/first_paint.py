"""First paint in a real terminal: briefing-tui against a bare Textual app, in the same run.

    python benchmarks/first_paint.py [--runs 7] [--size 80x24] [--content DIR]

Each launch runs in a fresh pseudo-terminal (``pty``) with its own temporary XDG directories (warm
runs reuse one cache folder after a first start has filled it). A terminal emulator (``pyte``, from
the ``bench`` extra) reads what the app writes, and the clock stops when the screen first shows the
text we wait for: the first briefing's title for briefing-tui, "Yardstick ready" for the yardstick.
This is what a user sees, including interpreter start-up, imports, and the terminal output itself.
Prints medians, the ratio, and PASS/FAIL against the 1.3x target.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyte

HERE = Path(__file__).resolve().parent
TARGET_RATIO = 1.3
TIMEOUT = 30.0


def fresh_env(root: Path, width: int, height: int) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    env.update(TERM="xterm-256color", COLUMNS=str(width), LINES=str(height), COLORTERM="truecolor")
    for name in [name for name in env if name.startswith(("TEXTUAL", "BRIEFING_TUI"))]:
        del env[name]
    # Bytecode as an installed app has it (compiled once, then reused), as run.py does: with
    # PYTHONDONTWRITEBYTECODE set, briefing_tui's modules would be compiled at every launch while
    # Textual's come precompiled from site-packages, which is not what a user's start costs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(HERE / "out" / "pycache")
    return env


def time_to_text(command: list[str], wanted: str, env: dict[str, str], width: int, height: int) -> float:
    """Seconds from spawn until ``wanted`` is on the emulated screen; the app is then killed."""
    screen = pyte.Screen(width, height)
    stream = pyte.ByteStream(screen)
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    start = time.monotonic()
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        while time.monotonic() - start < TIMEOUT:
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 1 << 16)
            except BlockingIOError:
                continue
            except OSError:
                break
            stream.feed(data)
            if any(wanted in line for line in screen.display):
                return time.monotonic() - start
        raise RuntimeError(f"{command[0]}: {wanted!r} never appeared:\n" + "\n".join(screen.display))
    finally:
        child.kill()
        child.wait()
        os.close(master)


def first_title(content: list[str]) -> str:
    from briefing_tui.core.content import load_library

    library = load_library(content or None, use_cache=False)
    first = next(iter(library.briefings.values()))
    return first.source.title[:24]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--content", action="append", default=[])
    parser.add_argument("--json", type=Path, help="also write the samples and medians here (run.py reads it)")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    app = shutil.which("briefing-tui") or ""
    command = [app] if app else [sys.executable, "-m", "briefing_tui"]
    for folder in args.content:
        command += ["--content", folder]
    yardstick = [sys.executable, str(HERE / "yardstick_app.py")]
    wanted = first_title(args.content)
    times: dict[str, list[float]] = {"yardstick": [], "warm": [], "cold": []}
    with tempfile.TemporaryDirectory() as scratch:
        warm_root = Path(scratch) / "warm"
        time_to_text(command, wanted, fresh_env(warm_root, width, height), width, height)  # fill the cache
        time_to_text(yardstick, "Yardstick ready", fresh_env(Path(scratch) / "y0", width, height), width, height)
        for run in range(args.runs):
            env = fresh_env(Path(scratch) / f"y{run + 1}", width, height)
            times["yardstick"].append(time_to_text(yardstick, "Yardstick ready", env, width, height))
            times["warm"].append(time_to_text(command, wanted, fresh_env(warm_root, width, height), width, height))
            cold = fresh_env(Path(scratch) / f"cold{run}", width, height)
            times["cold"].append(time_to_text(command, wanted, cold, width, height))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"first paint in a real pty at {width}x{height}, median of {args.runs} (seconds):")
    for name, value in medians.items():
        spread = ", ".join(f"{v:.3f}" for v in sorted(times[name]))
        print(f"  {name:<10} {value:.3f}   ({spread})")
    ratios = {state: medians[state] / medians["yardstick"] for state in ("warm", "cold")}
    for state, ratio in ratios.items():
        verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
        print(f"  ratio {state} / yardstick: {ratio:.2f}x  [target <= {TARGET_RATIO}x] {verdict}")
    if args.json:
        report = {
            "size": f"{width}x{height}",
            "runs": args.runs,
            "samples": times,
            "medians": medians,
            "ratios": ratios,
        }
        args.json.write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
