"""What every command shares: the error type, exit codes, the console, loading, output helpers.

A leaf module: it imports nothing else from the CLI, so command modules import it and never each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

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


EXAMPLES: dict[str, tuple[str, ...]] = {
    "briefing-tui": (
        "briefing-tui search how does china finance telecom",
        "briefing-tui list --country brasil | cut -f1,3",
    ),
    "briefing-tui sources": ("briefing-tui sources", "briefing-tui sources --format json"),
    "briefing-tui list": (
        "briefing-tui list --kind case-study --country mexico",
        "briefing-tui list | grep -i hydrogen",
    ),
    "briefing-tui show": (
        "briefing-tui show iad-case-e-kakashi",
        "briefing-tui show compare:development-finance:japan",
    ),
    "briefing-tui search": ('briefing-tui search "green hydrogen" country:chile', "briefing-tui search brazl --exact"),
    "briefing-tui compare": ("briefing-tui compare --theme finance", "briefing-tui compare --format tsv | cut -f1,2"),
    "briefing-tui validate": ("briefing-tui validate ~/my-pack",),
    "briefing-tui bookmarks": ("briefing-tui bookmarks", "briefing-tui bookmarks add iad-case-e-kakashi --tag ai"),
    "briefing-tui bookmarks list": (
        "briefing-tui bookmarks list",
        "briefing-tui bookmarks list --format tsv | cut -f2",
    ),
    "briefing-tui bookmarks add": ('briefing-tui bookmarks add wilson-rec-1a --note "raise at the meeting"',),
    "briefing-tui bookmarks remove": ("briefing-tui bookmarks remove wilson-rec-1a",),
    "briefing-tui bookmarks import": ("briefing-tui bookmarks import colleague.json",),
    "briefing-tui export": ("briefing-tui export -o memo.md", "briefing-tui export --briefing wilson --format json"),
    "briefing-tui present": ("briefing-tui present wilson", "briefing-tui present --bookmarks"),
    "briefing-tui serve": ("briefing-tui serve --port 8000",),
}
"""One or two examples that end each command's --help, by the command's full name."""


def examples_epilog(prog: str) -> str | None:
    examples = EXAMPLES.get(prog)
    return None if not examples else "examples:\n" + "\n".join(f"  {example}" for example in examples)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors that suggest the closest valid value, and examples after --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> Any:
        import re

        hint = self._suggestion(message)
        if hint:  # the suggestion says more than the full list of choices
            message = re.sub(r" \(choose from .*\)$", "", message)
        sys.stderr.write(f"{self.prog}: {message}{hint} (see: {self.prog} --help)\n")
        raise SystemExit(EXIT_USAGE)

    def _suggestion(self, message: str) -> str:
        import re

        from briefing_tui.core.search.spelling import closest

        unknown = re.search(r"unrecognized arguments: (\S+)", message)
        if unknown:
            options = [
                option for parser in _parsers(self) for action in parser._actions for option in action.option_strings
            ]
            near = closest(unknown.group(1), options, limit=1)
            return f"; did you mean {near[0]}?" if near else ""
        choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if choice:
            near = closest(choice.group(1), re.findall(r"'?([\w.-]+)'?", choice.group(2)), limit=1)
            return f"; did you mean {near[0]}?" if near else ""
        return ""


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """A parser and all its subcommands' parsers (an unknown flag is reported by the top one)."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += _parsers(sub)
    return found


def add_subcommand(subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand that also accepts --content/--no-cache (for `briefing-tui list --content X`)."""
    prog = f"{subparsers._prog_prefix} {name}"
    sub = subparsers.add_parser(name, help=help_text, description=help_text, epilog=examples_epilog(prog))
    content_option(sub, top=False)
    return sub


FORMATS = ("table", "tsv", "json")


def format_options(parser: argparse.ArgumentParser) -> None:
    """--format table|tsv|json (default: a table on a terminal, TSV in a pipe) and --json, its alias."""
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="table (default on a terminal), tsv (default in a pipe), json"
    )
    parser.add_argument("--json", action="store_true", help="the same as --format json")


def output_format(args: argparse.Namespace) -> str:
    chosen = getattr(args, "format", None)
    if getattr(args, "json", False):
        if chosen not in (None, "json"):
            raise CliError(f"--json and --format {chosen} disagree; give one of them")
        return "json"
    return chosen or ("table" if sys.stdout.isatty() else "tsv")


def filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", help="recommendation, obstacle, opportunity, case-study, initiative, figure, approach"
    )
    parser.add_argument("--briefing", help="briefing (source document) id")
    parser.add_argument("--actor", help="us, japan, china, lac, ...")
    parser.add_argument("--country", help="country slug or name, e.g. brazil, Brasil, México")
    parser.add_argument("--sector", help="sector slug, e.g. energy")


def console(stderr: bool = False) -> Console:
    """The console; its width is the terminal's, or $COLUMNS, or 80 in a pipe."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def item_json(item) -> dict[str, Any]:
    return item.model_dump(mode="json")


def load(args: argparse.Namespace) -> Library:
    """Load the library for a command; content problems become a CliError."""
    from briefing_tui.core.content import ContentError, load_library

    try:
        return load_library(args.content, use_cache=not args.no_cache)
    except ContentError as error:
        raise CliError(problems_text(error.problems)) from None


def problems_text(problems) -> str:
    lines = [str(problem) for problem in problems]
    noun = "problem" if len(lines) == 1 else "problems"
    return f"content has {len(lines)} {noun}:\n" + "\n".join(f"  {line}" for line in lines)


def check_filters(args: argparse.Namespace, library: Library) -> dict[str, str | None]:
    """The --kind/--briefing/... options as vocabulary slugs; an unknown one is a usage error with suggestions."""
    from briefing_tui.core.search.query import resolve_filter, unknown_filter

    values: dict[str, str | None] = {}
    for name in ("kind", "briefing", "actor", "country", "sector"):
        raw = getattr(args, name, None)
        if raw is None:
            values[name] = None
            continue
        resolved = resolve_filter(name, raw, library.briefings)
        if resolved is None:
            raise CliError(unknown_filter(name, raw, library.briefings))
        values[name] = resolved
    return values


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_text(text: str, target: str | None, *, force: bool) -> str | None:
    """Write an export to ``target`` (None or '-': standard output); the path written, or None for stdout."""
    from briefing_tui.core.export import write_output

    try:
        path = write_output(text, target, force)
    except FileExistsError:
        raise CliError(f"{target} already exists; use --force to overwrite it", EXIT_USAGE) from None
    except OSError as error:
        raise CliError(f"cannot write {target}: {error.strerror or error}", EXIT_USAGE) from None
    return None if path is None else str(path)
