"""Where every generated page and file is written in docs/, and so where it is served from.

Pages ``x/y.md`` are served at ``/x/y/``; other files are copied as they are. The downloads'
paths are fixed: journalists and partners bookmark them and tools fetch them.
"""

from __future__ import annotations

import posixpath

from ..content.model import Fgd, Ksb, Laporan, Panduan, Placed, Wilayah

DATA_PAGE = "data/index.md"
KSB_CSV = "data/ksb.csv"
KSB_HXL_CSV = "data/ksb-hxl.csv"
KSB_JSON = "data/ksb.json"
KSB_GEOJSON = "data/ksb.geojson"
WORKBOOK = "data/ksb.xlsx"
DATA_PACKAGE = "data/datapackage.json"
CONTACTS_VCF = "data/kontak.vcf"
AGENDA_ICS = "data/agenda.ics"
FEED = "feed.xml"
REPORTS_PAGE = "laporan/index.md"
REPORTS_FEED = "laporan/feed.xml"
REPORTS_CSV = "data/laporan.csv"
REPORTS_HXL_CSV = "data/laporan-hxl.csv"
REPORTS_GEOJSON = "data/laporan.geojson"
SHARE_IMAGE = "assets/bagikan.png"
SERVICE_WORKER = "sw.js"


def served_url(docs_path: str) -> str:
    """Where a file of docs/ is served, from the site's root: ``a/b.md`` at ``a/b/``, ``a/index.md`` at
    ``a/``, ``index.md`` at the root (``""``), any other file as it is."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def served_relative(here: str, target: str) -> str:
    """The address of ``target`` (a page or file of docs/) as written on the page ``here`` once both are
    served, for links written as HTML, which MkDocs does not rewrite as it does Markdown links. A page is
    a folder, so its address ends in "/" ("../../" needs no redirect, "../.." does)."""
    relative = posixpath.relpath(served_url(target) or ".", served_url(here) or ".")
    return relative + "/" if target.endswith(".md") and not relative.endswith("/") else relative


def fgd_path(entry: Placed[Fgd]) -> str:
    """An FGD record's page, served at ``/fgd/<YYYY-MM-DD>-<slug>/``."""
    return f"fgd/{entry.slug}.md"


def panduan_path(entry: Placed[Panduan]) -> str:
    """A guide's page, served at ``/panduan/<slug>/``."""
    return f"panduan/{entry.slug}.md"


def placed_region(entry: Placed[Ksb]) -> Wilayah:
    """The region a validated KSB's folder names. Validation places every KSB in one; a KSB without
    one here is a bug in the tool, reported as such (not an ``assert``, which ``python -O`` drops)."""
    if entry.wilayah is None:
        raise ValueError(f"{entry.path}: KSB tanpa wilayah sampai ke tahap halaman (galat program)")
    return entry.wilayah


def _folder(entry: Placed[Ksb]) -> str:
    return f"ksb/{placed_region(entry).slug}/{entry.slug}"


def ksb_path(entry: Placed[Ksb]) -> str:
    """A KSB's page, served at ``/ksb/<wilayah>/<slug>/``."""
    return _folder(entry) + ".md"


def ksb_poster_path(entry: Placed[Ksb]) -> str:
    """Its printable A4 poster, served at ``/ksb/<wilayah>/<slug>/poster/``. Written as ``poster/index.md``, so its
    source folder is its served folder: the QR picture's raw-HTML address then means the same to MkDocs, which
    leaves it as written, and to Zensical, which reads it from the source file."""
    return _folder(entry) + "/poster/index.md"


def ksb_vcard_path(entry: Placed[Ksb]) -> str:
    """Its contacts (posko and consented board members), named after the KSB so downloads don't collide."""
    return f"{_folder(entry)}/ksb-{entry.slug}.vcf"


def ksb_qr_path(entry: Placed[Ksb]) -> str:
    """The QR code of its page, printed on the poster."""
    return _folder(entry) + "/qr.svg"


def needs_region_path(slug: str) -> str:
    """One region's logistics needs, served at ``/kebutuhan/<wilayah>/`` (only when /kebutuhan/ lists regions)."""
    return f"kebutuhan/{slug}.md"


def report_path(entry: Placed[Laporan]) -> str:
    """A situation report's page, served at ``/laporan/<tahun>/<YYYY-MM-DD-HHMM>-<ksb>/``."""
    return f"laporan/{entry.kunci}.md"


def reports_region_path(slug: str) -> str:
    """One region's reports, served at ``/laporan/wilayah/<wilayah>/``."""
    return f"laporan/wilayah/{slug}.md"


def reports_region_feed(slug: str) -> str:
    """One region's reports as an Atom feed, for a local newsroom or a BPBD."""
    return f"laporan/wilayah/{slug}.xml"
