"""Validation rules written beside the content models but applied only when pydantic validates them.

The content models are plain dataclasses, so a start that reads the validated cache never imports
pydantic (~0.1 s of every start). Parsing TOML validates them with pydantic (``core.content.parse``),
which understands these markers in ``Annotated[...]``: each builds its part of the schema then, and
imports pydantic only then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

CONFIG: dict[str, Any] = {"extra": "forbid", "str_strip_whitespace": True}
"""pydantic's configuration of every content model (``__pydantic_config__``): unknown keys are errors."""


STRING_CONSTRAINTS = {"pattern", "min_length", "max_length"}


class Rule:
    """pydantic ``Field`` constraints (pattern, lengths, bounds, discriminator), applied when a schema is built."""

    def __init__(self, **constraints: Any) -> None:
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        if source is str and self.constraints.keys() <= STRING_CONSTRAINTS:
            # Most rules are these: built directly, they cost a fifth of going through ``Field``.
            from pydantic_core import core_schema

            return core_schema.str_schema(**self.constraints)
        from pydantic import Field

        return handler.generate_schema(Annotated[source, Field(**self.constraints)])


class Check:
    """A function run on the validated value; a ValueError it raises is a validation error of that field."""

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.function, handler(source))
