"""The content model: one class per kind of content, every field documented.

The field docstrings are the maintainer's reference: ``python -m siaga skema`` prints
them and ``content/SKEMA.md`` is checked against that output by the tests.

Validation needs two facts from outside a single file, passed as pydantic context:
``ancaman`` (the hazard ids known in ``content/ancaman.yml``) and ``hari_ini`` (today's
date, so that tests can fix it).
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import phone, reports
from .errors import ContentError
from .wording import today_in_banten

Phone = Annotated[str, AfterValidator(phone.normalise)]
EmergencyNumber = Annotated[str, AfterValidator(phone.normalise_emergency)]
# A telephone area code as dialled from a mobile phone: 021, 0254.
AreaCode = Annotated[str, StringConstraints(pattern=r"^0[2-9][0-9]{1,2}$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"]+$")]


class Record(BaseModel):
    """Base of every content class: unknown fields are errors, field docstrings are descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


def _today(info: ValidationInfo) -> dt.date:
    return (info.context or {}).get("hari_ini") or today_in_banten()


def _not_in_future(value: dt.date | None, info: ValidationInfo) -> dt.date | None:
    if value is not None and value > _today(info):
        raise ValueError(f"tanggal {value.isoformat()} belum terjadi (hari ini {_today(info).isoformat()})")
    return value


RecordT = TypeVar("RecordT", bound="Record")


def _earlier(first: tuple[int, int, int], second: tuple[int, int, int]) -> bool:
    """Whether ``first`` is surely before ``second``, comparing only the parts both know (0 is unknown)."""
    for a, b in zip(first, second, strict=True):
        if not a or not b:
            return False
        if a != b:
            return a < b
    return False


def _check_year(year: int | None, day: dt.date | None, info: ValidationInfo) -> None:
    """A year given beside a date, or alone, must agree with the date and must have come."""
    if year is not None and year > _today(info).year:
        raise PydanticCustomError("year_in_future", "tahun: {tahun} belum terjadi (sekarang {now})",
                                  {"at": "tahun", "tahun": year, "now": _today(info).year})
    if day is not None and year is not None and day.year != year:
        raise PydanticCustomError("year_mismatch", "tahun: {tahun} berbeda dengan tahun pada tanggal {tanggal}",
                                  {"at": "tahun", "tahun": year, "tanggal": day.isoformat()})


def _when(day: dt.date | None, year: int | None) -> tuple[int, int, int] | None:
    """(year, month, day), 0 where not known; None when even the year is not known."""
    if day is not None:
        return (day.year, day.month, day.day)
    return (year, 0, 0) if year is not None else None


def _shown(when: tuple[int, int, int]) -> str:
    return "-".join(f"{part:02d}" for part in when if part)

PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]


def _check_hazard(hazard: str, info: ValidationInfo, at: str) -> None:
    """Hazard ids come from content/ancaman.yml; name them all when one is wrong."""
    known = (info.context or {}).get("ancaman")
    if known is not None and hazard not in known:
        raise PydanticCustomError(
            "unknown_hazard",
            # Hazard ids are slugs (checked before this), so the message holds no braces to format.
            f"ancaman: {hazard!r} tidak dikenal (dikenal: {', '.join(sorted(known))})",
            {"at": at},
        )


# --- shared pieces -------------------------------------------------------------------------


class Sumber(Record):
    """Sumber terbitan untuk fakta yang dimuat di sebuah halaman."""

    judul: Text
    """Judul dokumen atau artikel, persis seperti yang diterbitkan."""
    penerbit: Text
    """Pihak yang menerbitkannya (BNPB, BMKG, Dinas Sosial Provinsi Banten, ...)."""
    tahun: int | None = Field(default=None, ge=1945, le=2100)
    """Tahun terbit, jika diketahui. Boleh dikosongkan bila ``tanggal`` diisi."""
    tanggal: PastDate | None = None
    """Tanggal terbit (YYYY-MM-DD), jika diketahui: dari sinilah halaman KSB menulis kapan KSB itu terakhir
    disebut dalam sumber publik."""
    url: Url | None = None
    """Alamat web, hanya jika sudah pasti benar; lebih baik dikosongkan daripada menebak."""
    judul_dari_alamat: bool = False
    """Isi true bila judul tidak terbaca di halamannya dan disusun dari alamat web atau isi berita: halaman lalu
    menyebutnya, supaya pembaca tidak mengira itu judul yang diterbitkan. Hapus setelah judulnya dicocokkan."""

    @model_validator(mode="after")
    def _year_agrees_with_date(self, info: ValidationInfo) -> Sumber:
        _check_year(self.tahun, self.tanggal, info)
        return self

    @property
    def kapan(self) -> tuple[int, int, int] | None:
        """(year, month, day) of publication, 0 where not known; None when the year is not known either."""
        return _when(self.tanggal, self.tahun)


class SumberTerperiksa(Sumber):
    """Sumber yang bisa diperiksa pembaca: untuk nomor darurat, lembaga dan panduan, tahun terbitnya wajib."""

    tahun: int = Field(ge=1945, le=2100)
    """Tahun terbit. Wajib: pembaca perlu tahu seberapa baru keterangan ini."""


class Tinjauan(Record):
    """Siapa yang terakhir mencocokkan panduan dengan sumbernya, dan kapan."""

    tanggal: PastDate
    """Tanggal peninjauan (YYYY-MM-DD). ``make validate`` memberi peringatan bila lebih dari 12 bulan lalu."""
    oleh: Text
    """Lembaga atau jabatan peninjau (bukan nama pribadi), misalnya "Bidang Kedaruratan BPBD Provinsi Banten"."""
    catatan: Text | None = None
    """Keterangan tentang peninjauan, misalnya bagian yang belum ditinjau oleh lembaga berwenang."""


class Lokasi(Record):
    """Satu titik dalam derajat desimal (WGS 84), di dalam Provinsi Banten."""

    lat: float = Field(ge=-7.2, le=-5.7, allow_inf_nan=False)
    """Garis lintang, misalnya -6.3103 (Banten terletak kira-kira antara -7.1 dan -5.8)."""
    lon: float = Field(ge=105.0, le=106.9, allow_inf_nan=False)
    """Garis bujur, misalnya 105.8342 (Banten terletak kira-kira antara 105.1 dan 106.8)."""


# --- vocabularies --------------------------------------------------------------------------


class Wilayah(Record):
    """Salah satu dari delapan kabupaten/kota di Banten (``content/wilayah.yml``)."""

    kode: Annotated[str, StringConstraints(pattern=r"^36\.[0-9]{2}$")]
    """Kode Kemendagri, 36.01 sampai 36.74."""
    nama: Text
    """Nama resmi, misalnya "Kabupaten Pandeglang"."""
    jenis: Literal["kabupaten", "kota"]
    """Kabupaten atau kota."""
    slug: Slug
    """Nama folder di dalam ``content/ksb/`` sekaligus bagian dari alamat web, misalnya kab-pandeglang."""
    ancaman_utama: Text | None = None
    """Ancaman bencana utama di wilayah ini dalam satu kalimat, ditampilkan di halaman wilayah."""
    sumber: list[Sumber] = []
    """Sumber kalimat tentang ancaman bencana tersebut."""


