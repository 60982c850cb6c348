"""The built site in a real browser (Debian's Chromium driven by Playwright): finding a KSB, posters."""

from __future__ import annotations

import io
import shutil

import pytest

from browser_support import PHONE, serving, skip_without_browser
from conftest import GOLDEN_CONTENT, REPO, TODAY, make_project, write
from siaga.content import phone
from siaga.published.paths import ksb_path
from siaga.published.urls import SiteUrls

skip_without_browser()


@pytest.fixture(scope="module")
def base_url(bundled_site):
    project, _ = bundled_site
    with serving(project.site) as url:
        yield url


@pytest.fixture(scope="module")
def crowded_posters(tmp_path_factory):
    """The fullest posters we can make: the golden KSB (long address, seven assembly points with long
    names, a sample notice) with every bundled emergency number, and a KSB whose name, address
    and assembly points are far longer than any real one. Served: (project, content, url)."""
    from siaga.build import build

    project = make_project(tmp_path_factory.mktemp("poster") / "proyek", GOLDEN_CONTENT)
    shutil.copy(REPO / "content/wilayah.yml", project.content / "wilayah.yml")
    shutil.copy(REPO / "content/kontak/darurat.yml", project.content / "kontak/darurat.yml")
    long_words = " ".join(["Jalan panjang sekali menuju posko"] * 20)
    write(project, "ksb/kota-serang/panjang.yml", f"""\
nama: KSB {"Nama Sangat Panjang " * 8}
kecamatan: Cipocok Jaya
ancaman: [banjir]
posko: {{alamat: "{long_words}", telepon: 0812-0000-0777, whatsapp: true, email: posko.panjang@contoh.example}}
titik_kumpul:
{"".join(f"  - {{nama: '{long_words[:150]} {n}'}}{chr(10)}" for n in range(9))}
contoh: true
""")
    content = build(project, strict=True, today=TODAY)
    assert max(len(e.record.titik_kumpul) for e in content.ksb) > 5
    with serving(project.site) as url:
        yield project, content, url


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


