"""The maintainer's field reference, generated from the model so that it cannot drift.

``make schema`` writes it to ``content/SKEMA.md``; a test fails when that file is stale.
"""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from . import model

# The order a maintainer meets them: files first, then the pieces inside them.
SECTIONS: list[tuple[str, type[BaseModel]]] = [
    ("content/ksb/<wilayah>/<nama>.yml", model.Ksb),
    ("ksb: posko", model.Posko),
    ("ksb: pengurus", model.Pengurus),
    ("ksb: lokasi, titik_kumpul[].lokasi", model.Lokasi),
    ("ksb: titik_kumpul", model.TitikKumpul),
    ("ksb: lumbung_sosial", model.LumbungSosial),
    ("ksb: lumbung_sosial.isi", model.Barang),
    ("ksb: kebutuhan", model.Kebutuhan),
    ("ksb: dibentuk", model.Pembentukan),
    ("ksb: perbedaan", model.Perbedaan),
    ("ksb: kegiatan", model.Kegiatan),
    ("ksb: mitra", model.Mitra),
    ("sumber (di semua berkas)", model.Sumber),
    ("sumber nomor darurat, lembaga dan panduan (tahun wajib)", model.SumberTerperiksa),
    ("content/fgd/<YYYY-MM-DD>-<judul>.md (front matter)", model.Fgd),
    ("fgd: peserta", model.Peserta),
    ("fgd: pokok", model.Pokok),
    ("fgd: rekomendasi", model.Rekomendasi),
    ("fgd: tindak_lanjut", model.TindakLanjut),
    ("content/panduan/<nama>.md (front matter)", model.Panduan),
    ("panduan: ditinjau", model.Tinjauan),
    ("content/kontak/*.yml: organisasi", model.Organisasi),
    ("content/kontak/*.yml: nomor_darurat", model.NomorDarurat),
    ("content/laporan/<tahun>/<YYYY-MM-DD-HHMM>-<ksb>.yml (dibuat make laporan)", model.Laporan),
    ("laporan: status", model.PerubahanStatus),
    ("laporan: rumah_rusak", model.RumahRusak),
    ("laporan: rentan", model.Rentan),
    ("content/situs.yml", model.Situs),
    ("situs: kontak", model.KontakPenerbit),
    ("content/wilayah.yml: wilayah", model.Wilayah),
    ("content/ancaman.yml: ancaman", model.Ancaman),
    ("content/hitungan-ksb.yml: hitungan", model.HitunganKsb),
]


def _type_name(annotation: Any) -> str:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _type_name(args[0])
    if origin is typing.Literal:
        return " / ".join(str(arg) for arg in args)
    if origin is list:
        return f"daftar {_type_name(args[0])}"
    if args and type(None) in args:
        return " atau ".join(_type_name(arg) for arg in args if arg is not type(None))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    names = {str: "teks", int: "bilangan bulat", float: "angka", bool: "true/false"}
    return names.get(annotation, getattr(annotation, "__name__", str(annotation)).replace("date", "tanggal YYYY-MM-DD"))


def schema_markdown() -> str:
    """Every field of every content class, with its type, whether it is required, and its docstring."""
    lines = [
        "# Rujukan kolom konten",
        "",
        "Dibuat dari model konten (`scripts/siaga/`) dengan `make schema`; jangan disunting dengan tangan.",
        "Kolom yang tidak tercantum di sini ditolak saat validasi.",
        "",
    ]
    for title, cls in SECTIONS:
        # A path with <placeholders> is code: as plain Markdown, <wilayah> would be read as an HTML tag.
        heading = title if "<" not in title else "`" + title.replace(" (", "` (", 1) + ("`" if " (" not in title else "")
        lines += [f"## {heading}", "", (cls.__doc__ or "").strip(), "", "| Kolom | Jenis | Wajib | Keterangan |", "|---|---|---|---|"]
        for name, field in cls.model_fields.items():
            required = "ya" if field.is_required() else ""
            default = "" if field.default in (PydanticUndefined, None, []) else f" Bawaan: `{field.default}`."
            description = " ".join((field.description or "").split()).replace("|", "\\|")
            lines.append(f"| `{name}` | {_type_name(field.annotation)} | {required} | {description}{default} |")
        lines.append("")
    return "\n".join(lines)
