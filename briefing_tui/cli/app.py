"""Starting the app itself (no subcommand)."""

from __future__ import annotations

import argparse
import gc

from briefing_tui.cli.common import CliError, require_terminal
from briefing_tui.core.content import problems_text


def cmd_app(args: argparse.Namespace) -> int:
    from briefing_tui.core.content import ContentError, content_dirs

    require_terminal()
    # No garbage collection until the first frame is painted (the app turns it back on): the
    # start creates many objects and no garbage worth a collection pass (~15-20 ms of CPU).
    gc.disable()
    try:
        from briefing_tui.tui.app import BriefingApp
    except ImportError as error:  # pragma: no cover - broken install
        raise CliError(f"the app cannot start: {error}") from None
    try:
        app = BriefingApp(content=[str(path) for path in content_dirs(args.content)], use_cache=not args.no_cache)
    except ContentError as error:
        raise CliError(problems_text(error.problems)) from None
    app.run()
    # A start-up failure was printed by the app as it exited (App.exit's message).
    return app.return_code or 0
