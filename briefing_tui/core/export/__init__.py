"""Exports: Markdown memos and documents, JSON data, and writing them out."""

from briefing_tui.core.export.jsondata import JSON_FORMAT, bookmarks_from_json, bookmarks_json, briefing_dict, item_dict
from briefing_tui.core.export.markdown import (
    GroupBy,
    bookmarks_markdown,
    briefing_markdown,
    comparison_markdown,
    heading,
    item_markdown,
    md_body,
    md_code,
    md_line,
    md_note,
    md_note_quote,
    md_quote,
    md_text,
    memo_markdown,
    source_citation,
)
from briefing_tui.core.export.output import write_output

__all__ = [
    "JSON_FORMAT",
    "GroupBy",
    "bookmarks_from_json",
    "bookmarks_json",
    "bookmarks_markdown",
    "briefing_dict",
    "briefing_markdown",
    "comparison_markdown",
    "heading",
    "item_dict",
    "item_markdown",
    "md_body",
    "md_code",
    "md_line",
    "md_note",
    "md_note_quote",
    "md_quote",
    "md_text",
    "memo_markdown",
    "source_citation",
    "write_output",
]
