"""Model to pages: one Jinja2 template per page kind, every value escaped as Markdown text.

:func:`render_pages` returns ``{path in docs/: Markdown}`` and reads no files but its
templates; :func:`page_context` is the one place that decides what a page may show,
which is where people without recorded consent are left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import multiprocessing
import os
import posixpath
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify as toc_slugify
from markupsafe import Markup

from ..content import phone, reports
from ..content.history import Provenance
from ..content.model import Content, NomorDarurat, Organisasi, Sumber
from ..content.regions import DATA_VERSION, POINTS_SOURCE
from ..content.schema_doc import schema_markdown
from ..content.wording import BANTEN, FOUNDERS, NO_OWNER, STATUS_LABELS, kapan, sample_marker, tanggal
from ..published import paths, situasi
from ..published.catalogue import COLUMNS, REPORT_COLUMNS, Download, ksb_id
from ..published.urls import SiteUrls
from . import mdtext
from .panggil import Tombol, catatan_belum_terkonfirmasi, panel_darurat

TEMPLATES = Path(__file__).parent / "templates"

# A page that gathers KSB from every region (/kontak/, /kebutuhan/) lists them in one table only up to this
# many rows. Beyond, a phone would fetch and lay out megabytes (10,000 KSB made /kontak/ 3.4 MB): the page
# lists the regions instead, and each region's rows are on a page of their own.
WHOLE_LIST_MAX = 300


class DuplicatePage(Exception):
    """Two pieces of content would write the same page (a bug, not a content mistake)."""


def tel(number: str, *, contoh: bool) -> mdtext.Markdown:
    """A click-to-call link showing the number in national format; for sample data, a masked number and no link.

    ``contoh`` has no default so that no template can show a number without saying whether it is real.
    """
    if contoh:
        return mdtext.Markdown(f"{mdtext.escape(phone.masked(number))} *(nomor contoh, tidak dapat dihubungi)*")
    return mdtext.link(phone.national(number), phone.tel_url(number))


def call(number: str, whatsapp: bool = True, *, contoh: bool) -> mdtext.Markdown:
    """A click-to-call link, followed by a WhatsApp chat link when ``whatsapp`` and the number is mobile.

    A sample number (``contoh``) is never one tap from a real call or chat: it is shown masked, without links.
    """
    link = tel(number, contoh=contoh)
    if whatsapp and not contoh and phone.is_mobile(number):
        return mdtext.Markdown(f"{link} · {mdtext.link('WhatsApp', phone.whatsapp_url(number))}")
    return link


def cite(source: Sumber, *, printed_site: bool = False) -> mdtext.Markdown:
    """One source as every page writes it: its title (a link when it has an address), a note when the title was
    rebuilt from the address, its publisher and when. With ``printed_site``, a paper copy shows the source's
    website after the title (a list of sources prints its addresses that way, not in full)."""
    if source.url:
        parts = [mdtext.link(source.judul, source.url)]
        if printed_site:
            parts.append(f'<span class="siaga-hanya-cetak"> ({html.escape(urlsplit(source.url).hostname or "", quote=True)})</span>')
    else:
        parts = [f"*{mdtext.escape(source.judul)}*"]
    if source.judul_dari_alamat:
        parts.append(" (judul disusun dari alamat halamannya)")
    parts.append(f", {mdtext.escape(source.penerbit)}")
    if source.kapan:
        parts.append(f" ({mdtext.escape(kapan(source.kapan))})")
    return mdtext.Markdown("".join(parts))


def whatsapp(number: str) -> mdtext.Markdown:
    """A WhatsApp chat link for a service's own WhatsApp line (a real, published number)."""
    return mdtext.link(phone.national(number), phone.whatsapp_url(number))


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,  # the output is Markdown, not HTML: finalize escapes for Markdown instead
        finalize=mdtext.escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        tanggal=tanggal,
        paragraf=mdtext.paragraphs,
        meta=mdtext.meta_string,
        status=lambda value: STATUS_LABELS.get(value, value),
        penanggung_jawab=lambda value: value or NO_OWNER,
        jangkar=lambda value: toc_slugify(str(value), "-"),  # the id MkDocs' toc gives a heading with this text
        # For values inside our templates' own HTML; what is already HTML (tel_url, page_url) is not escaped twice.
        html=lambda value: value if isinstance(value, Markup) else Markup(html.escape(str(value), quote=True)),
        tanda_contoh=sample_marker,
        kapan=kapan,
    )
    env.globals.update(
        tel=tel,
        call=call,
        whatsapp=whatsapp,
        cite=cite,
        tel_url=lambda number: Markup(html.escape(phone.tel_url(number), quote=True)),
        nomor_nasional=phone.national,
        link=mdtext.link,
        ksb_path=paths.ksb_path,
        fgd_path=paths.fgd_path,
        panduan_path=paths.panduan_path,
        ksb_poster_path=paths.ksb_poster_path,
        ksb_vcard_path=paths.ksb_vcard_path,
        ksb_qr_path=paths.ksb_qr_path,
        paths=paths,
        whatsapp_share=whatsapp_share,
        pembentuk=FOUNDERS,
    )
    return env


