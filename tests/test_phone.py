"""Every page kind as a resident meets it: a 360 x 640 phone, Debian's Chromium, the built bundled site.

Nothing beyond the right edge, a number to tap on the first screens, an Indonesian 404, no WCAG 2.1
AA violation (axe-core), clean printouts, reading offline, no console error, and no request that
leaves 127.0.0.1.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from urllib.parse import urlsplit

import pytest

from browser_support import (
    MISSING,
    SMALL_PHONE,
    first_visit,
    page_kinds,
    serving,
    serving_compressed,
    skip_without_browser,
    wait_until,
)
from siaga.published.paths import ksb_path, panduan_path, served_url

skip_without_browser()

MAIN_HAZARDS = {"tsunami", "gempa-bumi", "banjir", "tanah-longsor", "gunung-api"}
# The printouts as designed: the checklist on one sheet, the household plan on two, a hazard guide on at most three.
# The bag's checklist is one sheet (its sources on the back), the household plan at most three pages with its numbers;
# a hazard guide with its sources at most four.
PRINTED_PAGES = {"tas-siaga": (1, 2), "rencana-keluarga": (1, 3)}
HAZARD_GUIDE_PAGES = (1, 4)

# Everything a reader needs that could sit beyond the right edge of the screen.
_OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const element of document.querySelectorAll(
      "article a, article td, article th, article p, article li, article h1, article h2, article h3, " +
      "article button, article img, .md-header a, .md-header button, .md-footer a")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
    const head = element.closest("thead");  /* a card layout keeps the header row for screen readers only */
    if (head && head.getBoundingClientRect().height <= 1) continue;
    if (box.right > width + 1) {
      found.push(element.tagName + " '" + element.textContent.trim().slice(0, 40) + "' right=" + Math.round(box.right));
    }
  }
  return found;
}"""


@pytest.fixture
def phone(browser):
    """A phone page that records console errors and every request to another host (and blocks it)."""
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True, locale="id-ID")
    page = context.new_page()
    page.errors = []
    page.elsewhere = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))

    def guard(route):
        if urlsplit(route.request.url).hostname != "127.0.0.1":
            page.elsewhere.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", guard)
    yield page
    context.close()


def _visit(page, url: str, path: str):
    response = page.goto(url + path)
    page.wait_for_load_state("load")
    return response


# --- every page kind on a 360 px phone -----------------------------------------------------------


def test_every_page_kind_fits_the_screen_without_errors_or_outside_requests(phone, site):
    url, content = site
    problems = {}
    for kind, path in page_kinds(content).items():
        _visit(phone, url, path)
        off_screen = phone.evaluate(_OFF_SCREEN)
        if phone.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
            off_screen.append("the page scrolls sideways")
        if off_screen:
            problems[kind] = off_screen[:5]
    missing_ok = [error for error in phone.errors if "404" not in error]  # the 404 page itself answers 404
    assert problems == {}
    assert missing_ok == []
    assert phone.elsewhere == []


