"""The content security policy and the referrer policy, written into every built page.

A static host such as GitHub Pages sets no response headers, so both go in ``<meta>`` tags, right after
the page's character set and before anything they govern. MkDocs adds them as it writes each page
(``site/mkdocs_build.py``), so the built pages are not read and written a second time. The policy is the last line of defence if
content ever slipped through escaping: a script from another host, an inline script we did not write, a
plug-in, a ``<base>`` that moves every link, or a form that posts somewhere are all refused by the browser.

Allowed: this site's own scripts, plus the theme's inline scripts by the hash of their exact text (computed
per page, since they differ with the page's depth); WebAssembly compilation for Pagefind's search engine;
pictures from this site and ``data:`` (the theme's icons); requests (search index, map data) to this site.
Styles may be inline, since the theme's scripts set style attributes and a stylesheet cannot run a script.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Every inline <script>, with its attributes and its text exactly as the browser hashes it.
_INLINE_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<text>.*?)</script\s*>", re.S | re.I)
_HAS_SOURCE = re.compile(r"\bsrc\s*=", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
# A script of another type (the theme's configuration, "application/json") is data the browser never runs.
_RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)

# Readers' paths stay on this site: a source's publisher learns nothing of which village page a reader was on.
REFERRER_POLICY = "same-origin"


def inline_script_hashes(html: str) -> list[str]:
    """The CSP hash source (``'sha256-...'``) of each inline script the browser would run, in page order."""
    hashes = []
    for script in _INLINE_SCRIPT.finditer(html):
        attributes = script.group("attributes")
        kind = _TYPE.search(attributes)
        if _HAS_SOURCE.search(attributes) or (kind and kind.group("type").lower() not in _RUN_TYPES):
            continue
        digest = hashlib.sha256(script.group("text").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def content_security_policy(script_hashes: list[str]) -> str:
    """The policy of one page, given the hashes of the inline scripts it runs."""
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *script_hashes]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def policy_tags(html: str) -> str:
    """The two ``<meta>`` tags for one page."""
    return (f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(inline_script_hashes(html))}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')


def with_policies(html: str) -> str:
    """One page with its policies, right after its character set (else at the start of its head)."""
    tags = policy_tags(html)
    place = _CHARSET.search(html) or _HEAD.search(html)
    return html[: place.end()] + tags + html[place.end():] if place else html