def whatsapp_share(url: str) -> mdtext.Markdown:
    """A link that opens WhatsApp with the page's address ready to send (wa.me's ``text`` parameter).

    Only the address: WhatsApp shows the page's title and description from its Open Graph tags.
    """
    return mdtext.link("Bagikan halaman ini lewat WhatsApp", "https://wa.me/?text=" + quote(url, safe=""))


def _relative(here: str, target: str) -> str:
    """``target`` relative to page ``here`` (paths in docs/): MkDocs checks these links in ``--strict`` builds."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def _linker(here: str) -> Callable[[str, object], mdtext.Markdown]:
    """``link_to(target, text)``: a Markdown link from page ``here`` to a page or file ``target`` in docs/."""

    def link_to(target: str, text: object) -> mdtext.Markdown:
        return mdtext.link(text, _relative(here, target))

    return link_to


def _page_url(here: str) -> Callable[[str], Markup]:
    """``page_url(target)``: the address of a page or file ``target`` of docs/, relative to the page ``here``
    as it is served. For links written as HTML, which MkDocs does not rewrite as it does Markdown links."""

    def page_url(target: str) -> Markup:
        return Markup(html.escape(quote(paths.served_relative(here, target), safe="/:#?=&%~"), quote=True))

    return page_url


def page_context(content: Content, urls: SiteUrls, downloads: list[Download]) -> dict[str, Any]:
    """Everything a template may show, computed once: consent filtering happens here and only here."""
    hazards = {hazard.id: hazard.nama for hazard in content.ancaman}
    ksb_by_region = content.ksb_by_region()
    return {
        "wilayah": content.wilayah,
        "wilayah_by_slug": {region.slug: region for region in content.wilayah},
        "ancaman": hazards,
        "ksb": content.ksb,
        "ksb_by_region": ksb_by_region,
        "organisasi": content.organisasi,
        "nomor_darurat": content.nomor_darurat,  # in the maintainers' order: 112 first
        "nomor_by_kode": {number.nomor: number for number in content.nomor_darurat},
        # The call buttons of a first screen: panel_darurat(kode=..., region=..., pertama=..., tambahan=...).
        "panel_darurat": functools.partial(panel_darurat, content.nomor_darurat, content.wilayah),
        "Tombol": Tombol,
        # An area-coded number's codes as (code, [region slugs]) in the regions' order: 021 for the three Tangerang.
        "kode_per_wilayah": lambda number: _regions_by_area_code(number, content),
        # What a reader must know beside 112: catatan_112(number) or, on a region's own page, catatan_112(number, region=...).
        "catatan_112": functools.partial(catatan_belum_terkonfirmasi, numbers=content.nomor_darurat, regions=content.wilayah),
        "fgd": content.fgd,
        "panduan": content.panduan,
        "panduan_ancaman": [guide for guide in content.panduan if guide.record.ancaman],
        "ada_contoh": any(entry.record.contoh for entry in content.ksb),
        "per_wilayah": _by_region(content),
        "ringkasan_kebutuhan": {slug: _needs_summary(entries) for slug, entries in ksb_by_region.items()},
        "needs_region_path": paths.needs_region_path,
        "dinsos_wilayah": _social_office_by_region(content),
        "hitungan": content.hitungan,
        # The newest official count broken down by region, shown beside the site's own count per region.
        "hitungan_terinci": next((count for count in reversed(content.hitungan) if len(count.rincian) >= len(content.wilayah) // 2), None),
        "ringkasan_ksb": _directory_summary(content),
        "data_wilayah": f"daftar resmi Kemendagri ({DATA_VERSION})",
        "sumber_titik": POINTS_SOURCE,
        # The year of the content's newest date, not the clock's: the same content builds the same pages.
        "tahun_ini": (content.last_change() or dt.date(2026, 1, 1)).year,
        "urls": urls,
        "unduhan": downloads,
        "situs": content.situs,
        "lisensi": lambda site, field: site.lisensi(field),
        "kolom": COLUMNS,
        "kolom_laporan": REPORT_COLUMNS,
        **_report_context(content, urls),
    }


# A list of reports shows this many; the rest are in the CSV and the feeds (thousands would weigh megabytes).
REPORTS_LISTED = 200


def _report_context(content: Content, urls: SiteUrls) -> dict[str, Any]:
    """What the report pages, the KSB pages' status and the home page's active reports need."""
    ksb_by_id = {ksb_id(entry): entry for entry in content.ksb}
    states = situasi.situations(content)
    hazards = {hazard.id: hazard.nama for hazard in content.ancaman}
    by_region: dict[str, list[Any]] = {}
    by_ksb: dict[str, list[Any]] = {}
    for entry in content.laporan:  # newest first, and so is each list
        if entry.wilayah:
            by_region.setdefault(entry.wilayah.slug, []).append(entry)
        by_ksb.setdefault(entry.record.ksb, []).append(entry)

    def whatsapp_text(entry: Any) -> str:
        report = entry.record
        lines = [f"*Laporan warga dari posko {ksb_by_id[report.ksb].record.nama} ({reports.STATUS_LABELS[report.status_kini].lower()})*",
                 f"{hazards.get(report.ancaman, report.ancaman)}, {report.lokasi}", f"Kejadian: {reports.waktu(report.waktu_kejadian)}",
                 f"Keadaan: {report.ringkasan}"]
        lines += [f"{label}: {value}" for label, value in situasi.report_details(report)]
        lines += [reports.OFFICIAL_DATA + " Darurat: 112", urls.page(paths.report_path(entry))]
        return "\n".join(lines)

    return {
        "laporan": content.laporan,
        "laporan_per_wilayah": by_region,
        "laporan_by_kunci": {entry.kunci: entry for entry in content.laporan},
        "ksb_laporan": {entry.kunci: ksb_by_id[entry.record.ksb] for entry in content.laporan},
        "pengganti_laporan": {entry.record.menggantikan: entry for entry in content.laporan if entry.record.menggantikan},
        "laporan_ksb": lambda entry: by_ksb.get(ksb_id(entry), [])[:5],
        "aktif": situasi.active(states),
        "laporan_dicari": situasi.searchable(content),
        "keadaan_ksb": lambda entry: states[ksb_id(entry)],
        "status_laporan": reports.STATUS_LABELS,
        "banner_laporan": reports.STATUS_BANNERS,
        "data_resmi": reports.OFFICIAL_DATA,
        "waktu": reports.waktu,
        "tanggal_saja": lambda moment: tanggal(reports.in_banten(moment).date()),
        "rincian_laporan": situasi.report_details,
        "teks_whatsapp": whatsapp_text,
        "format_laporan": reports.REPORT_FORMAT,
        "format_laporan_ksb": lambda entry: reports.REPORT_FORMAT.replace("KSB: Angsana", "KSB: " + entry.record.nama, 1),
        "batas_daftar": REPORTS_LISTED,
    }


def _regions_by_area_code(number: NomorDarurat, content: Content) -> list[tuple[str, list[str]]]:
    codes: dict[str, list[str]] = {}
    for region in content.wilayah:
        if region.slug in number.kode_area:
            codes.setdefault(number.kode_area[region.slug], []).append(region.slug)
    return list(codes.items())


def _social_office_by_region(content: Content) -> dict[str, Organisasi]:
    """The Dinas Sosial a KSB page sends a reader to when the KSB has no published contact: the region's own
    office (an organisation ``dinsos-*`` working in that region only), else the province's."""
    offices = [o for o in content.organisasi if o.id.startswith("dinsos") and not o.contoh]
    province = next((o for o in offices if not o.wilayah), None)
    by_region = {o.wilayah[0]: o for o in offices if len(o.wilayah) == 1}
    return {region.slug: office for region in content.wilayah if (office := by_region.get(region.slug, province))}


