"""A key-bindings footer that rebuilds only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class QuietFooter(Footer):
    """Textual's ``Footer``, without the redundant rebuilds.

    Textual's footer remounts all its keys on every "bindings may have changed" signal:
    a focus change, a screen suspending or resuming, each ``refresh_bindings``. Pushing the
    compare screen sent five, and each rebuild (mounting and styling a dozen keys, then a
    relayout) cost 20-70 ms, so they were still running when the user pressed the next key.
    Here signals arriving together make one rebuild, a rebuild that would show the same keys
    is skipped, and so is one while the screen is hidden under another.
    """

    def __init__(self, *, keys_first: bool = False) -> None:
        super().__init__()
        self.keys_first = keys_first
        """Compose the keys with the footer, in the screen's first frame, rather than after it."""
        self._pending = False
        self._shown: tuple[Hashable, ...] | None = None
        """What the keys were built from last (None: never built)."""

    def compose(self) -> ComposeResult:
        # Textual's footer starts empty and fills in on the first signal, after the first frame,
        # with another relayout. A screen pushed in use wants them now (nothing left to do after
        # its first frame); at start-up the first frame is better painted without them.
        if self.keys_first:
            self._bindings_ready = True
        if self._bindings_ready:
            self._shown = self._keys_shown()
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # A key starts compact and its data binding then clears that: two restyles per key
                # (~20 ms a footer). Starting with the bound value makes both no-ops. (The palette
                # key is not bound: it stays compact.)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    def _keys_shown(self) -> tuple[Hashable, ...]:
        """Everything ``Footer.compose`` reads, so equal values compose equal keys."""
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if self.show_command_palette and app.ENABLE_COMMAND_PALETTE else None
        return tuple(
            (key, binding, app.get_key_display(binding), enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def _covered(self) -> bool:
        """True while an opaque screen hides this one (``Screen.is_current`` counts the one below)."""
        stack = self.app.screen_stack
        screen = self.screen
        if screen not in stack:
            return True
        return any(other.styles.background.a >= 1 for other in stack[stack.index(screen) + 1 :])

    async def _recompose_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached or self._covered():
            return  # its screen signals again when it resumes
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
