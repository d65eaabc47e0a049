"""A one-page dossier: what the briefings say about an actor in a country (or a sector), bottom line first.

Built only from the content's own items and comparison cells: the overview counts what each
briefing says and quotes nothing it does not hold; each entry is one line with its citation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefing_tui.core.citations import section_label
from briefing_tui.core.compare import cell_for, first_sentence
from briefing_tui.core.content import Library
from briefing_tui.core.text import clean_line
from briefing_tui.core.vocab import ACTORS, COUNTRIES, KIND_PLURALS, SECTORS, count_of, label

SECTION_ORDER = ("figure", "recommendation", "initiative", "case-study", "obstacle", "opportunity", "approach")
"""Bottom line first: the numbers, then what to do, what exists, what happened, what is in the way."""

HEADINGS = {
    "figure": "Key figures",
    "recommendation": "Recommendations",
    "initiative": "Initiatives and agreements",
    "case-study": "Case studies",
    "obstacle": "Obstacles",
    "opportunity": "Opportunities",
    "approach": "How the documents characterize the actors",
}


@dataclass(frozen=True)
class DossierEntry:
    """One line of the dossier: an item (or a comparison cell) and where it comes from."""

    target: str
    line: str
    citation: str


@dataclass
class Dossier:
    """The dossier for some filters: a title, an overview, and entries grouped by kind."""

    title: str
    filters: dict[str, str]
    overview: list[str]
    groups: list[tuple[str, list[DossierEntry]]] = field(default_factory=list)
    relax: str = ""
    """For an empty dossier: which filters to drop to find something."""

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def target(self) -> str:
        """The dossier's own id, e.g. ``dossier:actor=japan,country=brazil`` (bookmarkable, reopenable)."""
        return dossier_target(self.filters)


FILTERS = {"country": COUNTRIES, "actor": ACTORS, "sector": SECTORS}
"""A dossier's filters and the vocabulary each takes its values from."""


def dossier_target(filters: dict[str, str]) -> str:
    """The id of the dossier for ``filters``: names sorted, so one dossier has one id."""
    return "dossier:" + ",".join(f"{name}={value}" for name, value in sorted(filters.items()))


def dossier_title(country: str | None = None, actor: str | None = None, sector: str | None = None) -> str:
    """ "Japan in Brazil", "Japan", "Brazil", "Japan in Brazil: Energy"."""
    who = label(ACTORS, actor) if actor else ""
    where = label(COUNTRIES, country) if country else ""
    title = f"{who} in {where}" if who and where else who or where
    if sector:
        title = f"{title}: {label(SECTORS, sector)}" if title else label(SECTORS, sector)
    return title or "Everything"


def _read_target(target: str) -> tuple[dict[str, str] | None, str | None]:
    """A ``dossier:`` id read once for all three questions below: (its filters, None when it is not well formed;
    the first thing wrong with it in words, None when it names a dossier that can be built).

    ``dossier:actor=japan,country=brazil``: filters ``name=value`` joined by commas, each name once, each value a
    slug of its vocabulary.
    """
    import difflib

    example = "e.g. dossier:actor=japan,country=brazil"
    if not target.startswith("dossier:"):
        return None, f"{target!r} is not a dossier id ({example})"
    rest = target.removeprefix("dossier:")
    if not rest.strip():
        return None, f"the dossier id {target!r} names no filter ({example})"
    filters: dict[str, str] = {}
    problem: str | None = None  # a value outside its vocabulary: the id is well formed, but names no dossier
    for part in rest.split(","):
        name, equals, value = part.partition("=")
        if not part:
            return None, problem or f"the dossier id {target!r} has an empty filter (a comma too many?)"
        if name not in FILTERS:
            return None, problem or f"{name!r} is not a dossier filter (they are {', '.join(FILTERS)}; {example})"
        if not equals or not value:
            return None, problem or f"the dossier filter {name!r} has no value ({name}=..., {example})"
        if name in filters:
            return None, problem or f"the dossier filter {name!r} is given twice"
        filters[name] = value
        if problem is None and value not in FILTERS[name]:
            close = difflib.get_close_matches(value, list(FILTERS[name]), n=3, cutoff=0.6)
            hint = f" (did you mean: {', '.join(close)}?)" if close else ""
            problem = f"{value!r} is not {'an' if name == 'actor' else 'a'} {name} the briefings use{hint}"
    return filters, problem


def parse_target(target: str) -> dict[str, str] | None:
    """The filters of a ``dossier:`` target, or None when it is not one."""
    return _read_target(target)[0]


def known_filters(target: str) -> dict[str, str] | None:
    """The filters of a dossier target whose every value is in the vocabulary (a dossier that can be
    built), else None: a bookmark of any other ``dossier:`` id is shown as missing."""
    filters, problem = _read_target(target)
    return filters if problem is None else None


