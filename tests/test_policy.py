"""The content security policy and referrer policy on every built page, and the site still working under them in
Chromium: no page kind reports a violation, and search, the nearest KSB, the region filter, printing and the
offline copy all still work. An inline script we did not write is refused."""

from __future__ import annotations

import re
import shutil

from browser_support import SMALL_PHONE, page_kinds, serving, skip_without_browser, wait_until
from siaga.site.policy import REFERRER_POLICY, inline_script_hashes

skip_without_browser()

# Every violation the page reports, kept where the test can read it (an init script runs outside the policy).
_RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
});
window.__printed = 0;
window.print = () => { window.__printed += 1; };
"""
_POLICY = re.compile(r'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]+)">'
                     r'<meta name="referrer" content="(?P<referrer>[^"]+)">')


def test_every_page_carries_both_policies_before_anything_they_govern(bundled_site):
    project, _ = bundled_site
    pages = sorted(project.site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = _POLICY.search(html)
        assert found, path
        assert html.find("<script") > found.end() and html.find("<link") > found.end(), path
        policy = dict(directive.split(" ", 1) for directive in found.group("policy").split("; "))
        assert found.group("referrer") == REFERRER_POLICY
        assert policy["object-src"] == "'none'" and policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
        assert policy["connect-src"] == "'self'" and policy["img-src"] == "'self' data:"
        script = policy["script-src"].split()
        assert script[:2] == ["'self'", "'wasm-unsafe-eval'"] and "'unsafe-inline'" not in script
        assert script[2:] == inline_script_hashes(html), path



def _reader(browser, **options):
    context = browser.new_context(viewport=SMALL_PHONE, locale="id-ID", **options)
    context.add_init_script(_RECORD_VIOLATIONS)
    page = context.new_page()
    page.console = []
    page.on("console", lambda message: page.console.append(message.text))
    return context, page


def _violations(page) -> list[str]:
    reported = page.evaluate("window.__violations")
    refused = [text for text in page.console if "Content Security Policy" in text]
    return reported + refused


def test_no_page_kind_reports_a_violation(browser, site):
    url, content = site
    context, page = _reader(browser, service_workers="allow")
    for kind, path in page_kinds(content).items():
        page.goto(url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(100)
        assert not _violations(page), (kind, _violations(page))
    # The offline copy registered from assets/siaga.js, not an inline script.
    wait_until(page, "navigator.serviceWorker.controller !== null")
    context.close()


def test_search_nearest_ksb_filter_and_printing_work_under_the_policy(browser, site):
    url, content = site
    located = content.ksb[-1]
    here = {"latitude": located.tempat.titik.lat, "longitude": located.tempat.titik.lon}
    context, page = _reader(browser, geolocation=here, permissions=["geolocation"])

    page.goto(url + "/")
    page.get_by_label("Cari di Siaga Banten").fill("banjir")
    page.locator(".siaga-cari__hasil a").first.wait_for()
    assert "/panduan/banjir/" in page.locator(".siaga-cari__hasil a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")

    page.locator("button", has_text="Cari KSB terdekat").click()
    page.locator(".siaga-terdekat__ksb").first.wait_for()
    assert located.record.nama in page.locator(".siaga-terdekat__ksb").first.inner_text()
    assert not _violations(page)

    region = located.wilayah.slug
    page.goto(f"{url}/ksb/{region}/")
    page.get_by_label("Saring daftar: ketik nama KSB, desa atau kecamatan").fill("tidak-ada-ksb-bernama-ini")
    assert page.locator(".siaga-saring__jumlah").inner_text().startswith("0 dari")

    page.goto(url + page_kinds(content)["poster"])
    page.locator("button", has_text="Cetak poster").click()
    assert page.evaluate("window.__printed") == 1
    assert not _violations(page)
    context.close()


def test_an_inline_script_we_did_not_write_is_refused(browser, bundled_site, tmp_path):
    """What the policy is for: markup that slipped into a page runs nothing, and the page reports it."""
    project, _ = bundled_site
    site = shutil.copytree(project.site, tmp_path / "situs")
    page_file = site / "tentang" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    injected = ('<script>window.__ran = true</script><img src="https://evil.example/x.png">'
                '<script src="https://evil.example/x.js"></script>')
    page_file.write_text(html.replace('<div data-pagefind-body>', '<div data-pagefind-body>' + injected, 1), encoding="utf-8")
    context, page = _reader(browser)
    blocked = []
    context.route("**/*", lambda route: (blocked.append(route.request.url), route.abort()) if "evil.example" in route.request.url
                  else route.continue_())
    with serving(site) as url:
        page.goto(url + "/tentang/")
        page.wait_for_load_state("load")
        assert page.evaluate("window.__ran") is None
        violations = " ".join(_violations(page))
        assert "script-src" in violations and "img-src" in violations
        assert not blocked, "the browser never even asked"
    context.close()