class Ancaman(Record):
    """Satu jenis ancaman bencana dalam daftar baku (``content/ancaman.yml``)."""

    id: Slug
    """Kode pengenal yang dipakai di berkas KSB, misalnya tanah-longsor."""
    nama: Text
    """Nama yang ditampilkan di halaman, misalnya "Tanah longsor"."""


# --- KSB -----------------------------------------------------------------------------------


# Where the records of people who have not agreed to publication belong: this repository is public,
# history included, so it holds only what the site publishes.
_OFFICE_FILES = ("repositori ini terbuka untuk umum, termasuk riwayatnya, jadi hanya memuat orang yang setuju "
                 "nama dan nomornya dimuat di situs. Data pengurus lainnya disimpan di berkas kantor Dinas Sosial "
                 "atau Forum KSB, bukan di sini")


class Pengurus(Record):
    """Seorang anggota pengurus yang setuju nama dan nomornya dimuat di situs. Setiap pengurus di berkas
    ditampilkan; yang belum atau tidak setuju tidak dicatat di repositori ini sama sekali."""

    nama: Text
    """Nama lengkap."""
    jabatan: Text
    """Jabatan dalam kepengurusan: ketua, sekretaris, bendahara, seksi evakuasi, ..."""
    telepon: Phone | None = None
    """Nomor telepon yang orang itu setujui untuk dimuat."""
    persetujuan: PastDate | None = None
    """Tanggal dicatatnya persetujuan orang itu untuk dipublikasikan (YYYY-MM-DD). Wajib. Jika persetujuan
    ditarik, hapus seluruh entri orang itu, lalu hapus juga dari riwayat repositori (``make lupakan``)."""

    @model_validator(mode="before")
    @classmethod
    def _no_hidden_people(cls, data: object) -> object:
        if isinstance(data, dict) and "publik" in data:
            if data["publik"] is False:
                raise PydanticCustomError("consent_missing", "publik: false: orang yang tidak ditampilkan tidak boleh "
                                          "dicatat di sini; " + _OFFICE_FILES + ". Hapus entri ini", {"at": "publik"})
            raise PydanticCustomError("publik_unused", "publik: kolom ini tidak dipakai lagi, karena setiap pengurus di "
                                      "berkas ini ditampilkan. Hapus baris ini", {"at": "publik"})
        return data

    @model_validator(mode="after")
    def _consent_recorded(self) -> Pengurus:
        if self.persetujuan is None:
            raise PydanticCustomError(
                "consent_missing",
                "pengurus tanpa 'persetujuan' (tanggal persetujuan dicatat, YYYY-MM-DD): " + _OFFICE_FILES,
                {"at": "nama"},
            )
        return self


class Posko(Record):
    """Posko komando KSB: kontak resmi (bukan kontak pribadi) yang selalu ditampilkan untuk umum."""

    alamat: Text
    """Alamat jalan, atau petunjuk yang memudahkan pengunjung menemukannya."""
    telepon: Phone
    """Nomor telepon posko (nomor resmi posko, bukan nomor pribadi seseorang)."""
    whatsapp: bool = False
    """Isi true jika nomor posko bisa dihubungi lewat WhatsApp."""
    email: Email | None = None
    """Alamat e-mail posko, jika ada."""


class TitikKumpul(Record):
    """Satu titik kumpul."""

    nama: Text
    """Nama tempat, misalnya "Lapangan desa"."""
    keterangan: Text | None = None
    """Cara menuju ke sana, daya tampung, dan apa saja yang ada di sana."""
    lokasi: Lokasi | None = None
    """Koordinat titik kumpul."""


class Barang(Record):
    """Satu jenis barang persediaan di lumbung sosial."""

    barang: Text
    """Nama barangnya: tenda, kasur, genset, peralatan dapur umum, ..."""
    jumlah: int = Field(ge=0, le=1_000_000)
    """Berapa banyak."""
    satuan: Text = "unit"
    """Satuan: unit, buah, paket, ..."""


class LumbungSosial(Record):
    """Persediaan barang bantuan milik KSB (lumbung sosial)."""

    lokasi: Text
    """Tempat persediaan disimpan."""
    isi: list[Barang] = []
    """Barang apa saja yang ada dalam persediaan."""


class Kebutuhan(Record):
    """Sesuatu yang masih kurang di KSB: ditampilkan kepada mitra di /kebutuhan/."""

    barang: Text
    """Apa yang dibutuhkan."""
    jumlah: int | None = Field(default=None, ge=1, le=1_000_000)
    """Berapa banyak, jika diketahui."""
    satuan: Text = "unit"
    """Satuan untuk ``jumlah``."""
    prioritas: Literal["tinggi", "sedang", "rendah"] = "sedang"
    """Seberapa mendesak: tinggi, sedang, atau rendah."""
    keterangan: Text | None = None
    """Mengapa hal ini dibutuhkan."""


class Kegiatan(Record):
    """Satu simulasi, pelatihan, tanggap darurat, atau kegiatan lain."""

    tanggal: dt.date
    """Tanggal (YYYY-MM-DD); untuk kegiatan beberapa hari, tanggal mulainya."""
    sampai: dt.date | None = None
    """Tanggal selesai (YYYY-MM-DD), untuk kegiatan yang berlangsung beberapa hari."""
    jenis: Literal["simulasi", "pelatihan", "sosialisasi", "apel-siaga", "tanggap-darurat", "lainnya"]
    """Jenis kegiatan."""
    judul: Text
    """Apa yang terjadi, dalam beberapa kata."""
    keterangan: Text | None = None
    """Rinciannya."""
    sumber: list[Sumber] = []
    """Sumber berita atau laporan kegiatan ini. Di berkas data contoh, kegiatan tanpa sumber ditampilkan sebagai contoh."""

    @model_validator(mode="after")
    def _ends_after_start(self) -> Kegiatan:
        if self.sampai is not None and self.sampai < self.tanggal:
            raise PydanticCustomError(
                "ends_before_start",
                "sampai: {sampai} jatuh sebelum tanggal mulai {tanggal}",
                {"at": "sampai", "sampai": str(self.sampai), "tanggal": str(self.tanggal)},
            )
        return self


class Mitra(Record):
    """Organisasi mitra KSB."""

    nama: Text
    """Nama organisasi."""
    peran: Text | None = None
    """Apa yang dikerjakan mitra bersama KSB."""


