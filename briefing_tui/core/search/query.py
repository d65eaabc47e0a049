"""Parse what a user types into the search box into words, phrases, exclusions and filters.

The parser never fails: unbalanced quotes close themselves, stray operators are
dropped, and unknown filter values become messages the UI can show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing_tui.core.vocab import ACTORS, COUNTRIES, KINDS, SECTORS

MAX_QUERY_CHARS = 500
"""Longer input is cut: nobody types more, and FTS cost grows with terms."""
MAX_TERMS = 24

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
TOKEN_RE = re.compile(r'(-?)(?:(\w+):)?("([^"]*)(?:"|$)|\S+)')

FILTER_KEYS = {
    "kind": "kind",
    "type": "kind",
    "country": "country",
    "actor": "actor",
    "sector": "sector",
    "briefing": "briefing",
    "doc": "briefing",
    "source": "briefing",
}

_ACTOR_ALIASES = {
    "usa": "us",
    "united-states": "us",
    "america": "us",
    "united states": "us",
    "prc": "china",
    "latin-america": "lac",
    "latam": "lac",
    "korea": "korea",
}
_KIND_ALIASES = {
    "case": "case-study",
    "cases": "case-study",
    "case-studies": "case-study",
    "casestudy": "case-study",
    "rec": "recommendation",
    "recs": "recommendation",
    "figures": "figure",
    "number": "figure",
    "stat": "figure",
}


@dataclass
class ParsedQuery:
    """The structured form of a search string."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    prefix: str = ""
    """The last word when it is still being typed (matched as a prefix)."""

    @property
    def has_terms(self) -> bool:
        return bool(self.words or self.phrases or self.prefix)

    @property
    def is_empty(self) -> bool:
        return not (self.has_terms or self.excluded or self.filters)

    def highlight_terms(self) -> list[str]:
        """Words to highlight in results and in the detail pane."""
        terms = list(self.words) + [word for phrase in self.phrases for word in phrase]
        if self.prefix:
            terms.append(self.prefix)
        return terms


def words_of(text: str) -> list[str]:
    """Lowercase words of a text, punctuation and FTS operators dropped."""
    return [word.lower() for word in WORD_RE.findall(text)]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolve_filter(key: str, value: str) -> str | None:
    """Map a typed filter value to its vocabulary slug (slug, label, alias or unique prefix)."""
    slug = _slug(value)
    if not slug:
        return None
    if key == "briefing":
        return slug
    vocabulary = {"kind": KINDS, "country": COUNTRIES, "actor": ACTORS, "sector": SECTORS}[key]
    aliases = {"kind": _KIND_ALIASES, "actor": _ACTOR_ALIASES}.get(key, {})
    if slug in vocabulary:
        return slug
    if slug in aliases:
        return aliases[slug]
    if slug.endswith("s") and slug[:-1] in vocabulary:
        return slug[:-1]
    by_label = {_slug(label): known for known, label in vocabulary.items()}
    if slug in by_label:
        return by_label[slug]
    candidates = {known for known in vocabulary if known.startswith(slug)}
    candidates |= {known for label, known in by_label.items() if label.startswith(slug)}
    return candidates.pop() if len(candidates) == 1 else None


def parse_query(text: str, *, as_typed: bool = False) -> ParsedQuery:
    """Parse a search string. With ``as_typed`` the last bare word is a prefix."""
    query = ParsedQuery()
    text = text[:MAX_QUERY_CHARS]
    tokens = list(TOKEN_RE.finditer(text))
    trailing_space = text[-1:].isspace() if text else True
    for index, match in enumerate(tokens):
        negative, key, whole, quoted = match.group(1), match.group(2), match.group(3), match.group(4)
        if key and key.lower() in FILTER_KEYS and quoted is None and whole:
            name = FILTER_KEYS[key.lower()]
            resolved = resolve_filter(name, whole)
            if resolved is None:
                query.problems.append(f"unknown {name} {whole!r}")
            else:
                query.filters.setdefault(name, []).append(resolved)
            continue
        if key and quoted is None:
            # Not a filter we know ("http://..."): treat "key:value" as words.
            whole = f"{key} {whole}"
        terms = words_of(quoted if quoted is not None else whole)
        if not terms:
            continue
        if negative:
            query.excluded.append(terms)
        elif quoted is not None and len(terms) > 1:
            query.phrases.append(terms)
        else:
            is_last = index == len(tokens) - 1
            if as_typed and is_last and not trailing_space and quoted is None and len(terms) == 1:
                query.prefix = terms[0]
            else:
                query.words.extend(terms)
    query.words = query.words[:MAX_TERMS]
    query.phrases = query.phrases[:MAX_TERMS]
    query.excluded = query.excluded[:MAX_TERMS]
    return query
