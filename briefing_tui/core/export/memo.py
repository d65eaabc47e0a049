"""The bookmarks memo as data: what each entry says and how entries are grouped.

Markdown (``markdown.py``) and Word (``docx.py``) render the same ``Memo``, so both
formats hold the same entries, notes, citations and grouping. ``note_blocks`` reads
a user's note into paragraphs and list items, which each format renders as its own
paragraphs and lists (a note's lines are never run together).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal, get_args

from briefing_tui.core.citations import citation_dict, citation_text, item_details, section_label, source_citation
from briefing_tui.core.compare import (
    SILENT_TEXT,
    cell_for,
    cell_sources,
    contrast_point,
    first_sentence,
    parse_cell_id,
)
from briefing_tui.core.content import Library
from briefing_tui.core.models import ComparisonCell, Item
from briefing_tui.core.storage.bookmarks import Bookmark, resolves, utc_now
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, KIND_PLURALS, KINDS, label

GroupBy = Literal["briefing", "kind", "order"]
GROUPINGS: tuple[str, ...] = get_args(GroupBy)
GROUP_LABELS = {"briefing": "grouped by briefing", "kind": "grouped by kind", "order": "in your order"}
KIND_LABELS = {"section": "Section", "briefing": "Briefing", "cell": "Comparison cell", "dossier": "Dossier"}
ONE_LINE_MAX = 240
"""Characters of the one-line summary in the compact memo."""


# -- a user's note ---------------------------------------------------------------------

_BULLET = re.compile(r"^( *)[-*+•]\s+(\S.*)$")
_NUMBERED = re.compile(r"^( *)(\d{1,3})[.)]\s+(\S.*)$")


@dataclass
class NoteBlock:
    """A paragraph (its lines kept) or one list item of a note."""

    kind: Literal["text", "bullet", "number"]
    lines: list[str]
    level: int = 0
    """Nesting of a list item (0: top level)."""
    number: int = 0
    """The number the user gave a numbered item."""
    gap_before: bool = False
    """A blank line came before it."""


def note_blocks(text: str) -> list[NoteBlock]:
    """A note as paragraphs and list items: ``- ``, ``* ``, ``• `` and ``1. `` lines are list items,
    indented ones nest, an indented line right after an item continues it, blank lines separate."""
    blocks: list[NoteBlock] = []
    indents: list[int] = []  # indentation of the open list items, outermost first
    gap = False
    for raw in clean(text).expandtabs(4).split("\n"):
        line = raw.rstrip()
        if not line.strip():
            gap = bool(blocks)
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            indent = len((bullet or numbered).group(1))  # type: ignore[union-attr]
            while indents and indents[-1] >= indent:
                indents.pop()
            level = len(indents)
            indents.append(indent)
            if bullet:
                blocks.append(NoteBlock("bullet", [bullet.group(2)], level, gap_before=gap))
            elif numbered:
                blocks.append(NoteBlock("number", [numbered.group(3)], level, int(numbered.group(2)), gap_before=gap))
        elif blocks and not gap and (blocks[-1].kind == "text" or (indents and line.startswith(" "))):
            blocks[-1].lines.append(line.strip())
        else:
            indents.clear()
            blocks.append(NoteBlock("text", [line.strip()], gap_before=gap))
        gap = False
    return blocks


# -- the memo ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MemoEntry:
    """One bookmark as the memo shows it (plain text: each renderer escapes for its format)."""

    bookmark: Bookmark
    title: str
    kind: str
    """"Recommendation", "Section", "Comparison cell" ..."""
    missing: bool = False
    """The target is not in the loaded content (the note is still shown)."""
    body: str = ""
    """The summary (or a cell's stance), possibly several paragraphs."""
    body_is_placeholder: bool = False
    """The body says there is nothing (shown in italics)."""
    facts: list[str] = field(default_factory=list)
    """Kind-specific facts, one bullet each."""
    citation: str = ""
    """The full citation, with the URL when there is one."""
    one_line: str = ""
    """A one-sentence summary, for the compact memo."""
    headed: bool = True
    """False: the group's heading is this entry's (a briefing bookmark leads its own briefing's group)."""


@dataclass(frozen=True)
class MemoGroup:
    key: str
    title: str
    """The group's heading ("" when the memo keeps the user's order, ungrouped)."""
    entries: list[MemoEntry]
    remark: str = ""
    """A sentence under the heading (the missing-items group explains itself)."""


@dataclass(frozen=True)
class Memo:
    title: str
    subtitle: str
    """E.g. "Generated 2024-11-05 12:30 UTC by briefing-tui · 7 bookmarks, grouped by briefing."."""
    groups: list[MemoGroup]
    compact: bool = False
    """Title, note, one-line summary and citation only."""

    @property
    def empty(self) -> bool:
        return not any(group.entries for group in self.groups)


def cell_facts(library: Library, cell: ComparisonCell) -> list[str]:
    """A comparison cell's facts as plain lines (instruments, evidence, sources, contrast)."""
    facts = []
    if cell.silent:
        facts.append("The documents are silent here.")
    if cell.instruments:
        facts.append("Instruments: " + ", ".join(cell.instruments))
    if cell.evidence:
        parts = []
        for item_id in cell.evidence:
            item = library.item(item_id)
            parts.append(f"{item_id} ({item.title})" if item else f"{item_id} (not in the loaded content)")
        facts.append("Evidence: " + "; ".join(parts))
    sources = cell_sources(library, cell)
    if sources:
        facts.append(
            "Sources (perspective): "
            + "; ".join(f"{source.title} ({source.id}), {source.perspective}" for source in sources)
        )
    if cell.contrast:
        facts.append("In contrast to the others: " + cell.contrast)
    return facts


def item_facts(item) -> list[str]:
    """``citations.item_details`` as one plain line per fact (proposals prefixed)."""
    facts = []
    for line in item_details(item).split("\n"):
        if line.strip().startswith("•"):
            facts.append("Proposal: " + clean_line(line.strip().lstrip("•")))
        elif line.strip():
            facts.append(clean_line(line))
    return facts


def _one_line(text: str) -> str:
    sentence = first_sentence(clean(text))
    return sentence if len(sentence) <= ONE_LINE_MAX else sentence[: ONE_LINE_MAX - 1].rstrip() + "…"


def _item(library: Library, target: str) -> Item:
    """The item a resolving bookmark points at (``resolves`` has checked that it exists)."""
    item = library.item(target)
    if item is None:
        raise LookupError(f"no item {target!r}")
    return item


def memo_entry(library: Library, bookmark: Bookmark) -> MemoEntry:
    """What the memo says about one bookmark."""
    target = bookmark.target
    if not resolves(library, bookmark):
        kind = KIND_LABELS.get(bookmark.target_kind, "Item")
        return MemoEntry(bookmark, target, kind, missing=True)
    if bookmark.target_kind == "item":
        item = _item(library, target)
        url = citation_dict(library, item)["url"]
        cite = citation_text(library, item) + (f" {url}" if url else "")
        return MemoEntry(
            bookmark, item.title, KINDS[item.kind], body=item.summary, facts=item_facts(item), citation=cite,
            one_line=_one_line(item.summary),
        )  # fmt: skip
    if bookmark.target_kind == "section":
        briefing_id, section = library.sections[target]
        source = library.briefings[briefing_id].source
        cite = source_citation(source, section) + (f" {source.url}" if source.url else "")
        return MemoEntry(
            bookmark, section_label(section), "Section", body=section.summary, citation=cite,
            one_line=_one_line(section.summary),
        )  # fmt: skip
    if bookmark.target_kind == "briefing":
        source = library.briefings[target].source
        cite = source_citation(source) + (f" {source.url}" if source.url else "")
        return MemoEntry(
            bookmark, source.title, "Briefing", body=source.summary, facts=["Perspective: " + source.perspective],
            citation=cite, one_line=_one_line(source.summary),
        )  # fmt: skip
    if bookmark.target_kind == "dossier":
        return _dossier_entry(library, bookmark)
    theme_id, actor = parse_cell_id(target) or ("", "")
    theme = library.themes[theme_id]
    cell = cell_for(theme, actor)
    title = f"{theme.title}: {label(ACTORS, actor)}"
    if cell is None:
        return MemoEntry(bookmark, title, "Comparison cell", body=SILENT_TEXT, body_is_placeholder=True,
                         one_line=SILENT_TEXT)  # fmt: skip
    return MemoEntry(
        bookmark, title, "Comparison cell", body=cell.stance, facts=cell_facts(library, cell),
        one_line=_one_line(contrast_point(cell)),
    )  # fmt: skip


def _dossier_entry(library: Library, bookmark: Bookmark) -> MemoEntry:
    """A dossier as the memo shows it: its overview, what it holds, and how to open it again."""
    from briefing_tui.core.dossier import build_dossier, known_filters

    filters = known_filters(bookmark.target) or {}
    dossier = build_dossier(library, **filters)
    facts = [f"{title}: {len(entries)}" for title, entries in dossier.groups]
    options = " ".join(f"--{name} {value}" for name, value in sorted(filters.items()))
    facts.append(f"The whole dossier: briefing-tui dossier {options}")
    briefings = dict.fromkeys(entry.document for entry in library.filter_entries(**filters))
    sources = [source_citation(library.briefings[b].source).rstrip(".") for b in briefings if b in library.briefings]
    cite = "; ".join(sources) + "." if sources else ""
    return MemoEntry(
        bookmark, f"Dossier: {dossier.title}", "Dossier", body=dossier.overview[0], facts=facts,
        body_is_placeholder=dossier.empty, citation=cite, one_line=_one_line(dossier.overview[0]),
    )  # fmt: skip


def _group_key(library: Library, bookmark: Bookmark, group_by: GroupBy) -> tuple[str, str]:
    """(key, heading) of the group a bookmark belongs to."""
    if group_by == "order":
        return "", ""
    if not resolves(library, bookmark):
        return "~missing", "Missing items"
    kind = bookmark.target_kind
    if group_by == "kind":
        if kind == "item":
            item_kind = _item(library, bookmark.target).kind
            return item_kind, KIND_PLURALS[item_kind]
        plurals = {"section": "Sections", "briefing": "Briefings", "cell": "Comparison cells", "dossier": "Dossiers"}
        return kind, plurals[kind]
    if kind == "dossier":
        return "~dossier", "Dossiers"
    if kind == "cell":
        return "~compare", "Comparison"
    if kind == "item":
        briefing_id = _item(library, bookmark.target).source.document
    elif kind == "section":
        briefing_id = library.sections[bookmark.target][0]
    else:
        briefing_id = bookmark.target
    briefing = library.briefings.get(briefing_id)
    return briefing_id, briefing.source.title if briefing else briefing_id


def _group_order(key: str, group_by: GroupBy) -> int:
    """Briefings (first bookmarked first) or kinds (in display order), then dossiers, comparison, missing."""
    order = ["briefing", "section", *KINDS, "cell", "dossier"] if group_by == "kind" else []
    if key == "~missing":
        return len(order) + 3
    if key == "~compare":
        return len(order) + 2
    if key == "~dossier":
        return len(order) + 1
    return order.index(key) if key in order else 0


def _briefing_first(briefing_id: str, entries: list[MemoEntry]) -> list[MemoEntry]:
    """A briefing's group with the bookmark of the briefing itself first, under the group's heading
    (its own heading would repeat the group's: "## Title" then "### Title")."""
    own = [e for e in entries if e.bookmark.target_kind == "briefing" and e.bookmark.target == briefing_id]
    if not own:
        return entries
    return [replace(own[0], headed=False), *(entry for entry in entries if entry is not own[0])]


def build_memo(
    library: Library,
    bookmarks: Sequence[Bookmark],
    group_by: GroupBy = "briefing",
    title: str = "Bookmarks",
    *,
    compact: bool = False,
    now: datetime | None = None,
) -> Memo:
    """The memo of ``bookmarks`` (in the user's order within each group)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"group_by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    moment = (now or utc_now()).strftime("%Y-%m-%d %H:%M UTC")
    count = f"{len(bookmarks)} bookmark" + ("" if len(bookmarks) == 1 else "s")
    subtitle = f"Generated {moment} by briefing-tui · {count}, {GROUP_LABELS[group_by]}."
    members: dict[str, tuple[str, list[MemoEntry]]] = {}
    for bookmark in sorted(bookmarks, key=lambda bookmark: bookmark.position):
        key, name = _group_key(library, bookmark, group_by)
        members.setdefault(key, (name, []))[1].append(memo_entry(library, bookmark))
    groups = []
    for key in sorted(members, key=lambda key: _group_order(key, group_by)):
        name, entries = members[key]
        if group_by == "briefing":
            entries = _briefing_first(key, entries)
        remark = "These bookmarks point at content that is not loaded now; their notes are kept."
        groups.append(MemoGroup(key, name, entries, remark if key == "~missing" else ""))
    return Memo(clean_line(title) or "Bookmarks", subtitle, groups, compact)
