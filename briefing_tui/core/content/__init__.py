"""Content packs: discovery, parsing, checks, the validated-item cache, and the ``Library`` they load into."""

from briefing_tui.core.content.discovery import CONTENT_ENV, bundled_content_dir, content_dirs, content_files
from briefing_tui.core.content.errors import ContentError, Problem, problems_text
from briefing_tui.core.content.library import Briefing, Library, LibraryData
from briefing_tui.core.content.load import assemble, load_library

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
