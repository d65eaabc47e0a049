"""The core: content, search, storage, export, slides. Never imports Textual or Rich (a test enforces it)."""
