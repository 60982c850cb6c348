"""Every download, read back with the library a journalist's or partner's tool would use.

Counts are checked against the validated content, and no board member's name or number may
be in a bulk file: those appear only on their KSB page and in that KSB's own vCard.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import feedparser
import geojson
import hxl
import icalendar
import pytest
import vobject

from conftest import TODAY, page
from siaga.content import phone
from siaga.published.paths import ksb_path, ksb_qr_path, ksb_vcard_path
from siaga.published.urls import SiteUrls

BULK = ["data/ksb.csv", "data/ksb-hxl.csv", "data/ksb.json", "data/ksb.geojson", "data/kontak.vcf", "data/agenda.ics", "feed.xml",
        "data/laporan.csv", "data/laporan-hxl.csv", "data/laporan.geojson", "laporan/feed.xml", "data/ksb.xlsx",
        "data/datapackage.json"]
SITES = ["bundled_site", "golden_site"]


@pytest.fixture(params=SITES)
def built(request):
    """Each test runs on the bundled content and on the golden content (hostile names, no consent)."""
    return request.getfixturevalue(request.param)


def read(project, relative: str) -> str:
    return (project.site / relative).read_text(encoding="utf-8")


def _cells(path) -> str:
    """Every cell of a workbook as text, one per line."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return "\n".join(str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value is not None)
    finally:
        book.close()


def csv_rows(project, relative: str = "data/ksb.csv") -> list[dict[str, str]]:
    with (project.site / relative).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def data_dictionary(project) -> dict[str, list[str]]:
    """The data dictionary on /data/ as a reader sees it: column name → its row's cells, in order."""
    data_page = page(project, "/data/")
    table = next(t for t in data_page.select("article table") if t.select_one("th").get_text(strip=True) == "Kolom")
    rows = [[" ".join(cell.get_text().split()) for cell in row.select("td")] for row in table.select("tbody tr")]
    return {cells[0]: cells for cells in rows}


def dictionary_columns(project) -> list[str]:
    """The column names the /data/ page documents, in order."""
    return list(data_dictionary(project))


def people(content) -> list:
    return [person for entry in content.ksb for person in entry.record.pengurus]


def spellings(number: str) -> set[str]:
    """The ways a number could be written: E.164, national, digits only."""
    national = phone.national(number)
    return {number, national, "".join(ch for ch in national if ch.isdigit()), number.lstrip("+")}


# --- the KSB table -----------------------------------------------------------------------------


def test_csv_has_one_row_per_ksb_with_the_documented_columns(built):
    project, content = built
    rows = csv_rows(project)
    assert len(rows) == len(content.ksb)
    with (project.site / "data/ksb.csv").open(encoding="utf-8", newline="") as stream:
        header = next(csv.reader(stream))
    assert header == dictionary_columns(project)
    by_id = {row["id"]: row for row in rows}
    urls = SiteUrls.from_config(project.config)
    for entry in content.ksb:
        row = by_id[f"{entry.wilayah.slug}/{entry.slug}"]
        assert row["nama"] == entry.record.nama  # exactly as typed, markup characters included
        if entry.record.contoh or not entry.record.posko:  # a made-up number must not look like a working one
            assert row["posko_telepon"] == row["posko_whatsapp"] == row["posko_email"] == ""
        else:
            # E.164 behind the apostrophe that keeps a spreadsheet from reading +62... as a number or formula
            assert row["posko_telepon"] == "'" + entry.record.posko.telepon
            assert row["posko_telepon"].startswith("'+62")
        assert row["wilayah_kode"] == entry.wilayah.kode
        assert [hazard for hazard in row["ancaman"].split("; ") if hazard] == entry.record.ancaman
        assert row["halaman"] == urls.page(ksb_path(entry))
        assert row["contoh"] == ("true" if entry.record.contoh else "false")


