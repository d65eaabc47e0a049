"""Browser-like back/forward history of opened targets (pure, no UI)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class History:
    """Targets opened in order, with a cursor; opening after going back drops the forward part."""

    entries: list[str] = field(default_factory=list)
    index: int = -1
    limit: int = 500

    @property
    def current(self) -> str | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def visit(self, target: str) -> None:
        """Record opening ``target`` (no duplicate entry when it is already current)."""
        if self.current == target:
            return
        del self.entries[self.index + 1 :]
        self.entries.append(target)
        if len(self.entries) > self.limit:
            del self.entries[0]
        self.index = len(self.entries) - 1

    @property
    def can_go_back(self) -> bool:
        return self.index > 0

    @property
    def can_go_forward(self) -> bool:
        return self.index < len(self.entries) - 1

    def back(self) -> str | None:
        if not self.can_go_back:
            return None
        self.index -= 1
        return self.current

    def forward(self) -> str | None:
        if not self.can_go_forward:
            return None
        self.index += 1
        return self.current
