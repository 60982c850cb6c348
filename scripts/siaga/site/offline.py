"""The offline copy: a small service worker written into the built site after MkDocs has built it.

After one visit, a resident can read the guides, the emergency numbers and every page they opened
with the network off (a flood cuts power and towers). The worker is our own, a few dozen lines,
with no library that calls anywhere: it caches this site's own files and nothing else.

Its cache name carries a hash of everything it precaches, so a new build replaces the old copy
and the same content gives the same file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from ..content.model import Content
from ..published import paths
from .linkcheck import read_page

# Where a page that was never opened falls back to when offline: the numbers to call.
FALLBACK_PAGE = "darurat.md"

_WORKER = """\
/* Siaga Banten offline copy. Written by siaga.offline at build time: do not edit.
   Pages: network first, the saved copy when offline. Theme files: the saved copy first. */
"use strict";
var CACHE = "siaga-%(version)s";
var PRECACHE = %(precache)s;
var FALLBACK = %(fallback)s;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(PRECACHE);
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf("siaga-") === 0 && key !== CACHE;
    }).map(function (key) {
      return caches.delete(key);
    }));
  }).then(function () {
    return self.clients.claim();
  }));
});

/* Save a copy of a response; the event waits for the copy, so a page read once is there offline. */
function keep(event, request, response) {
  if (response.ok) {
    var copy = response.clone();
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return cache.put(request, copy);
    }));
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  /* Only this site's own files; the search index is large and is not kept. */
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.indexOf("/search/") !== -1) {
    return;
  }
  if (request.mode === "navigate" || url.pathname.slice(-1) === "/") {
    event.respondWith(fetch(request).then(function (response) {
      return keep(event, request, response);
    }).catch(function () {
      return caches.match(request, { ignoreSearch: true }).then(function (saved) {
        return saved || caches.match(new URL(FALLBACK, self.location).href);
      });
    }));
    return;
  }
  event.respondWith(caches.match(request).then(function (saved) {
    return saved || fetch(request).then(function (response) {
      return keep(event, request, response);
    });
  }));
});
"""


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


def write_service_worker(site: Path, content: Content) -> None:
    """Write ``sw.js`` at the root of the built ``site``, precaching the pages and the theme files they use."""
    pages = precached(content)
    files: list[str] = []
    for page in pages:
        files += _local(site, page, read_page(site / page / "index.html").loaded)
    precache = list(dict.fromkeys([*(page or "./" for page in pages), *sorted(set(files))]))
    digest = hashlib.sha256()
    for entry in precache:
        digest.update(entry.encode() + b"\0" + _file_of(site, entry).read_bytes())
    script = _WORKER % {
        "version": digest.hexdigest()[:16],
        "precache": json.dumps(precache, ensure_ascii=False),
        "fallback": json.dumps(paths.served_url(FALLBACK_PAGE)),
    }
    (site / paths.SERVICE_WORKER).write_text(script, encoding="utf-8")
