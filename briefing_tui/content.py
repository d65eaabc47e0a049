"""Find, load and validate content packs into a Library (lookups and cross-references).

Loading never raises a traceback at the user: every problem becomes a ``Problem``
naming the file, the item and the field, collected into one ``ContentError``.
"""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from briefing_tui.entry import Entry
from briefing_tui.models import ITEM_KINDS, ComparisonCell, ContentFile, Item, Section, SourceDocument, Theme

if TYPE_CHECKING:
    from briefing_tui.store import ItemStore

CONTENT_ENV = "BRIEFING_TUI_CONTENT"
"""Environment variable naming content folders (separated by the OS path separator)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content pack."""

    file: str
    message: str
    item: str = ""
    field: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        parts = [where]
        if self.item:
            parts.append(f"item {self.item!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ": ".join(parts) + f": {self.message}"


class ContentError(Exception):
    """Raised when a content pack has problems; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class Briefing(BaseModel):
    """The structured content of one source document: its sections in order."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    source: SourceDocument
    sections: list[Section]
    file: str = ""

    @property
    def id(self) -> str:
        return self.source.id


class LibraryData(BaseModel):
    """Everything loaded from the packs, in a form that can be cached as JSON."""

    model_config = ConfigDict(defer_build=True)

    briefings: list[Briefing] = []
    items: list[Item] = []
    themes: list[Theme] = []
    item_files: dict[str, str] = {}
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

    def iter_items(self) -> Iterator[Item]:
        """Every full item in library order, without keeping them all (a store streams them)."""
        if self.store is None:
            return iter(self.data.items)
        return self.store.iter_items()

    def resolve(self, target: str) -> tuple[str, object] | None:
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


def bundled_content_dir() -> Path:
    """The content shipped with the package (in a wheel) or beside it (in a checkout)."""
    packaged = resources.files("briefing_tui") / "_content"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "content"


def content_dirs(explicit: Sequence[str | Path] | None = None) -> list[Path]:
    """The folders to load: --content arguments, else $BRIEFING_TUI_CONTENT, else bundled."""
    if explicit:
        return [Path(folder) for folder in explicit]
    from_env = os.environ.get(CONTENT_ENV, "").strip()
    if from_env:
        return [Path(folder) for folder in from_env.split(os.pathsep) if folder]
    return [bundled_content_dir()]


def content_files(folders: Iterable[Path]) -> list[Path]:
    """Every TOML file of the folders, in a stable order."""
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        else:
            files.extend(sorted(folder.rglob("*.toml")))
    return files


def _describe(folder: Path, path: Path) -> str:
    try:
        return str(path.relative_to(folder.parent))
    except ValueError:
        return str(path)


def _validation_problems(name: str, raw: dict, error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into problems naming the item and the field."""
    problems = []
    for detail in error.errors():
        loc = list(detail["loc"])
        item = ""
        if len(loc) >= 2 and loc[0] in ("items", "sections", "themes") and isinstance(loc[1], int):
            entries = raw.get(loc[0])
            entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            label = loc[0][:-1]
            item = str(ident) if ident else f"{label} #{loc[1] + 1}"
            loc = loc[2:]
            # Drop the discriminator tag pydantic inserts ("figure", "case-study").
            if loc and isinstance(loc[0], str) and isinstance(entry, dict) and loc[0] == entry.get("kind"):
                loc = loc[1:]
        elif loc and loc[0] == "source":
            source = raw.get("source")
            item = str(source.get("id", "source")) if isinstance(source, dict) else "source"
            loc = loc[1:]
        field_name = ".".join(str(part) for part in loc)
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] == "extra_forbidden":
            message = "unknown field (not in the schema)"
        problems.append(Problem(file=name, item=item, field=field_name, message=message))
    return problems


def _parse_toml(text: str, *, strict: bool) -> dict:
    """TOML to a dict: with rtoml (Rust) unless ``strict``, else the standard library's tomllib.

    rtoml parses ~8x faster (2.3 s -> 0.3 s for 10,000 items) but also accepts some TOML 1.1
    syntax (trailing commas in inline tables, "\\e"); whenever it refuses a file, tomllib
    parses it again, so every error message is tomllib's. ``validate`` is strict TOML 1.0.
    """
    if strict:
        return tomllib.loads(text)
    try:
        import rtoml
    except ImportError:
        return tomllib.loads(text)
    try:
        return rtoml.loads(text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # rtoml's own errors and pyo3 panics (not Exceptions): let tomllib judge
        return tomllib.loads(text)


def parse_file(path: Path, name: str, *, strict: bool = True) -> tuple[ContentFile | None, list[Problem]]:
    """Parse and validate one file: the content, or None and its problems (see ``_parse_toml``)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file=name, message=f"not UTF-8 text ({error.reason} at byte {error.start})")]
    except OSError as error:
        return None, [Problem(file=name, message=f"cannot read: {error.strerror or error}")]
    try:
        raw = _parse_toml(text, strict=strict)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line = int(found.group(1)) if found else None
        column = int(found.group(2)) if found else None
        message = str(error).split(" (at ")[0]
        return None, [Problem(file=name, message=f"invalid TOML: {message}", line=line, column=column)]
    except RecursionError:
        return None, [Problem(file=name, message="invalid TOML: nested too deeply")]
    try:
        return ContentFile.model_validate(raw), []
    except ValidationError as error:
        return None, _validation_problems(name, raw, error)
    except RecursionError:
        return None, [Problem(file=name, message="nesting too deep")]


