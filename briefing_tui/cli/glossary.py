"""``briefing-tui glossary [TERM]``: the acronyms and key names the briefings use, spelled out."""

from __future__ import annotations

import argparse
import sys

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    CliError,
    CommandMaker,
    closest,
    console,
    examples,
    load,
    print_json,
    problems_text,
)
from briefing_tui.cli.listing import Column, Listing, add_format_options, chosen_format, print_listing
from briefing_tui.core.text import clean_line


def register(command: CommandMaker) -> None:
    sub = command("glossary", "every acronym and key name the briefings use, with its expansion and where it is used")
    sub.set_defaults(handler=cmd_glossary)
    sub.add_argument("term", nargs="?", help="an acronym, or a word to look for in names and explanations")
    add_format_options(sub)
    examples(sub, "briefing-tui glossary", "briefing-tui glossary JBIC", "briefing-tui glossary bank --format tsv")


def cmd_glossary(args: argparse.Namespace) -> int:
    from briefing_tui.core.content import ContentError
    from briefing_tui.core.glossary import load_glossary

    try:
        glossary = load_glossary(args.content)
    except ContentError as error:
        raise CliError(problems_text(error.problems)) from None
    exact = glossary.get(args.term) if args.term else None
    terms = [exact] if exact is not None else glossary.matching(args.term or "")
    if not terms:
        hint = closest(args.term, glossary.names()) or " (briefing-tui glossary lists them all)"
        raise CliError(f"no glossary term matches {args.term!r}{hint}", EXIT_NOT_FOUND)
    output = chosen_format(args)
    if output == "json":
        print_json([term.model_dump(mode="json") for term in terms])
        return EXIT_OK
    if exact is not None and (output == "table" or args.format is None):  # one term: its page, piped too
        _one(args, exact)
        return EXIT_OK
    listing = Listing(
        f"{len(terms)} terms",
        [
            Column("term", cap=10),
            Column("expansion", ratio=2),
            Column("explanation", ratio=3, wide=True),
            Column("native", ratio=1, wide=True),
        ],
    )
    listing.rows = [[clean_line(cell) for cell in (t.term, t.expansion, t.explanation, t.native)] for t in terms]
    print_listing(listing, output)
    return EXIT_OK


def _one(args: argparse.Namespace, term) -> None:
    from rich.text import Text

    from briefing_tui.core.citations import section_label

    library = load(args)
    text = Text.assemble(
        (clean_line(term.term), "bold"),
        " · ",
        (clean_line(term.expansion), "bold"),
        "\n",
        clean_line(term.explanation),
        "\n",
    )
    if term.native:
        text.append(f"As the documents also write it: {clean_line(term.native)}\n")
    text.append("Used in:\n", style="bold")
    for use in term.uses:
        briefing = library.briefings.get(use.document)
        where = (
            f" § {clean_line(section_label(library.sections[use.section][1]))}"
            if use.section in library.sections
            else ""
        )
        text.append(f"  {clean_line(briefing.source.title if briefing else use.document)}{where}\n")
    if sys.stdout.isatty():
        console().print(text)
    else:
        sys.stdout.write(text.plain)
