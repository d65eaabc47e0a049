"""``briefing-tui bookmarks``: list, add, remove and import bookmarks with their notes and tags."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    CliError,
    CommandMaker,
    add_subcommand,
    console,
    format_options,
    load,
    output_format,
)
from briefing_tui.cli.stores import library_or_none, open_store, report, saved


def register(command: CommandMaker) -> None:
    sub = command("bookmarks", "list, add, remove or import bookmarks (default: list)")
    actions = sub.add_subparsers(dest="bookmarks_action", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_subcommand(actions, name, help_text)

    parser = action("list", "list bookmarks in your order, with notes and tags")
    format_options(parser)
    parser = action("add", "bookmark an item, section, briefing or comparison cell (compare:<theme>:<actor>)")
    parser.add_argument("id", help="the id to bookmark")
    parser.add_argument("--note", help="a note (replaces the note of an existing bookmark)")
    parser.add_argument("--tag", action="extend", nargs="+", default=[], metavar="T", help="tags (repeatable)")
    parser = action("remove", "remove a bookmark")
    parser.add_argument("id", help="the bookmarked id")
    parser = action("import", "add bookmarks from a JSON export or a bookmarks.toml file ('-': stdin)")
    parser.add_argument("file", help="file to import")
    sub.set_defaults(handler=cmd_bookmarks)


def cmd_bookmarks(args: argparse.Namespace) -> int:
    handler = {"add": _bookmarks_add, "remove": _bookmarks_remove, "import": _bookmarks_import}
    return handler.get(args.bookmarks_action, _bookmarks_list)(args)


def _bookmarks_list(args: argparse.Namespace) -> int:
    from briefing_tui.cli import tables
    from briefing_tui.core.export import bookmarks_json
    from briefing_tui.core.storage.bookmarks import resolves

    fmt = output_format(args)
    store = open_store()
    library = library_or_none(args)
    bookmarks = store.all()
    report(store)
    if fmt == "json":
        sys.stdout.write(bookmarks_json(library, bookmarks))
        return EXIT_OK
    entries = [
        (bookmark, _title(library, bookmark) if library is not None and resolves(library, bookmark) else "(missing)")
        for bookmark in bookmarks
    ]
    out = console()
    tables.emit(tables.bookmarks_listing(entries, out.width), fmt, out)
    return EXIT_OK


def _title(library, bookmark) -> str:
    from briefing_tui.core.compare import parse_cell_id
    from briefing_tui.core.vocab import ACTORS, label

    if bookmark.target_kind == "item":
        return library.item(bookmark.target).title
    if bookmark.target_kind == "section":
        return library.sections[bookmark.target][1].title
    if bookmark.target_kind == "briefing":
        return library.briefings[bookmark.target].source.title
    theme_id, actor = parse_cell_id(bookmark.target) or ("", "")
    return f"{library.themes[theme_id].title}: {label(ACTORS, actor)}"


def _bookmarks_add(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from briefing_tui.core.storage.bookmarks import infer_kind

    library = load(args)
    kind = infer_kind(library, args.id)
    if kind is None:
        raise CliError(
            f"no item, section, briefing or comparison cell {args.id!r} "
            "(try: briefing-tui search WORDS; cells are compare:<theme>:<actor>)",
            EXIT_NOT_FOUND,
        )
    target = library.item(args.id).id if kind == "item" else args.id
    store = open_store()
    existed = store.is_bookmarked(target)
    try:
        bookmark = store.add(target, kind, note=args.note or "", tags=args.tag)
        if existed and (args.note is not None or args.tag):
            bookmark = store.update(target, note=args.note, tags=args.tag or None) or bookmark
    except ValidationError as error:  # a note or tag the model rejects (too long ...)
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise CliError(f"cannot bookmark {target!r}: {where}: {detail['msg']}") from None
    saved(store)
    verb = "bookmarked" if not existed else "updated" if args.note is not None or args.tag else "already bookmarked"
    console().print(f"{verb} {bookmark.target} ({bookmark.target_kind})")
    return EXIT_OK


def _bookmarks_remove(args: argparse.Namespace) -> int:
    store = open_store()
    removed = store.remove(args.id)
    saved(store)
    if removed is None:
        raise CliError(f"{args.id!r} is not bookmarked (see: briefing-tui bookmarks list)", EXIT_NOT_FOUND)
    console().print(f"removed {removed.target}")
    return EXIT_OK


def _bookmarks_import(args: argparse.Namespace) -> int:
    from briefing_tui.core.export import bookmarks_from_json
    from briefing_tui.core.storage.bookmarks import missing

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CliError(f"cannot read {args.file}: {reason}") from None
    try:
        incoming = bookmarks_from_json(text)
    except ValueError as error:
        raise CliError(f"{args.file}: {error}") from None
    store = open_store()
    added = store.merge(incoming)
    saved(store)
    skipped = len(incoming) - len(added)
    plural = "" if len(added) == 1 else "s"
    message = f"imported {len(added)} bookmark{plural}" + (f" ({skipped} already bookmarked)" if skipped else "")
    console().print(message)
    library = library_or_none(args)
    lost = missing(library, added) if library is not None else []
    if lost:
        console(stderr=True).print(
            f"briefing-tui: note: {len(lost)} imported bookmarks point at content that is not loaded; they are kept"
        )
    return EXIT_OK
