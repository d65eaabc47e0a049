"""Find, load and validate content packs into a Library (lookups and cross-references).

Loading never raises a traceback at the user: every problem becomes a ``Problem``
naming the file, the item and the field, collected into one ``ContentError``.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from briefing_tui.models import ITEM_KINDS, ContentFile, Item, Section, SourceDocument, Theme, actor_of, parent_of

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

    model_config = ConfigDict(frozen=True)

    source: SourceDocument
    sections: list[Section]
    file: str = ""

    @property
    def id(self) -> str:
        return self.source.id


class LibraryData(BaseModel):
    """Everything loaded from the packs, in a form that can be cached as JSON."""

    briefings: list[Briefing] = []
    items: list[Item] = []
    themes: list[Theme] = []
    item_files: dict[str, str] = {}
    """Item id -> file it came from (relative), for messages and `show`."""


@dataclass
class Library:
    """The loaded content with lookups by id; the one object the CLI and app share."""

    data: LibraryData
    key: str | None = None
    """Hash of the content files it was loaded from (names the cached search index)."""
    briefings: dict[str, Briefing] = field(init=False)
    sections: dict[str, tuple[str, Section]] = field(init=False)
    """Section id -> (briefing id, section)."""
    items: dict[str, Item] = field(init=False)
    aliases: dict[str, str] = field(init=False)
    themes: dict[str, Theme] = field(init=False)
    section_items: dict[str, list[str]] = field(init=False)
    children: dict[str, list[str]] = field(init=False)
    backlinks: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.briefings = {briefing.id: briefing for briefing in self.data.briefings}
        self.sections = {
            section.id: (briefing.id, section) for briefing in self.data.briefings for section in briefing.sections
        }
        self.items = {item.id: item for item in self.data.items}
        self.aliases = {alias: item.id for item in self.data.items for alias in item.aliases}
        self.themes = {theme.id: theme for theme in self.data.themes}
        self.section_items = {section_id: [] for section_id in self.sections}
        self.children = {}
        self.backlinks = {}
        for item in self.data.items:
            self.section_items.setdefault(item.source.section, []).append(item.id)
            parent = parent_of(item)
            if parent:
                self.children.setdefault(parent, []).append(item.id)
            for target in item.related:
                self.backlinks.setdefault(target, []).append(item.id)
        # Within a section, show recommendations first, then obstacles, ... (kind order),
        # keeping file order inside a kind: packs often keep one kind per file.
        rank = {kind: position for position, kind in enumerate(ITEM_KINDS)}
        for ids in self.section_items.values():
            ids.sort(key=lambda item_id: rank[self.items[item_id].kind])

    @property
    def sources(self) -> list[SourceDocument]:
        return [briefing.source for briefing in self.data.briefings]

    def item(self, item_id: str) -> Item | None:
        """The item with this id (or a former id of it), or None."""
        return self.items.get(item_id) or self.items.get(self.aliases.get(item_id, ""))

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
        resolved = self.resolve(target)
        if resolved is None:
            return None
        kind, obj = resolved
        if kind == "briefing":
            return target
        if kind == "section":
            return self.briefing_of_section(target)
        return obj.source.document  # type: ignore[attr-defined]

    def briefing_of_section(self, section_id: str) -> str | None:
        found = self.sections.get(section_id)
        return found[0] if found else None

    def title_of(self, target: str) -> str:
        """A human title for any target id (falls back to the id)."""
        resolved = self.resolve(target)
        if resolved is None:
            return target
        kind, obj = resolved
        if kind == "briefing":
            return obj.source.title  # type: ignore[attr-defined]
        return obj.title  # type: ignore[attr-defined]

    def related(self, item_id: str) -> list[Item]:
        """Items linked from or to this one, without duplicates, in a stable order."""
        item = self.item(item_id)
        if item is None:
            return []
        ids = list(item.related) + self.backlinks.get(item.id, []) + self.children.get(item.id, [])
        parent = parent_of(item)
        if parent:
            ids.insert(0, parent)
        seen: dict[str, Item] = {}
        for other_id in ids:
            other = self.item(other_id)
            if other is not None and other.id != item.id and other.id not in seen:
                seen[other.id] = other
        return list(seen.values())

    def section_of(self, item: Item) -> Section | None:
        found = self.sections.get(item.source.section)
        return found[1] if found else None

    def items_in(self, briefing_id: str) -> list[Item]:
        """A briefing's items in document order (section order, then file order)."""
        briefing = self.briefings.get(briefing_id)
        if briefing is None:
            return []
        return [
            self.items[item_id] for section in briefing.sections for item_id in self.section_items.get(section.id, [])
        ]

    def filter(
        self,
        *,
        kind: str | None = None,
        briefing: str | None = None,
        actor: str | None = None,
        country: str | None = None,
        sector: str | None = None,
    ) -> list[Item]:
        """Items matching every given filter, in library order."""
        return [
            item
            for item in self.data.items
            if (kind is None or item.kind == kind)
            and (briefing is None or item.source.document == briefing)
            and (actor is None or actor in item.actors or actor_of(item) == actor)
            and (country is None or country in item.countries)
            and (sector is None or sector in item.sectors)
        ]


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


