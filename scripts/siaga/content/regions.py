"""The official list of Banten's regions (``kemendagri/banten.csv``, see ``kemendagri/SUMBER.md``).

KSB files name their kecamatan and desa in words; this list says whether those names exist in that
kabupaten/kota, under which official spelling, with which Kemendagri code, and where the region's
centre is. Names match whatever their case, spaces or hyphens ("Panimbang Jaya" is Panimbangjaya).
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).parent / "kemendagri" / "banten.csv"
PROVINCE = "36"
"""Banten's code: the parent of the eight kabupaten/kota."""
DATA_VERSION = "Kepmendagri No. 300.2.2-2138 Tahun 2025 (diubah dengan No. 300.2.2-2430 Tahun 2025)"
POINTS_SOURCE = "titik tengah batas wilayah (cahyadsn/wilayah_boundaries, sesuai Kepmendagri 2025)"


@dataclass(frozen=True)
class Region:
    """One row of the official list."""

    kode: str
    """Kemendagri code: 36.01 (kabupaten/kota), 36.01.07 (kecamatan), 36.01.07.2001 (desa/kelurahan)."""
    nama: str
    """Official name, e.g. "Angsana"."""
    induk: str
    """The parent's code."""
    lat: float
    lon: float

    @property
    def jenis(self) -> str:
        """What the name is called on a page: kabupaten/kota, kecamatan, desa or kelurahan."""
        parts = self.kode.split(".")
        if len(parts) == 4:
            return "kelurahan" if parts[3].startswith("1") else "desa"
        return "kecamatan" if len(parts) == 3 else "kabupaten/kota"


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


class OfficialList:
    """Lookups in the official list, by parent code and name."""

    def __init__(self, regions: list[Region]) -> None:
        self.by_code = {region.kode: region for region in regions}
        self._children: dict[str, list[Region]] = {}
        for region in regions:
            self._children.setdefault(region.induk, []).append(region)

    def children(self, code: str) -> list[Region]:
        """The kecamatan of a kabupaten/kota, or the desa/kelurahan of a kecamatan, in code order."""
        return self._children.get(code, [])

    def find(self, parent: str, name: str) -> Region | None:
        """The region called ``name`` directly under ``parent``, if any."""
        wanted = _key(name)
        return next((region for region in self.children(parent) if _key(region.nama) == wanted), None)

    def desa_anywhere(self, kabkota: str, name: str) -> list[Region]:
        """Every desa/kelurahan called ``name`` in a kabupaten/kota, whatever its kecamatan."""
        wanted = _key(name)
        return [desa for kecamatan in self.children(kabkota) for desa in self.children(kecamatan.kode) if _key(desa.nama) == wanted]

    def suggest(self, parent: str, name: str) -> str | None:
        """The official name under ``parent`` closest to a misspelt ``name``, for "maksud Anda ...?"."""
        names = {_key(region.nama): region.nama for region in self.children(parent)}
        match = difflib.get_close_matches(_key(name), list(names), n=1, cutoff=0.75)
        return names[match[0]] if match else None


@functools.cache
def official_list() -> OfficialList:
    """The vendored list, read once per process."""
    with SOURCE.open(encoding="utf-8", newline="") as stream:
        rows = [Region(row["kode"], row["nama"], row["kode_induk"], float(row["lat"]), float(row["lon"])) for row in csv.DictReader(stream)]
    return OfficialList(rows)
