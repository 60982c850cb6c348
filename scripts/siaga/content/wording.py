"""How the site words things, shared by pages and exports alike: dates, statuses, sample markers.

A leaf module: it imports nothing of ours, so the calendar, the feed and the vCards can use the
same words as the pages without depending on the page renderer.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

# Banten keeps Western Indonesian Time (WIB, UTC+7) all year.
BANTEN = ZoneInfo("Asia/Jakarta")

_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")

STATUS_LABELS = {
    "usulan": "Usulan (belum dikonfirmasi)",
    "disepakati": "Disepakati",
    "berjalan": "Sedang berjalan",
    "selesai": "Selesai",
    "batal": "Dibatalkan",
}

# Shown where a follow-up names nobody: a proposal binds no one until a party agrees to it.
NO_OWNER = "Belum ditentukan"


def today_in_banten(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Banten, whatever the machine's zone: a CI runner in UTC is seven hours behind."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(BANTEN).date()


def tanggal(value: dt.date | None) -> str:
    """``2025-09-10`` as Indonesians write it: ``10 September 2025``."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}" if value else ""


def sample_marker(record: object) -> str:
    """" (contoh)" after the name of sample data, unless the name already says so."""
    if getattr(record, "contoh", False) and "contoh" not in str(getattr(record, "nama", "")).lower():
        return " (contoh)"
    return ""


def kapan(when: tuple[int, int, int] | None) -> str:
    """(year, month, day) at the precision known, as Indonesians write it: ``3 Oktober 2025``, ``Oktober 2025``, ``2025``."""
    if not when:
        return ""
    year, month, day = when
    if month and day:
        return f"{day} {_MONTHS[month - 1]} {year}"
    return f"{_MONTHS[month - 1]} {year}" if month else str(year)


FOUNDERS = {
    "kemensos": "Kementerian Sosial",
    "dinsos-provinsi": "Dinas Sosial Provinsi Banten",
    "dinsos-kabkota": "Dinas Sosial kabupaten/kota",
    "pemerintah-kabkota": "pemerintah kabupaten/kota (bupati atau wali kota)",
    "lainnya": "pihak lain",
}
