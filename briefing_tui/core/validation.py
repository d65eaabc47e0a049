"""One way to tell a pydantic validation error in a line: where it is, and what is wrong."""

from __future__ import annotations

from pydantic import ValidationError


def first_problem(error: ValidationError, *, where_default: str = "") -> str:
    """ "tags.0: String should have at most 64 characters": the first problem, with its location."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or where_default
    return f"{where}: {first['msg']}" if where else str(first["msg"])
