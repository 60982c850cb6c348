"""The content model: one class per kind of content, every field documented.

The field docstrings are the maintainer's reference: ``python -m siaga skema`` prints
them and ``content/SKEMA.md`` is checked against that output by the tests.

Validation needs two facts from outside a single file, passed as pydantic context:
``ancaman`` (the hazard ids known in ``content/ancaman.yml``) and ``hari_ini`` (today's
date, so that tests can fix it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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

from . import phone

Phone = Annotated[str, AfterValidator(phone.normalise)]
EmergencyNumber = Annotated[str, AfterValidator(phone.normalise_emergency)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Url = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"]+$")]


class Record(BaseModel):
    """Base of every content class: unknown fields are errors, field docstrings are descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


def _today(info: ValidationInfo) -> dt.date:
    return (info.context or {}).get("hari_ini") or dt.date.today()


def _not_in_future(value: dt.date | None, info: ValidationInfo) -> dt.date | None:
    if value is not None and value > _today(info):
        raise ValueError(f"tanggal {value.isoformat()} belum terjadi (hari ini {_today(info).isoformat()})")
    return value


RecordT = TypeVar("RecordT", bound="Record")

PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]


def _check_hazard(hazard: str, info: ValidationInfo, at: str) -> None:
    """Hazard ids come from content/ancaman.yml; name them all when one is wrong."""
    known = (info.context or {}).get("ancaman")
    if known is not None and hazard not in known:
        raise PydanticCustomError(
            "unknown_hazard",
            "ancaman: {hazard!r} tidak dikenal (dikenal: {known})".replace("{hazard!r}", repr(hazard)),
            {"at": at, "known": ", ".join(sorted(known))},
        )


# --- shared pieces -------------------------------------------------------------------------


class Sumber(Record):
    """A published source for the facts on a page."""

    judul: Text
    """Title of the document or article, as published."""
    penerbit: Text
    """Who published it (BNPB, BMKG, Dinas Sosial Provinsi Banten, ...)."""
    tahun: int | None = Field(default=None, ge=1945, le=2100)
    """Year of publication, if known."""
    url: Url | None = None
    """Web address, only if it is known to be right; leave it out rather than guess."""


class Lokasi(Record):
    """A point in decimal degrees (WGS 84), inside Banten province."""

    lat: float = Field(ge=-7.2, le=-5.7)
    """Latitude, for example -6.3103 (Banten lies between about -7.1 and -5.8)."""
    lon: float = Field(ge=105.0, le=106.9)
    """Longitude, for example 105.8342 (Banten lies between about 105.1 and 106.8)."""


# --- vocabularies --------------------------------------------------------------------------


class Wilayah(Record):
    """One of the eight kabupaten/kota of Banten (``content/wilayah.yml``)."""

    kode: Annotated[str, StringConstraints(pattern=r"^36\.[0-9]{2}$")]
    """Kemendagri code, 36.01 to 36.74."""
    nama: Text
    """Official name, for example "Kabupaten Pandeglang"."""
    jenis: Literal["kabupaten", "kota"]
    """Kabupaten or kota."""
    slug: Slug
    """Folder name under ``content/ksb/`` and part of the web address, for example kab-pandeglang."""
    ancaman_utama: Text | None = None
    """Main hazards of the region in one sentence, shown on the region page."""
    sumber: list[Sumber] = []
    """Where the hazard sentence comes from."""


class Ancaman(Record):
    """A hazard in the vocabulary (``content/ancaman.yml``)."""

    id: Slug
    """The id used in KSB files, for example tanah-longsor."""
    nama: Text
    """Name shown on pages, for example "Tanah longsor"."""


# --- KSB -----------------------------------------------------------------------------------


class Pengurus(Record):
    """A board member. Published only with recorded consent."""

    nama: Text
    """Full name."""
    jabatan: Text
    """Role on the board: ketua, sekretaris, bendahara, seksi evakuasi, ..."""
    telepon: Phone | None = None
    """Personal phone number. Shown only when ``publik`` is true."""
    publik: bool = False
    """True only when the person agreed to have name and number on the site. Setting it back to
    false removes the person from every page and download on the next build."""
    persetujuan: PastDate | None = None
    """Date the consent to publish was recorded (YYYY-MM-DD). Required when ``publik`` is true."""

    @model_validator(mode="after")
    def _consent_recorded(self) -> Pengurus:
        if self.publik and self.persetujuan is None:
            raise PydanticCustomError(
                "consent_missing",
                "publik: true memerlukan 'persetujuan' (tanggal persetujuan dicatat, YYYY-MM-DD)",
                {"at": "publik"},
            )
        return self


class Posko(Record):
    """The KSB's command post: the role contact that is always public."""

    alamat: Text
    """Street address or a description a visitor can find."""
    telepon: Phone
    """Posko phone number (a role number, not a person's private number)."""
    whatsapp: bool = False
    """True if the posko number answers on WhatsApp."""
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None
    """Posko e-mail address, if any."""


