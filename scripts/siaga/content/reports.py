"""Situation reports from KSB posko: the words and limits that both the intake (``make laporan``) and the
validation of report files use, so a report file typed by hand is held to what the intake enforces.

What is refused and why: a report is published within hours, from a WhatsApp message, about people in
trouble. It must never carry a person's name or number (a reporter's, a victim's, a displaced family's),
an identity number, an address of a house, or an early count of the dead, missing or injured (those
change greatly after verification, and only BPBD and BNPB announce them).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .wording import BANTEN, tanggal

if TYPE_CHECKING:
    from .model import Tempat

# The verification status, in the order it may move; a correction or withdrawal may follow any of them.
STATUS_ORDER = ("belum-diverifikasi", "dikonfirmasi-posko", "sesuai-rilis-resmi")
ENDED = ("dikoreksi", "dicabut")
STATUSES = STATUS_ORDER + ENDED

STATUS_LABELS = {"belum-diverifikasi": "Belum diverifikasi", "dikonfirmasi-posko": "Dikonfirmasi posko",
                 "sesuai-rilis-resmi": "Sesuai rilis resmi", "dikoreksi": "Dikoreksi", "dicabut": "Dicabut"}

# The message a posko sends, published on /laporan/, /pengelola/ and each KSB page (there with its own name).
REPORT_FORMAT = """\
LAPORAN KSB
KSB: Angsana
Kejadian: banjir
Waktu kejadian: 03-11-2025 04.30
Lokasi: Desa Angsana, Kec. Angsana
Ringkasan: Air 50-80 cm di 3 RT; jalan desa terputus.
Terdampak: 120 KK
Mengungsi: 85 jiwa
Rumah rusak: ringan 4, sedang 0, berat 0
Pengungsian: Balai Desa Angsana
Kebutuhan: air bersih, selimut, makanan bayi
Rentan: lansia 10, balita 12, disabilitas 2
Pelapor: Sekretaris KSB"""

# What the banner of a report says, by status. Never the official alert words (Waspada, Siaga, Awas).
STATUS_BANNERS = {
    "belum-diverifikasi": "Laporan warga dari posko KSB, belum diverifikasi.",
    "dikonfirmasi-posko": "Laporan warga dari posko KSB, dikonfirmasi pengurus posko; belum dicocokkan dengan data resmi.",
    "sesuai-rilis-resmi": "Laporan warga dari posko KSB, sesuai dengan rilis resmi yang ditautkan.",
    "dikoreksi": "Laporan ini sudah dikoreksi: lihat laporan penggantinya.",
    "dicabut": "Laporan ini dicabut karena tidak dapat dipertanggungjawabkan. Isinya tidak ditampilkan lagi.",
}
CASUALTIES_RULE = ("jumlah korban meninggal, hilang dan luka hanya dimuat bersama tautan rilis resmi BPBD atau BNPB; angka awal "
                   "sering berubah setelah verifikasi")
OFFICIAL_DATA = "Data resmi: BPBD kabupaten/kota dan BNPB."

# How long a report stands for the KSB's status when the maintainer does not say: a day. After that the KSB
# page says there has been no update since, instead of showing an old flood as current.
DEFAULT_VALIDITY = dt.timedelta(hours=24)

# The needs the tool knows: id -> words shown. The intake accepts the words, the id, and the listed variants.
NEEDS = {
    "air-bersih": "air bersih",
    "air-minum": "air minum",
    "makanan": "makanan siap santap",
    "makanan-bayi": "makanan bayi",
    "selimut": "selimut",
    "tikar": "tikar atau alas tidur",
    "kasur": "kasur atau matras",
    "terpal": "terpal",
    "tenda": "tenda",
    "pakaian": "pakaian",
    "perlengkapan-bayi": "perlengkapan bayi (popok, susu formula)",
    "perlengkapan-perempuan": "perlengkapan perempuan (pembalut)",
    "perlengkapan-kebersihan": "perlengkapan kebersihan (sabun, sikat gigi)",
    "obat-obatan": "obat-obatan",
    "layanan-kesehatan": "layanan kesehatan",
    "dapur-umum": "dapur umum",
    "penerangan": "penerangan (senter, lampu)",
    "genset": "genset",
    "perahu": "perahu evakuasi",
    "jamban-darurat": "jamban darurat",
    "alat-kebersihan": "alat pembersih lumpur dan puing",
}
_NEED_WORDS = {"popok": "perlengkapan-bayi", "susu formula": "perlengkapan-bayi", "pembalut": "perlengkapan-perempuan",
               "matras": "kasur", "obat": "obat-obatan", "sembako": "makanan", "makanan siap saji": "makanan",
               "mck": "jamban-darurat", "senter": "penerangan", "lampu": "penerangan", "sabun": "perlengkapan-kebersihan",
               "hygiene kit": "perlengkapan-kebersihan", "alas tidur": "tikar", "terpal plastik": "terpal"}

# Vulnerable groups counted in a report: key -> words shown.
VULNERABLE = {"lansia": "lansia", "balita": "balita", "ibu_hamil": "ibu hamil", "disabilitas": "penyandang disabilitas"}
DAMAGE = {"ringan": "rusak ringan", "sedang": "rusak sedang", "berat": "rusak berat"}

# A reporter is named by role. The first word must be one of these; the rest may only say where in the KSB.
_ROLES = ("ketua", "wakil", "sekretaris", "bendahara", "koordinator", "anggota", "relawan", "pengurus", "petugas", "seksi",
          "komandan", "kepala", "operator", "admin")
_ROLE_WORDS = {"ksb", "posko", "ketua", "sekretaris", "bendahara", "seksi", "bidang", "evakuasi", "logistik", "dapur", "umum",
               "kesehatan", "keamanan", "informasi", "humas", "komunikasi", "pendataan", "data", "perempuan", "pemuda",
               "desa", "kelurahan", "kecamatan", "relawan", "tagana", "dan", "&", "/", "-", "i", "ii", "1", "2", "harian"}
# Words that make a shelter a public place. A house is never published.
_PUBLIC_PLACES = re.compile(
    r"\b(balai|masjid|musala|mushola|musholla|mushala|langgar|surau|gereja|pura|vihara|klenteng|sekolah|sd|sdn|smp|smpn|sma|"
    r"sman|smk|smkn|mi|mts|ma|madrasah|pesantren|ponpes|pondok|kantor|aula|gedung|gor|lapangan|stadion|posko|tenda|puskesmas|"
    r"pustu|pendopo|pendapa|gudang|rusun|rusunawa|terminal|pasar|kampus|universitas|shelter|tes|huntara)\b", re.I)
_HOUSE = re.compile(r"\b(rumah|kediaman|kontrakan|kos|kost)\b", re.I)
# Words after an honorific that are no name: "Pak RT", "ibu hamil", "ibu kota".
_OFFICE_TITLES = {"hamil", "menyusui", "rumah", "kota", "bayi", "dan", "anak", "lansia", "warga", "rt", "rw", "kades", "lurah",
                  "camat", "kadus", "kapolsek", "danramil", "bupati", "wali", "walikota", "gubernur",
                  "kepala", "ketua", "sekdes"}
_HONORIFIC = re.compile(r"\b(pak|bapak|bu|ibu|mbak|mas|kang|teh|sdr|sdri|saudara|saudari|haji|hajah|hj|ustad|ustadz|ustaz|"
                        r"almarhum|almarhumah|alm|almh)\b\.?\s+(?P<next>[^\s,.;:]+)", re.I)
_PHONE = re.compile(r"(?<!\d)(?:\+?62|0)[\s.\-()]*\d(?:[\s.\-()]*\d){7,12}(?!\d)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_EMAIL = re.compile(r"[^\s@<>]+@[^\s@<>]+\.[a-z]{2,}", re.I)


def personal_data(text: str) -> str | None:
    """Why ``text`` may not be published (a phone number, an identity number, an e-mail address, a person named
    with an honorific), or None."""
    if _NIK.search(text):
        return "memuat 16 angka berurutan seperti NIK; nomor identitas tidak pernah dimuat"
    if _PHONE.search(text):
        return "memuat nomor telepon; nomor pelapor, korban atau warga tidak pernah dimuat"
    if _EMAIL.search(text):
        return "memuat alamat e-mail; tidak dimuat"
    for named in _HONORIFIC.finditer(text):
        if named["next"].casefold() not in _OFFICE_TITLES:
            return f"menyebut nama orang ({named.group(0).strip()!r}); tulis perannya atau jumlahnya saja"
    return None


def role_problem(role: str, allowed: set[str] = frozenset()) -> str | None:
    """Why ``role`` is not a role (a person's name in a field meant for roles), or None. ``allowed`` adds words
    that may follow the role (the KSB's name)."""
    words = [word.strip(".,()").casefold() for word in role.split()]
    if not words or words[0] not in _ROLES or any(word and word not in _ROLE_WORDS | allowed for word in words[1:]):
        return (f"{role!r} bukan peran di KSB: tulis perannya saja, misalnya 'Sekretaris KSB' atau 'Relawan seksi evakuasi', "
                "bukan nama orang")
    return None


def shelter_problem(place: str) -> str | None:
    """Why ``place`` may not be published as a shelter (a house, or no public place named), or None."""
    if _HOUSE.search(place):
        return f"{place!r} menyebut rumah; tempat pengungsian yang dimuat hanya tempat umum (balai, masjid, sekolah, tenda, ...)"
    if not _PUBLIC_PLACES.search(place):
        return f"{place!r} bukan tempat umum yang dikenal; tulis misalnya 'Balai Desa Angsana', 'Masjid ...', 'SDN ...' atau 'Tenda ...'"
    return None


def place_problem(place: str) -> str | None:
    """Why ``place`` is finer than a village (a house, an RT), or None."""
    if _HOUSE.search(place) or re.search(r"\b(rt|rw)\s*\.?\s*\d", place, re.I) or re.search(r"\bno\.?\s*\d", place, re.I):
        return f"{place!r} lebih rinci dari desa/kelurahan; lokasi dimuat paling rinci sampai desa, tanpa rumah, RT/RW atau nomor"
    return None


_VILLAGE_PREFIX = re.compile(r"^(desa|ds\.?|kelurahan|kel\.?)\s+", re.I)


def village_problem(place: str, area: Tempat | None, ksb_name: str) -> str | None:
    """Why the village ``place`` names ("Desa Angsana, Kec. Angsana") is not in the KSB's ``area`` by the official list:
    not in its kecamatan, or not among the villages it lists. None when it is, or when the KSB has no official place."""
    from .regions import official_list

    if area is None:
        return None
    village = _VILLAGE_PREFIX.sub("", place.split(",")[0].strip())
    found = official_list().find(area.kode_kecamatan, village)
    if found is None:
        hint = official_list().suggest(area.kode_kecamatan, village)
        return (f"desa/kelurahan {village!r} tidak ada di Kecamatan {area.kecamatan} (daftar resmi Kemendagri)"
                + (f": maksud Anda {hint!r}?" if hint else ""))
    if area.desa and found.kode not in {code for code, _, _ in area.desa}:
        return f"{found.nama} bukan wilayah {ksb_name} (desanya: {', '.join(name for _, name, _ in area.desa)})"
    return None


def official_release(url: str | None) -> bool:
    """Whether ``url`` is a page of BNPB or of a BPBD (a government host whose name says so)."""
    if not url:
        return False
    host = (urlsplit(url).hostname or "").casefold()
    return host == "bnpb.go.id" or host.endswith(".bnpb.go.id") or ("bpbd" in host and host.endswith(".go.id"))


def need_id(words: str) -> str | None:
    """The need's id for what a volunteer typed (``Air bersih``, ``popok``), or None if the tool does not know it."""
    key = " ".join(words.casefold().replace("-", " ").split())
    for need, shown in NEEDS.items():
        if key in (need.replace("-", " "), shown.casefold(), shown.casefold().split(" (")[0]):
            return need
    return _NEED_WORDS.get(key)


def suggestion(word: str, known: list[str]) -> str:
    """': maksud Anda 'x'?' for the closest known word, or the known words."""
    close = difflib.get_close_matches(word.casefold(), [item.casefold() for item in known], n=1, cutoff=0.6)
    if close:
        match = next(item for item in known if item.casefold() == close[0])
        return f": maksud Anda {match!r}?"
    return f" (yang dikenal: {', '.join(known)})"


def in_banten(moment: dt.datetime) -> dt.datetime:
    """A time in WIB: a time written without a zone is Banten's."""
    return moment.replace(tzinfo=BANTEN) if moment.tzinfo is None else moment.astimezone(BANTEN)


def waktu(moment: dt.datetime) -> str:
    """``3 November 2025 pukul 04.30 WIB``."""
    local = in_banten(moment)
    return f"{tanggal(local.date())} pukul {local:%H.%M} WIB"
