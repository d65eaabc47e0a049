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
    format_options,
    item_json,
    load,
    output_format,
    print_json,
    problems_text,
)


def register(command: CommandMaker) -> None:
    sub = command("sources", "list the source documents")
    sub.set_defaults(handler=cmd_sources)
    format_options(sub)

    sub = command("list", "list items, optionally filtered")
    sub.set_defaults(handler=cmd_list)
    filter_options(sub)
    format_options(sub)

    sub = command("show", "show an item, a section, a briefing or a comparison cell (compare:THEME:ACTOR)")
    sub.set_defaults(handler=cmd_show)
    sub.add_argument("id", help="what to show: any id a bookmark takes")
    sub.add_argument("--json", action="store_true", help="machine-readable output")

    sub = command("search", "ranked full-text search (same syntax as the app's search box)")
    sub.set_defaults(handler=cmd_search)
    sub.add_argument(
        "query", nargs="+", help='words, "exact phrase", -excluded, kind:K country:C actor:A sector:S briefing:B'
    )
    sub.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    sub.add_argument("--exact", action="store_true", help="search the words as typed (no typo correction)")
    filter_options(sub)
    format_options(sub)

    sub = command("compare", "the side-by-side comparison of the US, Japan and China")
    sub.set_defaults(handler=cmd_compare)
    sub.add_argument("--theme", help="one theme id (or a unique part of its title)")
    format_options(sub)

    sub = command("validate", "check a content folder; exit 0 when valid, else list problems and exit 2")
    sub.set_defaults(handler=cmd_validate)
    sub.add_argument("dir", nargs="*", help="content folder(s); default: the bundled content")


def cmd_sources(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables

    fmt = output_format(args)
    library = load(args)
    if fmt == "json":
        print_json([source.model_dump(mode="json") for source in library.sources])
        return EXIT_OK
    out = console()
    tables.emit(tables.sources_listing(library, out.width), fmt, out)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables

    fmt = output_format(args)
    library = load(args)
    filters = check_filters(args, library)
    items = library.filter(**filters)
    if fmt == "json":
        print_json([item_json(item) for item in items])
        return EXIT_OK
    out = console()
    tables.emit(tables.items_listing(library, items, out.width), fmt, out)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    import sys

    from briefing_tui.cli import show

    library = load(args)
    found = show.resolve_target(library, args.id)
    if found is None:
        raise CliError(_no_target(library, args.id), EXIT_NOT_FOUND)
    kind, value = found
    if args.json:
        print_json(show.target_json(library, kind, value))
        return EXIT_OK
    renderable = show.target_panel if sys.stdout.isatty() else show.target_plain
    console().print(renderable(library, kind, value))
    return EXIT_OK


def _no_target(library, target: str) -> str:
    from briefing_tui.core.search.spelling import closest

    if target.startswith("compare:"):
        choices = [f"compare:{theme}:{actor}" for theme in library.themes for actor in ("us", "japan", "china", "lac")]
    else:
        choices = [*library.items, *library.sections, *library.briefings]
    near = closest(target, choices)
    hint = f"did you mean {', '.join(near)}?" if near else "try: briefing-tui search WORDS"
    return f"no item, section, briefing or comparison cell {target!r} ({hint})"


def cmd_search(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core.search import SearchIndex
    from briefing_tui.core.search.query import parse_query

    fmt = output_format(args)
    text = " ".join(args.query)
    if not text.strip():
        raise CliError('empty query: give words to search for, e.g. briefing-tui search "green hydrogen"')
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    library = load(args)
    filters = check_filters(args, library)
    text += "".join(f" {name}:{value}" for name, value in filters.items() if value)
    query = parse_query(text, briefings=library.briefings)
    if query.problems:
        raise CliError("; ".join(query.problems))
    if query.is_empty or query.pending:
        what = f"{query.pending}: needs a value" if query.pending else "nothing to search for"
        raise CliError(f"{what} in {text.strip()!r} (see: briefing-tui search --help)")
    outcome = SearchIndex(library).search(query, limit=args.limit, correct=not args.exact)
    if fmt == "json":
        print_json([result.as_json() for result in outcome.results])
    else:
        out = console()
        tables.emit(tables.search_listing(outcome, out.width), fmt, out)
    if outcome.message:
        hint = " (--exact: search as typed)" if outcome.corrections else ""
        console(stderr=True).print(outcome.message + hint, soft_wrap=True)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core import compare

    fmt = output_format(args)
    library = load(args)
    themes = list(library.themes.values())
    if args.theme:
        theme = compare.find_theme(library, args.theme)
        if theme is None:
            raise CliError(f"no theme {args.theme!r} (known: {', '.join(library.themes)})", EXIT_NOT_FOUND)
        themes = [theme]
    if fmt == "json":
        print_json(compare.comparison_json(themes))
        return EXIT_OK
    out = console()
    tables.emit(tables.compare_listing(library, themes, out.width), fmt, out)
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
