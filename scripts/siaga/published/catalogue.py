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

from ..content import phone, reports
from ..content.model import Kebutuhan, Ksb, Laporan, Lokasi, Placed, Posko, Wilayah
from .paths import ksb_path, placed_region, report_path
from .urls import SiteUrls

Value = str | int | float | bool | list[str] | None


@dataclass(frozen=True)
class Column:
    """One column of a public table: the KSB table (:data:`COLUMNS`) or the reports' (:data:`REPORT_COLUMNS`)."""

    name: str
    """Column name in the CSV header and key in JSON and GeoJSON properties."""
    kind: str
    """Type as the data dictionary names it, in Indonesian."""
    value: Callable[..., Value]
    """Reads the value: from a validated KSB and the site's addresses, or (a report's column) from a validated report,
    its KSB and the addresses."""
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


# --- situation reports ------------------------------------------------------------------------


def _shown(entry: Placed[Laporan], value: Value) -> Value:
    """A report's details only while it stands: a corrected or withdrawn report keeps its id, status and link."""
    return None if entry.record.status_kini in reports.ENDED else value


def _moment(value: object) -> str | None:
    return reports.in_banten(value).isoformat() if value is not None else None  # type: ignore[arg-type]


def _village_point(ksb: Placed[Ksb], coordinate: str) -> float | None:
    """The KSB's point rounded to two decimals (about a kilometre): a report is placed no finer than its village."""
    point = ksb.tempat.titik if ksb.tempat else ksb.record.lokasi
    return round(getattr(point, coordinate), 2) if point else None


def _count(name: str) -> Callable[[Placed[Laporan], Placed[Ksb], SiteUrls], Value]:
    return lambda r, k, u: _shown(r, getattr(r.record, name))


def _part(group: str, name: str) -> Callable[[Placed[Laporan], Placed[Ksb], SiteUrls], Value]:
    return lambda r, k, u: _shown(r, getattr(getattr(r.record, group), name) if getattr(r.record, group) else None)