def _no_sideways_scrolling(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_resident_on_a_phone_sees_112_first_and_can_tap_it(phone_page, base_url):
    phone_page.goto(base_url + "/")
    call_112 = phone_page.locator('article a[href="tel:112"]').first
    assert call_112.is_visible()
    numbers = phone_page.locator("article h2", has_text="Nomor darurat").bounding_box()
    hazards = phone_page.locator("article h2", has_text="Apa yang harus dilakukan").bounding_box()
    assert numbers["y"] < hazards["y"]
    assert call_112.bounding_box()["y"] < hazards["y"]
    assert _no_sideways_scrolling(phone_page)


def test_resident_finds_a_ksb_from_the_home_page(phone_page, base_url, bundled_site):
    _, content = bundled_site
    entry = content.ksb[0]
    phone_page.goto(base_url + "/")
    phone_page.locator("article a", has_text=entry.wilayah.nama).first.click()
    phone_page.locator("article a", has_text=entry.record.nama).first.click()
    phone_page.wait_for_url(f"**/ksb/{entry.wilayah.slug}/{entry.slug}/")
    assert phone_page.locator("article h1").inner_text() == entry.record.nama
    assert phone_page.locator(".admonition.warning", has_text="Data contoh").is_visible() is entry.record.contoh
    _assert_posko_number_shown(phone_page, entry)
    assert _no_sideways_scrolling(phone_page)


def _assert_posko_number_shown(page, entry) -> None:
    """A real posko number is one tap from a call; a sample one is shown masked, with no link at all; without a
    published number the page says so and 112 is one tap away."""
    if entry.record.posko is None:
        assert page.locator("article", has_text="Belum ada kontak posko KSB ini yang dipublikasikan").first.is_visible()
        assert page.locator('article a[href="tel:112"]').first.is_visible()
        return
    number = entry.record.posko.telepon
    if entry.record.contoh:
        assert page.locator("article", has_text=phone.masked(number)).first.is_visible()
        assert page.locator('article a[href^="tel:+"], article a[href^="https://wa.me/62"]').count() == 0
    else:
        assert page.locator(f'article a[href="tel:{number}"]').first.is_visible()


def test_journalist_finds_a_ksb_by_searching_its_name(browser, base_url, bundled_site):
    _, content = bundled_site
    entry = content.ksb[-1]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(base_url + "/kontak/")
    assert not [url for url in fetched if "/pagefind/" in url], "no search index before the reader searches"
    page.keyboard.press("/")  # as in Material: "/" goes to the search box
    page.keyboard.type(entry.tempat.desa[0][1] if entry.tempat.desa else entry.record.nama, delay=30)
    result = page.locator(".siaga-cari__hasil a", has_text=entry.record.nama).first
    result.wait_for()
    assert page.locator(".siaga-cari__wilayah", has_text=entry.wilayah.nama).first.is_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ksb/{entry.wilayah.slug}/{entry.slug}/**")
    _assert_posko_number_shown(page, entry)
    context.close()


def _results(page, query: str) -> list[str]:
    page.fill("#siaga-cari-masukan", query)
    page.locator(".siaga-cari__status", has_text="hasil").wait_for()
    links = page.locator(".siaga-cari__hasil a")
    return [links.nth(index).get_attribute("href") for index in range(links.count())]


def test_search_understands_indonesian_word_forms(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="id-ID")
    page = context.new_page()
    page.goto(base_url + "/")
    assert "/panduan/banjir/" in _results(page, "kebanjiran")
    assert _results(page, "mengungsi") == _results(page, "pengungsian")
    assert all("/poster/" not in href for href in _results(page, "Pindai kode QR")), "posters stay out of the index"
    context.close()


def test_search_recovers_after_a_failed_load(browser, base_url):
    """A dropped connection while Pagefind loads used to break search until the page was reloaded."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="id-ID")
    context.route("**/sw.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(base_url + "/")
    failing = {"on": True}
    page.route("**/pagefind/**", lambda route: route.abort() if failing["on"] else route.continue_())
    page.fill("#siaga-cari-masukan", "banjir")
    page.locator(".siaga-cari__status", has_text="tidak bisa dimuat").wait_for()
    failing["on"] = False  # the connection is back; the reader types again, without reloading
    assert "/panduan/banjir/" in _results(page, "kebanjiran")
    context.close()


def _appears(locator, seconds: float = 3) -> bool:
    try:
        locator.wait_for(timeout=seconds * 1000)
        return True
    except Exception:
        return False


def test_guide_prints_without_navigation(phone_page, base_url):
    phone_page.goto(base_url + "/panduan/tsunami/")
    phone_page.emulate_media(media="print")
    assert not phone_page.locator(".md-header").is_visible()
    assert phone_page.locator("article h1").is_visible()


def _print_to_pdf(browser, url: str) -> bytes:
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")  # the QR image is part of the printout
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    context.close()
    return pdf


@pytest.mark.parametrize("which", ["bundled", "crowded"])
def test_every_poster_prints_on_one_a4_page_with_what_the_wall_needs(browser, base_url, bundled_site, crowded_posters, which):
    from pypdf import PdfReader

    _, content, url = (*bundled_site, base_url) if which == "bundled" else crowded_posters
    for entry in content.ksb:
        reader = PdfReader(io.BytesIO(_print_to_pdf(browser, f"{url}/ksb/{entry.wilayah.slug}/{entry.slug}/poster/")))
        assert len(reader.pages) == 1, f"{entry.record.nama}: {len(reader.pages)} A4 pages"
        sheet = reader.pages[0]
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (595, 842)  # A4 in points
        printed = " ".join(sheet.extract_text().split())
        if entry.record.posko:
            shown = phone.masked if entry.record.contoh else phone.national
            assert shown(entry.record.posko.telepon) in printed
        else:
            assert "Nomor posko KSB ini belum dipublikasikan" in printed
        for number in content.nomor_darurat:
            assert number.nama.split()[0] in printed, number.nama
        assert "Cetak poster" not in printed and "Siaga Banten" not in printed.split(entry.record.nama)[0]


def test_poster_qr_code_scans_to_the_ksb_page(browser, base_url, bundled_site, crowded_posters):
    import zxingcpp
    from PIL import Image

    for project, content, url in [(*bundled_site, base_url), crowded_posters]:
        urls = SiteUrls.from_config(project.config)
        context = browser.new_context(viewport={"width": 1000, "height": 1200})
        page = context.new_page()
        for entry in content.ksb:
            page.goto(f"{url}/ksb/{entry.wilayah.slug}/{entry.slug}/poster/")
            picture = Image.open(io.BytesIO(page.locator("article img").screenshot()))
            assert [code.text for code in zxingcpp.read_barcodes(picture)] == [urls.page(ksb_path(entry))]
        context.close()
