"""Where the user's files live: one module, so every path comes from one place."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir

APP_NAME = "briefing-tui"


def config_dir() -> Path:
    """Settings and bookmarks (notes can be sensitive: files are written 0600)."""
    return Path(user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Validated-content cache and search indexes: safe to delete at any time."""
    return Path(user_cache_dir(APP_NAME, appauthor=False))


def bookmarks_file() -> Path:
    return config_dir() / "bookmarks.toml"


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def runtime_dir() -> Path:
    """Live, per-session files (the presenter's speaker-view socket): the runtime dir, else the state dir."""
    import os

    from platformdirs import user_state_dir

    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        return Path(runtime) / APP_NAME
    return Path(user_state_dir(APP_NAME, appauthor=False))