def test_hxl_variant_is_read_by_libhxl_with_the_same_rows(built):
    project, content = built
    with (project.site / "data/ksb-hxl.csv").open("rb") as stream:
        dataset = hxl.data(stream)
        tags = [column.display_tag for column in dataset.columns]
        rows = list(dataset)
    assert {"#org+name", "#adm2+name", "#contact+phone", "#geo+lat", "#geo+lon"} <= set(tags)
    assert len(tags) == len(dictionary_columns(project))
    assert len(rows) == len(content.ksb)
    plain = csv_rows(project)
    assert [row.get("#org+name") for row in rows] == [row["nama"] for row in plain]
    assert [row.get("#contact+phone") or "" for row in rows] == [row["posko_telepon"] for row in plain]


def test_json_has_the_same_rows_with_typed_values(built):
    project, content = built
    records = json.loads(read(project, "data/ksb.json"))
    assert isinstance(records, list) and len(records) == len(content.ksb)
    plain = csv_rows(project)
    for record, row, entry in zip(records, plain, content.ksb, strict=True):
        assert list(record) == list(row)
        assert record["ancaman"] == entry.record.ancaman
        assert record["contoh"] is entry.record.contoh
        if entry.record.contoh or not entry.record.posko:
            assert record["posko_telepon"] is record["posko_whatsapp"] is record["posko_email"] is None
        else:
            assert record["posko_whatsapp"] is entry.record.posko.whatsapp
        assert record["relawan"] == entry.record.relawan and (record["relawan"] is None or isinstance(record["relawan"], int))
        if entry.record.lokasi:  # the posko's own point
            assert (record["lat"], record["lon"]) == (entry.record.lokasi.lat, entry.record.lokasi.lon)
            assert record["ketepatan_lokasi"] == "titik"
        else:  # its kecamatan's centre, said to be approximate
            assert (record["lat"], record["lon"]) == (entry.tempat.titik.lat, entry.tempat.titik.lon)
            assert record["ketepatan_lokasi"] == "kecamatan" and row["ketepatan_lokasi"] == "kecamatan"


def test_geojson_is_valid_with_a_point_per_ksb_and_its_precision(built):
    project, content = built
    collection = geojson.loads(read(project, "data/ksb.geojson"))
    assert collection.is_valid, collection.errors()
    assert len(collection["features"]) == len(content.ksb), "a KSB without coordinates is placed at its kecamatan's centre"
    records = {record["id"]: record for record in json.loads(read(project, "data/ksb.json"))}
    for feature, entry in zip(collection["features"], content.ksb, strict=True):
        assert feature["geometry"]["type"] == "Point"
        point = entry.record.lokasi or entry.tempat.titik
        assert feature["geometry"]["coordinates"] == [point.lon, point.lat]  # longitude first
        assert feature["properties"] == records[feature["id"]]
        assert feature["properties"]["ketepatan_lokasi"] == ("titik" if entry.record.lokasi else "kecamatan")


def test_golden_content_has_a_ksb_without_coordinates_placed_approximately(golden_site):
    _, content = golden_site
    assert any(entry.record.lokasi is None and entry.tempat.titik_perkiraan for entry in content.ksb), "the golden content covers it"


# --- contacts --------------------------------------------------------------------------------


def test_combined_vcard_has_every_reachable_organisation_and_real_posko(built):
    project, content = built
    cards = list(vobject.readComponents(read(project, "data/kontak.vcf")))
    organisations = [o for o in content.organisasi if o.saluran and not o.contoh]
    real_ksb = [entry for entry in content.ksb if not entry.record.contoh and entry.record.posko]
    assert len(cards) == len(organisations) + len(real_ksb)
    assert [card.fn.value for card in cards[: len(organisations)]] == [o.nama for o in organisations]
    phones = {tel.value for card in cards for tel in card.contents.get("tel", [])}
    assert phones == {entry.record.posko.telepon for entry in real_ksb} | {o.telepon for o in organisations if o.telepon}
    for card, organisation in zip(cards, organisations, strict=False):
        # every card has a way to reach the organisation: a name alone helps no journalist
        assert any(card.contents.get(kind) for kind in ("tel", "email", "url", "adr")), organisation.id
    assert all(card.uid.value.startswith("urn:uuid:") for card in cards)
    assert len({card.uid.value for card in cards}) == len(cards)
    for card, entry in zip(cards[len(organisations):], real_ksb, strict=True):
        assert card.org.value == [entry.record.nama]