class Pembentukan(Record):
    """Kapan dan oleh siapa KSB dibentuk, dikukuhkan atau ditetapkan, menurut sumber publik."""

    tanggal: PastDate | None = None
    """Tanggal pembentukan (YYYY-MM-DD), bila sumber menyebutnya."""
    tahun: int | None = Field(default=None, ge=2008, le=2100)
    """Tahunnya saja, bila sumber tidak menyebut tanggal."""
    oleh: Literal["kemensos", "dinsos-provinsi", "dinsos-kabkota", "pemerintah-kabkota", "lainnya"]
    """Siapa yang membentuk: kemensos, dinsos-provinsi, dinsos-kabkota, pemerintah-kabkota (bupati atau wali kota) atau lainnya."""
    oleh_nama: Text | None = None
    """Nama lengkap pihak yang membentuk, bila perlu dirinci (wajib untuk ``oleh: lainnya``)."""
    keterangan: Text | None = None
    """Keterangan singkat, misalnya jumlah relawan yang dikukuhkan."""
    sumber: list[Sumber] = Field(min_length=1)
    """Sumber yang menyebut pembentukan ini."""

    @model_validator(mode="after")
    def _one_date_and_a_named_other(self, info: ValidationInfo) -> Pembentukan:
        _check_year(self.tahun, self.tanggal, info)
        if self.oleh == "lainnya" and self.oleh_nama is None:
            raise PydanticCustomError("other_unnamed", "oleh_nama: untuk 'oleh: lainnya' tuliskan siapa yang membentuk",
                                      {"at": "oleh"})
        return self

    @property
    def kapan(self) -> tuple[int, int, int] | None:
        """(year, month, day) of the formation, 0 where not known."""
        return _when(self.tanggal, self.tahun)


class Perbedaan(Record):
    """Hal yang disebut berbeda oleh sumber-sumber (nama, tanggal, kecamatan): ditampilkan apa adanya."""

    tentang: Text
    """Apa yang berbeda, dalam beberapa kata, misalnya "Nama KSB"."""
    keterangan: Text
    """Apa kata masing-masing sumber."""
    sumber: list[Sumber] = Field(min_length=2)
    """Sumber-sumber yang berbeda itu, paling sedikit dua."""


