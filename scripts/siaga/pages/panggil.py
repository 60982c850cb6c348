"""The call buttons at the top of every page a resident may land on in an emergency.

One function decides which numbers a first screen offers and what it says beside 112, so the home page,
/darurat/, every guide, every KSB page and the 404 page cannot disagree. 112 is run by each kabupaten/kota
and is not confirmed everywhere: wherever its button appears, the regions where it is not confirmed are
named next to it with the numbers to call there instead, and those numbers are among the buttons.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..content import phone
from ..content.model import NomorDarurat, Wilayah


@dataclass(frozen=True)
class Tombol:
    """One call button: what it shows, what it says it is, and what tapping it does."""

    nomor: str
    """The number as a reader writes it (``112``, ``0812-3456-7890``)."""
    nama: str
    """Whom the call reaches, in a few words."""
    href: str
    """A ``tel:`` address, or the page that says how to reach a body that has no published number."""
    telepon: bool = True
    """False for a button that opens a page instead of calling."""


@dataclass(frozen=True)
class PanelDarurat:
    """The call buttons of one first screen: the big ones, the note beside 112, the rest in a grid."""

    utama: list[Tombol]
    catatan: str | None
    lain: list[Tombol] = field(default_factory=list)


def tombol_nomor(number: NomorDarurat) -> Tombol:
    """The button of a national emergency number."""
    return Tombol(number.nomor, number.nama, phone.tel_url(number.nomor))


def catatan_belum_terkonfirmasi(number: NomorDarurat, numbers: Sequence[NomorDarurat], regions: Sequence[Wilayah],
                                region: Wilayah | None = None) -> str | None:
    """What a reader must know beside a number that is not confirmed everywhere (112), or None.

    On a region's own page only that region is named; elsewhere every region where it is not confirmed.
    """
    if number.wilayah_terkonfirmasi is None:
        return None
    if region is not None and region.slug in number.wilayah_terkonfirmasi:
        return f"{number.nomor} sudah diluncurkan di {region.nama} menurut sumber yang kami temukan."
    if not (unconfirmed := _unconfirmed(number, regions, region)):
        return None
    by_code = {n.nomor: n for n in numbers}
    instead = [by_code[code] for code in number.bila_tidak_tersambung if code in by_code]
    named = _join([r.nama for r in unconfirmed])
    text = f"{number.nomor} belum terverifikasi di {named}."
    if instead:
        # Numbers only: their buttons, which say whom each reaches, are right below; the first screen is short.
        text += " Bila tidak tersambung, hubungi langsung " + _join([n.nomor for n in instead], "atau") + "."
    return text


def panel_darurat(numbers: Sequence[NomorDarurat], regions: Sequence[Wilayah], *, kode: Iterable[str] | None = None,
                  region: Wilayah | None = None, pertama: Sequence[Tombol] = (), tambahan: Sequence[Tombol] = ()) -> PanelDarurat:
    """The call buttons for a page: ``pertama`` (a KSB's posko) and the first number (112) as big buttons, then
    the numbers ``kode`` (all but those dialled with an area code when None), the numbers to call where 112
    is not confirmed, and ``tambahan`` (a region's Dinas Sosial).

    The numbers keep the maintainers' order in content/kontak/darurat.yml; none appears twice.
    """
    dialable = [n for n in numbers if not n.pakai_kode_area and n.tombol_cepat]
    if not dialable:
        return PanelDarurat(list(pertama), None, list(tambahan))
    first = dialable[0]
    wanted = set(kode) if kode is not None else {n.nomor for n in dialable}
    if _unconfirmed(first, regions, region):
        wanted |= set(first.bila_tidak_tersambung)
    rest = [tombol_nomor(n) for n in dialable[1:] if n.nomor in wanted]
    return PanelDarurat([*pertama, tombol_nomor(first)], catatan_belum_terkonfirmasi(first, numbers, regions, region),
                        [*rest, *tambahan])


def _unconfirmed(number: NomorDarurat, regions: Sequence[Wilayah], region: Wilayah | None) -> list[Wilayah]:
    """The regions where ``number`` is not confirmed: on a region's page that region at most, elsewhere all of them.
    A number every region runs (``wilayah_terkonfirmasi`` not given) is unconfirmed nowhere."""
    if number.wilayah_terkonfirmasi is None:
        return []
    return [r for r in ([region] if region is not None else regions) if r.slug not in number.wilayah_terkonfirmasi]


def _join(items: list[str], last: str = "dan") -> str:
    """Indonesian list: "a", "a dan b", "a, b dan c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]

