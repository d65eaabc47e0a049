"""Slides built from content: a briefing as a deck, the user's bookmarks as a deck (pure, no Textual).

Slides are written for a room: a title and a few short bullets, each one sentence or one line;
the detail (the full summary, quotes, the rest of a section's items) goes to the speaker notes.

* **A title slide**: the document, its byline and perspective, the first sentences of its summary. Its notes:
  what the briefing holds, the whole summary, then the document's own notes, labelled as background for
  questions (they are written for analysts: authorship, dating, transcription fixes).
* **One slide per section**, in the document's order: its summary's first sentences, then up to
  ``MAX_ITEM_BULLETS`` of its items as one-liners (key figures first), and how many more the
  notes list. Recommendations are not listed: each has a slide of its own right after.
* **One slide per recommendation**: its proposals (or its summary), its sub-recommendations and
  whom it is addressed to. A section that is just one recommendation ("1B. Take stock…" holding
  Recommendation 1B) is one slide, not two slides saying the same thing.

Other item kinds get a slide of their own only in a bookmarks deck. Bookmark notes and tags are
private: a note becomes speaker notes, tags are never shown. Every string is ``clean``-ed, so the
screen and the Markdown export show content, never terminal escapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from briefing_tui.core.citations import citation_text, item_details, numbered, section_label, source_citation
from briefing_tui.core.content import Library
from briefing_tui.core.content.entry import Entry
from briefing_tui.core.models import Section
from briefing_tui.core.slides.lines import byline, figure_line, item_line, join, source_line
from briefing_tui.core.slides.model import BookmarkLike, Deck, Slide
from briefing_tui.core.text import SILENT_TEXT, clean, clean_line, first_sentence, sentences
from briefing_tui.core.vocab import ACTORS, KINDS, count_of, label

if TYPE_CHECKING:
    from briefing_tui.core.dossier import Dossier

MAX_ITEM_BULLETS = 4
"""How many of a section's items its slide names (the rest are counted, and listed in the notes)."""

SUMMARY_BULLETS = 3
"""How many sentences of a summary a slide shows (the whole summary is in the notes)."""

BACKGROUND_LABEL = "Background, if asked (the analysts' notes on the document; not to read out):"
"""Heads the document's own notes on its title slide: they are written for analysts, not for the room."""

ITEM_PRIORITY = ("figure", "obstacle", "opportunity", "initiative", "case-study", "approach", "recommendation")
"""Which items a section slide names first when it cannot name them all."""


def _summary(text: str) -> list[str]:
    return sentences(text)[:SUMMARY_BULLETS]


def _notes(*parts: str) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def _entry_line(library: Library, entry: Entry) -> str:
    """``item_line`` from the lean record; only a key figure's line needs the full item (its value)."""
    return item_line(library.items[entry.id] if entry.kind == "figure" else entry)


def _quote(item) -> str:
    return f"“{clean_line(item.quote.text)}” ({clean_line(item.quote.attribution)})" if item.quote else ""


# -- slides ---------------------------------------------------------------------------------


def title_slide(library: Library, briefing_id: str) -> Slide:
    """The opening slide of a briefing: the document, its byline and perspective, its argument."""
    source = library.briefings[briefing_id].source
    counts: dict[str, int] = {}
    for entry in library.entries_in(briefing_id):  # kinds only: no item fetched from the store
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    order = [*KINDS, *sorted(set(counts) - set(KINDS))]
    contents = ", ".join(count_of(counts[kind], kind) for kind in order if kind in counts)
    sections = len(library.briefings[briefing_id].sections)
    return Slide(
        title=clean_line(source.title),
        kicker=join([source.kind.capitalize(), f"Perspective: {source.perspective}"]),
        subtitle=byline(source),
        bullets=_summary(source.summary),
        citation=source_citation(source) + (f" {clean_line(source.url)}" if source.url else ""),
        source_line=join([f"{source.publisher}, {source.date}", clean_line(source.url)]),
        # What the deck holds (one line, seen without scrolling), what to say (the whole summary), then what the
        # analysts noted about the document (authorship, dating, text shared with another briefing, transcription
        # fixes): for questions, not to read out, so it comes last and says so.
        notes=_notes(
            f"In this briefing: {sections} section{'' if sections == 1 else 's'}"
            + (f"; {contents}." if contents else "."),
            clean(source.summary),
            BACKGROUND_LABEL if source.notes.strip() else "",
            clean(source.notes),
        ),
        target=briefing_id,
        kind="title",
    )


def _own_recommendation(section: Section, entries: list[Entry]) -> Entry | None:
    """The recommendation a section is made of ("1B. Take stock…" holding Recommendation 1B), if any."""
    if not section.number:
        return None
    own = [entry for entry in entries if entry.kind == "recommendation" and entry.number == section.number]
    return own[0] if len(own) == 1 else None