def target_problem(target: str) -> str | None:
    """What is wrong with a ``dossier:`` id, in words (None: it names a dossier that can be built)."""
    return _read_target(target)[1]


def target_title(target: str) -> str | None:
    """ "Dossier: Japan in Brazil" for a known dossier target, else None."""
    filters = known_filters(target)
    return f"Dossier: {dossier_title(**filters)}" if filters is not None else None


def build_dossier(
    library: Library, *, country: str | None = None, actor: str | None = None, sector: str | None = None
) -> Dossier:
    filters = {name: value for name, value in (("country", country), ("actor", actor), ("sector", sector)) if value}
    title = dossier_title(country, actor, sector)
    entries = library.filter_entries(country=country, actor=actor, sector=sector)
    dossier = Dossier(title, filters, [])
    if not entries:
        dossier.relax = _relax_hint(library, filters)
        dossier.overview = [f"The briefings have nothing tagged {title}. {dossier.relax}".strip()]
        return dossier
    by_briefing: dict[str, int] = {}
    for entry in entries:
        by_briefing[entry.document] = by_briefing.get(entry.document, 0) + 1
    kinds: dict[str, int] = {}
    for entry in entries:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    count = len(entries)
    where = (
        "the briefing"
        if len(library.briefings) == 1
        else f"{len(by_briefing)} of the {len(library.briefings)} briefings"
    )
    dossier.overview.append(
        f"{count} item{'' if count == 1 else 's'} in {where} {'concerns' if count == 1 else 'concern'} {title}: "
        + ", ".join(count_of(kinds[kind], kind) for kind in SECTION_ORDER if kind in kinds)
        + "."
    )
    for briefing_id, count in sorted(by_briefing.items(), key=lambda pair: -pair[1]):
        source = library.briefings[briefing_id].source
        line = (
            f"{clean_line(source.title)} ({clean_line(source.perspective)}, {clean_line(source.date)}): "
            f"{count} item{'' if count == 1 else 's'}."
        )
        view = next(
            (
                e
                for e in entries
                if e.document == briefing_id and e.kind == "approach" and (not actor or e.actor == actor)
            ),
            None,
        )
        if view is not None:
            line += f" Its view, in one of its approach items: {first_sentence(library.items[view.id].summary)}"
        dossier.overview.append(line)
    for kind in SECTION_ORDER:
        chosen = [entry for entry in entries if entry.kind == kind]
        if not chosen:
            continue
        lines = []
        for entry in chosen:
            item = library.items[entry.id]
            lines.append(DossierEntry(item.id, _line(item), short_citation(library, item)))
        dossier.groups.append((HEADINGS.get(kind, KIND_PLURALS[kind]), lines))
    if actor:
        cells = []
        for theme in library.themes.values():
            cell = cell_for(theme, actor)
            if cell is None or cell.silent:
                continue
            sources = ", ".join(library.briefings[s].source.title for s in cell.sources if s in library.briefings)
            line = f"{clean_line(theme.title)}: {clean_line(cell.contrast or cell.stance)}"
            cells.append(DossierEntry(f"compare:{theme.id}:{actor}", line, clean_line(sources)))
        if cells:
            dossier.groups.append((f"The comparison: {label(ACTORS, actor)} by theme", cells))
    return dossier


def short_citation(library: Library, item: Any) -> str:
    """ "Inter-American Development Bank, 2013, § Cooperation": enough to find it; ``show ID`` has the rest."""
    briefing = library.briefings.get(item.source.document)
    section = library.section_of(item)
    if briefing is None:
        return item.source.document
    source = briefing.source
    where = f", § {section_label(section)}" if section else ""
    return clean_line(f"{source.publisher.split(',')[0]}, {source.date}{where}")


def _line(item: Any) -> str:
    """An item in one line: a figure by its value and what it measures, anything else by its title."""
    if item.kind == "figure":
        year = f" ({item.year})" if getattr(item, "year", "") and str(item.year) not in item.measures else ""
        return clean_line(f"{item.value}: {item.measures}{year}")
    return clean_line(item.title)


def _relax_hint(library: Library, filters: dict[str, str]) -> str:
    """Which filter to drop: the ones that alone still find items."""
    if len(filters) < 2:
        return "Try another country, actor or sector."
    found = []
    for name, value in filters.items():
        rest = {other: v for other, v in filters.items() if other != name}
        count = len(library.filter_entries(**rest))
        if count:
            found.append(f"without {name} {value!r}: {count} items")
    return ("Relax a filter: " + "; ".join(found) + ".") if found else "Try another country, actor or sector."
