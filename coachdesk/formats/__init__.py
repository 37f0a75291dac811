"""File formats CoachDesk reads and writes (no Qt, no database)."""

from coachdesk.formats.template_file import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ClientBlock,
    InlineExercise,
    SlotEntry,
    TemplateFile,
    TemplateFormatError,
    dumps_template,
    loads_template,
    read_template_file,
    write_template_file,
)

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ClientBlock",
    "InlineExercise",
    "SlotEntry",
    "TemplateFile",
    "TemplateFormatError",
    "dumps_template",
    "loads_template",
    "read_template_file",
    "write_template_file",
]
