"""The offline copy as a returning reader meets it, in Chromium: after a deploy every changed file arrives
within one reload, search never pairs an old engine with a new index, a saved page beats a host's error and
says when it was saved, a page never opened falls back to the numbers at their own address, and the saved
copies neither multiply by query string nor grow without limit."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from browser_support import SMALL_PHONE, serving_deployments, skip_without_browser, wait_until
from conftest import GOLDEN_CONTENT, TODAY, make_project

skip_without_browser()

NEW_WORD = "zebrasilang"
SCRIPT_MARK = 'window.siagaVersiUji = "baru";'
STYLE_MARK = ".siaga-uji-baru { color: inherit; }"
REGION = "/ksb/kab-lebak/"


@pytest.fixture(scope="module")
def deploys(tmp_path_factory):
    """Two builds of the golden content, as two deploys: the second changes a script, the stylesheet, a guide's
    text (so Pagefind's index) and a KSB's position (so ``data/ksb.geojson``). Yields (first site, second site)."""
    from siaga.build import build

    root = tmp_path_factory.mktemp("deploy")
    project = make_project(root / "proyek", GOLDEN_CONTENT)
    build(project, strict=True, today=TODAY)
    first = shutil.copytree(project.site, root / "pertama")
    with (project.root / "overrides" / "assets" / "saring.js").open("a", encoding="utf-8") as script:
        script.write("\n" + SCRIPT_MARK + "\n")
    with (project.root / "overrides" / "assets" / "siaga.css").open("a", encoding="utf-8") as style:
        style.write("\n" + STYLE_MARK + "\n")
    guide = project.content / "panduan" / "banjir.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("- Siapkan tas siaga.", f"- Siapkan tas siaga {NEW_WORD}."),
                     encoding="utf-8")
    ksb = project.content / "ksb" / "kab-lebak" / "sukamaju.yml"
    ksb.write_text(ksb.read_text(encoding="utf-8").replace("lat: -6.5,", "lat: -6.4321,"), encoding="utf-8")
    build(project, strict=True, today=TODAY)
    second = shutil.copytree(project.site, root / "kedua")
    return first, second


def _version(site) -> str:
    return json.loads(re.search(r"var SETELAN = (\{.*?\n\});", (site / "sw.js").read_text(encoding="utf-8"), re.S).group(1))["versi"]


def _reader(browser):
    """A phone whose browser lets the site's offline copy work: (context, page)."""
    context = browser.new_context(viewport=SMALL_PHONE, locale="id-ID", service_workers="allow")
    return context, context.new_page()


def _controlled(page) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    wait_until(page, "navigator.serviceWorker.controller !== null")


def _settled(page, version: str) -> None:
    """Wait until the worker of ``version`` is active and the earlier copies are gone (as a reader does before they
    next reload: the browser looks for a new worker after each navigation)."""
    names = "caches.keys()"
    for _ in range(100):
        if page.evaluate(names) == ["siaga-" + version]:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"the worker of {version} was not installed: {page.evaluate(names)}")


def _search(page, word: str) -> list[str]:
    page.get_by_label("Cari di Siaga Banten").fill(word)
    wait_until(page, "!/Mencari/.test(document.querySelector('.siaga-cari__status').textContent)"
                     " && document.querySelector('.siaga-cari__status').textContent !== ''")
    return page.locator(".siaga-cari__hasil a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")


def _fetched(page, path: str) -> str:
    return page.evaluate("path => fetch(path).then(r => r.text())", path)


