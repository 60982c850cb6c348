"""``make new-ksb``: a new KSB file from a few questions, valid on the first try and never over another.

It asks for the region, the name, the kecamatan and villages (checked against the official list, with
"maksud Anda ...?"), the posko's coordinates if known (with the format, as a map app copies them), hazards
(choices shown), the public source that names the KSB, and, only if the
posko agreed to publish it, the posko's address and number; it checks each answer as validation
would, and writes a commented file that tells the maintainer what else may be filled in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml.scalarstring import SingleQuotedScalarString

from ..content import model, phone
from ..content.regions import Region, official_list
from ..content.wording import today_in_banten

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


def _optional(ask: Ask, question: str) -> str:
    """An answer that may be left empty (an empty answer does not stop the questions here)."""
    return " ".join(ask(question).split())


def _phone(ask: Ask) -> str:
    while True:
        answer = _text(ask, "Nomor telepon posko (nomor resmi posko, bukan nomor pribadi): ")
        try:
            phone.normalise(answer)
            return answer
        except ValueError as error:
            print(f"  {error}")


def _kecamatan(ask: Ask, region: model.Wilayah) -> Region:
    """A kecamatan of the region by its official name; a near miss is named, a wrong one asked again."""
    official = official_list()
    while True:
        answer = _text(ask, "Kecamatan: ")
        if (found := official.find(region.kode, answer)) is not None:
            return found
        hint = official.suggest(region.kode, answer)
        print(f"  Kecamatan {answer!r} tidak ada di daftar resmi untuk {region.nama}" + (f": maksud Anda {hint!r}?" if hint else "."))


def _villages(ask: Ask, kecamatan: Region) -> list[str]:
    """The villages the KSB covers, official names, none if the source names none."""
    official = official_list()
    while True:
        answer = _optional(ask, "Desa/kelurahan yang dicakup, pisahkan dengan koma (kosongkan bila sumber tidak menyebutnya): ")
        names, wrong = [], []
        for part in filter(None, (part.strip() for part in answer.split(","))):
            found = official.find(kecamatan.kode, part)
            if found is None:
                hint = official.suggest(kecamatan.kode, part)
                wrong.append(f"{part!r}" + (f" (maksud Anda {hint!r}?)" if hint else ""))
            else:
                names.append(found.nama)
        if not wrong:
            return names
        print(f"  Tidak ada di Kecamatan {kecamatan.nama} menurut daftar resmi: {', '.join(wrong)}")


# Two decimal numbers, as a map app copies a point: "-6.51234, 106.12345" (a space or a semicolon between works too).
_POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[,; ]\s*(-?\d+(?:\.\d+)?)\s*$")


def _location(ask: Ask) -> tuple[float, float] | None:
    """The posko's point, optional: without it the KSB sits at its kecamatan's centre, marked as an estimate, and the
    nearest-KSB list measures from there."""
    print("Letak posko: di Google Maps atau OpenStreetMap, tekan lama titik posko lalu salin angkanya.")
    while True:
        answer = _optional(ask, "Koordinat posko, lintang lalu bujur dengan titik desimal (misalnya -6.5123, 106.1234); "
                                "kosongkan bila belum tahu: ")
        if not answer:
            return None
        found = _POINT.match(answer)
        if found is None:
            print("  Tulis dua angka dengan titik desimal, dipisah koma: lintang lalu bujur, misalnya -6.5123, 106.1234.")
            continue
        lat, lon = float(found.group(1)), float(found.group(2))
        if -7.2 <= lon <= -5.7 and 105.0 <= lat <= 106.9:
            lat, lon = lon, lat  # written the other way round (bujur, lintang): the numbers say which is which
        try:
            model.Lokasi(lat=lat, lon=lon)
        except ValueError:
            print("  Titik itu di luar Provinsi Banten (lintang antara -7.2 dan -5.7, bujur antara 105.0 dan 106.9): periksa lagi.")
            continue
        return lat, lon


def _source(ask: Ask, today: dt.date) -> dict[str, str]:
    """The public source that names the KSB: every real KSB needs one."""
    print("Sumber publik yang menyebut KSB ini (berita, rilis, surat keputusan):")
    source = {"judul": _text(ask, "  Judul: "), "penerbit": _text(ask, "  Penerbit: ")}
    while True:
        answer = _text(ask, "  Tanggal terbit (YYYY-MM-DD) atau tahunnya saja (YYYY): ")
        try:
            day = dt.date.fromisoformat(answer) if "-" in answer else None
            year = int(answer) if day is None else day.year
        except ValueError:
            print("  Tulis tanggal seperti 2025-10-03, atau tahun seperti 2025.")
            continue
        if (day or dt.date(year, 1, 1)) > today:
            print(f"  Tanggal itu belum terjadi (hari ini {today.isoformat()}).")
            continue
        source["tanggal" if day else "tahun"] = answer
        break
    if url := _optional(ask, "  Alamat web (kosongkan bila tidak ada): "):
        source["url"] = url
    return source


def new_ksb(content_dir: Path, ask: Ask = input, today: dt.date | None = None) -> Path:
    """Ask the questions, write ``content/ksb/<wilayah>/<nama>.yml`` and return its path. Never overwrites."""
    regions = _regions(content_dir)
    hazards = _hazards(content_dir)
    print("KSB baru. Jawaban kosong menghentikan tanpa menulis apa pun.\n\nKabupaten/kota:")
    [slug_region] = _choose(ask, "Nomor kabupaten/kota: ", [(r.slug, r.nama) for r in regions])
    region = next(r for r in regions if r.slug == slug_region)
    nama = _text(ask, "Nama KSB (misalnya KSB Angsana): ")
    kecamatan = _kecamatan(ask, region)
    villages = _villages(ask, kecamatan)
    point = _location(ask)
    print("Ancaman bencana yang disebut sumber:")
    chosen = _choose(ask, "Nomor ancaman, pisahkan dengan koma (misalnya 1,3): ", [(h.id, h.nama) for h in hazards], many=True)
    source = _source(ask, today or today_in_banten())
    posko = None
    if _optional(ask, "Apakah posko sudah setuju alamat dan nomornya dimuat di situs? (ya/tidak): ").lower() in ("ya", "y"):
        posko = (_text(ask, "Alamat posko: "), _phone(ask))
    name = slug(villages[0] if len(villages) == 1 else kecamatan.nama) or slug(nama)
    target = content_dir / "ksb" / region.slug / f"{name}.yml"
    while target.exists():
        print(f"  {target.relative_to(content_dir.parent)} sudah ada; berkas yang ada tidak akan ditimpa.")
        name = slug(_text(ask, "Nama berkas lain (huruf kecil, angka, tanda hubung): "))
        target = content_dir / "ksb" / region.slug / f"{name}.yml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_file(nama, kecamatan.nama, villages, chosen, source, posko, point), encoding="utf-8")
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


def _file(nama: str, kecamatan: str, villages: list[str], hazards: list[str], source: dict[str, str],
          posko: tuple[str, str] | None, point: tuple[float, float] | None = None) -> str:
    lines = [
        "# KSB baru, dibuat dengan `make new-ksb`. Rujukan semua kolom: content/SKEMA.md.",
        f"nama: {_quoted(nama)}",
        f"kecamatan: {_quoted(kecamatan)}",
        f"desa: [{', '.join(_quoted(village) for village in villages)}]",
        f"ancaman: [{', '.join(hazards)}]",
    ]
    if point:
        lines.append(f"lokasi: {{lat: {point[0]}, lon: {point[1]}}}  # koordinat posko")
    if posko:
        lines += ["posko:", f"  alamat: {_quoted(posko[0])}", f"  telepon: {_quoted(posko[1])}",
                  "  whatsapp: false  # ubah menjadi true bila nomor posko bisa dihubungi lewat WhatsApp"]
    lines += ["sumber:", f"  - judul: {_quoted(source['judul'])}", f"    penerbit: {_quoted(source['penerbit'])}"]
    lines += [f"    {key}: {source[key]}" for key in ("tanggal", "tahun") if key in source]
    if "url" in source:
        lines.append(f"    url: {_quoted(source['url'])}")
    more = _MORE if not point else _MORE.replace("# lokasi: {lat: -6.5, lon: 106.1}   # koordinat posko, derajat desimal\n", "")
    return "\n".join(lines) + "\n" + more


_MORE = """\
# Kolom lain yang bisa diisi (hapus tanda # di depannya):
# dibentuk:               # kapan dan oleh siapa, dengan sumbernya
#   tanggal: 2024-12-29   # atau tahun: 2024
#   oleh: kemensos        # kemensos, dinsos-provinsi, dinsos-kabkota, pemerintah-kabkota, lainnya
#   sumber:
#     - {judul: Judul rilis, penerbit: Penerbitnya, tanggal: 2024-12-29, url: 'https://...'}
# dasar_hukum: Keputusan Bupati ... Nomor ...
# lokasi: {lat: -6.5, lon: 106.1}   # koordinat posko, derajat desimal
# relawan: 20
# titik_kumpul:
#   - nama: Lapangan desa
#     keterangan: Cara menuju ke sana
# kebutuhan:
#   - barang: tenda
#     jumlah: 2
#     prioritas: tinggi   # tinggi, sedang atau rendah
# pengurus:               # HANYA orang yang setuju dimuat di situs; semuanya tampil
#   - nama: Nama lengkap
#     jabatan: ketua
#     telepon: '0812-...'
#     persetujuan: 2026-01-31   # tanggal persetujuannya dicatat (wajib)
"""
