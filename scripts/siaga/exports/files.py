"""Everything that leaves the site as a file: open data, contacts, calendar, feed, QR codes.

:func:`export_files` makes them all in memory from validated content; the pipeline writes
them into docs/ with the pages, and MkDocs copies them into the site as they are. The
downloads are made before the pages because ``/data/`` lists each one with its size.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..content import reports
from ..content.model import Content
from ..published import paths
from ..published.catalogue import COLUMNS, NEED_COLUMNS, REPORT_COLUMNS, Download
from ..published.penerbit import publisher
from ..published.urls import SiteUrls
from . import agenda, laporan, tables, vcard
from .datapackage import data_package
from .feed import atom_feed, updates
from .qr import cached_qr_svg
from .share_image import share_image
from .workbook import workbook

FEED_TITLE = "Siaga Banten: catatan FGD dan pembaruan data"
# The feeds' author is the publisher from content/situs.yml, or the site's own name while it is undecided.


@dataclass(frozen=True)
class Exports:
    """All exported files of one build."""

    downloads: list[Download]
    """The bulk downloads listed on ``/data/``: no person's name or number is in any of them."""
    files: dict[str, bytes]
    """Every exported file by its path in docs/: the downloads, then each KSB's vCard and QR code."""


def export_files(content: Content, urls: SiteUrls, qr_cache: Path | None = None) -> Exports:
    """Make every export; nothing is written here but QR codes kept in ``qr_cache`` for the next build."""
    rows = tables.ksb_rows(content, urls)
    located = sum(1 for row in rows if row["lat"] is not None)
    contacts = vcard.all_contacts(content, urls)
    events = agenda.agenda_events(content, urls)
    entries = updates(content)
    downloads = [
        Download(paths.KSB_CSV, tables.to_csv(rows), "Daftar KSB (CSV)",
                 "Satu baris per KSB: wilayah, alamat dan telepon posko, koordinat, ancaman, kebutuhan.", len(rows)),
        Download(paths.KSB_HXL_CSV, tables.to_csv(rows, hxl=True), "Daftar KSB (CSV dengan tagar HXL)",
                 "Isi yang sama, dengan baris kedua berisi tagar HXL untuk alat kemanusiaan (HDX, HXL Proxy).", len(rows)),
        Download(paths.KSB_JSON, tables.to_json(rows), "Daftar KSB (JSON)",
                 "Isi yang sama dengan nilai bertipe: angka, true/false, null dan daftar.", len(rows)),
        Download(paths.KSB_GEOJSON, tables.to_geojson(rows), "Peta KSB (GeoJSON)",
                 "Satu titik untuk setiap KSB yang sudah punya koordinat, dengan kolom yang sama.", located),
        Download(paths.CONTACTS_VCF, vcard.serialize(contacts), "Semua kontak (vCard)",
                 "Lembaga yang kontaknya sudah terverifikasi dan posko KSB, untuk disimpan di ponsel. "
                 "Tanpa nomor pribadi dan tanpa data contoh.", len(contacts)),
        Download(paths.AGENDA_ICS, agenda.serialize(events), "Agenda FGD (iCalendar)",
                 "Tanggal FGD dan tenggat tindak lanjutnya, untuk kalender ponsel atau komputer.", len(events)),
        Download(paths.FEED, atom_feed(entries, urls, content.last_change(), title=FEED_TITLE, author=publisher(content.situs)),
                 "Feed pembaruan (Atom)",
                 "Catatan FGD baru dan data yang diperbarui, untuk aplikasi pembaca feed.", len(entries)),
    ]
    report_table = laporan.report_rows(content, urls)
    standing = [row for row in report_table if row["status"] not in reports.ENDED]
    report_entries = laporan.report_updates(content)
    downloads += [
        Download(paths.REPORTS_CSV, tables.to_csv(report_table, columns=REPORT_COLUMNS), "Laporan situasi dari posko KSB (CSV)",
                 "Satu baris per laporan warga, dengan status verifikasinya; tanpa nama dan nomor orang.", len(report_table)),
        Download(paths.REPORTS_HXL_CSV, tables.to_csv(report_table, columns=REPORT_COLUMNS, hxl=True),
                 "Laporan situasi (CSV dengan tagar HXL)", "Isi yang sama, dengan baris tagar HXL.", len(report_table)),
        Download(paths.REPORTS_GEOJSON, tables.to_geojson(standing), "Peta laporan situasi (GeoJSON)",
                 "Satu titik per laporan yang tidak dikoreksi atau dicabut, paling rinci setingkat desa.",
                 sum(1 for row in standing if row["lat"] is not None)),
        Download(paths.REPORTS_FEED, _reports_feed(report_entries, urls, content, paths.REPORTS_FEED, "Banten"),
                 "Feed laporan situasi (Atom)", "Laporan baru dan perubahan statusnya, untuk redaksi dan mitra.", len(report_entries)),
    ]
    need_rows = [{column.name: column.value(entry, need, urls) for column in NEED_COLUMNS}
                 for entry in content.ksb for need in entry.record.kebutuhan]
    sheets = [("KSB", COLUMNS, rows), ("Laporan", REPORT_COLUMNS, report_table), ("Kebutuhan", NEED_COLUMNS, need_rows)]
    downloads.insert(0, Download(paths.WORKBOOK, workbook(sheets, content), "Daftar KSB untuk Excel (XLSX)",
                                 "Untuk dibuka di Excel atau LibreOffice: lembar KSB, laporan situasi dan kebutuhan logistik, dengan "
                                 "angka, tanggal dan nomor telepon bertipe benar, serta lembar kamus data.", len(rows)))
    package = data_package(downloads, content, urls)
    downloads.append(Download(paths.DATA_PACKAGE, package, "Paket data (Frictionless Data Package)",
                              "Keterangan mesin untuk berkas di atas: nama, tipe dan arti setiap kolom, untuk alat seperti "
                              "frictionless, CKAN dan HDX.", len(json.loads(package)["resources"])))
    files = {download.path: download.data for download in downloads}
    for region in content.wilayah:
        feed_path = paths.reports_region_feed(region.slug)
        files[feed_path] = _reports_feed(laporan.report_updates(content, region.slug), urls, content, feed_path, region.nama)
    files[paths.SHARE_IMAGE] = _share_image(content)
    for entry in content.ksb:
        if cards := vcard.ksb_contacts(entry, urls, content.situs):
            files[paths.ksb_vcard_path(entry)] = vcard.serialize(cards)
        files[paths.ksb_qr_path(entry)] = cached_qr_svg(urls.page(paths.ksb_path(entry)), f"Kode QR halaman {entry.record.nama}", qr_cache)
    return Exports(downloads, files)


def _reports_feed(entries: list, urls: SiteUrls, content: Content, path: str, where: str) -> bytes:
    return atom_feed(entries, urls, content.last_change(), title=f"Siaga Banten: laporan situasi posko KSB, {where}",
                     author=publisher(content.situs),
                     self_path=path, key=path, subtitle=f"Laporan warga dari posko Kampung Siaga Bencana di {where}, dengan status "
                     "verifikasinya. Bukan peringatan resmi: data resmi dari BPBD dan BNPB.")


def _share_image(content: Content) -> bytes:
    """The shared-link picture names the number to call first, as the home page does."""
    lines = [f"Darurat: telepon {content.nomor_darurat[0].nomor}"] if content.nomor_darurat else []
    lines.append("Panduan bencana · Kampung Siaga Bencana · Kontak")
    return share_image("Siaga Banten", "Kesiapsiagaan bencana di Provinsi Banten", lines)
