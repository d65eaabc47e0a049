"""The bookmarks memo as a Word document (.docx), made with python-docx.

The document holds what the Markdown memo holds (see ``memo.build_memo``): headings
for the groups and the bookmarks, the summary and facts, the user's note with its
paragraphs and lists, tags and the full citation. Text goes in as text: nothing a note
says can become Word formatting.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime

from briefing_tui.core.content import Library
from briefing_tui.core.export.memo import GroupBy, Memo, MemoEntry, build_memo, note_blocks
from briefing_tui.core.storage.bookmarks import Bookmark

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_LIST_LEVELS = 3
"""The default template has "List Bullet", "List Bullet 2" and "List Bullet 3"."""


def bookmarks_docx(
    library: Library,
    bookmarks: Sequence[Bookmark],
    group_by: GroupBy = "briefing",
    title: str = "Bookmarks",
    *,
    compact: bool = False,
    now: datetime | None = None,
) -> bytes:
    """The memo of the bookmarks as the bytes of a .docx file."""
    return memo_docx(build_memo(library, bookmarks, group_by, title, compact=compact, now=now))


def memo_docx(memo: Memo) -> bytes:
    """A memo as the bytes of a .docx file."""
    from docx import Document  # ~60 ms to import (lxml): only when a document is made

    document = _Writer(Document())
    document.core_properties.title = memo.title
    document.core_properties.author = "briefing-tui"
    document.add_heading(memo.title, level=0)
    document.add_paragraph().add_run(memo.subtitle).italic = True
    if memo.empty:
        document.add_paragraph("No bookmarks yet.")
    for group in memo.groups:
        if group.title:
            document.add_heading(group.title, level=1)
        if group.remark:
            document.add_paragraph().add_run(group.remark).italic = True
        for entry in group.entries:
            _entry(document, entry, 2 if group.title else 1, compact=memo.compact)
    buffer = io.BytesIO()
    document.document.save(buffer)
    return buffer.getvalue()


class _Writer:
    """A python-docx Document whose styled paragraphs are quick to add.

    python-docx resolves a style given by name (or object) by scanning every style of
    the document for each paragraph: 500 bookmarks took 3.3 s. The style ids are
    looked up once here and set on each new paragraph's XML directly.
    """

    def __init__(self, document) -> None:
        self.document = document
        self.core_properties = document.core_properties
        self._ids: dict[str, str] = {}

    def _style_id(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self.document.styles[name].style_id
        return self._ids[name]

    def add_paragraph(self, text: str = "", style: str | None = None):
        paragraph = self.document.add_paragraph(text)
        if style:
            paragraph._p.style = self._style_id(style)  # see the class docstring
        return paragraph

    def add_heading(self, text: str, level: int):
        return self.add_paragraph(text, "Title" if level == 0 else f"Heading {level}")


def _entry(document: _Writer, entry: MemoEntry, level: int, *, compact: bool) -> None:
    if entry.headed:
        document.add_heading(entry.title, level=level)
    if entry.missing:
        document.add_paragraph().add_run(f"{entry.kind} · not in the loaded content").italic = True
    elif not compact:
        document.add_paragraph().add_run(f"{entry.kind} · {entry.bookmark.target}").italic = True
    if compact:
        _note(document, entry.bookmark.note)
        if entry.one_line:
            document.add_paragraph(entry.one_line)
    else:
        for paragraph in entry.body.strip().split("\n\n") if entry.body.strip() else []:
            run = document.add_paragraph().add_run(" ".join(paragraph.split()))
            run.italic = entry.body_is_placeholder
        for fact in entry.facts:
            document.add_paragraph(fact, style="List Bullet")
        _note(document, entry.bookmark.note)
        if entry.bookmark.tags:
            _labelled(document, "Tags: ", ", ".join(entry.bookmark.tags))
    if entry.citation:
        _labelled(document, "Source: ", entry.citation)


def _labelled(document: _Writer, name: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(name).bold = True
    paragraph.add_run(text)


def _note(document: _Writer, note: str) -> None:
    """The user's note under a "Note:" label: its paragraphs, line breaks and lists kept."""
    if not note.strip():
        return
    document.add_paragraph().add_run("Note:").bold = True
    for block in note_blocks(note):
        if block.kind == "bullet":
            level = min(block.level, _LIST_LEVELS - 1)
            paragraph = document.add_paragraph(style="List Bullet" + (f" {level + 1}" if level else ""))
        elif block.kind == "number":
            # The user's own numbers, as text: Word's list numbering would continue across notes.
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = _indent(block.level)
            paragraph.add_run(f"{block.number}. ")
        else:
            paragraph = document.add_paragraph()
        for index, line in enumerate(block.lines):
            run = paragraph.add_run(line)
            if index < len(block.lines) - 1:
                run.add_break()


def _indent(level: int):
    from docx.shared import Inches

    return Inches(0.25 * (level + 1))
