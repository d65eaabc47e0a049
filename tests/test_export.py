"""Exports: golden Markdown files from the fixture pack, escaping, JSON round trips, writing files.

Golden files live in tests/golden/. After a deliberate change to an export, regenerate them with
``UPDATE_GOLDEN=1 pytest tests/test_export.py`` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing_tui.core import export
from briefing_tui.core.content import Library
from briefing_tui.core.storage.bookmarks import Bookmark, BookmarkStore
from briefing_tui.core.text import clean_line

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2024, 11, 5, 12, 30, tzinfo=UTC)
STAMP = "2024-11-05T12:00:00Z"
HOSTILE_NOTE = (
    "# not a heading | a pipe `code` <script>alert(1)</script> \x1b[31mred\x1b[0m *stars* _under_ [link](x)\n"
    "- not a list\n"
    "1. not numbered\n"
    "> not a quote\n"
    "\n"
    "A second paragraph with &amp; and $5 and \\ backslash."
)


def bookmark(target: str, kind: str, position: int, note: str = "", tags: tuple[str, ...] = ()) -> Bookmark:
    return Bookmark(
        target=target, target_kind=kind, note=note, tags=list(tags), created=STAMP, updated=STAMP, position=position
    )


@pytest.fixture
def bookmarks() -> list[Bookmark]:
    """One of each kind, a missing item, a hostile note; given out of order (position decides)."""
    return [
        bookmark("compare:development-finance:japan", "cell", 2, "Japan's column: compare with JBIC data."),
        bookmark("demo-rec-1", "item", 0, HOSTILE_NOTE, ("follow-up", "brief #2")),
        bookmark("demo-intro", "section", 1),
        bookmark("demo-gone", "item", 3, "This item was removed from the pack.\nKeep the note.", ("archive",)),
        bookmark("demo", "briefing", 4, "Whole report."),
        bookmark("demo-fig-fdi", "item", 5),
        bookmark("compare:energy-transition:china", "cell", 6, "Nothing on China here."),
    ]


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8")


# -- golden files ----------------------------------------------------------------------


def test_memo_by_briefing(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    check_golden("memo-by-briefing.md", export.bookmarks_markdown(pack_library, bookmarks, now=NOW))


def test_memo_by_kind(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    text = export.bookmarks_markdown(pack_library, bookmarks, "kind", "Week 45 reading", now=NOW)
    check_golden("memo-by-kind.md", text)


def test_item(pack_library: Library) -> None:
    text = export.item_markdown(pack_library, pack_library.item("demo-rec-1"))
    text += "\n" + export.item_markdown(pack_library, pack_library.item("demo-app-japan-finance"))
    check_golden("item.md", text)


def test_briefing(pack_library: Library) -> None:
    check_golden("briefing.md", export.briefing_markdown(pack_library, "demo"))


def test_comparison(pack_library: Library) -> None:
    check_golden("comparison.md", export.comparison_markdown(pack_library, list(pack_library.themes.values())))


# -- what the memo must contain --------------------------------------------------------


def test_memo_keeps_order_notes_citations_and_missing_items(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    text = export.bookmarks_markdown(pack_library, bookmarks, now=NOW)
    assert text.startswith("# Bookmarks\n")
    assert "Generated 2024-11-05 12:30 UTC" in text
    headings = re.findall(r"^### (.+)$", text, flags=re.M)
    assert headings == [  # the briefing bookmark leads its briefing's group, under the group's heading
        "Coordinate development finance",
        "Introduction",
        "Japanese FDI stock in Brazil",
        "Development finance: Japan",
        "Energy transition: China",
        "demo-gone",
    ]
    assert "Example Institute (A. Author), November 2024. Section: 4. A Way Forward." in text
    assert text.index("## Missing items") < text.index("> This item was removed from the pack.\\\n> Keep the note.")
    assert "**Tags:** archive" in text
    assert "The documents say nothing on this." in text  # the empty China cell renders, with its note
    assert "> Nothing on China here." in text


LIST_NOTE = (
    "Ask the minister about:\n"
    "- co-financing with JBIC\n"
    "- the port tender\n"
    "  - timing\n"
    "Then, in order:\n"
    "1. brief the ambassador\n"
    "2. send the memo\n"
    "\n"
    "A last paragraph,\non two lines."
)


def test_a_note_keeps_its_lists_lines_and_paragraphs(pack_library: Library) -> None:
    note = bookmark("demo-rec-1", "item", 0, LIST_NOTE)
    html = MarkdownIt("commonmark").render(export.bookmarks_markdown(pack_library, [note], now=NOW))
    assert "<p>Ask the minister about:</p>" in html
    assert "<li>co-financing with JBIC</li>" in html
    assert re.search(r"<li>the port tender\s*<ul>\s*<li>timing</li>", html)  # nested
    assert "<p>Then, in order:</p>" in html
    assert re.search(r"<ol>\s*<li>brief the ambassador</li>\s*<li>send the memo</li>\s*</ol>", html)
    assert "<p>A last paragraph,<br />\non two lines.</p>" in html


def test_speaker_notes_of_a_bookmarks_deck_keep_the_list(pack_library: Library) -> None:
    from briefing_tui.core import slides

    deck = slides.bookmarks_deck(pack_library, [bookmark("demo-rec-1", "item", 0, LIST_NOTE)])
    html = MarkdownIt("commonmark").render(slides.deck_markdown(deck))
    assert "<li>co-financing with JBIC</li>" in html and "<li>send the memo</li>" in html


def test_compact_memo_in_your_order(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    text = export.bookmarks_markdown(pack_library, bookmarks, "order", "Meeting prep", compact=True, now=NOW)
    assert text.startswith("# Meeting prep\n") and "7 bookmarks, in your order." in text
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings[:3] == ["Coordinate development finance", "Introduction", "Development finance: Japan"]
    assert "demo-gone" in headings and "### " not in text  # no group headings
    entry = text[text.index("## Coordinate development finance") : text.index("## Introduction")]
    assert entry.index("**Note:**") < entry.index("Two to four sentences") < entry.index("**Source:**")
    assert "Proposal:" not in entry and "**Tags:**" not in entry  # the compact form leaves details out


def test_memo_of_no_bookmarks(pack_library: Library) -> None:
    text = export.bookmarks_markdown(pack_library, [], now=NOW)
    assert "0 bookmarks" in text and "No bookmarks yet." in text
    with pytest.raises(ValueError, match="group_by"):
        export.bookmarks_markdown(pack_library, [], "colour")  # type: ignore[arg-type]


def test_hostile_note_is_text_in_the_rendered_memo(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    text = export.bookmarks_markdown(pack_library, bookmarks, now=NOW)
    assert "\x1b" not in text
    assert re.search(r"(?<!\\)<script", text) is None
    html = MarkdownIt("commonmark").render(text)
    assert "<script" not in html and "<em>stars" not in html and "<em>under" not in html
    assert "<a href" not in html and "<blockquote>\n<p>&gt; not a quote" not in html
    assert "<li>not a list</li>" in html and "<li>not numbered</li>" in html  # the user's lists stay lists
    assert html.count("<h1>") == 1  # the note's "# ..." did not become a heading
    assert "# not a heading | a pipe `code` &lt;script&gt;alert(1)&lt;/script&gt; red *stars* _under_" in html
    assert "$5" in html and "&amp;amp;" in html and "\\ backslash" in html


def test_table_cells_escape_pipes_and_newlines(pack_library: Library) -> None:
    theme = pack_library.themes["development-finance"]
    cells = [replace(cell, **{"contrast": "pays | builds\nthen `lends`"}) for cell in theme.cells]
    data = replace(pack_library.data, **{"themes": [replace(theme, cells=cells)]})
    text = export.comparison_markdown(Library(data))
    rows = [line for line in text.splitlines() if line.startswith("| United States")]
    assert rows == ["| United States | pays \\| builds then \\`lends\\` | DFC |"]
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<td>pays | builds then `lends`</td>" in html


@given(st.text(max_size=80))
def test_md_line_renders_back_to_the_same_text(text: str) -> None:
    """Whatever the text, the escaped line renders as one paragraph of exactly that text."""
    expected = clean_line(text)
    tokens = MarkdownIt("commonmark").enable("table").parse(export.md_line(text))
    if not expected:
        assert tokens == []
        return
    assert [token.type for token in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children or []
    assert {child.type for child in children} <= {"text", "text_special"}
    assert "".join(child.content for child in children) == expected


# -- JSON ------------------------------------------------------------------------------


def test_json_round_trip(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    text = export.bookmarks_json(pack_library, bookmarks, now=NOW)
    data = json.loads(text)
    assert data["format"] == "briefing-tui-bookmarks" and data["generated"] == "2024-11-05T12:30:00Z"
    assert [entry["target"] for entry in data["bookmarks"]][:2] == ["demo-rec-1", "demo-intro"]
    by_target = {entry["target"]: entry for entry in data["bookmarks"]}
    assert by_target["demo-gone"]["resolved"] is None
    assert by_target["demo-rec-1"]["resolved"]["citation"]["publisher"] == "Example Institute"
    again = export.bookmarks_from_json(text)
    assert again == sorted(bookmarks, key=lambda item: item.position)


def test_import_reads_the_toml_bookmarks_file(bookmarks: list[Bookmark]) -> None:
    store = BookmarkStore()
    added = store.merge(bookmarks).added
    assert export.bookmarks_from_json(store.path.read_text(encoding="utf-8")) == added


def test_import_accepts_a_plain_list_and_fills_timestamps() -> None:
    text = json.dumps([{"target": "demo", "target_kind": "briefing", "note": "n"}])
    (only,) = export.bookmarks_from_json(text, now=NOW)
    assert only.target == "demo" and only.note == "n" and only.created == "2024-11-05T12:30:00Z"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json = [", "neither JSON"),
        ('{"format": "something-else", "bookmarks": []}', "format"),
        ('{"bookmarks": {"a": 1}}', "no list of bookmarks"),
        ('[{"target": "demo"}]', "bookmark #1 \\(demo\\): target_kind"),
        ("[3]", "bookmark #1 is not an object"),
    ],
)
def test_import_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        export.bookmarks_from_json(text)


def test_item_and_briefing_dicts(pack_library: Library) -> None:
    item = export.item_dict(pack_library, pack_library.item("demo-rec-1"))
    assert item["citation"]["section"] == "4. A Way Forward"
    assert item["related_items"][0]["id"] == "demo-obs-financing"
    briefing = export.briefing_dict(pack_library, "demo")
    assert [section["id"] for section in briefing["sections"]] == ["demo-intro", "demo-way-forward"]
    assert "demo-rec-1" in [entry["id"] for entry in briefing["sections"][1]["items"]]
    with pytest.raises(ValueError, match="no briefing"):
        export.briefing_dict(pack_library, "nope")
    with pytest.raises(ValueError, match="no briefing"):
        export.briefing_markdown(pack_library, "nope")


# -- writing ---------------------------------------------------------------------------


def test_write_output_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "memo.md"
    assert export.write_output("one\n", target) == target
    assert target.read_text() == "one\n"
    assert target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(FileExistsError):
        export.write_output("two\n", target)
    assert target.read_text() == "one\n"
    export.write_output("two\n", str(target), force=True)
    assert target.read_text() == "two\n"
    assert [path.name for path in folder.iterdir()] == ["memo.md"]  # no temp files left


def test_write_output_to_stdout_and_bad_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export.write_output("to stdout\n", "-") is None
    assert export.write_output("and again\n", None) is None
    assert capsys.readouterr().out == "to stdout\nand again\n"
    with pytest.raises(IsADirectoryError):
        export.write_output("x", tmp_path, force=True)
    with pytest.raises(FileNotFoundError):
        export.write_output("x", tmp_path / "no-folder" / "memo.md")


# -- Word ------------------------------------------------------------------------------


def test_docx_memo_opens_in_python_docx_with_headings_notes_and_citations(
    pack_library: Library, bookmarks: list[Bookmark], tmp_path: Path
) -> None:
    import docx

    from briefing_tui.core.export.docx import bookmarks_docx

    listed = [*bookmarks, bookmark("demo-opp-hydrogen", "item", 7, LIST_NOTE, ("Brazil",))]
    path = tmp_path / "memo.docx"
    path.write_bytes(bookmarks_docx(pack_library, listed, "kind", "Meeting prep", now=NOW))
    document = docx.Document(str(path))
    assert document.core_properties.title == "Meeting prep"
    paragraphs = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    headings = [text for style, text in paragraphs if style.startswith("Heading") or style == "Title"]
    assert headings[0] == "Meeting prep"
    assert "Recommendations" in headings and "Missing items" in headings  # grouped by kind
    assert headings.index("Recommendations") < headings.index("Coordinate development finance")
    texts = [text for _style, text in paragraphs]
    assert "Ask the minister about:" in texts
    assert ("List Bullet", "co-financing with JBIC") in paragraphs
    assert ("List Bullet 2", "timing") in paragraphs  # nested
    assert "1. brief the ambassador" in texts
    assert "A last paragraph,\non two lines." in texts  # a line break, not a new paragraph
    assert any(text.startswith("Source: An Example Briefing. Example Institute") for text in texts)
    assert "Tags: Brazil" in texts
    assert "\x1b" not in "".join(texts)
    hostile = next(text for text in texts if text.startswith("# not a heading"))
    assert "<script>" in hostile  # text stays text


def test_docx_compact_memo_in_your_order(pack_library: Library, bookmarks: list[Bookmark]) -> None:
    import io

    import docx

    from briefing_tui.core.export.docx import bookmarks_docx

    data = bookmarks_docx(pack_library, bookmarks, "order", compact=True, now=NOW)
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["Coordinate development finance", "Introduction"]
    texts = [p.text for p in document.paragraphs]
    assert "Proposal: A concrete proposal, reworded." not in texts
    assert "Two to four sentences in our own words." in texts


@pytest.mark.parametrize("compact", [False, True])
def test_a_briefing_bookmark_is_headed_once_by_its_group(
    pack_library: Library, bookmarks: list[Bookmark], compact: bool
) -> None:
    """Grouped by briefing, a bookmarked briefing is its group's heading, not a second one under it."""
    import io

    import docx

    from briefing_tui.core.export.docx import bookmarks_docx

    text = export.bookmarks_markdown(pack_library, bookmarks, compact=compact, now=NOW)
    assert re.findall(r"^#+ An Example Briefing$", text, flags=re.M) == ["## An Example Briefing"]
    group = text.split("## An Example Briefing\n\n", 1)[1]
    assert group.index("> Whole report.") < group.index("### Coordinate development finance")  # its note leads
    document = docx.Document(io.BytesIO(bookmarks_docx(pack_library, bookmarks, compact=compact, now=NOW)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings.count("An Example Briefing") == 1 and "Whole report." in [p.text for p in document.paragraphs]
    by_kind = export.bookmarks_markdown(pack_library, bookmarks, "kind", compact=compact, now=NOW)
    assert "### An Example Briefing" in by_kind  # other groupings keep the entry's own heading