def test_a_returning_reader_gets_every_changed_file_within_one_reload(browser, deploys):
    first, second = deploys
    assert _version(first) != _version(second)
    context, page = _reader(browser)
    with serving_deployments(first) as (url, host):
        # The first visits: the home page installs the worker; the region page's script, the stylesheet, the
        # map data and Pagefind's engine are saved as the reader uses them.
        page.goto(url + "/")
        _controlled(page)
        _settled(page, _version(first))
        page.goto(url + REGION)
        page.wait_for_load_state("load")
        assert page.evaluate("window.siagaVersiUji") is None
        assert NEW_WORD not in _fetched(page, "/panduan/banjir/")
        assert "-6.4321" not in _fetched(page, "/data/ksb.geojson")
        assert _search(page, "banjir")
        saved = page.evaluate("caches.keys().then(n => caches.open(n[0])).then(c => c.keys()).then(k => k.map(r => r.url))")
        assert any("/pagefind/" in key for key in saved) and not [key for key in saved if "?" in key], \
            "Pagefind's ?ts=... requests are saved once, under their address without the query"

        host.site = second  # the deploy
        host.asked.clear()
        # The return visit: the page comes from the network; search already uses the new index.
        page.goto(url + REGION)
        page.wait_for_load_state("load")
        assert "/panduan/banjir/" in _search(page, NEW_WORD), "Pagefind's engine and entry file come fresh with the new index"
        _settled(page, _version(second))
        # One reload: every changed file is the new one.
        page.reload()
        page.wait_for_load_state("load")
        assert page.evaluate("window.siagaVersiUji") == "baru", "the changed script"
        assert STYLE_MARK in _fetched(page, "/assets/siaga.css"), "the changed stylesheet"
        assert "-6.4321" in _fetched(page, "/data/ksb.geojson"), "the changed map data"
        assert NEW_WORD in page.evaluate("caches.match(location.origin + '/panduan/banjir/').then(r => r.text())"), \
            "the changed guide was saved again, past the browser's HTTP cache"
        # What did not change was not downloaded again: the emergency page is the same in both builds.
        assert (first / "darurat" / "index.html").read_bytes() == (second / "darurat" / "index.html").read_bytes()
        assert "/darurat/" not in host.asked
    context.close()


def test_a_saved_page_beats_a_host_error_and_says_when_it_was_saved(browser, deploys):
    site, _ = deploys
    context, page = _reader(browser)
    with serving_deployments(site) as (url, host):
        page.goto(url + "/")
        _controlled(page)
        page.goto(url + REGION)
        page.wait_for_load_state("load")
        assert page.locator(".siaga-luring").is_hidden(), "a page from the network carries no offline note"
        for status in (503, 404):
            host.failing = status
            page.goto(url + REGION)
            assert page.locator("article h1").inner_text() == "KSB di Kabupaten Lebak"
            note = page.locator(".siaga-luring")
            assert note.is_visible()
            assert re.search(r"disimpan pada \d{1,2} \w+ \d{4}.* WIB", note.inner_text()), note.inner_text()
    context.close()


def test_a_page_never_opened_falls_back_to_the_numbers_at_their_own_address(browser, deploys):
    site, _ = deploys
    context, page = _reader(browser)
    with serving_deployments(site) as (url, _host):
        page.goto(url + "/")
        _controlled(page)
        _settled(page, _version(site))
    # The host is gone. A poster's QR code leads deep into the site, to a page this phone never opened.
    for deep in ("/ksb/kab-lebak/sukamaju/", "/ksb/kota-serang/cipare/poster/"):
        page.goto(url + deep)
        assert page.url == url + "/darurat/?belum-tersimpan=1"
        assert page.locator("article h1").inner_text() == "Nomor darurat"
        assert "belum tersimpan" in page.locator(".siaga-luring").inner_text()
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header == "rgb(183, 28, 28)", "the stylesheet loads: the page is at its own address"
        guides = page.locator("a.md-nav__link", has_text="Panduan").first.get_attribute("href")
        page.goto(page.evaluate("href => new URL(href, location.href).href", guides))
        assert page.locator("article h1").inner_text() == "Panduan kesiapsiagaan", "a link from the fallback page works offline"
    context.close()


def test_saved_copies_are_one_per_address_and_limited(browser, deploys, tmp_path):
    from siaga.content.validate import load_and_validate
    from siaga.site.offline import write_service_worker

    site = shutil.copytree(deploys[0], tmp_path / "situs")
    write_service_worker(site, load_and_validate(GOLDEN_CONTENT, today=TODAY), limit=3)
    context, page = _reader(browser)
    keys = "caches.keys().then(n => caches.open(n[0])).then(c => c.keys()).then(k => k.map(r => r.url))"
    with serving_deployments(site) as (url, _host):
        page.goto(url + "/")
        _controlled(page)
        _settled(page, _version(site))
        precached = set(page.evaluate(keys))
        for visit in range(5):  # shared links carry ?fbclid=...; Pagefind asks with ?ts=...
            page.goto(f"{url}{REGION}?fbclid=uji{visit}")
        page.wait_for_timeout(300)
        saved = page.evaluate(keys)
        assert not [key for key in saved if "?" in key]
        assert saved.count(url + REGION) == 1
        for path in ("/ksb/", "/kontak/", "/tentang/", "/fgd/", "/data/", "/kebutuhan/"):
            page.goto(url + path)
        page.wait_for_timeout(300)
        extra = [key for key in page.evaluate(keys) if key not in precached]
        assert 0 < len(extra) <= 3, extra
        assert url + "/kebutuhan/" in extra, "the newest copy is kept, the oldest go"
    context.close()
