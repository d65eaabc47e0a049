"""Reading the content: sources, list, show, search, compare, validate."""

from __future__ import annotations

import argparse

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    CommandMaker,
    check_filters,
    closest,
    console,
    examples,
    filter_options,
    item_json,
    load,
    print_json,
    problems_text,
)
from briefing_tui.cli.listing import add_format_options, chosen_format, print_listing


def register(command: CommandMaker) -> None:
    sub = command("sources", "list the source documents")
    sub.set_defaults(handler=cmd_sources)
    add_format_options(sub)
    examples(sub, "briefing-tui sources", "briefing-tui sources --format tsv | cut -f1,2")

    sub = command("list", "list items, optionally filtered")
    sub.set_defaults(handler=cmd_list)
    filter_options(sub)
    add_format_options(sub)
    examples(sub, "briefing-tui list --kind figure --country brazil", "briefing-tui list --actor china | grep -i cable")

    sub = command("show", "show an item, a section, a briefing, a comparison cell or a dossier, with its citation")
    sub.set_defaults(handler=cmd_show)
    sub.add_argument(
        "id", help="an item, section or briefing id, compare:THEME:ACTOR, or dossier:actor=A,country=C (any of them)"
    )
    sub.add_argument("--json", action="store_true", help="machine-readable output")
    examples(
        sub,
        "briefing-tui show wilson-rec-1a",
        "briefing-tui show compare:energy-transition:japan",
        "briefing-tui show dossier:actor=japan,country=brazil",
    )

    sub = command("search", "ranked full-text search (same syntax as the app's search box)")
    sub.set_defaults(handler=cmd_search)
    sub.add_argument(
        "query", nargs="+", help='words, "exact phrase", -excluded, kind:K country:C actor:A sector:S briefing:B'
    )
    sub.add_argument("--limit", type=positive_int, default=20, help="how many results (default 20)")
    filter_options(sub)
    add_format_options(sub)
    examples(sub, "briefing-tui search japan brazil --limit 5", 'briefing-tui search "submarine cable" kind:initiative')

    sub = command("compare", "the side-by-side comparison of the US, Japan and China")
    sub.set_defaults(handler=cmd_compare)
    sub.add_argument("--theme", help="one theme id (or a unique part of its title)")
    add_format_options(sub)
    examples(sub, "briefing-tui compare --theme energy", "briefing-tui compare --format tsv | grep China")

    sub = command("validate", "check a content folder; exit 0 when valid, else list problems and exit 2")
    sub.set_defaults(handler=cmd_validate)
    sub.add_argument("dir", nargs="*", help="content folder(s); default: the bundled content")
    examples(sub, "briefing-tui validate my-pack/", "briefing-tui --content my-pack/ list")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cmd_sources(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core.models import as_data

    library = load(args)
    output = chosen_format(args)
    if output == "json":
        print_json(as_data(library.sources))
        return EXIT_OK
    print_listing(tables.sources_listing(library), output)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables

    library = load(args)
    filters = check_filters(args)
    if filters["briefing"] and filters["briefing"] not in library.briefings:
        raise CliError(f"unknown briefing {args.briefing!r} (known: {', '.join(library.briefings)})")
    items = library.filter(**filters)
    output = chosen_format(args)
    if output == "json":
        print_json([item_json(item) for item in items])
        return EXIT_OK
    print_listing(tables.items_listing(library, items), output)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    import sys

    from briefing_tui.cli import tables
    from briefing_tui.core import compare
    from briefing_tui.core.models import as_data

    library = load(args)
    target = args.id
    if target.startswith("dossier:"):
        return _show_dossier(library, target, as_json=args.json)
    cell = compare.parse_cell_id(target)
    if cell is not None and cell[0] in library.themes:
        theme = library.themes[cell[0]]
        if cell[1] not in compare.theme_actors(library):
            raise CliError(f"no actor {cell[1]!r} in the comparison{closest(cell[1], compare.theme_actors(library))}")
        data: dict = {"target_kind": "cell", "id": target, "theme": theme.id, "actor": cell[1]}
        found = compare.cell_for(theme, cell[1])
        data["cell"] = as_data(found) if found else None
        lines = tables.cell_lines(library, theme, cell[1])
    else:
        resolved = library.resolve(target)
        if resolved is None:
            known = [*library.briefings, *library.sections, *(entry.id for entry in library.entries)]
            hint = closest(target, known) or " (try: briefing-tui search WORDS)"
            raise CliError(f"no item, section, briefing or comparison cell {target!r}{hint}", EXIT_NOT_FOUND)
        if resolved[0] == "item":
            from briefing_tui.core.export import item_dict

            data = item_dict(library, resolved[1])
            lines = tables.item_lines(library, resolved[1])
        elif resolved[0] == "section":
            data = {"target_kind": "section", **as_data(resolved[1])}
            data["items"] = list(library.section_items.get(target, []))
            lines = tables.section_lines(library, target)
        else:
            data = {"target_kind": "briefing", **as_data(resolved[1].source)}
            data["sections"] = [section.id for section in resolved[1].sections]
            lines = tables.briefing_lines(library, target)
    if args.json:
        print_json(data)
    elif sys.stdout.isatty():
        console().print(tables.lines_renderable(lines))
    else:
        sys.stdout.write(tables.lines_text(lines))
    return EXIT_OK


def _show_dossier(library, target: str, *, as_json: bool) -> int:
    """``show dossier:actor=japan,country=brazil``: what ``briefing-tui dossier`` prints for those filters."""
    from briefing_tui.cli.tables import print_dossier
    from briefing_tui.core.dossier import build_dossier, known_filters, target_problem
    from briefing_tui.core.export.dossier import dossier_dict

    filters = known_filters(target)
    if filters is None:
        raise CliError(target_problem(target) or f"no dossier {target!r}", EXIT_USAGE)
    dossier = build_dossier(library, **filters)
    if as_json:
        print_json({"target_kind": "dossier", "id": dossier.target, **dossier_dict(dossier)})
    else:
        print_dossier(dossier)
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core.search import SearchIndex

    text = " ".join(args.query).strip()
    if not text:
        raise CliError("give words to search for, e.g. briefing-tui search japan brazil")
    library = load(args)
    filters = check_filters(args)
    text += "".join(f" {name}:{value}" for name, value in filters.items() if value)
    outcome = SearchIndex(library).search(text, limit=args.limit)
    if outcome.query.problems:
        raise CliError("; ".join(outcome.query.problems))
    output = chosen_format(args)
    if output == "json":
        print_json([result.as_json() for result in outcome.results])
        return EXIT_OK
    print_listing(tables.search_listing(outcome), output)
    if outcome.message and output == "table":
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
            raise CliError(f"no theme {args.theme!r}{closest(args.theme, library.themes)}", EXIT_NOT_FOUND)
        themes = [theme]
    output = chosen_format(args)
    if output == "json":
        print_json(compare.comparison_json(themes))
        return EXIT_OK
    if output == "tsv":
        print_listing(tables.compare_listing(library, themes), output)
        return EXIT_OK
    out = console()
    for theme in themes:
        out.print(tables.theme_view(library, theme, out.width))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from briefing_tui.core.content import ContentError, load_library

    folders = args.dir or args.content
    from briefing_tui.core.glossary import check_glossary, load_glossary

    try:
        library = load_library(folders, use_cache=False)
        glossary = load_glossary(folders)
    except ContentError as error:
        raise CliError(problems_text(error.problems)) from None
    problems = check_glossary(glossary, library)
    if problems:
        raise CliError(problems_text(problems))
    counts = f"{len(library.briefings)} briefings, {len(library.sections)} sections, {len(library.items)} items, {len(library.themes)} comparison themes"
    if glossary.terms:
        counts += f", {len(glossary.terms)} glossary terms"
    console().print(f"valid: {counts}")
    return EXIT_OK
