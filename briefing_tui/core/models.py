"""The content models (frozen dataclasses that pydantic validates): the single schema for the TOML files.

A content pack is a folder of TOML files. Each file may hold any of:

* ``[source]`` - the source document a briefing is written from;
* ``briefing = "<source id>"`` - which briefing the file's sections belong to
  (implied by ``[source]`` when the file has one);
* ``[[sections]]`` - the document's sections, in document order;
* ``[[items]]`` - recommendations, obstacles, figures ... (each cites its source);
* ``[[themes]]`` - comparison themes with one cell per actor.

Every model forbids unknown fields, so a misspelt key is an error, not silence.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from typing import Annotated, Any, Literal

from briefing_tui.core.rules import CONFIG, Check, Rule
from briefing_tui.core.vocab import ACTORS, COUNTRIES, KINDS, SECTORS

SLUG = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids are lowercase slugs: readable, stable, and safe in filters and file names."""

Slug = Annotated[str, Rule(pattern=SLUG, min_length=1, max_length=120)]
Text = Annotated[str, Rule(min_length=1, max_length=20_000)]
ShortText = Annotated[str, Rule(min_length=1, max_length=400)]


# Every model: @dataclass(frozen=True, kw_only=True, eq=False, repr=False). ``__eq__`` and ``__repr__`` are
# Strict's, written once, rather than generated for each class: generating them was half the ~19 ms it took to
# define the models, paid by every start before its first frame. (Spelt out on each class: mypy needs to see it.)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Strict:
    """Base for all content models: frozen dataclasses that pydantic validates when a file is parsed.

    Read back from the validated cache, they are built directly (``core.content.trusted``), without
    pydantic. ``CONFIG`` makes unknown keys errors. Equal when of the same class with equal fields (as a
    generated ``__eq__``); unhashable, as their lists make them.
    """

    __pydantic_config__ = CONFIG

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name.name) == getattr(other, name.name) for name in fields(self))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name.name}={getattr(self, name.name)!r}" for name in fields(self) if name.repr)
        return f"{type(self).__qualname__}({shown})"


