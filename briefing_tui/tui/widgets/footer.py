"""The key-bindings footer, drawn by one widget.

Textual's ``Footer`` is a container of one widget per key, remounted on every "bindings may have
changed" signal (a focus change, a screen suspending or resuming). On the compare screen its dozen
keys were about a quarter of the time to open the screen, and each later rebuild (mounting, styling,
a relayout) was still running when the user pressed the next key. Here the keys are one line of
text: a change of keys is a repaint of one row, never a mount or a relayout.

It looks and acts like Textual's footer: the same theme variables, a click runs the key (or rings
the bell when the key is disabled), the key under the mouse is highlighted and shows its tooltip,
and the command palette's key sits at the right. When the keys do not all fit, those the screen ranks
first (its ``FOOTER_PRIORITY``: Help, Search, Compare, Bookmark... at 80 columns) are kept, and the
others are left out whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class FooterKey(NamedTuple):  # a NamedTuple, not a dataclass: defined in a tenth of the time, before the first frame
    """One key as shown: what to press, what it does, whether it can be used now."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class _Span(NamedTuple):
    """Where a key was drawn (columns ``start`` to ``end``, end excluded)."""

    start: int
    end: int
    key: FooterKey


def action_name(action: str) -> str:
    """An action without its namespace ("app.present" -> "present"), as screens name them in FOOTER_PRIORITY."""
    return action.rsplit(".", 1)[-1]


def fitting(texts: list[tuple[FooterKey, Text]], room: int, priority: Sequence[str]) -> list[tuple[FooterKey, Text]]:
    """The keys to draw in ``room`` columns, in their own order: all when they fit; else the actions the screen
    ranks first (``priority``), then the others in order, each only whole (a key cut in half would be misread)."""
    if sum(len(text) for _, text in texts) <= room:
        return texts
    rank = {name: place for place, name in enumerate(priority)}
    order = sorted(
        range(len(texts)), key=lambda index: (rank.get(action_name(texts[index][0].action), len(rank)), index)
    )
    chosen: set[int] = set()
    used = 0
    for index in order:
        width = len(texts[index][1])
        if used + width <= room:
            chosen.add(index)
            used += width
    return [texts[index] for index in sorted(chosen)]


RULE = "▏"
"""Between the keys and the command palette's key (Textual's ``vkey`` border)."""


class KeyFooter(Widget, can_focus=False):
    """The active screen's shown bindings, one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--rule",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    KeyFooter > .key-footer--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyFooter > .key-footer--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyFooter > .key-footer--hover {
        color: $footer-key-foreground;
        background: $block-hover-background;
    }
    KeyFooter > .key-footer--rule {
        color: $foreground 20%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[FooterKey, ...] | None = None
        """The keys the last render drew (None: not drawn yet)."""
        self._spans: list[_Span] = []
        self._hover: FooterKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    @property
    def keys(self) -> tuple[FooterKey, ...]:
        """The keys the footer shows now: the screen's shown bindings, one per action, then the palette's."""
        keys, palette = self._read_keys()
        return (*keys, palette) if palette is not None else keys

    def _read_keys(self) -> tuple[tuple[FooterKey, ...], FooterKey | None]:
        """(the screen's shown bindings, one per action; the command palette's key, drawn at the right)."""
        app = self.app
        keys: list[FooterKey] = []
        actions: set[str] = set()
        palette: FooterKey | None = None
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            if key == palette_key:
                palette = FooterKey(
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    binding.tooltip or binding.description,
                )
            elif binding.show and binding.action not in actions:
                # Like Textual's footer: an action bound to several keys shows its first one.
                actions.add(binding.action)
                display = app.get_key_display(binding)
                keys.append(FooterKey(binding.key, display, binding.description, binding.action, enabled, tooltip))
        return tuple(keys), palette

    @property
    def shown(self) -> tuple[FooterKey, ...]:
        """The keys as last drawn (the palette's included; keys left out for want of room are not)."""
        return tuple(span.key for span in self._spans)

    def _bindings_changed(self, screen: Screen) -> None:
        # Before the first render there is nothing to compare with, and that render reads the keys anyway
        # (each reading asks the app and the screens about every binding).
        if self.is_attached and self._shown is not None and self.keys != self._shown:
            self.refresh()

    def render(self) -> Text:
        keys, palette = self._read_keys()
        self._shown = (*keys, palette) if palette is not None else keys
        width = self.size.width
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[_Span] = []
        right = self._key_text(palette, compact=True) if palette is not None else None
        room = width - (len(right) + len(RULE) if right is not None else 0)
        texts = [(key, self._key_text(key)) for key in keys]
        for key, text in fitting(texts, room, getattr(self.screen, "FOOTER_PRIORITY", ())):
            spans.append(_Span(len(line), len(line) + len(text), key))
            line.append_text(text)
        if right is not None and palette is not None and width >= len(right) + len(RULE):
            line.append(" " * (room - len(line)))
            line.append(RULE, self.get_component_rich_style("key-footer--rule"))
            spans.append(_Span(len(line), len(line) + len(right), palette))
            line.append_text(right)
        self._spans = spans
        line.stylize_before(self.rich_style)
        return line

    def _key_text(self, key: FooterKey, *, compact: bool = False) -> Text:
        """`` key description `` in the footer's styles (dim when disabled, highlighted under the mouse);
        compact (the palette's key, as in Textual's footer): ``key description ``."""
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        if key == self._hover:
            hover = self.get_component_rich_style("key-footer--hover")
            key_style += hover
            description_style += hover
        text = Text.assemble((key.display if compact else f" {key.display} ", key_style))
        if key.description:
            text.append(f" {key.description} " if compact else f"{key.description} ", description_style)
        if not key.enabled:
            text.stylize(Style(dim=True))
        return text

    def key_at(self, x: int) -> FooterKey | None:
        """The key drawn at column ``x``, if any."""
        return next((span.key for span in self._spans if span.start <= x < span.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self.key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, key: FooterKey | None) -> None:
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