def test_first_visit_of_every_page_kind_is_at_most_100_kb_gzip_until_the_network_is_idle(browser, bundled_site):
    """What a resident's first visit costs on mobile data: the page and everything it fetches until the network is
    quiet, compressed as a host sends it. Nothing fetched may grow with the directory: Material fetches the
    sitemap on every visit, so it must be an index of parts, never the list of every page."""
    project, content = bundled_site
    problems = {}
    with serving_compressed(project.site) as (address, sent):
        for kind, path in page_kinds(content).items():
            fetched = first_visit(browser, address, sent, path)
            total = sum(fetched.values())
            if total > 100 * 1024:
                problems[kind] = f"{total / 1024:.0f} KB: {sorted(fetched.items(), key=lambda item: -item[1])[:4]}"
            if any("pagefind" in fetched_path for fetched_path in fetched):
                problems[kind] = "the search index was fetched before any search"
        assert "/sitemap.xml" in fetched, "the measure sees what the theme fetches after the page has loaded"
    assert problems == {}
    index = (project.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index and "<url>" not in index


def test_tables_become_cards_with_their_column_names_on_a_phone(phone, site):
    url, _ = site
    _visit(phone, url, "/kebutuhan/")
    cell = phone.locator("article td[data-label='Posko']").first
    assert cell.is_visible()
    label = phone.evaluate("element => getComputedStyle(element, '::before').content", cell.element_handle())
    assert label == '"Posko"'
    assert phone.locator("article thead").first.bounding_box()["height"] <= 1  # read by screen readers, not shown


@pytest.mark.parametrize("path", ["/kebutuhan/", "/data/", "/kontak/"])
def test_desktop_tables_use_the_width_they_have(browser, site, path):
    url, _ = site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(url + path)
    article = page.locator("article").bounding_box()
    for index in range(page.locator("article table").count()):
        table = page.locator("article table").nth(index).bounding_box()
        assert table["width"] >= 0.95 * article["width"], (path, index, table["width"], article["width"])
        assert table["x"] + table["width"] <= 1280
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_home_page_puts_a_number_to_tap_on_the_first_screen_and_hazards_within_two(phone, site):
    url, content = site
    _visit(phone, url, "/")
    height = SMALL_PHONE["height"]
    first = phone.locator("article a[href^='tel:']").first
    box = first.bounding_box()
    assert first.get_attribute("href") == f"tel:{content.nomor_darurat[0].nomor}"
    assert box["y"] >= 0 and box["y"] + box["height"] <= height and box["height"] >= 48
    tiles = phone.locator("article .siaga-ubin__item--ancaman")
    assert tiles.count() == sum(1 for guide in content.panduan if guide.record.ancaman)
    for index in range(tiles.count()):
        tile = tiles.nth(index).bounding_box()
        assert tile["y"] + tile["height"] <= 2 * height, tiles.nth(index).inner_text()
        assert tile["height"] >= 48
    for guide in content.panduan:
        assert phone.locator(f"article a[href='{served_url(panduan_path(guide))}']").count() == 1, guide.slug


@pytest.mark.parametrize("slug", ["tsunami", "gempa-bumi", "banjir", "tanah-longsor", "gunung-api", "tas-siaga", "rencana-keluarga"])
def test_every_guide_shows_a_number_to_tap_within_two_screens(phone, site, slug):
    url, content = site
    [guide] = [g for g in content.panduan if g.slug == slug]
    _visit(phone, url, "/" + served_url(panduan_path(guide)))
    call = phone.locator("article a[href^='tel:']").first
    box = call.bounding_box()
    assert box["y"] + box["height"] <= 2 * SMALL_PHONE["height"]
    expected = guide.record.nomor or [content.nomor_darurat[0].nomor]
    assert call.get_attribute("href") == f"tel:{expected[0]}"


@pytest.mark.parametrize("slug", sorted(MAIN_HAZARDS))
def test_during_is_reachable_without_scrolling_past_before(phone, site, slug):
    url, _ = site
    _visit(phone, url, f"/panduan/{slug}/")
    jump = phone.locator("article a[href='#saat']")
    before = phone.locator("article h2#sebelum")
    assert jump.bounding_box()["y"] < before.bounding_box()["y"]
    assert jump.bounding_box()["y"] + jump.bounding_box()["height"] <= SMALL_PHONE["height"]
    jump.click()
    wait_until(phone, "Math.abs(document.getElementById('saat').getBoundingClientRect().top) < 120")


def test_missing_page_answers_in_indonesian_with_numbers_and_the_way_home(phone, site):
    url, content = site
    response = _visit(phone, url, MISSING)
    assert response.status == 404
    assert phone.locator("html").get_attribute("lang") == "id"
    assert phone.locator("article h1").inner_text() == "Halaman tidak ditemukan"
    for number in content.nomor_darurat:  # the quick numbers, as on every first screen
        expected = 1 if number.tombol_cepat and not number.pakai_kode_area else 0
        assert phone.locator(f"article a[href='tel:{number.nomor}']").count() == expected, number.nomor
    assert phone.locator("article .siaga-hero__catatan").is_visible()
    phone.locator("article a", has_text="Kembali ke beranda").click()
    phone.wait_for_url(url + "/")
    assert phone.locator("article a[href^='tel:']").first.is_visible()


def test_footer_is_in_indonesian(phone, site):
    url, _ = site
    _visit(phone, url, "/")
    footer = phone.locator(".md-footer").inner_text()
    assert "Made with" not in footer and "Material for MkDocs" not in footer
    assert "Pengelola resmi belum dikonfirmasi" in footer and "Lisensi data belum ditetapkan" in footer


def test_site_has_its_own_icon_logo_and_share_picture(phone, site, bundled_site):
    from PIL import Image

    url, _ = site
    project, _ = bundled_site
    _visit(phone, url, "/")
    assert phone.locator("link[rel='icon']").get_attribute("href").endswith("assets/favicon.svg")
    assert phone.locator(".md-header__button.md-logo img").get_attribute("src").endswith("assets/logo.svg")
    image = phone.locator("meta[property='og:image']").get_attribute("content")
    assert image.endswith("/assets/bagikan.png")
    with Image.open(project.site / "assets/bagikan.png") as picture:
        assert picture.size == (1200, 630) and picture.format == "PNG"


# --- accessibility ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def test_axe_finds_no_wcag_21_aa_violation_on_any_page_kind(phone, site, axe):
    url, content = site
    found = {}
    for kind, path in page_kinds(content).items():
        _visit(phone, url, path)
        results = axe.run(phone, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
        violations = [f"{v['id']} ({len(v['nodes'])})" for v in results.response["violations"]]
        if violations:
            found[kind] = violations
        assert results.response["passes"] or results.response["violations"] is not None
    assert found == {}


# --- print --------------------------------------------------------------------------------------


def _printed(browser, url: str):
    from pypdf import PdfReader

    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    context.close()
    return PdfReader(io.BytesIO(pdf))


def test_guides_print_on_a4_as_designed_without_navigation(browser, site):
    url, content = site
    counts = {}
    for guide in content.panduan:
        reader = _printed(browser, url + "/" + served_url(panduan_path(guide)))
        counts[guide.slug] = len(reader.pages)
        low, high = PRINTED_PAGES.get(guide.slug, HAZARD_GUIDE_PAGES)
        assert low <= len(reader.pages) <= high, f"{guide.slug}: {len(reader.pages)} pages"
        # NFKC: the PDF sets "fl" and "fi" as ligatures (flores.tribunnews.com comes out with U+FB02).
        text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text() for page in reader.pages).split()))
        assert guide.record.judul in text
        assert "Cari" not in text.split(guide.record.judul)[0], "the header and search are not printed"
        for source in guide.record.sumber:
            if source.url:
                assert urlsplit(source.url).hostname in text.replace(" ", ""), (guide.slug, source.url)  # its website as text
        if guide.slug == "tas-siaga":  # the whole checklist on the front of the sheet
            front = " ".join(reader.pages[0].extract_text().split())
            for item in re.findall(r"(?m)^- \[ \] (.+)$", guide.body):
                words = " ".join(re.sub(r"[*]", "", item).split()[:4])
                assert words in front, words
    assert counts


