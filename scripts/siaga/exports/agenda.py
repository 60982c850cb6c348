"""FGD dates and follow-up due dates as an iCalendar file (RFC 5545), written by icalendar.

Partners subscribe to ``/data/agenda.ics`` to see when FGDs met and when each follow-up
is due. Every event is a whole day (no time or time zone to get wrong), and its UID comes
from the FGD's file name and the action's ``id``, so a subscribed calendar updates events
instead of doubling or relabelling them.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from ..content.model import Content, Fgd, Placed, TindakLanjut
from ..content.wording import NO_OWNER, STATUS_LABELS
from ..published.paths import fgd_path
from ..published.urls import SiteUrls, stable_id

# RFC 5545 STATUS for events: only a proposal is tentative, a cancelled action is cancelled.
_EVENT_STATUS = {"usulan": "TENTATIVE", "disepakati": "CONFIRMED", "berjalan": "CONFIRMED", "selesai": "CONFIRMED", "batal": "CANCELLED"}


def _all_day(uid: str, day: dt.date, summary: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))  # DTEND of an all-day event is the next day, exclusive
    event.add("summary", summary)
    return event


def meeting_event(entry: Placed[Fgd], urls: SiteUrls, stamp: dt.datetime) -> Event:
    """The day an FGD met, where, and who organised it."""
    fgd = entry.record
    event = _all_day(stable_id(f"fgd/{entry.slug}"), fgd.tanggal, f"FGD: {fgd.judul}", stamp)
    event.add("location", fgd.tempat)
    event.add("description", f"Penyelenggara: {fgd.penyelenggara}. Peserta: {fgd.peserta.jumlah} orang ({fgd.peserta.keterangan}).")
    event.add("url", urls.page(fgd_path(entry)))
    event.add("status", "CONFIRMED")
    event.add("categories", ["FGD"])
    return event


def due_event(entry: Placed[Fgd], action: TindakLanjut, due: dt.date, urls: SiteUrls, stamp: dt.datetime) -> Event:
    """The due date of one follow-up action, with who is responsible and where it stands.

    Its UID comes from the action's own ``id``, never from its place in the list: inserting an
    action must not turn a subscriber's event into a different action.
    """
    event = _all_day(stable_id(f"fgd/{entry.slug}/tindak-lanjut/{action.id}"), due, f"Tenggat: {action.aksi}", stamp)
    lines = [
        f"Penanggung jawab: {action.penanggung_jawab or NO_OWNER}",
        f"Status: {STATUS_LABELS[action.status]}",
        f"Dari FGD: {entry.record.judul} ({entry.record.tanggal.isoformat()})",
    ]
    if action.catatan:
        lines.append(f"Catatan: {action.catatan}")
    event.add("description", "\n".join(lines))
    event.add("url", urls.page(fgd_path(entry)))
    event.add("status", _EVENT_STATUS[action.status])
    event.add("categories", ["Tindak lanjut FGD"])
    return event


def agenda_events(content: Content, urls: SiteUrls) -> list[Event]:
    """Every FGD, then every follow-up that has a due date."""
    events = []
    for entry in content.fgd:
        # DTSTAMP is required; the record's own last change keeps the file the same for the same content.
        changed = entry.record.diperbarui or entry.record.tanggal
        stamp = dt.datetime(changed.year, changed.month, changed.day, tzinfo=dt.UTC)
        events.append(meeting_event(entry, urls, stamp))
        events += [due_event(entry, action, action.tenggat, urls, stamp) for action in entry.record.tindak_lanjut if action.tenggat]
    return events


def serialize(events: list[Event]) -> bytes:
    """The events as one calendar that apps can import or subscribe to."""
    calendar = Calendar()
    calendar.add("prodid", "-//Siaga Banten//Agenda FGD//ID")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Siaga Banten: FGD dan tindak lanjut")
    calendar.add("x-wr-timezone", "Asia/Jakarta")
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
