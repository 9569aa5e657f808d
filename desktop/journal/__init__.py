"""The private journal: entries (pure), editor, sketch pad, timeline and search (Qt)."""
