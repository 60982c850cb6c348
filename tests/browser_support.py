"""What every browser test needs: Debian's Chromium through Playwright, and the built site served on 127.0.0.1.

CI installs Chromium and sets SIAGA_REQUIRE_BROWSER=1, so there a missing browser fails the run
instead of skipping the tests.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SIAGA_CHROMIUM", "/usr/bin/chromium")
PHONE = {"width": 360, "height": 740}
# As the review measured: a small Android phone's screen.
SMALL_PHONE = {"width": 360, "height": 640}


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
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serving(site: Path):
    """Serve a built site on a free local port until the block ends (then the address stops answering)."""
    handler = functools.partial(_StaticHost, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


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
