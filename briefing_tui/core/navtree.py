"""The navigator's tree as plain data, built lazily: briefings -> sections -> items,
or items grouped by kind, sector, country or actor.

Children are produced on demand, so a 100,000-item pack costs nothing until a
node is expanded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from briefing_tui.core.citations import numbered
from briefing_tui.core.content import Library
from briefing_tui.core.vocab import ACTORS, COUNTRIES, KIND_PLURALS, KINDS, SECTORS, label

GROUPINGS: tuple[str, ...] = ("document", "kind", "sector", "country", "actor")
GROUPING_LABELS = {
    "document": "by document",
    "kind": "by kind",
    "sector": "by sector",
    "country": "by country",
    "actor": "by actor",
}


@dataclass
class NavNode:
    """One node of the navigator."""

    label: str
    node_type: str
    """"briefing", "section", "item" or "group"."""
    target: str | None = None
    """The id to open when the node is selected (None for plain group headers)."""
    count: int = 0
    kind: str = ""
    """The item kind, for item nodes."""
    load_children: Callable[[], list[NavNode]] | None = None
    facet: tuple[str, str] | None = None
    """The filter a country, actor or sector group stands for, e.g. ("country", "brazil"): its dossier's."""

    @property
    def is_leaf(self) -> bool:
        return self.load_children is None


def item_node(item) -> NavNode:
    """A leaf for an item (an ``Entry`` or a full item)."""
    return NavNode(
        label=numbered(getattr(item, "number", ""), item.title), node_type="item", target=item.id, kind=item.kind
    )


def build(library: Library, grouping: str = "document") -> list[NavNode]:
    """The top-level nodes for a grouping."""
    if grouping == "document":
        return [_briefing_node(library, briefing_id) for briefing_id in library.briefings]
    if grouping == "kind":
        return _kind_groups(library)
    return _facet_groups(library.entries, grouping, nested=grouping in ("country", "actor"))


FACETS = {"sector": ("sectors", SECTORS), "country": ("countries", COUNTRIES), "actor": ("actors", ACTORS)}
"""A grouping's item field and vocabulary."""
CROSS = {"country": "actor", "actor": "country"}
"""The grouping nested in each country (its actors) and in each actor (its countries)."""


def _facet_groups(items: Iterable, grouping: str, *, nested: bool) -> list[NavNode]:
    """One group per value of ``grouping`` the items use, in vocabulary order; each splits by kind.

    With ``nested``, a country group also lists its actors (and an actor group its countries), so
    "Japan" under "Brazil" stands for Japan in Brazil.
    """
    field_name, vocabulary = FACETS[grouping]
    buckets: dict[str, list] = {}
    for item in items:
        values = list(getattr(item, field_name))
        actor = item.actor if grouping == "actor" else None
        if actor and actor not in values:
            values.append(actor)
        for value in values:
            buckets.setdefault(value, []).append(item)
    order = {slug: position for position, slug in enumerate(vocabulary)}
    nodes = []
    for slug in sorted(buckets, key=lambda value: order.get(value, len(order))):
        group = buckets[slug]
        nodes.append(
            NavNode(
                label=label(vocabulary, slug),
                node_type="group",
                count=len(group),
                load_children=_by_kind_loader(group, cross=CROSS.get(grouping) if nested else None),
                facet=(grouping, slug),
            )
        )
    return nodes


def dossier_filters(path: Iterable[NavNode]) -> dict[str, str]:
    """The dossier filters of a node, given its path from the top: the nearest country and actor groups."""
    filters: dict[str, str] = {}
    for nav in path:
        if nav.facet is not None:
            filters[nav.facet[0]] = nav.facet[1]
    return filters


def _briefing_node(library: Library, briefing_id: str) -> NavNode:
    briefing = library.briefings[briefing_id]
    count = sum(len(library.section_items.get(section.id, [])) for section in briefing.sections)
    return NavNode(
        label=briefing.source.title,
        node_type="briefing",
        target=briefing_id,
        count=count,
        load_children=lambda: _section_nodes(library, briefing_id, None),
    )


