"""A deck as Markdown for sharing: slides separated by ``---``, bullets as lists, notes kept apart."""

from __future__ import annotations

from briefing_tui.core.slides.model import Deck


def deck_markdown(deck: Deck) -> str:
    """One ``---``-separated block per slide: heading, kicker, bullets, source, then the speaker notes.

    Content is escaped, so a ``#`` or ``---`` in a note stays text and never starts a heading or
    a slide; a note's own lists stay lists.
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
            lines += ["", "**Notes:**", ""]
            lines += md_note(slide.notes)
        blocks.append("\n".join(lines))
    return "\n\n---\n\n".join(blocks) + "\n"
