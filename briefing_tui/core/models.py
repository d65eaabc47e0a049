"""Pydantic models of the briefing content: the single schema for the TOML files.

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
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from briefing_tui.core.vocab import ACTORS, COUNTRIES, KINDS, SECTORS

SLUG = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids are lowercase slugs: readable, stable, and safe in filters and file names."""

Slug = Annotated[str, Field(pattern=SLUG, min_length=1, max_length=120)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=400)]


class Strict(BaseModel):
    """Base for all content models: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


def _check_vocabulary(values: list[str], vocabulary: dict[str, str], what: str) -> list[str]:
    unknown = [value for value in values if value not in vocabulary]
    if unknown:
        hints = []
        for value in unknown:
            close = difflib.get_close_matches(value, list(vocabulary), n=1)
            hints.append(f"{value!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        raise ValueError(f"unknown {what} {', '.join(hints)}; see briefing_tui/vocab.py for the list")
    return values


class SourceDocument(Strict):
    """One of the documents a briefing is written from."""

    id: Slug
    title: ShortText
    publisher: ShortText
    authors: list[ShortText] = []
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


class Section(Strict):
    """A section of a source document, in the document's own order."""

    id: Slug
    title: ShortText
    summary: Text
    parent: Slug | None = None
    """The enclosing section (a chapter), for nested documents."""
    number: str = ""
    """The document's own numbering, if any ("2", "IV")."""


class Citation(Strict):
    """Where in a source document an item comes from."""

    document: Slug
    section: Slug
    page: str = ""
    """A page or paragraph reference, when the extraction preserves one."""


class Quote(Strict):
    """A short quotation, exact and attributed."""

    text: Text
    attribution: ShortText


class ItemBase(Strict):
    """Fields every item has, whatever its kind."""

    id: Slug
    title: ShortText
    summary: Text
    """Two to four sentences in our own words."""
    body: str = ""
    """Optional longer Markdown: proposals, context, details."""
    source: Citation
    countries: list[str] = []
    actors: list[str] = []
    sectors: list[str] = []
    tags: list[Slug] = []
    related: list[Slug] = []
    quote: Quote | None = None
    notes: list[str] = []
    """Source notes, e.g. the document's footnotes behind this item, reworded."""
    aliases: list[Slug] = []
    """Former ids of this item, so old bookmarks still resolve."""

    @field_validator("countries")
    @classmethod
    def _countries(cls, value: list[str]) -> list[str]:
        return _check_vocabulary(value, COUNTRIES, "country")

    @field_validator("actors")
    @classmethod
    def _actors(cls, value: list[str]) -> list[str]:
        return _check_vocabulary(value, ACTORS, "actor")

    @field_validator("sectors")
    @classmethod
    def _sectors(cls, value: list[str]) -> list[str]:
        return _check_vocabulary(value, SECTORS, "sector")


class Recommendation(ItemBase):
    """A recommendation; sub-recommendations (1A, 1B) point at their parent."""

    kind: Literal["recommendation"]
    number: str = ""
    """The document's own numbering ("1", "1A")."""
    parent: Slug | None = None
    proposals: list[Text] = []
    """The concrete proposals under this recommendation, each in our words."""
    addressed_to: list[str] = []
    """Actor slugs the recommendation is addressed to."""

    @field_validator("addressed_to")
    @classmethod
    def _addressed_to(cls, value: list[str]) -> list[str]:
        return _check_vocabulary(value, ACTORS, "actor")


class Obstacle(ItemBase):
    """An obstacle or challenge the document names."""

    kind: Literal["obstacle"]


class Opportunity(ItemBase):
    """A sector opportunity."""

    kind: Literal["opportunity"]


class CaseStudy(ItemBase):
    """A case study or named project / company example."""

    kind: Literal["case-study"]
    companies: list[ShortText] = []
    institutions: list[ShortText] = []
    years: list[Annotated[str, Field(pattern=r"^\d{4}(-\d{2,4})?$")]] = []


class Initiative(ItemBase):
    """An initiative, agreement, fund, institution or platform."""

    kind: Literal["initiative"]
    name: ShortText
    acronym: str = ""
    partners: list[ShortText] = []
    year: str = ""
    """Year founded, signed or launched, as the document gives it."""


class Figure(ItemBase):
    """A key figure, kept with exactly what it measures."""

    kind: Literal["figure"]
    value: ShortText
    """The value exactly as the document states it ("$3 billion", "4%")."""
    unit: str = ""
    measures: Text
    """What the number measures: the same value can mean two things."""
    year: str = ""


class Approach(ItemBase):
    """One actor's approach on one theme, as one document characterizes it."""

    kind: Literal["approach"]
    actor: str
    theme: ShortText

    @field_validator("actor")
    @classmethod
    def _actor(cls, value: str) -> str:
        _check_vocabulary([value], ACTORS, "actor")
        return value


Item = Annotated[
    Recommendation | Obstacle | Opportunity | CaseStudy | Initiative | Figure | Approach,
    Field(discriminator="kind"),
]
"""Any content item; ``kind`` picks the model."""

ITEM_KINDS: tuple[str, ...] = tuple(KINDS)


def parent_of(item: ItemBase) -> str | None:
    """The parent recommendation's id (only recommendations have one).

    A plain ``getattr(item, "parent", None)`` on other kinds goes through pydantic's slow
    ``__getattr__`` miss path, which shows up when a large pack's lookups are built.
    """
    return item.parent if isinstance(item, Recommendation) else None


def actor_of(item: ItemBase) -> str | None:
    """The actor an approach item characterizes (None for other kinds)."""
    return item.actor if isinstance(item, Approach) else None


class ComparisonCell(Strict):
    """One actor's stance on one comparison theme."""

    actor: str
    stance: Text
    """Two to four sentences; or an explicit statement that the documents are silent."""
    instruments: list[ShortText] = []
    evidence: list[Slug] = []
    """Ids of the items the stance rests on."""
    sources: list[Slug] = []
    """Ids of the source documents the stance rests on (hence whose perspective)."""
    silent: bool = False
    """True where the documents say nothing for this cell."""
    contrast: str = ""
    """One line on what sets this actor apart on the theme, for the differences view."""

    @field_validator("actor")
    @classmethod
    def _actor(cls, value: str) -> str:
        _check_vocabulary([value], ACTORS, "actor")
        return value


class Theme(Strict):
    """A comparison theme: one row of the comparison, one cell per actor."""

    id: Slug
    title: ShortText
    summary: str = ""
    cells: list[ComparisonCell]


class ContentFile(Strict):
    """What one TOML file of a content pack may hold."""

    briefing: Slug | None = None
    source: SourceDocument | None = None
    sections: list[Section] = []
    items: list[Item] = []
    themes: list[Theme] = []


def sentence_count(text: str) -> int:
    """How many sentences ``text`` has (for the 2-4 sentence guidance in tests)."""
    from briefing_tui.core.text import sentences

    return len(sentences(text))
