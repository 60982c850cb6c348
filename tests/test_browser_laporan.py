"""Situation reports on a 360 x 640 phone in Chromium (the bundled site with the tests' sample reports): the banner
and the number to call on the first screen of every report page, nothing beyond the right edge, and a KSB's
situation kept true by the browser's clock between builds."""

from __future__ import annotations

import datetime as dt

from browser_support import SMALL_PHONE, page_kinds, skip_without_browser
from siaga.content.wording import BANTEN
from siaga.published.paths import ksb_path, served_url

skip_without_browser()

_WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll("article *")].filter(element => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.right > document.documentElement.clientWidth + 1 && !element.closest("pre, .md-typeset__scrollwrap");
}).map(element => element.tagName + " " + element.textContent.trim().slice(0, 40))"""


def _phone(browser, moment: dt.datetime | None = None):
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True, locale="id-ID")
    page = context.new_page()
    if moment is not None:
        page.clock.set_fixed_time(moment)
    return context, page


def test_every_report_page_kind_opens_with_its_label_and_the_number_to_call(browser, site):
    url, content = site
    assert {entry.record.status_kini for entry in content.laporan} >= {"dikonfirmasi-posko", "dikoreksi", "dicabut"}
    context, page = _phone(browser)
    kinds = {kind: path for kind, path in page_kinds(content).items() if kind.startswith("laporan")}
    assert len(kinds) >= 5
    for kind, path in kinds.items():
        page.goto(url + path)
        call = page.locator("article a.siaga-panggil--utama[href='tel:112']").first
        assert call.bounding_box()["y"] + call.bounding_box()["height"] <= SMALL_PHONE["height"], kind
        banner = page.locator("article .siaga-laporan-status").first
        assert banner.is_visible() and banner.bounding_box()["y"] < SMALL_PHONE["height"], kind
        assert "bukan data resmi" in banner.inner_text() or "Data resmi" in banner.inner_text(), kind
        assert not page.evaluate(_WIDER_THAN_THE_SCREEN), (kind, page.evaluate(_WIDER_THAN_THE_SCREEN))
    withdrawn = next(entry for entry in content.laporan if entry.record.status_kini == "dicabut")
    page.goto(url + page_kinds(content)["laporan:dicabut"])
    assert withdrawn.record.ringkasan not in page.locator("article").inner_text(), "a withdrawn report keeps a short page"
    context.close()


def test_a_ksb_status_follows_the_clock_between_builds(browser, site):
    url, content = site
    report = next(entry for entry in content.laporan if entry.record.status_kini == "dikonfirmasi-posko")
    ksb = next(entry for entry in content.ksb if f"{entry.wilayah.slug}/{entry.slug}" == report.record.ksb)
    ksb_page = url + "/" + served_url(ksb_path(ksb))
    during = report.record.berlaku_sampai - dt.timedelta(hours=1)
    after = report.record.berlaku_sampai + dt.timedelta(hours=1)

    context, page = _phone(browser, during.astimezone(BANTEN))
    page.goto(ksb_page)
    assert page.locator(".siaga-keadaan [data-siaga-saat-berlaku]").inner_text().startswith("Keadaan: Butuh bantuan")
    assert page.locator(".siaga-keadaan [data-siaga-sesudah-berlaku]").is_hidden()
    page.goto(url + "/")
    assert page.locator("[data-siaga-laporan-aktif]").is_visible()
    context.close()

    context, page = _phone(browser, after.astimezone(BANTEN))
    page.goto(ksb_page)
    assert page.locator(".siaga-keadaan [data-siaga-saat-berlaku]").is_hidden()
    line = page.locator(".siaga-keadaan [data-siaga-sesudah-berlaku]")
    assert line.is_visible() and line.inner_text().startswith("Belum ada kabar baru dari posko sejak 2 Desember 2026 pukul 08.15 WIB")
    page.goto(url + "/")
    assert page.locator("[data-siaga-laporan-aktif]").is_hidden(), "the home page shows active reports only while there are any"
    context.close()
