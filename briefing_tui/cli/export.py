"""``briefing-tui export``: bookmarks and notes as a memo, or an item, a briefing or the comparison."""

from __future__ import annotations

import argparse
import sys

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    CliError,
    CommandMaker,
    console,
    examples,
    json_text,
    load,
    output_format,
    write_text,
)
from briefing_tui.cli.stores import open_store, report

FORMATS = ("md", "docx", "json")


def register(command: CommandMaker) -> None:
    sub = command(
        "export", "export bookmarks with notes as a Markdown memo (default), or an item, briefing or comparison"
    )
    sub.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="Markdown, Word (.docx) or JSON (default: what FILE's name ends in, else md)",
    )
    sub.add_argument("-o", "--output", metavar="FILE", help="file to write; '-' or none: standard output")
    sub.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    sub.add_argument(
        "--group-by",
        choices=("briefing", "kind", "order"),
        default="briefing",
        help="how the memo is grouped (order: your order, ungrouped)",
    )
    sub.add_argument("--title", default="Bookmarks", help="the memo's heading")
    sub.add_argument("--compact", action="store_true", help="the memo in short: title, note, one-line summary, source")
    what = sub.add_mutually_exclusive_group()
    what.add_argument("--item", metavar="ID", help="export this item instead of the bookmarks")
    what.add_argument("--briefing", metavar="ID", help="export this briefing, section by section")
    what.add_argument("--compare", action="store_true", help="export the comparison")
    sub.add_argument("--theme", help="with --compare: one theme id (or a unique part of its title)")
    sub.set_defaults(handler=cmd_export)
    examples(sub, "briefing-tui export -o memo.md", "briefing-tui export --group-by kind -o memo.docx")


def cmd_export(args: argparse.Namespace) -> int:
    from briefing_tui.core import export

    library = load(args)
    if args.theme and (args.item or args.briefing):
        raise CliError("--theme goes with --compare, not with --item or --briefing")
    args.format = output_format(args.format, args.output, "md", FORMATS)
    if args.format == "docx":
        if args.item or args.briefing or args.compare or args.theme:
            raise CliError(
                "Word (.docx) is for the bookmarks memo; use .md or .json for --item, --briefing or --compare"
            )
        if args.output in (None, "-") and sys.stdout.isatty():
            raise CliError("a .docx file is binary: give -o FILE.docx (or pipe the output)")
    text: str | bytes
    if args.item:
        item = library.item(args.item)
        if item is None:
            raise CliError(f"no item {args.item!r} (try: briefing-tui search WORDS)", EXIT_NOT_FOUND)
        text = (
            json_text(export.item_dict(library, item)) if args.format == "json" else export.item_markdown(library, item)
        )
    elif args.briefing:
        if args.briefing not in library.briefings:
            raise CliError(f"no briefing {args.briefing!r} (known: {', '.join(library.briefings)})", EXIT_NOT_FOUND)
        if args.format == "json":
            text = json_text(export.briefing_dict(library, args.briefing))
        else:
            text = export.briefing_markdown(library, args.briefing)
    elif args.compare or args.theme:
        text = _comparison(library, args)
    else:
        store = open_store()
        bookmarks = store.all()
        report(store)
        if args.format == "json":
            text = export.bookmarks_json(library, bookmarks)
        elif args.format == "docx":
            from briefing_tui.core.export.docx import bookmarks_docx

            text = bookmarks_docx(library, bookmarks, args.group_by, args.title, compact=args.compact)
        else:
            text = export.bookmarks_markdown(library, bookmarks, args.group_by, args.title, compact=args.compact)
    _write(text, args)
    return EXIT_OK


def _comparison(library, args: argparse.Namespace) -> str:
    from briefing_tui.core import compare, export

    themes = list(library.themes.values())
    if args.theme:
        theme = compare.find_theme(library, args.theme)
        if theme is None:
            raise CliError(f"no theme {args.theme!r} (known: {', '.join(library.themes)})", EXIT_NOT_FOUND)
        themes = [theme]
    if args.format == "json":
        return json_text(compare.comparison_json(themes))
    return export.comparison_markdown(library, themes)


def _write(text: str | bytes, args: argparse.Namespace) -> None:
    path = write_text(text, args.output, force=args.force)
    if path is not None:
        console(stderr=True).print(f"wrote {path}")
