"""The navigator: a lazily built tree of briefings, sections and items (or groupings)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing_tui.core import navtree
from briefing_tui.core.content import Library
from briefing_tui.core.navtree import NavNode
from briefing_tui.core.text import clean_line
from briefing_tui.tui.widgets.detail import KIND_STYLES

KIND_MARKS = {
    "recommendation": "REC",
    "obstacle": "OBS",
    "opportunity": "OPP",
    "case-study": "CASE",
    "initiative": "INIT",
    "figure": "FIG",
    "approach": "APPR",
}


class Navigator(Tree[NavNode]):
    """Posts ``Opened`` when the user selects a node that names a target."""

    # As in a file manager: Right opens a branch (then steps into it), Left closes it (then steps out). Textual's
    # tree scrolled sideways instead, sliding the arrows and stars off the pane.
    BINDINGS = [
        Binding("right", "open_branch", "Expand", show=False, id="navigator.expand"),
        Binding("left", "close_branch", "Collapse", show=False, id="navigator.collapse"),
    ]

    class Opened(Message):
        def __init__(self, target: str) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Briefings", id=id)
        self.show_root = False
        self.guide_depth = 2
        self.library: Library | None = None
        self.grouping = "document"
        self.bookmarked: set[str] = set()
        """Targets to mark with a star; the screen sets it (a snapshot, not a file read per label)."""
        self._nodes_by_target: dict[str, TreeNode[NavNode]] = {}
        self.revealing: str | None = None
        """A target the cursor is being moved to; highlights of other nodes meanwhile are not the user's."""

    def load(self, library: Library, grouping: str = "document") -> None:
        self.library = library
        self.grouping = grouping
        self.clear()
        self._nodes_by_target.clear()
        self.root.data = NavNode(label="", node_type="group")
        for nav in navtree.build(library, grouping):
            self._add(self.root, nav)
        self.root.expand()

    def _label(self, nav: NavNode) -> Text:
        text = Text()
        if nav.target and nav.target in self.bookmarked:
            text.append("★ ", style="bold yellow")
        if nav.node_type == "item":
            mark = KIND_MARKS.get(nav.kind, "")
            # The gap is part of the badge: a segment's leading space can be dropped when rendered.
            text.append(f"{mark:<4}\u00a0", style=KIND_STYLES.get(nav.kind, ""))
        text.append(clean_line(nav.label), style="bold" if nav.node_type == "briefing" else "")
        if nav.count:
            text.append(f" ({nav.count})", style="dim")
        return text

    def _add(self, parent: TreeNode[NavNode], nav: NavNode) -> TreeNode[NavNode]:
        if nav.is_leaf:
            node = parent.add_leaf(self._label(nav), data=nav)
        else:
            node = parent.add(self._label(nav), data=nav, allow_expand=True)
        if nav.target:
            self._nodes_by_target[nav.target] = node
        return node

    def _populate(self, node: TreeNode[NavNode]) -> None:
        nav = node.data
        if nav is None or nav.load_children is None or node.children:
            return
        for child in nav.load_children():
            self._add(node, child)

    def action_open_branch(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            self._populate(node)
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_close_branch(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NavNode]) -> None:
        self._populate(event.node)

    def on_tree_node_selected(self, event: Tree.NodeSelected[NavNode]) -> None:
        event.stop()
        nav = event.node.data
        if nav is not None and nav.target:
            self.post_message(self.Opened(nav.target))

    def dossier_filters(self) -> dict[str, str]:
        """The dossier the cursor is in: its nearest country, actor and sector groups ({} in none)."""
        path: list[NavNode] = []
        node = self.cursor_node
        while node is not None:
            if node.data is not None:
                path.append(node.data)
            node = node.parent
        return navtree.dossier_filters(reversed(path))

    def refresh_marks(self, bookmarked: set[str]) -> None:
        """Re-label loaded nodes after bookmarks change."""
        self.bookmarked = bookmarked
        for node in self._nodes_by_target.values():
            if node.data is not None:
                node.set_label(self._label(node.data))

    def reveal(self, target: str) -> None:
        """Expand the path to ``target`` (document grouping) and move the cursor to it."""
        if self.library is None:
            return
        if self.grouping == "document":
            for step in navtree.path_to(self.library, target):
                node = self._nodes_by_target.get(step)
                if node is None:
                    return
                if step != target:
                    self._populate(node)
                    node.expand()
        self.revealing = target
        # Line numbers of freshly expanded nodes exist only after the next refresh.
        self.call_after_refresh(self._move_to, target)

    def _move_to(self, target: str) -> None:
        node = self._nodes_by_target.get(target)
        if node is not None:
            self.move_cursor(node)
            self.scroll_to_node(node, animate=False)
        self.call_after_refresh(self._done_revealing, target)

    def _done_revealing(self, target: str) -> None:
        if self.revealing == target:
            self.revealing = None
