"""The layout's promises: the core never loads Textual or Rich, and no module imports itself in a circle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing_tui"


def modules_under(folder: Path) -> list[str]:
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


CORE_MODULES = modules_under(PACKAGE / "core")


def test_the_core_is_found() -> None:
    assert "briefing_tui.core.content" in CORE_MODULES and "briefing_tui.core.slides" in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_loads_neither_textual_nor_rich(module: str) -> None:
    """Each core module in a fresh interpreter: importing it must not pull in the UI libraries."""
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"{module} loads {result.stdout.strip()}"


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Ids of the nodes under ``if TYPE_CHECKING:``: imports for the type checker, never run."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                skipped |= {id(inner) for inner in ast.walk(statement)}
    return skipped


def imports_of(path: Path, module: str) -> set[str]:
    """The package modules a file imports at run time, at any depth (lazy imports in functions count too).

    Imports under ``if TYPE_CHECKING:`` do not count: they never run (screens name their app's
    class that way, as Textual recommends, while the app imports the screens).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                )
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("briefing_tui")}


def import_graph() -> dict[str, set[str]]:
    modules = {name: path for name, path in zip(modules_under(PACKAGE), sorted(PACKAGE.rglob("*.py")), strict=True)}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        # An import of a package's child also runs the package's __init__: count only real module targets.
        graph[name] = {target for target in imports_of(path, name) if target in modules and target != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A cycle of modules importing each other (ignoring a package importing its own children), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if target.startswith(node + "."):  # a package re-exporting its children is not a cycle
                continue
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, " -> ".join(cycle or [])


def test_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"p": {"p.x"}, "p.x": set()}) is None


def test_the_package_holds_only_the_three_rooms() -> None:
    entries = {path.name for path in PACKAGE.iterdir() if path.name != "__pycache__" and path.name != "_content"}
    assert entries == {"__init__.py", "__main__.py", "core", "cli", "tui"}


def test_building_the_command_line_stays_cheap() -> None:
    """`briefing-tui --version` and every command's parser: no pydantic, Textual or Rich until a command runs."""
    code = (
        "import sys\nfrom briefing_tui.cli import build_parser\nbuild_parser()\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'pydantic'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


START_CODE = """
import sys
from briefing_tui.core.content import load_library
from briefing_tui.core.storage.bookmarks import BookmarkStore
library = load_library(None)
if sys.argv[1] == "start":
    import briefing_tui.tui.app, briefing_tui.tui.screens.explorer
    store = BookmarkStore()
    assert [bookmark.target for bookmark in store.all()] == ["wilson"], store.warnings
    library.items[library.entries[0].id]  # an item fetched from the cache, as the detail pane does
    print(",".join(sorted(m for m in sys.modules if m.split(".")[0] == "pydantic")))
else:
    BookmarkStore().add("wilson", "briefing", note="a note")
"""


def test_a_start_on_cached_content_never_imports_pydantic(isolated_dirs: Path) -> None:
    """pydantic (~0.1 s to import) is for parsing TOML: a start that reads the cache, bookmarks included, skips it."""
    subprocess.run([sys.executable, "-c", START_CODE, "fill"], check=True)  # parses the TOML: fills the cache
    result = subprocess.run([sys.executable, "-c", START_CODE, "start"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


FIRST_FRAME_CODE = """
import sys
from textual.app import App
from briefing_tui.tui.app import BriefingApp

DEFERRED = (
    "briefing_tui.core.search.query", "briefing_tui.core.search.outcome", "briefing_tui.core.search.facets",
    "briefing_tui.core.search.index", "briefing_tui.tui.screens.compare", "briefing_tui.tui.screens.presenter",
)
display = App._display

def first_frame(self, screen, renderable):  # what is imported when the explorer's first frame is written
    display(self, screen, renderable)
    if renderable is not None and type(screen).__name__ == "ExplorerScreen":
        print(",".join(name for name in DEFERRED if name in sys.modules), flush=True)
        App._display = display
        self.exit()

App._display = first_frame
BriefingApp(content=None).run(headless=True, size=(80, 24))
"""


def test_the_first_frame_imports_neither_the_query_language_nor_the_other_screens(isolated_dirs: Path) -> None:
    """What the first frame does not need waits: the search's query language until a query is typed or the index
    is built (after the first frame), the compare and presenter screens until they open (~15 ms of imports)."""
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME_CODE], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
