"""The command line at 80 and 200 columns and in a pipe: fitted tables, TSV, show for every target, errors, help."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from briefing_tui.cli import build_parser
from briefing_tui.cli.common import _parsers
from briefing_tui.cli.tables import TSV_COLUMNS
from briefing_tui.core.text import clean_line


def run(*args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    env = os.environ.copy()
    env.pop("COLUMNS", None)
    if columns:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def bookmarked(bundled_library) -> list[str]:
    """Bookmarks of every kind (in the test's own config dir), the longest item id among them."""
    longest = max(bundled_library.items, key=len)
    section = next(iter(bundled_library.sections))
    theme = next(iter(bundled_library.themes))
    targets = [longest, section, "wilson", f"compare:{theme}:japan"]
    for target in targets:
        assert run("bookmarks", "add", target, "--note", "a note " * 20, "--tag", "memo").returncode == 0
    return targets


def titles(bundled_library, command: str, bookmarked) -> list[str]:
    library = bundled_library
    if command == "list":
        return [item.title for item in library.items.values()]
    if command == "sources":
        return [source.title for source in library.sources]
    if command == "compare":
        return [theme.title for theme in library.themes.values()]
    if command == "bookmarks list":
        return [library.items[bookmarked[0]].title, library.briefings["wilson"].source.title]
    return []


LISTINGS = ["list", "search japan brazil --limit 20", "sources", "compare", "bookmarks list"]


@pytest.mark.parametrize("command", LISTINGS)
@pytest.mark.parametrize("width", [80, 200])
def test_tables_fit_the_width_and_keep_titles_readable(command, width, bundled_library, request) -> None:
    bookmarked = request.getfixturevalue("bookmarked") if command.startswith("bookmarks") else []
    result = run(*command.split(), "--format", "table", columns=width)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    too_wide = [line for line in lines if len(line) > width]
    assert not too_wide, too_wide[:3]
    expected = titles(bundled_library, command, bookmarked)
    if command.startswith("search"):
        expected = [json_result["title"] for json_result in json.loads(run(*command.split(), "--json").stdout)]
    assert expected
    for title in expected:
        start = clean_line(title)[:30]
        assert any(start in line for line in lines), f"{start!r} is not on one line"


@pytest.mark.parametrize("command", LISTINGS)
def test_piped_listings_are_tsv_with_the_documented_columns(command, bundled_library, request) -> None:
    bookmarked = request.getfixturevalue("bookmarked") if command.startswith("bookmarks") else []
    result = run(*command.split())
    assert result.returncode == 0, result.stderr
    name = command.split()[0]
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert tuple(rows[0]) == TSV_COLUMNS[name]
    assert len(rows) > 1 and all(len(row) == len(rows[0]) for row in rows)
    found = {row[rows[0].index("title")] for row in rows[1:]} if "title" in rows[0] else set()
    for title in titles(bundled_library, command, bookmarked):
        if name == "compare":
            continue  # TSV names themes by id, one record per cell
        assert clean_line(title) in found


def test_format_and_json_alias() -> None:
    assert run("sources", "--format", "json").stdout == run("sources", "--json").stdout
    assert run("sources", "--format", "tsv").stdout == run("sources").stdout
    conflict = run("sources", "--json", "--format", "tsv")
    assert conflict.returncode == 2 and len(conflict.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("kind", ["item", "section", "briefing", "cell"])
def test_show_takes_every_bookmarkable_target(kind, bundled_library) -> None:
    theme = next(iter(bundled_library.themes))
    target = {
        "item": "iad-case-e-kakashi",
        "section": next(iter(bundled_library.sections)),
        "briefing": "wilson",
        "cell": f"compare:{theme}:japan",
    }[kind]
    result = run("show", target)
    assert result.returncode == 0, result.stderr
    assert target in result.stdout.splitlines()[:4]
    assert not any(char in result.stdout for char in "╭│╰")  # piped: plain text, no box
    data = json.loads(run("show", target, "--json").stdout)
    if kind == "item":
        assert data["id"] == target and "citation" in data
    else:
        assert data["target_kind"] == kind
    panel = run("show", target, columns=80)
    assert all(len(line) <= 80 for line in panel.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["list", "--fromat", "tsv"], 2, "did you mean --format?"),
        (["serach", "japan"], 2, "did you mean search?"),
        (["search", "japan", "--limit", "many"], 2, "invalid int value: 'many'"),
        (["list", "--format", "csv"], 2, "did you mean tsv?"),
        (["search", ""], 2, "empty query"),
        (["search", "kind:"], 2, "kind: needs a value"),
        (["search", "country:narnia", "japan"], 2, "unknown country 'narnia' ("),
        (["search", "japan", "--country", "brazl"], 2, "unknown country 'brazl' (did you mean brazil?)"),
        (["list", "--kind", "recomendation"], 2, "did you mean recommendation?"),
        (["show", "iad-case-e-kakshi"], 1, "did you mean iad-case-e-kakashi"),
        (["show", "compare:nothing:japan"], 1, "no item, section, briefing or comparison cell"),
    ],
)
def test_errors_are_one_line_with_the_right_exit_code(args, code, says) -> None:
    result = run(*args)
    assert result.returncode == code, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_search_reports_its_correction_on_stderr() -> None:
    result = run("search", "brazl", "--limit", "3")
    assert result.returncode == 0
    assert "Showing results for brazil (searched: brazl)" in result.stderr
    assert result.stdout.splitlines()[1].split("\t")[1].startswith(("wilson", "idb", "ppp", "iad", "dsr"))
    assert run("search", "brazl", "--exact", "--json").stdout.strip() == "[]"