def _directory_summary(content: Content) -> dict[str, int]:
    """What the directory holds, in the numbers /data/ and /ksb/ say: entries, sourced, with a posko contact."""
    real = [entry for entry in content.ksb if not entry.record.contoh]
    return {"ksb": len(content.ksb), "nyata": len(real), "bersumber": sum(1 for entry in real if entry.record.sumber),
            "dengan_kontak": sum(1 for entry in real if entry.record.posko),
            "contoh": len(content.ksb) - len(real)}


def _needs_summary(entries: list[Any]) -> dict[str, int]:
    """One region's line on /kebutuhan/ when it lists regions: KSB with needs, items, items of high priority."""
    needs = [need for entry in entries for need in entry.record.kebutuhan]
    return {"ksb": sum(1 for entry in entries if entry.record.kebutuhan), "jumlah": len(needs),
            "tinggi": sum(1 for need in needs if need.prioritas == "tinggi")}


def _by_region(content: Content) -> dict[str, bool]:
    """Which lists of every KSB go region by region, each region on its own page: ``posko`` (/kontak/)
    and ``kebutuhan`` (/kebutuhan/), once they pass :data:`WHOLE_LIST_MAX` rows."""
    return {"posko": len(content.ksb) > WHOLE_LIST_MAX,
            "kebutuhan": sum(len(entry.record.kebutuhan) for entry in content.ksb) > WHOLE_LIST_MAX}