class Ksb(Record):
    """Satu Kampung Siaga Bencana: satu berkas ``content/ksb/<wilayah>/<slug>.yml``. Sebagian besar KSB di Banten
    dibentuk per kecamatan, dengan anggota dari beberapa desa."""

    nama: Text
    """Nama KSB, misalnya "KSB Angsana", atau nama yang dipakai sumber, misalnya "KSB Karya Bakti"."""
    kecamatan: Text
    """Nama kecamatan, sesuai daftar resmi Kemendagri untuk kabupaten/kota folder ini."""
    desa: list[Text] = []
    """Desa atau kelurahan yang dicakup KSB, bila sumber menyebutnya (boleh kosong, satu, atau banyak), sesuai daftar resmi
    Kemendagri untuk kecamatan itu."""
    ancaman: list[Slug] = []
    """Kode ancaman bencana dari ``content/ancaman.yml`` yang disebut sumber untuk wilayah KSB ini."""
    posko: Posko | None = None
    """Kontak posko, bila posko itu setuju nomornya dimuat. Bila kosong, halaman KSB mengarahkan pembaca ke
    Dinas Sosial kabupaten/kotanya dan ke nomor darurat."""
    pengurus: list[Pengurus] = []
    """Anggota pengurus yang setuju dimuat, dengan tanggal persetujuannya; semuanya ditampilkan di situs."""
    lokasi: Lokasi | None = None
    """Koordinat posko. Bila kosong, KSB ditempatkan di titik tengah kecamatannya (daftar resmi) dan ditandai perkiraan."""
    relawan: int | None = Field(default=None, ge=0, le=100_000)
    """Jumlah relawan, bila sumber menyebutnya."""
    dibentuk: Pembentukan | None = None
    """Kapan dan oleh siapa KSB dibentuk, dengan sumbernya."""
    dasar_hukum: Text | None = None
    """Surat keputusan yang menetapkan KSB (nomor dan tanggalnya)."""
    lumbung_sosial: LumbungSosial | None = None
    """Persediaan barang bantuan."""
    titik_kumpul: list[TitikKumpul] = []
    """Daftar titik kumpul."""
    jalur_evakuasi: Text | None = None
    """Jalur evakuasi, dijelaskan dengan kata-kata."""
    logistik: Text | None = None
    """Keadaan logistik secara umum, dijelaskan dengan kata-kata (apa yang kurang, apa yang rusak)."""
    kebutuhan: list[Kebutuhan] = []
    """Hal-hal yang masih kurang di KSB, dicantumkan untuk mitra."""
    kegiatan: list[Kegiatan] = []
    """Simulasi, pelatihan, dan tanggap darurat, beserta tanggalnya."""
    mitra: list[Mitra] = []
    """Organisasi mitra."""
    perbedaan: list[Perbedaan] = []
    """Hal yang disebut berbeda oleh sumber-sumber, ditampilkan dengan kedua sumbernya."""
    sumber: list[Sumber] = []
    """Sumber publik yang menyebut KSB ini. Wajib untuk KSB sungguhan: yang terbaru ditampilkan sebagai
    "terakhir disebut dalam sumber publik"."""
    diperbarui: PastDate | None = None
    """Tanggal terakhir berkas ini diperiksa (YYYY-MM-DD)."""
    contoh: bool = False
    """Isi true untuk data contoh (hanya di data uji): halamannya menyatakan dengan jelas bahwa isinya hanya contoh, dan nomornya
    tidak pernah dijadikan tautan telepon, WhatsApp, kontak vCard atau isi berkas data."""

    @field_validator("desa", mode="before")
    @classmethod
    def _one_desa_is_a_list(cls, value: object) -> object:
        # One village may be written without a list; a number is kept, to be refused as "not text" at that value.
        return [value] if isinstance(value, (str, int, float)) else value

    @model_validator(mode="after")
    def _real_ksb_has_a_source(self) -> Ksb:
        if not self.contoh and not self.sumber:
            raise PydanticCustomError("ksb_unsourced", "sumber: KSB sungguhan perlu paling sedikit satu sumber publik yang "
                                      "menyebutnya (judul, penerbit, tanggal atau tahun, alamat web)", {"at": "sumber"})
        return self

    @model_validator(mode="after")
    def _last_mention_not_before_formation(self) -> Ksb:
        formed, last = (self.dibentuk.kapan if self.dibentuk else None), self.terakhir_disebut
        if formed is not None and last is not None and _earlier(last, formed):
            raise PydanticCustomError(
                "mentioned_before_formed",
                "dibentuk: tanggal pembentukan ({formed}) jatuh sesudah sumber terbaru yang menyebut KSB ini ({last}); "
                "periksa tanggalnya, atau tambahkan sumber yang menyebut pembentukan itu",
                {"at": "dibentuk", "formed": _shown(formed), "last": _shown(last)})
        return self

    @property
    def semua_sumber(self) -> list[Sumber]:
        """Every source this file cites, wherever: the KSB's own, its formation's, its activities', its conflicts'."""
        found = [*self.sumber, *(self.dibentuk.sumber if self.dibentuk else [])]
        for item in [*self.kegiatan, *self.perbedaan]:
            found += item.sumber
        return found

    @property
    def terakhir_disebut(self) -> tuple[int, int, int] | None:
        """(year, month, day) of the newest dated source that mentions this KSB, 0 where not known."""
        return max((when for source in self.semua_sumber if (when := source.kapan) is not None), default=None)

    @model_validator(mode="after")
    def _sample_states_no_unsourced_fact(self) -> Ksb:
        """A sample page is named after a real place: a founding year or decree there reads as a fact about
        the real KSB, so it may stand only with a source."""
        if self.contoh and not self.sumber:
            for field in ("dibentuk", "dasar_hukum"):
                if getattr(self, field) is not None:
                    raise PydanticCustomError(
                        "sample_fact_unsourced",
                        "{field}: data contoh tidak boleh memuat fakta tentang KSB sungguhan tanpa sumber; "
                        "hapus kolom ini atau cantumkan sumbernya di 'sumber'",
                        {"at": field, "field": field},
                    )
        return self

    @field_validator("ancaman")
    @classmethod
    def _known_hazards(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        for index, hazard in enumerate(ids):
            _check_hazard(hazard, info, at=str(index))
        return list(dict.fromkeys(ids))


# --- contacts ------------------------------------------------------------------------------


class Organisasi(Record):
    """Satu lembaga atau narahubung media (kontak untuk wartawan) (``content/kontak/organisasi.yml``)."""

    id: Slug
    """Kode pengenal singkat, misalnya dinsos-banten."""
    nama: Text
    """Nama lengkap."""
    jenis: Literal["pemerintah", "bumn", "relawan", "kemanusiaan", "media", "swasta", "forum"]
    """Jenis organisasi (bumn: badan usaha milik negara, misalnya PLN)."""
    peran: Text
    """Apa yang dikerjakannya dalam kesiapsiagaan dan tanggap darurat bencana, sesuai sumbernya."""
    wilayah: list[Slug] = []
    """Slug wilayah tempat organisasi ini bekerja; jika kosong berarti seluruh provinsi."""
    telepon: Phone | None = None
    """Nomor telepon kantor atau meja layanan yang diumumkan lembaga itu sendiri (bukan nomor pribadi)."""
    email: Email | None = None
    """Alamat e-mail kantor yang diumumkan lembaga itu sendiri."""
    situs: Url | None = None
    """Alamat situs web resmi."""
    media_sosial: list[Url] = []
    """Akun media sosial resmi lembaga, sebagai alamat web lengkap."""
    alamat: Text | None = None
    """Alamat kantor, bila diumumkan."""
    sumber_kontak: list[SumberTerperiksa] = []
    """Tempat telepon, e-mail, situs, akun media sosial atau alamat di atas diumumkan, dengan tahunnya. Wajib bila salah satunya diisi."""
    cara_menghubungi: Text | None = None
    """Bila belum ada telepon atau e-mail yang terverifikasi: katakan terus terang, dan tuliskan cara lain menghubungi
    lembaga ini (situsnya, kantornya, atau lewat lembaga lain). Wajib dalam keadaan itu."""
    untuk_media: bool = False
    """Isi true jika ini kontak yang sebaiknya dihubungi wartawan."""
    sumber: list[SumberTerperiksa] = Field(min_length=1)
    """Sumber keterangan tentang peran lembaga ini."""
    contoh: bool = False
    """Isi true untuk data contoh: nomornya tidak pernah dijadikan tautan atau kontak vCard."""

    @property
    def saluran(self) -> bool:
        """True when the organisation has at least one published way to reach it."""
        return bool(self.telepon or self.email or self.situs or self.media_sosial or self.alamat)

    @property
    def bisa_dihubungi_langsung(self) -> bool:
        """True when a phone number or an e-mail address is published: what a journalist needs first."""
        return bool(self.telepon or self.email)

    @model_validator(mode="after")
    def _reachable_with_source(self) -> Organisasi:
        if self.saluran and not self.sumber_kontak and not self.contoh:
            raise PydanticCustomError(
                "channel_unsourced",
                "sumber_kontak: telepon, e-mail, situs, media sosial atau alamat perlu sumber (di mana lembaga itu mengumumkannya)",
                {"at": "sumber_kontak"},
            )
        if not self.bisa_dihubungi_langsung and self.cara_menghubungi is None:
            raise PydanticCustomError(
                "unreachable",
                "cara_menghubungi: lembaga tanpa telepon atau e-mail terverifikasi perlu keterangan "
                "bahwa keduanya belum ditemukan, dan cara lain menghubunginya",
                {"at": "cara_menghubungi"},
            )
        return self


class NomorDarurat(Record):
    """Satu nomor layanan darurat (``content/kontak/darurat.yml``)."""

    nomor: EmergencyNumber
    """Nomor pendeknya, misalnya 112."""
    nama: Text
    """Nama layanan."""
    untuk: Text
    """Kapan nomor ini perlu dihubungi, dalam satu kalimat."""
    dikelola: Text
    """Siapa yang menjalankan layanan ini, misalnya "Polri" atau "pemerintah kabupaten/kota masing-masing"."""
    bebas_pulsa: bool = False
    """Isi true hanya bila sumber menyatakan panggilan ke nomor ini gratis; halaman tidak menjanjikan
    gratis untuk nomor lain."""
    whatsapp: Phone | None = None
    """Nomor WhatsApp resmi layanan ini, jika diumumkan (misalnya SAPA 129)."""
    pakai_kode_area: bool = False
    """Isi true bila dari ponsel nomor ini harus didahului kode area (PLN 123: 0254 123 di Serang). Nomor seperti
    ini tidak menjadi tombol di layar pertama; halaman Nomor darurat menampilkan tombol per kode area."""
    kode_area: dict[Slug, AreaCode] = {}
    """Untuk nomor dengan ``pakai_kode_area``: kode area telepon per wilayah yang sudah dipastikan sumbernya (sumber
    itu dicantumkan di ``sumber`` nomor ini), misalnya {kab-serang: "0254"}. Wilayah lain tampil "belum dipastikan"."""
    tombol_cepat: bool = True
    """Isi false agar nomor ini tidak menjadi tombol telepon di layar pertama halaman, misalnya layanan yang
    dilaporkan tidak berfungsi; nomor ini tetap dijelaskan di halaman Nomor darurat."""
    wilayah_terkonfirmasi: list[Slug] | None = None
    """Untuk nomor yang dikelola pemerintah daerah (112): slug wilayah tempat nomor ini sudah dipastikan berfungsi."""
    bila_tidak_tersambung: list[EmergencyNumber] = []
    """Untuk nomor yang belum terkonfirmasi di semua wilayah (112): nomor yang dihubungi langsung bila nomor ini
    tidak tersambung, misalnya ["110", "113", "119"]. Ditampilkan di samping setiap tombol nomor ini."""
    catatan: Text | None = None
    """Hal yang perlu diketahui pembaca, misalnya nomor lama yang sering tertukar."""
    sumber: list[SumberTerperiksa] = Field(min_length=1)
    """Tempat nomor ini diumumkan, dengan penerbit dan tahunnya."""


class HitunganKsb(Record):
    """Satu jumlah KSB yang diumumkan pihak resmi (``content/hitungan-ksb.yml``), ditampilkan di /ksb/ di samping
    jumlah KSB yang dimuat situs ini, supaya selisihnya terlihat."""

    tanggal: PastDate | None = None
    """Tanggal pernyataan (YYYY-MM-DD), bila diketahui."""
    tahun: int = Field(ge=2008, le=2100)
    """Tahun pernyataan."""
    wilayah: Slug | None = None
    """Slug kabupaten/kota bila jumlah ini hanya untuk satu wilayah; kosong untuk seluruh provinsi."""
    jumlah: int = Field(ge=0, le=100_000)
    """Jumlah KSB yang disebut."""
    rincian: dict[Slug, int] = {}
    """Jumlah per kabupaten/kota, bila disebut (slug wilayah: jumlah)."""
    oleh: Text
    """Siapa yang menyebut jumlah ini (jabatan atau lembaga, bukan nama pribadi)."""
    catatan: Text | None = None
    """Hal yang perlu diketahui pembaca, misalnya rincian yang tidak sama dengan jumlahnya."""
    sumber: list[SumberTerperiksa] = Field(min_length=1)
    """Tempat jumlah ini diumumkan."""


class HitunganFile(Record):
    """Berkas ``content/hitungan-ksb.yml``."""

    hitungan: list[HitunganKsb] = []
    """Jumlah KSB menurut pihak resmi, dari yang terlama."""


# --- FGD -----------------------------------------------------------------------------------


class Peserta(Record):
    """Siapa saja yang mengikuti FGD."""

    jumlah: int = Field(ge=1, le=100_000)
    """Jumlah peserta."""
    keterangan: Text
    """Siapa mereka, misalnya "pengurus KSB"."""
    wilayah: list[Slug] = []
    """Slug wilayah asal para peserta."""


class Pokok(Record):
    """Satu pendapat yang disampaikan dalam FGD, ditulis ulang dengan kata-kata sendiri dan disertai nama penyampainya."""

    oleh: Text
    """Siapa yang menyampaikan: jabatan dan nama seperti tertulis di sumber."""
    isi: Text
    """Isi pendapat, ditulis ulang dengan kata-kata kita sendiri."""


class Rekomendasi(Record):
    """Satu rekomendasi: hanya yang benar-benar diputuskan oleh FGD."""

    isi: Text
    """Isi rekomendasi."""
    status: Literal["disepakati", "usulan"]
    """disepakati (sudah disetujui FGD) atau usulan (baru diusulkan, belum disepakati)."""


class TindakLanjut(Record):
    """Satu tindak lanjut, dengan penanggung jawab, tenggat, dan status."""

    id: Slug
    """Kode pengenal tetap, unik dalam satu FGD, misalnya jaringan-media. Jangan diubah setelah terbit:
    kalender pelanggan mengenali tindak lanjut dari kode ini, bukan dari urutan atau kata-katanya."""
    aksi: Text
    """Apa yang harus dikerjakan."""
    penanggung_jawab: Text | None = None
    """Siapa yang bertanggung jawab (organisasi atau jabatan), hanya bila pihak itu sudah menyetujuinya.
    Wajib untuk status disepakati, berjalan dan selesai."""
    tenggat: dt.date | None = None
    """Batas waktu penyelesaian (YYYY-MM-DD)."""
    status: Literal["usulan", "disepakati", "berjalan", "selesai", "batal"]
    """usulan (baru usulan, belum dipastikan), disepakati, berjalan, selesai, atau batal."""
    catatan: Text | None = None
    """Catatan perkembangan."""

    @model_validator(mode="after")
    def _someone_answers_for_agreed_actions(self) -> TindakLanjut:
        if self.penanggung_jawab is None and self.status in ("disepakati", "berjalan", "selesai"):
            raise PydanticCustomError(
                "owner_missing",
                "penanggung_jawab: tindak lanjut berstatus {status} perlu penanggung jawab",
                {"at": "penanggung_jawab", "status": self.status},
            )
        return self


class Fgd(Record):
    """Satu diskusi kelompok terarah (FGD): bagian front matter berkas ``content/fgd/<YYYY-MM-DD>-<slug>.md``."""

    judul: Text
    """Judul."""
    tanggal: PastDate
    """Tanggal pelaksanaan (YYYY-MM-DD); harus sama dengan tanggal di nama berkas."""
    tempat: Text
    """Tempat."""
    penyelenggara: Text
    """Penyelenggara."""
    peserta: Peserta
    """Peserta."""
    tujuan: list[Text] = []
    """Tujuan FGD."""
    pokok: list[Pokok] = []
    """Pendapat yang disampaikan, beserta nama penyampainya."""
    rekomendasi: list[Rekomendasi] = []
    """Rekomendasi. Biarkan kosong jika sumber tidak mencantumkannya: jangan pernah mengarangnya."""
    tindak_lanjut: list[TindakLanjut] = []
    """Daftar tindak lanjut."""
    sumber: list[Sumber] = Field(min_length=1)
    """Sumber catatan ini."""
    diperbarui: PastDate | None = None
    """Tanggal terakhir catatan ini diubah, misalnya saat status tindak lanjut diperbarui (YYYY-MM-DD).
    Feed situs memberi tahu pembaca bahwa catatan ini berubah."""

    @model_validator(mode="after")
    def _updated_after_meeting(self) -> Fgd:
        if self.diperbarui is not None and self.diperbarui < self.tanggal:
            raise PydanticCustomError(
                "updated_before_meeting",
                "diperbarui: {diperbarui} jatuh sebelum tanggal FGD {tanggal}",
                {"at": "diperbarui", "diperbarui": str(self.diperbarui), "tanggal": str(self.tanggal)},
            )
        return self

    @model_validator(mode="after")
    def _action_ids_unique(self) -> Fgd:
        seen: set[str] = set()
        for index, action in enumerate(self.tindak_lanjut):
            if action.id in seen:
                raise PydanticCustomError(
                    "duplicate_action_id",
                    "id: '{id}' sudah dipakai tindak lanjut lain di FGD ini",
                    {"at": f"tindak_lanjut.{index}.id", "id": action.id},
                )
            seen.add(action.id)
        return self

    @model_validator(mode="after")
    def _due_after_meeting(self) -> Fgd:
        for index, action in enumerate(self.tindak_lanjut):
            if action.tenggat is not None and action.tenggat < self.tanggal:
                raise PydanticCustomError(
                    "due_before_meeting",
                    "tenggat: {tenggat} jatuh sebelum tanggal FGD {tanggal}",
                    {"at": f"tindak_lanjut.{index}.tenggat", "tenggat": str(action.tenggat), "tanggal": str(self.tanggal)},
                )
        return self


# --- guides --------------------------------------------------------------------------------


class Panduan(Record):
    """Satu panduan kesiapsiagaan: bagian front matter berkas ``content/panduan/<slug>.md``."""

    judul: Text
    """Judul."""
    tindakan: Text | None = None
    """Satu perintah yang jelas, dibaca pertama kali di layar ponsel sebelum tombol telepon, misalnya "Di pantai
    dan gempa terasa kuat atau lama: segera pergi ke tempat tinggi". Wajib untuk panduan yang punya ``ancaman``."""
    ringkasan: Text
    """Satu atau dua kalimat yang ditampilkan di daftar."""
    urutan: int = 100
    """Urutan dalam daftar panduan (angka lebih kecil tampil lebih dulu)."""
    ancaman: Slug | None = None
    """Ancaman bencana yang dibahas panduan ini; halaman depan menampilkan langkah ``segera`` dari panduan ini."""
    segera: list[Text] = []
    """Paling banyak empat langkah singkat untuk "apa yang harus dilakukan sekarang", ditampilkan di atas panduan."""
    nomor: list[EmergencyNumber] = []
    """Nomor darurat yang paling penting untuk ancaman ini (dari ``content/kontak/darurat.yml``), ditampilkan
    sebagai tombol telepon di bagian atas panduan, misalnya ["112", "115"]."""
    sumber: list[SumberTerperiksa] = Field(min_length=1)
    """Pedoman yang isinya ditulis ulang dengan kata-kata sendiri di halaman ini."""
    ditinjau: Tinjauan
    """Peninjauan terakhir: tanggal, oleh siapa, dan catatannya."""
    tampilkan_nomor_darurat: bool = False
    """Isi true untuk menambahkan daftar nomor darurat (dari ``content/kontak/darurat.yml``) di akhir panduan,
    misalnya pada rencana keluarga yang dicetak; daftarnya selalu sama dengan halaman Nomor darurat."""

    @field_validator("ancaman")
    @classmethod
    def _known_hazard(cls, hazard: str | None, info: ValidationInfo) -> str | None:
        if hazard is not None:
            _check_hazard(hazard, info, at="")
        return hazard

    @model_validator(mode="after")
    def _hazard_guide_leads_to_action(self) -> Panduan:
        if self.ancaman and not self.tindakan:
            raise PydanticCustomError(
                "guide_without_action", "tindakan: panduan untuk satu ancaman perlu satu perintah yang jelas di layar "
                "pertama ponsel, misalnya tindakan: Segera pergi ke tempat tinggi, jangan menunggu sirene.", {"at": "ancaman"})
        return self

    @field_validator("segera")
    @classmethod
    def _short_list(cls, steps: list[str]) -> list[str]:
        if len(steps) > 4:
            raise ValueError(f"paling banyak 4 langkah segera (ada {len(steps)}): layar pertama ponsel harus singkat")
        return steps


# --- situation reports ---------------------------------------------------------------------

Count = Annotated[int, Field(ge=0, le=1_000_000)]
Moment = Annotated[dt.datetime, AfterValidator(reports.in_banten)]


def _refuse(kind: str, message: str, at: object = None) -> PydanticCustomError:
    """A check of ours whose message may quote typed text: braces are not read as template fields."""
    text = message.replace("{", "(").replace("}", ")")
    return PydanticCustomError(kind, text, {"at": at}) if at is not None else PydanticCustomError(kind, text)


def _publishable(value: str) -> str:
    if problem := reports.personal_data(value):
        raise _refuse("personal_data", problem)
    return value


PublicText = Annotated[Text, AfterValidator(_publishable)]


def _shelter(value: str) -> str:
    if problem := reports.shelter_problem(value) or reports.personal_data(value):
        raise _refuse("not_public_place", problem)
    return value


def _village_level(value: str) -> str:
    if problem := reports.place_problem(value) or reports.personal_data(value):
        raise _refuse("too_precise", problem)
    return value


def _known_need(value: str) -> str:
    if value not in reports.NEEDS:
        raise _refuse("unknown_need", f"{value!r} tidak dikenal" + reports.suggestion(value, list(reports.NEEDS)))
    return value


class RumahRusak(Record):
    """Jumlah rumah rusak menurut tingkatnya. Kosong berarti belum diketahui, bukan nol."""

    ringan: Count | None = None
    """Rumah rusak ringan."""
    sedang: Count | None = None
    """Rumah rusak sedang."""
    berat: Count | None = None
    """Rumah rusak berat."""


class Rentan(Record):
    """Jumlah warga rentan di antara yang terdampak. Kosong berarti belum diketahui."""

    lansia: Count | None = None
    """Lanjut usia."""
    balita: Count | None = None
    """Anak di bawah lima tahun."""
    ibu_hamil: Count | None = None
    """Ibu hamil."""
    disabilitas: Count | None = None
    """Penyandang disabilitas."""


class PerubahanStatus(Record):
    """Satu langkah verifikasi laporan."""

    status: Literal["belum-diverifikasi", "dikonfirmasi-posko", "sesuai-rilis-resmi", "dikoreksi", "dicabut"]
    """belum-diverifikasi, dikonfirmasi-posko, sesuai-rilis-resmi; atau dikoreksi (ada laporan pengganti) dan dicabut
    (tidak dapat dipertanggungjawabkan). Hanya boleh maju: langkah baru ditambahkan di bawah, yang lama tidak diubah."""
    waktu: Moment
    """Kapan status ini ditetapkan (WIB)."""
    catatan: PublicText | None = None
    """Alasannya, singkat. Wajib untuk dikoreksi dan dicabut."""


class Laporan(Record):
    """Laporan situasi dari posko KSB (``content/laporan/<tahun>/<YYYY-MM-DD-HHMM>-<ksb>.yml``), dibuat dengan
    ``make laporan`` dari pesan WhatsApp berformat tetap. Pesan aslinya dan nomor pengirimnya tidak pernah disimpan."""

    ksb: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$")]
    """KSB pelapor: folder wilayah dan nama berkasnya, misalnya kab-pandeglang/angsana."""
    ancaman: Slug
    """Jenis kejadian, kode dari ``content/ancaman.yml``."""
    waktu_kejadian: Moment
    """Kapan kejadian mulai (WIB)."""
    waktu_laporan: Moment
    """Kapan laporan diterima (WIB); tidak boleh sebelum kejadian atau sesudah saat ini."""
    lokasi: Annotated[Text, AfterValidator(_village_level)]
    """Desa/kelurahan kejadian di wilayah KSB itu, misalnya "Desa Angsana, Kec. Angsana". Paling rinci sampai desa."""
    ringkasan: PublicText
    """Ringkasan keadaan dalam satu atau dua kalimat, tanpa nama orang."""
    terdampak_kk: Count | None = None
    """Jumlah kepala keluarga terdampak. Kosong berarti belum diketahui."""
    mengungsi_jiwa: Count | None = None
    """Jumlah warga yang mengungsi. Kosong berarti belum diketahui."""
    rumah_rusak: RumahRusak | None = None
    """Rumah rusak ringan, sedang, berat."""
    pengungsian: list[Annotated[Text, AfterValidator(_shelter)]] = []
    """Tempat pengungsian; hanya tempat umum (balai, masjid, sekolah, tenda), tidak pernah rumah."""
    kebutuhan: list[Annotated[str, AfterValidator(_known_need)]] = []
    """Kebutuhan mendesak, kode dari daftar tetap: air-bersih, air-minum, makanan, makanan-bayi, selimut, tikar,
    kasur, terpal, tenda, pakaian, perlengkapan-bayi, perlengkapan-perempuan, perlengkapan-kebersihan, obat-
    obatan, layanan-kesehatan, dapur-umum, penerangan, genset, perahu, jamban-darurat, alat-kebersihan."""
    rentan: Rentan | None = None
    """Warga rentan: lansia, balita, ibu hamil, penyandang disabilitas (jumlah)."""
    pelapor: Text
    """Peran pelapor di KSB, misalnya "Sekretaris KSB". Tidak pernah nama orang."""
    status: list[PerubahanStatus] = Field(min_length=1)
    """Riwayat verifikasi, terlama di atas; yang terakhir berlaku."""
    berlaku_sampai: Moment
    """Sampai kapan laporan ini menggambarkan keadaan KSB (WIB). Sesudahnya halaman KSB menyebut belum ada kabar baru."""
    menggantikan: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}/[a-z0-9-]+$")] | None = None
    """Laporan yang dikoreksi oleh laporan ini: tahun/nama berkasnya, misalnya 2025/2025-11-03-0430-angsana."""
    rilis_resmi: Url | None = None
    """Alamat rilis resmi BPBD atau BNPB tentang kejadian ini. Wajib bila ada jumlah meninggal, hilang atau luka."""
    meninggal: Count | None = None
    """Korban meninggal, hanya menurut rilis resmi."""
    hilang: Count | None = None
    """Korban hilang, hanya menurut rilis resmi."""
    luka: Count | None = None
    """Korban luka, hanya menurut rilis resmi."""

    @field_validator("ancaman")
    @classmethod
    def _known_hazard(cls, hazard: str, info: ValidationInfo) -> str:
        _check_hazard(hazard, info, "ancaman")
        return hazard

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> Laporan:
        now = (info.context or {}).get("sekarang") or dt.datetime.now(reports.BANTEN)
        if self.waktu_laporan > now:
            raise _refuse("report_future", f"waktu_laporan: {reports.waktu(self.waktu_laporan)} belum terjadi", "waktu_laporan")
        if self.waktu_kejadian > self.waktu_laporan:
            raise _refuse("event_after_report", f"waktu_kejadian: {reports.waktu(self.waktu_kejadian)} sesudah waktu laporan "
                          f"({reports.waktu(self.waktu_laporan)})", "waktu_kejadian")
        if self.berlaku_sampai <= self.waktu_laporan:
            raise _refuse("expiry_before_report", "berlaku_sampai: harus sesudah waktu_laporan", "berlaku_sampai")
        casualties = [name for name in ("meninggal", "hilang", "luka") if getattr(self, name) is not None]
        if casualties and not reports.official_release(self.rilis_resmi):
            raise _refuse("casualties_unofficial", f"{casualties[0]}: {reports.CASUALTIES_RULE}", casualties[0])
        if problem := reports.role_problem(self.pelapor, set(self.ksb.split("/")[1].split("-"))):
            raise _refuse("reporter_named", "pelapor: " + problem, "pelapor")
        self._forward_only()
        return self

    def _forward_only(self) -> None:
        for index, (before, after) in enumerate(zip(self.status, self.status[1:], strict=False), start=1):
            if before.status in reports.ENDED:
                message = f"status: sesudah {before.status} tidak ada langkah lagi"
            elif after.status in reports.STATUS_ORDER and (
                    reports.STATUS_ORDER.index(after.status) <= reports.STATUS_ORDER.index(before.status)):
                message = f"status: {after.status} sesudah {before.status} berarti mundur; status hanya boleh maju"
            elif after.waktu < before.waktu:
                message = "status: waktu setiap langkah tidak boleh sebelum langkah sebelumnya"
            else:
                continue
            raise _refuse("status_backwards", message, f"status.{index}")
        for index, step in enumerate(self.status):
            if step.status in reports.ENDED and not step.catatan:
                raise _refuse("status_without_reason", f"status: {step.status} perlu catatan (alasannya, singkat)", f"status.{index}")
        if self.status[-1].status == "sesuai-rilis-resmi" and not reports.official_release(self.rilis_resmi):
            raise _refuse("official_without_release", "status: sesuai-rilis-resmi perlu rilis_resmi, alamat rilis BPBD atau BNPB",
                          f"status.{len(self.status) - 1}")

    @property
    def status_kini(self) -> str:
        """The status in force: the last step."""
        return self.status[-1].status


