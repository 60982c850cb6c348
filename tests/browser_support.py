"""What every browser test needs: Debian's Chromium through Playwright, and the built site served on 127.0.0.1.

CI installs Chromium and sets SIAGA_REQUIRE_BROWSER=1, so there a missing browser fails the run
instead of skipping the tests.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import shutil
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from siaga.published.paths import fgd_path, ksb_path, ksb_poster_path, panduan_path, report_path, served_url

CHROMIUM = os.environ.get("SIAGA_CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}
# As the review measured: a small Android phone's screen.
SMALL_PHONE = {"width": 360, "height": 640}
MISSING = "/halaman-yang-tidak-ada/"


def page_kinds(content) -> dict[str, str]:
    """One address per kind of page in the bundled site (the 404 page by a missing address)."""
    entry = content.ksb[0]
    urls = {
        "beranda": "/", "darurat": "/darurat/", "panduan-indeks": "/panduan/", "ksb-indeks": "/ksb/",
        "wilayah": f"/ksb/{entry.wilayah.slug}/", "ksb": "/" + served_url(ksb_path(entry)),
        "poster": "/" + served_url(ksb_poster_path(entry)), "kontak": "/kontak/", "kebutuhan": "/kebutuhan/",
        "fgd-indeks": "/fgd/", "data": "/data/", "tentang": "/tentang/", "404": MISSING,
        "pengelola": "/pengelola/", "skema": "/pengelola/skema/",
    }
    urls |= {f"panduan:{guide.slug}": "/" + served_url(panduan_path(guide)) for guide in content.panduan}
    urls |= {f"fgd:{record.slug}": "/" + served_url(fgd_path(record)) for record in content.fgd}
    urls |= {"laporan-indeks": "/laporan/", "laporan-wilayah": f"/laporan/wilayah/{entry.wilayah.slug}/"}
    # One report page of each state the content has: standing, corrected, withdrawn.
    for report in content.laporan:
        urls.setdefault(f"laporan:{report.record.status_kini}", "/" + served_url(report_path(report)))
    return urls


def skip_without_browser() -> None:
    """Skip the calling test module when there is no Chromium, unless CI requires one."""
    if not shutil.which(CHROMIUM) and not os.environ.get("SIAGA_REQUIRE_BROWSER"):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


class _StaticHost(SimpleHTTPRequestHandler):
    """A static host as GitHub or GitLab Pages are: a missing address gets the site's own 404 page."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        self.send_body(code, "text/html; charset=utf-8", page.read_bytes())

    def send_body(self, code: int, content_type: str, body: bytes, headers: tuple[tuple[str, str], ...] = ()) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        for keyword, value in headers:
            self.send_header(keyword, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def _answering(handler):
    """A local host answering with ``handler`` on a free port until the block ends: yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def serving(site: Path):
    """Serve a built site on a free local port until the block ends (then the address stops answering)."""
    with _answering(functools.partial(_StaticHost, directory=str(site))) as address:
        yield address


class Deployments:
    """A host whose site can be replaced while it serves (a deploy), that can fail as hosts do (every answer a 503
    or a 404), and that lets browsers keep each file for ten minutes as GitHub Pages does. Logs each path asked."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.failing: int | None = None
        self.asked: list[str] = []


class _DeployingHost(_StaticHost):
    deployments: Deployments

    def translate_path(self, path: str) -> str:
        self.directory = str(self.deployments.site)
        return super().translate_path(path)

    def do_GET(self) -> None:
        self.deployments.asked.append(self.path)
        if self.deployments.failing:
            self.directory = str(self.deployments.site)
            self.send_body(self.deployments.failing, "text/html; charset=utf-8", b"<h1>Host error</h1>")
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


@contextlib.contextmanager
def serving_deployments(site: Path):
    """Serve ``site`` until the block ends; yields the address and the :class:`Deployments` that switch what is served."""
    deployments = Deployments(site)
    handler = functools.partial(type("_Host", (_DeployingHost,), {"deployments": deployments}), directory=str(site))
    with _answering(handler) as address:
        yield address, deployments


# What static hosts (GitHub Pages, GitLab Pages) send gzip-compressed when the browser accepts it.
_COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest")


class _CompressingHost(_StaticHost):
    """A static host that compresses text as GitHub Pages does, and logs each response's path and body size."""

    sent: list[tuple[str, int]]

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file() and path.name.endswith(_COMPRESSED):
            self.send_body(HTTPStatus.OK, self.guess_type(str(path)), path.read_bytes())
        else:
            super().do_GET()

    def send_body(self, code: int, content_type: str, body: bytes, headers: tuple[tuple[str, str], ...] = ()) -> None:
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body, headers = gzip.compress(body, 6), (*headers, ("Content-Encoding", "gzip"))
        super().send_body(code, content_type, body, headers)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.sent.append((self.path, int(value)))
        super().send_header(keyword, value)


@contextlib.contextmanager
def serving_compressed(site: Path):
    """Serve a built site as a host does, compressed: yields the address and the log of (path, bytes) sent."""
    sent: list[tuple[str, int]] = []
    handler = functools.partial(type("_Host", (_CompressingHost,), {"sent": sent}), directory=str(site))
    with _answering(handler) as address:
        yield address, sent


def first_visit(browser, address: str, sent: list[tuple[str, int]], url: str, *, offline_copy: bool = False) -> dict[str, int]:
    """Bytes (gzip, as sent) of a first visit to ``url`` on a 360 px phone with an empty cache, everything fetched
    until the network has been idle for half a second, by path. Without ``offline_copy`` the service worker is
    blocked, so what it saves for offline reading in the background is left out."""
    context = browser.new_context(viewport=SMALL_PHONE, service_workers="allow" if offline_copy else "block")
    try:
        page = context.new_page()
        start = len(sent)
        page.goto(address + url, wait_until="networkidle")
        page.wait_for_timeout(500)
        fetched: dict[str, int] = {}
        for path, size in sent[start:]:
            fetched[path] = fetched.get(path, 0) + size
        return fetched
    finally:
        context.close()


def wait_until(page, expression: str, *, timeout: float = 20.0) -> None:
    """Wait until ``expression`` (JavaScript; a promise is awaited) is truthy in ``page``. Playwright's own
    wait_for_function compiles its predicate with eval, which the site's content security policy refuses,
    and it takes a promise for a truthy value."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(f"Promise.resolve({expression}).then(value => Boolean(value))"):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:g} s: {expression}")
        page.wait_for_timeout(100)


@contextlib.contextmanager
def chromium():
    """Debian's Chromium, headless, with nothing of its own reaching the network."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update"],
        )
        try:
            yield browser
        finally:
            browser.close()