def test_every_help_ends_with_examples() -> None:
    for parser in _parsers(build_parser()):
        lines = parser.format_help().rstrip().splitlines()
        assert "examples:" in lines[-3:] or lines[-2] == "examples:" or lines[-2].strip() == "examples:", parser.prog
        assert lines[-1].startswith("  briefing-tui"), parser.prog


def _keys(data) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {key for value in data.values() for key in _keys(value)}
    if isinstance(data, list):
        return {key for value in data for key in _keys(value)}
    return set()


def test_readme_json_shapes_match_the_output(bundled_library, bookmarked) -> None:
    """Every key the README's "JSON shapes" documents for a command is in that command's real output."""
    import re

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("### JSON shapes", 1)[1].split("```jsonc", 1)[1].split("```", 1)[0]
    section = next(iter(bundled_library.sections))
    theme = next(iter(bundled_library.themes))
    commands = {
        "briefing-tui sources --json": ["sources"],
        "briefing-tui list --json": ["list"],
        "briefing-tui show ITEM --json": ["show", "wilson-rec-1a"],
        "briefing-tui show SECTION --json": ["show", section],
        "briefing-tui show BRIEFING --json": ["show", "wilson"],
        "briefing-tui show compare:THEME:ACTOR --json": ["show", f"compare:{theme}:japan"],
        "briefing-tui search QUERY --json": ["search", "japan"],
        "briefing-tui compare --json": ["compare"],
        "briefing-tui bookmarks list --json": ["bookmarks", "list"],
    }
    chunks = re.split(r"^// ", block, flags=re.MULTILINE)[1:]
    documented, opens = {}, {}
    for chunk in chunks:
        head, body = chunk.split("\n", 1)
        name = next(command for command in commands if head.startswith(command))
        documented[name] = set(re.findall(r'"(\w+)":', chunk))
        opens[name] = body.strip()[:1]
    assert set(documented) == set(commands)
    for name, args in commands.items():
        result = run(*args, "--json")
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        if opens[name] in "[{":  # a whole shape (not "the item as above plus")
            assert isinstance(data, list if opens[name] == "[" else dict), name
        missing = documented[name] - _keys(data)
        assert not missing, f"{name}: README documents {missing}, not in the output"
