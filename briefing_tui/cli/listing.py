"""Listings for the terminal and for pipes: one description of the columns, three ways to print it.

A ``Listing`` is a title, columns and rows of plain strings. On a terminal it prints as a Rich table
sized to the width: the title column takes the room, ids are cut with "…", and columns marked
``wide`` appear only from 120 columns on. Piped (or with ``--format tsv``) it prints tab-separated
values with a header line, one record per line, so ``cut``, ``sort``, ``grep`` and a spreadsheet work.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

WIDE = 120
"""From this width on, columns marked ``wide`` are shown too."""

FORMATS = ("table", "tsv", "json")


@dataclass(frozen=True)
class Column:
    """One column: its header, and how it behaves in a table."""

    name: str
    ratio: int = 0
    """A share of the width left over (the title's column); 0: as wide as its longest cell, up to ``cap``."""
    cap: int = 0
    """The widest a fixed column gets in a table (longer cells end in "…"); 0: no cap."""
    wide: bool = False
    """Shown in a table only from ``WIDE`` columns on (always in TSV)."""
    justify: str = "left"


@dataclass
class Listing:
    """What a command lists: a title, columns, and one row of cells per record."""

    title: str
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    notes: dict[int, Text] = field(default_factory=dict)
    """What the hidden ``wide`` columns carry, shown under a row's title in a narrow table (the id, a
    snippet), so nothing a user needs is cut; not in TSV, where every column is present."""


def add_format_options(parser: argparse.ArgumentParser) -> None:
    """``--format table|tsv|json`` (default: a table on a terminal, TSV in a pipe) and ``--json``."""
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="table (default on a terminal), tsv (default when piped: a header line, then one record a line), json",
    )
    parser.add_argument("--json", action="store_const", const="json", dest="format", help="same as --format json")


def chosen_format(args: argparse.Namespace) -> str:
    """The format asked for, else a table on a terminal and TSV in a pipe."""
    chosen = getattr(args, "format", None)
    if chosen:
        return str(chosen)
    return "table" if sys.stdout.isatty() else "tsv"


def tsv_cell(text: str) -> str:
    """A cell on one line: tabs and line breaks become spaces."""
    return " ".join(text.replace("\t", " ").split())


def write_tsv(listing: Listing) -> None:
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([column.name for column in listing.columns])
    for row in listing.rows:
        writer.writerow([tsv_cell(cell) for cell in row])


def table_of(listing: Listing, width: int):
    """The listing as a Rich table for a terminal ``width`` columns wide."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    shown = [index for index, column in enumerate(listing.columns) if width >= WIDE or not column.wide]
    table = Table(title=listing.title, box=box.SIMPLE_HEAD, expand=True, pad_edge=False, title_justify="left")
    for index in shown:
        column = listing.columns[index]
        if column.ratio:
            table.add_column(column.name, ratio=column.ratio, overflow="fold", justify=column.justify)  # type: ignore[arg-type]
        else:
            longest = max([len(column.name), *(len(row[index]) for row in listing.rows)], default=len(column.name))
            size = min(longest, column.cap) if column.cap else longest
            table.add_column(
                column.name,
                width=size,
                no_wrap=True,
                overflow="ellipsis",
                justify=column.justify,  # type: ignore[arg-type]
            )
    flexible = next((i for i in shown if listing.columns[i].ratio), None)
    for number, row in enumerate(listing.rows):
        cells = []
        for index in shown:
            text = Text(row[index])
            if index == flexible and number in listing.notes and width < WIDE:
                text.append("\n")
                text.append_text(listing.notes[number])
            cells.append(text)
        table.add_row(*cells)
    return table


def print_listing(listing: Listing, output: str, out: Console | None = None) -> None:
    """Print as ``output`` ("table" or "tsv"); JSON is the command's own."""
    if output == "tsv":
        write_tsv(listing)
        return
    from briefing_tui.cli.common import console

    out = out or console()
    out.print(table_of(listing, out.width))


def plain_rows(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    return [list(row) for row in rows]