def test_household_plan_prints_with_lines_to_fill_in(browser, site):
    url, _ = site
    reader = _printed(browser, url + "/panduan/rencana-keluarga/")
    text = " ".join(page.extract_text() for page in reader.pages)
    assert len(re.findall(r"\.{10,}", text)) >= 10
    assert "Nomor darurat" in text and "112" in text


# --- offline ------------------------------------------------------------------------------------


def test_guides_numbers_and_opened_ksb_pages_are_readable_offline(browser, bundled_site):
    project, content = bundled_site
    entry = content.ksb[-1]
    ksb_page = "/" + served_url(ksb_path(entry))
    context = browser.new_context(viewport=SMALL_PHONE, locale="id-ID", service_workers="allow")
    page = context.new_page()
    with serving(project.site) as url:
        page.goto(url + "/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        wait_until(page, "navigator.serviceWorker.controller !== null")
        page.goto(url + ksb_page)
        page.wait_for_load_state("load")
        wait_until(page, f"caches.match({(url + ksb_page)!r}).then(found => found !== undefined)")
    # The server is gone and the browser is offline: only the saved copy can answer.
    context.set_offline(True)
    expected = {"/darurat/": "Nomor darurat", ksb_page: entry.record.nama}
    expected |= {"/" + served_url(panduan_path(guide)): guide.record.judul for guide in content.panduan}
    for path, title in expected.items():
        page.goto(url + path)
        assert page.locator("article h1").inner_text() == title, path
        assert page.locator("article").inner_text().strip()
    stylesheet = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert stylesheet == "rgb(183, 28, 28)", "the theme's files are saved too"
    context.close()


# --- KSB terdekat -------------------------------------------------------------------------------


def _kilometres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def test_nearest_ksb_is_found_in_the_browser_from_the_phones_position(browser, site):
    url, content = site
    located = content.ksb  # every KSB: at its posko, or approximately at its kecamatan's centre
    here = (located[-1].tempat.titik.lat + 0.01, located[-1].tempat.titik.lon - 0.01)
    ranked = sorted(located, key=lambda e: _kilometres(here, (e.tempat.titik.lat, e.tempat.titik.lon)))
    context = browser.new_context(viewport=SMALL_PHONE, locale="id-ID", geolocation={"latitude": here[0], "longitude": here[1]},
                                  permissions=["geolocation"])
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url + "/")
    page.locator("button", has_text="Cari KSB terdekat").click()
    results = page.locator(".siaga-terdekat__ksb")
    results.first.wait_for()
    names = [results.nth(i).locator("a").first.inner_text() for i in range(results.count())]
    assert names == [entry.record.nama for entry in ranked[: len(names)]] and len(names) == min(3, len(located))
    for index, entry in enumerate(ranked[: len(names)]):  # a point at a kecamatan's centre is said to be rough
        assert ("perkiraan" in results.nth(index).inner_text()) is entry.tempat.titik_perkiraan, entry.slug
    results.first.locator("a").first.click()
    page.wait_for_url(f"**/{served_url(ksb_path(ranked[0]))}")
    assert all(urlsplit(address).hostname == "127.0.0.1" for address in requests), "the position goes nowhere"
    context.close()


