"""An ``.eml`` draft with the program attached, for the coach's own mail program."""

from __future__ import annotations

import os
import re
import tempfile
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.policy import default
from email.utils import formataddr, parseaddr
from pathlib import Path

from coachdesk.errors import ValidationError
from coachdesk.export.filenames import safe_filename
from coachdesk.models.client import EMAIL_PATTERN

DEFAULT_SUBJECT = "Your strength program: {program_name}"
DEFAULT_BODY = (
    "Hi {client_first_name},\n\n"
    "Your new strength program, {program_name}, is attached. It starts on {start_date} and "
    "runs for {weeks} weeks. Tick each session off as you go, and reply with any questions.\n\n"
    "See you soon,\n{business_name}\n"
)
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
LINE_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fill(template: str, values: dict[str, str]) -> str:
    """Replace known ``{placeholders}``; unknown ones stay as typed (never a KeyError)."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def header_value(text: str) -> str:
    """One safe header line: encoded words decoded first, then every line break and
    control character removed, so nothing can add a header."""
    try:
        decoded = str(make_header(decode_header(text)))
    except (ValueError, LookupError, UnicodeDecodeError):
        decoded = text
    return CONTROL.sub("", LINE_BREAKS.sub(" ", decoded)).strip()


def address(name: str, email: str) -> str:
    email = header_value(email)
    _display, parsed = parseaddr(email)
    if not parsed or parsed != email or not EMAIL_PATTERN.match(parsed):
        raise ValidationError("email", f"{email!r} is not a single valid e-mail address")
    return formataddr((header_value(name), parsed))


def build_email_draft(
    *, to_name: str, to_address: str, from_address: str = "", subject_template: str =
    DEFAULT_SUBJECT, body_template: str = DEFAULT_BODY, values: dict[str, str],
    pdf_path: Path, out_path: Path,
) -> Path:
    """Write the draft (temp file, then rename) and return its path."""
    message = EmailMessage(policy=default)
    message["To"] = address(to_name, to_address)
    if from_address:
        message["From"] = address(values.get("business_name", ""), from_address)
    message["Subject"] = header_value(fill(subject_template, values))
    message["X-Unsent"] = "1"
    message.set_content(fill(body_template, values))
    pdf_path = Path(pdf_path)
    attachment_name = f"{safe_filename(pdf_path.stem)}.pdf"
    message.add_attachment(pdf_path.read_bytes(), maintype="application", subtype="pdf",
                           filename=attachment_name)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".coachdesk-", suffix=".eml.tmp", dir=out_path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(message.as_bytes())
        os.replace(temp, out_path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return out_path
