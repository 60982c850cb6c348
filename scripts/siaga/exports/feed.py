"""``/feed.xml``: an Atom feed (RFC 4287) of FGD records and content updates, written by feedgen.

One entry per page that carries a date: an FGD record (its meeting date, or ``diperbarui``
when its follow-ups were updated later), a KSB (the date its data was last checked,
``diperbarui``) and a guide (``ditinjau.tanggal``). An entry's id is the page's
:func:`~siaga.published.urls.stable_id`, so when a KSB is checked again its entry is *updated* in a
reader, not repeated; and ids survive a change of the site's address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from ..content.model import Content
from ..content.wording import BANTEN, sample_marker, tanggal
from ..published.catalogue import ksb_id
from ..published.paths import fgd_path, ksb_path, panduan_path
from ..published.urls import SiteUrls, stable_id

# Newest first; a reader needs the recent changes, not a copy of the whole site on every poll.
MAX_ENTRIES = 50


@dataclass(frozen=True)
class Update:
    """One feed entry before it is written."""

    key: str
    """What the entry is about (``fgd/<slug>``), the source of its stable id."""
    day: dt.date
    """When it happened or was last checked (a report: the moment its status last moved)."""
    title: str
    summary: str
    docs_path: str
    """The page it links to, as written in docs/."""


def updates(content: Content) -> list[Update]:
    """Everything dated in the content, newest first."""
    found = [
        Update(
            f"fgd/{entry.slug}",
            entry.record.diperbarui or entry.record.tanggal,  # a follow-up's new status is news for partners
            f"Catatan FGD: {entry.record.judul}",
            f"FGD pada {tanggal(entry.record.tanggal)} di {entry.record.tempat}, diselenggarakan oleh {entry.record.penyelenggara}: "
            f"{len(entry.record.pokok)} pokok pendapat, {len(entry.record.rekomendasi)} rekomendasi, "
            f"{len(entry.record.tindak_lanjut)} tindak lanjut.",
            fgd_path(entry),
        )
        for entry in content.fgd
    ]
    found += [
        Update(
            f"ksb/{ksb_id(entry)}",
            entry.record.diperbarui,
            f"Data {entry.record.nama}{sample_marker(entry.record)} diperbarui",
            f"Data {entry.record.nama} (Kecamatan {entry.tempat.kecamatan if entry.tempat else entry.record.kecamatan}, "
            f"{entry.wilayah.nama if entry.wilayah else ''}) diperiksa pada {tanggal(entry.record.diperbarui)}.",
            ksb_path(entry),
        )
        for entry in content.ksb
        if entry.record.diperbarui is not None
    ]
    found += [
        Update(f"panduan/{entry.slug}", entry.record.ditinjau.tanggal, f"Panduan: {entry.record.judul}",
               f"Ditinjau pada {tanggal(entry.record.ditinjau.tanggal)} oleh {entry.record.ditinjau.oleh}. {entry.record.ringkasan}",
               panduan_path(entry))
        for entry in content.panduan
    ]
    return sorted(found, key=lambda update: (update.day, update.key), reverse=True)[:MAX_ENTRIES]


def _midnight(day: dt.date) -> dt.datetime:
    if isinstance(day, dt.datetime):
        return day.astimezone(BANTEN)
    return dt.datetime(day.year, day.month, day.day, tzinfo=BANTEN)  # the content's dates are Banten's calendar days


SUBTITLE = "Catatan FGD, pembaruan data KSB, dan panduan kesiapsiagaan bencana di Provinsi Banten."


def atom_feed(entries: list[Update], urls: SiteUrls, last_change: dt.date | None, *, title: str, author: str,
              self_path: str = "feed.xml", subtitle: str = SUBTITLE, key: str = "feed") -> bytes:
    """The feed as UTF-8 Atom XML; ``updated`` is the newest entry's date (the content's last change if there is
    none, never the clock), so it changes only with content."""
    feed = FeedGenerator()
    feed.id(stable_id(key))
    feed.title(title)
    feed.subtitle(subtitle)
    feed.language("id")
    feed.author({"name": author})
    feed.link(href=urls.base, rel="alternate", type="text/html")
    feed.link(href=urls.file(self_path), rel="self", type="application/atom+xml")
    newest = entries[0].day if entries else last_change or dt.date(1970, 1, 1)  # no dated content at all
    feed.updated(_midnight(newest))
    for update in entries:
        entry = feed.add_entry(order="append")
        entry.id(stable_id(update.key))
        entry.title(update.title)
        entry.link(href=urls.page(update.docs_path), rel="alternate", type="text/html")
        entry.updated(_midnight(update.day))
        entry.summary(update.summary)
    return feed.atom_str(pretty=True)