# --- files ---------------------------------------------------------------------------------


# The licences the site may publish under: SPDX ids, each with its name and its text's address. Open licences
# only (Open Definition conformant), so a partner knows at a glance what reuse is allowed.
LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": ("Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)", "https://creativecommons.org/licenses/by/4.0/deed.id"),
    "CC-BY-SA-4.0": ("Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional (CC BY-SA 4.0)",
                     "https://creativecommons.org/licenses/by-sa/4.0/deed.id"),
    "CC0-1.0": ("CC0 1.0 Universal: dedikasi ke domain publik (CC0)", "https://creativecommons.org/publicdomain/zero/1.0/deed.id"),
    "ODbL-1.0": ("Open Database License 1.0 (ODbL)", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution License 1.0 (ODC-By)", "https://opendatacommons.org/licenses/by/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication and License 1.0 (PDDL)", "https://opendatacommons.org/licenses/pddl/1-0/"),
}


def _known_licence(value: str) -> str:
    if value not in LICENCES:
        # "CC BY 4.0" as a licence's badge writes it is CC-BY-4.0 in SPDX: suggest the id the maintainer meant.
        written = "-".join(value.replace("_", " ").split()).lower()
        meant = next((known for known in LICENCES if known.lower() == written), None)
        meant = meant or next(iter(difflib.get_close_matches(written, [known.lower() for known in LICENCES], n=1)), None)
        hint = f"maksud Anda {next(k for k in LICENCES if k.lower() == meant.lower())}? " if meant else ""
        raise PydanticCustomError("unknown_licence", "lisensi {value} tidak dikenal: {hint}pilih salah satu kode ini: {known}",
                                  {"value": repr(value), "hint": hint, "known": ", ".join(LICENCES)})
    return value


