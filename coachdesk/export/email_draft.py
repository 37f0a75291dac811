"""An ``.eml`` draft with the program attached, for the coach's own mail program.

Every header value is made safe first: encoded words (``=?utf-8?q?a=0Ab?=``) are decoded,
then line breaks and control characters removed, so no text a coach or client typed can
add a header. Mail programs open the draft ready to send (``X-Unsent: 1``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default
from email.utils import formataddr, getaddresses
from pathlib import Path

from coachdesk.errors import ValidationError
from coachdesk.export.filenames import safe_filename
from coachdesk.files import write_atomic
from coachdesk.validation import checked_email

DEFAULT_SUBJECT = "Your strength program: {program_name}"
DEFAULT_BODY = (
    "Hi {client_first_name},\n\n"
    "Your new strength program, {program_name}, is attached. It starts on {start_date} and "
    "runs for {weeks} weeks. Tick each session off as you go, and reply with any questions.\n\n"
    "See you soon,\n{business_name}\n"
)
PLACEHOLDERS = ("client_first_name", "client_name", "program_name", "start_date", "weeks",
                "business_name")
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
# Line and paragraph breaks of every kind, C0/C1 controls, and the bidi embedding and
# override marks (they can make a display name read as a different address).
HEADER_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
BODY_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
MAX_ADDRESS = 254
MAX_HEADER = 998


def fill(template: str, values: Mapping[str, object]) -> str:
    """Replace known ``{placeholders}``; unknown ones and stray braces stay as typed."""
    return PLACEHOLDER.sub(
        lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0),
        template or "")


BRACES = re.compile(r"\{([^{}]*)\}|[{}]")


def template_problem(text: str, what: str) -> str | None:
    """Why the e-mail template ``text`` would send something odd (an unknown
    ``{placeholder}`` or a brace that opens or closes none), or None when every brace is
    a known placeholder. ``what`` names the field ("The e-mail subject")."""
    allowed = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    for match in BRACES.finditer(text or ""):
        name = match.group(1)
        if name is None:
            return (f"{what} has a “{match.group(0)}” that is not part of a placeholder. "
                    f"Placeholders you can use: {allowed}.")
        if name not in PLACEHOLDERS:
            return (f"{what} uses {{{name}}}, which CoachDesk cannot fill in. "
                    f"Placeholders you can use: {allowed}.")
    return None


def _decode_once(text: str) -> str:
    try:
        return str(make_header(decode_header(text)))
    except (HeaderParseError, ValueError, LookupError, UnicodeError):
        return text


def header_value(text: object) -> str:
    """One safe header line. Encoded words are decoded (repeatedly: one may hide
    another) before line breaks and controls are removed; any encoded word left is
    defused so the mail program cannot decode a line break back in."""
    value = str(text or "")
    for _ in range(4):
        if "=?" not in value:
            break
        decoded = _decode_once(value)
        if decoded == value:
            break
        value = HEADER_UNSAFE.sub(" ", decoded)
    value = HEADER_UNSAFE.sub(" ", value)
    value = ENCODED_WORD.sub(lambda m: m.group(0).replace("=?", "= ?"), value)
    return " ".join(value.split())[:MAX_HEADER]


def body_text(text: str) -> str:
    """The body keeps its lines (any line ending becomes \\n) but loses other controls."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return BODY_UNSAFE.sub("", lines)


def checked_address(field: str, value: str) -> str:
    """The single e-mail address in ``value`` as a mail server wants it (an international
    domain in punycode: ``anna@münchen.de`` → ``anna@xn--mnchen-3ya.de``), or a
    ``ValidationError`` naming ``field``. Checked by email-validator, offline."""
    return _checked(field, value).address


class _Checked:
    def __init__(self, local: str, domain: str) -> None:
        self.local, self.domain = local, domain
        self.address = f"{local}@{domain}"
        self.needs_utf8 = not self.address.isascii()


