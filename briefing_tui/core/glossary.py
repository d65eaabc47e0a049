"""The glossary: every acronym and key name the briefings use, with its expansion and where it is used.

A pack's ``glossary.toml`` (``[[terms]]``) is validated like the briefings: a wrong entry is a
``Problem`` naming the file, the term and the field, never a traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefing_tui.core.content.discovery import GLOSSARY_FILE, content_dirs
from briefing_tui.core.content.errors import ContentError, Problem


class Use(BaseModel):
    """Where a term is used: a document and one of its sections ("" for the document's own record)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    document: str = Field(min_length=1)
    section: str = ""


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    term: str = Field(min_length=2, max_length=40)
    expansion: str = Field(min_length=2, max_length=200)
    explanation: str = Field(min_length=10, max_length=400)
    native: str = ""
    """The Spanish, Portuguese or Japanese form, where one exists."""
    aliases: list[str] = []
    uses: list[Use] = Field(min_length=1)


class GlossaryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    terms: list[Term]


@dataclass
class Glossary:
    """The terms of every loaded pack, looked up by term or alias (case as written)."""

    terms: list[Term]

    def __post_init__(self) -> None:
        self._by_name = {name: term for term in self.terms for name in (term.term, *term.aliases)}

    def get(self, name: str) -> Term | None:
        return self._by_name.get(name) or self._by_name.get(name.upper()) or self._by_name.get(name.rstrip("s"))

    def matching(self, text: str) -> list[Term]:
        """Terms whose name, expansion or explanation holds ``text`` (any case), names first."""
        needle = text.strip().lower()
        if not needle:
            return list(self.terms)
        named = [t for t in self.terms if any(needle in name.lower() for name in (t.term, *t.aliases))]
        rest = [
            t for t in self.terms if t not in named and needle in f"{t.expansion} {t.explanation} {t.native}".lower()
        ]
        return named + rest

    def names(self) -> set[str]:
        return set(self._by_name)

    def in_text(self, text: str) -> list[Term]:
        """The terms a text mentions, in order of first mention (for the detail pane)."""
        found: dict[str, Term] = {}
        for _start, _end, term in self.spans(text):
            found.setdefault(term.term, term)
        return list(found.values())

    def spans(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of each mention of a term in ``text``: what the detail pane marks."""
        found = []
        for match in ACRONYM.finditer(text):
            term = self.get(match.group(0))
            if term is not None:
                found.append((match.start(), match.end(), term))
        return found


ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9&-]*[A-Z0-9](?:-T[b]?)?s?(?![A-Za-z0-9])")


def glossary_files(folders: Iterable[Path]) -> list[Path]:
    return [folder / GLOSSARY_FILE for folder in folders if (folder / GLOSSARY_FILE).is_file()]


def load_glossary(explicit: Sequence[str | Path] | None = None) -> Glossary:
    """The glossaries of the content folders (an empty glossary when a pack has none)."""
    terms: list[Term] = []
    problems: list[Problem] = []
    for path in glossary_files(content_dirs(explicit)):
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            problems.append(Problem(str(path), f"cannot read the glossary: {error}"))
            continue
        try:
            terms.extend(GlossaryFile.model_validate(raw).terms)
        except ValidationError as error:
            for detail in error.errors():
                loc = list(detail["loc"])
                term = ""
                if len(loc) >= 2 and loc[0] == "terms" and isinstance(loc[1], int):
                    entries = raw.get("terms", [])
                    term = str(entries[loc[1]].get("term", f"#{loc[1] + 1}")) if loc[1] < len(entries) else ""
                    loc = loc[2:]
                problems.append(Problem(str(path), detail["msg"], item=term, field=".".join(map(str, loc))))
    if problems:
        raise ContentError(problems)
    return Glossary(terms)


def check_glossary(glossary: Glossary, library: object) -> list[Problem]:
    """Every use cites a loaded document and one of its sections."""
    from briefing_tui.core.content import Library

    assert isinstance(library, Library)
    problems = []
    for term in glossary.terms:
        for use in term.uses:
            if use.document not in library.briefings:
                problems.append(Problem(GLOSSARY_FILE, f"no briefing {use.document!r}", item=term.term, field="uses"))
            elif use.section and library.briefing_of_section(use.section) != use.document:
                problems.append(
                    Problem(
                        GLOSSARY_FILE, f"no section {use.section!r} in {use.document!r}", item=term.term, field="uses"
                    )
                )
    return problems
