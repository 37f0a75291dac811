"""Every hostile text of the shared corpus, typed into a runner's name, the program and
its notes, and an exercise's name and demonstration notes: the PDF builds, and every
character prints; the e-mail draft carries the name intact.

What "every character" means here, decided once:
* C0/C1 control characters (``\\x01``, ``\\x1b``…) are dropped: they have no glyph and no
  place in a printed page (``coachdesk.export.text.clean``); the e-mail drops them too.
* The PDF text is compared after NFKC: Arabic prints in its joined presentation forms,
  which NFKC turns back into the letters typed, and combining accents compose.
* Right-to-left text is drawn in visual order; pypdf reads such a run back in typing
  order, so the comparison needs no reversing here (tests/export/test_scripts.py checks
  the drawing order itself).
* Whitespace is ignored: wrapping a 5,000-character word breaks it over lines.
"""

from __future__ import annotations

import email
import unicodedata
from datetime import date
from email.policy import default

import pytest

from coachdesk.export.document import Brand, ClientInfo, build_document
from coachdesk.export.email_draft import build_email_draft
from coachdesk.export.pdf import build_program_pdf
from coachdesk.formats.template_file import SlotEntry, TemplateFile
from coachdesk.vocab import Weekday
from tests.export.conftest import pdf_text
from tests.hostile.corpus import FIVE_THOUSAND_CHARACTER_WORD, TEXTS

CONTROLS = dict.fromkeys(c for c in range(0x110000)
                         if unicodedata.category(chr(c)) == "Cc" and chr(c) not in "\t\n\r")


def printable(text: str) -> str:
    """What a page can show of ``text``: controls gone, NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text.translate(CONTROLS)).split())


def document_with(text: str):
    entry = SlotEntry(exercise=text, sets=3, reps=8, notes=text)
    week = TemplateFile(name=text, notes=text, days={Weekday.TUE: (entry,)},
                        day_titles={Weekday.TUE: text})
    material = {text: {"notes": text, "video_url": "https://video.example/x"}}
    return build_document(week, program_name=text, client=ClientInfo(name=text, goal="race"),
                          start_date=date(2027, 1, 4), weeks=4, material=material)


@pytest.mark.parametrize("key", list(TEXTS))
def test_every_character_of_a_hostile_text_prints_in_the_pdf(tmp_path, key) -> None:
    text = TEXTS[key]
    result = build_program_pdf(document_with(text), Brand(business_name=text),
                               tmp_path / "p.pdf")
    printed = printable(pdf_text(result.path))
    expected = printable(text)
    assert expected in printed, key
    missing = {c for c in expected if c not in printed}
    assert missing == set(), key
    assert result.warnings == (), key


@pytest.mark.parametrize("key", list(TEXTS))
def test_the_email_draft_carries_the_name_intact(tmp_path, key) -> None:
    name = TEXTS[key]
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    values = {"client_name": name, "client_first_name": name, "program_name": name,
              "start_date": "4 January 2027", "weeks": "4", "business_name": "Run Strong"}
    draft = build_email_draft(to_name=name, to_address="runner@example.com", values=values,
                              pdf_path=pdf, out_path=tmp_path / "draft.eml")
    message = email.message_from_bytes(draft.read_bytes(), policy=default)
    kept = name.translate(CONTROLS)
    assert message["To"].addresses[0].username == "runner"
    assert kept in str(message["Subject"]) or len(kept) > 900  # a header line has a limit
    assert kept in message.get_body(("plain",)).get_content()


def test_a_5000_character_word_wraps_in_every_field(tmp_path) -> None:
    result = build_program_pdf(document_with(FIVE_THOUSAND_CHARACTER_WORD), Brand(),
                               tmp_path / "p.pdf")
    assert printable(pdf_text(result.path)).count(FIVE_THOUSAND_CHARACTER_WORD) >= 2
