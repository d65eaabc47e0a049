"""The bookmark store and the content, as the bookmark and export commands open them."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing_tui.cli.common import CliError, console, load

if TYPE_CHECKING:  # the command modules import this one while the parser is built: keep that cheap
    from briefing_tui.core.content import Library
    from briefing_tui.core.storage.bookmarks import BookmarkStore


def open_store() -> BookmarkStore:
    from briefing_tui.core.storage.bookmarks import BookmarkStore

    return BookmarkStore()


def report(store: BookmarkStore) -> None:
    """Print the store's warnings to stderr."""
    err = console(stderr=True)
    for warning in store.take_warnings():
        err.print(f"briefing-tui: warning: {warning}")


def saved(store: BookmarkStore) -> None:
    """Report warnings; a change that exists only in memory is an error for a command."""
    report(store)
    if store.unsaved:
        raise CliError("the change was not saved (see the warning above)")


def library_or_none(args: argparse.Namespace) -> Library | None:
    """The content, or None (with a warning) when it does not load: bookmarks work without it."""
    try:
        return load(args)
    except CliError as error:
        console(stderr=True).print(f"briefing-tui: warning: {error}")
        return None
