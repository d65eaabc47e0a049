"""What the search index holds for an item: its text columns and facet tokens, from a field dict.

The same rows come from a loaded library (``vars(item)`` or the item store's JSON) and from the
content's TOML as parsed, before validation (``builder``, in a process of its own): both must give
identical rows, so an index built either way answers the same.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

Row = tuple[int, str, str, str, str, str, str]
"""(rowid, id, title, summary, body, tags, facets): one item of the FTS table, rowid 1-based."""

LIST_FIELDS = ("countries", "actors", "sectors", "tags", "notes")
"""List fields the text uses, absent from a TOML item that leaves them at their default."""


def _get(value: Any, name: str) -> Any:
    """A field of a nested value: a dict (stored JSON, raw TOML) or a model (validated in this process)."""
    return value[name] if isinstance(value, dict) else getattr(value, name)


def facets(fields: Mapping[str, Any]) -> str:
    kind = fields["kind"]
    tokens = [f"kind_{kind}", f"briefing_{_get(fields['source'], 'document')}"]
    tokens += [f"country_{country}" for country in fields["countries"]]
    tokens += [f"sector_{sector}" for sector in fields["sectors"]]
    actors = set(fields["actors"])
    if kind == "approach":  # the actor it characterizes (models.actor_of)
        actors.add(fields["actor"])
    tokens += [f"actor_{actor}" for actor in sorted(actors)]
    return " ".join(token.replace("-", "_") for token in tokens)


def item_text(fields: Mapping[str, Any]) -> tuple[str, str, str, str]:
    # From the field dict (``vars(item)``, the stored JSON or the raw TOML), so one function serves all three.
    extra: list[str] = []
    for name in ("value", "measures", "name", "acronym", "theme", "number"):
        value = fields.get(name)
        if value:
            extra.append(str(value))
    for name in ("proposals", "companies", "institutions", "partners"):
        extra.extend(fields.get(name) or [])
    quote = fields.get("quote")
    if quote:
        extra.append(_get(quote, "text"))
    body = "\n".join([fields["body"], *extra, *fields["notes"]])
    tags = " ".join([*fields["tags"], *fields["countries"], *fields["sectors"], *fields["actors"]]).replace("-", " ")
    return fields["title"], fields["summary"], body, tags


def row(position: int, fields: Mapping[str, Any]) -> tuple[Row, str]:
    """The FTS row of the item at this 1-based position, and its kind."""
    return (position, fields["id"], *item_text(fields), facets(fields)), fields["kind"]


def rows(fields: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Row, str]]:
    """(row, kind) of each item, in library order."""
    for position, item in enumerate(fields, start=1):
        yield row(position, item)


STRIPPED = ("title", "summary", "body")
"""The text shown from the index (snippets): stripped as validation strips it (``str_strip_whitespace``).
Elsewhere, leading or trailing whitespace changes no token; stripping every string cost 2 s at 100,000 items."""


def raw_fields(raw: dict[str, Any]) -> dict[str, Any]:
    """An item as parsed from TOML, shaped as its validated fields are (defaults filled in, text stripped).

    Only for a pack that then validates: the loader rejects anything else, and with it this index.
    """
    fields = dict(raw)
    for name in STRIPPED:
        value = fields.get(name)
        if isinstance(value, str):
            fields[name] = value.strip()
    fields.setdefault("body", "")
    for name in LIST_FIELDS:
        fields.setdefault(name, [])
    return fields


def ids_digest(ids: Iterable[str]) -> str:
    """A hash of the item ids in order: an index answers for a library only if its digest is the library's."""
    joined = "\0".join(ids)
    return hashlib.blake2b((joined + "\0" if joined else "").encode(), digest_size=16).hexdigest()
