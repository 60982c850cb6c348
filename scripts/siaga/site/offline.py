"""The offline copy: a small service worker written into the built site after MkDocs has built it.

After one visit, a resident can read the guides, the emergency numbers and every page they opened
with the network off (a flood cuts power and towers). The worker is our own (``sw.js`` next to this
file), with no library that calls anywhere: it caches this site's own files and nothing else.

What it is told at build time makes it never serve a stale file after a deploy: its version is a hash
of every file of the site (so any change installs a new worker), and each theme file and download it
keeps first is listed with its fingerprint (so only what changed is fetched again). The same site
gives the same worker.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..content.model import Content
from ..published import paths
from .linkcheck import read_page

# Where a page that was never opened falls back to when offline: the numbers to call.
FALLBACK_PAGE = "darurat.md"
# Copies kept besides the precached pages (pages opened, files they used): about 30 KB a page, so a
# few megabytes on a phone at most. The oldest saved go first.
SAVED_COPIES_LIMIT = 250
# Files whose name carries a hash of their content (Material's bundle.<hash>.min.js, Pagefind's index
# pieces): a changed file gets a new name, so a saved copy is never stale. The worker reads the same pattern.
NAMED_BY_CONTENT = r"(\.[0-9a-f]{8,}\.min\.(js|css)$)|(\.pf_(fragment|index|meta|filter)$)"
_WORKER_SOURCE = Path(__file__).with_name("sw.js")
_SETTINGS_MARK = "/*SETELAN*/{}"


def _local(site: Path, page_url: str, references: list[str]) -> list[str]:
    """References of the page at ``page_url`` that are files of this site, as paths from its root."""
    local = []
    for reference in references:
        target = urlsplit(urljoin("http://site/" + page_url, reference))
        if target.netloc == "site" and (site / target.path.lstrip("/")).is_file():
            local.append(target.path.lstrip("/"))
    return local


def _file_of(site: Path, entry: str) -> Path:
    """The built file behind a precached address: a page's ``index.html``, or the file itself."""
    relative = "" if entry == "./" else entry
    return site / (relative + "index.html" if relative == "" or relative.endswith("/") else relative)


def precached(content: Content) -> list[str]:
    """The pages kept from the first visit on: home, emergency numbers, every guide."""
    pages = ["index.md", FALLBACK_PAGE, "panduan/index.md"] + [paths.panduan_path(guide) for guide in content.panduan]
    return [paths.served_url(page) for page in pages]


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _files(site: Path, folder: str = "") -> list[str]:
    """Every file under ``folder`` of the built site, as sorted paths from its root. Plain strings and ``os.walk``:
    at 4,000 KSB the site holds 18,000 files, and pathlib's objects cost more than reading them."""
    root = os.fspath(site)
    found = []
    for current, _, names in os.walk(os.path.join(root, folder) if folder else root):
        relative = os.path.relpath(current, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        found += [prefix + name for name in names]
    return sorted(found)


def _kept_first(site: Path) -> list[str]:
    """Theme files and downloads the worker serves from its saved copy (see ``isVersioned`` in sw.js)."""
    named = re.compile(NAMED_BY_CONTENT)
    return [relative for folder in ("assets", "data") for relative in _files(site, folder)
            if not relative.endswith(("/index.html", ".map")) and not named.search(relative)]


def _version(site: Path) -> str:
    """A hash of every file of the built site but the worker: any change to any served file changes it."""
    digest = hashlib.sha256()
    for relative in _files(site):
        if relative != paths.SERVICE_WORKER:
            with open(os.path.join(site, relative), "rb") as file:
                digest.update(relative.encode() + b"\0" + file.read())
    return digest.hexdigest()[:16]


def write_service_worker(site: Path, content: Content, *, limit: int = SAVED_COPIES_LIMIT) -> None:
    """Write ``sw.js`` at the root of the built ``site``, precaching the pages and the theme files they use."""
    pages = precached(content)
    files: list[str] = []
    for page in pages:
        files += _local(site, page, read_page(site / page / "index.html").loaded)
    precache = list(dict.fromkeys([*(page or "./" for page in pages), *sorted(set(files))]))
    fingerprints = {entry: _fingerprint(_file_of(site, entry)) for entry in [*precache, *_kept_first(site)]}
    settings = {
        "versi": _version(site),
        "simpan_dulu": precache,
        "sidik": fingerprints,
        "cadangan": paths.served_url(FALLBACK_PAGE),
        "batas": limit,
        "nama_isi": NAMED_BY_CONTENT,
    }
    script = _WORKER_SOURCE.read_text(encoding="utf-8").replace(_SETTINGS_MARK, json.dumps(settings, ensure_ascii=False, indent=1), 1)
    (site / paths.SERVICE_WORKER).write_text(script, encoding="utf-8")