def _position_kicker(library: Library, section_id: str, first: str = "") -> str:
    """ "Section 3 of 7 · its chapter", after ``first`` ("Recommendation")."""
    briefing_id, section = library.sections[section_id]
    sections = library.briefings[briefing_id].sections
    place = next(number for number, other in enumerate(sections, 1) if other.id == section_id)
    kicker = [first, f"Section {place} of {len(sections)}"]
    parent = next((other for other in sections if other.id == section.parent), None)
    if parent is not None:
        kicker.append(section_label(parent))
    return join(kicker)


def section_slide(library: Library, section_id: str) -> Slide:
    """A section: its summary's first sentences, then the items it holds as one-liners."""
    briefing_id, section = library.sections[section_id]
    source = library.briefings[briefing_id].source
    # Lean records: a section of a large pack holds hundreds of items, and only figures need fetching.
    entries = library.entries_of(library.section_items.get(section_id, []))
    own = _own_recommendation(section, entries)
    if own is not None:
        return _recommendation_slide(library, library.items[own.id], section=(section_id, entries))
    # Sub-recommendations show under their recommendation; recommendations get slides of their own.
    listed = [entry for entry in entries if not entry.parent and entry.kind != "recommendation"]
    rank = {kind: place for place, kind in enumerate(ITEM_PRIORITY)}
    order = sorted(range(len(listed)), key=lambda index: (rank.get(listed[index].kind, len(rank)), index))
    chosen = [listed[index] for index in sorted(order[:MAX_ITEM_BULLETS])]
    chosen_ids = {entry.id for entry in chosen}
    hidden = [entry for entry in listed if entry.id not in chosen_ids]
    bullets = _summary(section.summary) + [_entry_line(library, entry) for entry in chosen]
    if hidden:
        bullets.append(f"… and {len(hidden)} more in this section (in the speaker notes)")
    also = "\n".join(f"- {item_line(entry)}" for entry in hidden)  # lean lines: no item fetched
    return Slide(
        title=clean_line(section_label(section)),
        kicker=_position_kicker(library, section_id),
        bullets=bullets,
        citation=source_citation(source, section),
        source_line=source_line(source, section),
        notes=_notes(clean(section.summary), f"Also in this section:\n{also}" if also else ""),
        target=section_id,
        kind="section",
        covers=tuple(entry.id for entry in entries),
    )


def _recommendation_slide(
    library: Library,
    item,
    *,
    section: tuple[str, list[Entry]] | None = None,
) -> Slide:
    """A recommendation: its proposals (else its summary), sub-recommendations and addressees.

    With ``section`` (id, entries) the slide also stands for the section it makes up.
    """
    bullets = [clean_line(proposal) for proposal in item.proposals] or _summary(item.summary)
    for child_id in library.children.get(item.id, []):
        child = library.entry(child_id)
        if child is not None:
            bullets.append(_entry_line(library, child))
    if item.addressed_to:
        bullets.append("Addressed to: " + ", ".join(label(ACTORS, actor) for actor in item.addressed_to))
    found = library.sections.get(item.source.section)
    source = library.briefings[item.source.document].source
    notes = [clean(item.summary), _quote(item), clean(item.body)]
    covers = tuple(item.aliases)
    if section is not None:
        section_id, entries = section
        kicker = _position_kicker(library, section_id, first="Recommendation")
        others = [entry for entry in entries if entry.id != item.id and not entry.parent]
        notes.append(clean(library.sections[section_id][1].summary))
        if others:
            notes.append("Also in this section:\n" + "\n".join(f"- {item_line(entry)}" for entry in others))
        covers += (section_id, *(entry.id for entry in entries if entry.id != item.id))
    elif found is not None and found[1].number and found[1].number == item.number:
        # Its section is the recommendation itself ("1B." holding Recommendation 1B): say where, not the title again.
        kicker = _position_kicker(library, found[1].id, first="Recommendation")
    else:
        kicker = join(["Recommendation", section_label(found[1]) if found else ""])
    return Slide(
        title=clean_line(numbered(item.number, item.title) if item.number else item.title),
        kicker=kicker,
        bullets=bullets,
        citation=citation_text(library, item),
        source_line=source_line(source, found[1] if found else None),
        notes=_notes(*notes),
        target=item.id,
        kind="recommendation",
        covers=covers,
    )


