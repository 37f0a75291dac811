"""Moved to :mod:`coachdesk.services.library_files` (import and export are use cases, and
call the library service). This name stays only until ``ui/library/area.py`` imports the
new module; nothing below the UI may import it."""

from coachdesk.services.library_files import (  # noqa: F401
    LibraryFileError,
    LibraryImportPreview,
    apply_import,
    export_library,
    library_csv,
    library_json,
    parse_csv,
    parse_json,
    preview_import,
    read_library_file,
)