def _pages(content: Content) -> list[tuple[str, str, dict[str, Any], list[str]]]:
    """(docs path, template, page-specific context, content files it is made from) for every page of the site.

    The first file of a page made from one file is the one "Perbaiki data ini" opens.
    """
    every = ["content/wilayah.yml", "content/kontak/darurat.yml", "content/kontak/organisasi.yml"]
    every += [_source(e) for e in content.ksb] + [_source(e) for e in content.panduan] + [_source(e) for e in content.fgd]
    ksb_files = [_source(e) for e in content.ksb]
    pages: list[tuple[str, str, dict[str, Any], list[str]]] = [
        ("index.md", "beranda.md.j2", {}, every),
        ("darurat.md", "darurat.md.j2", {}, ["content/kontak/darurat.yml"]),
        ("ksb/index.md", "ksb_indeks.md.j2", {}, ["content/wilayah.yml", *ksb_files]),
        ("panduan/index.md", "panduan_indeks.md.j2", {}, [_source(e) for e in content.panduan]),
        ("fgd/index.md", "fgd_indeks.md.j2", {}, [_source(e) for e in content.fgd]),
        ("kontak.md", "kontak.md.j2", {}, ["content/kontak/organisasi.yml", *ksb_files]),
        ("kebutuhan.md", "kebutuhan.md.j2", {}, ksb_files),
        ("tentang.md", "tentang.md.j2", {}, []),
        ("pengelola/index.md", "pengelola.md.j2", {}, []),
        ("pengelola/belum-diketahui.md", "belum_diketahui.md.j2", {}, ["content/wilayah.yml", *ksb_files]),
        ("pengelola/skema.md", "skema.md.j2", {"rujukan": mdtext.Markdown(schema_markdown().split("\n", 1)[1])}, []),
        (paths.DATA_PAGE, "data.md.j2", {}, every),
    ]
    by_region = content.ksb_by_region()
    pages += [(f"ksb/{region.slug}/index.md", "wilayah.md.j2", {"region": region},
               ["content/wilayah.yml", *(_source(e) for e in by_region[region.slug])])
              for region in content.wilayah]
    if _by_region(content)["kebutuhan"]:
        pages += [(paths.needs_region_path(region.slug), "kebutuhan_wilayah.md.j2", {"region": region}, sources)
                  for region in content.wilayah
                  if (sources := [_source(e) for e in by_region[region.slug] if e.record.kebutuhan])]
    pages += [(paths.ksb_path(entry), "ksb.md.j2", {"entry": entry, "k": entry.record}, [_source(entry)]) for entry in content.ksb]
    pages += [(paths.ksb_poster_path(entry), "poster.md.j2", {"entry": entry, "k": entry.record}, []) for entry in content.ksb]
    pages += [(paths.panduan_path(entry), "panduan.md.j2", {"entry": entry, "p": entry.record, "bagian": sections(entry.body)},
               [_source(entry)]) for entry in content.panduan]
    pages += [(paths.fgd_path(entry), "fgd.md.j2", {"entry": entry, "f": entry.record}, [_source(entry)]) for entry in content.fgd]
    report_files = [_source(e) for e in content.laporan]
    pages.append((paths.REPORTS_PAGE, "laporan_indeks.md.j2", {"region": None}, report_files))
    pages += [(paths.reports_region_path(region.slug), "laporan_indeks.md.j2", {"region": region},
               [_source(e) for e in content.laporan if e.wilayah and e.wilayah.slug == region.slug]) for region in content.wilayah]
    pages += [(paths.report_path(entry), "laporan.md.j2", {"entry": entry}, [_source(entry)]) for entry in content.laporan]
    return pages


