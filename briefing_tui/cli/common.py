"""What every command shares: the error type, exit codes, the console, loading, output helpers.

A leaf module: it imports nothing else from the CLI, so command modules import it and never each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, NoReturn

from briefing_tui.core.content.errors import problems_text as problems_text  # commands import it from here

if TYPE_CHECKING:
    from rich.console import Console

    from briefing_tui.core.content import Library

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOT_FOUND = 1

Handler = Callable[[argparse.Namespace], int]
"""A command: takes the parsed arguments, returns the exit code (or raises CliError)."""

CommandMaker = Callable[[str, str], argparse.ArgumentParser]
"""``command(name, help)`` adds a subcommand to the parser and returns it."""


class CliError(Exception):
    """A problem to report to the user as a message with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def content_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--content",
        action="append",
        metavar="DIR",
        default=None if top else argparse.SUPPRESS,
        help="content folder to load (repeatable; packs combine). Default: $BRIEFING_TUI_CONTENT or the bundled briefings",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="parse content afresh instead of reading the validated-content cache",
    )


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error: "briefing-tui list: unknown option --kidn (see: briefing-tui list --help)"."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see: {self.prog} --help)\n")


def add_subcommand(subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand that also accepts --content/--no-cache (for `briefing-tui list --content X`)."""
    sub = subparsers.add_parser(
        name, help=help_text, description=help_text, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    content_option(sub, top=False)
    return sub


def examples(parser: argparse.ArgumentParser, *lines: str) -> None:
    """End the command's --help with examples."""
    parser.epilog = "examples:\n" + "\n".join(f"  {line}" for line in lines)


def closest(word: str, known: Iterable[str], *, limit: int = 3) -> str:
    """ " (did you mean: a, b?)" for the known values closest to ``word``, or "" when none is close."""
    import difflib

    candidates = list(known)
    lowered = {value.lower(): value for value in candidates}
    matches = difflib.get_close_matches(word.lower(), list(lowered), n=limit, cutoff=0.6)
    if not matches:
        matches = [value for value in lowered if value.startswith(word.lower()[:3])][:limit] if len(word) >= 3 else []
    return f" (did you mean: {', '.join(lowered[match] for match in matches)}?)" if matches else ""


def filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", help="recommendation, obstacle, opportunity, case-study, initiative, figure, approach"
    )
    parser.add_argument("--briefing", help="briefing (source document) id")
    parser.add_argument("--actor", help="us, japan, china, lac, ...")
    parser.add_argument("--country", help="country slug, e.g. brazil")
    parser.add_argument("--sector", help="sector slug, e.g. energy")


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def item_json(item) -> dict[str, Any]:
    from briefing_tui.core.models import as_data

    return as_data(item)


def load(args: argparse.Namespace) -> Library:
    """Load the library for a command; content problems become a CliError."""
    from briefing_tui.core.content import ContentError, load_library

    try:
        return load_library(args.content, use_cache=not args.no_cache)
    except ContentError as error:
        raise CliError(problems_text(error.problems)) from None


def require_terminal() -> None:
    """The app reads keys from a terminal: from a script, cron or a file it would spin on its input.

    A driver named in $TEXTUAL_DRIVER (``serve``'s web driver talks over pipes) is left alone.
    """
    import os

    if os.environ.get("TEXTUAL_DRIVER"):
        return
    if not sys.stdin.isatty():
        raise CliError(
            "the app needs an interactive terminal (standard input is not one). "
            "From a script, use the commands instead: briefing-tui search WORDS, show ID, list, sources, "
            "compare, bookmarks list, export ... (briefing-tui --help lists them all)",
            EXIT_USAGE,
        )


def check_filters(args: argparse.Namespace) -> dict[str, str | None]:
    from briefing_tui.core.search.query import resolve_filter

    values: dict[str, str | None] = {}
    for name in ("kind", "briefing", "actor", "country", "sector"):
        raw = getattr(args, name, None)
        if raw is None:
            values[name] = None
            continue
        resolved = resolve_filter(name, raw)
        if resolved is None:
            raise CliError(f"unknown {name} {raw!r}{closest(raw, filter_values(name))}")
        values[name] = resolved
    return values


def filter_values(name: str) -> list[str]:
    """The known values of a filter (briefings are whatever the loaded content has, so none here)."""
    from briefing_tui.core.vocab import ACTORS, COUNTRIES, KINDS, SECTORS

    return list({"kind": KINDS, "actor": ACTORS, "country": COUNTRIES, "sector": SECTORS}.get(name, {}))


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_text(text: str | bytes, target: str | None, *, force: bool) -> str | None:
    """Write an export to ``target`` (None or '-': standard output); the path written, or None for stdout."""
    from briefing_tui.core.export import write_output

    try:
        path = write_output(text, target, force)
    except FileExistsError:
        raise CliError(f"{target} already exists; use --force to overwrite it", EXIT_USAGE) from None
    except OSError as error:
        raise CliError(f"cannot write {target}: {error.strerror or error}", EXIT_USAGE) from None
    return None if path is None else str(path)


def output_format(given: str | None, target: str | None, default: str, supported: Iterable[str]) -> str:
    """The format to write ``target`` in: ``given`` (--format), else the one its suffix names, else ``default``.

    The file's contents always match its name: a --format that contradicts a known suffix is a usage error.
    """
    from briefing_tui.core.export.choices import FORMATS_BY_SUFFIX  # the dialog's table of suffixes, not a copy

    suffix = "" if target in (None, "-") else PurePath(str(target)).suffix.lower()
    found = FORMATS_BY_SUFFIX.get(suffix)
    named = found.key if found is not None else None
    if named is not None and named not in supported:
        raise CliError(
            f"the file name ends in {suffix}, which this command cannot write (it writes: {', '.join(supported)})"
        )
    if given is None:
        return named or default
    if named is not None and named != given:
        raise CliError(f"the file name ends in {suffix} but --format is {given}; drop --format or rename the file")
    return given
