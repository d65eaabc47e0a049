"""The command line: starts the app, or answers a subcommand from the same core.

Every listing has ``--json``; human output uses Rich (plain when piped). Problems
are printed as clear messages with exit code 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOT_FOUND = 1


class CliError(Exception):
    """A problem to report to the user as a message with an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (the lookup slows every start)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        import briefing_tui

        print(f"briefing-tui {briefing_tui.__version__}")
        parser.exit()


def _content_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
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


def add_subcommand(subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    """A subcommand that also accepts --content/--no-cache (for `briefing-tui list --content X`)."""
    sub = subparsers.add_parser(name, help=help_text, description=help_text)
    _content_option(sub, top=False)
    return sub


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", help="recommendation, obstacle, opportunity, case-study, initiative, figure, approach"
    )
    parser.add_argument("--briefing", help="briefing (source document) id")
    parser.add_argument("--actor", help="us, japan, china, lac, ...")
    parser.add_argument("--country", help="country slug, e.g. brazil")
    parser.add_argument("--sector", help="sector slug, e.g. energy")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-tui",
        description="Explore policy briefings on how the US, Japan and China engage Latin America and the Caribbean.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    _content_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_subcommand(commands, name, help_text)

    sub = command("sources", "list the source documents")
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("list", "list items, optionally filtered")
    _filters(sub)
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("show", "show one item with its citation and related items")
    sub.add_argument("id", help="item id")
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("search", "ranked full-text search (same syntax as the app's search box)")
    sub.add_argument(
        "query", nargs="+", help='words, "exact phrase", -excluded, kind:K country:C actor:A sector:S briefing:B'
    )
    sub.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    _filters(sub)
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("compare", "the side-by-side comparison of the US, Japan and China")
    sub.add_argument("--theme", help="one theme id (or a unique part of its title)")
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("validate", "check a content folder; exit 0 when valid, else list problems and exit 2")
    sub.add_argument("dir", nargs="*", help="content folder(s); default: the bundled content")

    from briefing_tui import cli_more, cli_present, cli_serve

    cli_more.add_commands(command)
    cli_present.add_command(command)
    cli_serve.add_command(command)
    return parser


# -- output helpers ----------------------------------------------------------------


def console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def item_json(item) -> dict[str, Any]:
    return item.model_dump(mode="json")


def load(args: argparse.Namespace):
    """Load the library for a command; content problems become a CliError."""
    from briefing_tui.content import ContentError, load_library

    try:
        return load_library(args.content, use_cache=not args.no_cache)
    except ContentError as error:
        raise CliError(_problems_text(error.problems)) from None


def _problems_text(problems) -> str:
    lines = [str(problem) for problem in problems]
    noun = "problem" if len(lines) == 1 else "problems"
    return f"content has {len(lines)} {noun}:\n" + "\n".join(f"  {line}" for line in lines)


def _check_filters(args: argparse.Namespace) -> dict[str, str | None]:
    from briefing_tui.query import resolve_filter

    values: dict[str, str | None] = {}
    for name in ("kind", "briefing", "actor", "country", "sector"):
        raw = getattr(args, name, None)
        if raw is None:
            values[name] = None
            continue
        resolved = resolve_filter(name, raw)
        if resolved is None:
            raise CliError(f"unknown {name} {raw!r}")
        values[name] = resolved
    return values


# -- commands --------------------------------------------------------------------------


def cmd_sources(args: argparse.Namespace) -> int:
    from briefing_tui import render

    library = load(args)
    if args.json:
        print_json([source.model_dump(mode="json") for source in library.sources])
        return EXIT_OK
    console().print(render.sources_table(library))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from briefing_tui import render

    library = load(args)
    filters = _check_filters(args)
    if filters["briefing"] and filters["briefing"] not in library.briefings:
        raise CliError(f"no briefing {filters['briefing']!r} (known: {', '.join(library.briefings)})")
    items = library.filter(**filters)
    if args.json:
        print_json([item_json(item) for item in items])
        return EXIT_OK
    console().print(render.items_table(library, items))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from briefing_tui import render

    library = load(args)
    item = library.item(args.id)
    if item is None:
        raise CliError(f"no item {args.id!r} (try: briefing-tui search WORDS)", EXIT_NOT_FOUND)
    if args.json:
        data = item_json(item)
        data["citation"] = render.citation_dict(library, item)
        data["related_items"] = [
            {"id": other.id, "kind": other.kind, "title": other.title} for other in library.related(item.id)
        ]
        print_json(data)
        return EXIT_OK
    console().print(render.item_panel(library, item))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from briefing_tui import render
    from briefing_tui.search import SearchIndex

    library = load(args)
    filters = _check_filters(args)
    text = " ".join(args.query)
    text += "".join(f" {name}:{value}" for name, value in filters.items() if value)
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    outcome = SearchIndex(library).search(text, limit=args.limit)
    if args.json:
        print_json([result.as_json() for result in outcome.results])
        return EXIT_OK
    out = console()
    out.print(render.search_table(outcome))
    if outcome.message:
        console(stderr=True).print(outcome.message)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from briefing_tui import compare, render

    library = load(args)
    themes = list(library.themes.values())
    if args.theme:
        theme = compare.find_theme(library, args.theme)
        if theme is None:
            raise CliError(f"no theme {args.theme!r} (known: {', '.join(library.themes)})", EXIT_NOT_FOUND)
        themes = [theme]
    if args.json:
        print_json(compare.comparison_json(themes))
        return EXIT_OK
    out = console()
    for theme in themes:
        out.print(render.theme_table(library, theme))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from briefing_tui.content import ContentError, load_library

    folders = args.dir or args.content
    try:
        library = load_library(folders, use_cache=False)
    except ContentError as error:
        raise CliError(_problems_text(error.problems)) from None
    counts = f"{len(library.briefings)} briefings, {len(library.sections)} sections, {len(library.items)} items, {len(library.themes)} comparison themes"
    console().print(f"valid: {counts}")
    return EXIT_OK


def cmd_app(args: argparse.Namespace) -> int:
    from briefing_tui.content import ContentError, content_dirs

    try:
        from briefing_tui.app import BriefingApp
    except ImportError as error:  # pragma: no cover - broken install
        raise CliError(f"the app cannot start: {error}") from None
    try:
        app = BriefingApp(content=[str(path) for path in content_dirs(args.content)], use_cache=not args.no_cache)
    except ContentError as error:
        raise CliError(_problems_text(error.problems)) from None
    app.run()
    if app.startup_error:
        raise CliError(app.startup_error)
    return EXIT_OK


COMMANDS = {
    "sources": cmd_sources,
    "list": cmd_list,
    "show": cmd_show,
    "search": cmd_search,
    "compare": cmd_compare,
    "validate": cmd_validate,
}


def main(argv: Sequence[str] | None = None) -> int:
    from briefing_tui import cli_more, cli_present, cli_serve

    parser = build_parser()
    args = parser.parse_args(argv)
    handlers = {**COMMANDS, **cli_more.COMMANDS, **cli_present.COMMANDS, **cli_serve.COMMANDS}
    handler = handlers.get(args.command or "", cmd_app)
    try:
        return handler(args)
    except CliError as error:
        console(stderr=True).print(f"briefing-tui: {error}", soft_wrap=True)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def content_arg(args: argparse.Namespace) -> list[Path] | None:
    return [Path(folder) for folder in args.content] if args.content else None
