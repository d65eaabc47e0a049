"""The lean record of an item: what lists, filters and cross-references need, without its text.

A library keeps one ``Entry`` per item in memory. The full item (summary, body, quotes,
proposals...) is fetched on demand, so 100,000 items fit in a few tens of megabytes.
"""

from __future__ import annotations

import sys
from typing import Any

from briefing_tui.core.models import Item, Recommendation, actor_of, parent_of

FIELDS = (
    "id",
    "kind",
    "title",
    "document",
    "section",
    "parent",
    "number",
    "actor",
    "actors",
    "countries",
    "sectors",
    "related",
    "aliases",
    "file",
)
"""The record's fields, in the order ``row`` stores them."""


class Entry:
    """An item's id, kind, title, citation and facets."""

    __slots__ = FIELDS

    def __init__(
        self,
        id: str,
        kind: str,
        title: str,
        document: str,
        section: str,
        parent: str | None = None,
        number: str = "",
        actor: str | None = None,
        actors: tuple[str, ...] = (),
        countries: tuple[str, ...] = (),
        sectors: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
        aliases: tuple[str, ...] = (),
        file: str = "",
    ) -> None:
        self.id = id
        self.kind = kind
        self.title = title
        # Many entries share these strings: interning keeps one copy of each.
        self.document = sys.intern(document)
        self.section = sys.intern(section)
        self.parent = parent
        self.number = number
        self.actor = actor
        self.actors = actors
        self.countries = countries
        self.sectors = sectors
        self.related = related
        self.aliases = aliases
        self.file = sys.intern(file)

    @classmethod
    def of(cls, item: Item, file: str = "") -> Entry:
        return cls(
            item.id,
            item.kind,
            item.title,
            item.source.document,
            item.source.section,
            parent_of(item),
            item.number if isinstance(item, Recommendation) else "",
            actor_of(item),
            tuple(item.actors),
            tuple(item.countries),
            tuple(item.sectors),
            tuple(item.related),
            tuple(item.aliases),
            file,
        )

    def row(self) -> list[Any]:
        """A JSON-able form, read back by ``from_row``."""
        return [getattr(self, name) for name in FIELDS]

    @classmethod
    def from_row(cls, row: list[Any]) -> Entry:
        (id_, kind, title, document, section, parent, number, actor) = row[:8]
        actors, countries, sectors, related, aliases, file = row[8:]
        return cls(
            id_,
            kind,
            title,
            document,
            section,
            parent,
            number,
            actor,
            tuple(actors),
            tuple(countries),
            tuple(sectors),
            tuple(related),
            tuple(aliases),
            file,
        )

    def __repr__(self) -> str:
        return f"Entry({self.id!r}, {self.kind!r})"
