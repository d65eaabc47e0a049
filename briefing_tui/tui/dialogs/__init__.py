"""Modal screens: the note editor, the export dialog, help."""
