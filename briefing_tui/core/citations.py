"""Citations and plain-text item details, shared by the CLI, the exports, the slides and the app."""

from __future__ import annotations

import re

from briefing_tui.core.content import Library
from briefing_tui.core.models import Section, SourceDocument
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


def numbered(number: str, title: str) -> str:
    """A title with its number shown once: "1B. Take stock…", "Figure 3: US-Japan…".

    A title that already starts with its number ("1B. Take stock", "Recommendation #1: Expand") is not
    numbered twice: the number is taken off the title and put back in the one form.
    """
    if not number:
        return title
    prefix = re.compile(rf"^(?:recommendation\s*#?\s*)?{re.escape(number)}\s*[.:)]?\s+", re.IGNORECASE)
    rest = prefix.sub("", title, count=1)
    return f"{number}{': ' if ' ' in number else '. '}{rest}"


def unit_adds(figure: object) -> bool:
    """Whether a figure's unit says something its value does not ("0.75" + "index value", not "82 percent" + "percent").

    Values are written to read alone ("US$7,536 million", "82 percent"); a unit then only repeats them.
    """
    value, unit = str(getattr(figure, "value", "")), str(getattr(figure, "unit", ""))
    return bool(unit) and re.fullmatch(r"[\d.,\s]+", value) is not None


def section_label(section: Section) -> str:
    return numbered(section.number, section.title)


def source_citation(source: SourceDocument, section: Section | None = None) -> str:
    """A document (and section) cited as ``citation_text`` cites an item: "Title. Publisher (Authors), Date."."""
    who = source.publisher + (f" ({', '.join(source.authors)})" if source.authors else "")
    text = f"{source.title}. {who}, {source.date}."
    if section is not None:
        text += f" Section: {section_label(section)}."
    return clean_line(text)


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
        lines.append(f"Value: {item.value}" + (f" ({item.unit})" if unit_adds(item) else ""))
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
