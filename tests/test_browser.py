"""The built site in a real browser (Debian's Chromium driven by Playwright), on a small phone screen.

CI installs Chromium and sets SIAGA_REQUIRE_BROWSER=1, so there a missing browser fails the run
instead of skipping these tests.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

CHROMIUM = os.environ.get("SIAGA_CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}

if not shutil.which(CHROMIUM) and not os.environ.get("SIAGA_REQUIRE_BROWSER"):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def base_url(bundled_site):
    project, _ = bundled_site
    handler = functools.partial(_QuietHandler, directory=str(project.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update"],
        )
        yield browser
        browser.close()


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
    phone_page.locator("article table a", has_text=entry.record.nama).first.click()
    phone_page.wait_for_url(f"**/ksb/{entry.wilayah.slug}/{entry.slug}/")
    assert phone_page.locator("article h1").inner_text() == entry.record.nama
    assert phone_page.locator(".admonition.warning", has_text="Data contoh").is_visible()
    assert phone_page.locator(f'article a[href="tel:{entry.record.posko.telepon}"]').first.is_visible()
    assert _no_sideways_scrolling(phone_page)


def test_journalist_finds_a_ksb_by_searching_its_name(browser, base_url, bundled_site):
    _, content = bundled_site
    entry = content.ksb[-1]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.goto(base_url + "/kontak/")
    search = page.locator("input.md-search__input")
    result = page.locator(".md-search-result__item a", has_text=entry.record.nama).first
    # The search worker loads its index after the page; a query typed before that may be lost.
    for _ in range(5):
        search.click()
        search.fill("")
        search.type(entry.record.desa, delay=50)
        if result.is_visible() or _appears(result):
            break
    result.click()
    page.wait_for_url(f"**/ksb/{entry.wilayah.slug}/{entry.slug}/**")
    assert page.locator(f'article a[href="tel:{entry.record.posko.telepon}"]').first.is_visible()
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
