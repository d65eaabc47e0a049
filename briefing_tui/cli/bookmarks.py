"""``briefing-tui bookmarks``: list, add, remove and import bookmarks with their notes and tags."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    CliError,
    CommandMaker,
    add_subcommand,
    console,
    examples,
    load,
)
from briefing_tui.cli.listing import add_format_options
from briefing_tui.cli.stores import library_or_none, open_store, report, saved

if TYPE_CHECKING:
    from briefing_tui.core.storage.bookmarks import MergeReport


def register(command: CommandMaker) -> None:
    sub = command("bookmarks", "list, add, remove or import bookmarks (default: list)")
    actions = sub.add_subparsers(dest="bookmarks_action", metavar="ACTION")

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        return add_subcommand(actions, name, help_text)

    examples(
        sub, "briefing-tui bookmarks", "briefing-tui bookmarks add wilson-rec-1a --tag brazil --note 'Lead with this'"
    )
    parser = action("list", "list bookmarks in your order, with notes and tags")
    add_format_options(parser)
    examples(parser, "briefing-tui bookmarks list", "briefing-tui bookmarks list --format tsv | cut -f2,5")
    parser = action(
        "add",
        "bookmark an item, section, briefing, comparison cell (compare:<theme>:<actor>) "
        "or dossier (dossier:actor=<actor>,country=<country>)",
    )
    parser.add_argument("id", help="the id to bookmark")
    parser.add_argument("--note", help="a note (added after the note of an existing bookmark)")
    parser.add_argument("--replace-note", action="store_true", help="with --note: replace the existing note instead")
    parser.add_argument(
        "--tag", action="extend", nargs="+", default=[], metavar="T", help="tags to add (repeatable; kept tags stay)"
    )
    examples(
        parser,
        "briefing-tui bookmarks add idb-case-cerrado --tag brazil",
        "briefing-tui bookmarks add compare:energy-transition:japan --note 'Ask about hydrogen'",
        "briefing-tui bookmarks add dossier:actor=japan,country=brazil",
    )
    parser = action("remove", "remove a bookmark")
    parser.add_argument("id", help="the bookmarked id")
    examples(parser, "briefing-tui bookmarks remove idb-case-cerrado")
    parser = action(
        "import", "add bookmarks from a JSON export or a bookmarks.toml file ('-': stdin), merging notes and tags"
    )
    parser.add_argument("file", help="file to import")
    parser.add_argument("--replace", action="store_true", help="an imported note replaces a differing existing note")
    examples(
        parser,
        "briefing-tui bookmarks import backup.json",
        "briefing-tui export --format json | ssh other briefing-tui bookmarks import -",
    )
    sub.set_defaults(handler=cmd_bookmarks)


def cmd_bookmarks(args: argparse.Namespace) -> int:
    handler = {"add": _bookmarks_add, "remove": _bookmarks_remove, "import": _bookmarks_import}
    return handler.get(args.bookmarks_action, _bookmarks_list)(args)


def _bookmarks_list(args: argparse.Namespace) -> int:
    from rich.text import Text

    from briefing_tui.cli.listing import Column, Listing, chosen_format, print_listing
    from briefing_tui.core.export import bookmarks_json
    from briefing_tui.core.storage.bookmarks import resolves
    from briefing_tui.core.text import clean_line

    store = open_store()
    library = library_or_none(args)
    bookmarks = store.all()
    report(store)
    output = chosen_format(args)
    if output == "json":
        sys.stdout.write(bookmarks_json(library, bookmarks))
        return EXIT_OK
    listing = Listing(
        f"{len(bookmarks)} bookmarks",
        [
            Column("position", justify="right"),
            Column("target", cap=52, wide=True),
            Column("kind", cap=8),
            Column("title", ratio=2),
            Column("tags", ratio=1),
            Column("note", ratio=2, wide=True),
        ],
    )
    for index, bookmark in enumerate(bookmarks, 1):
        title = _title(library, bookmark) if library is not None and resolves(library, bookmark) else "(missing)"
        note = " ".join(bookmark.note.split())
        listing.notes[index - 1] = Text(clean_line(bookmark.target), style="dim")
        if note:
            listing.notes[index - 1].append("\n" + clean_line(note[:200]), style="italic")
        listing.rows.append(
            [str(index), bookmark.target, bookmark.target_kind, clean_line(title), ", ".join(bookmark.tags), note]
        )
    print_listing(listing, output)
    return EXIT_OK


def _title(library, bookmark) -> str:
    from briefing_tui.core.compare import parse_cell_id
    from briefing_tui.core.dossier import target_title
    from briefing_tui.core.vocab import ACTORS, label

    if bookmark.target_kind == "dossier":
        return target_title(bookmark.target) or bookmark.target
    if bookmark.target_kind == "item":
        return library.item(bookmark.target).title
    if bookmark.target_kind == "section":
        return library.sections[bookmark.target][1].title
    if bookmark.target_kind == "briefing":
        return library.briefings[bookmark.target].source.title
    theme_id, actor = parse_cell_id(bookmark.target) or ("", "")
    return f"{library.themes[theme_id].title}: {label(ACTORS, actor)}"


def _bookmarks_add(args: argparse.Namespace) -> int:
    from briefing_tui.core.storage.bookmarks import Bookmark, BookmarkError, infer_kind, iso

    library = load(args)
    kind = infer_kind(library, args.id)
    if kind is None and args.id.startswith("dossier:"):
        from briefing_tui.core.dossier import target_problem

        problem = target_problem(args.id)
        if problem:
            raise CliError(problem, EXIT_NOT_FOUND)
    if kind is None:
        raise CliError(
            f"no item, section, briefing, comparison cell or dossier {args.id!r} (try: briefing-tui search WORDS; "
            "cells are compare:<theme>:<actor>, dossiers dossier:actor=<actor>,country=<country>)",
            EXIT_NOT_FOUND,
        )
    if args.replace_note and args.note is None:
        raise CliError("--replace-note goes with --note TEXT")
    item = library.item(args.id) if kind == "item" else None
    target = item.id if item is not None else args.id  # an item's former id bookmarks its current id
    if kind == "dossier":
        from briefing_tui.core.dossier import dossier_target, known_filters

        target = dossier_target(known_filters(target) or {})  # one dossier, one id: the filters in order
    store = open_store()
    stamp = iso(store.clock())
    try:
        incoming = Bookmark(
            target=target, target_kind=kind, note=args.note or "", tags=args.tag, created=stamp, updated=stamp
        )
    except BookmarkError as error:  # a note or tag the model rejects (too long ...)
        raise CliError(f"cannot bookmark {target!r}: {error}") from None
    before = store.get(target)
    result = store.merge([incoming], replace=args.replace_note)
    saved(store)
    if result.added:
        _say(f"bookmarked {target} ({kind})")
        return EXIT_OK
    after = store.get(target) or before
    said = []
    if result.tags_added:
        plural = "" if result.tags_added == 1 else "s"
        said.append(f"added {result.tags_added} tag{plural} (tags now: {', '.join(after.tags) if after else ''})")
    if result.notes_changed and before is not None:
        if args.replace_note or not before.note.strip():
            said.append("replaced the note" if before.note.strip() else "set the note")
        else:
            said.append("added the note after the existing one (--replace-note replaces it)")
    if not said:
        already = " (it already has that note and those tags)" if args.note or args.tag else ""
        _say(f"already bookmarked: {target}{already}")
        return EXIT_OK
    _say(f"updated {target}: " + "; ".join(said))
    return EXIT_OK


def _bookmarks_remove(args: argparse.Namespace) -> int:
    store = open_store()
    removed = store.remove(args.id)
    saved(store)
    if removed is None:
        raise CliError(f"{args.id!r} is not bookmarked (see: briefing-tui bookmarks list)", EXIT_NOT_FOUND)
    kept = (
        " (its note and tags are kept in the removed list: B, then t, in the app restores it)"
        if removed.has_text
        else ""
    )
    _say(f"removed {removed.target}{kept}")
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
    result = store.merge(incoming, replace=args.replace)
    saved(store)
    added = result.added
    _say(_import_summary(len(incoming), result, replace=args.replace))
    library = library_or_none(args)
    lost = missing(library, added) if library is not None else []
    if lost:
        console(stderr=True).print(
            f"briefing-tui: note: {len(lost)} imported bookmarks point at content that is not loaded; they are kept"
        )
    return EXIT_OK


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _import_summary(total: int, result: MergeReport, *, replace: bool) -> str:
    """E.g. "imported 3 bookmarks: added 1, merged 1, unchanged 1 (1 note extended, 2 tags added)"."""
    line = (
        f"imported {_count(total, 'bookmark')}: added {len(result.added)}, "
        f"merged {len(result.merged)}, unchanged {len(result.unchanged)}"
    )
    details = []
    if result.notes_changed:
        details.append(_count(result.notes_changed, "note") + (" replaced" if replace else " extended"))
    if result.tags_added:
        details.append(_count(result.tags_added, "tag") + " added")
    return line + (f" ({', '.join(details)})" if details else "")


def _say(message: str) -> None:
    """One line to stdout, never wrapped (scripts grep these lines)."""
    console().print(message, soft_wrap=True)
