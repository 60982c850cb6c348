"""Situation reports for media and partners: an Atom feed of all reports and one per kab/kota, a CSV (and its
HXL twin) and GeoJSON placed no finer than a village. Not CAP: the Common Alerting Protocol is for official
warning senders, and these are residents' reports.
"""

from __future__ import annotations

from ..content import reports
from ..content.model import Content
from ..published import paths, situasi
from ..published.catalogue import REPORT_COLUMNS, Value, ksb_id
from ..published.urls import SiteUrls
from .feed import Update

# Like the site's feed: a reader polls for what is new, not the whole archive.
MAX_ENTRIES = 50


def report_rows(content: Content, urls: SiteUrls) -> list[dict[str, Value]]:
    """One typed row per report, newest first."""
    ksb = {ksb_id(entry): entry for entry in content.ksb}
    return [{column.name: column.value(entry, ksb[entry.record.ksb], urls) for column in REPORT_COLUMNS} for entry in content.laporan]


def report_updates(content: Content, region: str | None = None) -> list[Update]:
    """Feed entries: one per report (of ``region`` if given), updated when its status moves, newest first."""
    ksb = {ksb_id(entry): entry for entry in content.ksb}
    hazards = {hazard.id: hazard.nama for hazard in content.ancaman}
    found = []
    for entry in content.laporan:
        if region and (entry.wilayah is None or entry.wilayah.slug != region):
            continue
        report = entry.record
        name = ksb[report.ksb].record.nama
        status = reports.STATUS_LABELS[report.status_kini]
        if report.status_kini in reports.ENDED:
            summary = f"{reports.STATUS_BANNERS[report.status_kini]} {report.status[-1].catatan or ''}".strip()
        else:
            counts = [f"{label}: {value}." for label, value in situasi.report_details(report) if label in situasi.FEED_DETAILS]
            summary = " ".join([reports.STATUS_BANNERS[report.status_kini], f"{report.lokasi}: {report.ringkasan}", *counts,
                                reports.OFFICIAL_DATA])
        where = entry.wilayah.nama if entry.wilayah else ""
        title = f"[{status}] {hazards.get(report.ancaman, report.ancaman)} di {name} ({where})"
        found.append(Update(f"laporan/{entry.kunci}", report.status[-1].waktu, title, summary, paths.report_path(entry)))
    return sorted(found, key=lambda update: (update.day, update.key), reverse=True)[:MAX_ENTRIES]
