"""Shared fixtures: every test runs with its own config/data/cache dirs, never the real home."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
PACK = FIXTURES / "pack"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG dirs (and HOME) at a temp dir so no test touches the user's files."""
    home = tmp_path / "home"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
        folder = home / name.lower()
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("BRIEFING_TUI_CONTENT", raising=False)
    return home


@pytest.fixture
def pack_library():
    """The small fixture pack, loaded."""
    from briefing_tui.core.content import load_library

    return load_library([PACK], use_cache=False)


@pytest.fixture(scope="session")
def bundled_library():
    """The bundled content, loaded once per session (no cache: tests must not write outside tmp)."""
    from briefing_tui.core.content import load_library

    return load_library(None, use_cache=False)
