"""The user's settings: a flat TOML file (theme, last opened target, grouping, widths).

Shares the bookmarks file's guarantees (locked, atomic, 0600, corrupt file moved aside,
never raising OSError at the caller). A known key with a value of the wrong type, e.g.
from a hand edit, is ignored with a warning naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from briefing_tui.core.storage import paths
from briefing_tui.core.storage.statefile import StateFile, utc_now

KNOWN_SETTINGS: dict[str, type] = {
    "theme": str,
    "last_opened": str,
    "grouping": str,
    "navigator_width": int,  # written by earlier versions (columns); no longer read
    "navigator_fraction": float,
    "presenter_budget_seconds": int,
    "presenter_talk_seconds": int,
    "export_folder": str,
}
"""Settings the app reads, with the type each must have."""

_TOML_TYPES = (str, int, float, bool, list)


class SettingsStore(StateFile[dict[str, Any]]):
    """Settings at ``paths.settings_file()``: ``get(key, default)`` and atomic ``set(key, value)``."""

    what = "settings"

    def __init__(self, path: Path | None = None, *, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__(path or paths.settings_file(), clock=clock)

    def _empty(self) -> dict[str, Any]:
        return {}

    def _copy(self, state: dict[str, Any]) -> dict[str, Any]:
        return dict(state)

    def _parse(self, raw: dict[str, Any]) -> dict[str, Any]:
        return raw

    def _dump(self, state: dict[str, Any]) -> dict[str, Any]:
        return state

    def all(self) -> dict[str, Any]:
        """Every setting in the file (with unsaved changes), including keys this version does not know."""
        return self._state()

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, or ``default`` when it is unset or of the wrong type."""
        value = self._state().get(key, default)
        expected = KNOWN_SETTINGS.get(key)
        if value is not default and expected is not None and not _is_type(value, expected):
            self.warn(f"{self.path}: setting {key!r} should be {expected.__name__}, not {value!r}; using the default")
            return default
        return value

    def set(self, key: str, value: Any) -> None:
        """Save one setting (``None`` removes it). A wrong type for a known key is a ValueError."""
        expected = KNOWN_SETTINGS.get(key)
        if value is not None:
            if expected is not None and not _is_type(value, expected):
                raise ValueError(f"setting {key!r} must be {expected.__name__}, not {type(value).__name__}")
            if not isinstance(value, _TOML_TYPES):
                raise ValueError(f"setting {key!r}: {type(value).__name__} cannot be saved in TOML")

        def operation(state: dict[str, Any]) -> None:
            if value is None:
                state.pop(key, None)
            else:
                state[key] = value

        self._mutate(operation)


def _is_type(value: Any, expected: type) -> bool:
    """``isinstance`` where a bool is not an int (TOML keeps them apart, so do we)."""
    if expected is int and isinstance(value, bool):
        return False
    return isinstance(value, expected)
