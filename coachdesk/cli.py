"""Command line: the GUI by default, plus commands that work without a display.

Exit codes: 0 success, 1 a failure the command reports (e.g. an error finding), 2 bad
input or a database that cannot be opened.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from coachdesk import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a mistake is one line on stderr (no usage block) and exit 2."""

    def error(self, message: str) -> NoReturn:
        message = message.removeprefix("argument ")
        message = message.replace("the following arguments are required",
                                  "this is needed and missing")
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def weeks_count(text: str) -> int:
    """``--weeks``: a whole number of weeks from 1 to 52."""
    try:
        weeks = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number; give the program's length in weeks, "
            "from 1 to 52") from None
    return weeks


COMMANDS = ("check", "pdf", "archive", "backup")


def split_open_file(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """``coachdesk [--db DB] FILE``: take the template file to open out of the arguments.

    The first word that is not an option (nor ``--db``'s value) is the file when it is not a
    command and names an existing file or a template file's name; anything else is left
    for argparse, so a mistyped command is still reported as one."""
    args = list(argv)
    index = 0
    while index < len(args):
        word = args[index]
        if word == "--db":
            index += 2
            continue
        if word == "--":
            return args, None
        if word.startswith("-"):
            index += 1
            continue
        if word in COMMANDS:
            return args, None
        from coachdesk.formats.template_file import looks_like_template_file

        if os.path.isfile(word) or looks_like_template_file(word):
            return args[:index] + args[index + 1:], word
        return args, None
    return args, None


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="coachdesk",
        usage="%(prog)s [options] [FILE.coachdesk | COMMAND ...]",
        description="CoachDesk: program design for strength coaches who train runners. "
        "Given a template file (FILE.coachdesk), the window opens and shows it, ready to "
        "import.",
    )
    parser.add_argument("--version", action="version", version=f"CoachDesk {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or SQLAlchemy URL (default: $COACHDESK_DATABASE_URL, "
        "else a SQLite file in your user data folder)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window, print the seconds to first paint and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND",
                                     parser_class=OneLineParser)
    check = commands.add_parser(
        "check",
        help="print the balance report of a .coachdesk template file",
        description="Exit status: 0 no error finding, 1 an error finding, 2 invalid file.",
    )
    check.add_argument("file", metavar="FILE", help="a .coachdesk template file")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--db", dest="check_db", metavar="PATH_OR_URL",
                       help="match exercise names against this database's library "
                       "(default: the shipped starter library)")
    pdf = commands.add_parser(
        "pdf", help="make a program PDF (and an e-mail draft) from a template file",
        description="The client comes from the template file's client block. Invalid input "
        "exits 2.")
    pdf.add_argument("template", metavar="TEMPLATE", help="a .coachdesk template file")
    pdf.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    pdf.add_argument("--weeks", type=weeks_count, default=4,
                     help="program length in weeks, 1 to 52 (default 4)")
    pdf.add_argument("--start", metavar="YYYY-MM-DD", help="first day (default next Monday)")
    pdf.add_argument("--brand", metavar="BRAND.json", help="brand profile fields as JSON")
    pdf.add_argument("--eml", metavar="OUT.eml", help="also write an e-mail draft")
    pdf.add_argument("--to", metavar="ADDRESS", help="the draft's recipient")
    pdf.add_argument("--db", dest="pdf_db", metavar="PATH_OR_URL",
                     help="take the exercises from this database's library "
                     "(default: the shipped starter library)")
    pdf.add_argument("--ics", metavar="OUT.ics",
                     help="also write a calendar of the sessions (attached to --eml)")
    archive = commands.add_parser(
        "archive", help="export all data to a .zip, or import one into an empty database",
        description="Exit status: 0 done, 2 refused (the reason goes to stderr; a refused "
        "import writes nothing).")
    actions = archive.add_subparsers(dest="archive_action", metavar="ACTION", required=True)
    for action, text in (("export", "write every record and media file to FILE.zip"),
                         ("import", "restore FILE.zip into an empty database")):
        sub = actions.add_parser(action, help=text, description=text)
        sub.add_argument("file", metavar="FILE.zip")
        sub.add_argument("--db", dest="archive_db", metavar="PATH_OR_URL",
                         help="the database (same as the global --db)")
        if action == "export":
            sub.add_argument("--overwrite", action="store_true",
                             help="replace FILE.zip when it exists")
    backup = commands.add_parser(
        "backup", help="save a consistent copy of the SQLite database and print its path",
        description="Exit status: 0 done (the backup's path is printed), 2 refused (the "
        "reason is printed).")
    backup.add_argument("--to", metavar="FOLDER", help="where to write it (default: the "
                        "backup folder from the settings, else backups/ beside the database)")
    backup.add_argument("--db", dest="backup_db", metavar="PATH_OR_URL",
                        help="the database to back up (default as for the app)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run CoachDesk; returns the exit status (0 done, 1 a real failure, 2 bad input)."""
    parser = build_parser()
    rest, open_file = split_open_file(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse_args(rest)
    except SystemExit as stop:  # --help, --version, or a one-line argument error
        return stop.code if isinstance(stop.code, int) else EXIT_BAD_INPUT
    if open_file is not None and args.command is not None:
        print(f"coachdesk: FILE: open a template file or run {args.command}, not both",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if open_file is not None and not os.path.isfile(open_file):
        print(f"coachdesk: FILE: there is no file at {open_file}; give the path of a "
              ".coachdesk template file", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command is None:
        return run_gui(args.db, smoke_test=args.smoke_test, open_file=open_file)
    if args.command == "check":
        from coachdesk.commands import check

        return check.run(args.file, args.json, args.check_db or args.db)
    if args.command == "pdf":
        from coachdesk.commands import pdf

        return pdf.run(args.template, args.output, args.weeks, args.start, args.brand,
                       args.eml, args.to, db_location=args.pdf_db or args.db, ics=args.ics)
    if args.command == "archive":
        from coachdesk.commands import archive

        return archive.run(args.archive_action, args.file, args.archive_db or args.db,
                           getattr(args, "overwrite", False))
    if args.command == "backup":
        from coachdesk.commands import backup

        return backup.run(args.backup_db or args.db, args.to)
    parser.error(f"unknown command {args.command!r}")
    return EXIT_BAD_INPUT


def display_problem() -> str | None:
    """Why Qt could not open a window here, in one line; None when it probably can."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb", "wayland"):
        return None
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return (
            "CoachDesk needs a desktop display, and none is available (DISPLAY and "
            "WAYLAND_DISPLAY are unset). For a headless check, set QT_QPA_PLATFORM=offscreen."
        )
    if platform != "wayland" and not os.environ.get("WAYLAND_DISPLAY"):
        needed = ("xcb-cursor", "xkbcommon-x11")
        import ctypes.util  # only when the GUI is about to start

        missing = [lib for lib in needed if not ctypes.util.find_library(lib)]
        if missing:
            return (
                "CoachDesk cannot open a window: Qt's X11 platform needs the system "
                "libraries libxcb-cursor0 and libxkbcommon-x11-0 (on Debian/Ubuntu: "
                "sudo apt install libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 "
                "libxcb-keysyms1)."
            )
    return None


def run_gui(location: str | None, *, smoke_test: bool = False,
            open_file: str | None = None) -> int:
    problem = display_problem()
    if problem:
        print(f"coachdesk: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from coachdesk.app import run

    return run(location, smoke_test=smoke_test, open_file=open_file)
