"""``make new-ksb``: a new KSB file from a few questions, valid on the first try and never over another.

It asks for the region, the name, kecamatan, desa or kelurahan, hazards (choices shown) and the
posko's address and number, checks each answer as validation would, and writes a commented file
that tells the maintainer what else may be filled in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml.scalarstring import SingleQuotedScalarString

from ..content import model, phone

Ask = Callable[[str], str]


class Stop(Exception):
    """The maintainer ended the questions (an empty answer where one is needed, or end of input)."""


def slug(text: str) -> str:
    """A file name from a place name: ``Desa Cibeber Raya`` becomes ``cibeber-raya``."""
    text = re.sub(r"^(desa|kelurahan)\s+", "", text.strip(), flags=re.IGNORECASE).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _choose(ask: Ask, question: str, options: list[tuple[str, str]], *, many: bool = False) -> list[str]:
    """Pick by number or by code from a numbered list; ``many`` takes several, separated by commas."""
    while True:
        for number, (code, label) in enumerate(options, start=1):
            print(f"  {number}. {label} ({code})")
        answer = ask(question).strip()
        if not answer:
            raise Stop
        picked = []
        for part in (answer.split(",") if many else [answer]):
            part = part.strip()
            if part.isdigit() and 1 <= int(part) <= len(options):
                picked.append(options[int(part) - 1][0])
            elif part in {code for code, _ in options}:
                picked.append(part)
            else:
                picked = []
                break
        if picked:
            return list(dict.fromkeys(picked))
        print(f"  Tidak dikenal: {answer!r}. Tulis nomor atau kode dari daftar.")


def _text(ask: Ask, question: str) -> str:
    answer = " ".join(ask(question).split())
    if not answer:
        raise Stop
    return answer


def _phone(ask: Ask) -> str:
    while True:
        answer = _text(ask, "Nomor telepon posko (nomor resmi posko, bukan nomor pribadi): ")
        try:
            phone.normalise(answer)
            return answer
        except ValueError as error:
            print(f"  {error}")


def new_ksb(content_dir: Path, ask: Ask = input) -> Path:
    """Ask the questions, write ``content/ksb/<wilayah>/<nama>.yml`` and return its path. Never overwrites."""
    regions = _regions(content_dir)
    hazards = _hazards(content_dir)
    print("KSB baru. Jawaban kosong menghentikan tanpa menulis apa pun.\n\nKabupaten/kota:")
    [region] = _choose(ask, "Nomor kabupaten/kota: ", [(r.slug, r.nama) for r in regions])
    jenis = next(r.jenis for r in regions if r.slug == region)
    nama = _text(ask, "Nama KSB (misalnya KSB Desa Sukamaju): ")
    kecamatan = _text(ask, "Kecamatan: ")
    desa = _text(ask, "Nama desa atau kelurahan: ")
    print("Ancaman bencana:")
    chosen = _choose(ask, "Nomor ancaman, pisahkan dengan koma (misalnya 1,3): ", [(h.id, h.nama) for h in hazards], many=True)
    alamat = _text(ask, "Alamat posko: ")
    telepon = _phone(ask)
    name = slug(desa) or slug(nama)
    target = content_dir / "ksb" / region / f"{name}.yml"
    while target.exists():
        print(f"  {target.relative_to(content_dir.parent)} sudah ada; berkas yang ada tidak akan ditimpa.")
        name = slug(_text(ask, "Nama berkas lain (huruf kecil, angka, tanda hubung): "))
        target = content_dir / "ksb" / region / f"{name}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_file(nama, kecamatan, desa, "kelurahan" if jenis == "kota" else "desa", chosen, alamat, telepon),
                      encoding="utf-8")
    print(f"\nDitulis: {target.relative_to(content_dir.parent)}. Periksa dengan: make validate")
    return target


def _regions(content_dir: Path) -> list[model.Wilayah]:
    from ..content.load import read_yaml

    doc, _ = read_yaml(content_dir / "wilayah.yml", Path("content/wilayah.yml"))
    return model.WilayahFile.model_validate(doc.data).wilayah if doc else []


def _hazards(content_dir: Path) -> list[model.Ancaman]:
    from ..content.load import read_yaml

    doc, _ = read_yaml(content_dir / "ancaman.yml", Path("content/ancaman.yml"))
    return model.AncamanFile.model_validate(doc.data).ancaman if doc else []


def _quoted(value: str) -> str:
    """A value as YAML text, quoted the way YAML itself would (so ': ' or '#' in a name stays text)."""
    import io

    from ruamel.yaml import YAML

    stream = io.StringIO()
    yaml = YAML()
    yaml.width = 1000
    yaml.dump({"v": SingleQuotedScalarString(value)}, stream)
    return stream.getvalue().strip()[3:]


def _file(nama: str, kecamatan: str, desa: str, jenis: str, hazards: list[str], alamat: str, telepon: str) -> str:
    return f"""\
# KSB baru, dibuat dengan `make new-ksb`. Rujukan semua kolom: content/SKEMA.md.
nama: {_quoted(nama)}
kecamatan: {_quoted(kecamatan)}
desa: {_quoted(desa)}
jenis_desa: {jenis}
ancaman: [{", ".join(hazards)}]
posko:
  alamat: {_quoted(alamat)}
  telepon: {_quoted(telepon)}
  whatsapp: false  # ubah menjadi true bila nomor posko bisa dihubungi lewat WhatsApp
# Kolom lain yang bisa diisi (hapus tanda # di depannya):
# lokasi: {{lat: -6.5, lon: 106.1}}   # koordinat posko, derajat desimal
# relawan: 20
# titik_kumpul:
#   - nama: Lapangan desa
#     keterangan: Cara menuju ke sana
# kebutuhan:
#   - barang: tenda
#     jumlah: 2
#     prioritas: tinggi   # tinggi, sedang atau rendah
# pengurus:               # hanya tampil bila publik: true DAN persetujuan berisi tanggal
#   - nama: Nama lengkap
#     jabatan: ketua
#     telepon: '0812-...'
#     publik: false
#     persetujuan: 2026-01-31
# sumber:
#   - judul: Judul berita atau surat keputusan
#     penerbit: Penerbitnya
#     tahun: 2025
#     url: https://...
"""
