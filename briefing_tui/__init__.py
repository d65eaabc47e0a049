"""briefing-tui: explore policy briefings on US, Japanese and Chinese engagement with Latin America."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("briefing-tui")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0.dev"
