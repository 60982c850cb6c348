"""The built site read as a browser reads it: every internal link and anchor must lead somewhere, and
no page may load anything (a stylesheet, a script, a picture, a font) from another host.

MkDocs checks the Markdown links it rewrites; the links our templates and renderers write as HTML,
the theme's own links and every anchor are checked here, on the HTML in ``site/``.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Elements whose address the browser fetches by itself when the page loads.
_LOADED = {("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
           ("audio", "src"), ("embed", "src"), ("object", "data")}
_FOLLOWED = {("a", "href")}
# <link> relations that only name an address (a feed, the canonical page), loading nothing.
_NAMING_RELS = {"canonical", "alternate"}


class Page(HTMLParser):
    """One built HTML page: its anchors, and every address it links to or makes the browser load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, bool]] = []  # (tag, address, loaded by the browser)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for key in ("id", "name"):
            if key in attributes and (key == "id" or tag == "a"):
                self.ids.add(attributes[key])
        for name, value in attributes.items():
            if (tag, name) in _FOLLOWED:
                self.links.append((tag, value, False))
            elif (tag, name) in _LOADED:
                naming = tag == "link" and set(attributes.get("rel", "").split()) <= _NAMING_RELS
                self.links.append((tag, value, not naming))

    @property
    def loaded(self) -> list[str]:
        """The addresses the browser fetches by itself for this page: stylesheets, scripts, icons, images."""
        return [address for _, address, loaded in self.links if loaded and address]


def _served(site: Path, path: str) -> Path | None:
    """The file a static host serves for a path from the site's root, if there is one."""
    target = site / unquote(path).lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def problems(site: Path, site_url: str) -> list[str]:
    """Every broken internal link or anchor and every resource loaded from another host, as one line each."""
    base = urlsplit(site_url)
    pages = {path: read_page(path) for path in sorted(site.rglob("*.html"))}
    found: dict[str, set[str]] = defaultdict(set)
    for path, page in pages.items():
        here = "/" + path.relative_to(site).as_posix()
        # The 404 page is served at any address; MkDocs writes its links from the site's root.
        page_dir = "/" if path.name == "404.html" else posixpath.dirname(here) + "/"
        shown = path.relative_to(site).as_posix()
        for tag, address, loaded in page.links:
            parts = urlsplit(address)
            if parts.scheme in ("mailto", "tel", "data", "javascript") or address == "#":
                continue
            if parts.scheme or parts.netloc:
                if parts.netloc == base.netloc and parts.path.startswith(base.path):
                    target_path = "/" + parts.path[len(base.path):]
                elif loaded:
                    found[shown].add(f"memuat <{tag}> dari host lain: {address}")
                    continue
                else:
                    continue  # a link out of the site: the reader follows it or not
            else:
                target_path = posixpath.normpath(posixpath.join(page_dir, parts.path)) + ("/" if parts.path.endswith("/") else "")
                if not parts.path:
                    target_path = here
            target = _served(site, target_path)
            if target is None:
                found[shown].add(f"tautan rusak: {address}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if unquote(parts.fragment) not in ids:
                    found[shown].add(f"jangkar tidak ada: {address}")
    return [f"site/{page}: {problem}" for page in sorted(found) for problem in sorted(found[page])]


def read_page(path: Path) -> Page:
    """Parse one built HTML file."""
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page
