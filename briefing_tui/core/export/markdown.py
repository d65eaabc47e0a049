"""Bookmarks, items, briefings and comparisons as Markdown or JSON: pure functions returning text.

Everything that comes from content or from the user passes through ``sanitize.clean``
(no terminal escapes survive an export) and is escaped for Markdown, so a note holding
``#``, ``|``, backticks or ``<script>`` stays text. The only I/O is ``write_output``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from briefing_tui.core.citations import citation_dict, citation_text, item_details, section_label
from briefing_tui.core.compare import SILENT_TEXT, cell_for, cell_sources, contrast_point, parse_cell_id, theme_actors
from briefing_tui.core.content import Library
from briefing_tui.core.models import ComparisonCell, Section, SourceDocument, Theme
from briefing_tui.core.storage.bookmarks import Bookmark, resolves, utc_now
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, COUNTRIES, KIND_PLURALS, KINDS, SECTORS, label

GroupBy = Literal["briefing", "kind"]
KIND_LABELS = {"section": "Section", "briefing": "Briefing", "cell": "Comparison cell"}

# -- Markdown escaping -----------------------------------------------------------------

_INLINE = re.compile(r"([\\`*\[\]<>#|~$])")  # "$" starts math on GitHub
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # intraword "_" is not emphasis
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LIST_MARK = re.compile(r"^([-+=])")
_NUMBERED = re.compile(r"^(\d+)([.)])")


def md_line(text: str, *, block: bool = True) -> str:
    """One line of content as Markdown text that renders literally.

    ``block=False`` for text inside a heading, where a leading "4." or "-" starts no list: escaping
    it there would only show a backslash to whoever pastes the memo.
    """
    line = clean_line(text)
    line = _INLINE.sub(r"\\\1", line)
    line = _UNDERSCORE.sub(r"\\_", line)
    line = _ENTITY.sub(r"\\&", line)
    if not block:
        return line
    line = _LIST_MARK.sub(r"\\\1", line)
    return _NUMBERED.sub(r"\1\\\2", line)


def md_text(text: str) -> list[str]:
    """Multi-line content as escaped Markdown lines (blank lines kept, indentation dropped)."""
    return [md_line(line) for line in clean(text).strip().split("\n")]


def md_body(text: str) -> str:
    """An item's Markdown body: its formatting kept, raw HTML and terminal escapes neutralized."""
    return clean(text).strip().replace("<", "&lt;")


def md_quote(text: str) -> list[str]:
    """A blockquote of multi-line text."""
    return [f"> {line}" if line else ">" for line in md_text(text)]


def md_code(text: str) -> str:
    """An id as a code span (ids are slugs; anything else falls back to escaped text)."""
    return f"`{text}`" if re.fullmatch(r"[A-Za-z0-9._:-]+", text) else md_line(text)


def heading(level: int, text: str) -> str:
    return "#" * min(level, 6) + " " + md_line(text, block=False)


def _join(blocks: list[list[str]]) -> str:
    """Blocks of lines separated by one blank line; the text ends with one newline."""
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


# -- citations -------------------------------------------------------------------------


def source_citation(source: SourceDocument, section: Section | None = None) -> str:
    """A citation of a document (and section) in the form of ``render.citation_text``."""
    who = source.publisher + (f" ({', '.join(source.authors)})" if source.authors else "")
    text = f"{source.title}. {who}, {source.date}."
    if section is not None:
        text += f" Section: {section_label(section)}."
    return clean_line(text)


def _source_lines(sources: Sequence[SourceDocument]) -> str:
    return "; ".join(f"{source.title} ({source.id}), {source.perspective}" for source in sources)


def _evidence_lines(library: Library, evidence: Sequence[str]) -> str:
    parts = []
    for item_id in evidence:
        item = library.item(item_id)
        parts.append(f"{item_id} ({item.title})" if item else f"{item_id} (not in the loaded content)")
    return "; ".join(parts)


# -- blocks shared by the exports ------------------------------------------------------


def _details_block(item) -> list[str]:
    """``render.item_details`` as a bullet list."""
    lines = []
    for line in item_details(item).split("\n"):
        if line.strip().startswith("•"):
            lines.append("- Proposal: " + md_line(line.strip().lstrip("•")))
        elif line.strip():
            lines.append("- " + md_line(line))
    return lines


def _tags_block(item) -> list[str]:
    fields = [
        ("Actors", [label(ACTORS, actor) for actor in item.actors]),
        ("Countries", [label(COUNTRIES, country) for country in item.countries]),
        ("Sectors", [label(SECTORS, sector) for sector in item.sectors]),
    ]
    return [f"- {name}: {md_line(', '.join(values))}" for name, values in fields if values]


