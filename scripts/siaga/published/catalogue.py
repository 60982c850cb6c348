"""What the site publishes as data, described once: the KSB table's columns and the downloads.

A floor below both the exports (``tables``, ``export``) and the pages (``render``): the CSV writer
takes its columns from here and so does the data dictionary on ``/data/``, and ``/data/`` lists
the :class:`Download` values the exports made, without either side importing the other.
:data:`COLUMNS` is the single definition of what a bulk download may carry. Each column names the
model field it comes from, so the dictionary takes its descriptions from the model's docstrings,
and each column has its Open Referral (HSDS 3.0) and HXL names. Board members are not a column:
a person's name or number never reaches a bulk file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import BaseModel

from ..content import phone
from ..content.model import Ksb, Lokasi, Placed, Posko, Wilayah
from .paths import ksb_path, placed_region
from .urls import SiteUrls

Value = str | int | float | bool | list[str] | None


@dataclass(frozen=True)
class Column:
    """One column of the public KSB table."""

    name: str
    """Column name in the CSV header and key in JSON and GeoJSON properties."""
    kind: str
    """Type as the data dictionary names it, in Indonesian."""
    value: Callable[[Placed[Ksb], SiteUrls], Value]
    """Reads the value from a validated KSB."""
    field: tuple[type[BaseModel], str] | None = None
    """The model field it comes from: its docstring is the column's description."""
    note: str = ""
    """What the export adds to the field's description (format, derivation)."""
    hsds: str = ""
    """The Open Referral HSDS 3.0 field it corresponds to, as ``table.field``; empty if none."""
    hxl: str = ""
    """The HXL hashtag with attributes for the HXL variant of the CSV."""

    @property
    def description(self) -> str:
        """The model's own description of the field, followed by what the export adds."""
        base = ""
        if self.field is not None:
            model, name = self.field
            base = model.model_fields[name].description or ""
        # Docstrings mark field names as ``code`` for the schema reference; the page shows plain words.
        return re.sub(r"``(.+?)``", r"\1", " ".join(" ".join(part.split()) for part in (base, self.note) if part))


def _point(entry: Placed[Ksb], coordinate: str) -> float | None:
    """The KSB's own point, else its kecamatan's centre (see ``ketepatan_lokasi``)."""
    point = entry.tempat.titik if entry.tempat else entry.record.lokasi
    return getattr(point, coordinate) if point else None


def _precision(entry: Placed[Ksb]) -> str | None:
    if entry.tempat is None or entry.tempat.titik is None:
        return "titik" if entry.record.lokasi else None
    return "kecamatan" if entry.tempat.titik_perkiraan else "titik"


def _when(when: tuple[int, int, int] | None) -> str | None:
    """(year, month, day) as ISO 8601 at the precision known: 2025, 2025-10 or 2025-10-03."""
    return "-".join(f"{part:02d}" for part in when if part) if when else None


def _formed(entry: Placed[Ksb]) -> str | None:
    return _when(entry.record.dibentuk.kapan) if entry.record.dibentuk else None


def _region(entry: Placed[Ksb]) -> Wilayah:
    return placed_region(entry)


def _real(entry: Placed[Ksb], value: Value) -> Value:
    """A contact value only for real data: a partner must never mistake a sample number for a working one."""
    return None if entry.record.contoh else value


def ksb_id(entry: Placed[Ksb]) -> str:
    """The KSB's stable identifier in every export: ``<region>/<file name>``."""
    return f"{_region(entry).slug}/{entry.slug}"


