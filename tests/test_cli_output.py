"""The command line in an 80-column terminal, a 200-column one, and a pipe (issue: tables that fit)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from briefing_tui.core.content import load_library

COLUMNS = {
    "list": ["id", "kind", "briefing", "section", "title"],
    "search": ["rank", "id", "kind", "briefing", "title", "score", "snippet"],
    "sources": ["id", "title", "publisher", "authors", "date", "perspective", "items"],
    "bookmarks": ["position", "target", "kind", "title", "tags", "note"],
    "compare": ["theme", "actor", "stance", "instruments", "sources"],
}
"""The TSV headers the README documents."""


def run(*args: str, width: int | None = None) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    if width is not None:
        env["COLUMNS"] = str(width)
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def library():
    return load_library(None, use_cache=False)


@pytest.fixture
def some_bookmarks() -> None:
    for target in ("wilson-rec-1b", "idb-case-cerrado", "compare:energy-transition:japan"):
        assert run("bookmarks", "add", target, "--tag", "brazil", "--note", "Ask about this first.").returncode == 0


def one_line_each(output: str, titles: list[str]) -> list[str]:
    """The titles whose first 30 characters do not appear together on one output line."""
    lines = output.splitlines()
    return [title for title in titles if not any(title[:30].rstrip() in line for line in lines)]


LISTINGS = {
    "list": ["list", "--kind", "figure", "--country", "brazil"],
    "search": ["search", "japan", "brazil", "--limit", "5"],
    "sources": ["sources"],
    "bookmarks": ["bookmarks", "list"],
}


def listed_titles(name: str, library, tsv: str) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t"))
    return [row["title"] for row in rows]


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_listings_fit_the_terminal_and_keep_titles_readable(name: str, width: int, library, some_bookmarks) -> None:
    piped = run(*LISTINGS[name], "--format", "tsv")
    assert piped.returncode == 0, piped.stderr
    titles = listed_titles(name, library, piped.stdout)
    assert titles
    shown = run(*LISTINGS[name], "--format", "table", width=width)
    assert shown.returncode == 0, shown.stderr
    too_wide = [line for line in shown.stdout.splitlines() if len(line) > width]
    assert too_wide == []
    assert one_line_each(shown.stdout, titles) == []


@pytest.mark.parametrize("width", [80, 200])
def test_compare_fits_the_terminal(width: int, library) -> None:
    shown = run("compare", "--format", "table", width=width)
    assert shown.returncode == 0, shown.stderr
    assert [line for line in shown.stdout.splitlines() if len(line) > width] == []
    assert one_line_each(shown.stdout, [theme.title for theme in library.themes.values()]) == []


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_piped_listings_are_tsv_with_the_documented_columns(name: str, some_bookmarks) -> None:
    args = LISTINGS.get(name, ["compare"])
    result = run(*args)  # stdout is a pipe here: TSV without asking
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows[0] == COLUMNS[name]
    assert len(rows) > 1 and all(len(row) == len(COLUMNS[name]) for row in rows)
    assert "│" not in result.stdout and "━" not in result.stdout


def test_json_alias_and_format_json_agree() -> None:
    assert json.loads(run("sources", "--json").stdout) == json.loads(run("sources", "--format", "json").stdout)


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("wilson-rec-1b", "Source: "),
        ("wilson-way-forward", "Section: A Way Forward"),
        ("idb", "Japan and Latin America and the Caribbean"),
        ("compare:energy-transition:japan", "Energy transition"),
        ("dossier:actor=japan,country=brazil", "# Dossier: Japan in Brazil"),  # as `bookmarks list` gives it
    ],
)
def test_show_takes_any_target(target: str, expected: str) -> None:
    plain = run("show", target)
    assert plain.returncode == 0, plain.stderr
    assert expected in plain.stdout
    assert "╭" not in plain.stdout and "\x1b[" not in plain.stdout  # plain text in a pipe
    data = json.loads(run("show", target, "--json").stdout)
    assert data["id"] == target or target.startswith("compare:")


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["list", "--kidn", "figure"], 2, "unrecognized arguments"),
        (["search", ""], 2, "give words to search for"),
        (["search", "x", "--limit", "0"], 2, "must be at least 1"),
        (["list", "--country", "narnia"], 2, "unknown country 'narnia'"),
        (["list", "--kind", "figur"], 0, ""),
        (["show", "wilson-rec-1x"], 1, "did you mean: wilson-rec-1"),
        (["compare", "--theme", "nothing-like-it"], 1, "no theme"),
        (["show", "dossier:actor=japn"], 2, "'japn' is not an actor the briefings use (did you mean: japan?)"),
        (["show", "dossier:planet=mars", "--json"], 2, "'planet' is not a dossier filter (they are country, actor"),
        (["show", "dossier:"], 2, "names no filter"),
    ],
)
def test_errors_are_one_line_with_the_right_code(args: list[str], code: int, says: str) -> None:
    result = run(*args)
    assert result.returncode == code, result.stderr
    if code:
        assert says in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["sources"],
        ["list"],
        ["show"],
        ["search"],
        ["compare"],
        ["validate"],
        ["bookmarks"],
        ["bookmarks", "add"],
        ["export"],
        ["present"],
        ["serve"],
        [],
    ],
)
def test_every_help_ends_with_examples(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0
    tail = result.stdout.strip().splitlines()
    assert any(line.strip() == "examples:" for line in tail[-4:]), result.stdout
    assert tail[-1].strip().startswith("briefing-tui")


def test_json_shapes_match_the_readme(some_bookmarks) -> None:
    """Each shape the README's "JSON shapes" block documents, checked against what the commands print."""
    [source, *_] = json.loads(run("sources", "--json").stdout)
    assert {"id", "title", "publisher", "authors", "date", "url", "perspective", "summary", "kind", "notes"} <= set(
        source
    )
    [item, *_] = json.loads(run("list", "--json").stdout)
    assert {"id", "kind", "title", "summary", "body", "source", "countries", "actors", "sectors", "related"} <= set(
        item
    )
    shown = json.loads(run("show", "wilson-rec-1a", "--json").stdout)
    assert {"citation", "related_items"} <= set(shown) and {"document", "section", "perspective"} <= set(
        shown["citation"]
    )
    section = json.loads(run("show", "wilson-way-forward", "--json").stdout)
    assert section["target_kind"] == "section" and {"id", "title", "summary", "items"} <= set(section)
    briefing = json.loads(run("show", "idb", "--json").stdout)
    assert briefing["target_kind"] == "briefing" and {"id", "title", "sections"} <= set(briefing)
    cell = json.loads(run("show", "compare:energy-transition:japan", "--json").stdout)
    assert cell["target_kind"] == "cell" and {"id", "theme", "actor", "cell"} <= set(cell) and cell["cell"]["stance"]
    dossier = json.loads(run("show", "dossier:country=brazil,actor=japan", "--json").stdout)
    assert dossier["target_kind"] == "dossier" and dossier["id"] == "dossier:actor=japan,country=brazil"
    assert {"title", "filters", "overview", "groups"} <= set(dossier)
    [hit, *_] = json.loads(run("search", "japan", "--json").stdout)
    assert set(hit) == {"id", "kind", "title", "source", "snippet", "score"}
    themes = json.loads(run("compare", "--json").stdout)["themes"]
    assert {"id", "title", "summary", "cells"} <= set(themes[0])
    assert {"actor", "stance", "instruments", "evidence", "sources", "silent", "contrast"} <= set(themes[0]["cells"][0])
    marks = json.loads(run("bookmarks", "list", "--json").stdout)
    assert {"format", "version", "generated", "bookmarks"} <= set(marks)
    assert {"target", "target_kind", "note", "tags", "created", "updated", "position", "resolved"} <= set(
        marks["bookmarks"][0]
    )
