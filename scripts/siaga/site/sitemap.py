"""The sitemap as a small index of per-region parts, so that a first visit stays small at any size.

Material's bundle fetches ``sitemap.xml`` on every first visit: for each ``<link rel="alternate">`` in a
page (its support for alternate languages) it fetches the sitemap next to the link's target, and the
Atom feed's autodiscovery link is such a link. MkDocs' one sitemap lists every page, 2.9 MB (68 KB gzip)
at 10,000 KSB, which doubled a phone's first visit. Search engines accept a sitemap index
(sitemaps.org), and Material, which finds no ``<url>`` in it, maps no alternate languages: the site
has none. So ``sitemap.xml`` becomes an index of a few lines, and the pages are listed in
``sitemap-halaman.xml`` (every page but the KSB pages) and ``sitemap-ksb-<region>.xml``.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
INDEX = "sitemap.xml"
PAGES_PART = "sitemap-halaman.xml"
_NS = {"s": NAMESPACE}


def split_sitemap(site: Path, base: str) -> list[str]:
    """Rewrite MkDocs' ``sitemap.xml`` in ``site`` as an index of parts; return the parts' file names.

    ``base`` is the site's public address (``site_url``), under which every ``<loc>`` lies."""
    tree = ElementTree.parse(site / INDEX)
    parts: dict[str, list[tuple[str, str]]] = {}
    root_path = urlsplit(base).path
    for entry in tree.getroot().findall("s:url", _NS):
        location = (entry.findtext("s:loc", "", _NS)).strip()
        modified = (entry.findtext("s:lastmod", "", _NS)).strip()
        parts.setdefault(_part(urlsplit(location).path.removeprefix(root_path)), []).append((location, modified))
    names = sorted(parts, key=lambda name: (name != PAGES_PART, name))
    for name in names:
        (site / name).write_bytes(_listing("urlset", "url", parts[name]))
    index = _listing("sitemapindex", "sitemap", [(urljoin(base, name), max(modified for _, modified in parts[name])) for name in names])
    (site / INDEX).write_bytes(index)
    # MkDocs also writes a gzip copy; it follows the index, stamped with no time so two builds are identical.
    (site / f"{INDEX}.gz").write_bytes(gzip.compress(index, mtime=0))
    return names


def _part(path: str) -> str:
    """``ksb/<region>/<slug>/...`` goes to that region's part; region pages and every other page to the pages part."""
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) >= 3 and segments[0] == "ksb":
        return f"sitemap-ksb-{segments[1]}.xml"
    return PAGES_PART


def _listing(root: str, item: str, entries: list[tuple[str, str]]) -> bytes:
    """A ``<urlset>`` of ``<url>`` or a ``<sitemapindex>`` of ``<sitemap>``: address, then last change if known."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<{root} xmlns="{NAMESPACE}">']
    for location, modified in entries:
        stamp = f"<lastmod>{escape(modified)}</lastmod>" if modified else ""
        lines.append(f"  <{item}><loc>{escape(location)}</loc>{stamp}</{item}>")
    return ("\n".join([*lines, f"</{root}>"]) + "\n").encode("utf-8")