def _cell_blocks(library: Library, cell: ComparisonCell | None) -> list[list[str]]:
    if cell is None:
        return [[f"*{SILENT_TEXT}*"]]
    facts = []
    if cell.silent:
        facts.append("- The documents are silent here.")
    if cell.instruments:
        facts.append("- Instruments: " + md_line(", ".join(cell.instruments)))
    if cell.evidence:
        facts.append("- Evidence: " + md_line(_evidence_lines(library, cell.evidence)))
    sources = cell_sources(library, cell)
    if sources:
        facts.append("- Sources (perspective): " + md_line(_source_lines(sources)))
    if cell.contrast:
        facts.append("- In contrast to the others: " + md_line(cell.contrast))
    return [md_text(cell.stance), facts]


# -- bookmarks -------------------------------------------------------------------------


def _user_blocks(bookmark: Bookmark) -> list[list[str]]:
    blocks = []
    if bookmark.note.strip():
        blocks.append(["**Note:**"])
        blocks.append(md_quote(bookmark.note))
    if bookmark.tags:
        blocks.append(["**Tags:** " + md_line(", ".join(bookmark.tags))])
    return blocks


def _entry(library: Library, bookmark: Bookmark, level: int) -> list[list[str]]:
    """One bookmark: title, kind and id, summary, details, the user's note and tags, citation."""
    target = bookmark.target
    if not resolves(library, bookmark):
        kind = KIND_LABELS.get(bookmark.target_kind, "Item")
        return [[heading(level, target)], [f"{kind} · not in the loaded content"], *_user_blocks(bookmark)]
    if bookmark.target_kind == "item":
        item = library.known_item(target)
        body = [md_text(item.summary), _details_block(item)]
        title, kind, cite = item.title, KINDS[item.kind], citation_text(library, item)
        url = citation_dict(library, item)["url"]
    elif bookmark.target_kind == "section":
        briefing_id, section = library.sections[target]
        source = library.briefings[briefing_id].source
        body = [md_text(section.summary)]
        title, kind, cite, url = section_label(section), "Section", source_citation(source, section), source.url
    elif bookmark.target_kind == "briefing":
        source = library.briefings[target].source
        body = [md_text(source.summary), ["- Perspective: " + md_line(source.perspective)]]
        title, kind, cite, url = source.title, "Briefing", source_citation(source), source.url
    else:
        theme_id, actor = parse_cell_id(target) or ("", "")
        theme = library.themes[theme_id]
        body = _cell_blocks(library, cell_for(theme, actor))
        title, kind, cite, url = f"{theme.title}: {label(ACTORS, actor)}", "Comparison cell", "", ""
    source_line = ["**Source:** " + md_line(cite + (f" {url}" if url else ""))] if cite else []
    return [
        [heading(level, title)],
        [f"{kind} · {md_code(target)}"],
        *body,
        *_user_blocks(bookmark),
        source_line,
    ]


def _group_key(library: Library, bookmark: Bookmark, group_by: GroupBy) -> tuple[str, str]:
    """(key, heading) of the group a bookmark belongs to."""
    if not resolves(library, bookmark):
        return "~missing", "Missing items"
    kind = bookmark.target_kind
    if group_by == "kind":
        if kind == "item":
            item_kind = library.known_item(bookmark.target).kind
            return item_kind, KIND_PLURALS[item_kind]
        return kind, {"section": "Sections", "briefing": "Briefings", "cell": "Comparison cells"}[kind]
    if kind == "cell":
        return "~compare", "Comparison"
    if kind == "item":
        briefing_id = library.known_item(bookmark.target).source.document
    elif kind == "section":
        briefing_id = library.sections[bookmark.target][0]
    else:
        briefing_id = bookmark.target
    briefing = library.briefings.get(briefing_id)
    return briefing_id, briefing.source.title if briefing else briefing_id


def _group_order(key: str, group_by: GroupBy) -> int:
    """Briefings (first bookmarked first) or kinds (in display order), then comparison, then missing."""
    order = ["briefing", "section", *KINDS, "cell"] if group_by == "kind" else []
    if key == "~missing":
        return len(order) + 2
    if key == "~compare":
        return len(order) + 1
    return order.index(key) if key in order else 0


