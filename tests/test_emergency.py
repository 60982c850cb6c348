"""Emergency first on every page: the call buttons of a first screen, the note beside 112, the numbers from the header.

The built pages are read as a resident's phone shows them: parsed HTML for what a page says, Chromium at
360 x 640 for what fits on the first screen.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import GOLDEN_CONTENT, REPO, TODAY, make_project, page, write
from siaga.content.errors import ContentInvalid


def _darurat(numbers: str) -> str:
    """A darurat.yml with 112 run in two regions only, and the numbers given after it."""
    return f"""\
nomor_darurat:
  - nomor: "112"
    nama: Layanan Panggilan Darurat 112
    untuk: Segala keadaan darurat.
    dikelola: pemerintah kabupaten/kota
    wilayah_terkonfirmasi: [kab-lebak, kota-tangerang]
    bila_tidak_tersambung: ["110", "119"]
    sumber: [{{judul: Berita uji 112, penerbit: Koran uji, tahun: 2024}}]
{numbers}"""


NUMBERS = """\
  - nomor: "110"
    nama: Polisi
    untuk: Kejahatan.
    dikelola: Polri
    sumber: [{judul: Berita uji 110, penerbit: Koran uji, tahun: 2024}]
  - nomor: "119"
    nama: Gawat darurat medis (SPGDT)
    untuk: Orang sakit berat.
    dikelola: Kemenkes
    sumber: [{judul: Berita uji 119, penerbit: Koran uji, tahun: 2024}]
  - nomor: "117"
    nama: Pusat panggilan BNPB
    untuk: Laporan bencana.
    dikelola: BNPB
    tombol_cepat: false
    sumber: [{judul: Berita uji 117, penerbit: Koran uji, tahun: 2024}]
  - nomor: "123"
    nama: PLN
    untuk: Bahaya listrik.
    dikelola: PLN
    pakai_kode_area: true
    kode_area: {kab-serang: "0254", kota-serang: "0254"}
    sumber: [{judul: Berita uji 123, penerbit: Koran uji, tahun: 2024}]
"""


@pytest.fixture(scope="module")
def numbers_site(tmp_path_factory):
    """The golden content with every region, 112 confirmed in Lebak and Kota Tangerang only, an area-coded PLN
    and a number that is no quick button, and one KSB in Lebak and one in Kab. Serang."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("nomor") / "proyek", GOLDEN_CONTENT)
    shutil.copy(REPO / "content/wilayah.yml", project.content / "wilayah.yml")
    write(project, "kontak/darurat.yml", _darurat(NUMBERS))
    source = "sumber: [{judul: Berita uji, penerbit: Koran uji, tahun: 2025}]"
    write(project, "ksb/kab-lebak/uji-lebak.yml",
          f"nama: KSB Uji Lebak\nkecamatan: Bayah\n{source}\nposko: {{alamat: Balai desa, telepon: 0812-0000-0303}}\n")
    write(project, "ksb/kab-serang/uji-serang.yml", f"nama: KSB Uji Serang\nkecamatan: Anyar\n{source}\n")
    content = build(project, strict=True, today=TODAY)
    return project, content


def _buttons(soup) -> list[tuple[str, str]]:
    """(href, text) of the call buttons at the top of a page, in order."""
    hero = soup.select_one("article .siaga-hero")
    assert hero is not None, "no call buttons"
    return [(a["href"], a.get_text(" ", strip=True)) for a in hero.select("a.siaga-panggil")]


def test_a_ksb_page_where_112_is_not_confirmed_names_its_region_and_offers_the_numbers_to_call_instead(numbers_site):
    project, _ = numbers_site
    soup = page(project, "/ksb/kab-serang/uji-serang/")
    hrefs = [href for href, _ in _buttons(soup)]
    assert hrefs[0] == "tel:112"
    assert {"tel:110", "tel:119"} <= set(hrefs)
    note = soup.select_one("article .siaga-hero__catatan").get_text(" ", strip=True)
    assert "112 belum terverifikasi di Kabupaten Serang" in note
    assert "hubungi langsung 110 atau 119" in note
    assert "Lebak" not in note  # a region's page names its own region only


def test_a_ksb_page_where_112_is_confirmed_says_so_beside_it(numbers_site):
    project, _ = numbers_site
    soup = page(project, "/ksb/kab-lebak/uji-lebak/")
    assert [href for href, _ in _buttons(soup)][:2] == ["tel:+6281200000303", "tel:112"]  # its posko, then 112
    note = soup.select_one("article .siaga-hero__catatan").get_text(" ", strip=True)
    assert "sudah diluncurkan di Kabupaten Lebak" in note
    assert "belum" not in note


@pytest.mark.parametrize("url", ["/", "/darurat/", "/panduan/banjir/"])
def test_pages_for_everyone_name_every_region_where_112_is_not_confirmed(numbers_site, url):
    project, content = numbers_site
    soup = page(project, url)
    note = soup.select_one("article .siaga-hero__catatan").get_text(" ", strip=True)
    unconfirmed = [r.nama for r in content.wilayah if r.slug not in ("kab-lebak", "kota-tangerang")]
    assert len(unconfirmed) == 6
    for name in unconfirmed:
        assert name in note
    assert "Kabupaten Lebak" not in note
    assert {"tel:112", "tel:110", "tel:119"} <= {href for href, _ in _buttons(soup)}