def parse_files(files: Sequence[Path], base: Path | None = None) -> tuple[list[tuple[str, ContentFile]], list[Problem]]:
    """Parse and validate each file on its own; collect every problem."""
    parsed: list[tuple[str, ContentFile]] = []
    problems: list[Problem] = []
    for path in files:
        name = _describe(base, path) if base else str(path)
        content, found = parse_file(path, name)
        problems.extend(found)
        if content is not None:
            parsed.append((name, content))
    return parsed, problems


def check(
    parsed: Sequence[tuple[str, ContentFile]], entries: Sequence[Entry]
) -> tuple[list[Briefing], list[Theme], list[Problem]]:
    """Combine the files' sources, sections and themes, and check every cross-reference.

    Items are checked through their entries (``parsed`` files' own ``items`` are not read),
    so a large pack can be checked without holding every item in memory.
    """
    problems: list[Problem] = []
    sources: dict[str, tuple[str, SourceDocument]] = {}
    sections: dict[str, list[Section]] = {}
    section_files: dict[str, str] = {}
    orphan_sections: list[tuple[str, str, Section]] = []

    for name, content in parsed:
        if content.source is not None:
            if content.source.id in sources:
                problems.append(
                    Problem(
                        name, f"duplicate source id (also in {sources[content.source.id][0]})", content.source.id, "id"
                    )
                )
            else:
                sources[content.source.id] = (name, content.source)
        briefing_id = content.source.id if content.source else content.briefing
        if content.source and content.briefing and content.briefing != content.source.id:
            problems.append(Problem(name, "differs from [source] id", content.briefing, "briefing"))
        for section in content.sections:
            if briefing_id is None:
                problems.append(
                    Problem(name, 'sections need [source] or a top-level briefing = "id"', section.id, "briefing")
                )
                continue
            if section.id in section_files:
                problems.append(
                    Problem(name, f"duplicate section id (also in {section_files[section.id]})", section.id, "id")
                )
                continue
            section_files[section.id] = name
            orphan_sections.append((name, briefing_id, section))

    for name, briefing_id, section in orphan_sections:
        if briefing_id not in sources:
            problems.append(Problem(name, f"no source document {briefing_id!r}", section.id, "briefing"))
            continue
        sections.setdefault(briefing_id, []).append(section)
    for briefing_sections in sections.values():
        ids = {section.id for section in briefing_sections}
        for section in briefing_sections:
            if section.parent and section.parent not in ids:
                problems.append(
                    Problem(section_files[section.id], f"no section {section.parent!r}", section.id, "parent")
                )

    item_files: dict[str, str] = {}
    for entry in entries:
        if entry.id in item_files:
            problems.append(Problem(entry.file, f"duplicate item id (also in {item_files[entry.id]})", entry.id, "id"))
            continue
        item_files[entry.id] = entry.file
    all_aliases = {alias for entry in entries for alias in entry.aliases}
    known_ids = set(item_files) | all_aliases
    for alias in all_aliases & set(item_files):
        problems.append(Problem(item_files.get(alias, ""), "alias collides with an item id", alias, "aliases"))

    section_ids = {document: {section.id for section in found} for document, found in sections.items()}
    for entry in entries:
        name = entry.file
        if entry.document not in sources:
            problems.append(Problem(name, f"no source document {entry.document!r}", entry.id, "source.document"))
        elif entry.section not in section_ids.get(entry.document, set()):
            problems.append(
                Problem(
                    name, f"no section {entry.section!r} in briefing {entry.document!r}", entry.id, "source.section"
                )
            )
        for target in entry.related:
            if target not in known_ids:
                problems.append(Problem(name, f"no item {target!r}", entry.id, "related"))
        if entry.parent and entry.parent not in known_ids:
            problems.append(Problem(name, f"no item {entry.parent!r}", entry.id, "parent"))

    for item_id, name in item_files.items():
        if item_id in section_files or item_id in sources:
            problems.append(Problem(name, "id is also used by a section or briefing", item_id, "id"))
    for section_id, name in section_files.items():
        if section_id in sources:
            problems.append(Problem(name, "id is also used by a briefing", section_id, "id"))

    themes: list[Theme] = []
    theme_files: dict[str, str] = {}
    for name, content in parsed:
        for theme in content.themes:
            if theme.id in theme_files:
                problems.append(Problem(name, f"duplicate theme id (also in {theme_files[theme.id]})", theme.id, "id"))
                continue
            theme_files[theme.id] = name
            themes.append(theme)
            seen_actors: set[str] = set()
            for index, cell in enumerate(theme.cells):
                where = f"cells.{index}"
                if cell.actor in seen_actors:
                    problems.append(Problem(name, f"second cell for actor {cell.actor!r}", theme.id, f"{where}.actor"))
                seen_actors.add(cell.actor)
                for target in cell.evidence:
                    if target not in known_ids:
                        problems.append(Problem(name, f"no item {target!r}", theme.id, f"{where}.evidence"))
                for source_id in cell.sources:
                    if source_id not in sources:
                        problems.append(
                            Problem(name, f"no source document {source_id!r}", theme.id, f"{where}.sources")
                        )

    briefings = [
        Briefing(source=source, sections=sections.get(source_id, []), file=name)
        for source_id, (name, source) in sorted(sources.items(), key=lambda pair: (pair[1][1].order, pair[0]))
    ]
    return briefings, themes, problems


