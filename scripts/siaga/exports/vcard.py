"""Contacts to take away, as vCard 3.0 (RFC 2426) written by vobject: phones import it as is.

``kontak.vcf`` holds organisations, media desks and KSB posko: offices, never people. A KSB's
own file adds its board members who consented (``Ksb.pengurus``), and only there.
Sample data never becomes a card: its numbers are made up and may belong to somebody, and a
contact saved in a phone outlives any warning next to it. An organisation with no published
channel is left out too: a card with a name only helps nobody reach it.
UIDs come from what names a contact in the content, so a phone that imports a file again
updates its contacts instead of doubling them.
"""

from __future__ import annotations

import vobject
from vobject.base import Component

from ..content import phone
from ..content.model import Content, Ksb, Organisasi, Pengurus, Placed, Situs
from ..published.catalogue import ksb_id
from ..published.paths import ksb_path, placed_region
from ..published.penerbit import SITE_NAME, publisher_line
from ..published.urls import SiteUrls, stable_id

_CATEGORY = SITE_NAME


def _card(key: str, full_name: str, organisation: str, categories: list[str], note: str) -> Component:
    """A card with what every contact has; ``key`` names it in the content and becomes its UID."""
    card = vobject.vCard()
    card.add("uid").value = stable_id(key)
    card.add("fn").value = full_name
    card.add("n").value = vobject.vcard.Name()  # required by vCard 3.0; left empty for offices
    card.add("org").value = [organisation]
    card.add("categories").value = [_CATEGORY, *categories]
    card.add("note").value = note
    return card


def _phone(card: Component, number: str, *types: str) -> None:
    tel = card.add("tel")
    tel.value = number  # E.164: dials from any phone, inside Indonesia or abroad
    tel.type_param = [*types, "CELL" if phone.is_mobile(number) else "VOICE"]


def organisation_card(organisation: Organisasi) -> Component:
    """An organisation or media desk: office phone, e-mail, website, official social accounts and office address."""
    card = _card(f"organisasi/{organisation.id}", organisation.nama, organisation.nama,
                 ["Media" if organisation.untuk_media else "Lembaga"], organisation.peran)
    if organisation.telepon:
        _phone(card, organisation.telepon, "WORK")
    if organisation.email:
        card.add("email").value = organisation.email
    for address in [organisation.situs, *organisation.media_sosial]:
        if address:
            card.add("url").value = address
    if organisation.alamat:
        card.add("adr").value = vobject.vcard.Address(street=organisation.alamat, country="Indonesia")
    return card


def posko_card(entry: Placed[Ksb], urls: SiteUrls) -> Component:
    """A KSB's command post: the KSB's public contact, with its address and map point. Only for a KSB whose
    posko published a contact (``posko`` given)."""
    ksb = entry.record
    region = placed_region(entry)
    if ksb.posko is None:
        raise ValueError(f"{entry.path}: kartu posko untuk KSB tanpa posko (galat program)")
    reach = "Posko Kampung Siaga Bencana." + (" Bisa dihubungi lewat WhatsApp." if ksb.posko.whatsapp else "")
    card = _card(f"ksb/{ksb_id(entry)}/posko", f"Posko {ksb.nama}", ksb.nama, ["KSB", region.nama], reach)
    _phone(card, ksb.posko.telepon, "WORK")
    if ksb.posko.email:
        card.add("email").value = ksb.posko.email
    address = card.add("adr")
    address.value = vobject.vcard.Address(
        street=ksb.posko.alamat,
        city=", ".join([*(f"{kind.capitalize()} {name}" for _, name, kind in (entry.tempat.desa if entry.tempat else ())),
                        f"Kecamatan {entry.tempat.kecamatan if entry.tempat else ksb.kecamatan}"]),
        region=f"{region.nama}, Banten",
        country="Indonesia",
    )
    if ksb.lokasi:  # only the posko's own point: a kecamatan's centre is no address
        card.add("geo").value = f"{ksb.lokasi.lat};{ksb.lokasi.lon}"
    card.add("url").value = urls.page(ksb_path(entry))
    return card


def person_card(entry: Placed[Ksb], person: Pengurus) -> Component:
    """A board member who consented to be published, as a contact of their KSB."""
    ksb = entry.record
    card = _card(f"ksb/{ksb_id(entry)}/pengurus/{person.nama}", person.nama, ksb.nama, ["KSB"],
                 f"{person.jabatan.capitalize()} {ksb.nama}.")
    card.n.value = vobject.vcard.Name(given=person.nama)  # Indonesian names are not reliably family + given
    card.add("title").value = person.jabatan
    if person.telepon:
        _phone(card, person.telepon)
    return card


def serialize(cards: list[Component]) -> bytes:
    """The cards one after another, as one .vcf file (CRLF lines, folded, UTF-8)."""
    return "".join(card.serialize() for card in cards).encode("utf-8")


def all_contacts(content: Content, urls: SiteUrls) -> list[Component]:
    """Every reachable organisation and media desk, then every KSB posko: no person, no sample."""
    organisations = [o for o in content.organisasi if o.saluran and not o.contoh]
    posts = [entry for entry in content.ksb if entry.record.posko and not entry.record.contoh]
    return _from_publisher([organisation_card(o) for o in organisations] + [posko_card(entry, urls) for entry in posts], content.situs)


def ksb_contacts(entry: Placed[Ksb], urls: SiteUrls, site: Situs) -> list[Component]:
    """One KSB's posko and its consented board members; nothing for sample data."""
    if entry.record.contoh:
        return []
    posko = [posko_card(entry, urls)] if entry.record.posko else []
    return _from_publisher(posko + [person_card(entry, person) for person in entry.record.pengurus], site)


def _from_publisher(cards: list[Component], site: Situs) -> list[Component]:
    """Each card's note ends with where it came from: a contact saved on a phone months ago still says who published it."""
    for card in cards:
        card.note.value = f"{card.note.value} (Dari situs {SITE_NAME}. {publisher_line(site)}.)"
    return cards
