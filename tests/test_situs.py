"""The publisher in one file: ``content/situs.yml`` names who publishes the site, its official contact, its licences
and its addresses, and the footer, the about page, /data/, the feeds, the vCards, the data package, the edit links and
the public address all follow it. Undecided fields say so; wrong ones are refused in plain Indonesian."""

from __future__ import annotations

import json
import os

import feedparser
import pytest
import vobject

from conftest import GOLDEN_CONTENT, TODAY, make_project, page, write
from test_validate import problems

PUBLISHER = "Dinas <b>Uji</b> & *Contoh*"  # text, whatever it looks like
DECIDED = f"""\
penerbit: '{PUBLISHER}'
kontak:
  email: humas@uji.test
  sumber:
    - {{judul: Halaman kontak, penerbit: Dinas Uji, tahun: 2026}}
lisensi_data: CC-BY-4.0
lisensi_konten: CC-BY-SA-4.0
alamat_situs: https://siaga.uji.test/
alamat_repositori: https://github.com/uji/siaga-banten
sumber:
  - {{judul: Keputusan pengelolaan situs, penerbit: Dinas Uji, tahun: 2026}}
"""
# Every kind of page a reader may land on, the theme's own 404 page among them.
PAGES = ["/", "/darurat/", "/panduan/", "/ksb/", "/data/", "/tentang/", "/kontak/"]


def _footer(project, url: str) -> str:
    return page(project, url).select_one(".md-copyright").get_text(" ", strip=True)


