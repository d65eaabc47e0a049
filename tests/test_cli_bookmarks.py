"""``briefing-tui bookmarks`` and ``briefing-tui export``, run as the user runs them (a subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import PACK

from briefing_tui.core.storage import paths
from briefing_tui.core.storage.bookmarks import BookmarkStore


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI on the fixture pack with the test's isolated XDG dirs (set in os.environ)."""
    result = subprocess.run(
        [sys.executable, "-m", "briefing_tui", "--content", str(PACK), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env or dict(os.environ),
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def saved_targets() -> list[str]:
    return [bookmark.target for bookmark in BookmarkStore().all()]


def test_add_list_remove() -> None:
    result = run("bookmarks", "add", "demo-rec-1", "--note", "line one\nline two", "--tag", "a", "b", "--tag", "c")
    assert result.returncode == 0, result.stderr
    assert "bookmarked demo-rec-1 (item)" in result.stdout
    assert run("bookmarks", "add", "demo-intro").returncode == 0
    assert run("bookmarks", "add", "demo").returncode == 0
    assert run("bookmarks", "add", "compare:energy-transition:lac").returncode == 0
    assert [(b.target, b.target_kind) for b in BookmarkStore().all()] == [
        ("demo-rec-1", "item"),
        ("demo-intro", "section"),
        ("demo", "briefing"),
        ("compare:energy-transition:lac", "cell"),
    ]
    assert BookmarkStore().get("demo-rec-1").tags == ["a", "b", "c"]
    assert paths.bookmarks_file().stat().st_mode & 0o777 == 0o600

    listing = run("bookmarks", "list", env=dict(os.environ, COLUMNS="200"))
    assert listing.returncode == 0
    assert "Coordinate development finance" in listing.stdout and "line one" in listing.stdout
    data = json.loads(run("bookmarks", "list", "--json").stdout)
    assert [entry["target"] for entry in data["bookmarks"]] == [
        "demo-rec-1",
        "demo-intro",
        "demo",
        "compare:energy-transition:lac",
    ]
    assert data["bookmarks"][0]["note"] == "line one\nline two"
    assert run("bookmarks").returncode == 0  # no action lists

    removed = run("bookmarks", "remove", "demo-intro")
    assert removed.returncode == 0 and "removed demo-intro" in removed.stdout
    again = run("bookmarks", "remove", "demo-intro")
    assert again.returncode == 1 and "not bookmarked" in again.stderr
    assert saved_targets() == ["demo-rec-1", "demo", "compare:energy-transition:lac"]


def test_add_checks_the_id_and_updates_an_existing_note() -> None:
    unknown = run("bookmarks", "add", "no-such-thing")
    assert unknown.returncode == 1 and "no item, section, briefing, comparison cell or dossier" in unknown.stderr
    assert run("bookmarks", "add", "compare:development-finance:mars").returncode == 1
    assert not paths.bookmarks_file().exists()
    run("bookmarks", "add", "demo-fig-fdi", "--note", "first")
    result = run("bookmarks", "add", "demo-fig-fdi", "--note", "second")
    assert result.returncode == 0 and "updated demo-fig-fdi" in result.stdout
    assert "added the note after the existing one" in result.stdout
    assert BookmarkStore().get("demo-fig-fdi").note == "first\n\nsecond"
    assert "already bookmarked" in run("bookmarks", "add", "demo-fig-fdi").stdout
    result = run("bookmarks", "add", "demo-fig-fdi", "--note", "third", "--replace-note")
    assert "replaced the note" in result.stdout
    assert BookmarkStore().get("demo-fig-fdi").note == "third"


def test_add_tag_adds_to_the_existing_tags() -> None:
    run("bookmarks", "add", "demo-rec-1", "--tag", "brazil", "finance", "--note", "keep")
    result = run("bookmarks", "add", "demo-rec-1", "--tag", "Brazil", "energy")
    assert result.returncode == 0 and "added 1 tag (tags now: brazil, finance, energy)" in result.stdout
    bookmark = BookmarkStore().get("demo-rec-1")
    assert bookmark.tags == ["brazil", "finance", "energy"] and bookmark.note == "keep"
    again = run("bookmarks", "add", "demo-rec-1", "--tag", "ENERGY")
    assert "already bookmarked" in again.stdout and "already has" in again.stdout


def test_import_json_export_and_toml_file(tmp_path: Path) -> None:
    run("bookmarks", "add", "demo-rec-1", "--note", "from json")
    run("bookmarks", "add", "demo-intro")
    exported = tmp_path / "exported.json"
    assert run("export", "--format", "json", "-o", str(exported)).returncode == 0
    toml_copy = tmp_path / "bookmarks.toml"
    toml_copy.write_bytes(paths.bookmarks_file().read_bytes())

    paths.bookmarks_file().unlink()
    result = run("bookmarks", "import", str(exported))
    assert result.returncode == 0 and "imported 2 bookmarks: added 2, merged 0, unchanged 0" in result.stdout
    assert saved_targets() == ["demo-rec-1", "demo-intro"]
    assert BookmarkStore().get("demo-rec-1").note == "from json"

    result = run("bookmarks", "import", str(toml_copy))
    assert result.returncode == 0 and "imported 2 bookmarks: added 0, merged 0, unchanged 2" in result.stdout

    foreign = json.dumps([{"target": "demo-gone", "target_kind": "item", "note": "old"}])
    result = run("bookmarks", "import", "-", stdin=foreign)
    assert result.returncode == 0 and "not loaded" in result.stderr
    assert saved_targets() == ["demo-rec-1", "demo-intro", "demo-gone"]


def test_import_merges_notes_and_tags_and_never_drops_text(tmp_path: Path) -> None:
    run("bookmarks", "add", "demo-rec-1", "--note", "written today", "--tag", "Brazil")
    run("bookmarks", "add", "demo-intro", "--note", "same note")
    backup = tmp_path / "backup.json"
    backup.write_text(
        json.dumps(
            [
                {"target": "demo-rec-1", "target_kind": "item", "note": "from the backup", "tags": ["brazil", "g20"]},
                {"target": "demo-intro", "target_kind": "section", "note": "same note"},
                {"target": "demo", "target_kind": "briefing", "note": "new one"},
            ]
        )
    )
    result = run("bookmarks", "import", str(backup))
    assert result.returncode == 0, result.stderr
    assert "imported 3 bookmarks: added 1, merged 1, unchanged 1 (1 note extended, 1 tag added)" in result.stdout
    merged = BookmarkStore().get("demo-rec-1")
    assert merged.note == "written today\n\nfrom the backup"
    assert merged.tags == ["Brazil", "g20"]  # brazil and Brazil are one tag
    again = run("bookmarks", "import", str(backup))
    assert "added 0, merged 0, unchanged 3" in again.stdout  # importing twice changes nothing
    replaced = run("bookmarks", "import", "--replace", str(backup))
    assert "merged 1" in replaced.stdout and "1 note replaced" in replaced.stdout
    assert BookmarkStore().get("demo-rec-1").note == "from the backup"


def test_import_errors_are_clear(tmp_path: Path) -> None:
    missing = run("bookmarks", "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00\xff not bookmarks")
    result = run("bookmarks", "import", str(garbage))
    assert result.returncode == 2 and "garbage.json" in result.stderr


def test_export_memo_to_stdout_and_files(tmp_path: Path) -> None:
    run("bookmarks", "add", "demo-rec-1", "--note", "# my note | with pipes")
    run("bookmarks", "add", "compare:development-finance:us")
    memo = run("export")
    assert memo.returncode == 0
    assert memo.stdout.startswith("# Bookmarks\n")
    assert "> \\# my note \\| with pipes" in memo.stdout
    assert "## Comparison" in memo.stdout
    assert "## Recommendations" in run("export", "--group-by", "kind").stdout
    assert run("export", "-o", "-").stdout == memo.stdout

    target = tmp_path / "memo.md"
    written = run("export", "-o", str(target))
    assert written.returncode == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == memo.stdout
    assert target.stat().st_mode & 0o777 == 0o600

    target.write_text("keep me", encoding="utf-8")
    refused = run("export", "-o", str(target))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = run("export", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8") == memo.stdout

    nowhere = run("export", "-o", str(tmp_path / "no-folder" / "memo.md"))
    assert nowhere.returncode == 2 and "cannot write" in nowhere.stderr


def test_export_item_briefing_and_comparison() -> None:
    item = run("export", "--item", "demo-rec-1")
    assert item.returncode == 0 and item.stdout.startswith("# Recommendation: Coordinate development finance")
    assert json.loads(run("export", "--item", "demo-rec-1", "--format", "json").stdout)["id"] == "demo-rec-1"
    assert run("export", "--item", "nope").returncode == 1

    briefing = run("export", "--briefing", "demo")
    assert briefing.returncode == 0 and "## 4. A Way Forward" in briefing.stdout
    assert run("export", "--briefing", "nope").returncode == 1

    comparison = run("export", "--compare", "--theme", "energy")
    assert comparison.returncode == 0
    assert "## Energy transition" in comparison.stdout and "Development finance" not in comparison.stdout
    data = json.loads(run("export", "--compare", "--format", "json").stdout)
    assert [theme["id"] for theme in data["themes"]] == ["development-finance", "energy-transition"]
    assert run("export", "--compare", "--theme", "nope").returncode == 1
    assert run("export", "--item", "demo-rec-1", "--theme", "energy").returncode == 2
    assert run("export", "--item", "demo-rec-1", "--briefing", "demo").returncode == 2  # argparse: one at a time


def test_corrupt_file_is_reported_on_stderr() -> None:
    path = paths.bookmarks_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00\x01 binary")
    result = run("bookmarks", "list")
    assert result.returncode == 0
    assert "warning: bookmarks file was corrupt" in result.stderr
    aside = list(path.parent.glob("bookmarks.toml.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00\x01 binary"
    assert str(aside[0]) in result.stderr.replace("\n", "")


def test_unwritable_config_folder_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    env = dict(os.environ, XDG_CONFIG_HOME=str(blocker))
    result = run("bookmarks", "add", "demo", env=env)
    assert result.returncode == 2
    assert "will not be saved" in result.stderr and "was not saved" in result.stderr
    listing = run("bookmarks", "list", env=env)
    assert listing.returncode == 0  # reading still works: there is simply nothing


def add_many(targets: list[str]) -> list[int]:
    return [run("bookmarks", "add", target).returncode for target in targets]


@pytest.mark.parametrize("workers", [2])
def test_concurrent_cli_adds_lose_nothing(workers: int) -> None:
    targets = [
        "demo-rec-1",
        "demo-rec-1a",
        "demo-obs-financing",
        "demo-fig-fdi",
        "demo-case-smart-city",
        "demo-init-pgii",
        "demo-opp-hydrogen",
        "demo-app-japan-finance",
        "demo-intro",
        "demo-way-forward",
        "demo",
        "compare:development-finance:us",
        "compare:development-finance:japan",
        "compare:development-finance:china",
        "compare:energy-transition:japan",
        "compare:energy-transition:lac",
    ]
    run("sources")  # fill the content cache first, so the two workers race on bookmarks only
    with ThreadPoolExecutor(workers) as pool:
        codes = list(pool.map(add_many, [targets[index::workers] for index in range(workers)]))
    assert all(code == 0 for batch in codes for code in batch)
    assert sorted(saved_targets()) == sorted(targets)


def test_export_docx_compact_in_your_order(tmp_path: Path) -> None:
    import docx

    run("bookmarks", "add", "demo-intro")
    run("bookmarks", "add", "demo-rec-1", "--note", "Points:\n- first\n- second")
    target = tmp_path / "memo.docx"
    result = run("export", "--format", "docx", "--group-by", "order", "--compact", "--title", "Prep", "-o", str(target))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(target))
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == [
        "Introduction",
        "Coordinate development finance",
    ]
    assert ("List Bullet", "second") in [(p.style.name, p.text) for p in document.paragraphs]
    refused = run("export", "--format", "docx", "--item", "demo-rec-1", "-o", str(tmp_path / "x.docx"))
    assert refused.returncode == 2 and "bookmarks memo" in refused.stderr
    again = run("export", "--format", "docx", "-o", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_export_file_contents_match_its_name(tmp_path: Path) -> None:
    """With no --format the file's suffix picks the format; a --format that contradicts it is refused."""
    import docx

    run("bookmarks", "add", "demo-rec-1", "--note", "Ask about co-financing.")
    word = tmp_path / "cli2.docx"
    result = run("export", "-o", str(word))
    assert result.returncode == 0, result.stderr
    assert "Ask about co-financing." in [p.text for p in docx.Document(str(word)).paragraphs]
    data = tmp_path / "Bookmarks.JSON"
    assert run("export", "-o", str(data)).returncode == 0
    assert json.loads(data.read_text(encoding="utf-8"))["bookmarks"][0]["target"] == "demo-rec-1"
    assert run("export", "-o", str(tmp_path / "memo.md")).returncode == 0
    assert (tmp_path / "memo.md").read_text(encoding="utf-8").startswith("# Bookmarks\n")
    briefing = tmp_path / "briefing.json"
    assert run("export", "--briefing", "demo", "-o", str(briefing)).returncode == 0
    assert json.loads(briefing.read_text(encoding="utf-8"))["source"]["id"] == "demo"

    for args, named, given in [
        (["--format", "md", "-o", str(tmp_path / "x.docx")], ".docx", "md"),
        (["--format", "docx", "-o", str(tmp_path / "x.md")], ".md", "docx"),
        (["--format", "json", "-o", str(tmp_path / "x.md")], ".md", "json"),
    ]:
        refused = run("export", *args)
        assert refused.returncode == 2
        assert f"the file name ends in {named} but --format is {given}" in refused.stderr
    assert run("export", "--item", "demo-rec-1", "-o", str(tmp_path / "x.docx")).returncode == 2  # memo only
    assert not list(tmp_path.glob("x.*"))
    assert run("export", "--format", "json", "-o", "-").stdout.startswith("{")  # stdout: --format decides

    dossier = tmp_path / "japan.docx"
    assert run("dossier", "--actor", "japan", "-o", str(dossier)).returncode == 0
    assert docx.Document(str(dossier)).paragraphs
    assert run("dossier", "--actor", "japan", "--format", "md", "-o", str(tmp_path / "x.docx")).returncode == 2
    slides = run("present", "demo", "--export", str(tmp_path / "x.docx"))
    assert slides.returncode == 2 and "cannot write" in slides.stderr
    assert not list(tmp_path.glob("x.*"))
