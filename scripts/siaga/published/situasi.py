"""What the reports say about each KSB now, shared by the pages (a KSB's status, the home page's active
reports) and the exports (feeds, tables).

A report stands for its KSB's situation from when it was received until ``berlaku_sampai``, unless it was
corrected or withdrawn. Measured against the moment the content was read (``Content.sekarang``); in the
browser, ``assets/siaga.js`` keeps a page true between builds by hiding what has run out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import reports
from ..content.model import Content, Laporan, Placed
from .catalogue import ksb_id

# The four situations a KSB page can show. Never the official alert words (Waspada, Siaga, Awas): those belong to
# BMKG, PVMBG and BPBD.
LABELS = {
    "normal": "Normal: tidak ada laporan kejadian yang berlaku dari posko",
    "terdampak": "Terdampak",
    "pengungsian-aktif": "Pengungsian aktif",
    "butuh-bantuan": "Butuh bantuan",
}


@dataclass(frozen=True)
class Keadaan:
    """A KSB's situation as its page shows it."""

    kode: str
    """normal, terdampak, pengungsian-aktif or butuh-bantuan (see :data:`LABELS`)."""
    laporan: Placed[Laporan] | None
    """The newest report in force for the KSB, even if it ran out (then ``berlaku`` is False)."""
    berlaku: bool
    """Whether that report still stands at build time; if not, the page says no update came since."""

    @property
    def label(self) -> str:
        return LABELS[self.kode]


def in_force(entry: Placed[Laporan]) -> bool:
    """A report that was neither corrected nor withdrawn."""
    return entry.record.status_kini not in reports.ENDED


def situation_of(report: Laporan) -> str:
    """What one report says: help needed, people displaced, or affected."""
    if report.kebutuhan:
        return "butuh-bantuan"
    if report.mengungsi_jiwa or report.pengungsian:
        return "pengungsian-aktif"
    return "terdampak"


def _now(content: Content) -> dt.datetime:
    """The moment reports are measured against: when the content was read."""
    return content.sekarang or dt.datetime.now(reports.BANTEN)


def situations(content: Content) -> dict[str, Keadaan]:
    """Each KSB's situation by :func:`ksb_id`; a KSB without any report in force is normal."""
    now = _now(content)
    newest: dict[str, Placed[Laporan]] = {}
    for entry in content.laporan:  # newest first
        if in_force(entry):
            newest.setdefault(entry.record.ksb, entry)
    found = {}
    for entry in content.ksb:
        report = newest.get(ksb_id(entry))
        if report is None:
            found[ksb_id(entry)] = Keadaan("normal", None, False)
        else:
            found[ksb_id(entry)] = Keadaan(situation_of(report.record), report, now < report.record.berlaku_sampai)
    return found


def active(states: dict[str, Keadaan]) -> list[Placed[Laporan]]:
    """The reports that stand at build time (from :func:`situations`), one per KSB, newest first: what the home page shows."""
    standing = [state.laporan for state in states.values() if state.laporan is not None and state.berlaku]
    return sorted(standing, key=lambda entry: entry.record.waktu_laporan, reverse=True)


def searchable(content: Content) -> set[str]:
    """The reports the site search finds (by :attr:`Placed.kunci`): those that stand at build time. A report that ran out,
    was corrected or withdrawn keeps its page, reached from ``/laporan/``, its region's list and the feeds; in the
    search, a flood of three months ago would pass for news. It also keeps the index small as reports pile up
    over the years: Pagefind reads every page it is given, and reading is most of its time."""
    now = _now(content)
    return {entry.kunci for entry in content.laporan if in_force(entry) and now < entry.record.berlaku_sampai}


def report_details(report: Laporan) -> list[tuple[str, str]]:
    """The counts and lists a report gives, as (label, words), in the order of the message; what is unknown is left out.
    The report page and its WhatsApp text show them all, the feeds the first ones (see ``FEED_DETAILS``)."""
    details = []
    if report.terdampak_kk is not None:
        details.append(("Terdampak", f"{report.terdampak_kk} KK"))
    if report.mengungsi_jiwa is not None:
        details.append(("Mengungsi", f"{report.mengungsi_jiwa} jiwa"))
    if report.rumah_rusak and (damage := [f"{reports.DAMAGE[k]} {v}" for k, v in report.rumah_rusak.model_dump().items() if v is not None]):
        details.append(("Rumah", ", ".join(damage)))
    if report.pengungsian:
        details.append(("Pengungsian", ", ".join(report.pengungsian)))
    if report.kebutuhan:
        details.append(("Kebutuhan", ", ".join(reports.NEEDS[need] for need in report.kebutuhan)))
    if report.rentan and (groups := [f"{reports.VULNERABLE[k]} {v}" for k, v in report.rentan.model_dump().items() if v is not None]):
        details.append(("Warga rentan", ", ".join(groups)))
    for name, label in (("meninggal", "Meninggal (rilis resmi)"), ("hilang", "Hilang (rilis resmi)"), ("luka", "Luka (rilis resmi)")):
        if getattr(report, name) is not None:
            details.append((label, str(getattr(report, name))))
    return details


# What a feed entry's summary carries of a report's details: the numbers a newsroom scans for.
FEED_DETAILS = ("Terdampak", "Mengungsi", "Kebutuhan")
