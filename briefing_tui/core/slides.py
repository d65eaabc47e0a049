"""Slide decks for presenter mode: a briefing or the user's bookmarks as slides (pure, no Textual).

What a briefing deck holds, and why:

* **A title slide**: the document's title, who published it, its authors and date, whose
  perspective it gives, and its summary as bullets (one sentence each).
* **One slide per section**, in the document's order (a chapter and its subsections each
  get one; a subsection's kicker names its chapter). Bullets are the section summary, one
  sentence each, then up to ``MAX_ITEM_BULLETS`` of the section's items as one-liners, so
  a presenter can point at what the section contains without a slide per obstacle or
  case study. Key figures come first (a value says a lot in one line), then
  recommendations, obstacles, opportunities, initiatives, case studies and approaches;
  the chosen items keep document order, and a last bullet says how many more there are
  (the speaker notes list them all).
* **One slide per recommendation** (sub-recommendations included), right after the
  slide of the section it comes from: recommendations are what a room of officials is
  there for. Its bullets are the summary, the concrete proposals, whom it is addressed
  to and its sub-recommendations.

Every other item kind gets a slide of its own only in a bookmarks deck (one slide per
bookmark, in the user's order, with the bookmark's note as the speaker notes).

Every string is passed through ``sanitize`` when a slide is built, so the screen and
the Markdown export show content, never terminal escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, MutableSequence, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol, overload

from briefing_tui.core import citations as render
from briefing_tui.core.content import Library
from briefing_tui.core.content.entry import Entry
from briefing_tui.core.models import Section, SourceDocument
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, KIND_PLURALS, KINDS, label

MAX_ITEM_BULLETS = 6
"""How many of a section's items its slide names (the rest are counted, and listed in the notes)."""

ITEM_PRIORITY = ("figure", "recommendation", "obstacle", "opportunity", "initiative", "case-study", "approach")
"""Which items a section slide names first when it cannot name them all."""

SILENT = "The documents say nothing on this."


@dataclass(frozen=True)
class Slide:
    """One slide: what the room sees (title, kicker, bullets, citation) and what the presenter reads."""

    title: str
    kicker: str = ""
    """A line above the title: the briefing, "Section 3 of 7", the kind of item."""
    bullets: list[str] = field(default_factory=list)
    """The key points, one line of text each (they wrap on screen)."""
    citation: str = ""
    """Where the slide's content comes from, shown in small print."""
    notes: str = ""
    """Speaker notes: the bookmark's note, else the item's body or the section's full summary."""
    target: str = ""
    """The id of what the slide shows (briefing, section, item or comparison cell id)."""
    subtitle: str = ""
    """A line under the title (the title slide's byline)."""
    kind: str = ""
    """What the slide shows: "title", "section", "cell", "missing" or an item kind."""
    covers: tuple[str, ...] = ()
    """Ids the slide stands for, beyond its target (a section slide covers the section's items)."""

    @property
    def target_kind(self) -> str | None:
        """The bookmark kind of ``target`` ("briefing", "section", "item", "cell"), or None if missing."""
        if self.kind == "title":
            return "briefing"
        if self.kind in ("section", "cell"):
            return self.kind
        if self.kind in KINDS:
            return "item"
        return None


@dataclass(frozen=True)
class PlannedSlide:
    """A slide not built yet: what it shows and covers (known cheaply), and how to build it."""

    target: str
    covers: tuple[str, ...]
    build: Callable[[], Slide]
    heading: Callable[[], tuple[str, str]]
    """The slide's (title, kicker), without building it (for the overview)."""


