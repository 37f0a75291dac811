"""One corpus of hostile input for every import path, the CLI and the PDF/e-mail export.

Two kinds of entry:

* ``TEXTS``: strings a coach or a shared file can put into any text field (names, notes,
  goals). Every one of them must survive into the PDF text and the e-mail draft whole.
* ``JSON_DOCUMENTS`` / ``CSV_DOCUMENTS``: whole files (as bytes) that an import or
  ``coachdesk check`` must refuse with a clear message, or read correctly, never with a
  traceback and never half-applied.
"""

from __future__ import annotations

import json

FIVE_THOUSAND_CHARACTER_WORD = "Glute" * 1000

TEXTS: dict[str, str] = {
    "plain": "Nordic curl, slow on the way down",
    "control characters": "Step\x01 up\x07 and\x1b hold",
    "rtl arabic": "تمرين القرفصاء على ساق واحدة",
    "rtl hebrew": "סקוואט על רגל אחת",
    "emoji": "Hip thrust 🏃‍♀️💪 then rest 😴",
    "cjk": "单腿深蹲 片脚スクワット",
    "hangul": "한 다리 스쿼트와 플랭크",
    "long word": FIVE_THOUSAND_CHARACTER_WORD,
    "formula equals": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "formula plus": "+cmd|' /C calc'!A0",
    "formula minus": "-2+3",
    "formula at": "@SUM(A1:A9)",
    "markup": "<b>bold</b> & <font color=red>red</font> </para>",
    "combining": "Pi\u0301la\u0301tes e\u0301xercise",
    "zero width": "Side\u200bplank\u200d hold\ufeff",
}

# Characters no text field may keep: the app refuses or strips them, and says so.
UNACCEPTABLE_TEXTS: dict[str, str] = {
    "nul": "Dead\x00bug",
    "lone surrogate": "Dead\ud800bug",
}


def _deep(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


JSON_DOCUMENTS: dict[str, bytes] = {
    "nested 100,000 deep": _deep(100_000),
    "5,000-digit integer": b'{"version": ' + b"9" * 5000 + b"}",
    "lone surrogate": b'{"name": "Dead\\ud800bug"}',
    "NUL in a string": b'{"name": "Dead\\u0000bug"}',
    "not JSON": b"\x00\x01\x02 this is not json",
    "empty": b"",
    "a list, not an object": b"[1, 2, 3]",
    "version 99": json.dumps({"version": 99, "exercises": []}).encode(),
    "BOM then JSON": b"\xef\xbb\xbf" + json.dumps({"version": 2, "exercises": []}).encode(),
    "cp1252 bytes": "{\"name\": \"Caf\u00e9\"}".encode("cp1252"),
    "wrong types": json.dumps(
        {"version": 2, "exercises": [{"name": 123, "aliases": 5, "notes": 5, "video_url": 5}]}
    ).encode(),
}

CSV_DOCUMENTS: dict[str, bytes] = {
    "semicolons": b"name;email;goal\nAnna Berg;anna@example.com;Racing\n",
    "cp1252": "name,email,goal\nJos\u00e9 M\u00fcller,jose@example.com,race\n".encode("cp1252"),
    "BOM": "\ufeffname,email\nAnna,anna@example.com\n".encode(),
    "unterminated quote": b'name,notes\nAnna,"never closed\nBen,fine\nCara,fine\n',
    "duplicate header": b"name,email,email\nAnna,a@example.com,b@example.com\n",
    "huge field": b"name,notes\nAnna," + b"x" * 200_000 + b"\n",
    "formula cells": b'name,notes\n"=HYPERLINK(""http://evil.example"")","+cmd|\' /C calc\'!A0"\n',
    "NUL byte": b"name,notes\nAn\x00na,x\n",
    "empty": b"",
}
