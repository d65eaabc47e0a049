"""``briefing-tui dossier``: what the briefings say about an actor in a country (or a sector), on one page."""

from __future__ import annotations

import argparse

from briefing_tui.cli.common import (
    CliError,
    CommandMaker,
    check_filters,
    console,
    examples,
    json_text,
    load,
    output_format,
    write_text,
)


def register(command: CommandMaker) -> None:
    sub = command("dossier", "one page on an actor in a country (or a sector): figures, recommendations, cases...")
    sub.set_defaults(handler=cmd_dossier)
    sub.add_argument("--country", help="country slug or name, e.g. brazil")
    sub.add_argument("--actor", help="us, japan, china, lac, ...")
    sub.add_argument("--sector", help="sector slug, e.g. energy")
    sub.add_argument(
        "--format",
        choices=("text", "md", "docx", "json"),
        default=None,
        help="text (default), md, docx, json; with -o FILE: what its name ends in, else md",
    )
    sub.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")
    sub.add_argument("-o", "--output", metavar="FILE", help="file to write ('-' or none: standard output)")
    sub.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    examples(
        sub,
        "briefing-tui dossier --country brazil --actor japan",
        "briefing-tui dossier --actor china -o china.docx",
    )


def cmd_dossier(args: argparse.Namespace) -> int:
    from briefing_tui.core.dossier import build_dossier
    from briefing_tui.core.export.dossier import dossier_dict, dossier_docx, dossier_markdown

    filters = check_filters(args)
    if not (filters["country"] or filters["actor"] or filters["sector"]):
        raise CliError("give --country, --actor or --sector (or several), e.g. --country brazil --actor japan")
    library = load(args)
    dossier = build_dossier(library, country=filters["country"], actor=filters["actor"], sector=filters["sector"])
    output = output_format(args.format, args.output, "md" if args.output else "text", ("text", "md", "docx", "json"))
    if output == "docx" and not args.output:
        raise CliError("a Word document needs a file: add -o FILE.docx")
    data: str | bytes
    if output == "json":
        data = json_text(dossier_dict(dossier))
    elif output == "docx":
        data = dossier_docx(dossier)
    elif output == "md":
        data = dossier_markdown(dossier)
    else:
        from briefing_tui.cli.tables import print_dossier

        print_dossier(dossier)
        return 0
    path = write_text(data, args.output, force=args.force)
    if path is not None:
        console(stderr=True).print(f"wrote {path}")
    return 0
