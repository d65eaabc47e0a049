"""Content packs: discovery, parsing, checks, the validated-item cache, and the ``Library`` they load into.

The library and the loader (and with them pydantic) are imported on first use, so what only needs the
cheap parts (the CLI's parser, an error's text, the content folders) starts without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from briefing_tui.core.content.discovery import CONTENT_ENV, bundled_content_dir, content_dirs, content_files
from briefing_tui.core.content.errors import ContentError, Problem, problems_text

if TYPE_CHECKING:
    from briefing_tui.core.content.library import Briefing, Library, LibraryData
    from briefing_tui.core.content.load import assemble, load_library

_LAZY = {
    "Briefing": "library",
    "Library": "library",
    "LibraryData": "library",
    "assemble": "load",
    "load_library": "load",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


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
