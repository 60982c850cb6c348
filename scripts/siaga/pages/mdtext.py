"""Content values as Markdown text: shown exactly as typed, never as markup.

Templates write Markdown, and every ``{{ value }}`` passes through :func:`escape`
(the Jinja environment's ``finalize``), so a name like ``*A* | <b> [x](y)`` stays those
characters in tables, headings and titles. Pieces the templates build on purpose
(links, paragraphs) are returned as :class:`Markdown` and pass through untouched.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import SplitResult, quote, urlsplit

import markdown
from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from ..published.paths import served_relative

# Python-Markdown's ESCAPED_CHARS with the tables extension: a backslash makes each literal.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
# What escape() changes: one of those, what html.escape changes, or whitespace it folds (any but a lone space).
_NEEDS_ESCAPING = re.compile(r"[\\`*_{}\[\]()>#+\-.!|&<]|[^\S ]|  ")


class Markdown(Markup):
    """Markdown the templates made on purpose: not escaped again."""


def escape(value: object) -> str:
    """One line of literal text in Markdown: whitespace folded, HTML and Markdown syntax escaped."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = str(value)
    if not _NEEDS_ESCAPING.search(text):  # most values (names, words, numbers): called for every {{ }} of every page
        return text
    text = re.sub(r"\s+", " ", text)
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def paragraphs(value: object) -> Markdown:
    """Multi-line literal text: each blank-line-separated paragraph escaped on its own."""
    parts = re.split(r"\n\s*\n", str(value or "").strip())
    return Markdown("\n\n".join(escape(part) for part in parts if part.strip()))


def link(text: object, url: str) -> Markdown:
    """``[text](url)`` with the text escaped and the URL percent-encoded where Markdown would trip.

    Only http(s), mailto, tel and relative targets become links; any other shows as its text."""
    if not safe_target(url):
        return Markdown(escape(text))
    target = quote(url, safe=":/?#@!$&'*+,;=%~")
    return Markdown(f"[{escape(text)}]({target})")


# Link targets a maintainer's text may use: the web, e-mail, phone calls, and pages of this site.
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# What our body renderer can produce; anything else in its output is a bug, and is dropped.
_BODY_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "strong", "em", "code", "pre", "blockquote",
    "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "img", "div", "span",
}
_SECTION = "siaga-bagian"
_BODY_ATTRIBUTES = {"href", "src", "alt", "title", "id", "class", "data-label", "align", "style"}


def _as_the_browser_reads(url: str) -> SplitResult | None:
    """An address as a browser reads the attribute, or None when it is no address at all.

    Markdown passes character references through, so ``&#106;avascript:`` arrives as ``javascript:`` and
    ``&#47;&#47;evil.example`` as ``//evil.example``; leading control characters and spaces are dropped; a
    backslash is a slash in http(s) addresses (``/\\evil.example`` is another host); urlsplit drops tabs and
    newlines inside, as browsers do. Links and pictures are judged on this one reading."""
    try:
        return urlsplit(html.unescape(url).lstrip("".join(map(chr, range(33)))).rstrip().replace("\\", "/"))
    except ValueError:  # a host in brackets that is no IP address ("//[x]"): nothing a reader could follow
        return None


def safe_target(url: str) -> bool:
    """True for a link target a reader may follow: http(s), mailto, tel, or a relative address."""
    parts = _as_the_browser_reads(url)
    return parts is not None and (parts.scheme.lower() in SAFE_SCHEMES or (not parts.scheme and not parts.netloc.startswith("/")))


def same_site_picture(url: str) -> bool:
    """True for a picture of this site: a path, without scheme or host. A picture is fetched by every reader's
    browser without a click, so one from another host would tell that host who reads the page (and a guide
    is precached for offline reading)."""
    parts = _as_the_browser_reads(url)
    return parts is not None and not parts.scheme and not parts.netloc and bool(parts.path) and not parts.path.startswith("//")


