"""Bookmarks, items, briefings and comparisons as Markdown or JSON: pure functions returning text.

Everything that comes from content or from the user passes through ``sanitize.clean``
(no terminal escapes survive an export) and is escaped for Markdown, so a note holding
``#``, ``|``, backticks or ``<script>`` stays text. The only I/O is ``write_output``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from briefing_tui.core.citations import citation_dict, citation_text, section_label, source_citation
from briefing_tui.core.compare import SILENT_TEXT, cell_for, contrast_point, theme_actors
from briefing_tui.core.content import Library
from briefing_tui.core.export.memo import (
    GroupBy,
    Memo,
    MemoEntry,
    build_memo,
    cell_facts,
    item_facts,
    note_blocks,
)
from briefing_tui.core.models import ComparisonCell, Theme
from briefing_tui.core.storage.bookmarks import Bookmark
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, COUNTRIES, KINDS, SECTORS, label

__all__ = ["GroupBy", "source_citation"]

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


def md_note(text: str) -> list[str]:
    """A user's note as Markdown lines that keep its paragraphs, line breaks and lists.

    ``- ``, ``* ``, ``• `` and ``1. `` lines become list items (indented ones nest);
    every other line is escaped text, and lines of one paragraph end in a hard break.
    """
    lines: list[str] = []
    columns: list[int] = []  # where the content of each open list level starts
    previous = ""
    for block in note_blocks(text):
        if block.kind == "text":
            if lines:
                lines.append("")
            lines.extend(_hard_breaks([md_line(line) for line in block.lines]))
            columns.clear()
        else:
            if lines and (previous == "text" or block.gap_before):
                lines.append("")
            del columns[block.level :]
            indent = columns[-1] if columns else 0
            marker = "- " if block.kind == "bullet" else f"{block.number}. "
            columns.append(indent + len(marker))
            first, *rest = [md_line(line) for line in block.lines]
            item = [" " * indent + marker + first, *(" " * columns[-1] + line for line in rest)]
            lines.extend(_hard_breaks(item))
        previous = block.kind
    return lines


def _hard_breaks(lines: list[str]) -> list[str]:
    """Lines of one paragraph, each but the last ending in a backslash (a CommonMark hard line break)."""
    return [line + "\\" for line in lines[:-1]] + lines[-1:]


def md_note_quote(text: str) -> list[str]:
    """A user's note as a blockquote (its lists and paragraphs kept)."""
    return [f"> {line}" if line else ">" for line in md_note(text)]


def md_code(text: str) -> str:
    """An id as a code span (ids are slugs; anything else falls back to escaped text)."""
    return f"`{text}`" if re.fullmatch(r"[A-Za-z0-9._:-]+", text) else md_line(text)


def heading(level: int, text: str) -> str:
    return "#" * min(level, 6) + " " + md_line(text, block=False)


def _join(blocks: list[list[str]]) -> str:
    """Blocks of lines separated by one blank line; the text ends with one newline."""
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


# -- citations -------------------------------------------------------------------------


# -- blocks shared by the exports ------------------------------------------------------


def _details_block(item) -> list[str]:
    """``citations.item_details`` as a bullet list."""
    return ["- " + md_line(fact) for fact in item_facts(item)]


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
    return [md_text(cell.stance), ["- " + md_line(fact) for fact in cell_facts(library, cell)]]


# -- bookmarks -------------------------------------------------------------------------


def _user_blocks(bookmark: Bookmark, *, tags: bool = True) -> list[list[str]]:
    blocks = []
    if bookmark.note.strip():
        blocks.append(["**Note:**"])
        blocks.append(md_note_quote(bookmark.note))
    if tags and bookmark.tags:
        blocks.append(["**Tags:** " + md_line(", ".join(bookmark.tags))])
    return blocks


def _entry_blocks(entry: MemoEntry, level: int, *, compact: bool) -> list[list[str]]:
    """One bookmark: title, kind and id, summary, details, the user's note and tags, citation."""
    target = entry.bookmark.target
    source = ["**Source:** " + md_line(entry.citation)] if entry.citation else []
    title = [heading(level, entry.title)] if entry.headed else []
    if compact:
        one_line = [md_line(entry.one_line)] if entry.one_line else []
        missing = [f"{entry.kind} · not in the loaded content"] if entry.missing else []
        return [title, missing, *_user_blocks(entry.bookmark, tags=False), one_line, source]
    if entry.missing:
        return [[heading(level, target)], [f"{entry.kind} · not in the loaded content"], *_user_blocks(entry.bookmark)]
    body = [f"*{md_line(entry.body)}*"] if entry.body_is_placeholder else md_text(entry.body)
    facts = ["- " + md_line(fact) for fact in entry.facts]
    return [
        title,
        [f"{entry.kind} · {md_code(target)}"],
        body,
        facts,
        *_user_blocks(entry.bookmark),
        source,
    ]


def memo_markdown(memo: Memo) -> str:
    """A memo (see ``memo.build_memo``) as Markdown."""
    blocks = [[heading(1, memo.title)], [md_line(memo.subtitle)]]
    if memo.empty:
        blocks.append(["No bookmarks yet."])
    for group in memo.groups:
        if group.title:
            blocks.append([heading(2, group.title)])
        if group.remark:
            blocks.append([md_line(group.remark)])
        for entry in group.entries:
            blocks.extend(_entry_blocks(entry, 3 if group.title else 2, compact=memo.compact))
    return _join(blocks)


def bookmarks_markdown(
    library: Library,
    bookmarks: Sequence[Bookmark],
    group_by: GroupBy = "briefing",
    title: str = "Bookmarks",
    *,
    compact: bool = False,
    now: datetime | None = None,
) -> str:
    """A memo of the bookmarks with the user's notes and full citations, grouped by briefing or kind
    (or in the user's order); ``compact``: title, note, one-line summary and citation only."""
    return memo_markdown(build_memo(library, bookmarks, group_by, title, compact=compact, now=now))


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