def item_slide(library: Library, item) -> Slide:
    """Any item: a figure's value line or its summary's first sentences; the detail in the notes."""
    if item.kind == "recommendation":
        return _recommendation_slide(library, item)
    bullets = _summary(item.summary)
    if item.kind == "figure":
        bullets = [figure_line(item), clean_line(item.measures)]
    found = library.sections.get(item.source.section)
    briefing = library.briefings.get(item.source.document)
    kind_label = KINDS.get(item.kind, item.kind)
    title = clean_line(item.title)
    return Slide(
        title=title,
        kicker=join([kind_label, section_label(found[1]) if found else ""]),
        # Not the title again (a key figure whose title states its value and year is its own figure line).
        bullets=[bullet for bullet in bullets if bullet and bullet != title],
        citation=citation_text(library, item),
        source_line=source_line(briefing.source, found[1] if found else None) if briefing else "",
        notes=_notes(clean(item.summary), item_details(item), _quote(item), clean(item.body)),
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
    bullets = _summary(cell.stance) if cell is not None else [SILENT_TEXT]
    if cell is not None and not cell.silent:
        if cell.instruments:
            bullets.append("Instruments: " + ", ".join(clean_line(name) for name in cell.instruments))
        if cell.contrast:
            bullets.append("What sets it apart: " + clean_line(cell.contrast))
    sources = [
        library.briefings[source_id].source
        for source_id in (cell.sources if cell is not None else [])
        if source_id in library.briefings
    ]
    return Slide(
        title=clean_line(f"{theme.title}: {label(ACTORS, actor)}"),
        kicker="Comparison",
        bullets=[clean_line(bullet) for bullet in bullets],
        citation=join([f"{source_citation(source)} ({source.perspective})" for source in sources], "; "),
        source_line=join([f"{source.publisher}, {source.date}" for source in sources], "; "),
        notes=_notes(clean(cell.stance) if cell is not None else "", clean(theme.summary)),
        target=target,
        kind="cell",
        covers=tuple(cell.evidence) if cell is not None else (),
    )


def dossier_slide(library: Library, target: str) -> Slide | None:
    """A bookmarked dossier (``dossier:actor=japan,country=brazil``): its bottom line and first facts."""
    from briefing_tui.core.dossier import build_dossier, known_filters

    filters = known_filters(target)
    if filters is None:
        return None
    dossier = build_dossier(library, **filters)
    groups = dict(dossier.groups)
    bullets = dossier.overview[:1]
    bullets += [clean_line(entry.line) for entry in groups.get("Key figures", [])[:3]]
    bullets += [clean_line(entry.line) for entry in groups.get("Recommendations", [])[:2]]
    listed = [
        f"{name}:\n" + "\n".join(f"- {clean_line(entry.line)}" for entry in entries) for name, entries in dossier.groups
    ]
    return Slide(
        title=clean_line(dossier.title),
        kicker="Dossier",
        bullets=[first_sentence(bullet) or bullet for bullet in bullets] or [dossier.relax],
        notes=_notes(*[clean(line) for line in dossier.overview[1:]], *listed),
        target=dossier.target,
        kind="dossier",
    )


def dossier_title_slide(dossier: Dossier) -> Slide:
    """A dossier deck's opening slide: what the dossier covers and which briefings say it; the full overview
    (each briefing's view) in the notes, with the deck's groups."""
    bullets = [first_sentence(line) or line for line in dossier.overview]
    groups = [f"{name}: {len(entries)}" for name, entries in dossier.groups]
    return Slide(
        title=clean_line(dossier.title),
        kicker="Dossier",
        bullets=[clean_line(bullet) for bullet in bullets],
        notes=_notes(*[clean(line) for line in dossier.overview], "In this deck, in order:\n" + "\n".join(groups)),
        target=dossier.target,
        kind="dossier",
    )


def missing_slide(target: str, target_kind: str = "") -> Slide:
    """Stands in for a bookmark whose target is no longer in the loaded content."""
    what = {
        "item": "item",
        "section": "section",
        "briefing": "briefing",
        "cell": "comparison cell",
        "dossier": "dossier",
    }.get(target_kind, "target")
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
        return section_slide(library, target)
    if target in library.briefings:
        return title_slide(library, target)
    if target.startswith("dossier:"):
        return dossier_slide(library, target)
    return cell_slide(library, target)


# -- decks ------------------------------------------------------------------------------------


def briefing_deck(library: Library, briefing_id: str) -> Deck:
    """A briefing as slides: title, then each section followed by its recommendations."""
    briefing = library.briefings[briefing_id]
    slides = [title_slide(library, briefing_id)]
    for section in briefing.sections:
        slide = section_slide(library, section.id)
        slides.append(slide)
        for entry in library.entries_of(library.section_items.get(section.id, [])):
            if entry.kind == "recommendation" and entry.id != slide.target:
                slides.append(_recommendation_slide(library, library.items[entry.id]))
    return Deck(title=clean_line(briefing.source.title), slides=slides)


def dossier_deck(library: Library, filters: dict[str, str]) -> Deck:
    """A dossier as slides: its title slide, then each entry (item or comparison cell) in the dossier's order."""
    from briefing_tui.core.dossier import build_dossier

    dossier = build_dossier(library, **filters)
    slides = [dossier_title_slide(dossier)]
    for _name, entries in dossier.groups:
        slides += [slide for entry in entries if (slide := target_slide(library, entry.target)) is not None]
    return Deck(title=clean_line(f"Dossier: {dossier.title}"), slides=slides)


def bookmarks_deck(library: Library, bookmarks: Sequence[BookmarkLike], title: str = "Bookmarks") -> Deck:
    """One slide per bookmark in the given (saved) order; the bookmark's note is the speaker notes.

    Tags are the user's own filing and never reach a slide the room sees.
    """
    slides = []
    for bookmark in bookmarks:
        slide = target_slide(library, bookmark.target) or missing_slide(bookmark.target, bookmark.target_kind)
        note = clean(bookmark.note).strip()
        slides.append(replace(slide, notes=note) if note else slide)
    return Deck(title=clean_line(title), slides=slides)