def parse_files(files: Sequence[Path], base: Path | None = None) -> tuple[list[tuple[str, ContentFile]], list[Problem]]:
    """Parse and validate each file on its own; collect every problem."""
    parsed: list[tuple[str, ContentFile]] = []
    problems: list[Problem] = []
    for path in files:
        name = _describe(base, path) if base else str(path)
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(file=name, message=f"not UTF-8 text ({error.reason} at byte {error.start})"))
            continue
        except OSError as error:
            problems.append(Problem(file=name, message=f"cannot read: {error.strerror or error}"))
            continue
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
            line = int(found.group(1)) if found else None
            column = int(found.group(2)) if found else None
            message = str(error).split(" (at ")[0]
            problems.append(Problem(file=name, message=f"invalid TOML: {message}", line=line, column=column))
            continue
        except RecursionError:
            problems.append(Problem(file=name, message="invalid TOML: nested too deeply"))
            continue
        try:
            parsed.append((name, ContentFile.model_validate(raw)))
        except ValidationError as error:
            problems.extend(_validation_problems(name, raw, error))
        except RecursionError:
            problems.append(Problem(file=name, message="nesting too deep"))
    return parsed, problems


def assemble(parsed: Sequence[tuple[str, ContentFile]]) -> tuple[LibraryData, list[Problem]]:
    """Combine parsed files into one library and check every cross-reference."""
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

    items: list[Item] = []
    item_files: dict[str, str] = {}
    for name, content in parsed:
        for item in content.items:
            if item.id in item_files:
                problems.append(Problem(name, f"duplicate item id (also in {item_files[item.id]})", item.id, "id"))
                continue
            item_files[item.id] = name
            items.append(item)
    known_ids = set(item_files) | {alias for item in items for alias in item.aliases}
    for alias in {alias for item in items for alias in item.aliases} & set(item_files):
        problems.append(Problem(item_files.get(alias, ""), "alias collides with an item id", alias, "aliases"))

    for item in items:
        name = item_files[item.id]
        document = item.source.document
        if document not in sources:
            problems.append(Problem(name, f"no source document {document!r}", item.id, "source.document"))
        elif item.source.section not in {section.id for section in sections.get(document, [])}:
            problems.append(
                Problem(name, f"no section {item.source.section!r} in briefing {document!r}", item.id, "source.section")
            )
        for target in item.related:
            if target not in known_ids:
                problems.append(Problem(name, f"no item {target!r}", item.id, "related"))
        parent = parent_of(item)
        if parent and parent not in known_ids:
            problems.append(Problem(name, f"no item {parent!r}", item.id, "parent"))

    for item in items:
        if item.id in section_files or item.id in sources:
            problems.append(Problem(item_files[item.id], "id is also used by a section or briefing", item.id, "id"))
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
    data = LibraryData(briefings=briefings, items=items, themes=themes, item_files=item_files)
    return data, problems


def load_library(
    folders: Sequence[str | Path] | None = None,
    *,
    use_cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Library:
    """Load and validate the content folders; raise ContentError listing every problem.

    ``progress(done, total)`` is called while a large cached pack is read.
    """
    from briefing_tui import cache

    dirs = content_dirs(folders)
    missing = [folder for folder in dirs if not folder.exists()]
    if missing:
        raise ContentError([Problem(str(folder), "no such content folder") for folder in missing])
    files = content_files(dirs)
    if not files:
        raise ContentError([Problem(str(folder), "no .toml content files found") for folder in dirs])
    key = cache.content_key(files) if use_cache else None
    if key is not None:
        cached = cache.read(key, progress)
        if cached is not None:
            return Library(cached, key)
    base = dirs[0] if len(dirs) == 1 else None
    parsed, problems = parse_files(files, base)
    data, assembly_problems = assemble(parsed)
    problems.extend(assembly_problems)
    if problems:
        raise ContentError(problems)
    if key is not None:
        cache.write(key, data)
    return Library(data, key)