Licence = Annotated[str, AfterValidator(_known_licence)]
HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https://[^\s<>\"/]+(/[^\s<>\"]*)?$")]


class KontakPenerbit(Record):
    """Kontak resmi penerbit situs: ke mana warga, wartawan dan mitra menyampaikan koreksi dan pertanyaan."""

    email: Email | None = None
    """Alamat e-mail kantor penerbit, yang diumumkan penerbit itu sendiri (bukan alamat pribadi)."""
    telepon: Phone | None = None
    """Nomor telepon kantor penerbit, yang diumumkan penerbit itu sendiri (bukan nomor pribadi)."""
    sumber: list[SumberTerperiksa] = []
    """Tempat penerbit mengumumkan kontak ini. Wajib bila e-mail atau telepon diisi."""

    @model_validator(mode="after")
    def _sourced(self) -> KontakPenerbit:
        if (self.email or self.telepon) and not self.sumber:
            raise PydanticCustomError("contact_unsourced", "sumber: e-mail atau telepon penerbit perlu sumber (di mana penerbit "
                                      "mengumumkannya)", {"at": "sumber"})
        return self


class Situs(Record):
    """Berkas ``content/situs.yml``: siapa yang menerbitkan situs ini, kontak resminya, lisensinya dan alamat-alamatnya.
    Dibaca oleh kaki setiap halaman, halaman Tentang, feed, vCard, paket data dan tautan "Perbaiki data ini". Selama
    sebuah kolom belum diputuskan, biarkan kosong: situs menyebutnya belum dikonfirmasi atau belum ditetapkan."""

    penerbit: Text | None = None
    """Lembaga yang menerbitkan dan bertanggung jawab atas situs ini, misalnya "Dinas Sosial Provinsi Banten". Isi hanya
    setelah lembaga itu menyetujuinya secara resmi."""
    kontak: KontakPenerbit | None = None
    """Kontak resmi penerbit."""
    lisensi_data: Licence | None = None
    """Lisensi berkas data (CSV, JSON, GeoJSON, XLSX, vCard, iCalendar), dengan kode SPDX: CC-BY-4.0, CC-BY-SA-4.0,
    CC0-1.0, ODbL-1.0, ODC-By-1.0 atau PDDL-1.0."""
    lisensi_konten: Licence | None = None
    """Lisensi teks halaman (panduan, catatan FGD), dengan kode SPDX yang sama."""
    alamat_situs: HttpsUrl | None = None
    """Alamat publik situs, diawali https://. Kode QR, feed dan vCard memakainya. Variabel SIAGA_SITE_URL, bila diisi
    (misalnya oleh GitHub Actions), didahulukan."""
    alamat_repositori: HttpsUrl | None = None
    """Alamat repositori konten di GitHub atau GitLab, diawali https://, misalnya https://github.com/organisasi/siaga-banten.
    Tautan "Perbaiki data ini" membuka berkas di penyunting repositori ini."""
    sumber: list[SumberTerperiksa] = []
    """Keputusan atau pengumuman yang menetapkan penerbit dan lisensi. Wajib bila penerbit atau lisensi diisi."""

    @model_validator(mode="after")
    def _decided_with_source(self) -> Situs:
        if (self.penerbit or self.lisensi_data or self.lisensi_konten) and not self.sumber:
            raise PydanticCustomError("publisher_unsourced", "sumber: penerbit dan lisensi perlu sumber (keputusan atau pengumuman "
                                      "yang menetapkannya)", {"at": "sumber"})
        return self

    def lisensi(self, field: str) -> tuple[str, str] | None:
        """(name, address) of ``lisensi_data`` or ``lisensi_konten``; None while it is undecided."""
        value = getattr(self, field)
        return LICENCES[value] if value else None