def test_nearest_ksb_says_what_to_do_when_location_is_refused(browser, site):
    url, _ = site
    context = browser.new_context(viewport=SMALL_PHONE, locale="id-ID")  # no permission granted
    page = context.new_page()
    page.goto(url + "/")
    page.locator("button", has_text="Cari KSB terdekat").click()
    page.locator(".siaga-terdekat__catatan", has_text="Pilih kabupaten/kota di bawah").wait_for()
    assert page.locator(".siaga-terdekat__ksb").count() == 0
    context.close()


def test_a_region_list_narrows_as_the_reader_types(phone, site):
    """Hundreds of KSB on one region page: typing part of a desa's name leaves its KSB, the count is announced,
    and sections left empty disappear. Taken from the bundled content, whatever it holds."""
    url, content = site
    region = max(content.wilayah, key=lambda r: sum(1 for e in content.ksb if e.wilayah and e.wilayah.slug == r.slug))
    listed = [e for e in content.ksb if e.wilayah and e.wilayah.slug == region.slug]
    wanted = listed[-1].record
    page = phone
    _visit(page, url, f"/ksb/{region.slug}/")
    items = page.locator("article h2[id^='kecamatan-'] + ul > li")
    assert items.count() == len(listed)
    box = page.get_by_label("Saring daftar: ketik nama KSB, desa atau kecamatan")
    typed = listed[-1].tempat.desa[0][1] if listed[-1].tempat.desa else listed[-1].tempat.kecamatan
    box.fill(typed.upper())
    matching = [e for e in listed
                if typed.casefold() in " ".join([e.record.nama, *(name for _, name, _ in e.tempat.desa), e.tempat.kecamatan]).casefold()]
    visible = [items.nth(i).inner_text() for i in range(items.count()) if items.nth(i).is_visible()]
    assert len(visible) == len(matching) and any(wanted.nama in text for text in visible)
    assert page.locator(".siaga-saring__jumlah").inner_text() == f"{len(matching)} dari {len(listed)} KSB cocok"
    box.fill("tidak-ada-ksb-bernama-ini")
    assert not [i for i in range(items.count()) if items.nth(i).is_visible()]
    assert not page.locator("article h2:visible", has_text="Kecamatan").count(), "empty sections are hidden"
    assert page.locator("article h2:visible", has_text="Sumber").count(), "only the KSB list is narrowed"
    box.fill("")
    assert all(items.nth(i).is_visible() for i in range(items.count()))
    assert not page.errors and not page.elsewhere
