"""What can be exported, in which formats: the descriptions the export dialog is built from.

A screen that exports something hands the dialog a list of ``ExportChoice``: a label,
the formats it can be written in, a file-name stem, and a function that makes the
content for a chosen format and memo options. The dialog does the rest (folder, name,
asking before overwriting, remembering the folder), so every screen exports the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefing_tui.core.content import Library
from briefing_tui.core.export.memo import GroupBy
from briefing_tui.core.models import Theme
from briefing_tui.core.storage.bookmarks import Bookmark


@dataclass(frozen=True)
class ExportFormat:
    key: str
    """"md", "docx", "json" ..."""
    label: str
    """What the dialog shows, e.g. "Word (.docx)"."""
    suffix: str
    """The file name's suffix, e.g. ".docx"."""
    name: str = ""
    """The format in a sentence, e.g. "Word": "Exported as Word (.docx) to ..."."""


MARKDOWN = ExportFormat("md", "Markdown (.md)", ".md", "Markdown")
WORD = ExportFormat("docx", "Word (.docx)", ".docx", "Word")
JSON = ExportFormat("json", "JSON, re-importable (.json)", ".json", "JSON")
FORMATS_BY_SUFFIX = {".md": MARKDOWN, ".markdown": MARKDOWN, ".docx": WORD, ".json": JSON}
"""The formats a file name's suffix names (compared in lower case)."""


def format_named_by(path: Path) -> ExportFormat | None:
    """The format ``path``'s suffix names (``memo.DOCX``: Word), or None for no or an unknown suffix."""
    return FORMATS_BY_SUFFIX.get(path.suffix.lower())


@dataclass(frozen=True)
class MemoOptions:
    """The memo's title, grouping and form (used by choices with ``memo_options``)."""

    title: str = "Bookmarks"
    group_by: GroupBy = "briefing"
    compact: bool = False


Render = Callable[[ExportFormat, MemoOptions], "str | bytes"]
"""Makes the content of a choice in a format: text, or bytes for binary formats (.docx)."""


@dataclass(frozen=True)
class ExportChoice:
    key: str
    label: str
    """What is exported, e.g. "Bookmarks and notes (memo)"."""
    formats: Sequence[ExportFormat]
    """The formats offered, the default first."""
    render: Render
    stem: str
    """The default file name without date and suffix, e.g. "briefing-notes"."""
    memo_formats: frozenset[str] = frozenset()
    """Formats for which title, grouping and compact form apply."""


def default_file_name(choice: ExportChoice, export_format: ExportFormat, today: date | None = None) -> str:
    """E.g. ``briefing-notes-2024-11-05.docx``."""
    return f"{choice.stem}-{(today or date.today()).isoformat()}{export_format.suffix}"


def with_suffix(path: Path, export_format: ExportFormat, formats: Sequence[ExportFormat]) -> Path:
    """``path`` with the suffix of ``export_format`` in place of a known format's suffix."""
    known = {known.suffix for known in formats}
    if path.suffix.lower() in known:
        return path.with_suffix(export_format.suffix)
    return path.with_name(path.name + export_format.suffix) if path.name else path


# -- the choices the app offers ----------------------------------------------------------


def bookmarks_choice(library: Library, bookmarks: Callable[[], Sequence[Bookmark]]) -> ExportChoice:
    """The bookmarks memo (Word, Markdown) or the bookmarks as JSON; ``bookmarks`` is read when written."""

    def render(export_format: ExportFormat, options: MemoOptions) -> str | bytes:
        from briefing_tui.core.export.jsondata import bookmarks_json
        from briefing_tui.core.export.markdown import bookmarks_markdown

        current = bookmarks()
        if export_format.key == "json":
            return bookmarks_json(library, current)
        if export_format.key == "docx":
            from briefing_tui.core.export.docx import bookmarks_docx

            return bookmarks_docx(library, current, options.group_by, options.title, compact=options.compact)
        return bookmarks_markdown(library, current, options.group_by, options.title, compact=options.compact)

    return ExportChoice(
        "bookmarks",
        "Bookmarks and notes (memo)",
        (WORD, MARKDOWN, JSON),
        render,
        "briefing-notes",
        memo_formats=frozenset({"docx", "md"}),
    )


def briefing_choice(library: Library, briefing_id: str) -> ExportChoice:
    """A briefing, section by section, as Markdown or JSON."""

    def render(export_format: ExportFormat, options: MemoOptions) -> str:
        import json

        from briefing_tui.core.export.jsondata import briefing_dict
        from briefing_tui.core.export.markdown import briefing_markdown

        if export_format.key == "json":
            return json.dumps(briefing_dict(library, briefing_id), ensure_ascii=False, indent=2) + "\n"
        return briefing_markdown(library, briefing_id)

    title = library.briefings[briefing_id].source.title
    return ExportChoice(f"briefing:{briefing_id}", f"This briefing: {title}", (MARKDOWN, JSON), render, briefing_id)


def comparison_choice(
    library: Library, themes: Sequence[Theme] | None = None, *, label: str = "The whole comparison"
) -> ExportChoice:
    """The comparison (all themes, or those given) as Markdown or JSON."""
    shown = list(library.themes.values()) if themes is None else list(themes)

    def render(export_format: ExportFormat, options: MemoOptions) -> str:
        import json

        from briefing_tui.core.compare import comparison_json
        from briefing_tui.core.export.markdown import comparison_markdown

        if export_format.key == "json":
            return json.dumps(comparison_json(shown), ensure_ascii=False, indent=2) + "\n"
        return comparison_markdown(library, shown)

    stem = "comparison" if themes is None or len(shown) != 1 else f"comparison-{shown[0].id}"
    return ExportChoice(f"compare:{stem}", label, (MARKDOWN, JSON), render, stem)


def dossier_choice(library: Library, filters: dict[str, str]) -> ExportChoice:
    """A dossier (see ``core.dossier``) as Word, Markdown or JSON."""
    from briefing_tui.core.dossier import build_dossier

    dossier = build_dossier(library, **filters)

    def render(export_format: ExportFormat, options: MemoOptions) -> str | bytes:
        import json

        from briefing_tui.core.export.dossier import dossier_dict, dossier_docx, dossier_markdown

        if export_format.key == "json":
            return json.dumps(dossier_dict(dossier), ensure_ascii=False, indent=2) + "\n"
        if export_format.key == "docx":
            return dossier_docx(dossier)
        return dossier_markdown(dossier)

    stem = "dossier-" + "-".join(value for _name, value in sorted(filters.items()))
    return ExportChoice(dossier.target, f"Dossier: {dossier.title}", (WORD, MARKDOWN, JSON), render, stem)


def deck_choice(deck: object) -> ExportChoice:
    """A slide deck as Markdown (slides separated by rules, notes under each)."""
    from briefing_tui.core.slides import Deck, deck_markdown

    assert isinstance(deck, Deck)

    def render(export_format: ExportFormat, options: MemoOptions) -> str:
        return deck_markdown(deck)

    return ExportChoice(f"deck:{deck.slug}", f"Slides: {deck.title}", (MARKDOWN,), render, f"{deck.slug}-slides")