REPORT_COLUMNS: tuple[Column, ...] = (
    Column("id", "teks", lambda r, k, u: r.kunci, note="Kode unik laporan: tahun/nama berkasnya.", hxl="#event+id"),
    Column("status", "teks", lambda r, k, u: r.record.status_kini, note="Status verifikasi yang berlaku: "
                 + ", ".join(reports.STATUSES) + ". Untuk laporan dikoreksi atau dicabut, kolom rincian dikosongkan.", hxl="#status"),
    Column("ksb", "teks", lambda r, k, u: r.record.ksb, (Laporan, "ksb"), note="Sama dengan kolom id di data/ksb.csv.",
                 hxl="#org+code"),
    Column("ksb_nama", "teks", lambda r, k, u: k.record.nama, note="Nama KSB pelapor.", hxl="#org+name"),
    Column("wilayah_kode", "teks", lambda r, k, u: placed_region(k).kode, hxl="#adm2+code"),
    Column("wilayah", "teks", lambda r, k, u: placed_region(k).nama, hxl="#adm2+name"),
    Column("kecamatan", "teks", lambda r, k, u: k.tempat.kecamatan if k.tempat else k.record.kecamatan, hxl="#adm3+name"),
    Column("lokasi", "teks", lambda r, k, u: _shown(r, r.record.lokasi), (Laporan, "lokasi"), hxl="#loc+name"),
    Column("ancaman", "teks", lambda r, k, u: r.record.ancaman, (Laporan, "ancaman"), hxl="#crisis+type"),
    Column("waktu_kejadian", "tanggal dan jam (ISO 8601, WIB)", lambda r, k, u: _moment(r.record.waktu_kejadian),
                 (Laporan, "waktu_kejadian"), hxl="#date+occurred"),
    Column("waktu_laporan", "tanggal dan jam (ISO 8601, WIB)", lambda r, k, u: _moment(r.record.waktu_laporan),
                 (Laporan, "waktu_laporan"), hxl="#date+reported"),
    Column("berlaku_sampai", "tanggal dan jam (ISO 8601, WIB)", lambda r, k, u: _moment(r.record.berlaku_sampai),
                 (Laporan, "berlaku_sampai"), hxl="#date+expires"),
    Column("ringkasan", "teks", lambda r, k, u: _shown(r, r.record.ringkasan), (Laporan, "ringkasan"), hxl="#description"),
    Column("terdampak_kk", "bilangan bulat", _count("terdampak_kk"), (Laporan, "terdampak_kk"), hxl="#affected+hh"),
    Column("mengungsi_jiwa", "bilangan bulat", _count("mengungsi_jiwa"), (Laporan, "mengungsi_jiwa"), hxl="#affected+idps+ind"),
    Column("rumah_rusak_ringan", "bilangan bulat", _part("rumah_rusak", "ringan"), note="Kosong berarti belum diketahui.",
                 hxl="#indicator+houses+damage_light"),
    Column("rumah_rusak_sedang", "bilangan bulat", _part("rumah_rusak", "sedang"), note="Kosong berarti belum diketahui.",
                 hxl="#indicator+houses+damage_medium"),
    Column("rumah_rusak_berat", "bilangan bulat", _part("rumah_rusak", "berat"), note="Kosong berarti belum diketahui.",
                 hxl="#indicator+houses+damage_heavy"),
    Column("pengungsian", "daftar teks", lambda r, k, u: _shown(r, list(r.record.pengungsian)), (Laporan, "pengungsian"),
                 hxl="#loc+name+shelter"),
    Column("kebutuhan", "daftar teks", lambda r, k, u: _shown(r, list(r.record.kebutuhan)), (Laporan, "kebutuhan"),
                 hxl="#item+name+needs"),
    Column("lansia", "bilangan bulat", _part("rentan", "lansia"), hxl="#affected+elderly"),
    Column("balita", "bilangan bulat", _part("rentan", "balita"), hxl="#affected+children+u5"),
    Column("ibu_hamil", "bilangan bulat", _part("rentan", "ibu_hamil"), hxl="#affected+pregnant"),
    Column("disabilitas", "bilangan bulat", _part("rentan", "disabilitas"), hxl="#affected+disabled"),
    Column("meninggal", "bilangan bulat", _count("meninggal"), (Laporan, "meninggal"), hxl="#affected+killed"),
    Column("hilang", "bilangan bulat", _count("hilang"), (Laporan, "hilang"), hxl="#affected+missing"),
    Column("luka", "bilangan bulat", _count("luka"), (Laporan, "luka"), hxl="#affected+injured"),
    Column("rilis_resmi", "teks (URL)", lambda r, k, u: r.record.rilis_resmi, (Laporan, "rilis_resmi"), hxl="#meta+source"),
    Column("pelapor", "teks", lambda r, k, u: _shown(r, r.record.pelapor), (Laporan, "pelapor"), hxl="#contact+role"),
    Column("menggantikan", "teks", lambda r, k, u: r.record.menggantikan, (Laporan, "menggantikan"), hxl="#event+id+replaces"),
    Column("lat", "desimal", lambda r, k, u: _village_point(k, "lat"),
                 note="Titik KSB dibulatkan ke dua desimal (sekitar 1 km): paling rinci setingkat desa, tidak pernah rumah.",
                 hxl="#geo+lat"),
    Column("lon", "desimal", lambda r, k, u: _village_point(k, "lon"), note="Seperti lat.", hxl="#geo+lon"),
    Column("halaman", "teks (URL)", lambda r, k, u: u.page(report_path(r)), note="Alamat halaman laporan ini.", hxl="#meta+url"),
)


# --- logistics needs, one row per need (the spreadsheet's third sheet) --------------------------------------------

NEED_COLUMNS: tuple[Column, ...] = (
    Column("ksb", "teks", lambda e, n, u: ksb_id(e), note="Sama dengan kolom id di daftar KSB.", hxl="#org+code"),
    Column("ksb_nama", "teks", lambda e, n, u: e.record.nama, (Ksb, "nama"), hxl="#org+name"),
    Column("wilayah", "teks", lambda e, n, u: _region(e).nama, (Wilayah, "nama"), hxl="#adm2+name"),
    Column("barang", "teks", lambda e, n, u: n.barang, (Kebutuhan, "barang"), hxl="#item+name"),
    Column("jumlah", "bilangan bulat", lambda e, n, u: n.jumlah, (Kebutuhan, "jumlah"), hxl="#item+num"),
    Column("satuan", "teks", lambda e, n, u: n.satuan, (Kebutuhan, "satuan"), hxl="#item+unit"),
    Column("prioritas", "teks", lambda e, n, u: n.prioritas, (Kebutuhan, "prioritas"), hxl="#priority"),
    Column("keterangan", "teks", lambda e, n, u: n.keterangan, (Kebutuhan, "keterangan"), hxl="#description"),
    Column("contoh", "true/false", lambda e, n, u: e.record.contoh, (Ksb, "contoh"), hxl="#meta+sample"),
)
