"""Parse what a user types into the search box into words, phrases, exclusions and filters.

The parser never fails: unbalanced quotes close themselves, stray operators are
dropped, and unknown filter values become messages the UI can show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from briefing_tui.core.search.terms import LONGEST_ALIAS, PHRASE_ALIASES, STOP_WORDS
from briefing_tui.core.text import slugify
from briefing_tui.core.vocab import ACTORS, COUNTRIES, COUNTRY_ALIASES, KINDS, SECTORS, fold

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
    ignored: list[str] = field(default_factory=list)
    """Stop-words left out of matching ("how", "does")."""
    exact: set[str] = field(default_factory=set)
    """Words typed in quotes: searched as typed, never corrected."""
    pending: str = ""
    """A filter key typed without its value yet ("kind:"), for the UI to offer the values."""

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
    """Lowercase words of a text without accents ("México" -> "mexico"), punctuation and FTS operators dropped."""
    return [fold(word) for word in WORD_RE.findall(text)]


def _slug(text: str) -> str:
    return slugify(text, limit=0)


_COUNTRY_ALIASES = {_slug(alias): slug for alias, slug in COUNTRY_ALIASES.items()}


def filter_values(key: str, briefings: Iterable[str] = ()) -> dict[str, str]:
    """The known values of a filter, slug -> label (briefings: the loaded ones)."""
    if key == "briefing":
        return {briefing: briefing for briefing in briefings}
    return {"kind": KINDS, "country": COUNTRIES, "actor": ACTORS, "sector": SECTORS}[key]


def resolve_filter(key: str, value: str, briefings: Iterable[str] | None = None) -> str | None:
    """Map a typed filter value to its vocabulary slug (slug, label, alias or unique prefix).

    Briefing ids are checked only when the loaded ``briefings`` are given."""
    slug = _slug(value)
    if not slug:
        return None
    if key == "briefing" and briefings is None:
        return slug
    vocabulary = filter_values(key, briefings or ())
    aliases = {"kind": _KIND_ALIASES, "actor": _ACTOR_ALIASES, "country": _COUNTRY_ALIASES}.get(key, {})
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


def unknown_filter(key: str, value: str, briefings: Iterable[str] = ()) -> str:
    """The message for a filter value that names nothing: "unknown country 'narnia' (did you mean …?)"."""
    from briefing_tui.core.search.spelling import closest

    vocabulary = filter_values(key, briefings)
    aliases = {"kind": _KIND_ALIASES, "actor": _ACTOR_ALIASES, "country": _COUNTRY_ALIASES}.get(key, {})
    slug = _slug(value) or value
    near = closest(slug, [*vocabulary, *(_slug(label) for label in vocabulary.values()), *aliases])
    resolved = [resolve_filter(key, option, briefings if key == "briefing" else None) for option in near]
    known = list(dict.fromkeys(option for option in resolved if option))[:3]
    if known:
        hint = f"did you mean {', '.join(known)}?"
    else:
        listed = list(vocabulary)
        hint = f"known: {', '.join(listed[:6])}{', …' if len(listed) > 6 else ''}"
    return f"unknown {key} {value!r} ({hint})"


def _apply_phrase_aliases(words: list[str]) -> tuple[list[str], list[list[str]]]:
    """Several-word regional names become a phrase of the English name ("estados unidos" -> "united states")."""
    out: list[str] = []
    phrases: list[list[str]] = []
    position = 0
    while position < len(words):
        if words[position : position + 2] == ["latin", "america"]:
            out.append("lac")  # the documents' abbreviation, with "latin america" as its synonym
            position += 2
            continue
        for size in range(min(LONGEST_ALIAS, len(words) - position), 1, -1):
            english = PHRASE_ALIASES.get(tuple(words[position : position + size]))
            if english:
                phrases.append(english)
                position += size
                break
        else:
            out.append(words[position])
            position += 1
    return out, phrases


def parse_query(text: str, *, as_typed: bool = False, briefings: Iterable[str] | None = None) -> ParsedQuery:
    """Parse a search string. With ``as_typed`` the last bare word is a prefix.

    ``briefings`` (the loaded briefing ids) makes an unknown ``briefing:`` value a problem."""
    query = ParsedQuery()
    text = text[:MAX_QUERY_CHARS]
    tokens = list(TOKEN_RE.finditer(text))
    trailing_space = text[-1:].isspace() if text else True
    for index, match in enumerate(tokens):
        negative, key, whole, quoted = match.group(1), match.group(2), match.group(3), match.group(4)
        if key is None and whole.endswith(":") and whole[:-1].lower() in FILTER_KEYS:
            # "kind:" with no value yet: a filter being typed, not the word "kind".
            query.pending = FILTER_KEYS[whole[:-1].lower()]
            continue
        if key and key.lower() in FILTER_KEYS and quoted is None and whole:
            name = FILTER_KEYS[key.lower()]
            resolved = resolve_filter(name, whole, briefings)
            if resolved is None:
                query.problems.append(unknown_filter(name, whole, briefings or ()))
            else:
                query.filters.setdefault(name, []).append(resolved)
            if as_typed and index == len(tokens) - 1 and not trailing_space:
                query.pending = name  # still being typed: the UI keeps offering values
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
        elif quoted is not None:
            query.exact.add(terms[0])
            query.words.extend(terms)
        else:
            is_last = index == len(tokens) - 1
            if as_typed and is_last and not trailing_space and quoted is None and len(terms) == 1:
                query.prefix = terms[0]
            else:
                query.words.extend(terms)
    _drop_stop_words(query)
    query.words, aliased = _apply_phrase_aliases(query.words)
    query.phrases.extend(aliased)
    query.words = query.words[:MAX_TERMS]
    query.phrases = query.phrases[:MAX_TERMS]
    query.excluded = query.excluded[:MAX_TERMS]
    return query


def _drop_stop_words(query: ParsedQuery) -> None:
    """Leave out the words of a question that carry no meaning, unless nothing else is left."""
    kept = [word for word in query.words if word not in STOP_WORDS or word in query.exact]
    has_other = kept or query.phrases or (query.prefix and query.prefix not in STOP_WORDS)
    if not has_other:
        return
    query.ignored = [word for word in query.words if word not in kept]
    query.words = kept
    if query.prefix in STOP_WORDS and (kept or query.phrases):
        query.ignored.append(query.prefix)
        query.prefix = ""