class LazySlides(MutableSequence[Slide]):
    """A deck's slides, each built the first time it is read.

    A briefing of thousands of items has hundreds of slides, and building one fetches its
    items from the store; building them all before the first shows made the presenter slow
    to open on a large pack.
    """

    def __init__(self, planned: Iterable[PlannedSlide | Slide]) -> None:
        self._slides: list[PlannedSlide | Slide] = list(planned)

    def outlines(self) -> list[PlannedSlide | Slide]:
        """Every slide, built or not: enough to read its ``target`` and ``covers``."""
        return self._slides

    def _built(self, index: int) -> Slide:
        slide = self._slides[index]
        if isinstance(slide, PlannedSlide):
            slide = self._slides[index] = slide.build()
        return slide

    @overload
    def __getitem__(self, index: int) -> Slide: ...

    @overload
    def __getitem__(self, index: slice) -> list[Slide]: ...

    def __getitem__(self, index: int | slice) -> Slide | list[Slide]:
        if isinstance(index, slice):
            return [self._built(position) for position in range(*index.indices(len(self._slides)))]
        return self._built(index)

    @overload
    def __setitem__(self, index: int, value: Slide) -> None: ...

    @overload
    def __setitem__(self, index: slice, value: Iterable[Slide]) -> None: ...

    def __setitem__(self, index: int | slice, value: Slide | Iterable[Slide]) -> None:
        self._slides[index] = value  # type: ignore[index,assignment]

    def __delitem__(self, index: int | slice) -> None:
        del self._slides[index]

    def __len__(self) -> int:
        return len(self._slides)

    def insert(self, index: int, value: Slide) -> None:
        self._slides.insert(index, value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"LazySlides({len(self._slides)} slides)"


@dataclass(frozen=True)
class Deck:
    """A titled sequence of slides."""

    title: str
    slides: MutableSequence[Slide]

    def index_of(self, target: str | None) -> int | None:
        """The first slide showing ``target``, else the first slide covering it, else None."""
        if not target:
            return None
        slides = self._outlines()
        for index, slide in enumerate(slides):
            if slide.target == target:
                return index
        for index, slide in enumerate(slides):
            if target in slide.covers:
                return index
        return None

    def headings(self) -> list[tuple[str, str]]:
        """(title, kicker) of every slide, without building a lazy deck's slides."""
        return [
            slide.heading() if isinstance(slide, PlannedSlide) else (slide.title, slide.kicker)
            for slide in self._outlines()
        ]

    def _outlines(self) -> Sequence[PlannedSlide | Slide]:
        """Every slide as it is: outlines carry target and covers without building a lazy deck's slides."""
        return self.slides.outlines() if isinstance(self.slides, LazySlides) else self.slides

    @property
    def slug(self) -> str:
        """The title as a file-name stem: ``An Example Briefing`` -> ``an-example-briefing``."""
        return slugify(self.title)


class BookmarkLike(Protocol):
    """What ``bookmarks_deck`` reads from a bookmark (``storage.Bookmark`` has it)."""

    target: str
    target_kind: str
    note: str
    tags: list[str]


# -- text helpers ----------------------------------------------------------------------------

_ABBREVIATION = re.compile(
    r"(?:\b(?:U\.S|U\.K|U\.N|e\.g|i\.e|etc|Inc|Co|Corp|Ltd|No|vs|St|Dr|Mr|Ms|Jr|Sr|approx|cf|al)\.|\b[A-Z]\.)$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+")


def sentences(text: str) -> list[str]:
    """Split a summary into sentences (one bullet each), keeping "U.S." and initials intact."""
    flat = clean_line(text)
    if not flat:
        return []
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(flat):
        end = match.end()
        candidate = flat[start:end].strip()
        following = flat[end : end + 1]
        # Only a capital, digit or opening quote starts a new sentence; abbreviations never end one.
        starts_sentence = following.isupper() or following.isdigit() or following in ('"', "“", "‘", "(")
        if not starts_sentence or _ABBREVIATION.search(candidate.rstrip('"”’)')):
            continue
        parts.append(candidate)
        start = end
    rest = flat[start:].strip()
    if rest:
        parts.append(rest)
    return parts


def slugify(text: str, *, default: str = "deck", limit: int = 60) -> str:
    """Lowercase ASCII letters and digits joined by hyphens, at most ``limit`` characters."""
    slug = re.sub(r"[^a-z0-9]+", "-", clean_line(text).lower()).strip("-")
    if len(slug) > limit:
        # Cut at a word boundary where there is one.
        cut = slug[: limit + 1].rsplit("-", 1)[0]
        slug = cut if "-" in slug[: limit + 1] else slug[:limit]
    return slug or default


def _join(parts: Iterable[str], separator: str = " · ") -> str:
    return separator.join(part for part in (clean_line(part) for part in parts) if part)


def source_byline(source: SourceDocument) -> str:
    """Publisher · authors · date."""
    return _join([source.publisher, ", ".join(source.authors), source.date])


def source_citation(source: SourceDocument, section: Section | None = None) -> str:
    """A citation of a document (and section) in the form of ``render.citation_text``."""
    who = source.publisher + (f" ({', '.join(source.authors)})" if source.authors else "")
    text = f"{source.title}. {who}, {source.date}."
    if section is not None:
        text += f" Section: {render.section_label(section)}."
    return clean_line(text)


def item_line(item) -> str:
    """An item as one bullet: "Key figure: $3 billion (Japanese FDI stock in Brazil)"."""
    kind = KINDS.get(item.kind, item.kind)
    if item.kind == "figure":
        return clean_line(f"{kind}: {item.value} ({item.title})")
    if item.kind == "recommendation" and item.number:
        return clean_line(f"{kind} {item.number}: {item.title}")
    return clean_line(f"{kind}: {item.title}")


def _entry_line(library: Library, entry: Entry) -> str:
    """``item_line`` from the lean record; only a key figure's line needs the full item (its value)."""
    return item_line(library.items[entry.id] if entry.kind == "figure" else entry)


# -- slides ---------------------------------------------------------------------------------


def _title_heading(library: Library, briefing_id: str) -> tuple[str, str]:
    source = library.briefings[briefing_id].source
    return clean_line(source.title), _join([source.kind.capitalize(), f"Perspective: {source.perspective}"])


def title_slide(library: Library, briefing_id: str) -> Slide:
    """The opening slide of a briefing: the document, its byline and perspective, its argument."""
    briefing = library.briefings[briefing_id]
    source = briefing.source
    notes = [clean(source.summary)]
    if source.notes:
        notes.append("About the document: " + clean(source.notes))
    counts: dict[str, int] = {}
    for entry in library.entries_in(briefing_id):  # kinds only: no item fetched from the store
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    if counts:
        notes.append(
            f"{len(briefing.sections)} sections; "
            + ", ".join(
                f"{count} {(KINDS if count == 1 else KIND_PLURALS)[kind].lower()}" for kind, count in counts.items()
            )
            + "."
        )
    title, kicker = _title_heading(library, briefing_id)
    return Slide(
        title=title,
        kicker=kicker,
        subtitle=source_byline(source),
        bullets=sentences(source.summary),
        citation=source_citation(source) + (f" {clean_line(source.url)}" if source.url else ""),
        notes="\n\n".join(notes),
        target=briefing_id,
        kind="title",
    )


def _chosen_items(items: list[Entry]) -> list[Entry]:
    """Up to MAX_ITEM_BULLETS items, the most telling kinds first, in document order."""
    rank = {kind: position for position, kind in enumerate(ITEM_PRIORITY)}
    ordered = sorted(range(len(items)), key=lambda index: (rank.get(items[index].kind, len(rank)), index))
    keep = sorted(ordered[:MAX_ITEM_BULLETS])
    return [items[index] for index in keep]


def _section_heading(library: Library, section_id: str, position: tuple[int, int] | None) -> tuple[str, str]:
    briefing_id, section = library.sections[section_id]
    kicker = [f"Section {position[0]} of {position[1]}" if position else "Section"]
    parent = next((other for other in library.briefings[briefing_id].sections if other.id == section.parent), None)
    if parent is not None:
        kicker.append(render.section_label(parent))
    return clean_line(render.section_label(section)), _join(kicker)


def section_slide(library: Library, section_id: str, *, position: tuple[int, int] | None = None) -> Slide:
    """A section: its summary sentence by sentence, then the items it holds as one-liners."""
    briefing_id, section = library.sections[section_id]
    briefing = library.briefings[briefing_id]
    # Lean records: a section of a large pack holds hundreds of items, and only figures need fetching.
    entries = library.entries_of(library.section_items.get(section_id, []))
    # Sub-recommendations show under their recommendation, not as section bullets.
    top_level = [entry for entry in entries if not entry.parent]
    chosen = _chosen_items(top_level)
    bullets = sentences(section.summary) + [_entry_line(library, entry) for entry in chosen]
    chosen_ids = {entry.id for entry in chosen}
    hidden = [entry for entry in top_level if entry.id not in chosen_ids]
    if hidden:
        bullets.append(f"… and {len(hidden)} more in this section (listed in the notes)")
    notes = clean(section.summary)
    if hidden:
        notes += "\n\nAlso in this section:\n" + "\n".join(f"- {_entry_line(library, entry)}" for entry in hidden)
    title, kicker = _section_heading(library, section_id, position)
    return Slide(
        title=title,
        kicker=kicker,
        bullets=bullets,
        citation=source_citation(briefing.source, section),
        notes=notes,
        target=section_id,
        kind="section",
        covers=tuple(entry.id for entry in entries),
    )


def _item_heading(library: Library, kind: str, title: str, number: str, section_id: str) -> tuple[str, str]:
    """An item slide's (title, kicker), from the item or its lean record."""
    kind_label = KINDS.get(kind, kind)
    heading = clean_line(f"{kind_label} {number}: {title}" if kind == "recommendation" and number else title)
    found = library.sections.get(section_id)
    kicker = [kind_label] + ([render.section_label(found[1])] if found else [])
    return heading, _join(kicker)


def item_slide(library: Library, item) -> Slide:
    """Any item: its summary sentence by sentence with its kind-specific details."""
    summary = sentences(item.summary)
    bullets: list[str] = []
    if item.kind == "recommendation":
        bullets += summary
        bullets += [clean_line(proposal) for proposal in item.proposals]
        if item.addressed_to:
            bullets.append("Addressed to: " + ", ".join(label(ACTORS, actor) for actor in item.addressed_to))
        for child_id in library.children.get(item.id, []):
            child = library.entry(child_id)
            if child is not None:
                bullets.append(_entry_line(library, child))
    else:
        details = [line.strip().removeprefix("• ") for line in render.item_details(item).splitlines() if line.strip()]
        # A key figure leads with its value and what it measures; the rest lead with the point.
        bullets += details + summary if item.kind == "figure" else summary + details
    if item.quote:
        bullets.append(f"“{clean_line(item.quote.text)}” ({clean_line(item.quote.attribution)})")
    number = item.number if item.kind == "recommendation" else ""
    title, kicker = _item_heading(library, item.kind, item.title, number, item.source.section)
    return Slide(
        title=title,
        kicker=kicker,
        bullets=[clean_line(bullet) for bullet in bullets if clean_line(bullet)],
        citation=render.citation_text(library, item),
        notes=clean(item.body).strip() or clean(item.summary),
        target=item.id,
        kind=item.kind,
        covers=tuple(item.aliases),
    )


def cell_slide(library: Library, target: str) -> Slide | None:
    """A comparison cell (``compare:<theme>:<actor>``): one actor's stance on one theme."""
    from briefing_tui.core.compare import cell_for, parse_cell_id

    parsed = parse_cell_id(target)
    theme = library.themes.get(parsed[0]) if parsed else None
    if parsed is None or theme is None:
        return None
    actor = parsed[1]
    cell = cell_for(theme, actor)
    bullets: list[str]
    citation = ""
    if cell is None or cell.silent:
        bullets = sentences(cell.stance) if cell is not None else [SILENT]
    else:
        bullets = sentences(cell.stance)
        if cell.instruments:
            bullets.append("Instruments: " + ", ".join(cell.instruments))
        if cell.contrast:
            bullets.append("What sets it apart: " + cell.contrast)
    if cell is not None and cell.sources:
        sources = [library.briefings[source_id].source for source_id in cell.sources if source_id in library.briefings]
        citation = "Sources: " + "; ".join(f"{source_citation(source)} ({source.perspective})" for source in sources)
    return Slide(
        title=clean_line(f"{theme.title}: {label(ACTORS, actor)}"),
        kicker="Comparison",
        bullets=[clean_line(bullet) for bullet in bullets],
        citation=clean_line(citation),
        notes=clean(theme.summary),
        target=target,
        kind="cell",
        covers=tuple(cell.evidence) if cell is not None else (),
    )


def missing_slide(target: str, target_kind: str = "") -> Slide:
    """Stands in for a bookmark whose target is no longer in the loaded content."""
    what = {"item": "item", "section": "section", "briefing": "briefing", "cell": "comparison cell"}.get(
        target_kind, "target"
    )
    return Slide(
        title=clean_line(f"Missing: {target}"),
        kicker="Bookmark",
        bullets=[f"This bookmarked {what} is not in the loaded content (it may have been removed or renamed)."],
        target=target,
        kind="missing",
    )


def target_slide(library: Library, target: str) -> Slide | None:
    """The slide for any target id, or None when it is not in the loaded content."""
    item = library.item(target)
    if item is not None:
        return item_slide(library, item)
    if target in library.sections:
        briefing_id = library.briefing_of_section(target) or ""
        sections = library.briefings[briefing_id].sections
        position = next(index for index, section in enumerate(sections, 1) if section.id == target)
        return section_slide(library, target, position=(position, len(sections)))
    if target in library.briefings:
        return title_slide(library, target)
    return cell_slide(library, target)


# -- decks ------------------------------------------------------------------------------------


def _item_slide_of(library: Library, item_id: str) -> Slide:
    return item_slide(library, library.items[item_id])


def briefing_deck(library: Library, briefing_id: str) -> Deck:
    """A briefing as slides: title, then each section followed by its recommendations.

    The deck is planned from the lean records; each slide is built when first read.
    """
    briefing = library.briefings[briefing_id]
    planned = [
        PlannedSlide(
            briefing_id, (), partial(title_slide, library, briefing_id), partial(_title_heading, library, briefing_id)
        )
    ]
    total = len(briefing.sections)
    for position, section in enumerate(briefing.sections, 1):
        item_ids = library.section_items.get(section.id, [])
        build = partial(section_slide, library, section.id, position=(position, total))
        heading = partial(_section_heading, library, section.id, (position, total))
        planned.append(PlannedSlide(section.id, tuple(item_ids), build, heading))
        for entry in library.entries_of(item_ids):
            if entry.kind == "recommendation":
                build = partial(_item_slide_of, library, entry.id)
                heading = partial(_item_heading, library, entry.kind, entry.title, entry.number, entry.section)
                planned.append(PlannedSlide(entry.id, entry.aliases, build, heading))
    return Deck(title=clean_line(briefing.source.title), slides=LazySlides(planned))


def bookmarks_deck(library: Library, bookmarks: Sequence[BookmarkLike], title: str = "Bookmarks") -> Deck:
    """One slide per bookmark in the given (saved) order; the bookmark's note is the speaker notes."""
    slides = []
    for bookmark in bookmarks:
        slide = target_slide(library, bookmark.target) or missing_slide(bookmark.target, bookmark.target_kind)
        kicker = slide.kicker
        if bookmark.tags:
            kicker = _join([kicker, " ".join(f"#{tag}" for tag in bookmark.tags)])
        note = clean(bookmark.note).strip()
        slides.append(
            Slide(
                title=slide.title,
                kicker=kicker,
                bullets=slide.bullets,
                citation=slide.citation,
                notes=note or slide.notes,
                target=slide.target,
                subtitle=slide.subtitle,
                kind=slide.kind,
                covers=slide.covers,
            )
        )
    return Deck(title=clean_line(title), slides=slides)


# -- Markdown -----------------------------------------------------------------------------


def deck_markdown(deck: Deck) -> str:
    """The deck as Markdown for sharing: one ``---``-separated slide per slide.

    Each slide has its title as a heading, its kicker and bullets, the citation in
    italics and the speaker notes under a "Notes:" label. Content is escaped, so a
    ``#`` or ``---`` in a note stays text and never starts a heading or a slide.
    """
    from briefing_tui.core.export import md_line, md_note

    blocks: list[str] = []
    if not deck.slides or deck.slides[0].kind != "title":
        count = len(deck.slides)
        blocks.append(f"# {md_line(deck.title)}\n\n*{count} slide{'' if count == 1 else 's'}*")
    for slide in deck.slides:
        lines = [("# " if slide.kind == "title" else "## ") + md_line(slide.title)]
        if slide.kicker:
            lines += ["", f"*{md_line(slide.kicker)}*"]
        if slide.subtitle:
            lines += ["", md_line(slide.subtitle)]
        if slide.bullets:
            lines.append("")
            lines += [f"- {md_line(bullet)}" for bullet in slide.bullets]
        if slide.citation:
            lines += ["", f"*Source: {md_line(slide.citation)}*"]
        if slide.notes.strip():
            lines += ["", "Notes:", ""]
            lines += md_note(slide.notes)  # keeps the note's lines, lists and paragraphs
        blocks.append("\n".join(lines))
    return "\n\n---\n\n".join(blocks) + "\n"
