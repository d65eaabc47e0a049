"""What each listing command shows, as ``Listing`` records, and ``show``'s views of one target.

Content is untrusted as far as the terminal goes: every string passes through ``clean`` and is placed
in ``Text`` objects (or plain TSV cells), so ``[bold]`` shows literally. Column names are the TSV
header: they are documented in the README and must stay stable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_tui.cli.listing import Column, Listing
from briefing_tui.core.citations import citation_text, item_details, section_label, snippet_parts, tags_line
from briefing_tui.core.compare import theme_actors
from briefing_tui.core.content import Library
from briefing_tui.core.text import SILENT_TEXT, clean, clean_line
from briefing_tui.core.vocab import ACTORS, KINDS, count_of, label

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from briefing_tui.core.dossier import Dossier
    from briefing_tui.core.models import ComparisonCell, Item, Theme
    from briefing_tui.core.search import SearchOutcome


def snippet_text(snippet: str) -> Text:
    """A search snippet with the matched words highlighted."""
    from rich.text import Text

    text = Text()
    for part, highlighted in snippet_parts(snippet):
        text.append(part, style="bold reverse" if highlighted else "")
    return text


def snippet_plain(snippet: str) -> str:
    return "".join(part for part, _highlighted in snippet_parts(snippet))


# -- listings ----------------------------------------------------------------------------------------


def sources_listing(library: Library) -> Listing:
    listing = Listing(
        "Source documents",
        [
            Column("id", cap=10),
            Column("title", ratio=1),
            Column("publisher", ratio=1, wide=True),
            Column("authors", cap=24, wide=True),
            Column("date", cap=16),
            Column("perspective", cap=22, wide=True),
            Column("items", justify="right"),
        ],
    )
    for briefing in library.data.briefings:
        source = briefing.source
        listing.rows.append(
            [
                source.id,
                clean_line(source.title),
                clean_line(source.publisher),
                clean_line(", ".join(source.authors)),
                clean_line(source.date),
                clean_line(source.perspective),
                str(len(library.entries_in(briefing.id))),
            ]
        )
    return listing


def items_listing(library: Library, items: list[Item]) -> Listing:
    listing = Listing(
        f"{len(items)} items",
        [
            Column("id", cap=52, wide=True),
            Column("kind", cap=14),
            Column("briefing", cap=8, wide=True),
            Column("section", ratio=1, wide=True),
            Column("title", ratio=2),
        ],
    )
    from rich.text import Text

    for item in items:
        section = library.section_of(item)
        listing.notes[len(listing.rows)] = Text(item.id, style="dim")
        listing.rows.append(
            [
                item.id,
                KINDS.get(item.kind, item.kind),
                item.source.document,
                clean_line(section_label(section)) if section else item.source.section,
                clean_line(item.title),
            ]
        )
    return listing


def search_listing(outcome: SearchOutcome) -> Listing:
    counts = ", ".join(count_of(count, kind) for kind, count in sorted(outcome.kind_counts.items()))
    listing = Listing(
        f"{outcome.total} matches" + (f" ({counts})" if counts else ""),
        [
            Column("rank", justify="right"),
            Column("id", cap=52, wide=True),
            Column("kind", cap=14),
            Column("briefing", cap=8),
            Column("title", ratio=1),
            Column("score", justify="right", wide=True),
            Column("snippet", ratio=1, wide=True),
        ],
    )
    from rich.text import Text

    narrow_notes = {}
    for rank, result in enumerate(outcome.results, 1):
        listing.rows.append(
            [
                str(rank),
                result.id,
                KINDS.get(result.kind, result.kind),
                result.briefing,
                clean_line(result.title),
                f"{result.score:.2f}",
                snippet_plain(result.snippet),
            ]
        )
        note = Text(result.id, style="dim")
        note.append("\n")
        note.append_text(snippet_text(result.snippet))
        narrow_notes[rank - 1] = note
    listing.notes = narrow_notes
    return listing


def compare_listing(library: Library, themes: list[Theme]) -> Listing:
    listing = Listing(
        "Comparison",
        [
            Column("theme", cap=24),
            Column("actor", cap=14),
            Column("stance", ratio=3),
            Column("instruments", ratio=1, wide=True),
            Column("sources", cap=20, wide=True),
        ],
    )
    for theme in themes:
        cells = {cell.actor: cell for cell in theme.cells}
        for actor in theme_actors(library):
            cell = cells.get(actor)
            listing.rows.append(
                [
                    theme.id,
                    label(ACTORS, actor),
                    clean_line(cell.stance) if cell else SILENT_TEXT,
                    clean_line(", ".join(cell.instruments)) if cell else "",
                    ", ".join(cell.sources) if cell else "",
                ]
            )
    return listing


# -- compare on a terminal ---------------------------------------------------------------------------


def theme_view(library: Library, theme: Theme, width: int) -> RenderableType:
    """One theme: actors side by side from 120 columns, one under the other below that."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    cells = {cell.actor: cell for cell in theme.cells}
    actors = theme_actors(library)
    if width >= 120:
        table = Table(title=clean_line(theme.title), show_lines=True, expand=True)
        for actor in actors:
            table.add_column(label(ACTORS, actor), overflow="fold", ratio=1)
        table.add_row(*(cell_text(library, cells.get(actor)) for actor in actors))
        return table
    parts: list[RenderableType] = [Text(clean_line(theme.title), style="bold underline")]
    for actor in actors:
        parts.append(Text(label(ACTORS, actor), style="bold"))
        parts.append(cell_text(library, cells.get(actor)))
        parts.append(Text(""))
    return Group(*parts)


