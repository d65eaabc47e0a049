"""Make untrusted text (content, notes, queries) safe to show in a terminal.

ANSI/OSC escape sequences and control characters are removed, so no text can
style, move the cursor of, or retitle the user's terminal. Rich markup is never
interpreted because callers build ``rich.text.Text`` objects, not markup strings.
"""

from __future__ import annotations

import re

_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST
    r"|\x1b[P^_X][^\x1b]*(?:\x1b\\)?"  # DCS, PM, APC, SOS strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI sequences
    r"|\x1b[@-Z\\-_]"  # two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text without escape sequences or control characters (newlines and tabs kept)."""
    if not text:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text)).replace("\r", "")


def clean_line(text: str) -> str:
    """``clean`` and fold whitespace: for titles and one-line cells."""
    return " ".join(clean(text).split())
