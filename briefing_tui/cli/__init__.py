"""The command line: starts the app, or answers a subcommand from the same core.

Every listing has ``--format table|tsv|json`` (``--json`` too): a table fitted to the terminal's
width, TSV with a header line in a pipe. Problems are one line on stderr with exit code 2 for
a usage error, 1 for an unknown id; never a traceback.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from briefing_tui.cli.common import EXIT_OK, CliError, Parser, add_subcommand, console, content_option, examples_epilog


class _VersionAction(argparse.Action):
    """--version, looking the version up only when asked (the lookup slows every start)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        import briefing_tui

        print(f"briefing-tui {briefing_tui.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    from briefing_tui.cli import bookmarks, browse, export, present, serve

    parser = Parser(
        prog="briefing-tui",
        description="Explore policy briefings on how the US, Japan and China engage Latin America and the Caribbean.",
        epilog=examples_epilog("briefing-tui"),
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    content_option(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_subcommand(commands, name, help_text)

    for module in (browse, bookmarks, export, present, serve):
        module.register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from briefing_tui.cli.app import cmd_app

    parser = build_parser()
    args = parser.parse_args(argv)
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
