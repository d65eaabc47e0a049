"""The slide decks (pure): a briefing deck, a bookmarks deck, the Markdown export, and the bundled content."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import pytest

from briefing_tui.core import citations as render
from briefing_tui.core import slides
from briefing_tui.core.content import Library, load_library
from briefing_tui.core.slides import Deck, Slide, bookmarks_deck, briefing_deck, deck_markdown
from briefing_tui.core.slides import build as slide_build
from briefing_tui.core.text import sentences, slugify


@dataclass
class FakeBookmark:
    """The fields ``bookmarks_deck`` reads (``storage.Bookmark`` has them too)."""

    target: str
    target_kind: str = "item"
    note: str = ""
    tags: list[str] = field(default_factory=list)


@pytest.fixture
def deck(pack_library: Library) -> Deck:
    return briefing_deck(pack_library, "demo")


@pytest.fixture(scope="module")
def bundled() -> Library:
    """The bundled content (it must load: no skip)."""
    return load_library(None, use_cache=False)


# -- text helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.S. and Japan agree. China does not.", ["The U.S. and Japan agree.", "China does not."]),
        ("Firms, e.g. Huawei, invest. Then more.", ["Firms, e.g. Huawei, invest.", "Then more."]),
        ("A. Author wrote it. Yes!", ["A. Author wrote it.", "Yes!"]),
        ("Growth was 4.5 percent. 2019 was a record.", ["Growth was 4.5 percent.", "2019 was a record."]),
        ('He said "no." Then left.', ['He said "no."', "Then left."]),
        ("no full stop at the end", ["no full stop at the end"]),
        ("  spread\nover   lines. Next one.  ", ["spread over lines.", "Next one."]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_slugify() -> None:
    assert slugify("An Example Briefing") == "an-example-briefing"
    assert slugify('Building the China-Latin America "Digital Silk Road": Challenges') == (
        "building-the-china-latin-america-digital-silk-road"  # cut at a word, within 60 characters
    )
    assert slugify("¿¡!?", default="deck") == "deck" and slugify("México") == "mexico"
    assert slugify("word " * 40) == "-".join(["word"] * 12)
    assert slugify("x" * 80) == "x" * 60


# -- the briefing deck ----------------------------------------------------------------------------


def test_briefing_deck_structure(deck: Deck) -> None:
    assert deck.title == "An Example Briefing"
    assert [slide.kind for slide in deck.slides] == ["title", "section", "section", "recommendation", "recommendation"]
    assert [slide.target for slide in deck.slides] == [
        "demo",
        "demo-intro",
        "demo-way-forward",
        "demo-rec-1",
        "demo-rec-1a",
    ]
    assert deck.slug == "an-example-briefing"


def test_title_slide(deck: Deck) -> None:
    title = deck.slides[0]
    assert title.title == "An Example Briefing"
    assert title.subtitle == "Example Institute · A. Author · November 2024"
    assert "Perspective: US think tank" in title.kicker and "Report" in title.kicker
    assert title.bullets == ["One paragraph, in our own words, on what the document argues and for whom."]
    assert title.citation == "An Example Briefing. Example Institute (A. Author), November 2024."
    assert "2 sections" in title.notes and "2 recommendations" in title.notes and "1 obstacle," in title.notes
    assert title.target_kind == "briefing"


def test_title_slide_notes_say_what_the_briefing_holds_first_and_label_the_analysts_notes_last(
    bundled_library: Library,
) -> None:
    from briefing_tui.core.slides.build import BACKGROUND_LABEL, title_slide

    for briefing_id, briefing in bundled_library.briefings.items():
        notes = title_slide(bundled_library, briefing_id).notes.split("\n\n")
        assert notes[0].startswith(f"In this briefing: {len(briefing.sections)} sections; "), notes[0]
        assert notes[1] == briefing.source.summary.strip()
        assert notes[2] == BACKGROUND_LABEL and "\n\n".join(notes[3:]) == briefing.source.notes.strip()
    iad = title_slide(bundled_library, "iad").notes
    # The kinds in their usual order, and the caveat a presenter may be asked about kept, after the label.
    assert "5 sections; 3 recommendations, 12 obstacles, 6 opportunities, 8 case studies, 16 initiatives" in iad
    assert iad.index(BACKGROUND_LABEL) < iad.index("not independent corroboration")


def test_section_slide(deck: Deck, pack_library: Library) -> None:
    intro = deck.slides[1]
    assert intro.title == "Introduction"
    assert intro.kicker == "Section 1 of 2"
    assert intro.bullets[0] == "Two to four sentences on what the section says."
    assert "Obstacle: Scarce long-term finance" in intro.bullets
    assert "$3 billion: Japanese FDI stock in Brazil, 2023" in intro.bullets  # value first, then what it measures
    # Four of the six items are named, the figure first; the rest are counted and listed in the notes.
    assert len(intro.bullets) == 1 + slides.MAX_ITEM_BULLETS + 1
    assert intro.bullets[-1] == "… and 2 more in this section (in the speaker notes)"
    assert intro.citation.endswith("Section: Introduction.")
    assert intro.notes.startswith("Two to four sentences on what the section says.\n\nAlso in this section:\n- ")
    assert set(intro.covers) == set(pack_library.section_items["demo-intro"])
    assert intro.target_kind == "section"
    forward = deck.slides[2]
    assert forward.title == "4. A Way Forward"
    assert forward.kicker == "Section 2 of 2"
    # Recommendations have slides of their own right after: the section slide does not repeat them.
    assert forward.bullets == ["Two to four sentences."]


def test_section_slide_names_the_most_telling_items_and_counts_the_rest(
    pack_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slide_build, "MAX_ITEM_BULLETS", 2)
    intro = briefing_deck(pack_library, "demo").slides[1]
    # A key figure outranks the rest; an obstacle comes next; both keep document order.
    assert intro.bullets[1:] == [
        "Obstacle: Scarce long-term finance",
        "$3 billion: Japanese FDI stock in Brazil, 2023",
        "… and 4 more in this section (in the speaker notes)",
    ]
    assert "Also in this section:" in intro.notes
    assert "- Initiative: PGII" in intro.notes and "- Opportunity: Green hydrogen in Chile" in intro.notes


def test_recommendation_slide(deck: Deck, pack_library: Library) -> None:
    rec = deck.slides[3]
    assert rec.title == "1. Coordinate development finance"  # its number once
    assert rec.kicker == "Recommendation · 4. A Way Forward"
    assert rec.bullets == [  # the proposals: the summary is in the notes
        "A concrete proposal, reworded.",
        "Another one.",
        "Recommendation 1A: A sub-recommendation",
        "Addressed to: United States, Japan",
    ]
    assert rec.citation == render.citation_text(pack_library, pack_library.items["demo-rec-1"])
    assert rec.notes == "Two to four sentences in our own words.\n\nOptional Markdown with more detail."
    assert deck.slides[4].notes == "Two to four sentences."  # no body: the summary
    assert rec.target_kind == "item"


def test_index_of_finds_targets_and_what_slides_cover(deck: Deck) -> None:
    assert deck.index_of("demo-rec-1") == 3
    assert deck.index_of("demo-fig-fdi") == 1  # an item without a slide: its section's slide
    assert deck.index_of("demo") == 0
    assert deck.index_of("nothing-like-it") is None
    assert deck.index_of(None) is None


# -- item slides ----------------------------------------------------------------------------------


def test_figure_slide_leads_with_its_value_and_what_it_measures(pack_library: Library) -> None:
    slide = slides.item_slide(pack_library, pack_library.items["demo-fig-fdi"])
    assert slide.bullets == [
        "$3 billion: Japanese FDI stock in Brazil, 2023",
        "What the number measures, precisely (stock vs flow, trade vs investment).",
    ]
    assert "Why the number matters to the argument." in slide.notes
    assert slide.kicker == "Key figure · Introduction"


def test_no_item_slide_repeats_its_title_as_a_bullet(bundled: Library) -> None:
    """A key figure whose title states its value and year is its own figure line: said once, not twice."""
    repeated = [
        item.id for item in map(bundled.items.__getitem__, bundled.items) if item.kind != "recommendation"
        if (slide := slides.item_slide(bundled, item)).title in slide.bullets
    ]  # fmt: skip
    assert repeated == []


def test_other_item_slides(pack_library: Library) -> None:
    approach = slides.item_slide(pack_library, pack_library.items["demo-app-japan-finance"])
    assert approach.bullets[0] == "How this document characterizes Japan's approach on the theme."
    assert "“a short exact quotation” (A. Author, Example Briefing, Introduction)" in approach.notes
    initiative = slides.item_slide(pack_library, pack_library.items["demo-init-pgii"])
    assert "Name: Partnership for Global Infrastructure and Investment (PGII)" in initiative.notes
    assert "Partners: G7" in initiative.notes
    case = slides.item_slide(pack_library, pack_library.items["demo-case-smart-city"])
    assert case.bullets == ["Who did what, where and when."]
    assert "Companies: NEC" in case.notes and "Years: 2019" in case.notes


# -- the bookmarks deck ---------------------------------------------------------------------------


def test_bookmarks_deck_keeps_saved_order_and_uses_notes(pack_library: Library) -> None:
    bookmarks = [
        FakeBookmark("demo-fig-fdi", note="Say this number slowly.", tags=["numbers", "brazil"]),
        FakeBookmark("demo-intro", "section"),
        FakeBookmark("gone-item", note="I cut this one."),
        FakeBookmark("compare:development-finance:japan", "cell", note="Contrast with China."),
        FakeBookmark("demo", "briefing"),
        FakeBookmark("compare:development-finance:china", "cell"),
    ]
    deck = bookmarks_deck(pack_library, bookmarks)
    assert deck.title == "Bookmarks"
    assert [slide.target for slide in deck.slides] == [bookmark.target for bookmark in bookmarks]
    figure, section, missing, cell, briefing, silent = deck.slides
    assert figure.notes == "Say this number slowly."
    assert figure.kicker == "Key figure · Introduction"  # tags are private: never on a slide
    assert all("numbers" not in text for text in (figure.title, *figure.bullets, figure.source_line))
    assert section.kind == "section" and section.kicker == "Section 1 of 2"
    assert section.notes.startswith("Two to four sentences on what the section says.")  # no note: the detail
    assert missing.kind == "missing" and missing.title == "Missing: gone-item"
    assert missing.bullets == [
        "This bookmarked item is not in the loaded content (it may have been removed or renamed)."
    ]
    assert missing.notes == "I cut this one."
    assert missing.target_kind is None
    assert cell.title == "Development finance: Japan"
    assert cell.bullets[0] == "Japan offers patient, quality-focused finance."
    assert (
        "Instruments: JBIC, JICA" in cell.bullets
        and "What sets it apart: Long-term concessional loans." in cell.bullets
    )
    assert cell.citation.startswith("An Example Briefing.") and "(US think tank)" in cell.citation
    assert cell.notes == "Contrast with China."
    assert cell.target_kind == "cell"
    assert briefing.kind == "title"
    assert silent.bullets == ["The documents in this pack say nothing about China on this theme."]


def test_bookmark_under_a_former_id(pack_library: Library) -> None:
    item = pack_library.items["demo-obs-financing"]
    renamed = replace(item, **{"aliases": ["demo-old-financing"]})
    data = replace(
        pack_library.data, **{"items": [renamed if other.id == item.id else other for other in pack_library.data.items]}
    )
    deck = bookmarks_deck(Library(data), [FakeBookmark("demo-old-financing", note="n")])
    assert deck.slides[0].target == "demo-obs-financing" and deck.slides[0].title == "Scarce long-term finance"
    assert deck.index_of("demo-old-financing") == 0


def test_empty_bookmarks_make_an_empty_deck(pack_library: Library) -> None:
    assert bookmarks_deck(pack_library, []).slides == []


def test_control_characters_never_reach_a_slide(pack_library: Library) -> None:
    hostile = "\x1b[31mRed\x1b[0m \x1b]0;owned\x07title\x00\x08"
    item = pack_library.items["demo-rec-1"]
    poisoned = replace(item, **{"title": hostile, "summary": hostile + ". More.", "body": hostile})
    data = replace(
        pack_library.data,
        **{"items": [poisoned if other.id == item.id else other for other in pack_library.data.items]},
    )
    library = Library(data)
    deck = briefing_deck(library, "demo")
    deck = Deck(deck.title, [*deck.slides, *bookmarks_deck(library, [FakeBookmark("demo-rec-1", note=hostile)]).slides])
    texts = [slide.title for slide in deck.slides] + [slide.notes for slide in deck.slides]
    texts += [bullet for slide in deck.slides for bullet in slide.bullets] + [deck_markdown(deck)]
    assert all("\x1b" not in text and "\x07" not in text and "\x00" not in text for text in texts)
    assert any("Red title" in text for text in texts)


# -- Markdown -------------------------------------------------------------------------------------


def test_deck_markdown(deck: Deck) -> None:
    text = deck_markdown(deck)
    chunks = text.split("\n\n---\n\n")
    assert len(chunks) == len(deck.slides)
    assert chunks[0].startswith("# An Example Briefing\n\n*Report · Perspective: US think tank*")
    assert "Example Institute · A. Author · November 2024" in chunks[0]
    assert chunks[1].startswith(
        "## Introduction\n\n*Section 1 of 2*\n\n- Two to four sentences on what the section says."
    )
    assert "- \\$3 billion: Japanese FDI stock in Brazil, 2023" in chunks[1]  # "$" escaped for Markdown
    # The notes' list stays a Markdown list (not "\\- Case study", which renders as one paragraph).
    assert "\n\nAlso in this section:\n\n- Case study: A smart-city project\n- Approach: " in chunks[1]
    assert (
        "*Source: An Example Briefing. Example Institute (A. Author), November 2024. Section: Introduction.*"
        in chunks[1]
    )
    assert chunks[3].endswith(
        "**Notes:**\n\nTwo to four sentences in our own words.\n\nOptional Markdown with more detail."
    )
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_deck_markdown_escapes_notes_and_covers_decks_without_a_title_slide(pack_library: Library) -> None:
    note = "# not a heading\n---\nnot a new slide"
    deck = bookmarks_deck(pack_library, [FakeBookmark("demo-rec-1a", note=note), FakeBookmark("gone")])
    text = deck_markdown(deck)
    chunks = text.split("\n\n---\n\n")
    assert chunks[0] == "# Bookmarks\n\n*2 slides*"
    assert len(chunks) == 3
    assert "\\# not a heading\\\n\\---\\\nnot a new slide" in chunks[1]  # lines kept (hard breaks)
    assert chunks[2].startswith("## Missing: gone")
    assert "Notes:" not in chunks[2]  # no note, no label


def test_slide_defaults() -> None:
    slide = Slide(title="Only a title")
    assert slide.bullets == [] and slide.target_kind is None
    text = deck_markdown(Deck("One", [slide]))
    assert text == "# One\n\n*1 slide*\n\n---\n\n## Only a title\n"


# -- the bundled content (being written: no specific items) ---------------------------------------


def test_every_bundled_briefing_makes_a_presentable_deck(bundled: Library) -> None:
    assert bundled.briefings
    for briefing_id, briefing in bundled.briefings.items():
        deck = briefing_deck(bundled, briefing_id)
        assert deck.slides[0].kind == "title" and deck.slides[0].title == briefing.source.title.strip()
        targets = [slide.target for slide in deck.slides]
        assert all(deck.index_of(section.id) is not None for section in briefing.sections)
        recommendations = [item.id for item in bundled.items_in(briefing_id) if item.kind == "recommendation"]
        assert [target for target in targets if target in recommendations] == recommendations
        for slide in deck.slides:
            assert slide.title and slide.citation and slide.kicker
            assert all(bullet.strip() for bullet in slide.bullets)
        for slide in deck.slides:
            if slide.kind == "section":
                lines = {slides.item_line(bundled.items[item_id]) for item_id in bundled.section_items[slide.target]}
                assert len([bullet for bullet in slide.bullets if bullet in lines]) <= slides.MAX_ITEM_BULLETS
        assert deck_markdown(deck).count("\n\n---\n\n") == len(deck.slides) - 1


def test_bundled_bookmarks_deck_of_every_target(bundled: Library) -> None:
    targets = [FakeBookmark(item.id) for item in bundled.data.items[:50]]
    targets += [FakeBookmark(section_id, "section") for section_id in list(bundled.sections)[:10]]
    deck = bookmarks_deck(bundled, targets)
    assert len(deck.slides) == len(targets)
    assert all(slide.kind != "missing" for slide in deck.slides)


# -- written for a room -----------------------------------------------------------------------------


@dataclass
class FakeFigure:
    title: str
    value: str
    unit: str = ""
    year: str = ""
    kind: str = "figure"


@pytest.mark.parametrize(
    ("figure", "line"),
    [
        (FakeFigure("Japanese FDI into Brazil", "US$7,536 million", year="2011"),
         "US$7,536 million: Japanese FDI into Brazil, 2011"),
        # A title that states the value already is the whole line (no "December 2019 (December 2019: …)").
        (FakeFigure("December 2019: the Dialogue event behind the recommendations", "December 2019", "date", "2019"),
         "December 2019: the Dialogue event behind the recommendations"),
        (FakeFigure("Japan's Aid for Trade in 2006-2008: over US$ 16 billion", "over US$16 billion", year="2006-2008"),
         "Japan's Aid for Trade in 2006-2008: over US$ 16 billion"),
        # "16" in "2016" is not the value 16.
        (FakeFigure("Software share of ICT spending, 2016", "16%", year="2016"), "16%: Software share of ICT spending, 2016"),
        (FakeFigure("Average E-Government index", "0.49", "index value (0 to 1)", "2014"),
         "0.49 (index value (0 to 1)): Average E-Government index, 2014"),
    ],
)  # fmt: skip
def test_figure_line_leads_with_the_value_once(figure: FakeFigure, line: str) -> None:
    assert slides.figure_line(figure) == line


def test_a_section_made_of_one_recommendation_is_one_slide(bundled: Library) -> None:
    deck = briefing_deck(bundled, "wilson")
    titles = [slide.title for slide in deck.slides]
    assert (
        titles.count(
            "1B. Take stock of successful US-Japan collaboration in the Indo-Pacific and apply it in Latin America"
        )
        == 1
    )
    merged = deck.slides[deck.index_of("wilson-rec-1b")]
    assert merged.kind == "recommendation" and "Section 11 of 16" in merged.kicker
    assert deck.index_of(bundled.items["wilson-rec-1b"].source.section) == deck.index_of("wilson-rec-1b")
    for before, after in zip(deck.slides, deck.slides[1:], strict=False):
        assert before.title != after.title and before.bullets != after.bullets  # no slide repeats its neighbour
    assert not any(re.match(r"^(\w+)\.? \1\b", title) for title in titles)  # numbers once: no "1B 1B."


def test_every_bundled_slide_is_short_lines_and_keeps_the_detail_for_the_notes(bundled: Library) -> None:
    for briefing_id in bundled.briefings:
        for slide in briefing_deck(bundled, briefing_id).slides:
            assert all(len(sentences(bullet)) == 1 for bullet in slide.bullets), slide.title  # a sentence a bullet
            assert len(slide.bullets) <= 12, slide.title
            assert slide.source_line and slide.source_line != slide.citation  # the short form for the room


# -- layout -------------------------------------------------------------------------------------------


def rows_of(text: str, width: int = 20) -> int:
    """Rows a text takes when wrapped at ``width`` (a stand-in for the screen's measure)."""
    return max(1, -(-len(text) // width))


def test_paginate_cuts_a_long_slide_into_numbered_continuations() -> None:
    slide = Slide(title="Long", bullets=[f"bullet {n}" for n in range(10)], target="t")
    pages = slides.paginate(slide, rows=4, measure=rows_of, gap=1)  # two bullets a page with a gap
    assert [page.title for page in pages] == [f"Long ({n}/5)" for n in range(1, 6)]
    assert [page.bullets for page in pages] == [[f"bullet {n}", f"bullet {n + 1}"] for n in range(0, 10, 2)]
    assert [page.first_bullet for page in pages] == [0, 2, 4, 6, 8]
    assert all(page.target == "t" and page.part == (number, 5) for number, page in enumerate(pages, 1))
    assert slides.paginate(slide, rows=100, measure=rows_of) == [slide]  # fits: unchanged


def test_a_bullet_taller_than_a_page_is_cut_between_words() -> None:
    words = " ".join(f"word{n}" for n in range(40))
    pages = slides.paginate(Slide(title="T", bullets=[words]), rows=3, measure=rows_of)
    assert len(pages) > 1 and all(rows_of(page.bullets[0]) <= 3 for page in pages)
    rebuilt = " ".join(page.bullets[0] for page in pages).replace(" … …", "")
    assert rebuilt == words


def test_lay_out_maps_pages_back_to_deck_slides() -> None:
    deck = [Slide(title="A"), Slide(title="B", bullets=["x"] * 6), Slide(title="C")]
    layout = slides.lay_out(deck, lambda slide: 2, rows_of)
    assert layout.origins == [0, 1, 1, 1, 2]
    assert layout.first_page_of(2) == 4 and layout.page_showing(1, 3) == 2


def test_a_relayout_keeps_a_long_bullet_from_its_first_part() -> None:
    """Turning the notes on (a narrower slide) must not skip the first parts of a bullet cut over pages."""
    words = " ".join(f"word{n}" for n in range(40))
    deck = [Slide(title="A"), Slide(title="B", bullets=[words, "short"])]
    layout = slides.lay_out(deck, lambda slide: 3, rows_of)
    parts = [page for page, origin in enumerate(layout.origins) if origin == 1]
    assert len(parts) > 2 and layout.pages[parts[1]].first_bullet == 0  # the long bullet runs over pages
    assert layout.page_showing(1, 0) == parts[0]
    assert layout.page_showing(1, 1) == parts[-1]


def test_a_bookmarked_dossier_is_a_slide_of_its_bottom_line(bundled: Library) -> None:
    deck = bookmarks_deck(
        bundled, [FakeBookmark("dossier:actor=japan,country=brazil", "dossier", note="Open with this.")]
    )
    slide = deck.slides[0]
    assert slide.kind == "dossier" and slide.title == "Japan in Brazil" and slide.target_kind == "dossier"
    assert re.match(r"\d+ items in \d+ of the 5 briefings concern Japan in Brazil", slide.bullets[0])
    assert slide.notes == "Open with this."
    unknown = bookmarks_deck(bundled, [FakeBookmark("dossier:country=atlantis", "dossier")]).slides[0]
    assert unknown.kind == "missing" and "dossier" in unknown.bullets[0]


def test_a_recommendation_bookmarked_alone_names_its_place_not_its_title_twice(bundled: Library) -> None:
    slide = bookmarks_deck(bundled, [FakeBookmark("wilson-rec-1b")]).slides[0]
    assert slide.title.startswith("1B. Take stock")
    assert slide.kicker.startswith("Recommendation · Section 11 of 16") and "Take stock" not in slide.kicker
