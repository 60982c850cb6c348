"""The bundled content builds into every page kind, with what residents, journalists and partners need."""

from __future__ import annotations

import gzip
import re

import pytest

from conftest import TODAY, page, readable_bytes, section_after, site_files
from siaga.content import phone
from siaga.content.wording import sample_marker
from siaga.published.urls import SiteUrls

MAIN_HAZARD_GUIDES = {"tsunami", "gempa-bumi", "banjir", "tanah-longsor", "gunung-api"}


def text_of(soup) -> str:
    return " ".join(soup.select_one("article").get_text(" ").split())


def test_every_page_kind_is_built(bundled_site):
    project, content = bundled_site
    urls = ["/", "/darurat/", "/ksb/", "/panduan/", "/fgd/", "/kontak/", "/kebutuhan/", "/tentang/"]
    urls += [f"/ksb/{region.slug}/" for region in content.wilayah]
    urls += [f"/ksb/{e.wilayah.slug}/{e.slug}/" for e in content.ksb]
    urls += [f"/panduan/{g.slug}/" for g in content.panduan]
    urls += [f"/fgd/{f.slug}/" for f in content.fgd]
    missing = [url for url in urls if not (project.site / url.strip("/") / "index.html").exists()]
    assert missing == []
    assert len(content.wilayah) == 8
    assert {e.wilayah.slug for e in content.ksb} == {region.slug for region in content.wilayah}, "a region without a KSB"


def test_every_page_is_in_indonesian(bundled_site):
    project, _ = bundled_site
    pages = list(project.site.rglob("*.html"))
    assert pages
    for path in pages:
        assert '<html lang="id"' in path.read_text(encoding="utf-8"), path


def confirmed_regions(content, number) -> str:
    """The regions where a locally run number is confirmed, named as the pages name them."""
    names = {region.slug: region.nama for region in content.wilayah}
    return ", ".join(names[slug] for slug in number.wilayah_terkonfirmasi)


def test_home_page_leads_to_action_numbers_then_hazards_then_ksb(bundled_site):
    project, content = bundled_site
    home = page(project, "/")
    headings = [h.get_text(strip=True) for h in home.select("article h2")]
    # Reports that stand at build time (the tests' sample ones) come right after the numbers; none, no heading.
    standing = ["Laporan situasi dari posko KSB"] if any(e.record.status_kini not in ("dikoreksi", "dicabut")
                                                         and e.record.berlaku_sampai > content.sekarang for e in content.laporan) else []
    assert standing, "the tests' sample reports include one that stands"
    assert headings == ["Nomor darurat", *standing, "Apa yang harus dilakukan", "KSB terdekat", "Cari KSB per kabupaten/kota"]
    calls = [a["href"] for a in home.select('article a[href^="tel:"]')]
    # Every quick number in the maintainers' order; one dialled with an area code, or out of service, is explained on /darurat/.
    assert calls == [f"tel:{number.nomor}" for number in content.nomor_darurat if number.tombol_cepat and not number.pakai_kode_area]
    assert len(calls) >= 5
    assert "siaga-panggil--utama" in home.select_one('article a[href^="tel:"]')["class"]
    text = text_of(home)
    for number in content.nomor_darurat:
        if number.wilayah_terkonfirmasi is not None:
            unverified = [r.nama for r in content.wilayah if r.slug not in number.wilayah_terkonfirmasi]
            named = unverified[0] if len(unverified) == 1 else ", ".join(unverified[:-1]) + " dan " + unverified[-1]
            assert f"{number.nomor} belum terverifikasi di {named}." in text
    tiles = [a["href"] for a in home.select("article .siaga-ubin__item--ancaman")]
    assert tiles == [f"panduan/{g.slug}/" for g in content.panduan if g.record.ancaman]
    regions = [a["href"] for a in home.select("article .siaga-ubin--wilayah a")]
    assert regions == [f"ksb/{region.slug}/" for region in content.wilayah]
    for href in tiles + regions:
        assert (project.site / href / "index.html").exists(), href


