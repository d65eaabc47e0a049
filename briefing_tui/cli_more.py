"""Subcommands that come with later features: bookmarks, export, present, serve."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from briefing_tui.cli import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, CliError, console, load


def add_commands(command: Callable) -> None:
    """Register the extra subcommands on the parser (``command(name, help)`` makes one)."""
    from briefing_tui.cli import add_subcommand

    sub = command("bookmarks", "list, add, remove or import bookmarks (default: list)")
    actions = sub.add_subparsers(dest="bookmarks_action", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_subcommand(actions, name, help_text)

    parser = action("list", "list bookmarks in your order, with notes and tags")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser = action("add", "bookmark an item, section, briefing or comparison cell (compare:<theme>:<actor>)")
    parser.add_argument("id", help="the id to bookmark")
    parser.add_argument("--note", help="a note (replaces the note of an existing bookmark)")
    parser.add_argument("--tag", action="extend", nargs="+", default=[], metavar="T", help="tags (repeatable)")
    parser = action("remove", "remove a bookmark")
    parser.add_argument("id", help="the bookmarked id")
    parser = action("import", "add bookmarks from a JSON export or a bookmarks.toml file ('-': stdin)")
    parser.add_argument("file", help="file to import")

    sub = command(
        "export", "export bookmarks with notes as a Markdown memo (default), or an item, briefing or comparison"
    )
    sub.add_argument("--format", choices=("md", "json"), default="md", help="Markdown (default) or JSON")
    sub.add_argument("-o", "--output", metavar="FILE", help="file to write; '-' or none: standard output")
    sub.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    sub.add_argument("--group-by", choices=("briefing", "kind"), default="briefing", help="how the memo is grouped")
    sub.add_argument("--title", default="Bookmarks", help="the memo's heading")
    what = sub.add_mutually_exclusive_group()
    what.add_argument("--item", metavar="ID", help="export this item instead of the bookmarks")
    what.add_argument("--briefing", metavar="ID", help="export this briefing, section by section")
    what.add_argument("--compare", action="store_true", help="export the comparison")
    sub.add_argument("--theme", help="with --compare: one theme id (or a unique part of its title)")


# -- helpers ---------------------------------------------------------------------------


def _store():
    from briefing_tui.storage import BookmarkStore

    return BookmarkStore()


def _report(store) -> None:
    """Print the store's warnings to stderr."""
    err = console(stderr=True)
    for warning in store.take_warnings():
        err.print(f"briefing-tui: warning: {warning}")


def _saved(store) -> None:
    """Report warnings; a change that exists only in memory is an error for a command."""
    _report(store)
    if store.unsaved:
        raise CliError("the change was not saved (see the warning above)")


def _library_or_none(args: argparse.Namespace):
    """The content, or None (with a warning) when it does not load: bookmarks work without it."""
    try:
        return load(args)
    except CliError as error:
        console(stderr=True).print(f"briefing-tui: warning: {error}")
        return None


# -- bookmarks -------------------------------------------------------------------------


def cmd_bookmarks(args: argparse.Namespace) -> int:
    handler = {"add": _bookmarks_add, "remove": _bookmarks_remove, "import": _bookmarks_import}
    return handler.get(args.bookmarks_action, _bookmarks_list)(args)


def _bookmarks_list(args: argparse.Namespace) -> int:
    from rich.table import Table
    from rich.text import Text

    from briefing_tui.export import bookmarks_json
    from briefing_tui.sanitize import clean_line
    from briefing_tui.storage import resolves

    store = _store()
    library = _library_or_none(args)
    bookmarks = store.all()
    _report(store)
    if getattr(args, "json", False):
        sys.stdout.write(bookmarks_json(library, bookmarks))
        return EXIT_OK
    table = Table(title=f"{len(bookmarks)} bookmarks", expand=False)
    for column in ("#", "id", "kind", "title", "tags", "note"):
        table.add_column(column, overflow="fold")
    for index, bookmark in enumerate(bookmarks, 1):
        title = _title(library, bookmark) if library is not None and resolves(library, bookmark) else "(missing)"
        note = bookmark.note.strip().split("\n")[0] if bookmark.note.strip() else ""
        table.add_row(
            Text(str(index)),
            Text(clean_line(bookmark.target)),
            Text(bookmark.target_kind),
            Text(clean_line(title), style="dim italic" if title == "(missing)" else ""),
            Text(clean_line(", ".join(bookmark.tags))),
            Text(clean_line(note)),
        )
    console().print(table)
    return EXIT_OK


