"""Where content comes from: --content folders, $BRIEFING_TUI_CONTENT, or the bundled briefings."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

CONTENT_ENV = "BRIEFING_TUI_CONTENT"
"""Environment variable naming content folders (separated by the OS path separator)."""


def bundled_content_dir() -> Path:
    """The content shipped with the package (in a wheel) or beside it (in a checkout)."""
    # The package is always a folder on disk (a wheel is installed, never imported zipped), so
    # plain paths do; importlib.resources cost ~4 ms of every start.
    here = Path(__file__).resolve()
    packaged = here.parents[2] / "_content"
    if packaged.is_dir():
        return packaged
    return here.parents[3] / "content"


def content_dirs(explicit: Sequence[str | Path] | None = None) -> list[Path]:
    """The folders to load: --content arguments, else $BRIEFING_TUI_CONTENT, else bundled."""
    if explicit:
        return [Path(folder) for folder in explicit]
    from_env = os.environ.get(CONTENT_ENV, "").strip()
    if from_env:
        return [Path(folder) for folder in from_env.split(os.pathsep) if folder]
    return [bundled_content_dir()]


GLOSSARY_FILE = "glossary.toml"
"""A pack's glossary (its own schema: ``core.glossary``), read apart from the briefings."""


def content_files(folders: Iterable[Path]) -> list[Path]:
    """Every briefing TOML file of the folders (not the glossary), in a stable order."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        else:
            files.extend(path for path in sorted(folder.rglob("*.toml")) if path.name != GLOSSARY_FILE)
    return files