def bookmarks_markdown(
    library: Library,
    bookmarks: Sequence[Bookmark],
    group_by: GroupBy = "briefing",
    title: str = "Bookmarks",
    *,
    now: datetime | None = None,
) -> str:
    """A memo of the bookmarks with the user's notes and full citations, grouped by briefing or kind."""
    if group_by not in ("briefing", "kind"):
        raise ValueError(f"group_by must be 'briefing' or 'kind', not {group_by!r}")
    moment = (now or utc_now()).strftime("%Y-%m-%d %H:%M UTC")
    count = f"{len(bookmarks)} bookmark" + ("" if len(bookmarks) == 1 else "s")
    blocks = [[heading(1, title)], [f"Generated {moment} by briefing-tui · {count}, grouped by {group_by}."]]
    if not bookmarks:
        blocks.append(["No bookmarks yet."])
    groups: dict[str, tuple[str, list[Bookmark]]] = {}
    for bookmark in sorted(bookmarks, key=lambda bookmark: bookmark.position):
        key, name = _group_key(library, bookmark, group_by)
        groups.setdefault(key, (name, []))[1].append(bookmark)
    for key in sorted(groups, key=lambda key: _group_order(key, group_by)):
        name, members = groups[key]
        blocks.append([heading(2, name)])
        if key == "~missing":
            blocks.append(["These bookmarks point at content that is not loaded now; their notes are kept."])
        for bookmark in members:
            blocks.extend(_entry(library, bookmark, 3))
    return _join(blocks)


# -- items, briefings, comparisons -----------------------------------------------------


def _item_blocks(library: Library, item, level: int, *, cite: bool) -> list[list[str]]:
    blocks = [[heading(level, f"{KINDS[item.kind]}: {item.title}")], [f"Id: {md_code(item.id)}"]]
    blocks += [md_text(item.summary), _details_block(item) + _tags_block(item)]
    if item.body:
        blocks.append([md_body(item.body)])
    if item.quote:
        blocks.append(md_quote(f"“{item.quote.text}” — {item.quote.attribution}"))
    if item.notes:
        blocks.append(["Source notes:", *("- " + md_line(note) for note in item.notes)])
    if cite:
        related = library.related(item.id)
        if related:
            blocks.append(["Related:", *(f"- {md_code(other.id)}: {md_line(other.title)}" for other in related)])
        url = citation_dict(library, item)["url"]
        blocks.append(["**Source:** " + md_line(citation_text(library, item) + (f" {url}" if url else ""))])
    elif item.source.page:
        blocks.append(["Page: " + md_line(item.source.page)])
    return blocks


def item_markdown(library: Library, item) -> str:
    """One item with its details, related items and full citation."""
    return _join(_item_blocks(library, item, 1, cite=True))


def briefing_markdown(library: Library, briefing_id: str) -> str:
    """A briefing: source metadata, then every section in order with its summary and its items."""
    briefing = library.briefings.get(briefing_id)
    if briefing is None:
        raise ValueError(f"no briefing {briefing_id!r}")
    source = briefing.source
    facts = [
        ("Publisher", source.publisher),
        ("Authors", ", ".join(source.authors)),
        ("Date", source.date),
        ("Kind", source.kind),
        ("Perspective", source.perspective),
        ("URL", source.url),
    ]
    blocks = [[heading(1, source.title)], [f"Id: {md_code(source.id)}"]]
    blocks.append([f"- {name}: {md_line(value)}" for name, value in facts if value])
    blocks.append(md_text(source.summary))
    if source.notes:
        blocks.append(["**About this document:**"])
        blocks.append(md_quote(source.notes))
    parents = {section.id: section.parent for section in briefing.sections}
    for section in briefing.sections:
        depth, parent = 0, section.parent
        while parent and depth < 4:
            depth, parent = depth + 1, parents.get(parent)
        blocks.append([heading(2 + depth, section_label(section))])
        blocks.append(md_text(section.summary))
        for item_id in library.section_items.get(section.id, []):
            blocks.extend(_item_blocks(library, library.items[item_id], 3 + depth, cite=False))
    return _join(blocks)


def _table_cell(text: str) -> str:
    return md_line(text) or " "


def comparison_markdown(library: Library, themes: Sequence[Theme] | None = None) -> str:
    """Per theme: a table of each actor in short, then each actor's stance, instruments, evidence, sources."""
    themes = list(library.themes.values()) if themes is None else list(themes)
    actors = theme_actors(library)
    names = [label(ACTORS, actor) for actor in actors]
    blocks = [[heading(1, "Comparison: " + ", ".join(names))]]
    blocks.append(["How the documents characterize each actor, theme by theme, with evidence and sources."])
    for theme in themes:
        blocks.append([heading(2, theme.title)])
        if theme.summary:
            blocks.append(md_text(theme.summary))
        rows = ["| Actor | In short | Instruments |", "| --- | --- | --- |"]
        for actor, name in zip(actors, names, strict=True):
            cell = cell_for(theme, actor)
            short = SILENT_TEXT if cell is None or cell.silent else contrast_point(cell)
            instruments = ", ".join(cell.instruments) if cell else ""
            rows.append(f"| {_table_cell(name)} | {_table_cell(short)} | {_table_cell(instruments)} |")
        blocks.append(rows)
        for actor, name in zip(actors, names, strict=True):
            blocks.append([heading(3, name)])
            blocks.extend(_cell_blocks(library, cell_for(theme, actor)))
    return _join(blocks)
