"""The yardstick for first paint: a minimal Textual app (a Tree beside a Static), as bare as an app gets.

Run by ``first_paint.py`` in a real pseudo-terminal; it paints "Yardstick ready" in its first frame.
"""

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static, Tree


class Yardstick(App[None]):
    CSS = "Tree { width: 1fr; } Static { width: 2fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            tree: Tree[None] = Tree("Yardstick ready")
            tree.root.expand()
            for number in range(5):
                tree.root.add_leaf(f"Briefing {number}")
            yield tree
            yield Static("A detail pane")


if __name__ == "__main__":
    Yardstick().run()
