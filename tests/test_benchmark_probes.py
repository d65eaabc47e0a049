"""The benchmark's probes still run against the code they measure (they call its internals, which change)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PACK, REPO


@pytest.mark.parametrize("probe", ["load", "search", "ui"])
def test_each_probe_runs_on_the_fixture_pack(probe: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    command = [sys.executable, str(REPO / "benchmarks" / "probe.py"), probe, str(out), "--content", str(PACK)]
    result = subprocess.run([*command, "--reps", "1"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(out.read_text(encoding="utf-8"))