class TitikKumpul(Record):
    """An assembly point."""

    nama: Text
    """Name of the place, for example "Lapangan desa"."""
    keterangan: Text | None = None
    """How to get there, capacity, what is there."""
    lokasi: Lokasi | None = None
    """Coordinates of the assembly point."""


class Barang(Record):
    """A stock item in the lumbung sosial."""

    barang: Text
    """What it is: tenda, kasur, genset, peralatan dapur umum, ..."""
    jumlah: int = Field(ge=0)
    """How many."""
    satuan: Text = "unit"
    """Unit: unit, buah, paket, ..."""


class LumbungSosial(Record):
    """The KSB's stock of relief supplies (lumbung sosial)."""

    lokasi: Text
    """Where the stock is kept."""
    isi: list[Barang] = []
    """What is in stock."""


class Kebutuhan(Record):
    """Something the KSB lacks: shown to partners on /kebutuhan/."""

    barang: Text
    """What is needed."""
    jumlah: int | None = Field(default=None, ge=1)
    """How many, if known."""
    satuan: Text = "unit"
    """Unit of ``jumlah``."""
    prioritas: Literal["tinggi", "sedang", "rendah"] = "sedang"
    """How urgent: tinggi, sedang or rendah."""
    keterangan: Text | None = None
    """Why it is needed."""


class Kegiatan(Record):
    """A drill, training, response or other activity."""

    tanggal: dt.date
    """Date (YYYY-MM-DD)."""
    jenis: Literal["simulasi", "pelatihan", "sosialisasi", "apel-siaga", "tanggap-darurat", "lainnya"]
    """Kind of activity."""
    judul: Text
    """What happened, in a few words."""
    keterangan: Text | None = None
    """Details."""


class Mitra(Record):
    """A partner organisation of the KSB."""

    nama: Text
    """Organisation name."""
    peran: Text | None = None
    """What the partner does with the KSB."""


class Ksb(Record):
    """A Kampung Siaga Bencana: one file ``content/ksb/<wilayah>/<slug>.yml``."""

    nama: Text
    """Name of the KSB, for example "KSB Desa Sukamaju"."""
    kecamatan: Text
    """Kecamatan (district)."""
    desa: Text
    """Desa or kelurahan."""
    ancaman: list[Slug] = Field(min_length=1)
    """Hazard ids from ``content/ancaman.yml``."""
    posko: Posko
    """The posko contact, always public."""
    pengurus: list[Pengurus] = []
    """Board members; only those with ``publik: true`` appear on the site."""
    lokasi: Lokasi | None = None
    """Coordinates of the posko or village centre."""
    relawan: int | None = Field(default=None, ge=0)
    """Number of volunteers."""
    berdiri: int | None = None
    """Year the KSB was formed."""
    dasar_hukum: Text | None = None
    """Decree that designated the KSB (number and date)."""
    lumbung_sosial: LumbungSosial | None = None
    """The stock of relief supplies."""
    titik_kumpul: list[TitikKumpul] = []
    """Assembly points."""
    jalur_evakuasi: Text | None = None
    """The evacuation route, described in words."""
    logistik: Text | None = None
    """Overall state of logistics, in words (what is short, what is broken)."""
    kebutuhan: list[Kebutuhan] = []
    """What the KSB lacks, listed for partners."""
    kegiatan: list[Kegiatan] = []
    """Drills, trainings and responses, with dates."""
    mitra: list[Mitra] = []
    """Partner organisations."""
    sumber: list[Sumber] = []
    """Where the facts about this KSB come from."""
    diperbarui: PastDate | None = None
    """Date this file was last checked (YYYY-MM-DD)."""
    contoh: bool = False
    """True for sample data: the page then says clearly that it is an example."""

    @field_validator("ancaman")
    @classmethod
    def _known_hazards(cls, ids: list[str], info: ValidationInfo) -> list[str]:
        for index, hazard in enumerate(ids):
            _check_hazard(hazard, info, at=str(index))
        return list(dict.fromkeys(ids))

    @field_validator("berdiri")
    @classmethod
    def _plausible_year(cls, year: int | None, info: ValidationInfo) -> int | None:
        if year is not None and not 2008 <= year <= _today(info).year:
            raise ValueError(f"tahun berdiri {year} tidak mungkin (KSB ada sejak 2008, paling lambat {_today(info).year})")
        return year

    @property
    def pengurus_publik(self) -> list[Pengurus]:
        """Board members who consented to be published: the only ones any page may show."""
        return [person for person in self.pengurus if person.publik]


# --- contacts ------------------------------------------------------------------------------


