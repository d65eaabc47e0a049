"""What can be wrong with a content pack: a ``Problem`` names the file, the item and the field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content pack."""

    file: str
    message: str
    item: str = ""
    field: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}" + (f":{self.column}" if self.column is not None else "")
        parts = [where]
        if self.item:
            parts.append(f"item {self.item!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ": ".join(parts) + f": {self.message}"


class ContentError(Exception):
    """Raised when a content pack has problems; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def problems_text(problems: Sequence[Problem]) -> str:
    """The one way a pack's problems are told: a count, then one problem per indented line."""
    lines = [str(problem) for problem in problems]
    noun = "problem" if len(lines) == 1 else "problems"
    return f"content has {len(lines)} {noun}:\n" + "\n".join(f"  {line}" for line in lines)
