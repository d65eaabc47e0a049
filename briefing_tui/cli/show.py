"""``show``: any target a bookmark takes (item, section, briefing, compare:THEME:ACTOR) as a panel,
plain text (in a pipe) or JSON. Built from ``Text``, never from markup."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from briefing_tui.core.citations import citation_text, item_details, tags_line
from briefing_tui.core.content import Library
from briefing_tui.core.models import as_data
from briefing_tui.core.text import SILENT_TEXT, clean, clean_line
from briefing_tui.core.vocab import ACTORS, KINDS, label


def resolve_target(library: Library, target: str) -> tuple[str, Any] | None:
    """("item", Item) / ("section", Section) / ("briefing", Briefing) / ("cell", (theme, actor, cell)), or None."""
    from briefing_tui.core.compare import cell_for, parse_cell_id

    cell = parse_cell_id(target)
    if cell is not None:
        theme = library.themes.get(cell[0])
        if theme is None or cell[1] not in ACTORS:
            return None
        return "cell", (theme, cell[1], cell_for(theme, cell[1]))
    return library.resolve(target)


def target_json(library: Library, kind: str, value: Any) -> dict[str, Any]:
    from briefing_tui.core.export import briefing_dict, item_dict

    if kind == "item":
        return item_dict(library, value)  # the item shape, unchanged: scripts read it
    if kind == "section":
        briefing_id = library.sections[value.id][0]
        items = [library.items[item_id] for item_id in library.section_items.get(value.id, [])]
        return {
            "target_kind": "section",
            **as_data(value),
            "briefing": briefing_id,
            "items": [{"id": item.id, "kind": item.kind, "title": item.title} for item in items],
        }
    if kind == "briefing":
        return {"target_kind": "briefing", **briefing_dict(library, value.id)}
    theme, actor, cell = value
    return {
        "target_kind": "cell",
        "id": f"compare:{theme.id}:{actor}",
        "theme": {"id": theme.id, "title": theme.title},
        "actor": actor,
        "stance": cell.stance if cell else "",
        "instruments": list(cell.instruments) if cell else [],
        "evidence": list(cell.evidence) if cell else [],
        "sources": list(cell.sources) if cell else [],
        "silent": cell.silent if cell else True,
    }


def target_parts(library: Library, kind: str, value: Any) -> tuple[str, str, list[RenderableType]]:
    """(heading, id, body parts) of a target, for a panel or plain text."""
    if kind == "item":
        return _item_parts(library, value)
    if kind == "section":
        briefing_id = library.sections[value.id][0]
        parts: list[RenderableType] = [Text(clean(value.summary))]
        parts.append(Text(f"\nIn: {clean_line(library.briefings[briefing_id].source.title)}", style="dim"))
        parts += _item_lines(library, library.section_items.get(value.id, []), "Items:")
        return f"Section: {clean_line(value.title)}", value.id, parts
    if kind == "briefing":
        source = value.source
        who = source.publisher + (f"; {', '.join(source.authors)}" if source.authors else "")
        parts = [Text(clean(source.summary)), Text(f"\n{clean_line(who)} · {clean_line(source.date)}", style="dim")]
        parts.append(Text(f"Perspective: {clean_line(source.perspective)}", style="dim"))
        parts.append(Text("\nSections:", style="bold"))
        for section in value.sections:
            count = len(library.section_items.get(section.id, []))
            parts.append(Text(f"  {section.id}  {clean_line(section.title)} ({count} items)"))
        return f"Briefing: {clean_line(source.title)}", source.id, parts
    theme, actor, cell = value
    heading = f"{clean_line(theme.title)}: {label(ACTORS, actor)}"
    if cell is None:
        return heading, f"compare:{theme.id}:{actor}", [Text(SILENT_TEXT, style="italic")]
    parts = [Text(clean(cell.stance))]
    if cell.instruments:
        parts.append(Text("\nInstruments: " + clean_line(", ".join(cell.instruments))))
    if cell.sources:
        names = [f"{s} ({library.briefings[s].source.perspective})" for s in cell.sources if s in library.briefings]
        parts.append(Text("Sources: " + clean_line(", ".join(names)), style="dim"))
    parts += _item_lines(library, [e for e in cell.evidence if e in library.items], "Evidence:")
    return heading, f"compare:{theme.id}:{actor}", parts


def _item_lines(library: Library, item_ids: list[str], heading: str) -> list[RenderableType]:
    if not item_ids:
        return []
    lines: list[RenderableType] = [Text(f"\n{heading}", style="bold")]
    for item_id in item_ids:
        item = library.items[item_id]
        lines.append(Text(f"  {item.id}  {clean_line(item.title)} ({KINDS[item.kind]})"))
    return lines


def _item_parts(library: Library, item) -> tuple[str, str, list[RenderableType]]:
    parts: list[RenderableType] = [Text(clean(item.summary))]
    details = item_details(item)
    if details:
        parts += [Text(""), Text(details)]
    if item.body:
        from rich.markdown import Markdown  # markdown-it costs ~40 ms to import: only when a body is shown

        parts += [Text(""), Markdown(clean(item.body), hyperlinks=False)]
    if item.quote:
        quote = f"“{clean_line(item.quote.text)}” — {clean_line(item.quote.attribution)}"
        parts += [Text(""), Text(quote, style="italic")]
    tags = tags_line(item)
    if tags:
        parts += [Text(""), Text(tags, style="cyan")]
    parts += [Text(""), Text("Source: " + citation_text(library, item), style="dim")]
    related = library.related(item.id)
    if related:
        parts += _item_lines(library, [other.id for other in related], "Related:")
    return f"{KINDS[item.kind]}: {clean_line(item.title)}", item.id, parts


def target_panel(library: Library, kind: str, value: Any) -> Panel:
    heading, target_id, parts = target_parts(library, kind, value)
    return Panel(Group(*parts), title=Text(heading, style="bold"), subtitle=Text(target_id), title_align="left")


def target_plain(library: Library, kind: str, value: Any) -> Group:
    """For a pipe: the heading, the id, then the body, with no box around it."""
    heading, target_id, parts = target_parts(library, kind, value)
    return Group(Text(heading), Text(target_id), Text(""), *parts)
