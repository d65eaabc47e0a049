"""Cross-reference checks over a parsed pack: ids unique, references resolve, vocabulary known."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing_tui.core.content.entry import Entry
from briefing_tui.core.models import ContentFile, Section, SourceDocument, Theme

if TYPE_CHECKING:
    pass

from briefing_tui.core.content.errors import Problem
from briefing_tui.core.content.library import Briefing


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
