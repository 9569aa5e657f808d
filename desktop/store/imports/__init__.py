"""Readers of other journals' files (jrnl, Day One, Daylio) and our own JSON export: pure,
streaming, no Qt. Each reader yields the store's own records (entries with their pictures);
``importer`` previews a file and then brings it in, all or nothing.
"""

from desktop.store.imports.detect import FORMAT_NAMES, FORMATS, detect, reader_for
from desktop.store.imports.importer import (
    ImportCancelled,
    Preview,
    import_file,
    pin_warning,
    preview_file,
)
from desktop.store.imports.records import Findings, Imported, ImportProblem, ReadOptions

__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "Findings",
    "ImportCancelled",
    "ImportProblem",
    "Imported",
    "Preview",
    "ReadOptions",
    "detect",
    "import_file",
    "pin_warning",
    "preview_file",
    "reader_for",
]