class WilayahFile(Record):
    """Berkas ``content/wilayah.yml``."""

    wilayah: list[Wilayah] = Field(min_length=1)
    """Kedelapan kabupaten/kota."""


class AncamanFile(Record):
    """Berkas ``content/ancaman.yml``."""

    ancaman: list[Ancaman] = Field(min_length=1)
    """Daftar baku ancaman bencana."""


class KontakFile(Record):
    """Satu berkas di dalam ``content/kontak/``."""

    organisasi: list[Organisasi] = []
    """Lembaga dan narahubung media."""
    nomor_darurat: list[NomorDarurat] = []
    """Nomor darurat nasional."""


@dataclass(frozen=True)
class Tempat:
    """Where a KSB is in the official list (Kemendagri): its codes, official names and the point it is shown at."""

    kode_kecamatan: str
    """Kemendagri code of its kecamatan, e.g. 36.01.07."""
    kecamatan: str
    """The kecamatan's official name."""
    desa: tuple[tuple[str, str, str], ...] = ()
    """(code, official name, "desa" or "kelurahan") of each village it covers, in the file's order."""
    titik: Lokasi | None = None
    """Where the KSB is shown on a map: its own ``lokasi`` if given, else its kecamatan's centre."""
    titik_perkiraan: bool = False
    """True when ``titik`` is the kecamatan's centre from the official list: approximate, and said so."""


