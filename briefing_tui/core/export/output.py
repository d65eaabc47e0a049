"""Writing an export: atomically to a file, or to standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing_tui.core.storage import atomic


def write_output(text: str | bytes, target: str | Path | None, force: bool = False) -> Path | None:
    """Write text (UTF-8) or bytes (a .docx) to ``target`` atomically (0600), or to stdout for None or "-".

    Raises FileExistsError when the file exists and ``force`` is false, and OSError
    (FileNotFoundError, IsADirectoryError ...) when it cannot be written.
    """
    if target is None or str(target) == "-":
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return None
    path = Path(target)
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder", str(path))
    if path.exists() and not force:
        raise FileExistsError(17, "already exists (use --force to overwrite)", str(path))
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(path.parent))
    atomic.write_atomic(path, text if isinstance(text, bytes) else text.encode("utf-8"), mode=0o600)
    return path