@pytest.mark.parametrize("site", ["bundled_site", "golden_site"])
def test_emergency_page_says_what_each_number_is_for_who_runs_it_and_whether_it_is_free(request, site):
    project, content = request.getfixturevalue(site)
    darurat = page(project, "/darurat/")
    text = text_of(darurat)
    sections = text.split(" Sumber: ")
    assert len(sections) == len(content.nomor_darurat) + 1, "one source line per number"
    for number, section in zip(content.nomor_darurat, sections, strict=False):
        section = section.split(" — ", 1)[1] if " — " in section else section
        if number.pakai_kode_area:  # never dialled bare: one button per area code the content knows
            assert not darurat.select_one(f'a[href="tel:{number.nomor}"]'), number.nomor
            for code in number.kode_area.values():
                assert darurat.select_one(f'a[href="tel:{code}{number.nomor}"]'), (number.nomor, code)
        else:
            assert darurat.select_one(f'a[href="tel:{number.nomor}"]'), number.nomor
        assert " ".join(number.untuk.split()) in text
        assert f"Dijalankan oleh: {' '.join(number.dikelola.split())}" in text
        # "free" only where a source says so; never a blanket promise for every number
        free = "Tarif: bebas pulsa menurut sumber" in section
        assert free is number.bebas_pulsa, number.nomor
        if number.whatsapp:
            assert darurat.select_one(f'a[href="https://wa.me/{number.whatsapp.lstrip("+")}"]'), number.nomor
        if number.wilayah_terkonfirmasi is not None:
            unverified = [r.nama for r in content.wilayah if r.slug not in number.wilayah_terkonfirmasi]
            assert f"Belum terverifikasi di: {', '.join(unverified)}." in text
    assert "nasional dan bebas pulsa" not in text and "semua nomor" not in text.lower()
    for source in (s for number in content.nomor_darurat for s in number.sumber):
        assert str(source.tahun) in text and " ".join(source.penerbit.split()) in text


def test_region_pages_list_their_ksb_by_kecamatan(bundled_site):
    project, content = bundled_site
    for region in content.wilayah:
        soup = page(project, f"/ksb/{region.slug}/")
        entries = [e for e in content.ksb if e.wilayah.slug == region.slug]
        for entry in entries:
            heading = soup.find("h2", string=f"Kecamatan {entry.record.kecamatan}")
            assert heading, (region.slug, entry.record.kecamatan)
            listed = heading.find_next("ul")
            assert listed.select_one(f'a[href="{entry.slug}/"]'), entry.slug
        jumps = [a["href"] for a in soup.select("article p a[href^='#kecamatan-']")]
        assert sorted(jumps) == sorted({f"#{soup.find('h2', string=f'Kecamatan {e.record.kecamatan}')['id']}" for e in entries})


def test_ksb_pages_stay_out_of_the_navigation(bundled_site):
    project, content = bundled_site
    nav = page(project, "/").select_one("nav.md-nav--primary")
    nav_links = {a.get("href", "").strip("./") for a in nav.select("a")}
    ksb_pages = {f"ksb/{entry.wilayah.slug}/{entry.slug}" for entry in content.ksb}
    region_pages = {f"ksb/{region.slug}" for region in content.wilayah}
    assert region_pages <= nav_links, "the check must see the region links to be able to see KSB links"
    assert not ksb_pages & nav_links
    assert len(nav_links) < 30


