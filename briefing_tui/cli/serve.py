"""``briefing-tui serve``: the app in a web browser, for colleagues without a terminal.

Uses textual-serve (the optional ``web`` extra). Each browser tab runs its own copy
of the app as a subprocess on this machine, with the same content options.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from briefing_tui.cli.common import CliError, CommandMaker, console, examples


def register(command: CommandMaker) -> None:
    sub = command("serve", "serve the app to a web browser (needs: pip install 'briefing-tui[web]')")
    sub.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    sub.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sub.set_defaults(handler=cmd_serve)
    examples(sub, "briefing-tui serve", "briefing-tui serve --port 8080")


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser session runs: this Python, this package, the same content."""
    parts = [sys.executable, "-m", "briefing_tui"]
    for folder in args.content or []:
        parts += ["--content", folder]
    if args.no_cache:
        parts.append("--no-cache")
    return shlex.join(parts)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ImportError:
        raise CliError("serving needs the web extra: pip install 'briefing-tui[web]'") from None
    if not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    console(stderr=True).print(f"Serving briefing-tui on http://{args.host}:{args.port} (ctrl+c to stop)")
    Server(app_command(args), host=args.host, port=args.port, title="briefing-tui").serve()
    return 0
