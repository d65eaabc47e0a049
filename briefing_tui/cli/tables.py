"""Rich tables and panels for the terminal, built from ``Text``, never from markup.

Content is untrusted as far as the terminal goes: every string passes through
``clean`` and is placed in ``Text`` objects, so ``[bold]`` shows literally.
"""

from __future__ import annotations

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefing_tui.core.citations import citation_text, item_details, snippet_parts, tags_line
from briefing_tui.core.content import Library
from briefing_tui.core.search import SearchOutcome
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, KINDS, label


def snippet_text(snippet: str) -> Text:
    """A search snippet with the matched words highlighted."""
    text = Text()
    for part, highlighted in snippet_parts(snippet):
        text.append(part, style="bold reverse" if highlighted else "")
    return text


def sources_table(library: Library) -> Table:
    table = Table(title="Source documents", show_lines=False, expand=False)
    for column in ("id", "title", "publisher / authors", "date", "perspective", "items"):
        table.add_column(column, overflow="fold")
    for briefing in library.data.briefings:
        source = briefing.source
        who = source.publisher + (f"; {', '.join(source.authors)}" if source.authors else "")
        table.add_row(
            Text(source.id),
            Text(clean_line(source.title)),
            Text(clean_line(who)),
            Text(clean_line(source.date)),
            Text(clean_line(source.perspective)),
            Text(str(len(library.entries_in(briefing.id)))),
        )
    return table


def items_table(library: Library, items) -> Table:
    table = Table(title=f"{len(items)} items", expand=False)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=2)
    table.add_column("briefing / section", overflow="fold", ratio=1)
    for item in items:
        section = library.section_of(item)
        table.add_row(
            Text(item.id),
            Text(KINDS.get(item.kind, item.kind)),
            Text(clean_line(item.title)),
            Text(f"{item.source.document} / {clean_line(section.title) if section else item.source.section}"),
        )
    return table


def item_panel(library: Library, item) -> Panel:
    """An item as a panel: summary, details, citation, related items."""
    parts: list = []
    parts.append(Text(clean(item.summary)))
    details = item_details(item)
    if details:
        parts.append(Text(""))
        parts.append(Text(details))
    if item.body:
        parts.append(Text(""))
        from rich.markdown import Markdown  # markdown-it costs ~40 ms to import: only when a body is shown

        parts.append(Markdown(clean(item.body), hyperlinks=False))
    if item.quote:
        parts.append(Text(""))
        parts.append(Text(f"“{clean_line(item.quote.text)}” — {clean_line(item.quote.attribution)}", style="italic"))
    tags = tags_line(item)
    if tags:
        parts.append(Text(""))
        parts.append(Text(tags, style="cyan"))
    parts.append(Text(""))
    parts.append(Text("Source: " + citation_text(library, item), style="dim"))
    related = library.related(item.id)
    if related:
        parts.append(Text(""))
        parts.append(Text("Related:", style="bold"))
        for other in related:
            parts.append(Text(f"  {other.id}  {clean_line(other.title)} ({KINDS[other.kind]})"))
    title = Text(f"{KINDS[item.kind]}: {clean_line(item.title)}", style="bold")
    return Panel(Group(*parts), title=title, subtitle=Text(item.id), title_align="left")


def search_table(outcome: SearchOutcome) -> Table:
    counts = ", ".join(f"{KINDS.get(kind, kind)} {count}" for kind, count in sorted(outcome.kind_counts.items()))
    title = f"{outcome.total} matches" + (f" ({counts})" if counts else "")
    table = Table(title=title, expand=False)
    table.add_column("id", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("title", overflow="fold", ratio=1)
    table.add_column("snippet", overflow="fold", ratio=2)
    table.add_column("score", no_wrap=True, justify="right")
    for result in outcome.results:
        table.add_row(
            Text(result.id),
            Text(KINDS.get(result.kind, result.kind)),
            Text(clean_line(result.title)),
            snippet_text(result.snippet),
            Text(f"{result.score:.2f}"),
        )
    return table


def theme_table(library: Library, theme) -> Table:
    from briefing_tui.core.compare import theme_actors

    table = Table(title=clean_line(theme.title), show_lines=True, expand=True)
    cells = {cell.actor: cell for cell in theme.cells}
    actors = theme_actors(library)
    for actor in actors:
        table.add_column(label(ACTORS, actor), overflow="fold", ratio=1)
    row = []
    for actor in actors:
        cell = cells.get(actor)
        if cell is None:
            row.append(Text("The documents say nothing on this.", style="dim italic"))
            continue
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
        row.append(text)
    table.add_row(*row)
    return table
