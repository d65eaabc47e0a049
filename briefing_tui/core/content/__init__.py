"""Content packs: discovery, parsing, checks, the validated-item cache, and the ``Library`` they load into.

The library and the loader (and with them pydantic) are imported on first use, so what only needs the
cheap parts (the CLI's parser, an error's text, the content folders) starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.core.content.discovery import CONTENT_ENV, bundled_content_dir, content_dirs, content_files
from briefing_tui.core.content.errors import ContentError, Problem, problems_text
from briefing_tui.core.lazy import lazy_attributes

if TYPE_CHECKING:
    from briefing_tui.core.content.library import Briefing, Library, LibraryData
    from briefing_tui.core.content.load import assemble, load_library

__getattr__ = lazy_attributes(
    __name__,
    {
        "Briefing": "library",
        "Library": "library",
        "LibraryData": "library",
        "assemble": "load",
        "load_library": "load",
    },
)


__all__ = [
    "CONTENT_ENV",
    "Briefing",
    "ContentError",
    "Library",
    "LibraryData",
    "Problem",
    "assemble",
    "bundled_content_dir",
    "content_dirs",
    "content_files",
    "load_library",
    "problems_text",
]
