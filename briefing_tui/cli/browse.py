"""Reading the content: sources, list, show, search, compare, validate."""

from __future__ import annotations

import argparse

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    CliError,
    CommandMaker,
    check_filters,
    console,
    filter_options,
    item_json,
    load,
    print_json,
    problems_text,
)


def register(command: CommandMaker) -> None:
    sub = command("sources", "list the source documents")
    sub.set_defaults(handler=cmd_sources)
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("list", "list items, optionally filtered")
    sub.set_defaults(handler=cmd_list)
    filter_options(sub)
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("show", "show one item with its citation and related items")
    sub.set_defaults(handler=cmd_show)
    sub.add_argument("id", help="item id")
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("search", "ranked full-text search (same syntax as the app's search box)")
    sub.set_defaults(handler=cmd_search)
    sub.add_argument(
        "query", nargs="+", help='words, "exact phrase", -excluded, kind:K country:C actor:A sector:S briefing:B'
    )
    sub.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    filter_options(sub)
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("compare", "the side-by-side comparison of the US, Japan and China")
    sub.set_defaults(handler=cmd_compare)
    sub.add_argument("--theme", help="one theme id (or a unique part of its title)")
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("validate", "check a content folder; exit 0 when valid, else list problems and exit 2")
    sub.set_defaults(handler=cmd_validate)
    sub.add_argument("dir", nargs="*", help="content folder(s); default: the bundled content")


def cmd_sources(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables

    library = load(args)
    if args.json:
        print_json([source.model_dump(mode="json") for source in library.sources])
        return EXIT_OK
    console().print(tables.sources_table(library))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables

    library = load(args)
    filters = check_filters(args)
    if filters["briefing"] and filters["briefing"] not in library.briefings:
        raise CliError(f"no briefing {filters['briefing']!r} (known: {', '.join(library.briefings)})")
    items = library.filter(**filters)
    if args.json:
        print_json([item_json(item) for item in items])
        return EXIT_OK
    console().print(tables.items_table(library, items))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables

    library = load(args)
    item = library.item(args.id)
    if item is None:
        raise CliError(f"no item {args.id!r} (try: briefing-tui search WORDS)", EXIT_NOT_FOUND)
    if args.json:
        from briefing_tui.core.export import item_dict

        print_json(item_dict(library, item))
        return EXIT_OK
    console().print(tables.item_panel(library, item))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core.search import SearchIndex

    library = load(args)
    filters = check_filters(args)
    text = " ".join(args.query)
    text += "".join(f" {name}:{value}" for name, value in filters.items() if value)
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    outcome = SearchIndex(library).search(text, limit=args.limit)
    if args.json:
        print_json([result.as_json() for result in outcome.results])
        return EXIT_OK
    out = console()
    out.print(tables.search_table(outcome))
    if outcome.message:
        console(stderr=True).print(outcome.message)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core import compare

    library = load(args)
    themes = list(library.themes.values())
    if args.theme:
        theme = compare.find_theme(library, args.theme)
        if theme is None:
            raise CliError(f"no theme {args.theme!r} (known: {', '.join(library.themes)})", EXIT_NOT_FOUND)
        themes = [theme]
    if args.json:
        print_json(compare.comparison_json(themes))
        return EXIT_OK
    out = console()
    for theme in themes:
        out.print(tables.theme_table(library, theme))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from briefing_tui.core.content import ContentError, load_library

    folders = args.dir or args.content
    try:
        library = load_library(folders, use_cache=False)
    except ContentError as error:
        raise CliError(problems_text(error.problems)) from None
    counts = f"{len(library.briefings)} briefings, {len(library.sections)} sections, {len(library.items)} items, {len(library.themes)} comparison themes"
    console().print(f"valid: {counts}")
    return EXIT_OK
