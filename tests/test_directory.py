"""The directory as the public site publishes it: only real KSB named by public sources, each with a source a
reader can open, agencies a journalist can reach (or that say they cannot be reached yet), official counts beside
ours, and the official codes of every place.
"""

from __future__ import annotations

import csv
import io
import json

import vobject

from conftest import page, section_after
from siaga.content.regions import official_list
from siaga.published.paths import ksb_path, served_url


def test_no_sample_entry_is_published(published_site):
    project, content = published_site
    assert content.ksb, "the directory is not empty"
    assert not [entry.path for entry in content.ksb if entry.record.contoh]
    assert not [organisation.id for organisation in content.organisasi if organisation.contoh]
    data_page = page(project, "/data/").select_one("article")
    assert not data_page.select(".admonition"), "no warning about sample data"
    assert "(contoh)" not in page(project, "/ksb/").select_one("article").get_text()


def test_every_ksb_page_names_a_source_a_reader_can_open(published_site):
    project, content = published_site
    for entry in content.ksb:
        article = page(project, "/" + served_url(ksb_path(entry))).select_one("article")
        heading = next(h for h in article.select("h2") if h.get_text(strip=True) == "Sumber")
        links = [a["href"] for a in heading.find_next("ul").select("a[href^='http']")]
        assert links, entry.path
        assert "Terakhir disebut dalam sumber publik" in article.get_text(), entry.path


def test_a_ksb_without_a_posko_contact_sends_the_reader_to_its_dinsos_and_the_emergency_numbers(published_site):
    project, content = published_site
    without = [entry for entry in content.ksb if entry.record.posko is None]
    assert without, "the public sources publish no posko number"
    for entry in without:
        article = page(project, "/" + served_url(ksb_path(entry))).select_one("article")
        text = " ".join(article.get_text(" ").split())
        assert "Belum ada kontak posko KSB ini yang dipublikasikan" in text, entry.path
        assert article.select_one('a[href="tel:112"]'), entry.path
        assert "Dinas Sosial" in text and article.select_one('a[href$="kontak/"]'), entry.path
        published = {o.telepon for o in content.organisasi if o.telepon}
        dialled = {a["href"].removeprefix("tel:") for a in article.select('a[href^="tel:+62"]')}
        assert dialled <= published, "no number but an agency's published one"
        assert not article.select('a[href^="https://wa.me/62"]')


def test_the_ksb_list_shows_official_counts_beside_the_listed_ones(published_site):
    project, content = published_site
    article = page(project, "/ksb/").select_one("article")
    first = article.select_one("table")
    listed = {row.select("td")[0].get_text(strip=True): int(row.select("td")[2].get_text(strip=True))
              for row in first.select("tbody tr") if row.select("td")[1].get_text(strip=True)}
    assert listed == {region.nama: len(entries) for region, entries in zip(content.wilayah, content.ksb_by_region().values(), strict=True)}
    official = next(table for table in article.select("table") if "Menurut" in table.get_text() and "Sumber" in table.get_text())
    assert len(official.select("tbody tr")) == len(content.hitungan) >= 4
    assert all(row.select("a[href^='http']") for row in official.select("tbody tr")), "every count has its source"


def test_every_agency_has_a_verified_channel_or_says_it_has_none(published_site):
    project, content = published_site
    article = page(project, "/kontak/").select_one("article")
    for organisation in content.organisasi:
        block = section_after(next(h for h in article.select("h3") if h.get_text(strip=True) == organisation.nama))
        text = " ".join(" ".join(part.get_text(" ") for part in block).split())
        if organisation.telepon:
            assert any(part.select("a[href^='tel:']") for part in block), organisation.id
        if organisation.email:
            assert any(part.select(f"a[href='mailto:{organisation.email}']") for part in block), organisation.id
        if not organisation.bisa_dihubungi_langsung:
            assert "Cara menghubungi:" in text, organisation.id
        if organisation.saluran:
            assert "Sumber kontak:" in text, organisation.id


def test_dinsos_and_bpbd_of_the_province_and_of_every_region_are_listed(published_site):
    _, content = published_site
    for kind in ("dinsos", "bpbd"):
        province = [o for o in content.organisasi if o.id.startswith(kind) and not o.wilayah]
        assert len(province) == 1, kind
        covered = {o.wilayah[0] for o in content.organisasi if o.id.startswith(kind) and len(o.wilayah) == 1}
        assert covered == {region.slug for region in content.wilayah}, kind


def test_every_organisation_with_a_channel_is_a_contact_in_the_vcf(published_site):
    project, content = published_site
    cards = list(vobject.readComponents((project.site / "data/kontak.vcf").read_text(encoding="utf-8")))
    names = {card.fn.value for card in cards}
    assert names >= {organisation.nama for organisation in content.organisasi if organisation.saluran}
    for organisation in content.organisasi:
        card = next((card for card in cards if card.fn.value == organisation.nama), None)
        if organisation.telepon:
            assert card is not None and card.tel.value == organisation.telepon
        if organisation.email:
            assert card is not None and card.email.value == organisation.email


def test_exports_carry_the_official_codes_and_say_how_precise_each_point_is(published_site):
    project, content = published_site
    official = official_list()
    rows = list(csv.DictReader(io.StringIO((project.site / "data/ksb.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(content.ksb)
    for row in rows:
        kecamatan = official.by_code[row["kecamatan_kode"]]
        assert kecamatan.nama == row["kecamatan"] and kecamatan.induk == row["wilayah_kode"]
        codes = [code for code in row["desa_kelurahan_kode"].split("; ") if code]
        names = [name for name in row["desa_kelurahan"].split("; ") if name]
        assert [official.by_code[code].nama for code in codes] == names
        assert all(official.by_code[code].induk == kecamatan.kode for code in codes)
        assert row["ketepatan_lokasi"] in ("titik", "kecamatan")
    features = json.loads((project.site / "data/ksb.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == len(content.ksb), "every KSB is on the map, so nearest KSB finds them"
    for feature in features:
        properties = feature["properties"]
        if properties["ketepatan_lokasi"] == "kecamatan":
            centre = official.by_code[properties["kecamatan_kode"]]
            assert feature["geometry"]["coordinates"] == [round(centre.lon, 5), round(centre.lat, 5)]


def test_pages_say_exactly_how_many_entries_are_sourced_and_reachable(published_site):
    project, content = published_site
    data_text = " ".join(page(project, "/data/").select_one("article").get_text(" ").split())
    assert f"Daftar KSB memuat {len(content.ksb)} KSB yang disebut sumber publik" in data_text
    with_posko = sum(1 for entry in content.ksb if entry.record.posko)
    assert (f"{with_posko} punya nomor posko" if with_posko else "belum ada yang punya nomor posko") in data_text
    for url in ("/", "/ksb/", "/ksb/kab-lebak/", "/kontak/", "/data/"):
        text = page(project, url).select_one("article").get_text(" ")
        assert "Setiap KSB punya posko" not in text and "dengan posko yang bisa dihubungi" not in text, url


def test_the_maintainer_page_lists_what_is_still_unknown_per_region(published_site):
    project, content = published_site
    article = page(project, "/pengelola/belum-diketahui/").select_one("article")
    regions = [h.get_text(strip=True) for h in article.select("h2")]
    assert regions == [region.nama for region in content.wilayah]
    rows = article.select("tbody tr")
    assert len(rows) == len(content.ksb)
    without_decree = [entry for entry in content.ksb if not entry.record.dasar_hukum]
    assert sum("surat keputusan" in row.get_text() for row in rows) == len(without_decree)
