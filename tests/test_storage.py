"""Bookmarks and settings storage: atomic, locked, tolerant of corrupt files and unwritable folders."""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_tui.core.storage import atomic, paths
from briefing_tui.core.storage import bookmarks as storage_bookmarks
from briefing_tui.core.storage import statefile as storage
from briefing_tui.core.storage.bookmarks import FILE_VERSION, Bookmark, BookmarkStore, infer_kind, missing, resolves
from briefing_tui.core.storage.settings import SettingsStore

FIXED = datetime(2024, 11, 5, 12, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED


@pytest.fixture
def store() -> BookmarkStore:
    return BookmarkStore(clock=fixed_clock)


def targets(store: BookmarkStore) -> list[str]:
    return [bookmark.target for bookmark in store.all()]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


# -- the basics ------------------------------------------------------------------------


def test_default_path_is_the_isolated_config_dir(isolated_dirs: Path, store: BookmarkStore) -> None:
    assert store.path == paths.bookmarks_file()
    assert str(store.path).startswith(str(isolated_dirs))
    assert store.all() == []
    assert store.warnings == []


def test_add_get_update_remove_restore(store: BookmarkStore) -> None:
    added = store.add("demo-rec-1", "item", note="first line\nsecond line", tags=["follow-up", "follow-up", " x "])
    assert added.tags == ["follow-up", "x"]
    assert added.created == added.updated == "2024-11-05T12:00:00Z"
    assert store.add("demo-rec-1", "item", note="ignored") == added  # idempotent
    store.add("demo-intro", "section")
    store.add("compare:development-finance:japan", "cell")
    assert targets(store) == ["demo-rec-1", "demo-intro", "compare:development-finance:japan"]
    assert store.is_bookmarked("demo-intro") and not store.is_bookmarked("demo")

    updated = store.update("demo-rec-1", note="changed")
    assert updated is not None and updated.note == "changed" and updated.tags == ["follow-up", "x"]
    assert store.update("nope", note="x") is None

    removed = store.remove("demo-intro")
    assert removed is not None and removed.position == 1
    assert store.remove("demo-intro") is None
    assert targets(store) == ["demo-rec-1", "compare:development-finance:japan"]
    store.restore(removed)
    assert targets(store) == ["demo-rec-1", "demo-intro", "compare:development-finance:japan"]
    assert [bookmark.position for bookmark in store.all()] == [0, 1, 2]


def test_move_reorder_and_toggle(store: BookmarkStore) -> None:
    for target in ("a", "b", "c", "d"):
        store.add(target, "item")
    assert store.move("d", -2) == 1
    assert targets(store) == ["a", "d", "b", "c"]
    assert store.move("a", -5) == 0  # clamped
    assert store.move("nope", 1) is None
    assert targets(store) == ["a", "d", "b", "c"]
    assert store.toggle("a", "item") is False
    assert store.toggle("a", "item") is True
    assert targets(store) == ["d", "b", "c", "a"]
    assert [bookmark.position for bookmark in store.all()] == [0, 1, 2, 3]


def test_file_is_versioned_toml_written_0600(store: BookmarkStore) -> None:
    store.add("demo-rec-1", "item", note="a note")
    data = tomllib.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert data["bookmarks"][0]["target"] == "demo-rec-1"
    assert data["bookmarks"][0]["note"] == "a note"
    assert store.path.stat().st_mode & 0o777 == 0o600
    assert store.lock_path.exists()


def test_file_order_comes_from_position_not_from_table_order(store: BookmarkStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    entries = [("second", 1), ("first", 0), ("third", 2)]
    text = "version = 1\n" + "".join(
        f'[[bookmarks]]\ntarget = "{t}"\ntarget_kind = "item"\ncreated = "2024-01-01T00:00:00Z"\n'
        f'updated = "2024-01-01T00:00:00Z"\nposition = {p}\n'
        for t, p in entries
    )
    store.path.write_text(text, encoding="utf-8")
    assert targets(store) == ["first", "second", "third"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=st.text(max_size=200), tags=st.lists(st.text(max_size=20), max_size=4))
def test_any_note_survives_a_save_and_a_fresh_read(store: BookmarkStore, note: str, tags: list[str]) -> None:
    store.remove("demo-rec-1")
    saved = store.add("demo-rec-1", "item", note=note, tags=tags)
    again = BookmarkStore(store.path).get("demo-rec-1")
    assert again == saved
    assert "\x1b" not in again.note and "\r" not in again.note


def test_notes_lose_terminal_escapes(store: BookmarkStore) -> None:
    bookmark = store.add("x", "item", note="\x1b]0;pwned\x07red \x1b[31mtext\x1b[0m\r\nnext")
    assert bookmark.note == "red text\nnext"


# -- two writers -----------------------------------------------------------------------


def test_a_change_starts_from_the_latest_file_not_from_memory(store: BookmarkStore) -> None:
    other = BookmarkStore(store.path)
    assert store.all() == [] and other.all() == []  # both have read the (empty) state
    store.add("from-store", "item")
    other.add("from-other", "item")
    store.update("from-other", note="seen by the first store")
    assert targets(BookmarkStore(store.path)) == ["from-store", "from-other"]
    assert other.get("from-other").note == "seen by the first store"


def test_a_change_waits_for_the_lock_and_gives_up_with_a_warning(
    store: BookmarkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add("kept", "item")
    monkeypatch.setattr(storage, "LOCK_TIMEOUT", 0.05)
    holder = os.open(store.lock_path, os.O_RDWR)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        store.add("while-locked", "item")
        assert store.unsaved
        assert any("locked by another" in warning for warning in store.warnings)
        assert targets(BookmarkStore(store.path)) == ["kept"]
    finally:
        os.close(holder)
    store.add("after", "item")  # the pending change is replayed and saved with this one
    assert not store.unsaved
    assert targets(BookmarkStore(store.path)) == ["kept", "while-locked", "after"]


ADDER = """
import sys
from pathlib import Path
from briefing_tui.core.storage.bookmarks import BookmarkStore

store = BookmarkStore(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()
for number in range(int(sys.argv[3])):
    store.add(f"{sys.argv[2]}-{number}", "item", note=f"note {number}")
print("\\n".join(store.warnings))
"""


def test_two_processes_adding_50_bookmarks_each_lose_nothing(store: BookmarkStore) -> None:
    store.add("before", "item")
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", ADDER, str(store.path), name, "50"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("alpha", "beta")
    ]
    for worker in workers:  # both are running before either starts writing
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0
        assert output.strip() == ""  # no warnings: every change was saved
    saved = BookmarkStore(store.path).all()
    expected = {"before"} | {f"{name}-{n}" for name in ("alpha", "beta") for n in range(50)}
    assert {bookmark.target for bookmark in saved} == expected
    assert [bookmark.position for bookmark in saved] == list(range(101))
    assert [t for t in targets(store) if t.startswith("alpha")] == [f"alpha-{n}" for n in range(50)]


# -- crashes, full disks, unwritable folders -------------------------------------------


def test_a_failed_rename_leaves_the_old_file_and_no_temp_files(
    store: BookmarkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add("kept", "item")
    before = store.path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError(errno.EIO, "simulated crash during rename")

    monkeypatch.setattr(os, "replace", crash)
    result = store.add("lost-on-disk", "item")  # never raises
    assert result.target == "lost-on-disk"
    assert store.path.read_bytes() == before
    assert leftovers(store.path.parent) == []
    assert store.unsaved and store.is_bookmarked("lost-on-disk")  # kept in memory
    assert any("could not be saved" in warning for warning in store.warnings)
    monkeypatch.undo()
    store.add("next", "item")
    assert targets(BookmarkStore(store.path)) == ["kept", "lost-on-disk", "next"]


def test_a_full_disk_keeps_the_old_file_and_warns(store: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add("kept", "item", note="old")
    before = store.path.read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    store.update("kept", note="new")
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert leftovers(store.path.parent) == []
    assert any("disk is full" in warning and "intact" in warning for warning in store.take_warnings())
    assert store.warnings == []


CRASHER = """
import os, sys
from pathlib import Path
from briefing_tui.core.storage.bookmarks import BookmarkStore

store = BookmarkStore(Path(sys.argv[1]))
os.fsync = lambda fd: os._exit(9)  # the power goes out after the temp file is written
store.add("never-saved", "item")
"""


def test_a_process_killed_mid_write_leaves_the_old_file(store: BookmarkStore) -> None:
    store.add("kept", "item")
    before = store.path.read_bytes()
    result = subprocess.run([sys.executable, "-c", CRASHER, str(store.path)], check=False)
    assert result.returncode == 9
    assert store.path.read_bytes() == before
    assert len(leftovers(store.path.parent)) == 1  # a hard kill cannot clean up ...
    assert targets(BookmarkStore(store.path)) == ["kept"]
    store.add("next", "item")
    assert leftovers(store.path.parent) == []  # ... so the next writer does


def test_unwritable_folder_simulated_keeps_changes_in_memory(
    store: BookmarkStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add("kept", "item")
    before = store.path.read_bytes()

    def refuse(path: Path, data: bytes, *, mode: int = 0o600) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(atomic, "write_atomic", refuse)
    assert store.toggle("demo-intro", "section") is True
    assert store.is_bookmarked("demo-intro")
    assert store.unsaved
    assert any("read-only" in warning and "will not be saved" in warning for warning in store.warnings)
    assert store.path.read_bytes() == before
    monkeypatch.undo()
    store.update("kept", note="saved now")
    fresh = BookmarkStore(store.path)
    assert targets(fresh) == ["kept", "demo-intro"]
    assert fresh.get("kept").note == "saved now"


def test_read_only_folder_for_real(store: BookmarkStore) -> None:
    store.add("kept", "item")
    folder = store.path.parent
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: chmod does not make the folder read-only")
        store.add("unsaved", "item")
        assert store.unsaved
        assert any("read-only" in warning for warning in store.warnings)
        assert targets(BookmarkStore(store.path)) == ["kept"]
    finally:
        folder.chmod(0o700)


def test_a_config_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    store = BookmarkStore(blocker / "briefing-tui" / "bookmarks.toml")
    assert store.all() == []
    store.add("demo", "briefing")  # never raises
    assert store.is_bookmarked("demo") and store.unsaved
    assert any("cannot be created" in warning for warning in store.warnings)


# -- corrupt files ---------------------------------------------------------------------

GOOD = (
    'version = 1\n[[bookmarks]]\ntarget = "demo-rec-1"\ntarget_kind = "item"\nnote = "a long note"\n'
    'created = "2024-01-01T00:00:00Z"\nupdated = "2024-01-01T00:00:00Z"\nposition = 0\n'
)
CORRUPT = {
    "empty": b"",
    "binary": bytes(range(256)) * 4,
    "not utf-8": b'version = 1\nnote = "\xff\xfe"\n',
    "truncated": GOOD.encode()[: GOOD.index("a long") + 3],
    "wrong schema: bookmarks not a list": b'version = 1\nbookmarks = "nope"\n',
    "wrong schema: bad field": GOOD.replace('"item"', '"planet"').encode(),
    "wrong schema: missing field": GOOD.replace('target = "demo-rec-1"\n', "").encode(),
    "wrong schema: no version": GOOD.replace("version = 1\n", "").encode(),
    "wrong schema: unknown key": GOOD.replace("position = 0", "position = 0\ncolour = 3").encode(),
    "wrong schema: a tag not a string": GOOD.replace("position = 0", "position = 0\ntags = [3]").encode(),
    "wrong schema: negative position": GOOD.replace("position = 0", "position = -1").encode(),
    "wrong schema: not a time": GOOD.replace('created = "2024-01-01T00:00:00Z"', 'created = "yesterday"').encode(),
    "wrong schema: a space in the target": GOOD.replace('"demo-rec-1"', '"demo rec"').encode(),
    "wrong schema: a trashed bookmark without its time": (GOOD.replace("[[bookmarks]]", "[[removed]]")).encode(),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_files_are_moved_aside_and_reported(store: BookmarkStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_bytes(content)
    assert store.all() == []
    aside = store.path.with_name("bookmarks.toml.corrupt-20241105T120000Z")
    assert aside.read_bytes() == content  # nothing lost
    assert not store.path.exists()
    assert len(store.warnings) == 1
    assert "corrupt" in store.warnings[0] and str(aside) in store.warnings[0]
    store.add("demo", "briefing")
    fresh = BookmarkStore(store.path)
    assert targets(fresh) == ["demo"] and fresh.warnings == []


def test_a_corrupt_file_s_warning_names_the_entry_and_the_field(store: BookmarkStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(GOOD + GOOD.split("\n", 1)[1].replace('"item"', '"planet"'), encoding="utf-8")
    assert store.all() == []
    assert "not a bookmarks file: bookmarks.1.target_kind: should be one of item, section" in store.warnings[0]


def test_a_moved_aside_file_is_never_overwritten(store: BookmarkStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    for content in (b"first \x00", b"second \x00"):
        store.path.write_bytes(content)
        store.all()
    asides = sorted(store.path.parent.glob("bookmarks.toml.corrupt-*"))
    assert [path.name for path in asides] == [
        "bookmarks.toml.corrupt-20241105T120000Z",
        "bookmarks.toml.corrupt-20241105T120000Z-1",
    ]
    assert {path.read_bytes() for path in asides} == {b"first \x00", b"second \x00"}


def test_a_file_from_a_newer_version_is_left_alone(store: BookmarkStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    text = GOOD.replace("version = 1", f"version = {FILE_VERSION + 1}")
    store.path.write_text(text, encoding="utf-8")
    assert targets(store) == ["demo-rec-1"]
    store.add("demo", "briefing")
    assert store.path.read_text(encoding="utf-8") == text
    assert store.unsaved
    assert any("newer" in warning for warning in store.take_warnings())
    store.add("again", "item")
    assert any("newer" in warning for warning in store.warnings)  # said again for each change


# -- bookmarks and the content ---------------------------------------------------------


def test_infer_kind(pack_library) -> None:
    assert infer_kind(pack_library, "demo-rec-1") == "item"
    assert infer_kind(pack_library, "demo-intro") == "section"
    assert infer_kind(pack_library, "demo") == "briefing"
    assert infer_kind(pack_library, "compare:development-finance:japan") == "cell"
    assert infer_kind(pack_library, "compare:development-finance:lac") == "cell"  # a silent column
    assert infer_kind(pack_library, "compare:development-finance:mars") is None
    assert infer_kind(pack_library, "compare:no-theme:japan") is None
    assert infer_kind(pack_library, "demo-gone") is None


def test_bookmarks_of_missing_content_are_kept(store: BookmarkStore, pack_library) -> None:
    store.add("demo-gone", "item", note="keep this")
    store.add("demo-rec-1", "item")
    store.add("compare:old-theme:us", "cell")
    store.remove("demo-rec-1")
    store.add("demo-intro", "section")
    fresh = BookmarkStore(store.path).all()
    assert [bookmark.target for bookmark in fresh] == ["demo-gone", "compare:old-theme:us", "demo-intro"]
    assert [bookmark.target for bookmark in missing(pack_library, fresh)] == ["demo-gone", "compare:old-theme:us"]
    assert resolves(pack_library, fresh[2])
    wrong_kind = Bookmark(
        target="demo", target_kind="item", created="2024-01-01T00:00:00Z", updated="2024-01-01T00:00:00Z"
    )
    assert not resolves(pack_library, wrong_kind)


# -- settings --------------------------------------------------------------------------


def test_settings_round_trip_0600(isolated_dirs: Path) -> None:
    settings_store = SettingsStore()
    assert settings_store.path == paths.settings_file()
    assert settings_store.get("theme", "textual-dark") == "textual-dark"
    settings_store.set("theme", "nord")
    settings_store.set("navigator_width", 32)
    settings_store.set("last_opened", "demo-rec-1")
    fresh = SettingsStore()
    assert fresh.get("theme") == "nord" and fresh.get("navigator_width") == 32
    assert fresh.all() == {"theme": "nord", "navigator_width": 32, "last_opened": "demo-rec-1"}
    fresh.set("theme", None)
    assert SettingsStore().get("theme", "default") == "default"
    assert settings_store.path.stat().st_mode & 0o777 == 0o600


def test_settings_reject_wrong_types_when_set() -> None:
    with pytest.raises(ValueError, match="navigator_width"):
        SettingsStore().set("navigator_width", "wide")
    with pytest.raises(ValueError, match="navigator_width"):
        SettingsStore().set("navigator_width", True)
    with pytest.raises(ValueError, match="cannot be saved"):
        SettingsStore().set("custom", object())


def test_settings_ignore_a_hand_edited_wrong_type_with_a_warning() -> None:
    settings_store = SettingsStore()
    settings_store.path.parent.mkdir(parents=True, exist_ok=True)
    settings_store.path.write_text('navigator_width = "wide"\ntheme = "nord"\n', encoding="utf-8")
    assert settings_store.get("navigator_width", 30) == 30
    assert settings_store.get("theme") == "nord"
    assert any(
        "navigator_width" in warning and str(settings_store.path) in warning for warning in settings_store.warnings
    )


def test_corrupt_settings_are_moved_aside() -> None:
    settings_store = SettingsStore(clock=fixed_clock)
    settings_store.path.parent.mkdir(parents=True, exist_ok=True)
    settings_store.path.write_bytes(b'theme = "nord\n')
    assert settings_store.get("theme", "default") == "default"
    aside = settings_store.path.with_name("settings.toml.corrupt-20241105T120000Z")
    assert aside.read_bytes() == b'theme = "nord\n'
    assert any(str(aside) in warning for warning in settings_store.warnings)
    settings_store.set("theme", "nord")
    assert SettingsStore().get("theme") == "nord"


def test_settings_and_bookmarks_share_a_folder_without_interfering(store: BookmarkStore) -> None:
    store.add("demo", "briefing")
    SettingsStore().set("last_opened", "demo")
    assert targets(BookmarkStore()) == ["demo"]
    assert SettingsStore().get("last_opened") == "demo"


# -- the trash and merging -------------------------------------------------------------


def test_removed_bookmarks_wait_in_the_file_and_come_back(store: BookmarkStore) -> None:
    store.add("demo-intro", "section")
    store.add("demo-rec-1", "item", note="keep me", tags=["Brazil"])
    store.remove("demo-rec-1")
    reopened = BookmarkStore(clock=fixed_clock)  # another process, or the app after a restart
    assert [(b.target, b.note, b.removed) for b in reopened.removed()] == [
        ("demo-rec-1", "keep me", "2024-11-05T12:00:00Z")
    ]
    data = tomllib.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["removed"][0]["note"] == "keep me"
    restored = reopened.restore_last_removed()
    assert restored is not None and restored.note == "keep me" and restored.tags == ["Brazil"]
    assert targets(store) == ["demo-intro", "demo-rec-1"] and store.removed() == []
    assert reopened.restore_last_removed() is None


def test_restoring_over_a_re_added_bookmark_keeps_both_notes(store: BookmarkStore) -> None:
    store.add("demo-rec-1", "item", note="old note", tags=["a"])
    removed = store.remove("demo-rec-1")
    assert removed is not None
    store.add("demo-rec-1", "item", note="new note", tags=["A", "b"])
    restored = store.restore(removed)
    assert restored.note == "old note\n\nnew note" and restored.tags == ["a", "b"]
    assert len(store.all()) == 1


def test_the_trash_keeps_the_newest_removals(store: BookmarkStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_bookmarks, "TRASH_LIMIT", 3)
    for index in range(5):
        store.add(f"t{index}", "item")
        store.remove(f"t{index}")
    assert [bookmark.target for bookmark in store.removed()] == ["t4", "t3", "t2"]


def test_a_version_1_file_is_read_and_rewritten_as_version_2(store: BookmarkStore) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(GOOD, encoding="utf-8")
    assert targets(store) == ["demo-rec-1"] and store.warnings == []
    store.add("demo", "briefing")
    assert tomllib.loads(store.path.read_text(encoding="utf-8"))["version"] == 2


def test_merge_joins_tags_ignoring_case_and_keeps_every_note(store: BookmarkStore) -> None:
    stamp = "2024-11-05T12:00:00Z"

    def incoming(target: str, note: str, tags: list[str]) -> Bookmark:
        return Bookmark(target=target, target_kind="item", note=note, tags=tags, created=stamp, updated=stamp)

    store.add("a", "item", note="mine", tags=["Brazil"])
    store.add("b", "item", note="same")
    report = store.merge([incoming("a", "theirs", ["brazil", "G20"]), incoming("b", "same", []), incoming("c", "", [])])
    assert [b.target for b in report.added] == ["c"]
    assert [b.target for b in report.merged] == ["a"] and [b.target for b in report.unchanged] == ["b"]
    assert report.notes_changed == 1 and report.tags_added == 1
    assert store.get("a").note == "mine\n\ntheirs" and store.get("a").tags == ["Brazil", "G20"]
    replaced = store.merge([incoming("a", "theirs only", [])], replace=True)
    assert replaced.notes_changed == 1 and store.get("a").note == "theirs only"
    assert store.merge([incoming("a", "", ["x"])], replace=True).notes_changed == 0  # an empty note replaces nothing
    assert store.get("a").note == "theirs only"