def cell_text(library: Library, cell: ComparisonCell | None) -> Text:
    from rich.text import Text

    if cell is None:
        return Text(SILENT_TEXT, style="dim italic")
    text = Text(clean(cell.stance), style="dim italic" if cell.silent else "")
    if cell.instruments:
        text.append("\nInstruments: ", style="bold")
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


# -- show ----------------------------------------------------------------------------------------------


def item_lines(library: Library, item: Item) -> list[tuple[str, str]]:
    """An item as (text, style) lines: the same words on a terminal (styled) and in a pipe (plain)."""
    lines: list[tuple[str, str]] = [(f"{KINDS[item.kind]}: {clean_line(item.title)}", "bold"), (item.id, "dim")]
    lines += [("", ""), (clean(item.summary), "")]
    details = item_details(item)
    if details:
        lines += [("", ""), (details, "")]
    if item.body:
        lines += [("", ""), (clean(item.body).strip(), "")]
    if item.quote:
        lines += [("", ""), (f"“{clean_line(item.quote.text)}” — {clean_line(item.quote.attribution)}", "italic")]
    tags = tags_line(item)
    if tags:
        lines += [("", ""), (tags, "cyan")]
    lines += [("", ""), ("Source: " + citation_text(library, item), "dim")]
    related = library.related(item.id)
    if related:
        lines += [("", ""), ("Related:", "bold")]
        lines += [(f"  {other.id}  {clean_line(other.title)} ({KINDS[other.kind]})", "") for other in related]
    return lines


def section_lines(library: Library, section_id: str) -> list[tuple[str, str]]:
    briefing_id, section = library.sections[section_id]
    source = library.briefings[briefing_id].source
    lines: list[tuple[str, str]] = [(f"Section: {clean_line(section_label(section))}", "bold"), (section.id, "dim")]
    lines += [("", ""), (clean(section.summary), "")]
    lines += [("", ""), (f"In: {clean_line(source.title)} ({source.id})", "dim")]
    entries = library.section_items.get(section_id, [])
    if entries:
        lines += [("", ""), (f"Items ({len(entries)}):", "bold")]
        for item_id in entries:
            entry = library.entry(item_id)
            if entry is not None:
                lines.append((f"  {entry.id}  {clean_line(entry.title)} ({KINDS[entry.kind]})", ""))
    return lines


def briefing_lines(library: Library, briefing_id: str) -> list[tuple[str, str]]:
    briefing = library.briefings[briefing_id]
    source = briefing.source
    who = source.publisher + (f" ({', '.join(source.authors)})" if source.authors else "")
    lines: list[tuple[str, str]] = [(clean_line(source.title), "bold"), (source.id, "dim")]
    lines += [(clean_line(f"{who}, {source.date}. Perspective: {source.perspective}."), "dim")]
    lines += [("", ""), (clean(source.summary), "")]
    lines += [("", ""), ("Sections:", "bold")]
    for section in briefing.sections:
        indent = "    " if section.parent else "  "
        count = len(library.section_items.get(section.id, []))
        lines.append((f"{indent}{section.id}  {clean_line(section_label(section))} ({count})", ""))
    return lines


def cell_lines(library: Library, theme: Theme, actor: str) -> list[tuple[str, str]]:
    from briefing_tui.core.compare import cell_for, evidence_items

    cell = cell_for(theme, actor)
    lines: list[tuple[str, str]] = [(f"{clean_line(theme.title)}: {label(ACTORS, actor)}", "bold")]
    lines += [(f"compare:{theme.id}:{actor}", "dim"), ("", "")]
    lines.append((clean(cell.stance) if cell else SILENT_TEXT, "" if cell and not cell.silent else "italic"))
    if cell and cell.instruments:
        lines += [("", ""), ("Instruments: " + clean_line(", ".join(cell.instruments)), "")]
    if cell and cell.sources:
        lines += [("Sources: " + ", ".join(cell.sources), "dim")]
    evidence = evidence_items(library, cell)
    if evidence:
        lines += [("", ""), ("Evidence:", "bold")]
        lines += [(f"  {item.id}  {clean_line(item.title)}", "") for item in evidence]
    return lines


def lines_text(lines: list[tuple[str, str]]) -> str:
    return "\n".join(text for text, _style in lines) + "\n"


def lines_renderable(lines: list[tuple[str, str]]) -> Text:
    from rich.text import Text

    text = Text()
    for number, (line, style) in enumerate(lines):
        if number:
            text.append("\n")
        text.append(line, style=style)
    return text


def print_dossier(dossier: Dossier) -> None:
    """A dossier as ``dossier`` and ``show dossier:...`` print it: on a terminal the title, the overview, then
    each group's one-line entries with the id to ``show``; in a pipe, its Markdown."""
    import sys

    from rich.text import Text

    from briefing_tui.cli.common import console

    if not sys.stdout.isatty():
        from briefing_tui.core.export.dossier import dossier_markdown

        sys.stdout.write(dossier_markdown(dossier))
        return
    out = console()
    out.print(Text(f"Dossier: {dossier.title}", style="bold underline"))
    for number, line in enumerate(dossier.overview):
        out.print(Text(("" if number == 0 else "• ") + line))
    for title, entries in dossier.groups:
        out.print()
        out.print(Text(title, style="bold"))
        for entry in entries:
            text = Text("  • " + entry.line)
            text.append(f"  [{entry.target}] {entry.citation}", style="dim")
            out.print(text)
