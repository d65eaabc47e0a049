"""A dossier (``core.dossier``) as Markdown, JSON data and a Word document."""

from __future__ import annotations

import io
from typing import Any

from briefing_tui.core.dossier import Dossier
from briefing_tui.core.export.markdown import heading, md_line


def dossier_markdown(dossier: Dossier) -> str:
    blocks = [heading(1, f"Dossier: {dossier.title}"), ""]
    blocks += [md_line(line) for line in dossier.overview[:1]]
    if len(dossier.overview) > 1:
        blocks.append("")
        blocks += ["- " + md_line(line) for line in dossier.overview[1:]]
    for title, entries in dossier.groups:
        blocks += ["", heading(2, title), ""]
        blocks += [f"- {md_line(entry.line)} ({md_line(entry.citation)})" for entry in entries]
    return "\n".join(blocks).rstrip() + "\n"


def dossier_dict(dossier: Dossier) -> dict[str, Any]:
    return {
        "title": dossier.title,
        "target": dossier.target,
        "filters": dossier.filters,
        "overview": dossier.overview,
        "relax": dossier.relax,
        "groups": [
            {"title": title, "entries": [{"id": e.target, "line": e.line, "citation": e.citation} for e in entries]}
            for title, entries in dossier.groups
        ],
    }


def dossier_docx(dossier: Dossier) -> bytes:
    """The dossier as a Word document (headings, the overview, one bullet per entry with its citation)."""
    from docx import Document

    document = Document()
    document.add_heading(f"Dossier: {dossier.title}", level=1)
    for number, line in enumerate(dossier.overview):
        document.add_paragraph(line, style=None if number == 0 else "List Bullet")
    for title, entries in dossier.groups:
        document.add_heading(title, level=2)
        for entry in entries:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(entry.line)
            paragraph.add_run(f" ({entry.citation})").italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
