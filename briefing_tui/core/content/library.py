"""The loaded content: briefings, sections, items and comparison themes, with lookups and filters."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from briefing_tui.core.content.entry import Entry
from briefing_tui.core.models import ITEM_KINDS, Item, Section, SourceDocument, Theme

if TYPE_CHECKING:
    from briefing_tui.core.content.store import ItemStore


@dataclass(frozen=True, kw_only=True)
class Briefing:
    """The structured content of one source document: its sections in order."""

    source: SourceDocument
    sections: list[Section]
    file: str = ""

    @property
    def id(self) -> str:
        return self.source.id


Resolved = tuple[Literal["item"], Item] | tuple[Literal["section"], Section] | tuple[Literal["briefing"], Briefing]
"""What a target id names, as ``Library.resolve`` finds it: the kind, and the object."""


@dataclass(frozen=True, kw_only=True)
class LibraryData:
    """Everything loaded from the packs (the items only when no store holds them)."""

    briefings: list[Briefing] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    item_files: dict[str, str] = field(default_factory=dict)
    """Item id -> file it came from (relative), for messages and `show`."""


class ItemMap(Mapping[str, Item]):
    """Items by id; each is fetched when asked for (from memory, or from the store)."""

    def __init__(self, positions: dict[str, int], fetch: Callable[[int], Item]) -> None:
        self._positions = positions
        self._fetch = fetch

    def __getitem__(self, item_id: str) -> Item:
        return self._fetch(self._positions[item_id])

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._positions

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)


@dataclass
class Library:
    """The loaded content with lookups by id; the one object the CLI and app share.

    Items live either in ``data.items`` (validated in this process) or in a ``store`` (a
    large pack read back from the cache); either way ``entries`` holds the lean record
    of every item and ``items`` fetches a full item by id.
    """

    data: LibraryData
    key: str | None = None
    """Hash of the content files it was loaded from (names the cached search index)."""
    store: ItemStore | None = None
    entries: list[Entry] = field(default_factory=list)
    """One lean record per item, in library order (made from ``data.items`` without a store)."""
    briefings: dict[str, Briefing] = field(init=False)
    sections: dict[str, tuple[str, Section]] = field(init=False)
    """Section id -> (briefing id, section)."""
    items: ItemMap = field(init=False)
    positions: dict[str, int] = field(init=False)
    """Item id -> position in ``entries`` (and in the store)."""
    aliases: dict[str, str] = field(init=False)
    themes: dict[str, Theme] = field(init=False)
    section_items: dict[str, list[str]] = field(init=False)
    children: dict[str, list[str]] = field(init=False)
    backlinks: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        if self.store is None:
            files = self.data.item_files
            self.entries = [Entry.of(item, files.get(item.id, "")) for item in self.data.items]
            fetch: Callable[[int], Item] = self.data.items.__getitem__
        else:
            fetch = self.store.get
        self.positions = {entry.id: position for position, entry in enumerate(self.entries)}
        self.items = ItemMap(self.positions, fetch)
        self.briefings = {briefing.id: briefing for briefing in self.data.briefings}
        self.sections = {
            section.id: (briefing.id, section) for briefing in self.data.briefings for section in briefing.sections
        }
        self.aliases = {alias: entry.id for entry in self.entries for alias in entry.aliases}
        self.themes = {theme.id: theme for theme in self.data.themes}
        self.section_items = {section_id: [] for section_id in self.sections}
        self.children = {}
        self.backlinks = {}
        for entry in self.entries:
            self.section_items.setdefault(entry.section, []).append(entry.id)
            if entry.parent:
                self.children.setdefault(entry.parent, []).append(entry.id)
            for target in entry.related:
                self.backlinks.setdefault(target, []).append(entry.id)
        # Within a section, show recommendations first, then obstacles, ... (kind order),
        # keeping file order inside a kind: packs often keep one kind per file.
        rank = {kind: position for position, kind in enumerate(ITEM_KINDS)}
        entries, positions = self.entries, self.positions
        for ids in self.section_items.values():
            ids.sort(key=lambda item_id: rank[entries[positions[item_id]].kind])

    @property
    def sources(self) -> list[SourceDocument]:
        return [briefing.source for briefing in self.data.briefings]

    def entry(self, item_id: str) -> Entry | None:
        """The lean record of an item (or a former id of it), or None."""
        position = self.positions.get(item_id)
        if position is None:
            position = self.positions.get(self.aliases.get(item_id, ""))
        return None if position is None else self.entries[position]

    def item(self, item_id: str) -> Item | None:
        """The item with this id (or a former id of it), or None."""
        entry = self.entry(item_id)
        return None if entry is None else self.items[entry.id]

    def known_item(self, item_id: str) -> Item:
        """The item with this id (or a former id of it), for a caller that knows it exists; else KeyError."""
        item = self.item(item_id)
        if item is None:
            raise KeyError(item_id)
        return item

    def iter_items(self) -> Iterator[Item]:
        """Every full item in library order, without keeping them all (a store streams them)."""
        if self.store is None:
            return iter(self.data.items)
        return self.store.iter_items()

    def iter_item_fields(self) -> Iterator[Mapping[str, Any]]:
        """Every item's fields in library order, for reading text in bulk (the search index).

        Items validated in this process give their field dicts (nested values stay models); a
        store gives the stored JSON's dicts, without validating them again.
        """
        if self.store is None:
            return (vars(item) for item in self.data.items)
        return self.store.iter_fields()

    def resolve(self, target: str) -> Resolved | None:
        """What a target id names: ("item", Item), ("section", Section), ("briefing", Briefing)."""
        item = self.item(target)
        if item is not None:
            return "item", item
        if target in self.sections:
            return "section", self.sections[target][1]
        if target in self.briefings:
            return "briefing", self.briefings[target]
        return None

    def briefing_of(self, target: str) -> str | None:
        """The briefing a target belongs to: itself, its section's, or its item's document."""
        entry = self.entry(target)
        if entry is not None:
            return entry.document
        if target in self.sections:
            return self.briefing_of_section(target)
        return target if target in self.briefings else None

    def briefing_of_section(self, section_id: str) -> str | None:
        found = self.sections.get(section_id)
        return found[0] if found else None

    def title_of(self, target: str) -> str:
        """A human title for any target id (falls back to the id)."""
        entry = self.entry(target)
        if entry is not None:
            return entry.title
        if target in self.sections:
            return self.sections[target][1].title
        if target in self.briefings:
            return self.briefings[target].source.title
        return target

    def related(self, item_id: str) -> list[Item]:
        """Items linked from or to this one, without duplicates, in a stable order."""
        entry = self.entry(item_id)
        if entry is None:
            return []
        ids = list(entry.related) + self.backlinks.get(entry.id, []) + self.children.get(entry.id, [])
        if entry.parent:
            ids.insert(0, entry.parent)
        seen: dict[str, Item] = {}
        for other_id in ids:
            other = self.entry(other_id)
            if other is not None and other.id != entry.id and other.id not in seen:
                seen[other.id] = self.items[other.id]
        return list(seen.values())

    def section_of(self, item: Item) -> Section | None:
        found = self.sections.get(item.source.section)
        return found[1] if found else None

    def entries_of(self, item_ids: Iterable[str]) -> list[Entry]:
        """The records of these item ids (current ids, as ``section_items`` holds them), in order."""
        entries, positions = self.entries, self.positions
        return [entries[positions[item_id]] for item_id in item_ids]

    def entries_in(self, briefing_id: str) -> list[Entry]:
        """A briefing's item records in document order (section order, then file order)."""
        briefing = self.briefings.get(briefing_id)
        if briefing is None:
            return []
        return self.entries_of(
            item_id for section in briefing.sections for item_id in self.section_items.get(section.id, [])
        )

    def items_in(self, briefing_id: str) -> list[Item]:
        """A briefing's items in document order (section order, then file order)."""
        return [self.items[entry.id] for entry in self.entries_in(briefing_id)]

    def filter_entries(
        self,
        *,
        kind: str | None = None,
        briefing: str | None = None,
        actor: str | None = None,
        country: str | None = None,
        sector: str | None = None,
    ) -> list[Entry]:
        """Item records matching every given filter, in library order."""
        return [
            entry
            for entry in self.entries
            if (kind is None or entry.kind == kind)
            and (briefing is None or entry.document == briefing)
            and (actor is None or actor in entry.actors or entry.actor == actor)
            and (country is None or country in entry.countries)
            and (sector is None or sector in entry.sectors)
        ]

    def filter(self, **filters: str | None) -> list[Item]:
        """Items matching every given filter (see ``filter_entries``), in library order."""
        return [self.items[entry.id] for entry in self.filter_entries(**filters)]