class Organisasi(Record):
    """An organisation or media desk (``content/kontak/organisasi.yml``)."""

    id: Slug
    """Short id, for example dinsos-banten."""
    nama: Text
    """Full name."""
    jenis: Literal["pemerintah", "relawan", "kemanusiaan", "media", "swasta", "forum"]
    """Kind of organisation."""
    peran: Text
    """What it does in disaster preparedness and response."""
    wilayah: list[Slug] = []
    """Region slugs it works in; empty means the whole province."""
    telepon: Phone | None = None
    """Desk phone number, only with a source."""
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None
    """Desk e-mail address."""
    situs: Url | None = None
    """Website."""
    untuk_media: bool = False
    """True if this is the contact journalists should use."""
    sumber: list[Sumber] = []
    """Where the contact details come from."""
    contoh: bool = False
    """True for sample data."""


class NomorDarurat(Record):
    """A national emergency number (``content/kontak/darurat.yml``)."""

    nomor: EmergencyNumber
    """The short number, for example 112."""
    nama: Text
    """Service name."""
    untuk: Text
    """When to call it, in one sentence."""
    wilayah_terkonfirmasi: list[Slug] | None = None
    """For numbers run by local governments (112): region slugs where it is confirmed to work."""
    sumber: list[Sumber] = Field(min_length=1)
    """Where this number is published."""


# --- FGD -----------------------------------------------------------------------------------


class Peserta(Record):
    """Who took part in an FGD."""

    jumlah: int = Field(ge=1)
    """Number of participants."""
    keterangan: Text
    """Who they were, for example "pengurus KSB"."""
    wilayah: list[Slug] = []
    """Region slugs the participants came from."""


class Pokok(Record):
    """A point made at the FGD, paraphrased and attributed."""

    oleh: Text
    """Who made the point: role and name as in the source."""
    isi: Text
    """The point, paraphrased in our own words."""


class Rekomendasi(Record):
    """A recommendation: only what the FGD actually decided."""

    isi: Text
    """The recommendation."""
    status: Literal["disepakati", "usulan"]
    """disepakati (agreed by the FGD) or usulan (proposed, not yet agreed)."""


class TindakLanjut(Record):
    """A follow-up action, with an owner, a due date and a status."""

    aksi: Text
    """What is to be done."""
    penanggung_jawab: Text
    """Who owns it (an organisation or role)."""
    tenggat: dt.date | None = None
    """Due date (YYYY-MM-DD)."""
    status: Literal["usulan", "disepakati", "berjalan", "selesai", "batal"]
    """usulan (proposal, not confirmed), disepakati, berjalan, selesai or batal."""
    catatan: Text | None = None
    """Progress notes."""


class Fgd(Record):
    """A focus group discussion: front matter of ``content/fgd/<YYYY-MM-DD>-<slug>.md``."""

    judul: Text
    """Title."""
    tanggal: PastDate
    """Date held (YYYY-MM-DD); must match the date in the file name."""
    tempat: Text
    """Place."""
    penyelenggara: Text
    """Organiser."""
    peserta: Peserta
    """Participants."""
    tujuan: list[Text] = []
    """Aims of the FGD."""
    pokok: list[Pokok] = []
    """Points made, attributed."""
    rekomendasi: list[Rekomendasi] = []
    """Recommendations. Leave empty when the source lists none: never invent them."""
    tindak_lanjut: list[TindakLanjut] = []
    """Follow-up actions."""
    sumber: list[Sumber] = Field(min_length=1)
    """Where the record comes from."""

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
    """A preparedness guide: front matter of ``content/panduan/<slug>.md``."""

    judul: Text
    """Title."""
    ringkasan: Text
    """One or two sentences shown in lists."""
    urutan: int = 100
    """Position in the list of guides (smaller first)."""
    ancaman: Slug | None = None
    """The hazard this guide is for; the home page shows its ``segera`` steps."""
    segera: list[Text] = []
    """Up to four short steps for "what to do now", shown on the home page."""
    sumber: list[Sumber] = Field(min_length=1)
    """Guidance this page paraphrases."""
    ditinjau: PastDate
    """Date of the last review (YYYY-MM-DD)."""

    @field_validator("ancaman")
    @classmethod
    def _known_hazard(cls, hazard: str | None, info: ValidationInfo) -> str | None:
        if hazard is not None:
            _check_hazard(hazard, info, at="")
        return hazard

    @field_validator("segera")
    @classmethod
    def _short_list(cls, steps: list[str]) -> list[str]:
        if len(steps) > 4:
            raise ValueError(f"paling banyak 4 langkah segera (ada {len(steps)}): halaman depan harus singkat")
        return steps


# --- files ---------------------------------------------------------------------------------


class WilayahFile(Record):
    """``content/wilayah.yml``."""

    wilayah: list[Wilayah] = Field(min_length=1)
    """The eight kabupaten/kota."""


class AncamanFile(Record):
    """``content/ancaman.yml``."""

    ancaman: list[Ancaman] = Field(min_length=1)
    """The hazard vocabulary."""


class KontakFile(Record):
    """A file in ``content/kontak/``."""

    organisasi: list[Organisasi] = []
    """Organisations and media desks."""
    nomor_darurat: list[NomorDarurat] = []
    """National emergency numbers."""


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
    body: str = ""
    """For FGD and guides: the Markdown body."""


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