def _title(library, bookmark) -> str:
    from briefing_tui.compare import parse_cell_id
    from briefing_tui.vocab import ACTORS, label

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

    from briefing_tui.storage import infer_kind

    library = load(args)
    kind = infer_kind(library, args.id)
    if kind is None:
        raise CliError(
            f"no item, section, briefing or comparison cell {args.id!r} "
            "(try: briefing-tui search WORDS; cells are compare:<theme>:<actor>)",
            EXIT_NOT_FOUND,
        )
    target = library.item(args.id).id if kind == "item" else args.id
    store = _store()
    existed = store.is_bookmarked(target)
    try:
        bookmark = store.add(target, kind, note=args.note or "", tags=args.tag)
        if existed and (args.note is not None or args.tag):
            bookmark = store.update(target, note=args.note, tags=args.tag or None) or bookmark
    except ValidationError as error:  # a note or tag the model rejects (too long ...)
        detail = error.errors()[0]
        where = ".".join(str(part) for part in detail["loc"])
        raise CliError(f"cannot bookmark {target!r}: {where}: {detail['msg']}") from None
    _saved(store)
    verb = "bookmarked" if not existed else "updated" if args.note is not None or args.tag else "already bookmarked"
    console().print(f"{verb} {bookmark.target} ({bookmark.target_kind})")
    return EXIT_OK


def _bookmarks_remove(args: argparse.Namespace) -> int:
    store = _store()
    removed = store.remove(args.id)
    _saved(store)
    if removed is None:
        raise CliError(f"{args.id!r} is not bookmarked (see: briefing-tui bookmarks list)", EXIT_NOT_FOUND)
    console().print(f"removed {removed.target}")
    return EXIT_OK


def _bookmarks_import(args: argparse.Namespace) -> int:
    from briefing_tui.export import bookmarks_from_json
    from briefing_tui.storage import missing

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise CliError(f"cannot read {args.file}: {reason}") from None
    try:
        incoming = bookmarks_from_json(text)
    except ValueError as error:
        raise CliError(f"{args.file}: {error}") from None
    store = _store()
    added = store.merge(incoming)
    _saved(store)
    skipped = len(incoming) - len(added)
    plural = "" if len(added) == 1 else "s"
    message = f"imported {len(added)} bookmark{plural}" + (f" ({skipped} already bookmarked)" if skipped else "")
    console().print(message)
    library = _library_or_none(args)
    lost = missing(library, added) if library is not None else []
    if lost:
        console(stderr=True).print(
            f"briefing-tui: note: {len(lost)} imported bookmarks point at content that is not loaded; they are kept"
        )
    return EXIT_OK


# -- export ----------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from briefing_tui import export

    library = load(args)
    if args.theme and (args.item or args.briefing):
        raise CliError("--theme goes with --compare, not with --item or --briefing")
    if args.item:
        item = library.item(args.item)
        if item is None:
            raise CliError(f"no item {args.item!r} (try: briefing-tui search WORDS)", EXIT_NOT_FOUND)
        text = _json(export.item_dict(library, item)) if args.format == "json" else export.item_markdown(library, item)
    elif args.briefing:
        if args.briefing not in library.briefings:
            raise CliError(f"no briefing {args.briefing!r} (known: {', '.join(library.briefings)})", EXIT_NOT_FOUND)
        if args.format == "json":
            text = _json(export.briefing_dict(library, args.briefing))
        else:
            text = export.briefing_markdown(library, args.briefing)
    elif args.compare or args.theme:
        text = _comparison(library, args)
    else:
        store = _store()
        bookmarks = store.all()
        _report(store)
        if args.format == "json":
            text = export.bookmarks_json(library, bookmarks)
        else:
            text = export.bookmarks_markdown(library, bookmarks, args.group_by, args.title)
    _write(text, args)
    return EXIT_OK


def _comparison(library, args: argparse.Namespace) -> str:
    from briefing_tui import compare, export

    themes = list(library.themes.values())
    if args.theme:
        theme = compare.find_theme(library, args.theme)
        if theme is None:
            raise CliError(f"no theme {args.theme!r} (known: {', '.join(library.themes)})", EXIT_NOT_FOUND)
        themes = [theme]
    if args.format == "json":
        return _json(compare.comparison_json(themes))
    return export.comparison_markdown(library, themes)


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(text: str, args: argparse.Namespace) -> None:
    from briefing_tui.export import write_output

    try:
        path = write_output(text, args.output, args.force)
    except FileExistsError:
        raise CliError(f"{args.output} already exists; use --force to overwrite it", EXIT_USAGE) from None
    except OSError as error:
        raise CliError(f"cannot write {args.output}: {error.strerror or error}", EXIT_USAGE) from None
    if path is not None:
        console(stderr=True).print(f"wrote {path}")


COMMANDS: dict[str, Callable] = {"bookmarks": cmd_bookmarks, "export": cmd_export}