def _checked(field: str, value: str) -> _Checked:
    text = header_value(value)
    problem = ValidationError(field, f"{text!r} is not a single valid e-mail address")
    if not text or len(text) > MAX_ADDRESS or any(c in text for c in ",;<>"):
        raise problem
    found = getaddresses([text])
    if len(found) != 1 or found[0][1] != text:
        raise problem
    checked = checked_email(text, field, "is not a single valid e-mail address")
    if checked.ascii_email:
        local, domain = checked.ascii_email.rsplit("@", 1)
        return _Checked(local, domain)
    # Letters outside ASCII before the @ (SMTPUTF8): kept as they are, domain in punycode.
    return _Checked(checked.local_part, checked.ascii_domain)


def address(name: str, email: str, field: str = "to_address") -> Address:
    """``Name <email>`` for a header, the name quoted or encoded as it needs.

    An ``Address`` object, not ``email.utils.formataddr``'s string: ``policy.default``
    parses a string header again, decoding formataddr's encoded word, so a non-ASCII name
    with a comma ("O'Brien, Seán") would become two recipients and quotes would vanish."""
    checked = _checked(field, email)
    return Address(display_name=header_value(name), username=checked.local,
                   domain=checked.domain)


def formatted_address(name: str, email: str) -> str:
    """The same as one header string, e.g. to show the coach who the draft is for."""
    return formataddr((header_value(name), checked_address("to_address", email)))


def build_email_draft(
    to_name: str,
    to_address: str,
    subject_template: str = DEFAULT_SUBJECT,
    body_template: str = DEFAULT_BODY,
    placeholders: Mapping[str, object] | None = None,
    pdf_path: Path | str | None = None,
    from_address: str = "",
    out_path: Path | str | None = None,
    *,
    values: Mapping[str, object] | None = None,
    ics_path: Path | str | None = None,
) -> Path:
    """Write an ``.eml`` draft to ``out_path`` (temp file, then rename) and return it.

    ``placeholders`` fills ``{client_first_name}``, ``{client_name}``, ``{program_name}``,
    ``{start_date}``, ``{weeks}`` and ``{business_name}`` in the subject and body;
    unknown ``{names}`` stay as typed. ``values`` is the older name of ``placeholders``.
    ``ics_path``, when given, is attached beside the PDF (the runner's calendar).
    A bad address raises ``ValidationError`` before anything is written."""
    if pdf_path is None or out_path is None:
        raise TypeError("build_email_draft() needs pdf_path and out_path")
    filled = dict(values or {})
    filled.update(placeholders or {})
    to = address(to_name, to_address, "to_address")
    sender = (address(str(filled.get("business_name", "")), from_address, "from_address")
              if from_address and from_address.strip() else None)
    # Only an address with letters outside ASCII before the @ needs UTF-8 headers
    # (RFC 6532); everything else stays plain 7-bit, as every mail program reads it.
    utf8 = any(not a.addr_spec.isascii() for a in (to, sender) if a is not None)
    message = EmailMessage(policy=default.clone(utf8=True) if utf8 else default)
    message["To"] = to
    if sender is not None:
        message["From"] = sender
    message["Subject"] = header_value(fill(subject_template, filled))
    message["X-Unsent"] = "1"
    message.set_content(body_text(fill(body_template, filled)))
    pdf_path = Path(pdf_path)
    try:
        pdf = pdf_path.read_bytes()
    except OSError as error:
        raise ValidationError("pdf_path", f"{pdf_path.name} cannot be read: "
                              f"{error.strerror or error}") from None
    message.add_attachment(pdf, maintype="application", subtype="pdf",
                           filename=f"{safe_filename(pdf_path.stem)}.pdf")
    if ics_path is not None:  # the calendar beside the PDF (see export.calendar)
        ics_path = Path(ics_path)
        try:
            ics = ics_path.read_bytes()
        except OSError as error:
            raise ValidationError("ics_path", f"{ics_path.name} cannot be read: "
                                  f"{error.strerror or error}") from None
        message.add_attachment(ics, maintype="text", subtype="calendar",
                               filename=f"{safe_filename(ics_path.stem)}.ics")
    return write_atomic(out_path, message.as_bytes(), suffix=".eml.tmp")
