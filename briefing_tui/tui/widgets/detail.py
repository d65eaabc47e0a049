"""The detail pane: an item, section or briefing rendered for reading, with links."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from briefing_tui.core import citations as render
from briefing_tui.core.content import Library
from briefing_tui.core.search import highlight_spans
from briefing_tui.core.text import clean, clean_line
from briefing_tui.core.vocab import ACTORS, COUNTRIES, KINDS, SECTORS, count_of, label

if TYPE_CHECKING:
    from briefing_tui.core.glossary import Glossary, Term  # loaded with the first item shown, not at start

KIND_STYLES = {
    "recommendation": "bold black on #7fd18b",
    "obstacle": "bold black on #f08a7e",
    "opportunity": "bold black on #7ec8f0",
    "case-study": "bold black on #f0d27e",
    "initiative": "bold black on #c9a3f0",
    "figure": "bold black on #f0b27e",
    "approach": "bold black on #a3e0d8",
}
"""Badge colours per kind: readable on dark and light themes (black on a pastel)."""

HIGHLIGHT = "bold reverse"
ACRONYM_STYLE = "underline"
"""How an acronym the glossary spells out is marked in the item's text (``A`` lists their expansions)."""


def kind_badge(kind: str) -> Text:
    """A coloured label; text appended afterwards keeps the default style."""
    badge = Text()
    badge.append(f" {KINDS.get(kind, kind).upper()} ", style=KIND_STYLES.get(kind, "reverse"))
    return badge


def highlighted(text: str, terms: list[str], style: str = "", glossary: Glossary | None = None) -> Text:
    """Plain text with the search's words highlighted and (``glossary``) its acronyms underlined."""
    result = Text(clean(text), style=style)
    if glossary is not None:
        for start, end, _term in glossary.spans(result.plain):
            result.stylize(ACRONYM_STYLE, start, end)
    for start, end in highlight_spans(result.plain, terms):
        result.stylize(HIGHLIGHT, start, end)
    return result


def _markdown(text: str) -> RenderableType:
    # Rich's Markdown never interprets Rich markup; links are shown, not followed. Imported here:
    # markdown-it costs ~40 ms, and the first screen (a briefing) has no body to show.
    from rich.markdown import Markdown

    return Markdown(clean(text), hyperlinks=False)