@pytest.mark.parametrize("site", ["bundled_site", "golden_site"])
def test_ksb_page_shows_posko_consented_board_and_sample_notice(request, site):
    project, content = request.getfixturevalue(site)
    for entry in content.ksb:
        soup = page(project, f"/ksb/{entry.wilayah.slug}/{entry.slug}/")
        record = entry.record
        if record.contoh:
            notice = soup.select_one(".admonition.warning")
            assert notice and "Data contoh" in notice.get_text()
            # a made-up number may belong to somebody: never one tap from a call or chat
            assert not soup.select('article a[href^="tel:+"], article a[href^="https://wa.me/62"]')
            assert phone.masked(record.posko.telepon) in text_of(soup)
            assert phone.national(record.posko.telepon) not in text_of(soup)
            assert "atas persetujuan yang bersangkutan" not in text_of(soup)
        elif record.posko:  # in the posko section, and as the first call button
            texts = [a.get_text(" ", strip=True) for a in soup.select(f'a[href="tel:{record.posko.telepon}"]')]
            assert phone.national(record.posko.telepon) in texts
            assert texts[0] == f"{phone.national(record.posko.telepon)} Posko {record.nama}"
        else:
            assert "Belum ada kontak posko KSB ini yang dipublikasikan" in text_of(soup)
        for person in record.pengurus:
            row = next(tr for tr in soup.select("article tr") if person.nama in tr.get_text())
            if person.telepon and not record.contoh:
                assert row.select_one(f'a[href="tel:{person.telepon}"]')
                assert row.select_one(f'a[href="https://wa.me/{person.telepon.lstrip("+")}"]')
            elif person.telepon:
                assert not row.select("a") and phone.masked(person.telepon) in row.get_text()
        headings = [h2.get_text(strip=True) for h2 in soup.select("article h2")]
        for section, present in [("Titik kumpul", record.titik_kumpul), ("Jalur evakuasi", record.jalur_evakuasi),
                                 ("Lumbung sosial", record.lumbung_sosial), ("Kegiatan", record.kegiatan), ("Mitra", record.mitra)]:
            assert (section in headings) == bool(present), (entry.slug, section)


def test_guides_cover_the_main_hazards_the_bag_and_the_household_plan(bundled_site):
    project, content = bundled_site
    slugs = {g.slug for g in content.panduan}
    assert len(slugs) >= 6
    assert MAIN_HAZARD_GUIDES | {"tas-siaga", "rencana-keluarga"} <= slugs
    for guide in content.panduan:
        text = text_of(page(project, f"/panduan/{guide.slug}/"))
        assert "Sumber" in text and guide.record.sumber[0].judul in text, guide.slug
        review = guide.record.ditinjau
        assert re.search(r"Terakhir ditinjau: \d{1,2} \w+ \d{4} ?, oleh ", text), guide.slug
        assert " ".join(review.oleh.split()) in text and (review.catatan is None or review.catatan in text), guide.slug
        if guide.slug in MAIN_HAZARD_GUIDES:
            assert all(word in text for word in ("Sebelum", "Saat", "Sesudah")), guide.slug


def test_fgd_page_attributes_points_and_invents_no_recommendation(bundled_site):
    project, content = bundled_site
    [fgd] = [f for f in content.fgd if f.slug == "2025-09-10-fgd-ksb-dinsos-banten"]
    text = text_of(page(project, f"/fgd/{fgd.slug}/"))
    assert "10 September 2025" in text and "40 orang" in text
    for speaker in ("Dicky Hardiana", "Zainal Abidin", "Embay Bahriyah", "Beni Madsira"):
        assert speaker in text
    assert fgd.record.rekomendasi == []
    assert "tidak ada rekomendasi yang dicatat sebagai keputusan" in text
    assert fgd.record.tindak_lanjut and all(action.status == "usulan" for action in fgd.record.tindak_lanjut)
    assert text.count("Usulan (belum dikonfirmasi)") == len(fgd.record.tindak_lanjut)


def test_needs_page_lists_every_need_by_region(bundled_site):
    from siaga.pages.render import WHOLE_LIST_MAX

    project, content = bundled_site
    if sum(len(e.record.kebutuhan) for e in content.ksb) > WHOLE_LIST_MAX:
        pytest.skip("past the limit the needs go region by region: test_lists_of_every_ksb_go_region_by_region_when_they_grow_long")
    soup = page(project, "/kebutuhan/")
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in soup.select("article tbody tr")]
    needs = [(e.wilayah.nama, e.record.nama + sample_marker(e.record), n.barang) for e in content.ksb for n in e.record.kebutuhan]
    assert len(soup.select("article table")) == 1, "one table for partners"
    assert len(rows) == len(needs)
    for region, nama, barang in needs:
        assert [region, nama, barang] in [row[:3] for row in rows], (region, nama, barang)
    regions_in_order = [row[0] for row in rows]
    order = [region.nama for region in content.wilayah]
    assert sorted(regions_in_order, key=order.index) == regions_in_order


