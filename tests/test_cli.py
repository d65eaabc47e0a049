"""The command line run as a subprocess: JSON shapes, exit codes, plain output when piped."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, PACK


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "briefing_tui", *args],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
    )


def run_json(*args: str):
    result = run("--content", str(PACK), *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("briefing-tui ")


def test_sources_json_shape() -> None:
    [source] = run_json("sources")
    assert {"id", "title", "publisher", "authors", "date"} <= set(source)
    assert source["id"] == "demo"


def test_list_json_shape_and_filters() -> None:
    items = run_json("list")
    assert len(items) == 8
    for item in items:
        assert {"id", "kind", "title", "summary", "source"} <= set(item)
        assert set(item["source"]) >= {"document", "section"}
    figures = run_json("list", "--kind", "figure")
    assert [item["id"] for item in figures] == ["demo-fig-fdi"]
    chile = run_json("list", "--country", "Chile")
    assert [item["id"] for item in chile] == ["demo-opp-hydrogen"]


def test_list_unknown_filter_is_exit_2() -> None:
    result = run("--content", str(PACK), "list", "--kind", "memo")
    assert result.returncode == 2
    assert "unknown kind 'memo'" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_prints_citation_and_related() -> None:
    result = run("--content", str(PACK), "show", "demo-rec-1")
    assert result.returncode == 0
    assert "An Example Briefing" in result.stdout
    assert "A Way Forward" in result.stdout
    assert "demo-obs-financing" in result.stdout
    data = run_json("show", "demo-rec-1")
    assert data["citation"]["section"] == "4. A Way Forward"
    assert {"id": "demo-rec-1a", "kind": "recommendation", "title": "A sub-recommendation"} in data["related_items"]


def test_show_unknown_id() -> None:
    result = run("--content", str(PACK), "show", "nope")
    assert result.returncode == 1
    assert "no item, section, briefing or comparison cell 'nope'" in result.stderr


def test_search_json_shape_and_ranking() -> None:
    results = run_json("search", "hydrogen")
    assert results[0]["id"] == "demo-opp-hydrogen"
    assert {"id", "kind", "title", "source", "snippet", "score"} <= set(results[0])
    assert "**" in results[0]["snippet"]


def test_search_filter_options_combine() -> None:
    results = run_json("search", "finance", "--kind", "approach")
    assert [result["id"] for result in results] == ["demo-app-japan-finance"]


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "*", "AND OR NOT", "-", "kind:", "x" * 5000, " "])
def test_search_never_fails(query: str) -> None:
    result = run("--content", str(PACK), "search", query, "--json")
    assert "Traceback" not in result.stderr
    if result.returncode == 2:  # nothing to search for: a usage error, said in one line
        assert query.strip() in ("", "*", "-", "kind:") and len(result.stderr.splitlines()) == 1
    else:
        assert result.returncode == 0, result.stderr
        assert isinstance(json.loads(result.stdout), list)


def test_compare_json_contract() -> None:
    data = run_json("compare")
    assert [theme["id"] for theme in data["themes"]] == ["development-finance", "energy-transition"]
    cell = data["themes"][0]["cells"][0]
    assert {"actor", "stance", "instruments", "evidence", "sources"} <= set(cell)
    one = run_json("compare", "--theme", "energy")
    assert [theme["id"] for theme in one["themes"]] == ["energy-transition"]


def test_validate_good_and_bad() -> None:
    good = run("validate", str(PACK))
    assert good.returncode == 0
    assert "valid: 1 briefings" in good.stdout
    bad = run("validate", str(FIXTURES / "bad" / "refs"), str(FIXTURES / "bad" / "syntax"))
    assert bad.returncode == 2
    assert "refs/briefing.toml" in bad.stderr and "broken.toml" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_content_markup_is_not_interpreted(tmp_path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    text = (PACK / "demo" / "briefing.toml").read_text()
    text = text.replace('title = "Scarce long-term finance"', 'title = "[bold red]Scarce[/] \\u001b[31mfinance"')
    (pack / "demo.toml").write_text(text)
    result = run("--content", str(pack), "show", "demo-obs-financing")
    assert "[bold red]Scarce[/]" in result.stdout
    assert "\x1b" not in result.stdout


def test_bundled_content_validates() -> None:
    result = run("validate")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--content", "packs/a"],
        ["--content=packs/a", "--no-cache"],
        ["--no-cache", "--content", "a", "--content", "b"],
    ],
)
def test_a_plain_start_parses_as_the_full_command_line_does(words: list[str]) -> None:
    """A plain start skips building the commands' parsers, and must read its options the same."""
    from briefing_tui.cli import build_parser, starts_the_app

    assert starts_the_app(words)
    assert vars(build_parser(commands=False).parse_args(words)) == vars(build_parser().parse_args(words))


@pytest.mark.parametrize(
    "words", [["list"], ["--version"], ["-h"], ["--content"], ["--contnet", "x"], ["--content", "x", "list"]]
)
def test_anything_else_gets_the_full_command_line(words: list[str]) -> None:
    from briefing_tui.cli import starts_the_app

    assert not starts_the_app(words)
