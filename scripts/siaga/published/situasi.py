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
from ..content.model import Content, Ksb, Laporan, Placed

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


def ksb_id(entry: Placed[Ksb]) -> str:
    """How a report names its KSB: ``<wilayah>/<berkas>``."""
    return f"{entry.wilayah.slug if entry.wilayah else ''}/{entry.slug}"


def situations(content: Content) -> dict[str, Keadaan]:
    """Each KSB's situation by :func:`ksb_id`; a KSB without any report in force is normal."""
    now = content.sekarang or dt.datetime.now(reports.BANTEN)
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


def active(content: Content) -> list[Placed[Laporan]]:
    """The reports that stand at build time, one per KSB, newest first: what the home page shows."""
    standing = [state.laporan for state in situations(content).values() if state.laporan is not None and state.berlaku]
    return sorted(standing, key=lambda entry: entry.record.waktu_laporan, reverse=True)