def test_lists_of_every_ksb_go_region_by_region_when_they_grow_long(project, monkeypatch):
    """Past render.WHOLE_LIST_MAX rows, /kontak/ and /kebutuhan/ list regions, and each region's needs get a page:
    no page of megabytes at thousands of KSB. The limit is lowered so that the small golden content passes it."""
    from siaga.build import build
    from siaga.pages import render

    monkeypatch.setattr(render, "WHOLE_LIST_MAX", 0)
    content = build(project, strict=True, today=TODAY)  # strict: every new link leads somewhere
    regions = [region for region in content.wilayah if any(e.wilayah.slug == region.slug for e in content.ksb)]
    contacts = page(project, "/kontak/")
    posko_table = contacts.select("article table")[-1]
    posko_rows = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in posko_table.select("tbody tr")]
    assert posko_rows == [[region.nama, str(sum(1 for e in content.ksb if e.wilayah.slug == region.slug))] for region in regions]
    needs = page(project, "/kebutuhan/")
    summary = {tr.select_one("a").get_text(): [td.get_text() for td in tr.select("td")[1:]] for tr in needs.select("article tbody tr")}
    with_needs = [region for region in regions if any(e.record.kebutuhan for e in content.ksb if e.wilayah.slug == region.slug)]
    assert list(summary) == [region.nama for region in with_needs]
    for region in with_needs:
        items = [(e.record.nama + sample_marker(e.record), n)
                 for e in content.ksb if e.wilayah.slug == region.slug for n in e.record.kebutuhan]
        assert summary[region.nama] == [str(len({name for name, _ in items})), str(len(items)),
                                        str(sum(1 for _, need in items if need.prioritas == "tinggi"))]
        detail = page(project, f"/kebutuhan/{region.slug}/")
        rows = [[td.get_text(" ", strip=True) for td in tr.select("td")][:3] for tr in detail.select("article tbody tr")]
        assert rows == [[region.nama, name, need.barang] for name, need in items]


@pytest.mark.parametrize("site", ["bundled_site", "golden_site"])
def test_contacts_page_says_how_to_reach_every_organisation_and_posko(request, site):
    project, content = request.getfixturevalue(site)
    soup = page(project, "/kontak/")
    text = text_of(soup)
    for organisation in content.organisasi:
        block = section_after(next(h for h in soup.select("article h3") if h.get_text(" ", strip=True).startswith(organisation.nama)))
        links = [a["href"] for part in block for a in part.select("a")]
        block_text = " ".join(" ".join(part.get_text(" ").split()) for part in block)
        if organisation.contoh:
            assert not [href for href in links if href.startswith(("tel:", "https://wa.me/"))]
        else:
            if organisation.telepon or organisation.email or organisation.situs:
                assert any(href.startswith(("tel:", "mailto:", "http")) for href in links), organisation.id
            if organisation.saluran:
                assert "Sumber kontak:" in block_text, organisation.id
            if not organisation.bisa_dihubungi_langsung:
                assert f"Cara menghubungi: {' '.join(organisation.cara_menghubungi.split())}" in block_text, organisation.id
    from siaga.pages.render import WHOLE_LIST_MAX

    for entry in content.ksb if len(content.ksb) <= WHOLE_LIST_MAX else ():  # past it, region pages list the posko
        if entry.record.posko:
            linked = soup.select_one(f'a[href="tel:{entry.record.posko.telepon}"]')
            assert bool(linked) is not entry.record.contoh, entry.slug
    assert "Untuk media" in text


