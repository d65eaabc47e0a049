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
