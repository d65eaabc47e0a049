"""Subcommands that come with later features: bookmarks, export, present, serve."""

from __future__ import annotations

from collections.abc import Callable

COMMANDS: dict[str, Callable] = {}


def add_commands(command: Callable) -> None:
    """Register the extra subcommands on the parser (``command(name, help)`` makes one)."""
