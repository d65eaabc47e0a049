"""The terminal UI (Textual): the app, its screens, dialogs and widgets."""
