"""Parsing content files: TOML to validated models, every failure a ``Problem``.

The one module of the content path that imports pydantic: only a pack not yet in the cache is parsed.
"""

from __future__ import annotations

import re
import threading
import tomllib
from collections.abc import Sequence
from pathlib import Path

from pydantic import TypeAdapter, ValidationError
from pydantic_core import to_json

from briefing_tui.core.content.errors import Problem
from briefing_tui.core.content.toml_text import parse_toml
from briefing_tui.core.models import ContentFile, Item

_adapter: TypeAdapter[ContentFile] | None = None
_adapter_lock = threading.Lock()
UNKNOWN_FIELD = ("extra_forbidden", "unexpected_keyword_argument")
"""pydantic's error types for a key the model does not have."""


def file_adapter() -> TypeAdapter[ContentFile]:
    """pydantic's validator of a content file, built once, on first use (~0.1 s)."""
    global _adapter
    with _adapter_lock:
        if _adapter is None:
            _adapter = TypeAdapter(ContentFile)
        return _adapter


def item_json(item: Item) -> str:
    """A validated item as the JSON the store keeps (read back by ``trusted.item``).

    pydantic-core serializes the dataclass in Rust: 3x faster than ``json.dumps`` of its fields, which
    is seconds at 100,000 items.
    """
    return to_json(item).decode()


def describe(folder: Path, path: Path) -> str:
    try:
        return str(path.relative_to(folder.parent))
    except ValueError:
        return str(path)


def _validation_problems(name: str, raw: dict, error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into problems naming the item and the field."""
    problems = []
    for detail in error.errors():
        loc = list(detail["loc"])
        item = ""
        if len(loc) >= 2 and loc[0] in ("items", "sections", "themes") and isinstance(loc[1], int):
            entries = raw.get(loc[0])
            entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            label = loc[0][:-1]
            item = str(ident) if ident else f"{label} #{loc[1] + 1}"
            loc = loc[2:]
            # Drop the discriminator tag pydantic inserts ("figure", "case-study").
            if loc and isinstance(loc[0], str) and isinstance(entry, dict) and loc[0] == entry.get("kind"):
                loc = loc[1:]
        elif loc and loc[0] == "source":
            source = raw.get("source")
            item = str(source.get("id", "source")) if isinstance(source, dict) else "source"
            loc = loc[1:]
        field_name = ".".join(str(part) for part in loc)
        message = detail["msg"].removeprefix("Value error, ")
        if detail["type"] in UNKNOWN_FIELD:
            message = "unknown field (not in the schema)"
        problems.append(Problem(file=name, item=item, field=field_name, message=message))
    return problems


def parse_file(path: Path, name: str, *, strict: bool = True) -> tuple[ContentFile | None, list[Problem]]:
    """Parse and validate one file: the content, or None and its problems (see ``toml_text.parse_toml``)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file=name, message=f"not UTF-8 text ({error.reason} at byte {error.start})")]
    except OSError as error:
        return None, [Problem(file=name, message=f"cannot read: {error.strerror or error}")]
    try:
        raw = parse_toml(text, strict=strict)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line = int(found.group(1)) if found else None
        column = int(found.group(2)) if found else None
        message = str(error).split(" (at ")[0]
        return None, [Problem(file=name, message=f"invalid TOML: {message}", line=line, column=column)]
    except RecursionError:
        return None, [Problem(file=name, message="invalid TOML: nested too deeply")]
    try:
        content = file_adapter().validate_python(raw)
        return content, []
    except ValidationError as error:
        return None, _validation_problems(name, raw, error)
    except RecursionError:
        return None, [Problem(file=name, message="nesting too deep")]


def parse_files(files: Sequence[Path], base: Path | None = None) -> tuple[list[tuple[str, ContentFile]], list[Problem]]:
    """Parse and validate each file on its own; collect every problem."""
    parsed: list[tuple[str, ContentFile]] = []
    problems: list[Problem] = []
    for path in files:
        name = describe(base, path) if base else str(path)
        content, found = parse_file(path, name)
        problems.extend(found)
        if content is not None:
            parsed.append((name, content))
    return parsed, problems
