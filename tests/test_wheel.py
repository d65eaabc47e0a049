"""The built wheel carries the bundled content and the stylesheets, so `pip install .` works anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_contains_content_and_tcss(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("briefing_tui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    content = {name for name in names if name.startswith("briefing_tui/_content/")}
    bundled = {
        f"briefing_tui/_content/{path.relative_to(REPO / 'content')}" for path in (REPO / "content").rglob("*.toml")
    }
    assert bundled and bundled <= content
    assert "briefing_tui/tui/app.tcss" in names
    tcss = {path.name for path in (REPO / "briefing_tui").rglob("*.tcss")}
    assert {Path(name).name for name in names if name.endswith(".tcss")} == tcss
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "briefing-tui = briefing_tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
