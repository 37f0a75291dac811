"""Demonstration notes are Markdown: one parser for the screen and the PDF.

CommonMark with raw HTML off (``<font color=red>`` is text, shown as typed), images off
(a note never makes the app load a file or a web address), and links only to web pages
and e-mail: ``[x](javascript:…)`` or ``file://`` stays the text it is.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

LINK_SCHEMES = ("http://", "https://", "mailto:")
# markdown-it drops what lies deeper than 20 levels of quotes and lists (a list item
# counts two); a note nested deeper than this many markers is shown as plain text instead.
MAX_MARKERS = 8
CONTAINER = re.compile(r"[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))")


def allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)


@cache
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.disable("image")
    md.validateLink = allowed_link  # type: ignore[method-assign]
    return md


def too_deep(markdown: str) -> bool:
    """True when a line opens more quotes and lists than the parser keeps."""
    for line in markdown.splitlines():
        position = markers = 0
        while (match := CONTAINER.match(line, position)) and match.end() > position:
            position, markers = match.end(), markers + 1
            if markers > MAX_MARKERS:
                return True
    return False


def plain_markdown(markdown: str) -> str:
    """Markdown that shows ``markdown`` as literal text, line breaks kept."""
    escaped = re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~&])", r"\\\1", markdown)
    return "  \n".join(escaped.splitlines())


def to_html(markdown: str | None) -> str:
    """The notes as HTML for a rich-text view: every character of the text escaped."""
    text = markdown or ""
    if too_deep(text):
        return "<p>" + escape(text).replace("\n", "<br />\n") + "</p>\n"
    return parser().render(text)


def block_tokens(markdown: str | None) -> list[Token]:
    text = markdown or ""
    return parser().parse(plain_markdown(text) if too_deep(text) else text)


def inline_tokens(markdown: str) -> list[Token]:
    """The children of one line of inline Markdown (emphasis, links, code, breaks)."""
    tokens = parser().parseInline(markdown)
    return tokens[0].children or [] if tokens else []