COLUMNS: tuple[Column, ...] = (
    Column("id", "teks", lambda e, u: ksb_id(e),
           note="Kode unik KSB: folder wilayah dan nama berkasnya, misalnya kab-lebak/wanasalam. "
                "Tidak berubah selama berkasnya tidak dipindah atau diganti nama.",
           hsds="organization.id", hxl="#org+code"),
    Column("nama", "teks", lambda e, u: e.record.nama, (Ksb, "nama"), hsds="organization.name", hxl="#org+name"),
    Column("wilayah_kode", "teks", lambda e, u: _region(e).kode, (Wilayah, "kode"), hxl="#adm2+code"),
    Column("wilayah", "teks", lambda e, u: _region(e).nama, (Wilayah, "nama"), hsds="address.region", hxl="#adm2+name"),
    Column("kecamatan_kode", "teks", lambda e, u: e.tempat.kode_kecamatan if e.tempat else None,
           note="Kode Kemendagri kecamatannya (Kepmendagri 2025), misalnya 36.01.07.", hxl="#adm3+code"),
    Column("kecamatan", "teks", lambda e, u: e.tempat.kecamatan if e.tempat else e.record.kecamatan, (Ksb, "kecamatan"),
           note="Ejaan resmi Kemendagri.", hsds="address.address_2", hxl="#adm3+name"),
    Column("desa_kelurahan_kode", "daftar teks", lambda e, u: [code for code, _, _ in e.tempat.desa] if e.tempat else [],
           note="Kode Kemendagri desa/kelurahan yang dicakup, dalam urutan yang sama dengan desa_kelurahan.", hxl="#adm4+code"),
    Column("desa_kelurahan", "daftar teks", lambda e, u: [name for _, name, _ in e.tempat.desa] if e.tempat else list(e.record.desa),
           (Ksb, "desa"), note="Ejaan resmi Kemendagri. Kosong bila sumber tidak menyebut desanya.", hsds="address.city", hxl="#adm4+name"),
    Column("ancaman", "daftar teks", lambda e, u: list(e.record.ancaman), (Ksb, "ancaman"),
           note="Di CSV dipisahkan dengan titik koma; daftar kodenya ada di bawah.",
           hsds="attribute (taxonomy_term.code)", hxl="#crisis+type"),
    Column("posko_alamat", "teks", lambda e, u: e.record.posko.alamat if e.record.posko else None, (Posko, "alamat"),
           note="Kosong bila belum ada kontak posko yang dipublikasikan.", hsds="address.address_1", hxl="#loc+address"),
    Column("posko_telepon", "teks", lambda e, u: _real(e, e.record.posko.telepon if e.record.posko else None), (Posko, "telepon"),
           note="Ditulis dalam format internasional E.164: 0254-xxxxxx menjadi +62254xxxxxx (di CSV dengan petik tunggal di depannya, "
                "supaya spreadsheet membacanya sebagai teks). Kosong bila belum ada nomor posko yang "
                "dipublikasikan dengan persetujuan posko, dan untuk data contoh.",
           hsds="phone.number", hxl="#contact+phone"),
    Column("posko_telepon_lokal", "teks",
           lambda e, u: _real(e, phone.national(e.record.posko.telepon) if e.record.posko else None),
           note="Nomor yang sama seperti biasa ditulis di Indonesia (0812-3456-7890, (0254) 123456), untuk ditampilkan kepada "
                "pembaca; untuk diolah, pakai posko_telepon.", hxl="#contact+phone+local"),
    Column("posko_whatsapp", "true/false", lambda e, u: _real(e, e.record.posko.whatsapp if e.record.posko else None), (Posko, "whatsapp"),
           note="Kosong bila tidak ada nomor posko.", hxl="#meta+whatsapp"),
    Column("posko_email", "teks", lambda e, u: _real(e, e.record.posko.email if e.record.posko else None), (Posko, "email"),
           note="Kosong bila tidak ada.", hsds="organization.email", hxl="#contact+email"),
    Column("lat", "desimal", lambda e, u: _point(e, "lat"), (Lokasi, "lat"),
           note="Titik posko bila diketahui; bila tidak, titik tengah kecamatannya (lihat ketepatan_lokasi).",
           hsds="location.latitude", hxl="#geo+lat"),
    Column("lon", "desimal", lambda e, u: _point(e, "lon"), (Lokasi, "lon"),
           note="Seperti lat.", hsds="location.longitude", hxl="#geo+lon"),
    Column("ketepatan_lokasi", "titik/kecamatan", lambda e, u: _precision(e),
           note="titik: koordinat posko dari berkas KSB. kecamatan: perkiraan, titik tengah wilayah kecamatan menurut batas "
                "wilayah resmi (cahyadsn/wilayah_boundaries, Kepmendagri 2025), bukan letak posko. Kosong bila tidak ada titik.",
           hxl="#geo+precision"),
    Column("relawan", "bilangan bulat", lambda e, u: e.record.relawan, (Ksb, "relawan"), hxl="#capacity+num+volunteers"),
    Column("dibentuk", "tanggal (YYYY, YYYY-MM-DD)", lambda e, u: _formed(e),
           note="Kapan KSB dibentuk menurut sumbernya: tanggal lengkap atau tahunnya saja; kosong bila tidak disebut.",
           hsds="organization.year_incorporated", hxl="#date+founded"),
    Column("dibentuk_oleh", "teks", lambda e, u: e.record.dibentuk.oleh if e.record.dibentuk else None,
           note="kemensos, dinsos-provinsi, dinsos-kabkota, pemerintah-kabkota atau lainnya.", hxl="#org+founder"),
    Column("terakhir_disebut", "tanggal (YYYY, YYYY-MM, YYYY-MM-DD)", lambda e, u: _when(e.record.terakhir_disebut),
           note="Tanggal sumber publik terbaru yang menyebut KSB ini: petunjuk apakah kelompoknya masih aktif.", hxl="#date+reported"),
    Column("jumlah_sumber", "bilangan bulat", lambda e, u: len({(s.judul, s.url) for s in e.record.semua_sumber}),
           note="Berapa sumber publik yang dikutip untuk KSB ini; daftarnya ada di halaman KSB.", hxl="#meta+sources+num"),
    Column("titik_kumpul", "daftar teks", lambda e, u: [point.nama for point in e.record.titik_kumpul], (Ksb, "titik_kumpul"),
           note="Hanya namanya; keterangan dan petanya ada di halaman KSB.", hsds="location.name", hxl="#loc+name+assembly"),
    Column("kebutuhan", "daftar teks", lambda e, u: [need.barang for need in e.record.kebutuhan], (Ksb, "kebutuhan"),
           note="Hanya nama barangnya; jumlah dan prioritasnya ada di halaman Kebutuhan logistik.", hxl="#item+name+needs"),
    Column("halaman", "teks (URL)", lambda e, u: u.page(ksb_path(e)),
           note="Alamat halaman KSB ini di Siaga Banten.", hsds="organization.website", hxl="#meta+url"),
    Column("diperbarui", "tanggal (YYYY-MM-DD)", lambda e, u: e.record.diperbarui.isoformat() if e.record.diperbarui else None,
           (Ksb, "diperbarui"), hsds="service.assured_date", hxl="#date+updated"),
    Column("contoh", "true/false", lambda e, u: e.record.contoh, (Ksb, "contoh"), hxl="#meta+sample"),
)


@dataclass(frozen=True)
class Download:
    """One bulk download, as ``/data/`` lists it."""

    path: str
    """Where it is in docs/ and in the site, e.g. ``data/ksb.csv``."""
    data: bytes
    """The file itself."""
    title: str
    """What ``/data/`` calls it."""
    holds: str
    """What is in it, in one sentence."""
    count: int
    """How many records it holds (rows, contacts, events, entries)."""

    @property
    def size(self) -> str:
        """Its size as a reader on metered data wants to know it."""
        return f"{len(self.data) / 1024:.1f} KB".replace(".", ",")
