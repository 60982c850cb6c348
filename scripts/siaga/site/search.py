"""The search index: Pagefind indexes the built pages, in bundles the browser merges.

Pagefind reads only what is inside ``data-pagefind-body`` (articles, never posters), with its
Indonesian stemmer from ``<html lang="id">``; the index is fetched only when a reader searches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..content.errors import BuildFailed
from ..content.model import Content
from ..published.situasi import searchable

# Pagefind's indexer needs far more memory than the index it writes, and more than in proportion: 1.5 GB
# for 10,000 KSB pages in one run, 160 MB for 1,250. KSB pages are indexed in bundles of at most this
# many (whole regions), which the search merges in the browser (overrides/assets/cari.js).
KSB_PAGES_PER_BUNDLE = 2000
# Every page but the KSB pages (ksb/<region>/<slug>/index.html) and their posters (one level deeper) is
# at most three levels down: index.html, darurat/index.html, ksb/<region>/index.html, panduan/<slug>/index.html.
_PAGES_BUT_KSB = "{*,*/*,*/*/*}.html"
BUNDLE_LIST = "siaga-bundel.json"


def index_for_search(site: Path, content: Content) -> None:
    """Index the built site: every page but the KSB pages into ``pagefind/``, KSB pages into
    ``pagefind/ksb-<n>/`` by whole regions, and ``pagefind/siaga-bundel.json`` lists those for the
    browser to merge."""
    runs = [(_PAGES_BUT_KSB, "pagefind")]
    bundles: list[list[str]] = []
    size = 0
    for slug, entries in content.ksb_by_region().items():
        if entries and (not bundles or size + len(entries) > KSB_PAGES_PER_BUNDLE):
            bundles.append([])
            size = 0
        if entries:
            bundles[-1].append(slug)
            size += len(entries)
    runs += [(f"ksb/{{{','.join(regions)}}}/*/index.html", f"pagefind/ksb-{number}") for number, regions in enumerate(bundles, 1)]
    # The regions' lists of reports (four levels down) and the reports that stand have a bundle of their own. Only
    # those reports are given to Pagefind (the others' pages say so, see situasi.searchable): read, thousands of
    # old reports took a third of the indexing time.
    reports = ",".join(["wilayah/*", *sorted(searchable(content))])
    runs.append((f"laporan/{{{reports}}}/index.html", "pagefind/laporan"))
    # The bundles are independent, and an indexer works on one core: one at a time per core (not all at
    # once, for memory). Pagefind adds its files to a folder without emptying it, so they can share pagefind/.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda run: _pagefind(site, *run), runs))
    names = [f"ksb-{number}/" for number in range(1, len(bundles) + 1)] + ["laporan/"]
    (site / "pagefind" / BUNDLE_LIST).write_text(json.dumps(names), encoding="utf-8")


def _pagefind(site: Path, glob: str, bundle: str) -> None:
    try:
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob, "--output-subdir", bundle, "--silent"],
                       check=True, capture_output=True, text=True, timeout=1800)
    except subprocess.CalledProcessError as error:
        raise BuildFailed(f"Pagefind gagal membuat indeks pencarian: {error.stderr.strip() or error}") from None
