"""Listings for the terminal (Rich tables that fit its width) and for pipes (TSV with a header line).

Content is untrusted as far as the terminal goes: every string passes through ``clean`` and is
placed in ``Text`` objects, so ``[bold]`` shows literally. Below ``WIDE`` columns a table keeps
to the columns that matter, gives the title the room and puts ids on a line of their own,
cut with "…" rather than folded; at ``WIDE`` and more the other columns appear.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from briefing_tui.core.citations import snippet_parts
from briefing_tui.core.content import Library
from briefing_tui.core.search import SearchOutcome
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, KINDS, label

WIDE = 120
"""From this many columns on, tables show every column side by side."""

TSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "sources": ("id", "title", "publisher", "authors", "date", "perspective", "items"),
    "list": ("id", "kind", "title", "briefing", "section"),
    "search": ("rank", "id", "kind", "title", "briefing", "section", "score", "snippet"),
    "bookmarks": ("position", "target", "kind", "title", "tags", "note"),
    "compare": ("theme", "actor", "stance", "instruments", "sources"),
}
"""The documented TSV columns of each listing (README "Command line"): keep them stable."""


@dataclass(frozen=True)
class Listing:
    """A listing both ways: the table for a terminal and the rows for a pipe."""

    name: str
    rows: Sequence[Sequence[object]]
    table: RenderableType


def snippet_text(snippet: str) -> Text:
    """A search snippet with the matched words highlighted."""
    text = Text()
    for part, highlighted in snippet_parts(snippet):
        text.append(part, style="bold reverse" if highlighted else "")
    return text


def plain_snippet(snippet: str) -> str:
    return "".join(part for part, _ in snippet_parts(snippet))


def tsv_cell(value: object) -> str:
    """One TSV cell: no tab or line break can split a record."""
    return " ".join(clean(str(value)).split())


def write_tsv(name: str, rows: Iterable[Sequence[object]], out=None) -> None:
    out = out or sys.stdout
    out.write("\t".join(TSV_COLUMNS[name]) + "\n")
    for row in rows:
        out.write("\t".join(tsv_cell(value) for value in row) + "\n")


def _table(title: str) -> Table:
    return Table(title=title, box=box.SIMPLE_HEAD, expand=False, pad_edge=False, title_justify="left")


def _id_line(text: str, style: str = "dim") -> Text:
    """An id (or another long token) on its own line, cut with "…" rather than folded."""
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


def _kind(kind: str) -> Text:
    return Text(KINDS.get(kind, kind))


# -- sources ---------------------------------------------------------------------


def sources_listing(library: Library, width: int) -> Listing:
    table = _table("Source documents")
    wide = width >= WIDE
    table.add_column("id", no_wrap=True)
    table.add_column("title", ratio=3, min_width=30)
    if wide:
        table.add_column("publisher / authors", ratio=2)
        table.add_column("perspective", ratio=1)
        table.add_column("date", ratio=1, min_width=8)
    table.add_column("items", justify="right", no_wrap=True)
    rows = []
    for briefing in library.data.briefings:
        source = briefing.source
        who = source.publisher + (f"; {', '.join(source.authors)}" if source.authors else "")
        count = len(library.entries_in(briefing.id))
        rows.append((source.id, source.title, source.publisher, ", ".join(source.authors), source.date,
                     source.perspective, count))  # fmt: skip
        title = Text(clean_line(source.title))
        if wide:
            cells = [Text(source.id), title, Text(clean_line(who)), Text(clean_line(source.perspective))]
            table.add_row(*cells, Text(clean_line(source.date)), Text(str(count)))
        else:
            title.append(f"\n{clean_line(who)} · {clean_line(source.date)}", style="dim")
            table.add_row(Text(source.id), title, Text(str(count)))
    return Listing("sources", rows, table)


# -- items -----------------------------------------------------------------------


def items_listing(library: Library, items, width: int) -> Listing:
    table = _table(f"{len(items)} items")
    wide = width >= WIDE
    rows = []
    if wide:
        table.add_column("id", no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column("kind", no_wrap=True)
    table.add_column("title", ratio=3, min_width=30)
    if wide:
        table.add_column("briefing / section", ratio=1, min_width=12)
    for item in items:
        section = library.section_of(item)
        section_title = clean_line(section.title) if section else item.source.section
        rows.append((item.id, item.kind, item.title, item.source.document, item.source.section))
        where = f"{item.source.document} / {section_title}"
        if wide:
            table.add_row(Text(item.id), _kind(item.kind), Text(clean_line(item.title)), Text(where))
        else:
            title = Group(Text(clean_line(item.title)), _id_line(f"{item.id} · {where}"))
            table.add_row(_kind(item.kind), title)
    return Listing("list", rows, table)


def search_listing(outcome: SearchOutcome, width: int) -> Listing:
    counts = ", ".join(f"{KINDS.get(kind, kind)} {count}" for kind, count in sorted(outcome.kind_counts.items()))
    table = _table(f"{outcome.total} matches" + (f" ({counts})" if counts else ""))
    wide = width >= WIDE
    table.add_column("#", justify="right", no_wrap=True)
    if wide:
        table.add_column("id", no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column("kind", no_wrap=True)
    table.add_column("title", ratio=2, min_width=30)
    if wide:
        table.add_column("snippet", ratio=3)
        table.add_column("score", no_wrap=True, justify="right")
    rows = []
    for rank, result in enumerate(outcome.results, 1):
        score = f"{result.score:.2f}"
        rows.append((rank, result.id, result.kind, result.title, result.briefing, result.section, score,
                     plain_snippet(result.snippet)))  # fmt: skip
        if wide:
            table.add_row(str(rank), Text(result.id), _kind(result.kind), Text(clean_line(result.title)),
                          snippet_text(result.snippet), Text(score))  # fmt: skip
        else:
            cell = Group(
                Text(clean_line(result.title), style="bold"),
                _id_line(f"{result.id} · {result.briefing}"),
                snippet_text(result.snippet),
            )
            table.add_row(str(rank), _kind(result.kind), cell)
    return Listing("search", rows, table)


# -- comparison ------------------------------------------------------------------


def compare_listing(library: Library, themes, width: int) -> Listing:
    from briefing_tui.core.compare import theme_actors

    actors = theme_actors(library)
    wide = width >= WIDE
    tables: list[RenderableType] = []
    rows = []
    for theme in themes:
        cells = {cell.actor: cell for cell in theme.cells}
        table = Table(title=clean_line(theme.title), show_lines=True, expand=True, box=box.SQUARE)
        texts = [_cell_text(library, cells.get(actor)) for actor in actors]
        for actor in actors:
            cell = cells.get(actor)
            if cell is not None:
                rows.append((theme.id, actor, cell.stance, ", ".join(cell.instruments), ", ".join(cell.sources)))
        if wide:
            for actor in actors:
                table.add_column(label(ACTORS, actor), ratio=1)
            table.add_row(*texts)
        else:
            # Narrow: one row per actor, so a stance gets the width instead of a quarter of it.
            table.add_column("actor", style="bold", width=14)
            table.add_column("stance", ratio=1)
            for actor, text in zip(actors, texts, strict=True):
                table.add_row(Text(label(ACTORS, actor)), text)
        tables.append(table)
    return Listing("compare", rows, Group(*tables))


def _cell_text(library: Library, cell) -> Text:
    if cell is None:
        return Text("The documents say nothing on this.", style="dim italic")
    text = Text(clean(cell.stance), style="dim italic" if cell.silent else "")
    if cell.instruments:
        text.append("\n\nInstruments: ", style="bold")
        text.append(clean_line(", ".join(cell.instruments)))
    if cell.sources:
        perspectives = [
            f"{source_id} ({library.briefings[source_id].source.perspective})"
            for source_id in cell.sources
            if source_id in library.briefings
        ]
        text.append("\nSources: ", style="bold")
        text.append(clean_line(", ".join(perspectives)))
    return text


# -- bookmarks -------------------------------------------------------------------


def bookmarks_listing(entries: Sequence[tuple[object, str]], width: int) -> Listing:
    """Bookmarks as (bookmark, title) pairs; a missing target's title is "(missing)"."""
    table = _table(f"{len(entries)} bookmarks")
    wide = width >= WIDE
    table.add_column("#", justify="right", no_wrap=True)
    if wide:
        table.add_column("id", no_wrap=True, overflow="ellipsis", max_width=40)
    table.add_column("kind", no_wrap=True)
    table.add_column("title", ratio=3, min_width=30)
    if wide:
        table.add_column("tags", ratio=1)
        table.add_column("note", ratio=2, overflow="ellipsis")
    rows = []
    for index, (bookmark, title) in enumerate(entries, 1):
        note = bookmark.note.strip().split("\n")[0] if bookmark.note.strip() else ""  # type: ignore[attr-defined]
        tags = ", ".join(bookmark.tags)  # type: ignore[attr-defined]
        target, kind = bookmark.target, bookmark.target_kind  # type: ignore[attr-defined]
        rows.append((bookmark.position, target, kind, title, tags, note))  # type: ignore[attr-defined]
        title_text = Text(clean_line(title), style="dim italic" if title == "(missing)" else "")
        if wide:
            table.add_row(str(index), Text(clean_line(target)), Text(kind), title_text,
                          Text(clean_line(tags)), Text(clean_line(note), no_wrap=True, overflow="ellipsis"))  # fmt: skip
            continue
        parts: list[RenderableType] = [title_text, _id_line(clean_line(target))]
        extra = " · ".join(part for part in (clean_line(tags), clean_line(note)) if part)
        if extra:
            parts.append(_id_line(extra, style="italic"))
        table.add_row(str(index), Text(kind), Group(*parts))
    return Listing("bookmarks", rows, table)


def emit(listing: Listing, fmt: str, out: Console) -> None:
    """Print a listing as a table or as TSV (JSON is the command's own)."""
    if fmt == "tsv":
        write_tsv(listing.name, listing.rows)
    else:
        out.print(listing.table)