def test_the_bundled_site_says_the_publisher_and_licences_are_undecided(bundled_site):
    project, content = bundled_site
    assert content.situs.penerbit is None and content.situs.lisensi_data is None, "the bundled file decides nothing yet"
    for url in PAGES:
        footer = _footer(project, url)
        assert "Pengelola resmi belum dikonfirmasi." in footer and "Lisensi data belum ditetapkan." in footer, url
    missing = (project.site / "404.html").read_text(encoding="utf-8")
    assert "Pengelola resmi belum dikonfirmasi." in missing
    about = page(project, "/tentang/").select_one("article").get_text(" ", strip=True)
    assert "belum dikonfirmasi" in about and "Teks halaman (panduan, catatan FGD): belum ditetapkan." in about
    assert "Lisensi data: belum ditetapkan." in page(project, "/data/").select_one("article").get_text(" ", strip=True)
    package = json.loads((project.site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert "licenses" not in package and package["description"].endswith("Lisensi data belum ditetapkan.")
    assert package["contributors"] == [{"title": "Siaga Banten", "role": "publisher"}]
    assert feedparser.parse((project.site / "feed.xml").read_bytes()).feed.author == "Siaga Banten"


@pytest.fixture(scope="module")
def decided(tmp_path_factory):
    """The golden content with every field of content/situs.yml decided, built without the publishing job's variables."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("situs") / "proyek", GOLDEN_CONTENT)
    write(project, "situs.yml", DECIDED)
    saved = {name: os.environ.pop(name) for name in ("SIAGA_SITE_URL", "SIAGA_EDIT_URL") if name in os.environ}
    try:
        content = build(project, strict=True, today=TODAY)
    finally:
        os.environ.update(saved)
    return project, content


def test_the_footer_and_the_about_page_name_the_publisher_and_the_licences(decided):
    project, _ = decided
    for url in PAGES:
        footer = page(project, url).select_one(".md-copyright")
        assert f"Diterbitkan oleh {PUBLISHER}." in footer.get_text(" ", strip=True), url
        assert not footer.select("b"), "the publisher's name is text, not markup"
        licences = {a["href"]: a.get_text() for a in footer.select("a[rel=license]")}
        assert licences == {
            "https://creativecommons.org/licenses/by/4.0/deed.id": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
            "https://creativecommons.org/licenses/by-sa/4.0/deed.id":
                "Creative Commons Atribusi-BerbagiSerupa 4.0 Internasional (CC BY-SA 4.0)",
        }, url
    about = page(project, "/tentang/").select_one("article")
    text = about.get_text(" ", strip=True)
    assert f"Situs ini diterbitkan oleh {PUBLISHER}" in text and "belum dikonfirmasi" not in text
    assert not about.select("b"), "the publisher's name is text, not markup"
    assert about.select_one('a[href="mailto:humas@uji.test"]')
    assert about.select_one('a[href="https://creativecommons.org/licenses/by-sa/4.0/deed.id"]')
    assert "Keputusan pengelolaan situs" in text, "the decision is cited"
    data = page(project, "/data/").select_one("article")
    assert data.select_one('a[href="https://creativecommons.org/licenses/by/4.0/deed.id"]')


def test_the_data_package_feeds_and_vcards_carry_the_publisher(decided):
    from frictionless import validate

    project, _ = decided
    package_path = project.site / "data" / "datapackage.json"
    package = json.loads(package_path.read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "title": "Creative Commons Atribusi 4.0 Internasional (CC BY 4.0)",
                                    "path": "https://creativecommons.org/licenses/by/4.0/deed.id"}]
    assert package["contributors"] == [{"title": PUBLISHER, "role": "publisher", "email": "humas@uji.test",
                                        "path": "https://siaga.uji.test/"}]
    assert package["sources"] and all(source["title"] for source in package["sources"])
    report = validate(package_path)
    assert report.valid, report.flatten(["type", "note"])
    feed = feedparser.parse((project.site / "feed.xml").read_bytes())
    assert feed.feed.author == PUBLISHER and feed.feed.link.startswith("https://siaga.uji.test/")
    cards = list(vobject.readComponents((project.site / "data" / "kontak.vcf").read_text(encoding="utf-8")))
    assert cards and all(card.note.value.endswith(f"(Dari situs Siaga Banten. Diterbitkan oleh {PUBLISHER}.)") for card in cards)


def test_the_public_address_and_the_edit_links_come_from_the_file(decided):
    project, content = decided
    sitemap = (project.site / "sitemap-halaman.xml").read_text(encoding="utf-8")
    assert "<loc>https://siaga.uji.test/" in sitemap and ".example/" not in sitemap
    entry = content.ksb[0]
    ksb = page(project, f"/ksb/{entry.wilayah.slug}/{entry.slug}/")
    edits = [a["href"] for a in ksb.select("a") if "/edit/" in a.get("href", "")]
    assert edits == [f"https://github.com/uji/siaga-banten/edit/main/content/ksb/{entry.wilayah.slug}/{entry.slug}.yml"]
    poster = (project.site / "ksb" / entry.wilayah.slug / entry.slug / "poster" / "index.html").read_text(encoding="utf-8")
    assert f"https://siaga.uji.test/ksb/{entry.wilayah.slug}/{entry.slug}/" in poster


@pytest.mark.parametrize(("text", "expected"), [
    ("lisensi_data: CC BY 4.0\nsumber: [{judul: SK, penerbit: Dinas Uji, tahun: 2026}]\n",
     "content/situs.yml:1:15: lisensi_data: lisensi 'CC BY 4.0' tidak dikenal: maksud Anda CC-BY-4.0? pilih salah satu kode ini: "
     "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODbL-1.0, ODC-By-1.0, PDDL-1.0"),
    ("lisensi_konten: hak cipta\nsumber: [{judul: SK, penerbit: Dinas Uji, tahun: 2026}]\n",
     "content/situs.yml:1:17: lisensi_konten: lisensi 'hak cipta' tidak dikenal: pilih salah satu kode ini: "
     "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODbL-1.0, ODC-By-1.0, PDDL-1.0"),
    ("alamat_situs: http://siaga.uji.test/\n",
     "content/situs.yml:1:15: alamat_situs: 'http://siaga.uji.test/' tidak sesuai bentuknya: alamat lengkap yang diawali "
     "https:// (bukan http://), misalnya https://siaga.contoh.go.id/"),
    ("alamat_repositori: github.com/uji/siaga\n",
     "content/situs.yml:1:20: alamat_repositori: 'github.com/uji/siaga' tidak sesuai bentuknya: alamat lengkap yang diawali "
     "https://, misalnya https://github.com/organisasi/siaga-banten"),
    ("penerbit: Dinas Uji\n",
     "content/situs.yml:1:1: sumber: penerbit dan lisensi perlu sumber (keputusan atau pengumuman yang menetapkannya)"),
    ("kontak: {email: humas@uji.test}\n",
     "content/situs.yml:1:1: sumber: e-mail atau telepon penerbit perlu sumber (di mana penerbit mengumumkannya)"),
])
def test_a_wrong_publisher_file_is_refused_in_plain_words(project, text, expected):
    write(project, "situs.yml", text)
    assert problems(project) == [expected]
