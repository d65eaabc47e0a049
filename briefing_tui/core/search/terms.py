"""What a query word means to the index: stop-words dropped, synonyms and regional names OR-ed in."""

from __future__ import annotations

from briefing_tui.core.vocab import COUNTRIES, COUNTRY_ALIASES, fold

STOP_WORDS: frozenset[str] = frozenset(
    """
    a an the of in on at to for from by with about into onto over under between among and or but nor
    is are was were be been being am do does did doing done has have had having
    how what which who whom whose why when where whether
    can could should would will shall may might must
    there here their theirs they them it its this that these those
    i me my we our ours you your yours he she his her
    any some such than then so very much many more most also just only
    tell show give list find explain describe please regarding concerning
    de del la las los el y en da das dos
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
"""Words that carry no meaning in a question ("how does china finance telecom"): not matched, not ranked.
"us" is not one: it is the United States."""

SYNONYMS: dict[str, list[str]] = {
    "farming": ["agriculture", "agricultural", "agribusiness"],
    "farm": ["agriculture", "agricultural"],
    "farmers": ["agriculture", "agricultural"],
    "agriculture": ["farming", "agricultural", "agribusiness"],
    "ai": ["artificial intelligence"],
    "us": ["united states"],
    "usa": ["united states"],
    "america": ["united states"],
    "lac": ["latin america"],
    "5g": ["fifth generation"],
    "money": ["finance", "financing"],
    "loan": ["loans", "financing", "credit"],
    "chips": ["semiconductors"],
    "fdi": ["foreign direct investment"],
    "oda": ["official development assistance"],
    "internet": ["broadband", "connectivity"],
}
"""Query words that also match related words, so a user's vocabulary finds the document's."""

for _alias, _slug in COUNTRY_ALIASES.items():
    _name = fold(COUNTRIES[_slug])
    if " " not in _alias and _alias != _name:
        SYNONYMS.setdefault(_alias, []).append(_name)

PHRASE_ALIASES: dict[tuple[str, ...], list[str]] = {
    tuple(alias.split()): fold(COUNTRIES[slug]).split()
    for alias, slug in COUNTRY_ALIASES.items()
    if " " in alias and alias != fold(COUNTRIES[slug])
}
"""Several-word regional names ("estados unidos") -> the English name's words, as a phrase."""
LONGEST_ALIAS = max(len(words) for words in PHRASE_ALIASES)


def known_word(word: str) -> bool:
    """A word the query language knows itself (never "corrected" against the index's vocabulary)."""
    return word in SYNONYMS or word in STOP_WORDS


def fts_string(words: list[str]) -> str:
    return '"' + " ".join(word.replace('"', "") for word in words) + '"'


def term(word: str) -> str:
    """One word as an FTS expression, with its synonyms OR-ed in."""
    options = [fts_string([word])] + [fts_string(synonym.split()) for synonym in SYNONYMS.get(word, [])]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def synonym_words(terms: list[str]) -> list[str]:
    """The words of the terms' synonyms (highlighted with the terms)."""
    return [word for item in terms for synonym in SYNONYMS.get(item, []) for word in synonym.split()]