@dataclass(frozen=True)
class Placed(Generic[RecordT]):
    """A validated record with what its file name and folder say about it."""

    record: RecordT
    """The validated front matter or YAML."""
    slug: str
    """File name without extension: the last part of the page address."""
    path: Path
    """The content file, as shown in messages."""
    wilayah: Wilayah | None = None
    """For a KSB: the region its folder names."""
    tempat: Tempat | None = None
    """For a KSB: its place in the official list of regions."""
    body: str = ""
    """For FGD and guides: the Markdown body."""
    kunci: str = ""
    """For a report: its id, ``<tahun>/<file name>``, which ``menggantikan`` names."""


@dataclass(frozen=True)
class Content:
    """Everything in ``content/``, validated: what the renderer receives."""

    wilayah: list[Wilayah]
    ancaman: list[Ancaman]
    ksb: list[Placed[Ksb]]
    organisasi: list[Organisasi]
    nomor_darurat: list[NomorDarurat]
    fgd: list[Placed[Fgd]]
    panduan: list[Placed[Panduan]]
    hitungan: list[HitunganKsb] = field(default_factory=list)
    """Official counts of KSB, oldest first."""
    laporan: list[Placed[Laporan]] = field(default_factory=list)
    """Situation reports from KSB posko, newest first; ``wilayah`` and ``tempat`` are their KSB's."""
    sekarang: dt.datetime | None = None
    """When the content was read (WIB): what a report's expiry is measured against at build time."""
    situs: Situs = field(default_factory=Situs)
    """Who publishes the site, its licences and addresses (``content/situs.yml``); empty fields are undecided."""
    peringatan: list[ContentError] = field(default_factory=list)
    """Problems that do not stop a build (a guide not reviewed for 12 months), as ``path:line:column: message``."""

    def ksb_by_region(self) -> dict[str, list[Placed[Ksb]]]:
        """The KSB of each region by its slug, regions in the order of ``wilayah``, KSB in the order of ``ksb``."""
        grouped: dict[str, list[Placed[Ksb]]] = {region.slug: [] for region in self.wilayah}
        for entry in self.ksb:
            if entry.wilayah and entry.wilayah.slug in grouped:
                grouped[entry.wilayah.slug].append(entry)
        return grouped

    def last_change(self) -> dt.date | None:
        """The newest date in the content: the build's timestamps (sitemap, feed) come from it, not the clock,
        so the same content always builds the same bytes."""
        days = [entry.record.diperbarui for entry in self.ksb if entry.record.diperbarui]
        days += [entry.record.diperbarui or entry.record.tanggal for entry in self.fgd]
        days += [entry.record.ditinjau.tanggal for entry in self.panduan]
        return max(days, default=None)
