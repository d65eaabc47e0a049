"""briefing-tui: explore policy briefings on US, Japanese and Chinese engagement with Latin America."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata (one source of truth), looked up only when
    # asked for: importing importlib.metadata costs ~40 ms of every start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("briefing-tui")
        except PackageNotFoundError:  # running from a checkout without installing
            return "0.0.0.dev"
    raise AttributeError(name)