def _section_nodes(library: Library, briefing_id: str, parent: str | None) -> list[NavNode]:
    briefing = library.briefings[briefing_id]
    nodes = []
    for section in briefing.sections:
        if section.parent != parent:
            continue
        sub_ids = _descendant_sections(briefing.sections, section.id)
        count = sum(len(library.section_items.get(section_id, [])) for section_id in [section.id, *sub_ids])
        title = numbered(section.number, section.title)
        has_children = bool(sub_ids) or bool(library.section_items.get(section.id))
        nodes.append(
            NavNode(
                label=title,
                node_type="section",
                target=section.id,
                count=count,
                load_children=partial(_section_children, library, briefing_id, section.id) if has_children else None,
            )
        )
    return nodes


def _item_nodes(items: list) -> list[NavNode]:
    return [item_node(item) for item in items]


def _descendant_sections(sections, section_id: str) -> list[str]:
    found: list[str] = []
    frontier = [section_id]
    while frontier:
        current = frontier.pop()
        for section in sections:
            if section.parent == current:
                found.append(section.id)
                frontier.append(section.id)
    return found


def _section_children(library: Library, briefing_id: str, section_id: str) -> list[NavNode]:
    items = [item_node(library.entry(item_id)) for item_id in library.section_items.get(section_id, [])]
    return items + _section_nodes(library, briefing_id, section_id)


def _kind_groups(library: Library) -> list[NavNode]:
    by_kind: dict[str, list] = {kind: [] for kind in KINDS}
    for item in library.entries:
        by_kind[item.kind].append(item)
    nodes = []
    for kind, items in by_kind.items():
        if not items:
            continue

        def loader(items=items) -> list[NavNode]:
            by_briefing: dict[str, list] = {}
            for item in items:
                by_briefing.setdefault(item.document, []).append(item)
            return [
                NavNode(
                    label=library.briefings[briefing_id].source.title
                    if briefing_id in library.briefings
                    else briefing_id,
                    node_type="group",
                    count=len(group),
                    load_children=partial(_item_nodes, group),
                )
                for briefing_id, group in by_briefing.items()
            ]

        nodes.append(NavNode(label=KIND_PLURALS[kind], node_type="group", count=len(items), load_children=loader))
    return nodes


def _by_kind_loader(items: list, cross: str | None = None) -> Callable[[], list[NavNode]]:
    """Children of a group: its items by kind, then (``cross``) a "By actor" or "By country" group."""

    def loader() -> list[NavNode]:
        by_kind: dict[str, list] = {}
        for item in items:
            by_kind.setdefault(item.kind, []).append(item)
        nodes = [
            NavNode(
                label=KIND_PLURALS[kind],
                node_type="group",
                count=len(group),
                load_children=partial(_item_nodes, group),
            )
            for kind, group in sorted(by_kind.items(), key=lambda pair: list(KINDS).index(pair[0]))
        ]
        inner = _facet_groups(items, cross, nested=False) if cross is not None else []
        if inner:
            nodes.append(NavNode(label=f"By {cross}", node_type="group", load_children=lambda: inner))
        return nodes

    return loader


def path_to(library: Library, target: str) -> list[str]:
    """Targets from the briefing down to ``target`` in the document grouping (to reveal it)."""
    entry = library.entry(target)
    if entry is None and target in library.briefings:
        return [target]
    if entry is None and target not in library.sections:
        return []
    section_id = entry.section if entry is not None else target
    briefing_id = library.briefing_of_section(section_id)
    if briefing_id is None:
        return []
    chain = [section_id]
    sections = {section.id: section for section in library.briefings[briefing_id].sections}
    while parent := sections[chain[0]].parent:
        chain.insert(0, parent)
    path = [briefing_id, *chain]
    if entry is not None:
        path.append(target)
    return path