# Page kinds made from one KSB file (and the shared files): see render_pages' changed_ksb.
_ONE_KSB = {"ksb.md.j2", "poster.md.j2"}
# Page kinds made from one report and its KSB's file (and the shared files): thousands of them pile up over the years,
# and a preview re-rendered every one of them at each save of any KSB file.
_ONE_REPORT = {"laporan.md.j2"}
# Page kinds made from one region's KSB files (and the shared files).
_ONE_REGION = {"wilayah.md.j2", "kebutuhan_wilayah.md.j2"}


def _source(entry: Any) -> str:
    """A content file's path from the project root, as git and the online editor name it."""
    return entry.path.as_posix()


def provenance_note(sources: list[str], provenance: Provenance, link_to: Callable[[str, object], mdtext.Markdown]) -> str:
    """The line at the foot of a page: when its content last changed (WIB), where to fix it, how to report a mistake."""
    if not sources:
        return ""
    parts = []
    if changed := provenance.last_change(sources):
        local = changed.astimezone(BANTEN)
        parts.append(f"Terakhir diubah: {tanggal(local.date())}, pukul {local:%H.%M} WIB")
    # A file's path in the repository means nothing to a resident: without an online editor there is no link.
    if len(sources) == 1 and (address := provenance.edit_link(sources[0])):
        parts.append(mdtext.link("Perbaiki data ini", address))
    parts.append(link_to("tentang.md#mengoreksi-data-atau-menarik-persetujuan", "Laporkan kesalahan"))
    return " · ".join(parts)


def sections(body: str) -> list[tuple[str, str]]:
    """A guide's second-level headings with the anchors MkDocs' toc gives them, for "Langsung ke: Saat".

    A resident on a phone must reach "Saat" (during) without scrolling past "Sebelum" (before). The
    headings come from the same Markdown parse as the body itself, so a "## " line inside a code block
    is no section.
    """
    return [(title, toc_slugify(title, "-")) for title in mdtext.section_titles(body)]