class DetailView(VerticalScroll):
    """Shows one target; posts ``LinkChosen`` when the user opens a linked target."""

    class LinkChosen(Message):
        """The user chose a link (related item, section, item in an index)."""

        def __init__(self, target: str) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.target: str | None = None
        """What is shown now."""
        self.acronyms: list[Term] = []
        """The glossary's terms the item shown uses, in order of first mention (empty for anything else)."""

    def compose(self) -> ComposeResult:
        yield Static(id="detail-content")
        yield Label("", id="links-title")
        yield OptionList(id="links")

    def show_placeholder(self, text: str) -> None:
        self.target = None
        self.acronyms = []
        self.query_one("#detail-content", Static).update(Text(text, style="dim"))
        self._set_links("", [])

    def show(
        self,
        library: Library,
        target: str,
        *,
        terms: list[str] | None = None,
        note: str | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        """Render ``target`` (an item, section or briefing id); ``glossary`` spells out the acronyms it uses."""
        resolved = library.resolve(target)
        if resolved is None:
            self.show_placeholder(f"“{target}” is not in the loaded content (it may have been removed).")
            return
        self.target = target
        self.acronyms = []
        kind, obj = resolved
        terms = terms or []
        if kind == "item":
            content, links_title, links = self._item(library, obj, terms, glossary)
        elif kind == "section":
            content, links_title, links = self._section(library, obj, terms)
        else:
            content, links_title, links = self._briefing(library, obj, terms)
        if glossary is not None and kind == "item":
            self.acronyms = glossary.in_text(_item_text(obj))
            if self.acronyms:
                content = Group(content, Text(""), _acronyms_line(self.acronyms))
        if note is not None:
            content = Group(
                content, Text(""), Text("★ Your note", style="bold yellow"), Text(clean(note) or "(no note)")
            )
        self.query_one("#detail-content", Static).update(content)
        self._set_links(links_title, links)
        self.scroll_home(animate=False)

    def _set_links(self, title: str, links: list[tuple[str, Text]]) -> None:
        label_widget = self.query_one("#links-title", Label)
        label_widget.update(Text(title))
        label_widget.display = bool(links)
        options = self.query_one("#links", OptionList)
        options.clear_options()
        options.add_options([Option(prompt, id=target) for target, prompt in links])
        options.display = bool(links)

    def _item(self, library: Library, item, terms: list[str], glossary: Glossary | None):
        def marked(text: str, style: str = "") -> Text:
            return highlighted(text, terms, style, glossary)

        parts: list[RenderableType] = []
        header = kind_badge(item.kind)
        briefing = library.briefings.get(item.source.document)
        if briefing:
            header.append(
                f"  {clean_line(briefing.source.publisher)} · {clean_line(briefing.source.date)}", style="dim"
            )
        parts.append(header)
        parts.append(Text(""))
        parts.append(marked(item.title, "bold"))
        parts.append(Text(""))
        if item.kind == "figure":
            value = Text(clean_line(item.value), style="bold")
            if render.unit_adds(item):
                value.append(f"  {clean_line(item.unit)}", style="dim")
            parts.append(value)
            parts.append(marked(f"Measures: {item.measures}"))
            if item.year:
                parts.append(Text(f"Year: {item.year}", style="dim"))
            parts.append(Text(""))
        parts.append(marked(item.summary))
        details = render.item_details(item) if item.kind != "figure" else ""
        if details:
            parts.append(Text(""))
            parts.append(marked(details))
        if item.body:
            parts.append(Text(""))
            parts.append(_markdown(item.body))
        if item.quote:
            parts.append(Text(""))
            quote = Text(f"“{clean_line(item.quote.text)}”", style="italic")
            quote.append(f"\n  — {clean_line(item.quote.attribution)}", style="dim")
            parts.append(quote)
        if item.notes:
            parts.append(Text(""))
            parts.append(Text("Source notes", style="bold"))
            for note in item.notes:
                parts.append(Text(f"  • {clean_line(note)}", style="dim"))
        tags = Text()
        for actor in item.actors:
            tags.append(f" {label(ACTORS, actor)} ", style="bold on #3a4a6b")
            tags.append(" ")
        for country in item.countries:
            tags.append(f" {label(COUNTRIES, country)} ", style="on #2f5d50")
            tags.append(" ")
        for sector in item.sectors:
            tags.append(f" {label(SECTORS, sector)} ", style="on #5d4a2f")
            tags.append(" ")
        if tags.plain:
            parts.append(Text(""))
            parts.append(tags)
        parts.append(Text(""))
        parts.append(Text.assemble(("Source: ", "bold"), (render.citation_text(library, item), "dim")))
        links = [(other.id, self._link_label(other)) for other in library.related(item.id)]
        return Group(*parts), "Related", links

    def _section(self, library: Library, section, terms: list[str]):
        briefing_id = library.briefing_of_section(section.id) or ""
        briefing = library.briefings[briefing_id]
        parts: list[RenderableType] = [
            Text.assemble((" SECTION ", "bold reverse"), (f"  {clean_line(briefing.source.title)}", "dim")),
            Text(""),
            Text(clean_line(render.section_label(section)), style="bold"),
            Text(""),
            highlighted(section.summary, terms),
        ]
        links = [
            (item_id, self._link_label(library.entry(item_id))) for item_id in library.section_items.get(section.id, [])
        ]
        subsections = [other for other in briefing.sections if other.parent == section.id]
        links += [(other.id, Text(f"§ {clean_line(render.section_label(other))}")) for other in subsections]
        parts.append(Text(""))
        parts.append(Text(f"{len(links)} entries in this section", style="dim"))
        return Group(*parts), "In this section", links

    def _briefing(self, library: Library, briefing, terms: list[str]):
        source = briefing.source
        meta = Text()
        meta.append("Publisher: ", style="bold").append(clean_line(source.publisher) + "\n")
        if source.authors:
            meta.append("Authors: ", style="bold").append(clean_line(", ".join(source.authors)) + "\n")
        meta.append("Date: ", style="bold").append(clean_line(source.date) + "\n")
        meta.append("Perspective: ", style="bold").append(clean_line(source.perspective) + "\n")
        if source.url:
            meta.append("URL: ", style="bold").append(clean_line(source.url) + "\n")
        counts: dict[str, int] = {}
        for item in library.entries_in(briefing.id):
            counts[item.kind] = counts.get(item.kind, 0) + 1
        summary_counts = ", ".join(count_of(count, kind) for kind, count in counts.items())
        parts: list[RenderableType] = [
            Text(" BRIEFING ", style="bold reverse"),
            Text(""),
            Text(clean_line(source.title), style="bold"),
            Text(""),
            meta,
            highlighted(source.summary, terms),
            Text(""),
            Text(summary_counts, style="dim"),
        ]
        if source.notes:
            parts += [Text(""), Text(clean(source.notes), style="italic dim")]
        links = [
            (section.id, Text(("  " if section.parent else "") + "§ " + clean_line(render.section_label(section))))
            for section in briefing.sections
        ]
        return Group(*parts), "Sections", links

    @staticmethod
    def _link_label(item) -> Text:
        text = kind_badge(item.kind)
        text.append(" " + clean_line(item.title))
        return text

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.LinkChosen(event.option.id))


def _item_text(item) -> str:
    """The item's words the glossary looks in: title, summary, body, name and partners."""
    return " ".join(
        [item.title, item.summary, item.body, getattr(item, "name", ""), " ".join(getattr(item, "partners", []))]
    )


def _acronyms_line(found: list[Term]) -> Text:
    """ "Acronyms: JBIC Japan Bank for International Cooperation · ...": each term the item uses, spelled out."""
    line = Text("Acronyms: ", style="bold")
    for number, term in enumerate(found):
        if number:
            line.append(" · ", style="dim")
        line.append(clean_line(term.term), style="bold underline")
        line.append(" " + clean_line(term.expansion), style="dim")
    line.append("  (A: what they mean)", style="dim italic")
    return line
