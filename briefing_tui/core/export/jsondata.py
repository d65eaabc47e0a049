"""Bookmarks, items and briefings as JSON data (and bookmarks read back from JSON or TOML)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from briefing_tui.core.citations import citation_dict
from briefing_tui.core.compare import SILENT_TEXT, cell_for, parse_cell_id
from briefing_tui.core.content import Library
from briefing_tui.core.models import as_data
from briefing_tui.core.storage.bookmarks import Bookmark, BookmarkError, iso, resolves, utc_now
from briefing_tui.core.vocab import ACTORS, label

JSON_FORMAT = "briefing-tui-bookmarks"
"""The ``format`` key of a bookmarks JSON export (``import`` checks it when present)."""


def _resolved(library: Library | None, bookmark: Bookmark) -> dict[str, Any] | None:
    """What a bookmark points at, for the JSON export (None when it is missing)."""
    if library is None or not resolves(library, bookmark):
        return None
    target = bookmark.target
    if bookmark.target_kind == "item":
        item = library.item(target)
        if item is None:
            return None
        return {"id": item.id, "kind": item.kind, "title": item.title, "citation": citation_dict(library, item)}
    if bookmark.target_kind == "section":
        briefing_id, section = library.sections[target]
        return {"id": section.id, "kind": "section", "title": section.title, "briefing": briefing_id}
    if bookmark.target_kind == "briefing":
        return {"id": target, "kind": "briefing", "title": library.briefings[target].source.title}
    if bookmark.target_kind == "dossier":
        from briefing_tui.core.dossier import dossier_title, known_filters

        filters = known_filters(target) or {}
        count = len(library.filter_entries(**filters))
        return {"id": target, "kind": "dossier", "title": dossier_title(**filters), "filters": filters, "items": count}
    theme_id, actor = parse_cell_id(target) or ("", "")
    cell = cell_for(library.themes[theme_id], actor)
    return {
        "id": target,
        "kind": "cell",
        "title": f"{library.themes[theme_id].title}: {label(ACTORS, actor)}",
        "stance": cell.stance if cell else SILENT_TEXT,
        "sources": list(cell.sources) if cell else [],
    }


def bookmarks_json(library: Library | None, bookmarks: Sequence[Bookmark], *, now: datetime | None = None) -> str:
    """Bookmarks as JSON (with what each resolves to); ``bookmarks_from_json`` reads it back."""
    data = {
        "format": JSON_FORMAT,
        "version": 1,
        "generated": iso(now or utc_now()),
        "bookmarks": [
            {**bookmark.as_data(), "resolved": _resolved(library, bookmark)}
            for bookmark in sorted(bookmarks, key=lambda bookmark: bookmark.position)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def bookmarks_from_json(text: str, *, now: datetime | None = None) -> list[Bookmark]:
    """Bookmarks from a JSON export, a JSON list, or a bookmarks.toml file; ValueError says what is wrong."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as json_error:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as toml_error:
            raise ValueError(f"neither JSON ({json_error}) nor a bookmarks TOML file ({toml_error})") from None
    if isinstance(data, dict):
        if data.get("format", JSON_FORMAT) != JSON_FORMAT:
            raise ValueError(f"format is {data.get('format')!r}, not {JSON_FORMAT!r}")
        data = data.get("bookmarks")
    if not isinstance(data, list):
        raise ValueError("no list of bookmarks found (expected a 'bookmarks' list)")
    stamp = iso(now or utc_now())
    bookmarks = []
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise ValueError(f"bookmark #{index + 1} is not an object")
        fields = {"created": stamp, "updated": stamp, "position": index}
        fields.update({key: value for key, value in entry.items() if key != "resolved"})
        try:
            bookmarks.append(Bookmark.from_data(fields))
        except BookmarkError as error:
            raise ValueError(f"bookmark #{index + 1} ({entry.get('target', '?')}): {error}") from None
    return bookmarks


# -- JSON of items and briefings -------------------------------------------------------


def item_dict(library: Library, item) -> dict[str, Any]:
    """An item as JSON data, with its citation and related items (as ``show --json``)."""
    data = as_data(item)
    data["citation"] = citation_dict(library, item)
    data["related_items"] = [{"id": o.id, "kind": o.kind, "title": o.title} for o in library.related(item.id)]
    return data


def briefing_dict(library: Library, briefing_id: str) -> dict[str, Any]:
    """A briefing as JSON data: its source, and its sections in order with their items."""
    briefing = library.briefings.get(briefing_id)
    if briefing is None:
        raise ValueError(f"no briefing {briefing_id!r}")
    return {
        "source": as_data(briefing.source),
        "sections": [
            {
                **as_data(section),
                "items": [as_data(library.items[i]) for i in library.section_items.get(section.id, [])],
            }
            for section in briefing.sections
        ],
    }
