"""Make untrusted text (content, notes, queries) safe to show in a terminal.

ANSI/OSC escape sequences and control characters are removed, so no text can
style, move the cursor of, or retitle the user's terminal. Rich markup is never
interpreted because callers build ``rich.text.Text`` objects, not markup strings.
"""

from __future__ import annotations

import re
import unicodedata

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


SILENT_TEXT = "The documents say nothing on this."
"""What every view shows where the documents are silent (a comparison cell, a missing stance)."""

_ABBREVIATION = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|e\.g|i\.e|etc|Inc|Co|Corp|Ltd|No|vs|St|Dr|Mr|Ms|Jr|Sr|approx|cf|al)\.|\b[A-Za-z]\.)$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


def sentences(text: str) -> list[str]:
    """``text`` split into sentences; "U.S.", "e.g." and initials never end one.

    A sentence ends at ``.``, ``!`` or ``?`` (and any closing quote or bracket) followed by
    a capital, a digit or an opening quote or bracket.
    """
    flat = clean_line(text)
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(flat):
        end = match.end()
        candidate = flat[start:end].strip()
        following = flat[end : end + 1]
        starts_sentence = following.isupper() or following.isdigit() or following in "\"'“‘("
        if not starts_sentence or _ABBREVIATION.search(candidate.rstrip("\"'”’)")):
            continue
        parts.append(candidate)
        start = end
    rest = flat[start:].strip()
    if rest:
        parts.append(rest)
    return parts


def first_sentence(text: str) -> str:
    """The first of ``sentences(text)`` (the whole text when it has no sentence end)."""
    found = sentences(text)
    return found[0] if found else ""


def slugify(text: str, *, default: str = "", limit: int = 60) -> str:
    """Lowercase ASCII letters and digits joined by hyphens ("México" -> "mexico"), cut at a word boundary
    to ``limit`` characters (0: no limit)."""
    ascii_text = unicodedata.normalize("NFKD", clean_line(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if limit and len(slug) > limit:
        cut = slug[: limit + 1].rsplit("-", 1)[0]
        slug = cut if "-" in slug[: limit + 1] else slug[:limit]
    return slug or default