def test_no_sample_number_is_a_vcard_phone_entry(built):
    project, content = built
    samples = {entry.record.posko.telepon for entry in content.ksb if entry.record.contoh and entry.record.posko}
    samples |= {person.telepon for entry in content.ksb if entry.record.contoh for person in entry.record.pengurus if person.telepon}
    samples |= {o.telepon for o in content.organisasi if o.contoh and o.telepon}
    assert samples, "the content must have sample numbers for this test to mean something"
    for path in project.site.rglob("*.vcf"):
        text = path.read_text(encoding="utf-8")
        for number in samples:
            for spelling in spellings(number):
                assert spelling not in text, (path.name, spelling)


def test_each_real_ksb_vcard_has_its_posko_and_only_consented_board_members(built):
    project, content = built
    for entry in content.ksb:
        if entry.record.contoh:
            assert not (project.site / ksb_vcard_path(entry)).exists(), entry.slug
            continue
        if not entry.record.posko and not entry.record.pengurus:
            assert not (project.site / ksb_vcard_path(entry)).exists(), "no card without a contact"
            continue
        cards = list(vobject.readComponents(read(project, ksb_vcard_path(entry))))
        posko = 1 if entry.record.posko else 0
        assert len(cards) == posko + len(entry.record.pengurus)
        if posko:
            assert cards[0].tel.value == entry.record.posko.telepon
        listed = {card.fn.value for card in cards[posko:]}
        assert listed == {person.nama for person in entry.record.pengurus}


def test_golden_content_has_a_real_ksb_with_a_consented_member_and_an_organisation_without_channel(golden_site):
    _, content = golden_site
    assert any(not e.record.contoh and e.record.pengurus for e in content.ksb), "the golden content must cover this case"
    assert any(not (o.telepon or o.email or o.situs) for o in content.organisasi), "the golden content must cover this case"


def test_no_board_member_name_or_number_is_in_any_bulk_file(built):
    project, content = built
    assert people(content), "the content must have board members for this test to mean something"
    for relative in BULK:
        text = read(project, relative) if not relative.endswith(".xlsx") else _cells(project.site / relative)
        digits = "".join(ch for ch in text if ch.isdigit() or ch == "\n")
        for person in people(content):
            assert person.nama not in text, (relative, person.nama)
            if person.telepon:
                for spelling in spellings(person.telepon):
                    assert spelling not in text, (relative, spelling)
                assert person.telepon.lstrip("+") not in digits, (relative, person.telepon)


# --- calendar and feed -----------------------------------------------------------------------


def test_agenda_has_every_fgd_and_every_due_date(built):
    project, content = built
    calendar = icalendar.Calendar.from_ical(read(project, "data/agenda.ics"))
    events = list(calendar.walk("VEVENT"))
    due = [(entry, action) for entry in content.fgd for action in entry.record.tindak_lanjut if action.tenggat]
    assert len(events) == len(content.fgd) + len(due)
    starts = sorted(event.decoded("dtstart") for event in events)
    assert starts == sorted([entry.record.tanggal for entry in content.fgd] + [action.tenggat for _, action in due])
    assert len({str(event["uid"]) for event in events}) == len(events)
    for event in events:
        assert (project.site / event["url"].split("/", 3)[3] / "index.html").exists(), event["url"]


def test_golden_follow_up_is_a_tentative_event_on_its_due_date(golden_site):
    project, _ = golden_site
    calendar = icalendar.Calendar.from_ical(read(project, "data/agenda.ics"))
    (due,) = [event for event in calendar.walk("VEVENT") if str(event["summary"]).startswith("Tenggat")]
    assert str(due["summary"]) == "Tenggat: Aksi uji"
    assert due.decoded("dtstart").isoformat() == "2025-12-31"
    assert str(due["status"]) == "TENTATIVE"
    assert "Penanggung jawab: Pihak uji" in str(due["description"])