def render_pages(content: Content, urls: SiteUrls, downloads: list[Download] | Callable[[], list[Download]],
                 provenance: Provenance | None = None, changed_ksb: set[str] | None = None) -> dict[str, str]:
    """Render every page; refuses two pages at one path (as Pelican's Writer does).

    ``downloads`` is the list of bulk downloads, or what makes it (the exports): then it is called while other
    processes render every page but ``/data/``, which lists the downloads with their sizes and is rendered last.
    On two cores the exports, seconds of work at thousands of KSB, no longer wait for the pages nor the pages for them.

    With ``changed_ksb`` (a preview after KSB files were edited, as paths from the project root), a KSB's
    page and poster, and its reports' pages, are rendered only if its file is among them, and a region's pages
    only if one of them is in that region: they are made from those files and the shared files, so the others are as
    they were. Every other page is rendered."""
    changed_regions = {entry.wilayah.slug for entry in content.ksb if entry.wilayah and _source(entry) in (changed_ksb or ())}
    ksb_files = {ksb_id(entry): _source(entry) for entry in content.ksb}
    pages, paths_seen = [], set()
    for page in _pages(content):
        path, template, extra, _ = page
        if changed_ksb is not None and template in _ONE_KSB and _source(extra["entry"]) not in changed_ksb:
            continue
        if changed_ksb is not None and template in _ONE_REPORT and ksb_files.get(extra["entry"].record.ksb) not in changed_ksb:
            continue
        if changed_ksb is not None and template in _ONE_REGION and extra["region"].slug not in changed_regions:
            continue
        if path in paths_seen:
            raise DuplicatePage(f"dua halaman akan ditulis ke docs/{path}")
        paths_seen.add(path)
        pages.append(page)
    make_downloads = downloads if callable(downloads) else lambda: downloads
    job = _RenderJob(_environment(), page_context(content, urls, []), provenance or Provenance(), pages)
    return job.run(make_downloads)


# From this many pages on, rendering is shared between processes, one per core: a build of thousands of
# KSB spends seconds here, and the pages do not depend on each other.
PARALLEL_FROM = 500
# The page that lists the downloads: rendered once they are made.
_LISTS_DOWNLOADS = "data.md.j2"


@dataclass
class _RenderJob:
    """Pages to render with one template environment and one shared context."""

    env: Environment
    shared: dict[str, Any]
    provenance: Provenance
    pages: list[tuple[str, str, dict[str, Any], list[str]]]

    def run(self, make_downloads: Callable[[], list[Download]]) -> dict[str, str]:
        """Every page, in order: those that list the downloads after ``make_downloads`` has made them."""
        first = [index for index, page in enumerate(self.pages) if page[1] != _LISTS_DOWNLOADS]
        last = [index for index, page in enumerate(self.pages) if page[1] == _LISTS_DOWNLOADS]
        cores = os.cpu_count() or 1
        # A fork copies only the calling thread: with others running (the preview's server and watcher), a lock
        # one of them holds would stay held in the copy forever. Then, and on one core, render here.
        if (len(self.pages) < PARALLEL_FROM or cores < 2 or threading.active_count() > 1
                or "fork" not in multiprocessing.get_all_start_methods()):
            self.shared["unduhan"] = make_downloads()
            return self.render(range(len(self.pages)))
        # Forked processes share this job (content included) without copying it; only the Markdown comes back.
        global _FORKED
        _FORKED = self
        try:
            with multiprocessing.get_context("fork").Pool(cores) as pool:
                pending = pool.map_async(_render_share, [first[start::cores] for start in range(cores)])
                self.shared["unduhan"] = make_downloads()  # here, while the pool renders
                rendered = self.render(last)
                for part in pending.get():
                    rendered.update(part)
        finally:
            _FORKED = None
        return {path: rendered[path] for path, *_ in self.pages}  # the order of a serial run

    def render(self, indices: Sequence[int]) -> dict[str, str]:
        rendered: dict[str, str] = {}
        for index in indices:
            path, template, extra, sources = self.pages[index]
            link_to = _linker(path)
            context = {**self.shared, **extra, "here": path, "link_to": link_to, "page_url": _page_url(path),
                       "isi": lambda text, page=path: mdtext.body(text, page),
                       "jejak": mdtext.Markdown(provenance_note(sources, self.provenance, link_to))}
            rendered[path] = tidy(self.env.get_template(template).render(context))
        return rendered


_FORKED: _RenderJob | None = None


def _render_share(indices: Sequence[int]) -> dict[str, str]:
    """In a forked process: render the job's pages at ``indices``."""
    job = _FORKED
    if job is None:  # the pool is started only after _RenderJob.run has set it
        raise RuntimeError("tidak ada pekerjaan render di proses ini")
    return job.render(indices)


def tidy(markdown: str) -> str:
    """One blank line before each heading and between blocks, whatever the template's loops left.

    Content values cannot start a heading here: ``escape`` has already turned their ``#`` into ``\\#``.
    """
    markdown = re.sub(r"(?m)^(?!#)(.+)\n(?=#{1,6} )", r"\1\n\n", markdown)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"