def _check_vocabulary(values: list[str], vocabulary: dict[str, str], what: str) -> list[str]:
    unknown = [value for value in values if value not in vocabulary]
    if unknown:
        hints = []
        for value in unknown:
            close = difflib.get_close_matches(value, list(vocabulary), n=1)
            hints.append(f"{value!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise ValueError(f"unknown {what} {', '.join(hints)}; see briefing_tui/vocab.py for the list")
    return values


def _in(vocabulary: dict[str, str], what: str) -> Check:
    """The rule for a list of slugs from one vocabulary (unknown ones named, with the closest known)."""
    return Check(lambda values: _check_vocabulary(values, vocabulary, what))


def _one_of(vocabulary: dict[str, str], what: str) -> Check:
    """The rule for one slug from a vocabulary."""
    return Check(lambda value: _check_vocabulary([value], vocabulary, what)[0])


Countries = Annotated[list[str], _in(COUNTRIES, "country")]
Actors = Annotated[list[str], _in(ACTORS, "actor")]
Sectors = Annotated[list[str], _in(SECTORS, "sector")]
ActorSlug = Annotated[str, _one_of(ACTORS, "actor")]
Year = Annotated[str, Rule(pattern=r"^\d{4}(-\d{2,4})?$")]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SourceDocument(Strict):
    """One of the documents a briefing is written from."""

    id: Slug
    title: ShortText
    publisher: ShortText
    authors: list[ShortText] = field(default_factory=list)
    date: ShortText
    """As precise as known: "2013", "November 2024", "about 2015"."""
    url: str = ""
    perspective: ShortText
    """Whose view the document gives, e.g. "US think tank", "Chinese scholar"."""
    summary: Text
    kind: ShortText = "report"
    """What sort of document: report, monograph, journal article, policy brief."""
    notes: str = ""
    """Caveats about the document itself (no byline, undated, extraction gaps)."""
    order: int = 0
    """Position among the briefings (navigator, listings); ties fall back to the id."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Section(Strict):
    """A section of a source document, in the document's own order."""

    id: Slug
    title: ShortText
    summary: Text
    parent: Slug | None = None
    """The enclosing section (a chapter), for nested documents."""
    number: str = ""
    """The document's own numbering, if any ("2", "IV")."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Citation(Strict):
    """Where in a source document an item comes from."""

    document: Slug
    section: Slug
    page: str = ""
    """A page or paragraph reference, when the extraction preserves one."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Quote(Strict):
    """A short quotation, exact and attributed."""

    text: Text
    attribution: ShortText


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ItemBase(Strict):
    """Fields every item has, whatever its kind."""

    id: Slug
    title: ShortText
    summary: Text
    """Two to four sentences in our own words."""
    body: str = ""
    """Optional longer Markdown: proposals, context, details."""
    source: Citation
    countries: Countries = field(default_factory=list)
    actors: Actors = field(default_factory=list)
    sectors: Sectors = field(default_factory=list)
    tags: list[Slug] = field(default_factory=list)
    related: list[Slug] = field(default_factory=list)
    quote: Quote | None = None
    notes: list[str] = field(default_factory=list)
    """Source notes, e.g. the document's footnotes behind this item, reworded."""
    aliases: list[Slug] = field(default_factory=list)
    """Former ids of this item, so old bookmarks still resolve."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Recommendation(ItemBase):
    """A recommendation; sub-recommendations (1A, 1B) point at their parent."""

    kind: Literal["recommendation"]
    number: str = ""
    """The document's own numbering ("1", "1A")."""
    parent: Slug | None = None
    proposals: list[Text] = field(default_factory=list)
    """The concrete proposals under this recommendation, each in our words."""
    addressed_to: Actors = field(default_factory=list)
    """Actor slugs the recommendation is addressed to."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Obstacle(ItemBase):
    """An obstacle or challenge the document names."""

    kind: Literal["obstacle"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Opportunity(ItemBase):
    """A sector opportunity."""

    kind: Literal["opportunity"]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class CaseStudy(ItemBase):
    """A case study or named project / company example."""

    kind: Literal["case-study"]
    companies: list[ShortText] = field(default_factory=list)
    institutions: list[ShortText] = field(default_factory=list)
    years: list[Year] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Initiative(ItemBase):
    """An initiative, agreement, fund, institution or platform."""

    kind: Literal["initiative"]
    name: ShortText
    acronym: str = ""
    partners: list[ShortText] = field(default_factory=list)
    year: str = ""
    """Year founded, signed or launched, as the document gives it."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Figure(ItemBase):
    """A key figure, kept with exactly what it measures."""

    kind: Literal["figure"]
    value: ShortText
    """The value exactly as the document states it ("$3 billion", "4%")."""
    unit: str = ""
    measures: Text
    """What the number measures: the same value can mean two things."""
    year: str = ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Approach(ItemBase):
    """One actor's approach on one theme, as one document characterizes it."""

    kind: Literal["approach"]
    actor: ActorSlug
    theme: ShortText


Item = Annotated[
    Recommendation | Obstacle | Opportunity | CaseStudy | Initiative | Figure | Approach,
    Rule(discriminator="kind"),
]
"""Any content item; ``kind`` picks the model."""

ITEM_KINDS: tuple[str, ...] = tuple(KINDS)


def parent_of(item: ItemBase) -> str | None:
    """The parent recommendation's id (only recommendations have one)."""
    return item.parent if isinstance(item, Recommendation) else None


def actor_of(item: ItemBase) -> str | None:
    """The actor an approach item characterizes (None for other kinds)."""
    return item.actor if isinstance(item, Approach) else None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ComparisonCell(Strict):
    """One actor's stance on one comparison theme."""

    actor: ActorSlug
    stance: Text
    """Two to four sentences; or an explicit statement that the documents are silent."""
    instruments: list[ShortText] = field(default_factory=list)
    evidence: list[Slug] = field(default_factory=list)
    """Ids of the items the stance rests on."""
    sources: list[Slug] = field(default_factory=list)
    """Ids of the source documents the stance rests on (hence whose perspective)."""
    silent: bool = False
    """True where the documents say nothing for this cell."""
    contrast: str = ""
    """One line on what sets this actor apart on the theme, for the differences view."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Theme(Strict):
    """A comparison theme: one row of the comparison, one cell per actor."""

    id: Slug
    title: ShortText
    summary: str = ""
    cells: list[ComparisonCell]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ContentFile(Strict):
    """What one TOML file of a content pack may hold."""

    briefing: Slug | None = None
    source: SourceDocument | None = None
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)


def sentence_count(text: str) -> int:
    """How many sentences ``text`` has (for the 2-4 sentence guidance in tests)."""
    from briefing_tui.core.text import sentences

    return len(sentences(text))


def as_data(value: Any) -> Any:
    """A model (or a list of them) as JSON-able dicts and lists, field by field in declaration order."""
    names = getattr(type(value), "__dataclass_fields__", None)
    if names is not None:
        return {name: as_data(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [as_data(part) for part in value]
    if isinstance(value, dict):
        return {key: as_data(part) for key, part in value.items()}
    return value