def test_a_number_that_needs_an_area_code_is_never_dialled_bare_and_gets_a_button_per_code(numbers_site):
    project, _ = numbers_site
    for path in project.site.rglob("*.html"):
        assert 'href="tel:123"' not in path.read_text(encoding="utf-8"), path
    soup = page(project, "/darurat/")
    area = [a for a in soup.select("article a.siaga-panggil") if a["href"] == "tel:0254123"]
    assert len(area) == 1, "one button for 0254, shared by the two regions that use it"
    label = area[0].get_text(" ", strip=True)
    assert "0254 123" in label and "Kabupaten Serang" in label and "Kota Serang" in label
    pln = soup.find("h2", string=re.compile("^123"))
    text = " ".join(element.get_text(" ", strip=True) for element in pln.find_next_siblings(limit=4))
    assert "tekan kode area lebih dulu" in text
    assert "Kabupaten Lebak" in text and "belum kami pastikan" in text  # no code for Lebak in the content


def test_a_number_that_is_no_quick_button_is_still_explained_on_the_numbers_page(numbers_site):
    project, _ = numbers_site
    for url in ["/", "/darurat/", "/panduan/banjir/", "/ksb/kab-serang/uji-serang/"]:
        assert "tel:117" not in {href for href, _ in _buttons(page(project, url))}, url
    assert page(project, "/darurat/").find("h2", string=re.compile("^117"))


def test_the_404_page_has_the_same_call_buttons_and_note(numbers_site):
    from bs4 import BeautifulSoup

    project, _ = numbers_site
    missing = BeautifulSoup((project.site / "404.html").read_text(encoding="utf-8"), "html.parser")
    hero = missing.select_one(".siaga-hero")
    assert [a["href"] for a in hero.select("a.siaga-panggil")] == [href for href, _ in _buttons(page(project, "/"))]
    assert hero.select_one(".siaga-hero__catatan").get_text(" ", strip=True) == \
        page(project, "/").select_one("article .siaga-hero__catatan").get_text(" ", strip=True)


def test_every_page_links_to_the_numbers_from_the_header(published_site):
    project, _ = published_site
    checked = 0
    for path in project.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if "<header" not in text:
            continue  # a redirect or a fragment
        match = re.search(r'<a class="siaga-ke-darurat" href="([^"]+)"', text)
        assert match, path
        target = (path.parent / match.group(1)).resolve() if not match.group(1).startswith("/") else None
        if target is not None:
            assert (target / "index.html").is_file(), (path, match.group(1))
        checked += 1
    assert checked > 50


def test_a_guide_for_a_hazard_without_one_clear_instruction_is_refused_at_its_line(project):
    from siaga.build import build

    guide = next(project.content.glob("panduan/*.md"))
    text = guide.read_text(encoding="utf-8")
    if "ancaman:" not in text:
        text = text.replace("\nringkasan:", "\nancaman: banjir\nringkasan:", 1)
    text = re.sub(r"(?m)^tindakan:.*\n(  .*\n)*", "", text)
    guide.write_text(text, encoding="utf-8")
    with pytest.raises(ContentInvalid) as failure:
        build(project, strict=True, today=TODAY)
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith("ancaman:"))
    assert f"{guide.relative_to(project.root).as_posix()}:{line}:" in str(failure.value)
    assert "tindakan" in str(failure.value)


def test_a_number_to_call_instead_of_112_must_be_listed(project):
    from siaga.build import build

    write(project, "kontak/darurat.yml", _darurat(NUMBERS).replace('["110", "119"]', '["110", "118"]'))
    with pytest.raises(ContentInvalid) as failure:
        build(project, strict=True, today=TODAY)
    assert "bila_tidak_tersambung: '118' bukan nomor lain" in str(failure.value)
    assert "content/kontak/darurat.yml:7:" in str(failure.value)


def test_the_home_page_title_says_the_site_name_once(published_site):
    project, _ = published_site
    assert page(project, "/").title.string == "Siaga Banten"
    assert page(project, "/darurat/").title.string == "Nomor darurat - Siaga Banten"


def test_the_header_and_footer_are_named_in_indonesian(published_site):
    project, _ = published_site
    soup = page(project, "/darurat/")
    labels = {element["aria-label"] for element in soup.select("[aria-label]")}
    assert "Kepala halaman" in labels
    assert not {"Header", "Footer"} & labels


def test_residents_never_see_a_source_file_path(published_site):
    project, _ = published_site
    for path in project.site.rglob("*.html"):
        if "pengelola" in path.parts:
            continue
        text = re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
        assert not re.search(r"content/(panduan|ksb|kontak|fgd)/", text), path


@pytest.mark.parametrize("word", ["feed", "vcard", "power bank", "contact center"])
def test_resident_pages_say_it_in_indonesian(published_site, word):
    """The pages residents read; /data/ (file formats by name) and the maintainer pages are for partners and maintainers."""
    project, _ = published_site
    for path in project.site.rglob("index.html"):
        relative = path.relative_to(project.site).as_posix()
        if relative.startswith(("data/", "pengelola/")) or "/poster/" in relative:
            continue
        from bs4 import BeautifulSoup

        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        for cited in article.select("a[href^='http']"):
            cited.decompose()  # a source's own title is quoted as published
        assert word not in article.get_text(" ").lower(), relative


def test_the_nearest_ksb_list_gets_the_posko_number_as_every_page_writes_it(numbers_site):
    import json

    project, _ = numbers_site
    features = json.loads((project.site / "data/ksb.geojson").read_text(encoding="utf-8"))["features"]
    lebak = next(f["properties"] for f in features if f["properties"]["nama"] == "KSB Uji Lebak")
    assert lebak["posko_telepon"] == "+6281200000303"  # data files keep the international form
    assert lebak["posko_telepon_lokal"] == "0812-0000-0303"
    # The same number as the KSB's own page shows it, in its call button.
    assert ("tel:+6281200000303", "0812-0000-0303 Posko KSB Uji Lebak") in _buttons(page(project, "/ksb/kab-lebak/uji-lebak/"))