def assemble(parsed: Sequence[tuple[str, ContentFile]]) -> tuple[LibraryData, list[Problem]]:
    """Combine parsed files (items included) into one library and check every cross-reference."""
    items: list[Item] = []
    entries: list[Entry] = []
    for name, content in parsed:
        for item in content.items:
            items.append(item)
            entries.append(Entry.of(item, name))
    briefings, themes, problems = check(parsed, entries)
    item_files = {entry.id: entry.file for entry in entries}
    if len(item_files) != len(items):  # duplicates (already problems): keep the first of each
        seen: set[str] = set()
        items = [item for item in items if not (item.id in seen or seen.add(item.id))]
    data = LibraryData(briefings=briefings, items=items, themes=themes, item_files=item_files)
    return data, problems


def load_library(
    folders: Sequence[str | Path] | None = None,
    *,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Load and validate the content folders; raise ContentError listing every problem.

    With ``use_cache``, a pack seen before is read back from the user's cache (its lean
    entries only; items are fetched when shown), and a new one is validated file by file
    into the cache. ``progress(done, total)`` is called while the entries are read.
    """
    from briefing_tui import cache

    dirs = content_dirs(folders)
    missing = [folder for folder in dirs if not folder.exists()]
    if missing:
        raise ContentError([Problem(str(folder), "no such content folder") for folder in missing])
    files = content_files(dirs)
    if not files:
        raise ContentError([Problem(str(folder), "no .toml content files found") for folder in dirs])
    base = dirs[0] if len(dirs) == 1 else None
    key = cache.content_key(files) if use_cache else None
    if key is not None:
        library = _from_store(key, progress)
        if library is not None:
            return library
        library = _into_store(files, base, key)
        if library is not None:
            return library
    parsed, problems = parse_files(files, base)
    data, assembly_problems = assemble(parsed)
    problems.extend(assembly_problems)
    if problems:
        raise ContentError(problems)
    return Library(data, key)


def _from_store(key: str, progress: Callable[[int, int], None] | None) -> Library | None:
    """The library as the cache holds it, or None (missing, or unreadable and removed)."""
    import sqlite3

    from briefing_tui import cache

    store = cache.open_store(key)
    if store is None:
        return None
    try:
        header = store.header()
        entries = store.entries(progress)
        data = LibraryData.model_construct(
            briefings=[_trusted_briefing(raw) for raw in header["briefings"]],
            themes=[_trusted_theme(raw) for raw in header["themes"]],
        )
    except (sqlite3.Error, ValueError, KeyError, TypeError, ValidationError):
        store.close()
        with contextlib.suppress(OSError):
            store.path.unlink()
        return None
    return Library(data, key, store, entries)


# The store's header was validated before it was written (and the store is versioned), so a
# start rebuilds it without validating again: pydantic then builds no schema before the first
# screen (defer_build), which saves ~0.1 s of every start.
def _trusted_briefing(raw: dict) -> Briefing:
    return Briefing.model_construct(
        source=SourceDocument.model_construct(**raw["source"]),
        sections=[Section.model_construct(**section) for section in raw["sections"]],
        file=raw.get("file", ""),
    )


def _trusted_theme(raw: dict) -> Theme:
    cells = [ComparisonCell.model_construct(**cell) for cell in raw["cells"]]
    return Theme.model_construct(**{**raw, "cells": cells})


def _into_store(files: Sequence[Path], base: Path | None, key: str) -> Library | None:
    """Validate file by file straight into a new store, keeping only entries in memory.

    Raises ContentError for a bad pack; returns None when the cache cannot be written, and
    the caller loads into memory instead.
    """
    import sqlite3

    from briefing_tui import cache, store

    writer = store.open_writer(cache.store_path(key))
    if writer is None:
        return None
    try:
        parsed: list[tuple[str, ContentFile]] = []
        entries: list[Entry] = []
        problems: list[Problem] = []
        for path in files:
            name = _describe(base, path) if base else str(path)
            content, found = parse_file(path, name, strict=False)
            problems.extend(found)
            if content is None:
                continue
            for item in content.items:
                entry = Entry.of(item, name)
                entries.append(entry)
                if not problems:  # a bad pack is never stored: stop writing at the first problem
                    writer.add(entry, item.model_dump_json())
            parsed.append((name, content.model_copy(update={"items": []})))
        briefings, themes, more = check(parsed, entries)
        problems.extend(more)
        if problems:
            raise ContentError(problems)
        header = {
            "briefings": [briefing.model_dump(mode="json") for briefing in briefings],
            "themes": [theme.model_dump(mode="json") for theme in themes],
        }
        path = writer.finish(header)
    except (OSError, sqlite3.Error):
        writer.abandon()
        return None
    except BaseException:
        writer.abandon()
        raise
    cache.prune(path)
    return Library(LibraryData(briefings=briefings, themes=themes), key, store.ItemStore(path), entries)
