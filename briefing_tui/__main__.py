"""``python -m briefing_tui``: the same entry point as the ``briefing-tui`` command."""

import sys

from briefing_tui.cli import main

sys.exit(main())
