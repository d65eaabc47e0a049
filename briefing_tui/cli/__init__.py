"""The command line: starts the app, or answers a subcommand from the same core.

Listings print a table sized to the terminal, tab-separated values when piped, JSON with ``--json``.
Problems are one line on stderr: exit code 2 for a usage error, 1 for an unknown id; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from briefing_tui.cli.common import EXIT_OK, CliError, Parser, add_subcommand, console, content_option


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (the lookup slows every start)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        import briefing_tui

        print(f"briefing-tui {briefing_tui.__version__}")
        parser.exit()


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without ``commands``, only the options that start the app."""
    parser = Parser(
        prog="briefing-tui",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  briefing-tui                      start the app\n"
        "  briefing-tui search japan brazil  search from the shell\n"
        "  briefing-tui COMMAND --help       a command's options and examples",
        description="Explore policy briefings on how the US, Japan and China engage Latin America and the Caribbean.",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    content_option(parser, top=True)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from briefing_tui.cli import bookmarks, browse, dossier, export, glossary, present, serve

    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_subcommand(subparsers, name, help_text)

    for module in (browse, dossier, glossary, bookmarks, export, present, serve):
        module.register(command)
    return parser


def starts_the_app(argv: Sequence[str]) -> bool:
    """True when ``argv`` only holds the options of a plain start (``--content DIR``, ``--no-cache``).

    Such a start skips building every command's parser (~12 ms, before anything is on screen).
    """
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--content" and rest and not rest[0].startswith("-"):
            rest.pop(0)
        elif not (word == "--no-cache" or (word.startswith("--content=") and len(word) > len("--content="))):
            return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    from briefing_tui.cli.app import cmd_app

    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=not starts_the_app(words))
    args = parser.parse_args(words)
    handler = getattr(args, "handler", cmd_app)
    try:
        return handler(args)
    except CliError as error:
        console(stderr=True).print(f"briefing-tui: {error}", soft_wrap=True)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
