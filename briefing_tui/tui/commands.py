"""Command palette provider: jump to any briefing, section, item or comparison theme by title."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from briefing_tui.core.text import clean_line
from briefing_tui.core.vocab import KINDS

if TYPE_CHECKING:
    from briefing_tui.core.content import Library
    from briefing_tui.tui.app import BriefingApp

MAX_HITS = 40


class JumpProvider(Provider):
    """Fuzzy-matches titles: "go: <briefing|section|item|theme>"."""

    _cached: list[tuple[str, str, str]] | None = None

    if TYPE_CHECKING:

        @property
        def app(self) -> BriefingApp: ...

    def _entries(self) -> list[tuple[str, str, str]]:
        """(text to match, help, target) for everything that can be opened."""
        library = self.app.library
        if library is None:
            return []
        if self._cached is not None:
            return self._cached
        entries: list[tuple[str, str, str]] = []
        for briefing in library.data.briefings:
            entries.append((f"briefing: {clean_line(briefing.source.title)}", briefing.source.publisher, briefing.id))
            for section in briefing.sections:
                entries.append((f"section: {clean_line(section.title)}", briefing.source.title, section.id))
        for theme in library.themes.values():
            entries.append((f"compare: {clean_line(theme.title)}", "Comparison theme", f"compare:{theme.id}:us"))
        entries.extend(_dossier_entries(library))
        for term in self.app.glossary.terms:
            entries.append(
                (
                    f"glossary: {clean_line(term.term)} ({clean_line(term.expansion)})",
                    term.explanation,
                    f"glossary:{term.term}",
                )
            )
        for item in library.entries:
            entries.append((f"{KINDS[item.kind].lower()}: {clean_line(item.title)}", item.id, item.id))
        self._cached = entries
        return entries

    async def discover(self) -> Hits:
        for text, help_text, target in self._entries()[:12]:
            yield DiscoveryHit(Content(text), partial(self._open, target), help=_plain_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = 0
        for text, help_text, target in self._entries():
            score = matcher.match(text)
            if score > 0:
                found += 1
                yield Hit(
                    score,
                    _highlight(matcher, text),
                    partial(self._open, target),
                    text=text,
                    help=_plain_help(help_text),
                )
                if found >= MAX_HITS * 10:
                    return

    def _open(self, target: str) -> None:
        if target.startswith("glossary:"):
            self.app.show_glossary(target.removeprefix("glossary:"))
            return
        self.app.open_target(target)


DOSSIER_ACTORS = ("us", "japan", "china", "lac")


def _dossier_entries(library: Library) -> list[tuple[str, str, str]]:
    """ "dossier: Japan in Brazil" for each main actor and country the items pair, and each alone."""
    from briefing_tui.core.dossier import dossier_title

    pairs: dict[tuple[str, str], int] = {}
    countries: dict[str, int] = {}
    actors: dict[str, int] = {}
    for entry in library.entries:
        concerned = {*entry.actors, *([entry.actor] if entry.actor else [])} & set(DOSSIER_ACTORS)
        for country in entry.countries:
            countries[country] = countries.get(country, 0) + 1
            for actor in concerned:
                pairs[(actor, country)] = pairs.get((actor, country), 0) + 1
        for actor in concerned:
            actors[actor] = actors.get(actor, 0) + 1
    # "China" is an actor and a country: the second column says which dossier is which.
    found = [
        (f"dossier: {dossier_title(actor=actor)}", f"{count} items · what it does", f"dossier:actor={actor}")
        for actor, count in actors.items()
    ]
    found += [
        (
            f"dossier: {dossier_title(country=country)}",
            f"{count} items · set in the country",
            f"dossier:country={country}",
        )
        for country, count in sorted(countries.items(), key=lambda pair: -pair[1])
    ]
    found += [
        (
            f"dossier: {dossier_title(country=country, actor=actor)}",
            f"{count} items",
            f"dossier:actor={actor},country={country}",
        )
        for (actor, country), count in sorted(pairs.items(), key=lambda pair: -pair[1])
    ]
    return found


# The palette parses a str prompt and every help text as markup; content titles must show as written.


def _highlight(matcher: Matcher, text: str) -> Content:
    """``Matcher.highlight`` without its markup parsing: the matched letters styled in plain text."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _plain_help(text: str) -> str:
    """Help text escaped for the palette, which always reads it as markup."""
    return escape(clean_line(text))


def system_commands(app: BriefingApp) -> Iterable[SystemCommand]:
    """The app's own commands in the palette (after Textual's: theme, keys, screenshot, quit)."""
    yield SystemCommand("Compare: US · Japan · China", "Open the side-by-side comparison", app.action_compare)
    yield SystemCommand("Bookmarks", "List, edit, reorder and export bookmarks", app.action_bookmarks)
    yield SystemCommand("Glossary", "Every acronym and key name, with its expansion", app.show_glossary)
    yield SystemCommand("Present: this briefing", "Step through the current briefing", app.action_present)
    yield SystemCommand("Present: bookmarks", "Present the bookmarked items in saved order", app.present_bookmarks)
    yield SystemCommand("Export…", "Export bookmarks, a briefing or the comparison", app.action_export)
    yield SystemCommand("Bookmark: toggle", "Bookmark what is selected", app.action_toggle_bookmark)
    yield SystemCommand("Note: edit", "Write a note on what is selected", app.action_edit_note)
    yield SystemCommand("Copy as Markdown", "Copy the selected item with its citation", app.action_copy)
    yield SystemCommand("Help: keys", "Keys by screen", app.action_help)
