"""Content values as Markdown text: shown exactly as typed, never as markup.

Templates write Markdown, and every ``{{ value }}`` passes through :func:`escape`
(the Jinja environment's ``finalize``), so a name like ``*A* | <b> [x](y)`` stays those
characters in tables, headings and titles. Pieces the templates build on purpose
(links, paragraphs) are returned as :class:`Markdown` and pass through untouched.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

# Python-Markdown's ESCAPED_CHARS with the tables extension: a backslash makes each literal.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
# Raw HTML in a Markdown body: anything that opens a tag, a comment or an entity.
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_FENCE = re.compile(r"^(```|~~~)")


class Markdown(Markup):
    """Markdown the templates made on purpose: not escaped again."""


def escape(value: object) -> str:
    """One line of literal text in Markdown: whitespace folded, HTML and Markdown syntax escaped."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = re.sub(r"\s+", " ", str(value))
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def paragraphs(value: object) -> Markdown:
    """Multi-line literal text: each blank-line-separated paragraph escaped on its own."""
    parts = re.split(r"\n\s*\n", str(value or "").strip())
    return Markdown("\n\n".join(escape(part) for part in parts if part.strip()))


def link(text: object, url: str) -> Markdown:
    """``[text](url)`` with the text escaped and the URL percent-encoded where Markdown would trip."""
    target = quote(url, safe=":/?#@!$&'*+,;=%~")
    return Markdown(f"[{escape(text)}]({target})")


def body(markdown: str) -> Markdown:
    """A maintainer's Markdown body (guides, FGD notes): Markdown formatting works, raw HTML shows as text.

    Inside fenced code blocks Markdown already shows ``<`` literally, so those lines are kept.
    """
    lines, fenced = [], False
    for line in markdown.splitlines():
        if _FENCE.match(line.lstrip()):
            fenced = not fenced
        lines.append(line if fenced else _HTML_START.sub("&lt;", line))
    return Markdown("\n".join(lines).strip() + "\n")


def meta_string(value: object) -> Markdown:
    """A value for a generated page's front matter (``title``, ``description``), as a YAML string.

    MkDocs treats ``page.title`` as HTML (a title taken from a heading is HTML) and themes print it,
    and ``page.meta.description``, without escaping; so the text is HTML-escaped here, once.
    """
    text = html.escape(" ".join(str(value).split()), quote=True)
    return Markdown('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