def test_about_page_explains_legal_basis_and_withdrawing_consent(bundled_site):
    project, _ = bundled_site
    text = text_of(page(project, "/tentang/"))
    assert "Nomor 128 Tahun 2011" in text and "Nomor 27 Tahun 2022" in text
    assert "menarik persetujuan" in text.lower() and "riwayat repositori" in text


def test_a_person_whose_consent_is_withdrawn_is_gone_from_every_file_the_next_build_writes(bundled_site, tmp_path):
    """Withdrawing consent is deleting the entry: the next build leaves the name and number in no file, the search
    index's compressed pieces included (read as a browser reads them)."""
    from conftest import REPO, make_project
    from siaga.build import build

    _, content = bundled_site
    entry = next(e for e in content.ksb if len(e.record.pengurus) >= 2)
    withdrawn = entry.record.pengurus[-1]
    project = make_project(tmp_path / "proyek", REPO / "content", samples=True)
    path = project.root / entry.path
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - nama: {withdrawn.nama}")
    end = text.index("\n", text.index("persetujuan:", start))
    path.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    build(project, strict=True, today=TODAY)
    national = phone.national(withdrawn.telepon)
    needles = {withdrawn.nama, withdrawn.telepon, withdrawn.telepon.lstrip("+"), national, national.replace("-", "")}
    searched = b""
    for file in site_files(project):
        data = readable_bytes(file)
        if "pagefind" in file.parts:
            searched += data
        for needle in needles:
            assert needle.encode() not in data, f"{needle!r} in {file.relative_to(project.site)}"
    kept = entry.record.pengurus[0]
    assert kept.nama.encode() in searched, "the search index was read: a consented name is in it"


@pytest.mark.parametrize("url", ["/", "the heaviest KSB page", "/panduan/tsunami/"])
def test_pages_are_light_for_slow_mobile_data(bundled_site, url):
    project, _ = bundled_site
    if url == "the heaviest KSB page":  # whichever KSB has the most sources: the test follows the content
        path = max(project.site.glob("ksb/*/*/index.html"), key=lambda page_file: page_file.stat().st_size)
    else:
        path = project.site / url.strip("/") / "index.html"
    html = path.read_bytes()
    assert len(html) < 60_000, f"{url} is {len(html)} bytes"
    assert b"fonts.googleapis.com" not in html


@pytest.mark.parametrize("built", ["bundled_site", "golden_site"])
def test_sitemap_is_an_index_whose_parts_list_every_page_once(built, request):
    """Search engines read the index, then its parts: every built page is in exactly one part, each KSB page in
    its region's part, and the index itself stays a few lines whatever the number of KSB."""
    from xml.etree import ElementTree

    project, content = request.getfixturevalue(built)
    base = SiteUrls.from_config(project.config).base
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ElementTree.parse(project.site / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    listed: list[str] = []
    for part in index.findall("s:sitemap/s:loc", namespace):
        name = part.text.removeprefix(base)
        urls = [loc.text for loc in ElementTree.parse(project.site / name).getroot().findall("s:url/s:loc", namespace)]
        assert urls, name
        for url in urls:
            segments = url.removeprefix(base).strip("/").split("/")
            expected = f"sitemap-ksb-{segments[1]}.xml" if segments[0] == "ksb" and len(segments) >= 3 else "sitemap-halaman.xml"
            assert name == expected, url
        listed += urls
    pages = sorted(base + path.parent.relative_to(project.site).as_posix().removeprefix(".") + "/"
                   for path in project.site.rglob("index.html") if "pagefind" not in path.parts)
    pages = [page.replace(base + "/", base) for page in pages]
    assert sorted(listed) == pages, "every page once"
    regions = {entry.wilayah.slug for entry in content.ksb}
    assert len(index) == 1 + len(regions)
    assert gzip.decompress((project.site / "sitemap.xml.gz").read_bytes()) == (project.site / "sitemap.xml").read_bytes()