def test_an_fgd_updated_after_the_meeting_is_dated_by_its_update_in_the_feed(golden_site):
    project, content = golden_site
    (fgd,) = content.fgd
    assert fgd.record.diperbarui is not None and fgd.record.diperbarui > fgd.record.tanggal
    feed = feedparser.parse(read(project, "feed.xml"))
    (entry,) = [e for e in feed.entries if e.title == f"Catatan FGD: {fgd.record.judul}"]
    assert entry.updated.startswith(fgd.record.diperbarui.isoformat())
    assert "Catatan ini terakhir diperbarui 20 November 2026." in " ".join(page(project, f"/fgd/{fgd.slug}/").get_text(" ").split())


def test_feed_parses_with_an_entry_per_dated_page_linking_to_built_pages(built):
    project, content = built
    feed = feedparser.parse(read(project, "feed.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    expected = len(content.fgd) + len(content.panduan) + sum(1 for e in content.ksb if e.record.diperbarui)
    assert len(feed.entries) == min(expected, 50)
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    base = SiteUrls.from_config(project.config).base
    for entry in feed.entries:
        assert entry.link.startswith(base)
        assert (project.site / entry.link.removeprefix(base) / "index.html").exists(), entry.link
    titles = [entry.title for entry in feed.entries]
    for fgd in content.fgd:
        assert f"Catatan FGD: {fgd.record.judul}" in titles
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_export_ids_stay_the_same_when_the_site_moves(tmp_path, monkeypatch):
    from conftest import GOLDEN_CONTENT, TODAY, make_project
    from siaga.build import build

    def exported(name: str, address: str):
        monkeypatch.setenv("SIAGA_SITE_URL", address)
        project = make_project(tmp_path / name, GOLDEN_CONTENT)
        build(project, today=TODAY)
        feed = feedparser.parse(read(project, "feed.xml"))
        calendar = icalendar.Calendar.from_ical(read(project, "data/agenda.ics"))
        cards = vobject.readComponents(read(project, "data/kontak.vcf"))
        ids = ([e.id for e in feed.entries], [str(e["uid"]) for e in calendar.walk("VEVENT")], [c.uid.value for c in cards])
        return ids, [e.link for e in feed.entries]

    first_ids, first_links = exported("satu", "https://satu.example/")
    second_ids, second_links = exported("dua", "https://dua.example/banten/")
    assert first_ids == second_ids
    assert all(link.startswith("https://dua.example/banten/") for link in second_links)
    assert first_links != second_links


# --- the data page, QR codes, share tags -----------------------------------------------------


def test_data_page_links_every_download_with_its_real_count(built):
    project, content = built
    data_page = page(project, "/data/")
    table = data_page.select_one("article table")
    listed = {}
    for row in table.select("tbody tr"):
        link = row.select_one("a")
        target = (project.site / "data" / link["href"]).resolve()
        assert target.is_file(), link["href"]
        listed[target.relative_to(project.site.resolve()).as_posix()] = int(row.select("td")[2].get_text(strip=True))
    assert set(listed) == set(BULK)
    cards = len(list(vobject.readComponents(read(project, "data/kontak.vcf"))))
    events = len(list(icalendar.Calendar.from_ical(read(project, "data/agenda.ics")).walk("VEVENT")))
    assert listed["data/ksb.csv"] == len(csv_rows(project)) == len(content.ksb)
    assert listed["data/ksb.geojson"] == len(geojson.loads(read(project, "data/ksb.geojson"))["features"])
    assert listed["data/kontak.vcf"] == cards
    assert listed["data/agenda.ics"] == events
    assert listed["feed.xml"] == len(feedparser.parse(read(project, "feed.xml")).entries)
    assert listed["data/laporan.csv"] == len(list(csv.DictReader(io.StringIO(read(project, "data/laporan.csv"))))) == len(content.laporan)
    assert listed["data/laporan.geojson"] == len(geojson.loads(read(project, "data/laporan.geojson"))["features"])
    assert listed["laporan/feed.xml"] == len(feedparser.parse(read(project, "laporan/feed.xml")).entries)
    assert listed["data/datapackage.json"] == len(json.loads(read(project, "data/datapackage.json"))["resources"])


def test_data_dictionary_takes_descriptions_from_the_model(bundled_site):
    from siaga.content.model import Ksb, Posko

    project, _ = bundled_site
    cells = data_dictionary(project)
    meaning = {name: row[2] for name, row in cells.items()}
    hsds = {name: row[3] for name, row in cells.items()}
    assert meaning["kecamatan"] == Ksb.model_fields["kecamatan"].description + " Ejaan resmi Kemendagri."
    assert meaning["posko_telepon"].startswith(Posko.model_fields["telepon"].description)
    assert "E.164" in meaning["posko_telepon"]
    assert hsds["nama"] == "organization.name" and hsds["lat"] == "location.latitude" and hsds["posko_telepon"] == "phone.number"


def test_every_ksb_has_a_qr_code_of_its_page_and_a_poster_page(built):
    import xml.etree.ElementTree as ElementTree

    project, content = built
    for entry in content.ksb:
        svg = ElementTree.fromstring(read(project, ksb_qr_path(entry)))  # well-formed even with a hostile name
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert svg.find("{http://www.w3.org/2000/svg}title").text == f"Kode QR halaman {entry.record.nama}"
        poster = page(project, f"/ksb/{entry.wilayah.slug}/{entry.slug}/poster/")
        image = poster.select_one("article img")
        assert image["src"] == "../qr.svg"
        text = " ".join(poster.select_one("article").get_text(" ").split())
        if not entry.record.posko:  # no posko number is made up: the poster says there is none yet
            assert "Nomor posko KSB ini belum dipublikasikan" in text
        elif entry.record.contoh:  # a made-up number on a wall would be dialled: it is masked
            assert phone.national(entry.record.posko.telepon) not in text
            assert phone.masked(entry.record.posko.telepon) in text
        else:
            assert phone.national(entry.record.posko.telepon) in text
        for point in entry.record.titik_kumpul[:5]:
            assert point.nama in text
        for number in content.nomor_darurat:
            if not number.pakai_kode_area:
                assert poster.select_one(f'article a[href="tel:{number.nomor}"]'), number.nomor
            elif code := number.kode_area.get(entry.wilayah.slug):  # dialled with this region's area code
                assert poster.select_one(f'article a[href="tel:{code}{number.nomor}"]'), (number.nomor, code)
            else:  # never dialled bare
                assert not poster.select_one(f'article a[href="tel:{number.nomor}"]'), number.nomor
                assert f"(kode area) {number.nomor}" in text
        for person in entry.record.pengurus:
            assert person.nama not in text  # the wall poster carries no person, consented or not


def test_ksb_page_links_its_vcard_poster_and_whatsapp_share(built):
    project, content = built
    urls = SiteUrls.from_config(project.config)
    for entry in content.ksb:
        soup = page(project, f"/ksb/{entry.wilayah.slug}/{entry.slug}/")
        hrefs = [a["href"] for a in soup.select("article a")]
        has_card = not entry.record.contoh and bool(entry.record.posko or entry.record.pengurus)
        assert (f"ksb-{entry.slug}.vcf" in hrefs) is has_card  # sample data and a KSB without contact make no card
        assert "poster/" in hrefs
        share = [href for href in hrefs if href.startswith("https://wa.me/?text=")]
        assert share == ["https://wa.me/?text=" + quote(urls.page(ksb_path(entry)), safe="")]


def test_poster_pages_are_left_out_of_search(built):
    """Pagefind indexes only what is inside data-pagefind-body: every article but the posters'."""
    project, _ = built
    indexed = [path for path in project.site.rglob("index.html") if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    assert indexed and not [path for path in indexed if path.parent.name == "poster"]
    assert (project.site / "pagefind" / "pagefind.js").is_file()


def test_search_bundles_hold_every_indexed_page_once(built, monkeypatch, tmp_path):
    """KSB pages are indexed in bundles of whole regions, the other pages in the main one: together, every page
    with data-pagefind-body, once. Checked with the bundle size shrunk so that the KSB pages need several."""
    import shutil

    from siaga.site import search

    project, content = built
    monkeypatch.setattr(search, "KSB_PAGES_PER_BUNDLE", 1)
    site = tmp_path / "situs"
    shutil.copytree(project.site, site, symlinks=False, ignore=shutil.ignore_patterns("pagefind"))
    search.index_for_search(site, content)
    bundles = json.loads((site / "pagefind" / search.BUNDLE_LIST).read_text(encoding="utf-8"))
    regions = {entry.wilayah.slug for entry in content.ksb}
    assert len([bundle for bundle in bundles if bundle.startswith("ksb-")]) == len(regions) > 1 and "laporan/" in bundles
    counted = 0
    for folder in [site / "pagefind", *(site / "pagefind" / bundle for bundle in bundles)]:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        counted += sum(language["page_count"] for language in entry["languages"].values())
    indexed = [path for path in site.rglob("*.html") if "data-pagefind-body" in path.read_text(encoding="utf-8")]
    assert counted == len(indexed)


def test_shared_pages_carry_their_own_title_and_description(golden_site):
    project, content = golden_site
    urls = SiteUrls.from_config(project.config)
    for entry in content.ksb:
        soup = page(project, f"/ksb/{entry.wilayah.slug}/{entry.slug}/")
        og = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}
        assert og["og:title"] == entry.record.nama  # the hostile name, as plain text
        assert og["og:description"] == soup.select_one("meta[name=description]")["content"]
        assert og["og:description"].startswith(f"{entry.record.nama}, Kecamatan {entry.tempat.kecamatan}, ")
        assert og["og:url"] == urls.page(ksb_path(entry))
        assert og["og:locale"] == "id_ID" and og["og:site_name"] == "Siaga Banten"
    home = page(project, "/")
    assert home.select_one("link[rel=alternate][type='application/atom+xml']")["href"] == "feed.xml"


# --- ids that survive an insertion -------------------------------------------------------------


def exported(project) -> dict[str, bytes]:
    """Every export of the project's content, as the pipeline makes them (no MkDocs build needed)."""
    from siaga.content.validate import load_and_validate
    from siaga.exports.files import export_files

    content = load_and_validate(project.content, today=TODAY)
    return export_files(content, SiteUrls.from_config(project.config)).files


def insert_before(path, anchor: str, text: str) -> None:
    """Put ``text`` in the content file just before the first line holding ``anchor``."""
    source = path.read_text(encoding="utf-8")
    at = source.index(anchor)
    at = source.rindex("\n", 0, at) + 1
    path.write_text(source[:at] + text + source[at:], encoding="utf-8")


def test_a_follow_up_keeps_its_calendar_uid_when_another_is_inserted_ahead_of_it(project):
    def uids() -> dict[str, str]:
        calendar = icalendar.Calendar.from_ical(exported(project)["data/agenda.ics"])
        return {str(event["summary"]): str(event["uid"]) for event in calendar.walk("VEVENT")}

    before = uids()
    insert_before(project.content / "fgd/2025-09-10-fgd-uji.md", "  - id: aksi-uji",
                  "  - id: aksi-baru\n    aksi: Aksi baru di depan\n    tenggat: 2025-11-30\n    status: usulan\n")
    after = uids()
    assert after["Tenggat: Aksi uji"] == before["Tenggat: Aksi uji"], "a subscriber's event stays the same action"
    assert after["Tenggat: Aksi baru di depan"] not in before.values(), "the new action gets an id of its own"


def test_a_board_member_keeps_the_vcard_uid_when_another_is_inserted_ahead(project):
    def uids() -> dict[str, str]:
        cards = exported(project)["ksb/kota-serang/cipare/ksb-cipare.vcf"].decode("utf-8")
        return {card.fn.value: card.uid.value for card in vobject.readComponents(cards)}

    before = uids()
    insert_before(project.content / "ksb/kota-serang/cipare.yml", "  - {nama: Ketua Cipare Setuju",
                  "  - {nama: Bendahara Baru Setuju, jabatan: bendahara, telepon: 0812-0000-0996, persetujuan: 2026-03-01}\n")
    after = uids()
    assert after["Ketua Cipare Setuju"] == before["Ketua Cipare Setuju"], "a saved contact is updated, not duplicated"
    assert after["Bendahara Baru Setuju"] not in before.values()
    assert len(set(after.values())) == len(after)