class _Sanitise(Treeprocessor):
    """Works on Markdown's own parse: whatever the text says, the tree holds only our tags and safe targets."""

    def __init__(self, md: markdown.Markdown, page: str) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: ElementTree.Element) -> None:
        for element in root:
            if element.tag == "h2":
                element.set("class", _SECTION)  # a section of the page; body() makes it a Markdown heading
        for element in list(root.iter()):
            if element is root:
                continue
            if element.tag == "h2" and element.get("class") != _SECTION:
                element.tag = "h3"  # a heading inside a quote or list is not a section of the page
            if element.tag not in _BODY_TAGS:
                element.tag, element.attrib = "span", {}
            for name in list(element.attrib):
                if name not in _BODY_ATTRIBUTES or (name == "style" and element.tag not in ("th", "td")):
                    del element.attrib[name]
            if element.tag == "a":
                self._link(element)
            elif element.tag == "img":
                self._image(element)

    def _link(self, element: ElementTree.Element) -> None:
        target = element.get("href", "")
        if not safe_target(target):
            element.tag, element.attrib = "span", {}  # the words stay, the link goes
        elif not urlsplit(target).scheme:
            element.set("href", _page_address(self.page, target))

    def _image(self, element: ElementTree.Element) -> None:
        if not same_site_picture(element.get("src", "")):
            # A picture from another host would tell it who reads the page: show its description instead.
            element.tag, alt = "span", element.get("alt", "")
            element.attrib = {}
            element.text = alt


def _page_address(page: str, target: str) -> str:
    """A relative Markdown link as the built site needs it: ``tsunami.md#saat`` from ``panduan/banjir.md`` is
    ``../tsunami/#saat``. MkDocs rewrites Markdown links, but this body reaches the page as HTML."""
    parts = urlsplit(target)
    if not parts.path.endswith(".md"):
        return target
    docs_path = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    return served_relative(page, docs_path) + (f"#{parts.fragment}" if parts.fragment else "")


class _BodyExtension(Extension):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Raw HTML is text here: Markdown itself decides what is code and what is not, and every
        # "<" outside code reaches the page as "&lt;".
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Sanitise(md, self.page), "siaga_sanitise", 0)


def body(markdown_text: str, page: str) -> Markdown:
    """A maintainer's Markdown body (guides, FGD notes) as part of the page ``page`` in docs/.

    Markdown formatting works (lists, emphasis, links, tables, checklists, code); raw HTML shows as
    text; links go only to http(s), mailto, tel or this site; pictures only from this site. The
    second-level headings stay Markdown headings, so MkDocs lists them in the page's contents and
    gives them the anchors "Langsung ke" links to; the rest is HTML our renderer made.
    """
    before, sections = _sections(markdown_text, page)
    pieces = [_html_block(before)]
    for title, following in sections:
        pieces += [f"## {escape(title)}", _html_block(following)]
    return Markdown("\n\n".join(piece for piece in pieces if piece) + "\n")


def section_titles(markdown_text: str) -> list[str]:
    """The titles of a body's sections (its top-level "## " headings), as :func:`body` writes them."""
    return [title for title, _ in _sections(markdown_text, "index.md")[1]]


def _sections(markdown_text: str, page: str) -> tuple[str, list[tuple[str, str]]]:
    """The body rendered by our safe renderer, cut at its top-level headings: (HTML before the first,
    [(heading text, HTML after it), ...])."""
    from .checklist import ChecklistExtension
    from .tablecards import TableCardsExtension

    md = markdown.Markdown(
        extensions=["tables", "sane_lists", "fenced_code", TableCardsExtension(), ChecklistExtension(), _BodyExtension(page)],
        output_format="html",
    )
    parts = re.split(rf'<h2 class="{_SECTION}">(.*?)</h2>', md.convert(markdown_text), flags=re.DOTALL)
    titles = [html.unescape(re.sub(r"<[^>]+>", "", heading)) for heading in parts[1::2]]
    return parts[0], list(zip(titles, parts[2::2], strict=True))


def _html_block(fragment: str) -> str:
    """Our own HTML as one raw block, which Markdown passes through untouched."""
    fragment = fragment.strip()
    return f'<div class="siaga-isi">\n{fragment}\n</div>' if fragment else ""


def meta_string(value: object) -> Markdown:
    """A value for a generated page's front matter (``title``, ``description``), as a YAML string.

    MkDocs treats ``page.title`` as HTML (a title taken from a heading is HTML) and themes print it,
    and ``page.meta.description``, without escaping; so the text is HTML-escaped here, once.
    """
    text = html.escape(" ".join(str(value).split()), quote=True)
    return Markdown('"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"')
