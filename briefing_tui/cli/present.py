"""The ``present`` subcommand: a briefing, a dossier (or the bookmarks) as slides in the app, or as Markdown.

``briefing-tui present ID`` opens the app straight in presenter mode; ``--bookmarks``
presents the bookmarks in saved order; ``--export FILE`` (``-`` for standard output)
writes the deck as Markdown instead of starting the app; ``--follow``, in a second
terminal, is the speaker view of the presentation already running. The id and the bookmarks are
checked before the app starts, so a typo is a clear message, not an empty screen.
"""

from __future__ import annotations

import argparse

from briefing_tui.cli.common import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    CommandMaker,
    console,
    examples,
    load,
    output_format,
    require_terminal,
    write_text,
)


def register(command: CommandMaker) -> None:
    """Register ``present`` on the parser."""
    sub = command(
        "present", "present a briefing, a dossier or your bookmarks as slides (or export the slides as Markdown)"
    )
    sub.add_argument(
        "id",
        nargs="?",
        metavar="ID",
        help="the briefing to present (see: briefing-tui sources), or a dossier: dossier:actor=japan,country=brazil",
    )
    sub.add_argument("--bookmarks", action="store_true", help="present your bookmarks in saved order instead")
    sub.add_argument(
        "--export", metavar="FILE", help="write the slides as Markdown to FILE ('-': standard output) instead"
    )
    sub.add_argument("--force", action="store_true", help="with --export: overwrite FILE if it exists")
    sub.add_argument(
        "--follow",
        action="store_true",
        help="in a second terminal: a speaker view (notes, next slide, times) of the presentation running now",
    )
    sub.set_defaults(handler=cmd_present)
    examples(
        sub,
        "briefing-tui present wilson",
        "briefing-tui present --follow    (in a second terminal, while presenting)",
        "briefing-tui present dossier:actor=japan,country=brazil --export deck.md",
    )


def _bookmarks() -> list:
    from briefing_tui.core.storage.bookmarks import BookmarkStore

    store = BookmarkStore()
    bookmarks = store.all()
    err = console(stderr=True)
    for warning in store.take_warnings():
        err.print(f"briefing-tui: warning: {warning}")
    return bookmarks


def build_deck(args: argparse.Namespace, library):
    """The deck the arguments ask for; a CliError when there is nothing to present."""
    from briefing_tui.core import slides

    if args.bookmarks:
        deck = slides.bookmarks_deck(library, _bookmarks())
        if not deck.slides:
            raise CliError("no bookmarks to present (bookmark with b in the app, or: briefing-tui bookmarks add ID)")
        return deck
    if args.id.startswith("dossier:"):
        from briefing_tui.core.dossier import known_filters, target_problem

        filters = known_filters(args.id)
        if filters is None:
            raise CliError(target_problem(args.id) or f"no dossier {args.id!r}", EXIT_USAGE)
        return slides.dossier_deck(library, filters)
    if args.id not in library.briefings:
        known = ", ".join(library.briefings)
        hint = ""
        if library.resolve(args.id) is not None:
            hint = " (present takes a briefing id, not an item or section id)"
        raise CliError(f"no briefing {args.id!r}{hint} (known: {known})", EXIT_NOT_FOUND)
    return slides.briefing_deck(library, args.id)


def cmd_present(args: argparse.Namespace) -> int:
    if args.follow:
        return _follow(args)
    if bool(args.id) == bool(args.bookmarks):
        raise CliError("give a briefing or dossier ID, or --bookmarks (one of them)", EXIT_USAGE)
    if args.force and not args.export:
        raise CliError("--force goes with --export", EXIT_USAGE)
    library = load(args)
    deck = build_deck(args, library)
    if args.export:
        return _export(deck, args.export, force=args.force)
    return _run_app(args, library)


def _follow(args: argparse.Namespace) -> int:
    """The speaker view: attach to the presentation this user is running."""
    from briefing_tui.core import speaker_link

    if args.id or args.bookmarks or args.export or args.force:
        raise CliError("--follow takes no ID, --bookmarks or --export: it follows the talk already running", EXIT_USAGE)
    if not speaker_link.available():
        raise CliError("the speaker view needs Unix sockets, which this system lacks")
    if not speaker_link.is_running():
        raise CliError(
            "no presentation is running for this user (start one with: briefing-tui present ID, or p in the app)",
            EXIT_NOT_FOUND,
        )
    require_terminal()
    from briefing_tui.tui.speaker import SpeakerApp

    app = SpeakerApp()
    app.run()
    return app.return_code or EXIT_OK


def _export(deck, target: str, *, force: bool) -> int:
    from briefing_tui.core.slides import deck_markdown

    output_format(None, target, "md", ("md",))  # a deck is Markdown: refuse talk.docx or talk.json
    path = write_text(deck_markdown(deck), target, force=force)
    if path is not None:
        console(stderr=True).print(f"wrote {len(deck.slides)} slides to {path}")
    return EXIT_OK


def _run_app(args: argparse.Namespace, library) -> int:
    from briefing_tui.core.content import content_dirs
    from briefing_tui.tui.app import BriefingApp

    require_terminal()
    app = BriefingApp(
        content=[str(path) for path in content_dirs(args.content)],
        use_cache=not args.no_cache,
        library=library,
        present=None if args.bookmarks else args.id,
    )
    # Read by the app once content is in (see the presenter's notes to app.py).
    app.present_bookmarks_on_start = bool(args.bookmarks)
    app.run()
    # A start-up failure was printed by the app as it exited (App.exit's message).
    return app.return_code or EXIT_OK
