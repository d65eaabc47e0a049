"""Citations and plain-text item details, shared by the CLI, the exports, the slides and the app."""

from __future__ import annotations

from briefing_tui.core.content import Library
from briefing_tui.core.search import HL_END, HL_START
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, COUNTRIES, SECTORS, label


def citation_dict(library: Library, item) -> dict[str, str]:
    """The full citation of an item: document, publisher, authors, date, section."""
    briefing = library.briefings.get(item.source.document)
    section = library.section_of(item)
    source = briefing.source if briefing else None
    return {
        "document": source.title if source else item.source.document,
        "publisher": source.publisher if source else "",
        "authors": ", ".join(source.authors) if source else "",
        "date": source.date if source else "",
        "section": section_label(section) if section else item.source.section,
        "page": item.source.page,
        "url": source.url if source else "",
        "perspective": source.perspective if source else "",
    }


def section_label(section) -> str:
    return f"{section.number} {section.title}".strip() if section.number else section.title


def citation_text(library: Library, item) -> str:
    """A one-line citation: "Title. Publisher (Authors), Date. Section: X."."""
    cite = citation_dict(library, item)
    who = cite["publisher"] + (f" ({cite['authors']})" if cite["authors"] else "")
    text = f"{cite['document']}. {who}, {cite['date']}. Section: {cite['section']}"
    if cite["page"]:
        text += f", {cite['page']}"
    return clean_line(text + ".")


def tags_line(item) -> str:
    parts = [label(ACTORS, actor) for actor in item.actors]
    parts += [label(COUNTRIES, country) for country in item.countries]
    parts += [label(SECTORS, sector) for sector in item.sectors]
    return " · ".join(parts)


def item_details(item) -> str:
    """Kind-specific fields as plain lines (shared by the CLI and exports)."""
    lines: list[str] = []
    if item.kind == "figure":
        lines.append(f"Value: {item.value}" + (f" ({item.unit})" if item.unit else ""))
        lines.append(f"Measures: {item.measures}")
        if item.year:
            lines.append(f"Year: {item.year}")
    elif item.kind == "initiative":
        name = item.name + (f" ({item.acronym})" if item.acronym and item.acronym not in item.name else "")
        lines.append(f"Name: {name}")
        if item.partners:
            lines.append(f"Partners: {', '.join(item.partners)}")
        if item.year:
            lines.append(f"Year: {item.year}")
    elif item.kind == "case-study":
        if item.companies:
            lines.append(f"Companies: {', '.join(item.companies)}")
        if item.institutions:
            lines.append(f"Institutions: {', '.join(item.institutions)}")
        if item.years:
            lines.append(f"Years: {', '.join(item.years)}")
    elif item.kind == "recommendation":
        if item.number:
            lines.append(f"Recommendation {item.number}")
        if item.addressed_to:
            lines.append("Addressed to: " + ", ".join(label(ACTORS, actor) for actor in item.addressed_to))
        for proposal in item.proposals:
            lines.append(f"  • {proposal}")
    elif item.kind == "approach":
        lines.append(f"Actor: {label(ACTORS, item.actor)} · Theme: {item.theme}")
    return clean("\n".join(lines))


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet split into (text, highlighted) runs, each run cleaned for the terminal."""
    parts: list[tuple[str, bool]] = []
    highlighted = False
    buffer = ""
    for char in snippet:
        if char in (HL_START, HL_END):
            parts.append((clean(buffer), highlighted))
            buffer = ""
            highlighted = char == HL_START
        else:
            buffer += char
    parts.append((clean(buffer), highlighted))
    return [part for part in parts if part[0]]
